//! Charts: the story at a glance. Every chart of the explorer in one place, from the
//! documents and the company-plan scenario; the Scenarios view draws the same scenario
//! charts for whatever scenario the visitor builds.

use leptos::prelude::*;
use crate::ui::stage::Later;
use crate::ui::i18n::t;
use rust_decimal::Decimal;

use crate::charts::{data, Chart};
use crate::model::scenario::{project, sensitivity, steps, Lever, Metric, Preset};
use crate::route::View;
use crate::ui::state::{load_error_view, use_explorer, Explorer};
use crate::ui::widgets::chart_figure::ChartFigure;

/// The company-plan scenario's charts: the bridge to the FY2008 forecast, the projection and
/// the sensitivity of FY2010 operating income to growth and margin.
fn plan_charts(explorer: &Explorer) -> Result<[Chart; 3], String> {
    let ds = &explorer.data;
    let (base, plan, presets) = explorer.planner()?;
    let s = presets.get(Preset::CompanyPlan);
    let years = project(&base, &s).map_err(|e| e.to_string())?;
    let targets = (plan.target_revenue, plan.target_operating_income);
    let growth = steps(Decimal::ZERO, Decimal::from(20), 11).map_err(|e| e.to_string())?;
    let margin = steps(Decimal::from(4), Decimal::from(14), 11).map_err(|e| e.to_string())?;
    let grid = sensitivity(&base, &s, (Lever::UniformGrowth { from: 0 }, &growth), (Lever::OperatingMargin { from: 0 }, &margin), Metric::OperatingIncome, 2).map_err(|e| e.to_string())?;
    Ok([
        data::bridge(crate::ui::i18n::lang(), &base, &s.years[0], &years[0], "forecast").map_err(|e| e.to_string())?,
        data::projection(crate::ui::i18n::lang(), ds, &years, targets, 2, None).map_err(|e| e.to_string())?,
        data::heatmap(crate::ui::i18n::lang(), &grid, ("revenue growth, every year", "operating margin, every year"), plan.target_operating_income, 2010).map_err(|e| e.to_string())?,
    ])
}

#[component]
pub fn ChartsView() -> impl IntoView {
    let explorer = match use_explorer() {
        Ok(x) => x,
        Err(message) => return load_error_view(View::Charts, message),
    };
    let ds = &explorer.data;
    let mut charts: Vec<Result<Chart, String>> = [data::trend(crate::ui::i18n::lang(), ds), data::segments(crate::ui::i18n::lang(), ds), data::balance(crate::ui::i18n::lang(), ds)].into_iter().map(|c| c.map_err(|e| e.to_string())).collect();
    match plan_charts(&explorer) {
        Ok(cs) => charts.extend(cs.into_iter().map(Ok)),
        Err(e) => charts.push(Err(e)),
    }
    let scenarios = View::Scenarios.href();
    view! {
        <section class="view charts" data-testid="view-charts">
            <h2>{t("Charts")}</h2>
            <p class="lede">
                {t("The story at a glance: five years of growth, where revenue comes from, how the balance sheet changed, and what the company plan implies for the mid-term target. ")}
                {t("Scenario charts here follow the company plan; ")}<a href=scenarios>{t("Scenarios")}</a>{t(" draws them for any scenario you build.")}
            </p>
            {charts.into_iter().map(|c| view! { <Later><ChartFigure chart=Signal::stored(c) /></Later> }).collect_view()}
        </section>
    }
    .into_any()
}
