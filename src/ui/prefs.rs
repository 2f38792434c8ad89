//! The visitor's theme (and, with it, the language setting): read from local storage at
//! start, applied to `<html data-theme>`, remembered when changed. The system setting is
//! followed live while the theme is "system". A stored value that is not understood is
//! reported on the page and replaced by the default.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

use crate::route::Route;
use crate::settings::{read_stored, Lang, Theme};
use crate::ui::i18n::{self, t, tf};
use crate::ui::router::replace_route;

const THEME_KEY: &str = "iij-explorer/theme";
const LANG_KEY: &str = "iij-explorer/lang";

/// The settings every view can read, provided as context by the app.
#[derive(Clone, Copy)]
pub struct Prefs {
    pub theme: RwSignal<Theme>,
    pub lang: RwSignal<Lang>,
    /// Whether the system prefers dark, kept up to date.
    pub system_dark: RwSignal<bool>,
    /// Stored settings that could not be used, for the page to say so.
    pub problems: RwSignal<Vec<String>>,
    /// Whether the Japanese table is on its way (the switch shows it).
    pub lang_loading: RwSignal<bool>,
}

/// The language the visitor asks for before anything is drawn: the URL's `lang`, else the
/// stored setting, else English.
pub fn wanted_lang() -> Lang {
    let from_url = crate::ui::router::start_route().param("lang").and_then(Lang::from_code);
    from_url.or_else(|| stored(LANG_KEY).as_deref().and_then(Lang::from_code)).unwrap_or(Lang::En)
}

/// The browser's local storage, if it allows it (some refuse it on file:// or in private
/// windows).
pub fn storage() -> Option<web_sys::Storage> {
    if !crate::ui::IN_BROWSER {
        return None;
    }
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
    let (lang, bad_lang) = read_stored(stored(LANG_KEY).as_deref(), Lang::En, Lang::from_code);
    // The prerender step has no storage and runs no effects: the fragment's `lang` decides.
    let lang = if crate::ui::IN_BROWSER { lang } else { wanted_lang() };
    // Japanese whose table could not be fetched at start: English, and the page says why.
    let lang = if lang == Lang::Ja && !crate::i18n::ja_ready() { Lang::En } else { lang };
    i18n::set_lang(lang);
    let (theme, bad_theme) = read_stored(stored(THEME_KEY).as_deref(), Theme::System, Theme::from_code);
    let mut problems: Vec<String> = crate::ui::assets::take_start_problem().into_iter().collect();
    if let Some(junk) = bad_lang {
        problems.push(tf("The saved language “{0}” is not understood; English is used.", &[&junk]));
    }
    if let Some(junk) = bad_theme {
        problems.push(tf("The saved theme “{0}” is not understood; the system setting is used.", &[&junk]));
    }
    let query = if crate::ui::IN_BROWSER { window().match_media("(prefers-color-scheme: dark)").ok().flatten() } else { None };
    let system_dark = RwSignal::new(query.as_ref().is_some_and(|q| q.matches()));
    if let Some(q) = query {
        let on_change = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(move |e: web_sys::MediaQueryListEvent| {
            let _ = system_dark.try_set(e.matches());
        });
        let _ = q.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        // The listener lives as long as the page.
        on_change.forget();
    }
    let prefs = Prefs { theme: RwSignal::new(theme), lang: RwSignal::new(lang), system_dark, problems: RwSignal::new(problems), lang_loading: RwSignal::new(false) };
    Effect::new(move |_| {
        let shown = prefs.theme.get().resolve(prefs.system_dark.get());
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", shown.code());
        }
    });
    provide_context(prefs);
    prefs
}

/// Sets and remembers the language, and shows it in the URL. Japanese whose table is not
/// there yet is fetched first (the switch shows it loading); if it cannot be, the page stays
/// in English and says why.
pub fn set_lang(prefs: Prefs, lang: Lang, route: &Route) {
    if lang == Lang::Ja && !crate::i18n::ja_ready() {
        if prefs.lang_loading.get_untracked() {
            return;
        }
        prefs.lang_loading.set(true);
        let route = route.clone();
        leptos::task::spawn_local(async move {
            let outcome = crate::ui::assets::load_ja().await;
            let _ = prefs.lang_loading.try_set(false);
            match outcome {
                Ok(()) => set_lang(prefs, lang, &route),
                Err(why) => {
                    let message = crate::ui::assets::ja_failed(&why);
                    let _ = prefs.problems.try_update(|p| if !p.contains(&message) { p.push(message) });
                    // The URL no longer asks for Japanese, so nothing retries in a loop.
                    replace_route(route.with_param("lang", None));
                }
            }
        });
        return;
    }
    i18n::set_lang(lang);
    prefs.lang.set(lang);
    remember(LANG_KEY, lang.code());
    replace_route(route.clone());
}

/// Follows a `lang` parameter in the URL (a shared link wins over the remembered choice) and
/// keeps the URL carrying the language. A value that is not a language is reported and
/// dropped.
pub fn follow_url_lang(prefs: Prefs, route: &Route) {
    match route.param("lang") {
        Some(code) => match Lang::from_code(code) {
            Some(l) if l != prefs.lang.get_untracked() => set_lang(prefs, l, route),
            Some(_) => {}
            None => {
                let message = tf("“lang={0}” is not a language (en or ja); the page stays in {1}.", &[&code.chars().take(40).collect::<String>(), prefs.lang.get_untracked().name()]);
                prefs.problems.update(|p| if !p.contains(&message) { p.push(message) });
                replace_route(route.with_param("lang", None));
            }
        },
        // Only views take parameters: a not-found route stays as typed.
        None if prefs.lang.get_untracked() != Lang::En && route.view().is_some() => replace_route(route.clone()),
        None => {}
    }
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
            <span class="pref-name">{t("Theme")}</span> " "
            <select data-testid="theme" prop:value=move || prefs.theme.get().code()
                on:change=move |ev| { if let Some(th) = Theme::from_code(&event_target_value(&ev)) { set_theme(prefs, th) } }>
                <option value="system">{t("System")}</option>
                <option value="light">{t("Light")}</option>
                <option value="dark">{t("Dark")}</option>
            </select>
        </label>
    }
    .into_any()
}

/// The language switch: each language named in itself, the current one pressed.
#[component]
pub fn LangSwitch(route: ReadSignal<Route>) -> impl IntoView {
    let Some(prefs) = use_context::<Prefs>() else { return ().into_any() };
    view! {
        <div class="pref lang-switch" role="group" aria-label=t("Language")>
            {Lang::ALL.into_iter().map(|l| view! {
                <button type="button" lang=l.code() data-testid=format!("lang-{}", l.code())
                    aria-pressed=move || (prefs.lang.get() == l).to_string()
                    aria-busy=move || (l == Lang::Ja && prefs.lang_loading.get()).then_some("true")
                    on:click=move |_| if prefs.lang.get_untracked() != l { set_lang(prefs, l, &route.get_untracked()) }>
                    {l.name()}
                </button>
            }).collect_view()}
        </div>
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
