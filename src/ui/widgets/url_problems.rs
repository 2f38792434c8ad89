//! The messages a view gives for URL parameters it could not use; nothing when all is well.

use leptos::prelude::*;

/// Renders `problems()` reactively as an alert, or nothing when it is empty.
pub fn url_problems(problems: impl Fn() -> Vec<String> + Send + Sync + 'static) -> impl IntoView {
    move || {
        let problems = problems();
        (!problems.is_empty()).then(|| {
            view! {
                <div class="error-box" role="alert" data-testid="url-problems">
                    {problems.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
                </div>
            }
        })
    }
}
