//! The app shell: header with the company and the period covered, navigation to every view,
//! the current view, and a footer naming the source documents.

use leptos::prelude::*;

use crate::model::DOCUMENTS;
use crate::route::{Route, View};
use crate::ui::router::use_hash_route;
use crate::ui::i18n::{self, p, t, tf};
use crate::ui::prefs::{self, LangSwitch, PrefProblems, ThemeSwitch};
use crate::ui::router::view_href;
use crate::ui::stage::Later;
use crate::ui::state;
use crate::ui::chunks::ViewChunk;
use crate::ui::views::not_found::NotFound;

/// The product name, in the page title and the header.
pub const PRODUCT: &str = "IIJ Financial Explorer";

/// What the main region shows. Derived from the route so that a change of parameters
/// within one view does not rebuild the view (a search box keeps its focus).
#[derive(Debug, Clone, PartialEq)]
enum Page {
    View(View),
    NotFound(String),
    SelfTestPanic,
}

/// The whole app. The route signal and the loaded dataset are provided as context.
#[component]
pub fn App() -> impl IntoView {
    let route = use_hash_route();
    provide_context(route);
    let prefs = prefs::provide_prefs();
    provide_context(state::loaded());
    crate::ui::assets::provide_lines();
    let page = Memo::new(move |_| match route.get() {
        Route::View { view, .. } => Page::View(view),
        Route::NotFound { path } => Page::NotFound(path),
        Route::SelfTestPanic => Page::SelfTestPanic,
    });
    // A `lang` in the URL (a shared link) sets the language; the URL keeps carrying it.
    Effect::new(move |_| prefs::follow_url_lang(prefs, &route.get()));

    // The tab title names the view, so history entries and bookmarks are told apart.
    Effect::new(move |_| {
        prefs.lang.track();
        document().set_title(&title(&route.get()));
    });

    // The whole page is drawn again in the new language when it changes; `<html lang>`
    // follows.
    move || {
        let lang = prefs.lang.get();
        i18n::set_lang(lang);
        if let Some(root) = crate::ui::IN_BROWSER.then(document).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", lang.code());
        }
        view! {
            <a class="skip-link" href="#main-content" on:click=skip_to_main>{t("Skip to content")}</a>
            <Header route=route />
            <main id="main-content" tabindex="-1">
                <PrefProblems />
                {move || match page.get() {
                    Page::View(view) => view! { <Later>{view_body(view, route)}</Later> }.into_any(),
                    Page::NotFound(path) => view! { <NotFound path=path /> }.into_any(),
                    Page::SelfTestPanic => self_test_panic(),
                }}
            </main>
            <Later><Footer route=route /></Later>
        }
    }
}

/// The tab title of `route` in the page's language: the view and the product.
pub fn title(route: &Route) -> String {
    match route {
        Route::View { view, .. } => format!("{} · {}", t(view.title()), t(PRODUCT)),
        Route::NotFound { .. } => format!("{} · {}", t("Page not found"), t(PRODUCT)),
        Route::SelfTestPanic => t(PRODUCT),
    }
}

/// The body of a view: every view but the Overview lives in a chunk of its own in the release
/// build (`chunks`).
fn view_body(view: View, route: ReadSignal<Route>) -> AnyView {
    view! { <ViewChunk view=view route=route /> }.into_any()
}

/// Panics on purpose: the end-to-end suite opens `#/selftest/panic` to prove that the panic
/// hook turns a crash of the release build into a visible message.
#[allow(clippy::panic)] // the one deliberate panic
fn self_test_panic() -> AnyView {
    panic!("self-test panic requested by #/selftest/panic")
}

/// The skip link moves focus to the main region without touching the fragment, which holds
/// the route.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main-content") {
        use wasm_bindgen::JsCast;
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}

#[component]
fn Header(route: ReadSignal<Route>) -> impl IntoView {
    let nav = NodeRef::<leptos::html::Nav>::new();
    // On a phone the views scroll sideways in one row: keep the current one in sight. Only a
    // change of view moves it, not a parameter (a driver change rewrites the route).
    let view = Memo::new(move |_| route.get().view());
    Effect::new(move |_| {
        // Read, not only tracked: a memo nobody reads is never computed, so it never changes.
        let _ = view.get();
        // Built off the page during the takeover: measured once it is in the page.
        if !crate::ui::stage::attached() {
            return;
        }
        // The header may be drawn again (a language change) before the frame comes.
        request_animation_frame(move || {
            if let Some(nav) = nav.try_get_untracked().flatten() {
                current_view_in_sight(&nav);
            }
        });
    });
    view! {
        <header class="site-header">
            <div class="brand">
                <p class="product">{t(PRODUCT)}</p>
                <h1>{t("Internet Initiative Japan Inc.")}</h1>
                <p class="tickers">{t("TSE1 3774 · NASDAQ IIJI")}</p>
                <div class="prefs"><LangSwitch route=route /><ThemeSwitch /></div>
            </div>
            <p class="period">
                {t("FY2007 results (April 1, 2007 – March 31, 2008) with FY2004–FY2006 for comparison, ")}
                {t("the FY2008 forecast and the mid-term target around FY2010")}
            </p>
            <nav aria-label={t("Views")} node_ref=nav>
                <ul>
                    {View::ALL
                        .into_iter()
                        .map(|v| {
                            let current = move || (route.get().view() == Some(v)).then_some("page");
                            view! {
                                <li>
                                    <a href=view_href(v) aria-current=current data-testid=format!("nav-{}", v.slug())>
                                        {t(v.title())}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}

/// Scrolls the views' row so the current view's link is centred, when the row overflows.
fn current_view_in_sight(nav: &web_sys::HtmlElement) {
    use wasm_bindgen::JsCast;
    if nav.scroll_width() <= nav.client_width() {
        return;
    }
    if let Some(a) = nav.query_selector("a[aria-current=page]").ok().flatten().and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok()) {
        // The row is positioned (style: phones), so offsetLeft counts from its start.
        nav.set_scroll_left((a.offset_left() - (nav.client_width() - a.offset_width()) / 2).max(0));
    }
}

#[component]
fn Footer(route: ReadSignal<Route>) -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{t("Every figure comes from two public documents of Internet Initiative Japan Inc.:")}</p>
            <ul class="documents">
                {DOCUMENTS
                    .iter()
                    .map(|d| view! { <li><cite>{t(d.title)}</cite>", " <time datetime=d.date>{p(d.date_label)}</time></li> })
                    .collect_view()}
            </ul>
            <p class="fine">
                {t("Fiscal years end on March 31: FY2007 is April 1, 2007 to March 31, 2008. ")}
                {t("Everything is computed in your browser; nothing is sent anywhere. ")}
                <span class="no-print">
                    <a href="./iij-explorer-offline.html" download="iij-explorer-offline.html" data-testid="offline-link">{t("Download for offline use")}</a>
                    {t(" (one file that opens by double-click, with no network).")}
                </span>
            </p>
            <p class="print-only">{move || {
                route.track();
                tf("Printed from {0}", &[&crate::ui::router::current_href()])
            }}</p>
        </footer>
    }
}
