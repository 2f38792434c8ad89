//! The inspector for a figure the documents do not print: it says so, and shows the formula,
//! each input with its value and a link to its source, the unrounded result and the rounding.

use std::sync::Arc;

use leptos::prelude::*;
use crate::ui::i18n::{t, tf};

use crate::format;
use crate::model::statements::{Cell, Source};
use crate::ui::state::Explorer;
use crate::ui::widgets::fact_panel::fact_href;

#[component]
pub fn DerivedPanel(explorer: Arc<Explorer>, label: String, cell: Cell, shown: String) -> impl IntoView {
    let Source::Derived { formula, inputs } = cell.source else {
        return view! { <p>{t("This figure is printed in the documents.")}</p> }.into_any();
    };
    let inputs = inputs
        .into_iter()
        .filter_map(|i| explorer.data.facts.get(i).cloned())
        .map(|f| view! { <li><a href=fact_href(&f.id)>{t(&f.label)}</a> ": " {crate::ui::i18n::fact_with_unit(&f)} " " <code class="muted">{f.id.clone()}</code></li> })
        .collect_view();
    view! {
        <section class="fact-panel derived" data-testid="derived-panel" aria-labelledby="derived-title">
            <h3 id="derived-title">{t(&label)}</h3>
            <p class="notice-box"><strong>{t("Derived: ")}</strong>{t("this figure is not printed in the documents; the explorer computes it from printed figures.")}</p>
            <dl class="facts-grid">
                <dt>{t("Formula")}</dt>
                <dd><code data-testid="derived-formula">{formula}</code></dd>
                <dt>{t("Result, unrounded")}</dt>
                <dd data-testid="derived-value">{format::base_amount(cell.value, cell.dimension)}</dd>
                <dt>{t("Shown as")}</dt>
                <dd>{shown}</dd>
                <dt>{t("Rounding allowance")}</dt>
                <dd>{tf("± {0} (from the precision the inputs were printed to)", &[&format::base_amount(cell.half_width, cell.dimension).to_string()])}</dd>
            </dl>
            <h4>{t("Inputs")}</h4>
            <ul data-testid="derived-inputs">{inputs}</ul>
        </section>
    }
    .into_any()
}
