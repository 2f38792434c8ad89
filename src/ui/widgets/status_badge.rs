//! A check's status as a labelled badge: the words carry the meaning, the colour repeats it.

use leptos::prelude::*;

use crate::model::Status;

#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    view! { <span class=format!("status status-{}", status.code())>{crate::ui::i18n::t(status.label())}</span> }
}
