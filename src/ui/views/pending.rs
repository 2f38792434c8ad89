//! The stand-in for a view that is not built yet: it says so plainly.

use leptos::prelude::*;

use crate::route::View;

/// What each view will hold, in the visitor's words.
fn promise(view: View) -> &'static str {
    match view {
        View::Overview => "headline figures for FY2007, their change on FY2006, and where FY2007 stands against the FY2008 forecast and the mid-term target",
        View::Statements => "the consolidated and non-consolidated statements, every period the documents give, each figure traceable to its line",
        View::Ratios => "profitability, returns, liquidity, solvency, efficiency, per-share, growth, cash-flow and plan ratios, with the work shown",
        View::Scenarios => "a planner from the FY2008 forecast to the mid-term target of over JPY 100 billion revenue and JPY 10 billion operating income around FY2010",
        View::Charts => "the story at a glance: revenue and operating income, segment mix, bridges and the scenario against the targets",
        View::Sources => "the two source documents, every fact with its source line, every reconciliation check and the errata",
    }
}

/// A view that is not built yet.
#[component]
pub fn Pending(view: View) -> impl IntoView {
    view! {
        <section class="view pending" data-testid=format!("view-{}", view.slug())>
            <h2>{view.title()}</h2>
            <p class="notice-box">
                <strong>"This view is not built yet. "</strong>
                {format!("It will show {}.", promise(view))}
            </p>
        </section>
    }
}
