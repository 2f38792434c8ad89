//! The views that live in chunks of their own (issue 25): in the hosted release build the wasm
//! is split after cargo (`scripts/build_wasm.py`), and every view but the Overview is a split
//! point, fetched the first time it is shown (or ahead: a deep link, the idle prefetch).
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

/// Declares a view's split point: `$load` builds the view (after its chunk has loaded, in the
/// split build), `$preload` only loads the chunk.
macro_rules! split_view {
    ($module:ident, $load:ident, $preload:ident, |$route:ident| $body:expr) => {
        #[cfg(all(target_arch = "wasm32", iij_wasm_split))]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible, preload($preload))]
        fn $load($route: ReadSignal<Route>) -> Result<AnyView, ChunkError> {
            Ok($body)
        }

        #[cfg(not(all(target_arch = "wasm32", iij_wasm_split)))]
        async fn $load($route: ReadSignal<Route>) -> Result<AnyView, ChunkError> {
            Ok($body)
        }

        #[cfg(not(all(target_arch = "wasm32", iij_wasm_split)))]
        async fn $preload() -> Result<(), ChunkError> {
            Ok(())
        }
    };
}

split_view!(view_statements, load_statements, preload_statements, |route| {
    use crate::ui::views::statements::StatementsView;
    view! { <StatementsView route=route /> }.into_any()
});
split_view!(view_ratios, load_ratios, preload_ratios, |route| {
    use crate::ui::views::ratios::RatiosView;
    view! { <RatiosView route=route /> }.into_any()
});
split_view!(view_scenarios, load_scenarios, preload_scenarios, |route| {
    use crate::ui::views::scenarios::ScenariosView;
    view! { <ScenariosView route=route /> }.into_any()
});
split_view!(view_charts, load_charts, preload_charts, |_route| {
    use crate::ui::views::charts::ChartsView;
    view! { <ChartsView /> }.into_any()
});
split_view!(view_sources, load_sources, preload_sources, |route| {
    use crate::ui::views::sources::SourcesView;
    view! { <SourcesView route=route /> }.into_any()
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

/// Loads the chunk of `view` (nothing to do for the Overview or a loaded chunk). A failure
/// is not remembered: the next call tries again.
pub async fn preload(view: View) -> Result<(), ChunkError> {
    if ready(view) {
        return Ok(());
    }
    match view {
        View::Overview => Ok(()),
        View::Statements => preload_statements().await,
        View::Ratios => preload_ratios().await,
        View::Scenarios => preload_scenarios().await,
        View::Charts => preload_charts().await,
        View::Sources => preload_sources().await,
    }?;
    LOADED.with(|l| l.borrow_mut().push(view));
    Ok(())
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
}

/// A view that may live in a chunk: drawn at once when its chunk is there; otherwise a
/// loading line while it is fetched, and if that fails, a message with "Try again".
#[component]
pub fn ViewChunk(view: View, route: ReadSignal<Route>) -> impl IntoView {
    let stage = RwSignal::new(if ready(view) { Stage::Ready } else { Stage::Loading });
    let fetch = move || {
        stage.set(Stage::Loading);
        leptos::task::spawn_local(async move {
            let outcome = preload(view).await;
            let _ = stage.try_set(if outcome.is_ok() { Stage::Ready } else { Stage::Failed });
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
    }
}

/// The view's heading, why it is not there, and "Try again".
fn failed(view: View, retry: impl Fn() + Copy + 'static) -> AnyView {
    view! {
        <section class="view" data-testid=format!("view-{}", view.slug())>
            <h2>{t(view.title())}</h2>
            <div class="error-box" role="alert" data-testid="chunk-failed">
                <p>
                    <strong>{t("This view could not be loaded. ")}</strong>
                    {t("The connection may have dropped, or the site is being updated. The other views still work.")}
                </p>
                <button type="button" class="action" data-testid="chunk-retry" on:click=move |_| retry()>{t("Try again")}</button>
            </div>
        </section>
    }
    .into_any()
}

/// After the takeover, when the browser is idle and the visitor has not asked to save data,
/// loads the other views' chunks, so a later tap on a tab is answered at once.
#[cfg(target_arch = "wasm32")]
pub async fn prefetch_others() {
    if save_data() {
        return;
    }
    for view in View::ALL {
        if !ready(view) {
            idle().await;
            let _ = preload(view).await;
        }
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
