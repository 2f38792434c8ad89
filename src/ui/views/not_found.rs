//! The friendly answer to a fragment that names no view.

use leptos::prelude::*;
use crate::ui::i18n::t;

use crate::route::View;

/// Shown for an unknown route; `path` is what the visitor asked for, shown as text.
#[component]
pub fn NotFound(path: String) -> impl IntoView {
    view! {
        <section class="view not-found" data-testid="view-not-found">
            <h2>{t("Page not found")}</h2>
            <p>{t("The explorer has no view called “")} <code>{path}</code> "”."</p>
            <p>
                {t("Go to the ")} <a href=View::Overview.href()>{t("Overview")}</a>
                {t(", or choose a view from the navigation above.")}
            </p>
        </section>
    }
}
