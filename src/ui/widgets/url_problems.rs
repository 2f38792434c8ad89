//! The messages a view gives for URL parameters it could not use; nothing when all is well.

use leptos::prelude::*;

#[component]
pub fn UrlProblems(problems: Signal<Vec<String>>) -> impl IntoView {
    move || {
        let problems = problems.get();
        (!problems.is_empty()).then(|| {
            view! {
                <div class="error-box" role="alert" data-testid="url-problems">
                    {problems.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
                </div>
            }
        })
    }
}
