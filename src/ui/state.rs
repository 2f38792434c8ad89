//! The loaded model, shared with every view through context: the dataset and its checks,
//! evaluated once, when first asked for. A dataset that fails to load is a message, not a panic.

use std::sync::Arc;

use leptos::prelude::*;
use crate::ui::i18n::t;

use crate::model::scenario::{Base, Plan, Presets};
use crate::model::{CheckResult, Dataset};

/// The dataset with every check evaluated.
#[derive(Debug)]
pub struct Explorer {
    pub data: Dataset,
    /// Every check evaluated, the first time it is asked for ([`Explorer::results`]): the
    /// Overview needs them only when a figure's inspector opens, not to start.
    results: std::sync::OnceLock<Vec<CheckResult>>,
    /// The scenario planner's inputs, built the first time a view asks (see [`Explorer::planner`]).
    planner: std::sync::OnceLock<Result<Planner, String>>,
}

/// What the scenario planner starts from: FY2007's base, the plan and the presets.
pub type Planner = (Arc<Base>, Arc<Plan>, Arc<Presets>);

impl Explorer {
    /// Every check of the dataset, evaluated (once).
    pub fn results(&self) -> &[CheckResult] {
        self.results.get_or_init(|| self.data.evaluate_all())
    }

    /// Evaluates every check ahead of [`Explorer::results`], `CHECKS_PER_TASK` in each task.
    #[cfg(target_arch = "wasm32")]
    async fn evaluate_in_slices(&self) {
        /// A slice short enough to stay under the 50 ms a phone counts as a long task.
        const CHECKS_PER_TASK: usize = 40;
        let mut results = Vec::with_capacity(self.data.checks.len());
        for i in 0..self.data.checks.len() {
            if i % CHECKS_PER_TASK == 0 {
                crate::ui::next_task().await;
            }
            results.push(self.data.evaluate(i));
        }
        let _ = self.results.set(results);
    }

    /// The scenario planner's inputs, built once per visit (the target-met preset takes two
    /// goal seeks): the Scenarios and Charts views share them, and a return to a view does
    /// not build them again.
    pub fn planner(&self) -> Result<Planner, String> {
        self.planner
            .get_or_init(|| {
                let base = Base::from_dataset(&self.data).map_err(|e| e.to_string())?;
                let plan = Plan::from_dataset(&self.data).map_err(|e| e.to_string())?;
                let presets = Presets::new(&base, &plan).map_err(|e| e.to_string())?;
                Ok((Arc::new(base), Arc::new(plan), Arc::new(presets)))
            })
            .clone()
    }
}

/// What views receive: the explorer, or why it could not load.
pub type Loaded = Result<Arc<Explorer>, String>;

/// Loads the bundled dataset (the records the app starts from).
pub fn load() -> Loaded {
    explorer_of(Dataset::from_tsv(start_tsv()).map_err(|e| e.to_string()))
}

/// The records the app starts from: in the split release build the Overview's
/// (`OVERVIEW_TSV`), the whole dataset coming with the other views' chunks ([`load_whole`]);
/// in every other build the whole dataset.
fn start_tsv() -> &'static str {
    #[cfg(all(target_arch = "wasm32", iij_wasm_split))]
    return crate::model::dataset::OVERVIEW_TSV;
    #[cfg(not(all(target_arch = "wasm32", iij_wasm_split)))]
    return crate::model::dataset::BUNDLED_TSV;
}

thread_local! {
    static EARLY: std::cell::RefCell<Early> = const { std::cell::RefCell::new(Early::Nothing) };
}

/// What the start-up steps have done before the app is mounted.
enum Early {
    Nothing,
    Parsed(Result<crate::model::dataset::Parsed, String>),
    Loaded(Loaded),
}

/// The start-up steps, each run in a task of its own before the app is mounted: the browser
/// can paint and answer input between them instead of running one long task. Each takes on
/// from what the one before left (and does its work too, should it not have run).
#[derive(Debug, Clone, Copy)]
pub enum Step {
    /// Splits the bundled records into their fields.
    Parse,
    /// Validates and links them: the explorer (its checks are evaluated when first asked for:
    /// `Explorer::results`).
    Link,
    /// Builds the scenario planner's inputs when the page opens on a view that needs them.
    Plan,
}

impl Step {
    pub const ALL: [Step; 3] = [Step::Parse, Step::Link, Step::Plan];

    pub fn run(self) {
        EARLY.with(|e| {
            let mut early = e.borrow_mut();
            let before = std::mem::replace(&mut *early, Early::Nothing);
            *early = match (self, before) {
                (Step::Parse, _) => Early::Parsed(parse()),
                (Step::Link, Early::Parsed(parsed)) => Early::Loaded(explorer_of(link(parsed))),
                (Step::Link, Early::Nothing) => Early::Loaded(load()),
                // The split release build starts from the Overview's records alone: its views'
                // chunks build the planner (`chunks::preload_start`).
                #[cfg(not(all(target_arch = "wasm32", iij_wasm_split)))]
                (Step::Plan, Early::Loaded(Ok(explorer))) => {
                    let view = crate::ui::router::start_route().view();
                    if matches!(view, Some(crate::route::View::Scenarios | crate::route::View::Charts)) {
                        let _ = explorer.planner();
                    }
                    Early::Loaded(Ok(explorer))
                }
                (_, done) => done,
            };
        });
    }
}

fn parse() -> Result<crate::model::dataset::Parsed, String> {
    Dataset::parse_tsv(start_tsv()).map_err(|e| e.to_string())
}

fn link(parsed: Result<crate::model::dataset::Parsed, String>) -> Result<Dataset, String> {
    Dataset::from_parsed(parsed?).map_err(|e| e.to_string())
}

fn explorer_of(data: Result<Dataset, String>) -> Loaded {
    Ok(Arc::new(Explorer { data: data?, results: std::sync::OnceLock::new(), planner: std::sync::OnceLock::new() }))
}

/// The explorer for the app: the one the start-up steps left, or loaded now.
pub fn loaded() -> Loaded {
    match EARLY.with(|e| std::mem::replace(&mut *e.borrow_mut(), Early::Nothing)) {
        Early::Loaded(loaded) => loaded,
        Early::Parsed(parsed) => explorer_of(link(parsed)),
        Early::Nothing => load(),
    }
}

thread_local! {
    /// The whole dataset, once loaded after the start (the split release build).
    static WHOLE: std::cell::RefCell<Option<Loaded>> = const { std::cell::RefCell::new(None) };
}

/// The explorer of the whole dataset, once [`load_whole`] has loaded it.
pub fn whole() -> Option<Loaded> {
    WHOLE.with(|w| w.borrow().clone())
}

/// Reads `tsv` (the whole dataset) in three tasks, as at the start, and keeps it for
/// [`use_explorer`]. A dataset that fails to load is kept as its message.
#[cfg(target_arch = "wasm32")]
pub async fn load_whole(tsv: &'static str) {
    crate::ui::next_task().await;
    let parsed = Dataset::parse_tsv(tsv).map_err(|e| e.to_string());
    crate::ui::next_task().await;
    let data = link(parsed);
    let loaded = explorer_of(data);
    // The views in chunks show the checks' states (Sources): evaluated now, not when a view is
    // drawn, a slice at a time: all 340 in one task were a long task on a phone.
    if let Ok(explorer) = &loaded {
        explorer.evaluate_in_slices().await;
    }
    WHOLE.with(|w| *w.borrow_mut() = Some(loaded));
}

/// The explorer for a view: the whole dataset where it has been loaded apart (the split
/// release build, before any view but the Overview is drawn), else the one in context.
pub fn use_explorer() -> Loaded {
    whole().unwrap_or_else(|| use_context::<Loaded>().unwrap_or_else(|| Err("the dataset was not provided".to_owned())))
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
