//! The visitor's theme (and, with it, the language setting): read from local storage at
//! start, applied to `<html data-theme>`, remembered when changed. The system setting is
//! followed live while the theme is "system". A stored value that is not understood is
//! reported on the page and replaced by the default.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

use crate::settings::{read_stored, Theme};

const THEME_KEY: &str = "iij-explorer/theme";

/// The settings every view can read, provided as context by the app.
#[derive(Clone, Copy)]
pub struct Prefs {
    pub theme: RwSignal<Theme>,
    /// Whether the system prefers dark, kept up to date.
    pub system_dark: RwSignal<bool>,
    /// Stored settings that could not be used, for the page to say so.
    pub problems: RwSignal<Vec<String>>,
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn stored(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Remembers a setting; a browser that refuses storage just does not remember.
pub fn remember(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// Reads the stored theme, applies it and keeps it applied. Call once, in the app.
pub fn provide_prefs() -> Prefs {
    let mut problems = Vec::new();
    let (theme, problem) = read_stored(stored(THEME_KEY).as_deref(), "theme", Theme::System, Theme::from_code, "the system setting");
    problems.extend(problem);
    let query = window().match_media("(prefers-color-scheme: dark)").ok().flatten();
    let system_dark = RwSignal::new(query.as_ref().is_some_and(|q| q.matches()));
    if let Some(q) = query {
        let on_change = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(move |e: web_sys::MediaQueryListEvent| {
            let _ = system_dark.try_set(e.matches());
        });
        let _ = q.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        // The listener lives as long as the page.
        on_change.forget();
    }
    let prefs = Prefs { theme: RwSignal::new(theme), system_dark, problems: RwSignal::new(problems) };
    Effect::new(move |_| {
        let shown = prefs.theme.get().resolve(prefs.system_dark.get());
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", shown.code());
        }
    });
    provide_context(prefs);
    prefs
}

/// Sets and remembers the theme.
pub fn set_theme(prefs: Prefs, theme: Theme) {
    prefs.theme.set(theme);
    remember(THEME_KEY, theme.code());
}

/// The theme switch for the header.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let Some(prefs) = use_context::<Prefs>() else { return ().into_any() };
    view! {
        <label class="pref">
            "Theme "
            <select data-testid="theme" prop:value=move || prefs.theme.get().code()
                on:change=move |ev| { if let Some(t) = Theme::from_code(&event_target_value(&ev)) { set_theme(prefs, t) } }>
                <option value="system">"System"</option>
                <option value="light">"Light"</option>
                <option value="dark">"Dark"</option>
            </select>
        </label>
    }
    .into_any()
}

/// Stored settings that could not be used, said once at the top of the page.
#[component]
pub fn PrefProblems() -> impl IntoView {
    let Some(prefs) = use_context::<Prefs>() else { return ().into_any() };
    view! {
        {move || {
            let p = prefs.problems.get();
            (!p.is_empty()).then(|| view! {
                <div class="notice-box pref-problems" role="status" data-testid="pref-problems">
                    {p.into_iter().map(|m| view! { <p>{m}</p> }).collect_view()}
                </div>
            })
        }}
    }
    .into_any()
}
