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
    with_checks(Dataset::bundled().map_err(|e| e.to_string()))
}

thread_local! {
    static EARLY: std::cell::RefCell<Early> = const { std::cell::RefCell::new(Early::Nothing) };
}

/// What the start-up steps have done before the app is mounted.
enum Early {
    Nothing,
    Data(Result<Dataset, String>),
    Loaded(Loaded),
}

/// Start-up step one, in a task of its own: reads the bundled dataset.
pub fn preload_data() {
    let data = Dataset::bundled().map_err(|e| e.to_string());
    EARLY.with(|e| *e.borrow_mut() = Early::Data(data));
}

/// Start-up step two, in the next task: evaluates the checks of the dataset step one read.
/// The browser can paint and answer input between the steps instead of running one long task.
pub fn preload_checks() {
    let loaded = EARLY.with(|e| match std::mem::replace(&mut *e.borrow_mut(), Early::Nothing) {
        Early::Data(data) => with_checks(data),
        Early::Loaded(loaded) => loaded,
        Early::Nothing => load(),
    });
    EARLY.with(|e| *e.borrow_mut() = Early::Loaded(loaded));
}

fn with_checks(data: Result<Dataset, String>) -> Loaded {
    let data = data?;
    let results = data.evaluate_all();
    Ok(Arc::new(Explorer { data, results }))
}

/// The explorer for the app: the one the start-up steps left, or loaded now.
pub fn loaded() -> Loaded {
    match EARLY.with(|e| std::mem::replace(&mut *e.borrow_mut(), Early::Nothing)) {
        Early::Loaded(loaded) => loaded,
        Early::Data(data) => with_checks(data),
        Early::Nothing => load(),
    }
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
