//! The loaded model, shared with every view through context: the dataset and its checks,
//! evaluated once at start-up. A dataset that fails to load is a message, not a panic.

use std::sync::Arc;

use leptos::prelude::*;
use crate::ui::i18n::t;

use crate::model::{CheckResult, Dataset};

/// The dataset with every check evaluated.
#[derive(Debug)]
pub struct Explorer {
    pub data: Dataset,
    pub results: Vec<CheckResult>,
}

/// What views receive: the explorer, or why it could not load.
pub type Loaded = Result<Arc<Explorer>, String>;

/// Loads the bundled dataset and evaluates its checks.
pub fn load() -> Loaded {
    let data = Dataset::bundled().map_err(|e| e.to_string())?;
    let results = data.evaluate_all();
    Ok(Arc::new(Explorer { data, results }))
}

thread_local! {
    static EARLY: std::cell::RefCell<Option<Loaded>> = const { std::cell::RefCell::new(None) };
}

/// Loads the dataset before the app is mounted, in a task of its own: the browser can paint
/// and answer input between the two instead of running one long task.
pub fn preload() {
    let loaded = load();
    EARLY.with(|e| *e.borrow_mut() = Some(loaded));
}

/// The explorer for the app: the one `preload` left, or loaded now.
pub fn loaded() -> Loaded {
    EARLY.with(|e| e.borrow_mut().take()).unwrap_or_else(load)
}

/// The explorer from context; views call this inside the app.
pub fn use_explorer() -> Loaded {
    use_context::<Loaded>().unwrap_or_else(|| Err("the dataset was not provided".to_owned()))
}

/// A whole view that could not get the dataset: its heading and the reason.
pub fn load_error_view(view: crate::route::View, message: String) -> AnyView {
    view! {
        <section class="view" data-testid=format!("view-{}", view.slug())>
            <h2>{t(view.title())}</h2>
            <LoadError message=message />
        </section>
    }
    .into_any()
}

/// Shown where a view needs the dataset and it could not be loaded.
#[component]
pub fn LoadError(message: String) -> impl IntoView {
    view! {
        <div class="error-box" role="alert">
            <strong>{t("The figures could not be loaded. ")}</strong>
            {message}
        </div>
    }
}
