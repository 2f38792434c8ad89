//! The route as a signal: parsed from `location.hash` at start and on every `hashchange`
//! (link clicks, back, forward, a typed URL). Views change it in two ways: `push_route`
//! (a new history entry, like following a link) and `replace_route` (the same entry, for
//! selections and typing that should not fill the history).

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::route::Route;
use crate::settings::Lang;

thread_local! {
    /// The fragment the prerender step draws (it has no `location`).
    static PRERENDER_FRAGMENT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Sets the fragment the prerender step draws.
pub fn set_prerender_fragment(fragment: &str) {
    PRERENDER_FRAGMENT.with(|f| *f.borrow_mut() = fragment.to_owned());
}

/// The page's whole URL, with a fragment still waiting to be written (see `replace_route`);
/// `""` in the prerender step, which has none.
pub fn current_href() -> String {
    if !crate::ui::IN_BROWSER {
        return String::new();
    }
    let href = window().location().href().unwrap_or_default();
    match PENDING.with(|p| p.borrow().as_ref().map(|(fragment, _)| fragment.clone())) {
        Some(fragment) => format!("{}{fragment}", href.split('#').next().unwrap_or_default()),
        None => href,
    }
}

/// Changes closer together than this write the address bar once, when they settle.
const SETTLE_MS: u32 = 150;

thread_local! {
    /// The fragment `replace_route` has yet to write, and the timer that writes it.
    static PENDING: std::cell::RefCell<Option<(String, gloo::timers::callback::Timeout)>> = const { std::cell::RefCell::new(None) };
    /// When the address bar was last written (performance.now(), ms).
    static LAST_WRITE: std::cell::Cell<f64> = const { std::cell::Cell::new(f64::NEG_INFINITY) };
    /// The fragment the address bar held after the app last wrote it or followed a change of
    /// it, as the browser reads it back; `None` before either.
    static LAST_SEEN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

fn write_fragment(fragment: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(fragment));
    }
    LAST_WRITE.with(|t| t.set(now_ms()));
    seen_now();
}

/// Notes the address bar's fragment as the one the app knows.
fn seen_now() {
    LAST_SEEN.with(|s| *s.borrow_mut() = Some(current_fragment()));
}

/// Drops a fragment not yet written: the visitor navigated (a link, back, forward), and the
/// new entry must not be overwritten by it.
fn drop_pending() {
    PENDING.with(|p| p.borrow_mut().take());
}

/// Writes the fragment still waiting, unless the address bar has moved on since the app last
/// wrote or followed it: a link followed, back or forward, whose `hashchange` has not reached
/// the app yet (the browser changes the address at once and tells the page in a later task; a
/// write now would replace the entry the visitor has just opened with the view they left).
fn flush_pending() {
    let Some((fragment, _)) = PENDING.with(|p| p.borrow_mut().take()) else { return };
    if !address_moved() {
        write_fragment(&fragment);
    }
}

/// Whether the address bar holds another fragment than the app last wrote or followed.
fn address_moved() -> bool {
    LAST_SEEN.with(|s| s.borrow().as_ref().is_some_and(|seen| *seen != current_fragment()))
}

/// The fragment of the page's URL, `""` if there is none.
pub fn current_fragment() -> String {
    if !crate::ui::IN_BROWSER {
        return PRERENDER_FRAGMENT.with(|f| f.borrow().clone());
    }
    window().location().hash().unwrap_or_default()
}

/// Whether `fragment` names an element of the page (`#main-content`, where the skip link
/// leads) rather than a view: such a fragment is never read as a route.
/// The shell's own `main-content` counts before the shell is drawn (the offline file has no
/// prerendered page holding it).
fn on_page_anchor(fragment: &str) -> bool {
    crate::ui::IN_BROWSER
        && crate::route::anchor_id(fragment).is_some_and(|id| id == "main-content" || document().get_element_by_id(id).is_some())
}

/// The route the app starts on: the fragment's, or the page's own view when the fragment is
/// an in-page anchor.
pub fn start_route() -> Route {
    let fragment = current_fragment();
    if on_page_anchor(&fragment) {
        own_route()
    } else {
        Route::parse(&fragment)
    }
}

/// The route the page stands for when its fragment is no route: a published page's own view
/// (`<html data-pre>`) in the page's language; the Overview elsewhere.
fn own_route() -> Route {
    let root = document().document_element();
    let attr = |name: &str| root.as_ref().and_then(|r| r.get_attribute(name)).unwrap_or_default();
    let view = crate::route::View::from_slug(&attr("data-pre")).unwrap_or(crate::route::View::Overview);
    let lang = attr("lang");
    let params = if lang == "ja" { vec![("lang".to_owned(), lang)] } else { vec![] };
    Route::View { view, params }
}

/// A signal of the current route that follows the fragment for the life of the calling
/// owner. Its setter is provided as context for `replace_route`.
pub fn use_hash_route() -> ReadSignal<Route> {
    let (route, set_route) = signal(start_route());
    if crate::ui::IN_BROWSER {
        let handle = window_event_listener(leptos::ev::hashchange, move |_| {
            drop_pending();
            seen_now();
            let fragment = current_fragment();
            // An in-page anchor (the skip link followed natively) leaves the view as it is.
            if !on_page_anchor(&fragment) {
                set_route.set(Route::parse(&fragment));
                crate::ui::complete::route_changed();
            }
        });
        // Leaving the page (a reload, closing the tab) writes a fragment still waiting.
        let leave = window_event_listener(leptos::ev::pagehide, |_| flush_pending());
        // A click may follow a link: the view being left gets its last change in its own
        // history entry first (a click is dispatched before the link is followed).
        let click = window_event_listener(leptos::ev::click, |_| flush_pending());
        on_cleanup(move || {
            handle.remove();
            leave.remove();
            click.remove();
        });
    }
    provide_context(set_route);
    route
}

/// `route` carrying the page's language (`lang=ja`), so links and bookmarks keep it.
pub fn with_lang(route: &Route) -> Route {
    match crate::ui::i18n::lang() {
        Lang::En => route.with_param("lang", None),
        other if route.param("lang") == Some(other.code()) => route.clone(),
        other => route.with_param("lang", Some(other.code())),
    }
}

/// The `href` of a view in the page's language.
pub fn view_href(view: crate::route::View) -> String {
    with_lang(&Route::View { view, params: vec![] }).to_string()
}

/// Navigates to `route` with a new history entry.
pub fn push_route(route: &Route) {
    // The entry being left keeps its last change.
    flush_pending();
    let _ = window().location().set_hash(&with_lang(route).to_string());
}

/// Shows `route` in the address bar without a new history entry, and updates the signal at
/// once. The history API is slow (about 9 ms a call measured in Chromium 156 here) and
/// rate-limited (Safari refuses more than 100 calls in 30 s), so a burst of changes (a slider
/// dragged, values typed in a row) writes the address bar once more when it settles: the
/// first change of a quiet spell is written at once, later ones within `SETTLE_MS` then.
pub fn replace_route(route: Route) {
    let route = with_lang(&route);
    let fragment = route.to_string();
    if address_moved() {
        // The visitor has just navigated; the address is theirs (see `flush_pending`).
        drop_pending();
    } else if now_ms() - LAST_WRITE.with(std::cell::Cell::get) >= f64::from(SETTLE_MS) && PENDING.with(|p| p.borrow().is_none()) {
        write_fragment(&fragment);
    } else {
        let timer = gloo::timers::callback::Timeout::new(SETTLE_MS, flush_pending);
        // Replacing the pending entry drops (cancels) its timer.
        PENDING.with(|p| *p.borrow_mut() = Some((fragment, timer)));
    }
    if let Some(set_route) = use_context::<WriteSignal<Route>>() {
        // Setting an equal route would wake every subscriber for nothing (and an effect that
        // reacts to the route by replacing it would never settle).
        if use_context::<ReadSignal<Route>>().is_none_or(|r| r.get_untracked() != route) {
            set_route.set(route);
        }
    }
}

/// Sets parameter `key` to `value` in the current route without a new history entry, unless
/// it already has that value (a figure chosen by click and then by focus is one change).
pub fn replace_param(route: ReadSignal<Route>, key: &str, value: &str) {
    let current = route.get_untracked();
    if current.param(key) != Some(value) {
        replace_route(current.with_param(key, Some(value)));
    }
}

/// A search box's text, kept with parameter `key` of the address: a link edited in place (same
/// view) sets it, and typing (which writes the address through `replace_route`, trimmed)
/// leaves it as typed, so the two never fight.
pub fn search_text(route: ReadSignal<Route>, key: &'static str) -> RwSignal<String> {
    let text = RwSignal::new(route.get_untracked().param(key).unwrap_or_default().to_owned());
    Effect::new(move |_| {
        let q = route.get().param(key).unwrap_or_default().to_owned();
        if q != text.get_untracked().trim() {
            text.set(q);
        }
    });
    text
}
