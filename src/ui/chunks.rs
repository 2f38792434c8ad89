//! What lives in chunks of its own (issue 25, docs/split.md): in the release build the wasm is
//! split after cargo (`scripts/build_wasm.py`) at the split points declared here: every view but
//! the Overview, fetched the first time it is shown (or ahead: a deep link, the idle prefetch),
//! the whole dataset (the main module holds the Overview's records) and the chart drawing (the
//! page's own drawings stand until it has loaded). The Documents view also fetches the two
//! transcriptions (texts, not modules: `assets::load_documents`).
//!
//! A split point is compiled as one only with `--cfg iij_wasm_split` (the release build);
//! every other build (`trunk serve`, the browser tests, the prerender step) calls the view
//! directly, so nothing there needs the split step.
//!
//! Loading can fail (network, a file tampered with, a host that lost a release): the view then
//! says so in the page's language with "Try again", and the rest of the app keeps working.
//! The splitter's own failure path panics, which in wasm kills the page, so every split point
//! here is `fallible`.

use std::cell::RefCell;
use std::future::Future;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;

use crate::route::{Route, View};
use crate::ui::i18n::t;

/// A chunk that could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct ChunkError;

#[cfg(all(target_arch = "wasm32", iij_wasm_split))]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// Nothing to load: the builds without split points.
impl From<std::convert::Infallible> for ChunkError {
    fn from(never: std::convert::Infallible) -> Self {
        match never {}
    }
}

/// Declares a split point: in the split build, `$name` is fetched with `$module`'s chunk
/// (`$preload` fetches it alone); in every other build both are plain functions. The body
/// gives the `Ok` value.
macro_rules! split_point {
    ($module:ident, $preload:ident, fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block) => {
        #[cfg(all(target_arch = "wasm32", iij_wasm_split))]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible, preload($preload))]
        fn $name($($arg: $ty),*) -> Result<$out, ChunkError> {
            let out: $out = $body;
            Ok(out)
        }

        #[cfg(not(all(target_arch = "wasm32", iij_wasm_split)))]
        async fn $name($($arg: $ty),*) -> Result<$out, ChunkError> {
            let out: $out = $body;
            Ok(out)
        }

        #[cfg(not(all(target_arch = "wasm32", iij_wasm_split)))]
        #[allow(dead_code)]
        async fn $preload() -> Result<(), std::convert::Infallible> {
            Ok(())
        }
    };
}

split_point!(view_statements, preload_statements, fn load_statements(route: ReadSignal<Route>) -> AnyView {
    use crate::ui::views::statements::StatementsView;
    view! { <StatementsView route=route /> }.into_any()
});
split_point!(view_ratios, preload_ratios, fn load_ratios(route: ReadSignal<Route>) -> AnyView {
    use crate::ui::views::ratios::RatiosView;
    view! { <RatiosView route=route /> }.into_any()
});
split_point!(view_scenarios, preload_scenarios, fn load_scenarios(route: ReadSignal<Route>) -> AnyView {
    use crate::ui::views::scenarios::ScenariosView;
    view! { <ScenariosView route=route /> }.into_any()
});
split_point!(view_charts, preload_charts, fn load_charts(_route: ReadSignal<Route>) -> AnyView {
    use crate::ui::views::charts::ChartsView;
    view! { <ChartsView /> }.into_any()
});
split_point!(view_sources, preload_sources, fn load_sources(route: ReadSignal<Route>) -> AnyView {
    use crate::ui::views::sources::SourcesView;
    view! { <SourcesView route=route /> }.into_any()
});
split_point!(view_documents, preload_documents, fn load_documents(route: ReadSignal<Route>) -> AnyView {
    use crate::ui::views::documents::DocumentsView;
    view! { <DocumentsView route=route /> }.into_any()
});
// A document laid out (every figure located), built ahead in a task of its own per document
// when the view's module is loaded, so opening the view does not lay it out.
split_point!(view_documents, preload_prepare_documents, fn prepare_document(explorer: std::sync::Arc<crate::ui::state::Explorer>, doc: crate::model::DocumentId) -> () {
    crate::ui::views::documents::prepare(&explorer, doc);
});
// The whole dataset: the main module holds only the Overview's records (state::start_tsv).
split_point!(dataset, preload_dataset, fn whole_tsv() -> &'static str { crate::model::dataset::BUNDLED_TSV });
// Drawing a chart (plotters and the layouts): the prerendered page's drawings stand until it
// has loaded, just after the takeover ([`draw_chart`]).
split_point!(chart_drawing, preload_drawing, fn draw_split(chart: &crate::charts::Chart, width: u32) -> Option<String> {
    crate::charts::render(chart, width, &format!("chart-{}", chart.key)).ok()
});
// The scenario planner's inputs (two goal seeks), built ahead in a task of their own when the
// page opens on a view that needs them; their code stays out of the main module. One split
// point in each view's module, so a deep link to either fetches no other view.
split_point!(view_scenarios, preload_planner_scenarios, fn plan_scenarios(explorer: std::sync::Arc<crate::ui::state::Explorer>) -> () {
    let _ = explorer.planner();
});
split_point!(view_charts, preload_planner_charts, fn plan_charts(explorer: std::sync::Arc<crate::ui::state::Explorer>) -> () {
    let _ = explorer.planner();
});

thread_local! {
    /// The views whose chunks have loaded: they are drawn at once, with no loading state.
    static LOADED: RefCell<Vec<View>> = const { RefCell::new(Vec::new()) };
}

/// Whether `view` can be drawn now: it is in the main module, or its chunk has loaded.
pub fn ready(view: View) -> bool {
    !SPLIT || view == View::Overview || LOADED.with(|l| l.borrow().contains(&view))
}

/// Whether this build's views are split points (the release build); every view is there
/// from the start otherwise.
const SPLIT: bool = cfg!(all(target_arch = "wasm32", iij_wasm_split));

/// Loads what `view` needs beyond the main module: its chunk, the whole dataset and the
/// chart drawing, side by side (nothing for the Overview or what has loaded). A failure is not
/// remembered: the next call tries again.
pub async fn preload(view: View) -> Result<(), ChunkError> {
    load(view, false).await
}

/// [`preload`] for the view the page opens on, before the app replaces the prerendered page:
/// not the chart drawing (the page's own drawings stand until it has loaded, after the
/// takeover), and the scenario planner's inputs built ahead, in a task of their own, for the
/// views that need them (a tab tap builds them with the view; the idle prefetch does not, as
/// two goal seeks are a long task).
pub async fn preload_start(view: View) -> Result<(), ChunkError> {
    load(view, true).await
}

/// [`preload`], or at the start [`preload_start`].
async fn load(view: View, start: bool) -> Result<(), ChunkError> {
    if ready(view) {
        return Ok(());
    }
    let drawing = async {
        if start {
            Ok(())
        } else {
            load_drawing().await
        }
    };
    // The Documents view reads the transcriptions themselves (texts, not modules), fetched
    // beside its modules.
    let texts = async {
        if view == View::Documents {
            crate::ui::assets::load_documents().await.map_err(|_| ChunkError)
        } else {
            Ok(())
        }
    };
    let ((chunk, texts), (data, drawing)) = both(both(preload_chunk(view), texts), both(load_whole(), drawing)).await;
    chunk.and(texts).and(data).and(drawing)?;
    // Each document laid out in a task of its own.
    if view == View::Documents {
        if let Some(Ok(explorer)) = crate::ui::state::whole() {
            for doc in crate::model::DocumentId::ALL {
                crate::ui::next_task().await;
                let _ = ready_now(prepare_document(explorer.clone(), doc));
            }
        }
    }
    if let (true, View::Scenarios | View::Charts, Some(Ok(explorer))) = (start, view, crate::ui::state::whole()) {
        crate::ui::next_task().await;
        let _ = if view == View::Scenarios { ready_now(plan_scenarios(explorer)) } else { ready_now(plan_charts(explorer)) };
    }
    LOADED.with(|l| l.borrow_mut().push(view));
    Ok(())
}

async fn preload_chunk(view: View) -> Result<(), ChunkError> {
    match view {
        View::Overview => Ok(()),
        View::Statements => preload_statements().await.map_err(ChunkError::from),
        View::Ratios => preload_ratios().await.map_err(ChunkError::from),
        View::Scenarios => preload_scenarios().await.map_err(ChunkError::from),
        View::Charts => preload_charts().await.map_err(ChunkError::from),
        View::Sources => preload_sources().await.map_err(ChunkError::from),
        View::Documents => preload_documents().await.map_err(ChunkError::from),
    }
}

thread_local! {
    /// Whether the whole dataset is being read (one reading at a time).
    static READING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Loads the whole dataset's chunk and reads it ([`crate::ui::state::load_whole`]), once.
async fn load_whole() -> Result<(), ChunkError> {
    if !SPLIT {
        return Ok(());
    }
    loop {
        if crate::ui::state::whole().is_some() {
            return Ok(());
        }
        if !READING.with(|r| r.replace(true)) {
            break;
        }
        // Another view's load is reading it: wait for that.
        crate::ui::next_task().await;
    }
    let tsv = whole_tsv().await;
    #[cfg(target_arch = "wasm32")]
    if let Ok(tsv) = tsv {
        crate::ui::state::load_whole(tsv).await;
    }
    READING.with(|r| r.set(false));
    tsv.map(|_| ())
}

thread_local! {
    /// Whether the chart drawing's chunk has loaded.
    static DRAWING: std::cell::Cell<bool> = const { std::cell::Cell::new(!SPLIT) };
    /// One signal per chart drawn before the drawing had loaded, which its drawing follows:
    /// they are set one task apart once it has, so the charts are drawn again one per task,
    /// not all in one long task. Reference counted, not owned by the chart's component (a view
    /// drawn again disposes what its components created).
    static WAITING: RefCell<Vec<ArcRwSignal<bool>>> = const { RefCell::new(Vec::new()) };
    /// The view is not complete while a chart waits to be drawn ([`crate::ui::complete`]).
    static WAITING_BUSY: RefCell<Vec<crate::ui::complete::Busy>> = const { RefCell::new(Vec::new()) };
    /// The prerendered page's chart drawings, by chart key (see [`draw_chart`]).
    static PRERENDERED_DRAWINGS: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// Loads the chart drawing's chunk (once; a failure is tried again by the next call), then
/// draws the charts that were waiting for it, one per task.
async fn load_drawing() -> Result<(), ChunkError> {
    if DRAWING.get() {
        return Ok(());
    }
    if let Err(e) = preload_drawing().await {
        // The prerendered drawings stay: that is all the view will show until a retry.
        drop(WAITING_BUSY.take());
        return Err(ChunkError::from(e));
    }
    DRAWING.set(true);
    for waiting in WAITING.take() {
        crate::ui::next_task().await;
        waiting.set(true);
    }
    drop(WAITING_BUSY.take());
    Ok(())
}

/// Keeps the prerendered page's chart drawings (the markup of each `.chart-box`, both layouts,
/// by chart key), read as the app takes over (`chart_figure::remember_prerendered_charts`):
/// the app shows them until it can draw.
pub fn keep_prerendered_drawings(drawings: Vec<(String, String)>) {
    PRERENDERED_DRAWINGS.with(|p| *p.borrow_mut() = drawings);
}

/// `chart` drawn at `width` as SVG; in the split build, until the drawing's chunk has loaded,
/// the prerendered page's drawing of the same chart (or nothing). Reactive: a chart drawn
/// from the prerendered page is drawn again once the chunk is there.
pub fn draw_chart(chart: &crate::charts::Chart, width: u32) -> Option<String> {
    if !DRAWING.get() {
        let ticket = ArcRwSignal::new(false);
        ticket.track();
        WAITING.with(|w| w.borrow_mut().push(ticket));
        WAITING_BUSY.with(|w| w.borrow_mut().push(crate::ui::complete::busy()));
        return PRERENDERED_DRAWINGS.with(|p| p.borrow().iter().find(|(k, _)| k == chart.key).map(|(_, html)| html.clone()));
    }
    ready_now(draw_split(chart, width)).and_then(Result::ok).flatten()
}

/// Both futures' outputs, the two run side by side.
pub(crate) async fn both<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (std::pin::pin!(a), std::pin::pin!(b));
    let (mut out_a, mut out_b) = (None, None);
    std::future::poll_fn(move |cx| {
        if out_a.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                out_a = Some(v);
            }
        }
        if out_b.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                out_b = Some(v);
            }
        }
        match (out_a.take(), out_b.take()) {
            (Some(x), Some(y)) => Poll::Ready((x, y)),
            (x, y) => {
                (out_a, out_b) = (x, y);
                Poll::Pending
            }
        }
    })
    .await
}

/// Builds `view` once its chunk has loaded. The split point's wrapper awaits the (already
/// loaded) chunk first, which resolves in its first poll: it is polled here, in the caller's
/// reactive owner, rather than in a task that would have none.
fn build(view: View, route: ReadSignal<Route>) -> Result<AnyView, ChunkError> {
    let built = match view {
        View::Overview => {
            use crate::ui::views::overview::OverviewView;
            return Ok(view! { <OverviewView route=route /> }.into_any());
        }
        View::Statements => ready_now(load_statements(route)),
        View::Ratios => ready_now(load_ratios(route)),
        View::Scenarios => ready_now(load_scenarios(route)),
        View::Charts => ready_now(load_charts(route)),
        View::Sources => ready_now(load_sources(route)),
        View::Documents => ready_now(load_documents(route)),
    };
    built.unwrap_or(Err(ChunkError))
}

/// The output of a future that is ready in its first poll, or `None`.
fn ready_now<F: Future>(future: F) -> Option<F::Output> {
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(out) => Some(out),
        Poll::Pending => None,
    }
}

/// Where a view's chunk stands, for [`ViewChunk`].
#[derive(Debug, Clone, Copy, PartialEq)]
enum Stage {
    Loading,
    Ready,
    Failed,
    /// Failed because the host now serves another release (its files replaced this page's).
    Outdated,
}

/// A view that may live in a chunk: drawn at once when its chunk is there; otherwise a
/// loading line while it is fetched, and if that fails, a message with "Try again".
#[component]
pub fn ViewChunk(view: View, route: ReadSignal<Route>) -> impl IntoView {
    let stage = RwSignal::new(if ready(view) { Stage::Ready } else { Stage::Loading });
    let fetch = move || {
        stage.set(Stage::Loading);
        let busy = crate::ui::complete::busy();
        leptos::task::spawn_local(async move {
            let next = match preload(view).await {
                Ok(()) => Stage::Ready,
                Err(_) if release_changed().await => Stage::Outdated,
                Err(_) => Stage::Failed,
            };
            let _ = stage.try_set(next);
            drop(busy);
        });
    };
    if stage.get_untracked() == Stage::Loading {
        fetch();
    }
    move || match stage.get() {
        Stage::Ready => build(view, route).unwrap_or_else(|_| failed(view, fetch)),
        Stage::Loading => view! {
            <section class="view" data-testid=format!("view-{}", view.slug()) aria-busy="true">
                <h2>{t(view.title())}</h2>
                <p class="chunk-loading" role="status">{t("Loading this view…")}</p>
            </section>
        }
        .into_any(),
        Stage::Failed => failed(view, fetch),
        Stage::Outdated => outdated(view),
    }
}

/// Whether the host now serves another release than this page's: the page asked again (by
/// the service worker, or the host if none controls it) names another build
/// (`iijReleaseChanged` in the hosted edition's boot script; other editions have no chunks).
#[cfg(target_arch = "wasm32")]
async fn release_changed() -> bool {
    use wasm_bindgen::{JsCast, JsValue};
    let check = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("iijReleaseChanged")).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(promise) = check.and_then(|f| f.call0(&JsValue::NULL).ok()).and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

#[cfg(not(target_arch = "wasm32"))]
async fn release_changed() -> bool {
    false
}

/// The view's heading, that the site has a new release, and "Try again", which opens this
/// address again in it (the address holds the visitor's place; the new release is whole,
/// from its service worker or the host).
fn outdated(view: View) -> AnyView {
    let lead = t("This view could not be loaded: the site has been updated since this page was opened. ");
    let detail = t("Try again to open this page in the new version; the address keeps your place.");
    not_loaded(view, Some("new-release"), lead, detail, || {
        let _ = window().location().reload();
    })
}

/// The view's heading, why it is not there, and "Try again".
fn failed(view: View, retry: impl Fn() + Copy + 'static) -> AnyView {
    let lead = t("This view could not be loaded. ");
    let detail = t("The connection may have dropped, or the site is being updated. The other views still work.");
    not_loaded(view, None, lead, detail, retry)
}

/// A view whose module could not be loaded: its heading, what happened (`reason` names the
/// case for tests and styles), and "Try again" doing `retry`.
fn not_loaded(view: View, reason: Option<&'static str>, lead: String, detail: String, retry: impl Fn() + Copy + 'static) -> AnyView {
    view! {
        <section class="view" data-testid=format!("view-{}", view.slug())>
            <h2>{t(view.title())}</h2>
            <div class="error-box" role="alert" data-testid="chunk-failed" data-reason=reason>
                <p>
                    <strong>{lead}</strong>
                    {detail}
                </p>
                <button type="button" class="action" data-testid="chunk-retry" on:click=move |_| retry()>{t("Try again")}</button>
            </div>
        </section>
    }
    .into_any()
}

/// After the takeover, when the browser is idle and the visitor has not asked to save data,
/// loads the other views' chunks, so a later tap on a tab is answered at once. The chart
/// drawing comes first, whatever the setting: the charts on screen need it to be redrawn.
/// `<html data-prefetch>` says when it is over: `done`, or `skipped` (saving data).
#[cfg(target_arch = "wasm32")]
pub async fn prefetch_others() {
    let _ = load_drawing().await;
    let skip = save_data();
    if !skip {
        for view in View::ALL {
            if !ready(view) {
                idle().await;
                let _ = preload(view).await;
            }
        }
    }
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-prefetch", if skip { "skipped" } else { "done" });
    }
}

/// `navigator.connection.saveData`, where the browser has it.
#[cfg(target_arch = "wasm32")]
fn save_data() -> bool {
    use wasm_bindgen::JsValue;
    let get = |from: &JsValue, key: &str| js_sys::Reflect::get(from, &JsValue::from_str(key)).ok();
    let navigator: JsValue = window().navigator().into();
    get(&navigator, "connection").filter(|c| c.is_object()).and_then(|c| get(&c, "saveData")).and_then(|v| v.as_bool()).unwrap_or(false)
}

/// Resolves when the browser is next idle (`requestIdleCallback`; a task where it is missing).
#[cfg(target_arch = "wasm32")]
async fn idle() {
    use wasm_bindgen::{JsCast, JsValue};
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let win: JsValue = window().into();
        let idle = js_sys::Reflect::get(&win, &JsValue::from_str("requestIdleCallback")).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let scheduled = match idle {
            Some(f) => f.call1(&win, &resolve).is_ok(),
            None => false,
        };
        if !scheduled {
            let _ = window().set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
