//! The source inspector for one fact: its value as printed and as used, its unit, precision
//! and period, the document, section, line and row it was printed on (with the line quoted),
//! any note or erratum, and every check it takes part in.

use std::sync::Arc;

use leptos::prelude::*;
use crate::ui::i18n::{fact_with_unit, p, t, tf};

use crate::format;
use crate::route::{Route, View};
use crate::ui::state::Explorer;
use crate::ui::widgets::status_badge::StatusBadge;

/// The fragment that opens fact `id` in the Sources view.
pub fn fact_href(id: &str) -> String {
    Route::View { view: View::Sources, params: vec![("fact".into(), id.into())] }.to_string()
}

/// The inspector for the fact with id `id`, or a clear message if there is none. Outside the
/// Documents view (`in_document` false) it links to the figure there.
#[component]
pub fn FactPanel(explorer: Arc<Explorer>, id: String, #[prop(optional)] in_document: bool) -> impl IntoView {
    let data = &explorer.data;
    let Some(index) = data.index_of(&id) else {
        return view! {
            <section class="fact-panel missing" data-testid="fact-panel" role="alert">
                <p>
                    {t("There is no figure with the id “")} <code>{id}</code> "”. "
                    {t("Search for it by name below, or pick one from a section.")}
                </p>
            </section>
        }
        .into_any();
    };
    let f = &data.facts[index];
    let section = &data.sections[f.section];
    let doc = section.doc.document();
    crate::ui::assets::ensure_lines();
    let (doc_id, line, printed) = (section.doc, f.line, f.printed.clone());
    let erratum = f.erratum.map(|e| data.errata[e].clone());
    let checks: Vec<_> = data
        .checks_of(index)
        .into_iter()
        .map(|c| (data.checks[c].id.clone(), data.checks[c].label.clone(), explorer.results()[c].status.clone()))
        .collect();
    let precision = format!("{} ({})", format::group(f.precision, format::decimals_of(f.precision)), t(f.unit.label()));
    view! {
        <section class="fact-panel" data-testid="fact-panel" aria-labelledby="fact-panel-title">
            <h3 id="fact-panel-title">{t(&f.label)}</h3>
            <dl class="facts-grid">
                <dt>{t("As printed")}</dt>
                <dd><code class="printed" data-testid="fact-printed">{f.printed.clone()}</code></dd>
                <dt>{t("Value used")}</dt>
                <dd data-testid="fact-value">{fact_with_unit(f)}</dd>
                <dt>{t("Printed to the nearest")}</dt>
                <dd>{precision}</dd>
                <dt>{t("Period")}</dt>
                <dd>{format!("{} ({})", p(&f.period.to_string()), t(f.basis.label()))}</dd>
                <dt>{t("Scope")}</dt>
                <dd>{t(f.scope.label())}</dd>
                <dt>{t("Document")}</dt>
                <dd data-testid="fact-document">{format!("{}, {}", t(doc.title), p(doc.date_label))}</dd>
                <dt>{t("Section")}</dt>
                <dd>{t(&section.heading)}</dd>
                <dt>{t("Line")}</dt>
                <dd data-testid="fact-line">{tf("line {0} of {1}", &[&f.line.to_string(), doc.file])}</dd>
                <dt>{t("Row as printed")}</dt>
                <dd><q>{f.row.clone()}</q>{f.col.clone().map(|c| view! { {t(" — column ")} <q>{c}</q> })}</dd>
                <dt>{t("Id")}</dt>
                <dd><code>{f.id.clone()}</code></dd>
            </dl>
            {(!in_document).then(|| view! {
                <p><a class="action small secondary" href=crate::ui::views::documents::fact_href(doc_id, line, &f.id) data-testid="show-in-document">{t("Show in the document")}</a></p>
            })}
            <figure class="source-line">
                <figcaption>{tf("The line as transcribed (line {0}):", &[&f.line.to_string()])}</figcaption>
                <SourceLine doc=doc_id line=line printed=printed />
            </figure>
            {f.note.clone().map(|n| view! { <p class="note"><strong>{t("Note: ")}</strong>{t(&n)}</p> })}
            {erratum.map(|e| view! {
                <div class="erratum-box" data-testid="fact-erratum">
                    <p><strong>{tf("Erratum ({0}): ", &[&t(&e.kind)])}</strong>{tf("printed {0}; the explorer uses {1}.", &[&e.printed.to_string(), &t(&e.used)])}</p>
                    <p>{t(&e.why)}</p>
                </div>
            })}
            <h4>{tf("Checks it takes part in ({0})", &[&checks.len().to_string()])}</h4>
            <ul class="check-list" data-testid="fact-checks">
                {checks
                    .into_iter()
                    .map(|(id, label, status)| view! { <li><StatusBadge status=status /> " " {t(&label)} " " <code class="muted">{id}</code></li> })
                    .collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

/// Line `line` of the document with the printed figure marked, as a reader would look for it;
/// while the quoted lines are being fetched, a loading note, and if they cannot be, why, with a
/// button to try again (the document, section and line are named above either way).
#[component]
fn SourceLine(doc: crate::model::DocumentId, line: u32, printed: String) -> impl IntoView {
    use crate::ui::assets::{ensure_lines, Lines, Load};
    let state = use_context::<Lines>().map(|l| l.0);
    move || match state.map_or(Load::Ready, |s| s.get()) {
        Load::Ready => {
            let quoted = doc.line(line).unwrap_or_default().replace('\t', "  ·  ");
            let (before, marked, after) = match quoted.find(&printed) {
                Some(at) => (quoted[..at].to_owned(), printed.clone(), quoted[at + printed.len()..].to_owned()),
                None => (quoted.clone(), String::new(), String::new()),
            };
            view! { <pre data-testid="fact-source-line">{before}<mark>{marked}</mark>{after}</pre> }.into_any()
        }
        Load::Idle | Load::Loading => view! { <p class="muted loading" role="status" aria-busy="true" data-testid="fact-source-loading">{t("Loading the source line…")}</p> }.into_any(),
        Load::Failed(why) => view! {
            <p class="error-box" role="alert" data-testid="fact-source-failed">
                {tf("The source line could not be loaded ({0}). Its document, section and line are given above.", &[&why])} " "
                <button type="button" class="action small" on:click=move |_| ensure_lines()>{t("Try again")}</button>
            </p>
        }.into_any(),
    }
}
