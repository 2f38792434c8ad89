//! Documents: the two source documents themselves, as documents (issue 28). Every figure the
//! dataset cites is highlighted where it was printed and is a button that opens its inspector
//! (value, unit, precision, period, checks, erratum, and the ratios and scenario inputs that
//! use it); the other views' inspectors link here ("Show in the document"). Review mode marks
//! the numbers no figure cites; a search marks, counts and steps through its matches.
//!
//! URL parameters: `doc` (`notice`, `forum`), `fig` (a fact id: the document it is in is
//! shown, the figure selected and focused), `line` (a line to bring into view), `review`
//! (`1`), `q` (search text). Anything unusable gets a message; the view keeps working.
//!
//! The document is drawn from HTML strings (`document_html`), one part per section, each in
//! a task of its own ([`Paced`]); the figures are found by their attributes, so one listener
//! on the document serves them all.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::document_html::{Prepared, Words};
use crate::model::documents::full_text;
use crate::model::reading::{self, Span};
use crate::model::{ratios, scenario, DocumentId};
use crate::route::{Route, View};
use crate::ui::i18n::{t, tf};
use crate::ui::router::replace_route;
use crate::ui::stage::Paced;
use crate::ui::views::document_tools::{clicked_figure, figure_key, land_on_target, Legend, Tools};
use crate::ui::state::{load_error_view, use_explorer, Explorer};
use crate::ui::widgets::fact_panel::FactPanel;
use crate::ui::widgets::inspector::Inspector;
use crate::ui::widgets::url_problems::url_problems;

/// What the URL asks the view to show, with messages for what it asked wrongly.
#[derive(Debug, Clone, PartialEq)]
struct Settings {
    doc: DocumentId,
    /// The selected figure's fact id.
    fig: Option<String>,
    line: Option<u32>,
    review: bool,
    problems: Vec<String>,
}

fn settings(route: &Route, explorer: &Explorer) -> Settings {
    let data = &explorer.data;
    let mut problems = Vec::new();
    let asked = route.param("doc").map(|d| (d, DocumentId::from_code(d)));
    let fig = route.param("fig").and_then(|id| match data.fact(id).and_then(|f| data.document_of(f)) {
        Some(doc) => Some((id.to_owned(), doc)),
        None => {
            problems.push(tf("There is no figure with the id “{0}”.", &[id]));
            None
        }
    });
    let doc = match (asked, &fig) {
        (Some((_, Some(d))), Some((id, fd))) if d != *fd => {
            problems.push(tf("The figure “{0}” is printed in the other document, which is shown.", &[id]));
            *fd
        }
        (_, Some((_, fd))) => *fd,
        (Some((_, Some(d))), None) => d,
        (Some((code, None)), None) => {
            problems.push(tf("There is no document “{0}” (use notice or forum); the notice is shown.", &[code]));
            DocumentId::Notice
        }
        (None, None) => DocumentId::Notice,
    };
    let line = route.param("line").and_then(|l| {
        // Counted only when a line is asked for (not on every keystroke of a search).
        let count = full_text(doc).map_or(0, |text| reading::Lines::new(text).count());
        match l.parse::<u32>() {
            Ok(n) if n >= 1 && n <= count => Some(n),
            _ => {
                problems.push(tf("“{0}” is not a line of this document (it has lines 1 to {1}).", &[l, &count.to_string()]));
                None
            }
        }
    });
    let review = match route.param("review") {
        None | Some("0") => false,
        Some("1") => true,
        Some(other) => {
            problems.push(tf("“{0}” is not a review setting (use 1 or 0); review mode is off.", &[other]));
            false
        }
    };
    Settings { doc, fig: fig.map(|(id, _)| id), line, review, problems }
}

thread_local! {
    /// Each document laid out once (locating 722 figures is the costly part), kept while the
    /// page lives: going back to a document draws it at once.
    static PREPARED: RefCell<Vec<Rc<Prepared>>> = const { RefCell::new(Vec::new()) };
}

/// Lays `doc` out ahead (nothing if it is, or if its text is not there).
pub fn prepare(explorer: &Explorer, doc: DocumentId) {
    let _ = prepared(explorer, doc);
}

/// `doc` laid out, if its text is there.
fn prepared(explorer: &Explorer, doc: DocumentId) -> Option<Rc<Prepared>> {
    if let Some(p) = PREPARED.with(|c| c.borrow().iter().find(|p| p.doc == doc).cloned()) {
        return Some(p);
    }
    let p = Rc::new(Prepared::new(&explorer.data, doc, full_text(doc)?));
    PREPARED.with(|c| c.borrow_mut().push(p.clone()));
    Some(p)
}

/// The fragment of this view for `doc` with `params`.
pub fn href(doc: DocumentId, params: &[(&str, String)]) -> String {
    let mut all = vec![("doc".to_owned(), doc.code().to_owned())];
    all.extend(params.iter().map(|(k, v)| ((*k).to_owned(), v.clone())));
    Route::View { view: View::Documents, params: all }.to_string()
}

/// "Show in the document" for fact `id` printed on `line` of `doc`.
pub fn fact_href(doc: DocumentId, line: u32, id: &str) -> String {
    href(doc, &[("line", line.to_string()), ("fig", id.to_owned())])
}

#[component]
pub fn DocumentsView(route: ReadSignal<Route>) -> impl IntoView {
    let explorer = match use_explorer() {
        Ok(x) => x,
        Err(message) => return load_error_view(View::Documents, message),
    };
    let x = explorer.clone();
    let settings = Memo::new(move |_| settings(&route.get(), &x));
    let doc = Memo::new(move |_| settings.with(|s| s.doc));
    let review = Memo::new(move |_| settings.with(|s| s.review));
    let fig = Memo::new(move |_| settings.with(|s| s.fig.clone()));
    let query = crate::ui::router::search_text(route, "q");
    let hits = Memo::new(move |_| full_text(doc.get()).map(|text| reading::search(text, &query.get())).unwrap_or_default());
    let clicked = StoredValue::new(false);
    land_on_target(Memo::new(move |_| settings.with(|s| (s.doc, s.fig.clone(), s.line))), clicked);
    let on_close = Callback::new(move |()| replace_route(route.get_untracked().with_param("fig", None)));
    let (x1, x2, x3) = (explorer.clone(), explorer.clone(), explorer.clone());
    view! {
        <section class="view documents" data-testid="view-documents">
            <h2>{t("Documents")}</h2>
            {url_problems(move || settings.with(|s| s.problems.clone()))}
            // Each part of the view in a task of its own (the document's parts too): a tap on
            // the view's tab is answered by short tasks.
            <Paced>
                <DocSwitch doc=doc />
                {move || head(&x1, doc.get())}
                <Tools route=route doc=doc review=review query=query hits=hits clicked=clicked />
                <Legend review=review />
            </Paced>
            <div class="doc-layout">
                <Paced>{move || contents(&x2, doc.get(), review.get())}</Paced>
                {move || body(x3.clone(), doc.get(), review, hits, route, clicked)}
                <Inspector label=t("The selected figure") selected=fig.into() on_close=on_close>
                    {move || fig.get().is_none().then(|| view! {
                        <p class="hint">{t("Select any highlighted figure (click, tap or Tab to it) to see its value as used, the checks it takes part in, and the ratios and scenario inputs that use it.")}</p>
                    })}
                    {move || fig.get().map(|id| figure_panel(explorer.clone(), id))}
                </Inspector>
            </div>
        </section>
    }
    .into_any()
}

/// The two documents as links, the shown one current.
#[component]
fn DocSwitch(doc: Memo<DocumentId>) -> impl IntoView {
    view! {
        <nav class="doc-switch" aria-label=t("Source documents")>
            {DocumentId::ALL
                .into_iter()
                .map(|d| {
                    let current = move || (doc.get() == d).then_some("page");
                    let name = match d {
                        DocumentId::Notice => t("Notice and business report"),
                        DocumentId::Forum => t("Forum presentation"),
                    };
                    view! { <a href=href(d, &[]) aria-current=current data-testid=format!("doc-{}", d.code())>{name}</a> }
                })
                .collect_view()}
        </nav>
    }
}

/// The document's name, date and units; for the notice, that it is a translation.
fn head(explorer: &Explorer, doc: DocumentId) -> impl IntoView {
    let d = doc.document();
    let count = explorer.data.count_in(doc);
    view! {
        <header class="doc-head">
            <h3 data-testid="doc-title">{t(d.title)}</h3>
            <p>
                {tf("Dated {0}. Printed in {1}. ", &[&crate::ui::i18n::p(d.date_label), &t(d.units)])}
                {tf("The explorer cites {0} of its figures, highlighted below.", &[&count.to_string()])}
            </p>
            {(doc == DocumentId::Notice).then(|| view! {
                <p class="muted small" data-testid="translation-note">
                    {t("The notice is the company's English translation of its Japanese original; this is its transcription, shown as printed (in English in either language of the explorer).")}
                </p>
            })}
        </header>
    }
}

/// The figure's inspector: its source panel, the facts that share its print, and what uses it.
fn figure_panel(explorer: Arc<Explorer>, id: String) -> AnyView {
    let data = &explorer.data;
    let Some((index, fact)) = data.index_of(&id).and_then(|i| Some((i, data.facts.get(i)?))) else { return ().into_any() };
    let Some(doc) = data.document_of(fact) else { return ().into_any() };
    let line = fact.line;
    let shared: Vec<(String, String)> = prepared(&explorer, doc)
        .and_then(|p| p.figure_of(index).and_then(|k| p.figures.get(k).cloned()))
        .map(|f| f.facts.into_iter().filter(|&i| i != index).filter_map(|i| data.facts.get(i)).map(|f| (f.id.clone(), f.label.clone())).collect())
        .unwrap_or_default();
    view! {
        <FactPanel explorer=explorer.clone() id=id.clone() in_document=true />
        {(!shared.is_empty()).then(|| view! {
            <p data-testid="fig-shared">
                {t("The same printed figure also stands for: ")}
                {shared.into_iter().map(|(other, label)| view! { <a href=fact_href(doc, line, &other)>{t(&label)}</a> " " }).collect_view()}
            </p>
        })}
        <UsedBy explorer=explorer index=index />
    }
    .into_any()
}

/// The ratios (and periods) whose formula reads fact `index`, and whether the scenario
/// planner does, each a link there.
#[component]
fn UsedBy(explorer: Arc<Explorer>, index: usize) -> impl IntoView {
    let data = &explorer.data;
    let using = ratios::using(data, index);
    let id = data.facts.get(index).map(|f| f.id.clone()).unwrap_or_default();
    let planner = scenario::reads_fact(&id);
    let links = using
        .iter()
        .map(|(spec, period)| {
            let href = Route::View { view: View::Ratios, params: vec![("g".into(), spec.group.code().into()), ("r".into(), spec.id.into()), ("p".into(), (*period).into())] }.to_string();
            view! { <li><a href=href>{format!("{} — {}", t(spec.name), crate::ui::i18n::p(period))}</a></li> }
        })
        .collect_view();
    view! {
        <h4>{tf("Ratios that use it ({0})", &[&using.len().to_string()])}</h4>
        {if using.is_empty() {
            view! { <p class="muted" data-testid="fig-ratios-none">{t("No ratio of the explorer uses this figure.")}</p> }.into_any()
        } else {
            view! { <ul class="used-by" data-testid="fig-ratios">{links}</ul> }.into_any()
        }}
        <h4>{t("Scenario planner")}</h4>
        <p data-testid="fig-scenario">
            {if planner {
                view! { {t("The scenario planner starts from this figure. ")} <a href=View::Scenarios.href()>{t("Open the scenario planner")}</a> }.into_any()
            } else {
                view! { {t("The scenario planner does not read this figure.")} }.into_any()
            }}
        </p>
    }
}

/// The table of contents: the dataset's sections of the document, each a link to its first
/// line, with how many figures it cites and, in review mode, how many numbers it leaves out.
fn contents(explorer: &Explorer, doc: DocumentId, review: bool) -> impl IntoView {
    let Some(p) = prepared(explorer, doc) else { return ().into_any() };
    let data = &explorer.data;
    let total: usize = p.parts.iter().map(|x| x.untagged).sum();
    let items = p
        .parts
        .iter()
        .map(|part| {
            let name = part.section.and_then(|s| data.sections.get(s)).map_or_else(|| t("Before the first section (the cover)"), |s| t(&s.heading));
            let figures = if part.facts == 1 { t("1 figure") } else { tf("{0} figures", &[&part.facts.to_string()]) };
            view! {
                <li>
                    <a href=href(doc, &[("line", part.first.to_string())])>{name}</a>
                    " " <span class="muted small">{figures}</span>
                    {review.then(|| view! { " " <span class="untagged-count small" data-testid="toc-untagged">{tf("{0} not cited", &[&part.untagged.to_string()])}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="doc-toc" aria-label=t("Contents of the document") data-testid="doc-toc">
            <details open=review>
                <summary>{t("Contents")}</summary>
                {review.then(|| view! { <p class="small" data-testid="review-total">{tf("Review mode: {0} numbers no figure cites.", &[&total.to_string()])}</p> })}
                <ol>{items}</ol>
            </details>
        </nav>
    }
    .into_any()
}

/// The document, one part per section, each drawn in a task of its own; one listener takes
/// every figure's click and the figure keys.
fn body(explorer: Arc<Explorer>, doc: DocumentId, review: Memo<bool>, hits: Memo<Vec<(u32, Span)>>, route: ReadSignal<Route>, clicked: StoredValue<bool>) -> AnyView {
    let Some(p) = prepared(&explorer, doc) else {
        return view! { <p class="error-box" role="alert">{t("The document's text is not there. Try reloading the page.")}</p> }.into_any();
    };
    let parts = (0..p.parts.len())
        .map(|k| {
            let (part, x) = (p.parts[k].clone(), explorer.clone());
            // The part's matches, numbered in the whole document: its HTML changes only when they do.
            let mine = Memo::new(move |_| {
                hits.with(|h| {
                    let from = h.partition_point(|(l, _)| *l < part.first);
                    let to = h.partition_point(|(l, _)| *l <= part.last);
                    (from, h.get(from..to).map(<[_]>::to_vec).unwrap_or_default())
                })
            });
            let html = move || mine.with(|(from, h)| part_html(&x, doc, k, *from, h));
            view! { <section class="doc-part" data-part=k><Paced><div inner_html=html></div></Paced></section> }
        })
        .collect_view();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(id) = clicked_figure(&ev) {
            clicked.set_value(true);
            replace_route(route.get_untracked().with_param("doc", Some(doc.code())).with_param("fig", Some(&id)));
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| figure_key(&ev, route, clicked);
    view! {
        <div class="doc-body" class:review=move || review.get() lang="en" data-testid="doc-body" data-doc=doc.code() on:click=on_click on:keydown=on_key>
            {parts}
        </div>
    }
    .into_any()
}

/// Part `k` of `doc` as HTML, its matches numbered from `from`.
fn part_html(explorer: &Explorer, doc: DocumentId, k: usize, from: usize, hits: &[(u32, Span)]) -> String {
    let Some(p) = prepared(explorer, doc) else { return String::new() };
    let data = &explorer.data;
    let label = |i: usize| data.facts.get(i).map(|f| t(&f.label)).unwrap_or_default();
    let table = |a: u32, b: u32| tf("Table, lines {0} to {1}", &[&a.to_string(), &b.to_string()]);
    p.part_html(data, k, from, hits, &Words { label: &label, table: &table })
}
