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

/// The page's whole URL (`""` in the prerender step, which has none).
pub fn current_href() -> String {
    if !crate::ui::IN_BROWSER {
        return String::new();
    }
    window().location().href().unwrap_or_default()
}

/// The fragment of the page's URL, `""` if there is none.
pub fn current_fragment() -> String {
    if !crate::ui::IN_BROWSER {
        return PRERENDER_FRAGMENT.with(|f| f.borrow().clone());
    }
    window().location().hash().unwrap_or_default()
}

/// A signal of the current route that follows the fragment for the life of the calling
/// owner. Its setter is provided as context for `replace_route`.
pub fn use_hash_route() -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::parse(&current_fragment()));
    if crate::ui::IN_BROWSER {
        let handle = window_event_listener(leptos::ev::hashchange, move |_| {
            set_route.set(Route::parse(&current_fragment()));
        });
        on_cleanup(move || handle.remove());
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
    let _ = window().location().set_hash(&with_lang(route).to_string());
}

/// Shows `route` in the address bar without a new history entry, and updates the signal.
pub fn replace_route(route: Route) {
    let route = with_lang(&route);
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&route.to_string()));
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
