//! The route as a signal: parsed from `location.hash` at start and on every `hashchange`
//! (link clicks, back, forward, a typed URL).

use leptos::prelude::*;

use crate::route::Route;

/// The fragment of the page's URL, `""` if there is none.
pub fn current_fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// A signal of the current route that follows the fragment for the life of the calling owner.
pub fn use_hash_route() -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::parse(&current_fragment()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(Route::parse(&current_fragment()));
    });
    on_cleanup(move || handle.remove());
    route
}
