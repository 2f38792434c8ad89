//! The browser UI: the app shell, the views and their widgets. Built for wasm32 only.
//!
//! Components here wire signals to the model (`crate::model`) and to the URL
//! (`crate::route`); they hold no financial logic. State a visitor can share lives in the URL
//! fragment; state derived from it is a `Memo` or a closure, never an effect writing a signal.

pub mod app;
pub mod assets;
pub mod chunks;
pub mod complete;
pub mod download;
pub mod i18n;
pub mod panic_page;
pub mod prefs;
pub mod router;
pub mod stage;
pub mod state;
pub mod views;
pub mod widgets;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;

/// Whether the UI runs in a browser; false in the native prerender step (Leptos's `ssr`
/// mode), where nothing may touch `window` or `document`.
pub const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

/// Installs the panic hook and mounts the app on `<body>`.
/// The page may hold the prerendered view (`#prerender`) and a neutral loading state
/// (`#pre-wait`, shown when the URL asks for another view or language than the page holds):
/// both give way to the app in one step, so nothing is drawn twice. When the URL or the stored
/// setting asks for Japanese and the table is fetched (the hosted edition), the app mounts once
/// it has arrived, drawn in Japanese from the start; meanwhile the prerendered page stays.
///
/// Start-up runs in short tasks (reading the dataset, linking it, evaluating its checks, then
/// the app built part by part: `stage`), each after the browser has had the chance to paint
/// and answer input: one long task would block a phone for a quarter of a second.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    panic_page::install();
    wasm_bindgen_futures::spawn_local(async {
        for step in state::Step::ALL {
            next_task().await;
            step.run();
        }
        if prefs::wanted_lang() == crate::i18n::Lang::Ja && !crate::i18n::ja_ready() {
            if let Err(why) = assets::load_ja().await {
                assets::note_start_problem(assets::ja_failed(&why));
            }
        } else {
            next_task().await;
        }
        // A deep link to a view in a chunk: the chunk (fetched since the page started) is
        // there before the app replaces the prerendered page, so the view is never empty.
        // A failure is the view's to say, with "Try again".
        if let Some(view) = router::start_route().view() {
            let _ = chunks::preload_start(view).await;
        }
        mount().await;
        complete::check_soon();
        chunks::prefetch_others().await;
    });
}

/// Resolves in a later task: what was queued meanwhile (a paint, an input event) runs first.
#[cfg(target_arch = "wasm32")]
pub async fn next_task() {
    gloo::timers::future::TimeoutFuture::new(0).await;
}

/// The prerender step has no tasks to yield to.
#[cfg(not(target_arch = "wasm32"))]
pub async fn next_task() {}

/// Builds the app off the page (`stage`), then puts it in place of the prerendered page.
#[cfg(target_arch = "wasm32")]
async fn mount() {
    let document = leptos::prelude::document();
    widgets::chart_figure::remember_prerendered_charts(&document);
    stage::build_staged(app::App, move |app| {
        for id in ["prerender", "pre-wait"] {
            if let Some(el) = document.get_element_by_id(id) {
                el.remove();
            }
        }
        if let Some(root) = document.document_element() {
            let _ = root.class_list().remove_1("pre-off");
            // When the app took over, for the page to tell (the suite compares when a view's
            // module was asked for with it).
            if let Some(performance) = leptos::prelude::window().performance() {
                let _ = performance.mark("iij:taken-over");
            }
        }
        if let Some(body) = document.body() {
            while let Some(node) = app.first_child() {
                if body.append_child(&node).is_err() {
                    break;
                }
            }
        }
    })
    .await;
}
