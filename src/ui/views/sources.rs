//! Sources & checks: the two documents, how many facts each section holds, a search over
//! every fact, the inspector for the chosen fact, every reconciliation check with its
//! operands and status, and the errata.
//!
//! URL parameters: `q` (search text), `fact` (inspected fact id), `section` (section whose
//! facts are listed), `status` (check filter: pass, rounding, erratum).

use std::sync::Arc;

use leptos::prelude::*;
use crate::ui::stage::Later;
use crate::ui::i18n::{fact_with_unit, p, t, tf};

use crate::export::dataset_json;
use crate::ui::download::save_text;

use crate::format;
use crate::model::{fact::Dimension, DocumentId, Status, DOCUMENTS};
use crate::route::{Route, View};
use crate::ui::router::replace_route;
use crate::ui::state::{load_error_view, use_explorer, Explorer};
use crate::ui::widgets::fact_panel::{fact_href, FactPanel};
use crate::ui::widgets::status_badge::StatusBadge;

/// How many search results are listed at most.
const SEARCH_LIMIT: usize = 50;

#[component]
pub fn SourcesView(route: ReadSignal<Route>) -> impl IntoView {
    let explorer = match use_explorer() {
        Ok(x) => x,
        Err(message) => return load_error_view(View::Sources, message),
    };
    let fact = Memo::new(move |_| route.get().param("fact").map(str::to_owned));
    let section = Memo::new(move |_| route.get().param("section").map(str::to_owned));
    let x1 = explorer.clone();
    let x2 = explorer.clone();
    let (x3, x4, x5, x6) = (explorer.clone(), explorer.clone(), explorer.clone(), explorer.clone());
    // The dataset export quotes every fact's line: fetched when the view opens.
    crate::ui::assets::ensure_lines();
    let lines = use_context::<crate::ui::assets::Lines>().map(|l| l.0);
    let lines_ready = move || lines.is_none_or(|s| s.get() == crate::ui::assets::Load::Ready);
    view! {
        <section class="view sources" data-testid="view-sources">
            <h2>{t("Sources & checks")}</h2>
            {move || fact.get().map(|id| view! { <FactPanel explorer=x1.clone() id=id /> })}
            <Later><Summary explorer=x6 /></Later>
            {
                let x = explorer.clone();
                view! {
                    <p class="table-tools left">
                        <button type="button" class="action small secondary" data-testid="dataset-json"
                            prop:disabled=move || !lines_ready() aria-busy=move || (!lines_ready()).to_string()
                            on:click=move |_| save_text("iij-fy2007-dataset.json", "application/json", &dataset_json(&x.data))>
                            {t("Download the whole dataset (JSON)")}
                        </button>
                        <span class="muted small">{t(" Every fact with its exact value, unit, period and source line; every check with its status; the errata.")}</span>
                    </p>
                    // Files of the build beside the pages (and beside the offline file in the zip).
                    <p class="table-tools left" data-testid="workbooks">
                        <a class="action small secondary" href="iij-explorer.xlsx" download="" data-testid="workbook-en">{t("Download the workbook (Excel, English)")}</a>
                        <a class="action small secondary" href="iij-explorer-ja.xlsx" download="" data-testid="workbook-ja">{t("Download the workbook (Excel, Japanese)")}</a>
                        <span class="muted small">{t(" Every printed figure with its source as a cell note; every ratio and both sides of every check as live formulas. Beside the offline file in iij-explorer.zip; an offline file copied on its own has no workbook beside it: take the workbook from the zip.")}</span>
                    </p>
                }
            }
            <Later><FactSearch explorer=x3 route=route /></Later>
            <Later><Sections explorer=x4 /></Later>
            {move || section.get().map(|id| view! { <SectionFacts explorer=x2.clone() id=id /> })}
            <Later><Checks explorer=x5 route=route /></Later>
            <Later><Errata explorer=explorer /></Later>
        </section>
    }
    .into_any()
}

#[component]
fn Summary(explorer: Arc<Explorer>) -> impl IntoView {
    let data = &explorer.data;
    let count = |code: &str| explorer.results().iter().filter(|r| r.status.code() == code).count();
    let (pass, rounding, erratum) = (count("pass"), count("rounding"), count("erratum"));
    let other = explorer.results().len() - pass - rounding - erratum;
    view! {
        <div class="summary-grid">
            <div class="stat"><span class="stat-value" data-testid="count-facts">{data.facts.len()}</span><span class="stat-label">{t("facts")}</span></div>
            <div class="stat"><span class="stat-value" data-testid="count-checks">{data.checks.len()}</span><span class="stat-label">{t("checks")}</span></div>
            <div class="stat"><span class="stat-value" data-testid="count-errata">{data.errata.len()}</span><span class="stat-label">{t("errata")}</span></div>
        </div>
        <p>
            {tf("{0} checks agree exactly, {1} agree within the rounding of the printed figures, and {2} depend on an erratum.", &[&pass.to_string(), &rounding.to_string(), &erratum.to_string()])}
            {(other > 0).then(|| tf(" {0} fail.", &[&other.to_string()]))}
        </p>
        <table class="data-table">
            <caption>{t("The source documents")}</caption>
            <thead><tr><th scope="col">{t("Document")}</th><th scope="col">{t("Dated")}</th><th scope="col">{t("Printed in")}</th><th scope="col" class="num">{t("Facts")}</th></tr></thead>
            <tbody>
                {DOCUMENTS
                    .iter()
                    .map(|d| view! {
                        <tr>
                            <th scope="row">{t(d.title)}</th>
                            <td><time datetime=d.date>{crate::ui::i18n::p(d.date_label)}</time></td>
                            <td>{t(d.units)}</td>
                            <td class="num" data-testid=format!("count-{}", doc_code(d.id))>{data.count_in(d.id)}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

fn doc_code(d: DocumentId) -> &'static str {
    match d {
        DocumentId::Notice => "notice",
        DocumentId::Forum => "forum",
    }
}

#[component]
fn FactSearch(explorer: Arc<Explorer>, route: ReadSignal<Route>) -> impl IntoView {
    let query = crate::ui::router::search_text(route, "q");
    let results = {
        let explorer = explorer.clone();
        Memo::new(move |_| explorer.data.search(&query.get(), SEARCH_LIMIT + 1))
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        query.set(text.clone());
        replace_route(route.get_untracked().with_param("q", Some(text.trim())));
    };
    view! {
        <div class="search">
            <label for="fact-search">{t("Search every fact by name, value or id")}</label>
            <input
                id="fact-search"
                type="search"
                data-testid="fact-search"
                placeholder={t("e.g. accumulated deficit, 66,835, cbs.cash")}
                autocomplete="off"
                prop:value=move || query.get()
                on:input=on_input
            />
            <p class="muted" aria-live="polite" data-testid="search-count">
                {move || {
                    let n = results.get().len();
                    if query.get().trim().is_empty() {
                        String::new()
                    } else if n > SEARCH_LIMIT {
                        tf("More than {0} facts match; the first {1} are listed.", &[&SEARCH_LIMIT.to_string(), &SEARCH_LIMIT.to_string()])
                    } else {
                        if n == 1 { t("1 fact matches.") } else { tf("{0} facts match.", &[&n.to_string()]) }
                    }
                }}
            </p>
            <ul class="search-results" data-testid="search-results">
                {move || {
                    let q = query.get();
                    results
                        .get()
                        .into_iter()
                        .take(SEARCH_LIMIT)
                        .map(|i| {
                            let f = &explorer.data.facts[i];
                            let href = route.get_untracked().with_param("q", Some(q.trim())).with_param("fact", Some(&f.id)).to_string();
                            view! {
                                <li>
                                    <a href=href>{t(&f.label)}</a>
                                    " " <span class="num">{fact_with_unit(f)}</span>
                                    " " <span class="muted">{tf("{0} · line {1}", &[&p(&f.period.to_string()), &f.line.to_string()])}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

#[component]
fn Sections(explorer: Arc<Explorer>) -> impl IntoView {
    let data = &explorer.data;
    view! {
        <div class="table-scroll">
        <table class="data-table" data-testid="sections-table">
            <caption>{t("Facts by section of the documents")}</caption>
            <thead><tr><th scope="col">{t("Section")}</th><th scope="col">{t("Document")}</th><th scope="col" class="num">{t("From line")}</th><th scope="col" class="num">{t("Facts")}</th></tr></thead>
            <tbody>
                {data
                    .counts_by_section()
                    .into_iter()
                    .map(|(i, n)| {
                        let s = &data.sections[i];
                        let href = Route::View { view: View::Sources, params: vec![("section".into(), s.id.clone())] }.to_string();
                        view! {
                            <tr>
                                <th scope="row"><a href=href>{t(&s.heading)}</a></th>
                                <td>{if s.doc == DocumentId::Notice { t("Notice") } else { t("Presentation") }}</td>
                                <td class="num">{s.line}</td>
                                <td class="num">{n}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        </div>
    }
}

#[component]
fn SectionFacts(explorer: Arc<Explorer>, id: String) -> impl IntoView {
    let data = &explorer.data;
    let Some(index) = data.sections.iter().position(|s| s.id == id) else {
        return view! { <p class="error-box" role="alert">{t("There is no section with the id “")} <code>{id}</code> "”."</p> }.into_any();
    };
    let s = &data.sections[index];
    view! {
        <table class="data-table" data-testid="section-facts">
            <caption>{t(&s.heading)}</caption>
            <thead><tr><th scope="col">{t("Fact")}</th><th scope="col" class="num">{t("Value")}</th><th scope="col">{t("Period")}</th><th scope="col" class="num">{t("Line")}</th></tr></thead>
            <tbody>
                {data
                    .facts
                    .iter()
                    .filter(|f| f.section == index)
                    .map(|f| view! {
                        <tr>
                            <th scope="row"><a href=fact_href(&f.id)>{f.label.clone()}</a></th>
                            <td class="num">{format::fact_with_unit(f)}</td>
                            <td>{f.period.to_string()}</td>
                            <td class="num">{f.line}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn Checks(explorer: Arc<Explorer>, route: ReadSignal<Route>) -> impl IntoView {
    const FILTERS: [&str; 4] = ["all", "pass", "rounding", "erratum"];
    // Derived from the URL, so a link edited in place (same view) is followed too.
    let asked = Memo::new(move |_| route.get().param("status").map(str::to_owned));
    let unknown = move || asked.get().filter(|a| !FILTERS.contains(&a.as_str()));
    let filter = Memo::new(move |_| asked.get().filter(|a| FILTERS.contains(&a.as_str())).unwrap_or_else(|| "all".to_owned()));
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        replace_route(route.get_untracked().with_param("status", Some(value.as_str()).filter(|v| *v != "all")));
    };
    let rows = move || {
        let data = &explorer.data;
        let wanted = filter.get();
        explorer
            .results()
            .iter()
            .filter(|r| wanted == "all" || r.status.code() == wanted)
            .map(|r| {
                let c = &data.checks[r.check];
                let yen = c.lhs.facts().first().and_then(|&&i| data.facts.get(i)).is_some_and(|f| f.unit.dimension() == Dimension::Yen);
                let side = |s: Option<crate::model::interval::Interval>| s.map(|i| format::interval(&i, yen)).unwrap_or_else(|| "—".into());
                let mut operands: Vec<usize> = Vec::new();
                for &i in c.lhs.facts().into_iter().chain(c.rhs.facts()) {
                    if !operands.contains(&i) {
                        operands.push(i);
                    }
                }
                let why = match &r.status {
                    Status::Erratum { erratum, .. } => Some(t(&data.errata[*erratum].why)),
                    Status::Error(e) => Some(e.clone()),
                    _ => None,
                };
                view! {
                    <tr data-check=c.id.clone()>
                        <th scope="row">
                            {t(&c.label)}
                            <details>
                                <summary>{tf("Operands ({0})", &[&operands.len().to_string()])}</summary>
                                <ul>
                                    {operands
                                        .into_iter()
                                        .map(|i| {
                                            let f = &data.facts[i];
                                            view! { <li><a href=fact_href(&f.id)>{t(&f.label)}</a> ": " {fact_with_unit(f)}</li> }
                                        })
                                        .collect_view()}
                                </ul>
                                {c.note.clone().map(|n| view! { <p class="note">{t(&n)}</p> })}
                                {why.map(|w| view! { <p class="note">{w}</p> })}
                            </details>
                        </th>
                        <td><code>{format!("{} {} {}", c.lhs_text, c.relation.symbol(), c.rhs_text)}</code></td>
                        <td class="num">{side(r.lhs)}</td>
                        <td class="num">{side(r.rhs)}</td>
                        <td><StatusBadge status=r.status.clone() /></td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="checks">
            <h3>{t("Reconciliation checks")}</h3>
            <p>
                {t("Each check is an arithmetic relationship the printed figures must satisfy. A figure printed to the nearest N ")}
                {t("stands for every value within N/2 of it, so two sides agree within rounding when their intervals meet. ")}
                {t("Amounts are compared in yen whatever unit they were printed in.")}
            </p>
            {move || unknown().map(|u| view! {
                <p class="error-box" role="alert" data-testid="filter-message">
                    {t("The link asks for checks with status “")} {u} {t("”, which does not exist; all checks are shown.")}
                </p>
            })}
            <label for="check-filter">{t("Show ")}</label>
            <select id="check-filter" data-testid="check-filter" on:change=on_change prop:value=move || filter.get()>
                <option value="all">{t("all checks")}</option>
                <option value="pass">{t("checks that agree exactly")}</option>
                <option value="rounding">{t("checks that agree within rounding")}</option>
                <option value="erratum">{t("checks that depend on an erratum")}</option>
            </select>
            <div class="table-scroll">
                <table class="data-table checks-table" data-testid="checks-table">
                    <caption>{t("Every check with its operands, both sides and its status")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("Check")}</th>
                            <th scope="col">{t("Relationship")}</th>
                            <th scope="col" class="num">{t("Left side")}</th>
                            <th scope="col" class="num">{t("Right side")}</th>
                            <th scope="col">{t("Status")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}

#[component]
fn Errata(explorer: Arc<Explorer>) -> impl IntoView {
    let data = &explorer.data;
    view! {
        <div class="errata" data-testid="errata">
            <h3>{t("Errata")}</h3>
            <p>{t("Every disagreement or evident error found in the sources. A printed value is never overwritten silently: each fact keeps its printed text, and these entries say what the explorer uses instead, and why.")}</p>
            <ol>
                {data
                    .errata
                    .iter()
                    .map(|e| view! {
                        <li id=e.id.clone()>
                            <p><strong>{t(&e.kind)}</strong> {t(": printed ")} {e.printed.clone()}</p>
                            <p>{t("The explorer uses: ")} {t(&e.used)}</p>
                            <p class="muted">{t(&e.why)}</p>
                            {(!e.facts.is_empty()).then(|| view! {
                                <p>{t("Figures: ")}
                                    {e.facts
                                        .iter()
                                        .map(|&i| view! { <a href=fact_href(&data.facts[i].id)>{data.facts[i].label.clone()}</a> " " })
                                        .collect_view()}
                                </p>
                            })}
                        </li>
                    })
                    .collect_view()}
            </ol>
        </div>
    }
}
