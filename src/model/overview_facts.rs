// Included by build.rs too (so no inner doc comment here).

/// The facts the Overview shows: its headline table (`statements::HEADLINES`), the plan table
/// (`statements::spec("plan")`), the bars against the mid-term target and the trend chart
/// (`charts::data::trend`). The split release build's main module carries only these, the
/// checks that name them and the facts and errata those need (build.rs writes them as
/// `overview.tsv`); the rest of the dataset comes with the other views' chunks.
/// tests/dataset.rs proves the Overview's tables, chart and inspector read the same from
/// them as from the whole dataset, so a fact missing here fails there.
pub const OVERVIEW_FACTS: &[&str] = &[
    "cis.revenue", "cis.operating_income", "cis.pretax_income", "cis.net_income", "cnotes.eps",
    "cbs.total_assets", "cbs.total_equity", "div.fy2007_annual_per_share", "div.fy2006_yearend.per_share",
    "emp.total", "emp.change",
    "trend.revenue.fy2004", "trend.revenue.fy2005", "trend.revenue.fy2006", "trend.revenue.fy2007",
    "trend.operating_income.fy2004", "trend.operating_income.fy2005", "trend.operating_income.fy2006", "trend.operating_income.fy2007",
    "trend.net_income.fy2006", "trend.eps.fy2006", "trend.total_assets.fy2006", "trend.equity.fy2006",
    "forecast.revenue", "forecast.revenue_change", "forecast.revenue_growth",
    "forecast.operating_income", "forecast.operating_income_change", "forecast.operating_income_growth",
    "forecast.pretax_income", "forecast.pretax_income_change", "forecast.pretax_income_growth",
    "forecast.net_income", "forecast.net_income_change", "forecast.net_income_growth",
    "forecast.eps", "forecast.eps_change", "forecast.eps_growth",
    "forecast.dps", "forecast.dps_change", "forecast.dps_growth",
    "target.revenue", "target.operating_income",
];
