//! Ratios: one table per group with the value for each period and the direction of change,
//! each ratio's definition on hover and on keyboard focus, and a "show the work" panel with
//! the formula, every input linked to its source, the unrounded result and the rounding.
//!
//! URL parameters: `g` (group), `r` (ratio id) and `p` (period) for the work panel.

use std::sync::Arc;

use leptos::prelude::*;
use crate::ui::stage::Later;
use crate::ui::i18n::{p, t, tf};

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::charts;
use crate::export::Sheet;
use crate::ui::download::CsvButton;
use crate::model::ratios::{self, compute, Group, RatioSpec, RatioValue, CATALOGUE};
use crate::route::Route;
use crate::ui::router::replace_route;
use crate::ui::state::{load_error_view, use_explorer, Explorer};
use crate::ui::widgets::inspector::{focus_selects, Inspector};
use crate::ui::widgets::url_problems::url_problems;
use crate::ui::widgets::fact_panel::fact_href;

/// What the URL asks for, with messages for what it asked wrongly.
#[derive(Debug, Clone, PartialEq)]
struct Selection {
    group: Group,
    ratio: Option<(&'static RatioSpec, Option<&'static str>)>,
    problems: Vec<String>,
}

fn selection(route: &Route) -> Selection {
    let mut problems = Vec::new();
    let ratio = route.param("r").and_then(|id| match ratios::ratio(id) {
        Some(spec) => {
            let period = route.param("p").and_then(|p| match spec.periods.iter().find(|(q, _)| *q == p) {
                Some((q, _)) => Some(*q),
                None => {
                    problems.push(tf("{0} has no value for “{1}”; its latest period is shown.", &[&t(spec.name), p]));
                    None
                }
            });
            Some((spec, period.or_else(|| spec.periods.last().map(|(q, _)| *q))))
        }
        None => {
            problems.push(tf("There is no ratio “{0}”.", &[id]));
            None
        }
    });
    let group = match route.param("g") {
        Some(code) => Group::from_code(code).unwrap_or_else(|| {
            problems.push(tf("There is no ratio group “{0}”; profitability is shown.", &[code]));
            Group::Profitability
        }),
        None => ratio.map_or(Group::Profitability, |(spec, _)| spec.group),
    };
    Selection { group, ratio, problems }
}

#[component]
pub fn RatiosView(route: ReadSignal<Route>) -> impl IntoView {
    let explorer = match use_explorer() {
        Ok(x) => x,
        Err(message) => return load_error_view(crate::route::View::Ratios, message),
    };
    let sel = Memo::new(move |_| selection(&route.get()));
    // The table is rebuilt only when the group changes; choosing a value only moves the
    // highlight.
    let group = Memo::new(move |_| sel.get().group);
    let selected = Memo::new(move |_| sel.get().ratio.map(|(s, p)| (s.id, p)));
    let tabs = Group::ALL
        .into_iter()
        .map(|g| {
            let href = Route::View { view: crate::route::View::Ratios, params: vec![("g".into(), g.code().into())] }.to_string();
            let current = move || (sel.get().group == g).then_some("page");
            view! { <li><a href=href aria-current=current data-testid=format!("group-{}", g.code())>{t(g.title())}</a></li> }
        })
        .collect_view();
    let x_table = explorer.clone();
    let chosen = Signal::derive(move || sel.with(|s| s.ratio.map(|(spec, p)| format!("{}@{}", spec.id, p.unwrap_or_default()))));
    // Closing keeps the group that is shown (a ratio alone would otherwise name it).
    let on_close = Callback::new(move |()| {
        let r = route.get_untracked();
        replace_route(r.with_param("g", Some(group.get_untracked().code())).with_param("r", None).with_param("p", None));
    });
    view! {
        <section class="view ratios" data-testid="view-ratios">
            <h2>{t("Ratios")}</h2>
            <p class="lede">
                {t("Every ratio is computed in exact decimals from the printed figures. Hover over or Tab to a ratio's name for its definition; ")}
                {t("choose a value to see the work.")}
            </p>
            <nav aria-label={t("Ratio groups")} class="tabs"><ul>{tabs}</ul></nav>
            {url_problems(move || sel.get().problems)}
            <div class="statement-layout">
                <Later>{move || group_table(x_table.clone(), group.get(), selected, route)}</Later>
                <Later><Inspector label=t("Work of the selected ratio") selected=chosen on_close=on_close>
                    {move || match sel.get().ratio {
                        Some((spec, Some(period))) => work_panel(explorer.clone(), spec, period).into_any(),
                        _ => view! { <p class="hint">{t("Choose a value (click, tap or Tab to it) to see its formula, inputs and unrounded result.")}</p> }.into_any(),
                    }}
                </Inspector></Later>
            </div>
        </section>
    }
    .into_any()
}

/// The arrow and words for the change between the last two values of a row.
fn direction(values: &[RatioValue]) -> (&'static str, String) {
    let known: Vec<&RatioValue> = values.iter().filter(|v| v.value.is_ok()).collect();
    match known.as_slice() {
        [.., a, b] => match (&a.value, &b.value) {
            (Ok(x), Ok(y)) if y > x => ("▲", tf("up from {0}", &[&p(a.period)])),
            (Ok(x), Ok(y)) if y < x => ("▼", tf("down from {0}", &[&p(a.period)])),
            _ => ("=", tf("unchanged from {0}", &[&p(a.period)])),
        },
        _ => ("", t("one period only")),
    }
}

/// A small trend line of a ratio's values, named with them for assistive technology.
fn sparkline(spec: &RatioSpec, values: &[RatioValue]) -> String {
    let known: Vec<(&str, Decimal)> = values.iter().filter_map(|v| v.value.as_ref().ok().map(|x| (v.period, *x))).collect();
    let points: Vec<i64> = known.iter().filter_map(|(_, x)| x.checked_mul(Decimal::ONE_HUNDRED)?.round().to_i64()).collect();
    let label = known.iter().map(|(p, x)| format!("{p} {}", crate::ui::i18n::ratio(*x, spec.unit, spec.decimals))).collect::<Vec<_>>().join(", ");
    charts::sparkline(&points, 64, 20, &tf("Trend: {0}", &[&label.to_string()]))
}

/// A group's ratios as a sheet: the values as shown, "n/a" where there is none.
fn ratio_sheet(explorer: &Explorer, group: Group) -> Sheet {
    let periods = ratios::periods_of(group);
    let mut columns = vec![t("Ratio")];
    columns.extend(periods.iter().map(|x| p(x)));
    let rows = CATALOGUE
        .iter()
        .filter(|r| r.group == group)
        .map(|spec| {
            let values = compute(&explorer.data, spec);
            let cells = periods
                .iter()
                .map(|p| match values.iter().find(|v| v.period == *p).map(|v| &v.value) {
                    Some(Ok(x)) => crate::ui::i18n::ratio(*x, spec.unit, spec.decimals),
                    Some(Err(_)) => "n/a".to_owned(),
                    None => String::new(),
                })
                .collect();
            // Amounts show as "JPY 1,234 million": the heading carries the unit.
            let unit = if matches!(spec.unit, ratios::RatioUnit::Yen) { "JPY million" } else { spec.unit.label() };
            (format!("{} ({})", t(spec.name), t(unit)), cells)
        })
        .collect();
    Sheet { title: t(group.title()), columns, rows }
}

fn group_table(explorer: Arc<Explorer>, group: Group, selected: Memo<Option<(&'static str, Option<&'static str>)>>, route: ReadSignal<Route>) -> AnyView {
    let periods = ratios::periods_of(group);
    let head = periods.iter().map(|pd| view! { <th scope="col" class="num">{p(pd)}</th> }).collect_view();
    let rows = CATALOGUE
        .iter()
        .filter(|r| r.group == group)
        .map(|spec| {
            let values = compute(&explorer.data, spec);
            let (arrow, words) = direction(&values);
            let spark = sparkline(spec, &values);
            let def_id = format!("def-{}", spec.id);
            let cells = periods
                .iter()
                .map(|p| match values.iter().find(|v| v.period == *p) {
                    None => view! { <td class="num empty"></td> }.into_any(),
                    Some(v) => {
                        let (text, title) = match &v.value {
                            Ok(x) => (crate::ui::i18n::ratio(*x, spec.unit, spec.decimals), None),
                            Err(e) => ("n/a".to_owned(), Some(tf("Not available: {0}", &[&e.text(crate::ui::i18n::lang())]))),
                        };
                        let (id, period) = (spec.id, *p);
                        let is_selected = move || selected.get() == Some((id, Some(period)));
                        let choose = move || {
                            let r = route.get_untracked();
                            if r.param("r") != Some(id) || r.param("p") != Some(period) {
                                replace_route(r.with_param("r", Some(id)).with_param("p", Some(period)));
                            }
                        };
                        view! {
                            <td class="num">
                                <button type="button" class="fig" class:selected=is_selected title=title data-ratio=format!("{id}@{period}")
                                    on:click=move |_| choose() on:focus=move |_| if focus_selects() { choose() }>
                                    {text}
                                </button>
                            </td>
                        }
                        .into_any()
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row" class="label">
                        <span class="term" tabindex="0" aria-describedby=def_id.clone()>{t(spec.name)}</span>
                        <span class="definition" role="tooltip" id=def_id>{t(spec.definition)}</span>
                    </th>
                    {cells}
                    <td class="direction"><span class="spark-box" inner_html=spark></span><span aria-hidden="true">{arrow}</span><span class="visually-hidden">{words.clone()}</span><span class="muted small">{format!(" {words}")}</span></td>
                </tr>
            }
        })
        .collect_view();
    let sheet = {
        let explorer = explorer.clone();
        Callback::new(move |()| ratio_sheet(&explorer, group))
    };
    view! {
        <div class="statement-block">
        <div class="table-tools"><CsvButton file=format!("iij-ratios-{}.csv", group.code()) sheet=sheet /></div>
        <div class="table-scroll statement">
            <table class="data-table sticky-first" data-testid=format!("ratios-{}", group.code())>
                <caption>
                    <span class="caption-title">{t(group.title())}</span>
                    <span class="caption-note">{t("FY columns are fiscal years to March 31 (balance-sheet ratios at the year end); FY2008F is the forecast; n/a says why on hover.")}</span>
                </caption>
                <thead><tr><th scope="col">{t("Ratio")}</th>{head}<th scope="col">{t("Direction")}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        </div>
    }
    .into_any()
}

fn work_panel(explorer: Arc<Explorer>, spec: &'static RatioSpec, period: &'static str) -> impl IntoView {
    let Some(v) = compute(&explorer.data, spec).into_iter().find(|v| v.period == period) else {
        return view! { <p class="hint">{t("No value for this period.")}</p> }.into_any();
    };
    let inputs = v
        .inputs
        .iter()
        .filter_map(|&i| explorer.data.facts.get(i))
        .map(|f| {
            view! {
                <li>
                    <a href=fact_href(&f.id)>{t(&f.label)}</a> ": " {crate::ui::i18n::fact_with_unit(f)}
                    " " <span class="muted">{format!("({})", p(&f.period.to_string()))}</span> " " <code class="muted">{f.id.clone()}</code>
                    {explorer.data.document_of(f).map(|doc| view! {
                        " " <a class="small" href=crate::ui::views::documents::fact_href(doc, f.line, &f.id) data-testid="input-in-document">{t("in the document")}</a>
                    })}
                </li>
            }
        })
        .collect_view();
    let (result, shown) = match &v.value {
        Ok(x) => (x.normalize().to_string(), tf(if spec.decimals == 1 { "{0} (rounded half away from zero to {1} decimal)" } else { "{0} (rounded half away from zero to {1} decimals)" }, &[&crate::ui::i18n::ratio(*x, spec.unit, spec.decimals), &spec.decimals.to_string()])),
        Err(e) => ("n/a".to_owned(), tf("Not available: {0}", &[&e.text(crate::ui::i18n::lang())])),
    };
    view! {
        <section class="fact-panel derived" data-testid="work-panel" aria-labelledby="work-title">
            <h3 id="work-title">{format!("{} — {}", t(spec.name), p(period))}</h3>
            <p>{t(spec.definition)}</p>
            <dl class="facts-grid">
                <dt>{t("Formula")}</dt>
                <dd><code data-testid="work-formula">{v.formula}</code></dd>
                <dt>{t("Unit")}</dt>
                <dd>{t(spec.unit.label())}</dd>
                <dt>{t("Result, unrounded")}</dt>
                <dd data-testid="work-result">{result}</dd>
                <dt>{t("Shown as")}</dt>
                <dd data-testid="work-shown">{shown}</dd>
            </dl>
            <h4>{t("Inputs, each at its exact printed value")}</h4>
            <ul data-testid="work-inputs">{inputs}</ul>
            <p class="muted small">{t("Amounts enter in yen whatever unit they were printed in; pct(a, b) = a / b × 100, growth(a, b) = (a / b − 1) × 100, cagr(end, start, n) = ((end / start)^(1/n) − 1) × 100 by Newton's method.")}</p>
        </section>
    }
    .into_any()
}
