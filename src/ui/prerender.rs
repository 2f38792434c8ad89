//! The native prerender step (feature `prerender`, Leptos's `ssr` mode): the app's own
//! components drawn to HTML for one route, so the published pages show each view's first
//! screen before the WebAssembly has arrived, and to readers without JavaScript.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::route::Route;
use crate::ui::{app::App, router};

/// The app's HTML (the body's content) for `fragment` (such as `#/ratios?lang=ja`, whose
/// `lang` the app reads as it would from the URL).
pub fn render(fragment: &str) -> String {
    router::set_prerender_fragment(fragment);
    let owner = Owner::new();
    owner.with(|| view! { <App /> }.to_html())
}

/// One published page: a view's first screen in one language.
pub struct Page {
    /// The file name (`index.html` is the Overview in English).
    pub file: String,
    pub view: crate::route::View,
    pub lang: Lang,
    /// The tab title and the preview cards' title.
    pub title: String,
    /// The search result's and preview cards' description.
    pub description: String,
    /// The body's content as the app draws it.
    pub body: String,
}

/// The page file for `view` in `lang`: `index.html`, `ratios.html`, `index.ja.html`,
/// `ratios.ja.html` …
pub fn file_name(view: crate::route::View, lang: Lang) -> String {
    let stem = if view == crate::route::View::Overview { "index" } else { view.slug() };
    match lang {
        Lang::En => format!("{stem}.html"),
        Lang::Ja => format!("{stem}.{}.html", lang.code()),
    }
}

/// What a search result or a link preview says of each view.
fn description(view: crate::route::View) -> &'static str {
    use crate::i18n::n_;
    use crate::route::View;
    match view {
        View::Overview => n_("IIJ's FY2007 results against FY2006, the FY2008 forecast and the mid-term target of over JPY 100 billion revenue and JPY 10 billion operating income, every figure traced to the line it was printed on."),
        View::Statements => n_("IIJ's FY2007 consolidated income statement, balance sheet, equity and cash flows, FY2004–FY2007 trend, segments, quarters and the parent's statements, exact and traced to the printed line."),
        View::Ratios => n_("76 ratios of IIJ for FY2004–FY2007 and the plan: profitability, returns, liquidity, solvency, efficiency, per share, growth and cash flow, each with its formula and inputs."),
        View::Scenarios => n_("Plan IIJ's FY2008–FY2012 against the mid-term target: presets, every driver, goal seek, sensitivity and a Monte Carlo run, computed in your browser."),
        View::Charts => n_("Charts of IIJ's revenues and operating income, segment mix, balance sheet and the operating-income bridge to the FY2008 forecast and the mid-term target."),
        View::Sources => n_("Every figure of the IIJ Financial Explorer with its document, section and line, 340 reconciliation checks and the errata."),
        View::Documents => n_("IIJ's FY2007 convocation notice and its 2008 Nomura Asia Equity Forum presentation as documents, every figure the explorer cites highlighted and linked to its checks, ratios and scenarios."),
    }
}

/// Every view in both languages, drawn by the app's own components.
pub fn pages() -> Vec<Page> {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        for view in crate::route::View::ALL {
            let route = Route::View { view, params: match lang {
                Lang::En => vec![],
                other => vec![("lang".into(), other.code().into())],
            } };
            let body = render(&route.to_string());
            // The app drew in `lang`, and the page's language stays set for these.
            out.push(Page {
                file: file_name(view, lang),
                view,
                lang,
                title: crate::ui::app::title(&route),
                description: crate::ui::i18n::t(description(view)),
                body,
            });
        }
    }
    out
}
