//! The app shell: header with the company and the period covered, navigation to every view,
//! the current view, and a footer naming the source documents.

use leptos::prelude::*;

use crate::model::DOCUMENTS;
use crate::route::{Route, View};
use crate::ui::router::use_hash_route;
use crate::ui::prefs::{self, PrefProblems, ThemeSwitch};
use crate::ui::state;
use crate::ui::views::{charts::ChartsView, not_found::NotFound, overview::OverviewView, ratios::RatiosView, scenarios::ScenariosView, sources::SourcesView, statements::StatementsView};

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
    prefs::provide_prefs();
    provide_context(state::load());
    let page = Memo::new(move |_| match route.get() {
        Route::View { view, .. } => Page::View(view),
        Route::NotFound { path } => Page::NotFound(path),
        Route::SelfTestPanic => Page::SelfTestPanic,
    });

    // The tab title names the view, so history entries and bookmarks are told apart.
    Effect::new(move |_| {
        let title = match route.get() {
            Route::View { view, .. } => format!("{} · {PRODUCT}", view.title()),
            Route::NotFound { .. } => format!("Page not found · {PRODUCT}"),
            Route::SelfTestPanic => PRODUCT.to_owned(),
        };
        document().set_title(&title);
    });

    view! {
        <a class="skip-link" href="#main-content" on:click=skip_to_main>"Skip to content"</a>
        <Header route=route />
        <main id="main-content" tabindex="-1">
            <PrefProblems />
            {move || match page.get() {
                Page::View(view) => view_body(view, route),
                Page::NotFound(path) => view! { <NotFound path=path /> }.into_any(),
                Page::SelfTestPanic => self_test_panic(),
            }}
        </main>
        <Footer route=route />
    }
}

/// The body of a view.
fn view_body(view: View, route: ReadSignal<Route>) -> AnyView {
    match view {
        View::Sources => view! { <SourcesView route=route /> }.into_any(),
        View::Statements => view! { <StatementsView route=route /> }.into_any(),
        View::Overview => view! { <OverviewView route=route /> }.into_any(),
        View::Ratios => view! { <RatiosView route=route /> }.into_any(),
        View::Scenarios => view! { <ScenariosView route=route /> }.into_any(),
        View::Charts => view! { <ChartsView /> }.into_any(),
    }
}

/// Panics on purpose: the end-to-end suite opens `#/selftest/panic` to prove that the panic
/// hook turns a crash of the release build into a visible message.
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
    view! {
        <header class="site-header">
            <div class="brand">
                <p class="product">{PRODUCT}</p>
                <h1>"Internet Initiative Japan Inc."</h1>
                <p class="tickers">"TSE1 3774 · NASDAQ IIJI"</p>
                <div class="prefs"><ThemeSwitch /></div>
            </div>
            <p class="period">
                "FY2007 results (April 1, 2007 – March 31, 2008) with FY2004–FY2006 for comparison, "
                "the FY2008 forecast and the mid-term target around FY2010"
            </p>
            <nav aria-label="Views">
                <ul>
                    {View::ALL
                        .into_iter()
                        .map(|v| {
                            let current = move || (route.get().view() == Some(v)).then_some("page");
                            view! {
                                <li>
                                    <a href=v.href() aria-current=current data-testid=format!("nav-{}", v.slug())>
                                        {v.title()}
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

#[component]
fn Footer(route: ReadSignal<Route>) -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>"Every figure comes from two public documents of Internet Initiative Japan Inc.:"</p>
            <ul class="documents">
                {DOCUMENTS
                    .iter()
                    .map(|d| view! { <li><cite>{d.title}</cite>", " <time datetime=d.date>{d.date_label}</time></li> })
                    .collect_view()}
            </ul>
            <p class="fine">
                "Fiscal years end on March 31: FY2007 is April 1, 2007 to March 31, 2008. "
                "Everything is computed in your browser; nothing is sent anywhere. "
                <span class="no-print">
                    <a href="./iij-explorer-offline.html" download="iij-explorer-offline.html" data-testid="offline-link">"Download for offline use"</a>
                    " (one file that opens by double-click, with no network)."
                </span>
            </p>
            <p class="print-only">{move || {
                let _ = route.get();
                format!("Printed from {}", window().location().href().unwrap_or_default())
            }}</p>
        </footer>
    }
}
