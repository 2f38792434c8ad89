//! Texts the hosted release build keeps out of the first load (issue 16): the Japanese table,
//! the quoted source lines and the two transcriptions (the Documents view). The page's boot script defines `iijAsset(name)`, which fetches
//! the hashed file with its integrity checked (the hosted edition) or reads it from the page
//! itself (the offline file). Builds with the texts inside (tests, `trunk serve`, the
//! prerender step) find them ready and never fetch.
//!
//! A failed or tampered fetch is a message in the page's language and a working page: the
//! views that need the text say it could not be loaded and offer to try again.

use leptos::prelude::*;

/// Where a fetched text stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Load {
    Idle,
    Loading,
    Ready,
    Failed(String),
}

/// The quoted source lines' state, for the inspector and the Sources view to follow.
#[derive(Clone, Copy)]
pub struct Lines(pub RwSignal<Load>);

/// Provides the quoted lines' state as context; call once, in the app.
pub fn provide_lines() -> Lines {
    let lines = Lines(RwSignal::new(if crate::model::documents::quoted_lines_ready() { Load::Ready } else { Load::Idle }));
    provide_context(lines);
    lines
}

/// Starts loading the quoted lines unless they are there or on their way. Safe to call from
/// any view, any number of times.
pub fn ensure_lines() {
    let Some(Lines(state)) = use_context::<Lines>() else { return };
    // A failed load is tried again (an inspector opened later, or its "Try again" button).
    if matches!(state.get_untracked(), Load::Ready | Load::Loading) {
        return;
    }
    state.set(Load::Loading);
    leptos::task::spawn_local(async move {
        let outcome = match fetch_text("lines").await {
            Ok(text) => crate::model::documents::install_quoted_lines(text).map_err(str::to_owned),
            Err(e) => Err(e),
        };
        let _ = state.try_set(match outcome {
            Ok(()) => Load::Ready,
            Err(why) => Load::Failed(why),
        });
    });
}

thread_local! {
    /// A problem met before the app mounted (the Japanese table at start), for the page to say.
    static START_PROBLEM: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Keeps a problem met before the app mounted, for `take_start_problem`.
pub fn note_start_problem(message: String) {
    START_PROBLEM.with(|p| *p.borrow_mut() = Some(message));
}

/// The problem met before the app mounted, once.
pub fn take_start_problem() -> Option<String> {
    START_PROBLEM.with(|p| p.borrow_mut().take())
}

/// Fetches and installs the Japanese table (nothing to do if it is there).
pub async fn load_ja() -> Result<(), String> {
    if crate::i18n::ja_ready() {
        return Ok(());
    }
    let text = fetch_text("ja").await?;
    crate::i18n::install_ja(text).map_err(str::to_owned)
}

/// Fetches and installs both transcriptions for the Documents view (nothing to do for one
/// that is there), side by side.
pub async fn load_documents() -> Result<(), String> {
    use crate::model::documents::{full_text, install_full_text};
    use crate::model::DocumentId;
    let one = |doc: DocumentId| async move {
        if full_text(doc).is_some() {
            return Ok(());
        }
        let text = fetch_text(doc.code()).await?;
        install_full_text(doc, text).map_err(str::to_owned)
    };
    let (notice, forum) = crate::ui::chunks::both(one(DocumentId::Notice), one(DocumentId::Forum)).await;
    notice.and(forum)
}

/// Why Japanese cannot be shown, in both languages: without the table there is no Japanese
/// to look up, so this one message carries its own.
pub fn ja_failed(why: &str) -> String {
    format!("日本語の表示データを読み込めませんでした（{why}）。英語で表示しています。 The Japanese texts could not be loaded ({why}); the page is shown in English.")
}

/// The text named `name`, from the page's `iijAsset` (see the module's comment).
#[cfg(target_arch = "wasm32")]
pub async fn fetch_text(name: &str) -> Result<String, String> {
    use wasm_bindgen::prelude::*;
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_name = iijAsset, catch)]
        fn iij_asset(name: &str) -> Result<js_sys::Promise, JsValue>;
    }
    let describe = |e: JsValue| -> String {
        e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_else(|| "unknown error".to_owned())
    };
    let promise = iij_asset(name).map_err(describe)?;
    let value = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(describe)?;
    value.as_string().ok_or_else(|| "not a text".to_owned())
}

/// The prerender step has every text inside and never fetches.
#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_text(_name: &str) -> Result<String, String> {
    Err("no fetching in the prerender step".to_owned())
}
