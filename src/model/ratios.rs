//! The ratio catalogue and engine. Each ratio has a stable id, a name, a one-line definition,
//! a formula over fact ids for each period it can be computed for, a unit and a display
//! rounding. Values are exact decimals: every input enters at its printed value, operations
//! are checked, and a ratio that cannot be computed is a typed `NotAvailable` with its reason,
//! never a panic and never NaN. Plain Rust; tested on the host.

use std::fmt;

use rust_decimal::Decimal;

use super::dataset::Dataset;
use crate::i18n::{tr, trf, Lang};
use super::formula::{self, Expr};
use super::interval::IntervalError;

/// The groups of the catalogue, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    Profitability,
    Returns,
    Liquidity,
    Solvency,
    Efficiency,
    PerShare,
    Growth,
    CashFlow,
    Plan,
    ParentVsGroup,
}

impl Group {
    pub const ALL: [Group; 10] = [
        Group::Profitability,
        Group::Returns,
        Group::Liquidity,
        Group::Solvency,
        Group::Efficiency,
        Group::PerShare,
        Group::Growth,
        Group::CashFlow,
        Group::Plan,
        Group::ParentVsGroup,
    ];

    /// The spelling in the URL (`g=returns`).
    pub fn code(self) -> &'static str {
        match self {
            Group::Profitability => "profitability",
            Group::Returns => "returns",
            Group::Liquidity => "liquidity",
            Group::Solvency => "solvency",
            Group::Efficiency => "efficiency",
            Group::PerShare => "per-share",
            Group::Growth => "growth",
            Group::CashFlow => "cash-flow",
            Group::Plan => "plan",
            Group::ParentVsGroup => "parent",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Group::Profitability => "Profitability",
            Group::Returns => "Returns",
            Group::Liquidity => "Liquidity",
            Group::Solvency => "Solvency",
            Group::Efficiency => "Efficiency",
            Group::PerShare => "Per share and shareholder return",
            Group::Growth => "Growth",
            Group::CashFlow => "Cash flow",
            Group::Plan => "Plan: FY2008 forecast and mid-term target",
            Group::ParentVsGroup => "Parent versus group",
        }
    }

    pub fn from_code(code: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.code() == code)
    }
}

/// What a ratio's value measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatioUnit {
    Percent,
    Times,
    Days,
    /// An amount in yen.
    Yen,
    YenPerShare,
}

impl RatioUnit {
    pub fn label(self) -> &'static str {
        match self {
            RatioUnit::Percent => "%",
            RatioUnit::Times => "x",
            RatioUnit::Days => "days",
            RatioUnit::Yen => "JPY",
            RatioUnit::YenPerShare => "JPY per share",
        }
    }
}

/// One ratio of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatioSpec {
    pub id: &'static str,
    pub group: Group,
    pub name: &'static str,
    pub definition: &'static str,
    pub unit: RatioUnit,
    /// Decimals shown; the value itself is never rounded.
    pub decimals: u32,
    /// (period, formula over fact ids in base units) for each period it can be computed for.
    pub periods: &'static [(&'static str, &'static str)],
}

/// Why a ratio has no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotAvailable {
    /// The formula names a fact the dataset does not have.
    MissingInput(String),
    /// The formula cannot be read.
    BadFormula(String),
    /// A denominator is zero.
    DivisionByZero,
    /// A compound growth rate from or to a value that is not positive.
    NotPositive,
    /// The arithmetic left the range of `Decimal`.
    Overflow,
}

impl NotAvailable {
    /// The reason in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            NotAvailable::MissingInput(id) => trf(lang, "the input “{0}” is not in the documents", &[id]),
            NotAvailable::BadFormula(m) => trf(lang, "the formula cannot be read: {0}", &[m]),
            NotAvailable::DivisionByZero => tr(lang, "a denominator is zero").to_owned(),
            NotAvailable::NotPositive => tr(lang, "compound growth needs positive start and end values").to_owned(),
            NotAvailable::Overflow => tr(lang, "the arithmetic overflowed").to_owned(),
        }
    }
}

impl fmt::Display for NotAvailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// A ratio for one period: the exact value or why there is none, with its formula and inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct RatioValue {
    pub period: &'static str,
    pub formula: &'static str,
    /// Indices of the facts the formula uses, in order, without repeats.
    pub inputs: Vec<usize>,
    pub value: Result<Decimal, NotAvailable>,
}

/// Computes `spec` for every period it defines.
pub fn compute(ds: &Dataset, spec: &RatioSpec) -> Vec<RatioValue> {
    spec.periods.iter().map(|&(period, text)| compute_one(ds, period, text)).collect()
}

fn compute_one(ds: &Dataset, period: &'static str, text: &'static str) -> RatioValue {
    let na = |value| RatioValue { period, formula: text, inputs: Vec::new(), value: Err(value) };
    let expr = match formula::parse(text) {
        Ok(e) => e,
        Err(m) => return na(NotAvailable::BadFormula(m)),
    };
    let expr: Expr<usize> = match expr.resolve(&mut |name: String| ds.index_of(&name).ok_or(name)) {
        Ok(e) => e,
        Err(name) => return na(NotAvailable::MissingInput(name)),
    };
    let mut inputs: Vec<usize> = Vec::new();
    for &i in expr.facts() {
        if !inputs.contains(&i) {
            inputs.push(i);
        }
    }
    // Every input enters at its exact printed value.
    let value = ds.point_value(&expr).map_err(|e| match e {
        IntervalError::DivisionByZero => NotAvailable::DivisionByZero,
        IntervalError::NotPositive => NotAvailable::NotPositive,
        IntervalError::Overflow => NotAvailable::Overflow,
    });
    RatioValue { period, formula: text, inputs, value }
}

/// The ratios, and the periods of each, whose formula uses fact `fact` (a `Dataset::facts`
/// index), in the catalogue's order.
pub fn using(ds: &Dataset, fact: usize) -> Vec<(&'static RatioSpec, &'static str)> {
    CATALOGUE.iter().flat_map(|spec| compute(ds, spec).into_iter().filter(|v| v.inputs.contains(&fact)).map(move |v| (spec, v.period))).collect()
}

/// The ratio with id `id`.
pub fn ratio(id: &str) -> Option<&'static RatioSpec> {
    CATALOGUE.iter().find(|r| r.id == id)
}

/// Every period any ratio of `group` defines, in order of first appearance.
pub fn periods_of(group: Group) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for r in CATALOGUE.iter().filter(|r| r.group == group) {
        for (p, _) in r.periods {
            if !out.contains(p) {
                out.push(p);
            }
        }
    }
    const ORDER: [&str; 7] = ["FY2004", "FY2005", "FY2006", "FY2007", "FY2008F", "FY2007→FY2010", "FY2008F→FY2010"];
    out.sort_by_key(|p| ORDER.iter().position(|o| o == p).unwrap_or(ORDER.len()));
    out
}

use Group::*;
use RatioUnit::{Days, Percent as Pc, Times as X, Yen, YenPerShare as Ps};

const fn r(
    id: &'static str,
    group: Group,
    name: &'static str,
    definition: &'static str,
    unit: RatioUnit,
    decimals: u32,
    periods: &'static [(&'static str, &'static str)],
) -> RatioSpec {
    RatioSpec { id, group, name, definition, unit, decimals, periods }
}

/// The catalogue.
pub static CATALOGUE: &[RatioSpec] = &[
    // ----- profitability -----
    r("gross_margin", Profitability, "Gross margin ratio", "Revenues less cost of revenues, as a share of revenues.", Pc, 1, &[
        ("FY2006", "pct(results.gross_margin_fy2006, trend.revenue.fy2006)"),
        ("FY2007", "pct(cis.revenue - cis.cost_of_revenues, cis.revenue)"),
    ]),
    r("operating_margin", Profitability, "Operating margin", "Operating income as a share of revenues.", Pc, 1, &[
        ("FY2004", "pct(trend.operating_income.fy2004, trend.revenue.fy2004)"),
        ("FY2005", "pct(trend.operating_income.fy2005, trend.revenue.fy2005)"),
        ("FY2006", "pct(trend.operating_income.fy2006, trend.revenue.fy2006)"),
        ("FY2007", "pct(cis.operating_income, cis.revenue)"),
        ("FY2008F", "pct(forecast.operating_income, forecast.revenue)"),
    ]),
    r("pretax_margin", Profitability, "Pre-tax margin", "Income before income tax, minority interests and equity-method result, as a share of revenues.", Pc, 1, &[
        ("FY2006", "pct(results.pretax_income_fy2006, trend.revenue.fy2006)"),
        ("FY2007", "pct(cis.pretax_income, cis.revenue)"),
        ("FY2008F", "pct(forecast.pretax_income, forecast.revenue)"),
    ]),
    r("net_margin", Profitability, "Net margin", "Net income as a share of revenues.", Pc, 1, &[
        ("FY2004", "pct(trend.net_income.fy2004, trend.revenue.fy2004)"),
        ("FY2005", "pct(trend.net_income.fy2005, trend.revenue.fy2005)"),
        ("FY2006", "pct(trend.net_income.fy2006, trend.revenue.fy2006)"),
        ("FY2007", "pct(cis.net_income, cis.revenue)"),
        ("FY2008F", "pct(forecast.net_income, forecast.revenue)"),
    ]),
    r("cvas_gross_margin", Profitability, "Connectivity and VAS gross margin", "Segment revenues less segment cost, as a share of segment revenues.", Pc, 1, &[
        ("FY2006", "fr.cvas_gross_margin_ratio_fy2006"),
        ("FY2007", "pct(cis.revenue_cvas - cis.cost_cvas, cis.revenue_cvas)"),
    ]),
    r("si_gross_margin", Profitability, "Systems integration gross margin", "Segment revenues less segment cost, as a share of segment revenues.", Pc, 1, &[
        ("FY2006", "fr.si_gross_margin_ratio_fy2006"),
        ("FY2007", "pct(cis.revenue_si - cis.cost_si, cis.revenue_si)"),
    ]),
    r("equipment_gross_margin", Profitability, "Equipment sales gross margin", "Segment revenues less segment cost, as a share of segment revenues.", Pc, 1, &[
        ("FY2007", "pct(cis.revenue_equipment - cis.cost_equipment, cis.revenue_equipment)"),
    ]),
    r("sga_to_revenue", Profitability, "SG&A to revenues", "Sales and marketing plus general and administrative expenses, as a share of revenues.", Pc, 1, &[
        ("FY2007", "pct(cis.sales_marketing + cis.general_administrative, cis.revenue)"),
    ]),
    r("rd_to_revenue", Profitability, "R&D to revenues", "Research and development expenses as a share of revenues.", Pc, 2, &[
        ("FY2007", "pct(cis.research_development, cis.revenue)"),
    ]),
    r("opex_to_revenue", Profitability, "Operating expenses to revenues", "SG&A plus R&D as a share of revenues.", Pc, 1, &[
        ("FY2006", "pct(results.sga_rd_fy2006, trend.revenue.fy2006)"),
        ("FY2007", "pct(cis.sales_marketing + cis.general_administrative + cis.research_development, cis.revenue)"),
    ]),
    r("effective_tax_rate", Profitability, "Effective tax rate", "Income tax expense (negative: a benefit) as a share of income before tax.", Pc, 1, &[
        ("FY2007", "pct(cis.income_tax, cis.pretax_income)"),
    ]),
    // ----- returns -----
    r("roe_average", Returns, "Return on equity (average equity)", "Net income divided by the average of opening and closing shareholders' equity.", Pc, 1, &[
        ("FY2005", "pct(trend.net_income.fy2005, (trend.equity.fy2004 + trend.equity.fy2005) / 2)"),
        ("FY2006", "pct(trend.net_income.fy2006, (trend.equity.fy2005 + trend.equity.fy2006) / 2)"),
        ("FY2007", "pct(cis.net_income, (ceq.total_opening + cbs.total_equity) / 2)"),
    ]),
    r("roe_ending", Returns, "Return on equity (ending equity)", "Net income divided by shareholders' equity at the year end.", Pc, 1, &[
        ("FY2004", "pct(trend.net_income.fy2004, trend.equity.fy2004)"),
        ("FY2005", "pct(trend.net_income.fy2005, trend.equity.fy2005)"),
        ("FY2006", "pct(trend.net_income.fy2006, trend.equity.fy2006)"),
        ("FY2007", "pct(cis.net_income, cbs.total_equity)"),
    ]),
    r("roa_average", Returns, "Return on assets (average assets)", "Net income divided by the average of opening and closing total assets.", Pc, 1, &[
        ("FY2005", "pct(trend.net_income.fy2005, (trend.total_assets.fy2004 + trend.total_assets.fy2005) / 2)"),
        ("FY2006", "pct(trend.net_income.fy2006, (trend.total_assets.fy2005 + trend.total_assets.fy2006) / 2)"),
        ("FY2007", "pct(cis.net_income, (trend.total_assets.fy2006 + cbs.total_assets) / 2)"),
    ]),
    r("roa_ending", Returns, "Return on assets (ending assets)", "Net income divided by total assets at the year end.", Pc, 1, &[
        ("FY2004", "pct(trend.net_income.fy2004, trend.total_assets.fy2004)"),
        ("FY2005", "pct(trend.net_income.fy2005, trend.total_assets.fy2005)"),
        ("FY2006", "pct(trend.net_income.fy2006, trend.total_assets.fy2006)"),
        ("FY2007", "pct(cis.net_income, cbs.total_assets)"),
    ]),
    r("operating_roa", Returns, "Operating return on assets (average assets)", "Operating income divided by average total assets.", Pc, 1, &[
        ("FY2006", "pct(trend.operating_income.fy2006, (trend.total_assets.fy2005 + trend.total_assets.fy2006) / 2)"),
        ("FY2007", "pct(cis.operating_income, (trend.total_assets.fy2006 + cbs.total_assets) / 2)"),
    ]),
    // ----- liquidity (at the year end) -----
    r("current_ratio", Liquidity, "Current ratio", "Current assets divided by current liabilities, at the year end.", X, 2, &[
        ("FY2007", "cbs.total_current_assets / cbs.total_current_liabilities"),
    ]),
    r("quick_ratio", Liquidity, "Quick ratio", "Cash, short-term investments and receivables divided by current liabilities.", X, 2, &[
        ("FY2007", "(cbs.cash + cbs.short_term_investments + cbs.accounts_receivable) / cbs.total_current_liabilities"),
    ]),
    r("cash_ratio", Liquidity, "Cash ratio", "Cash and short-term investments divided by current liabilities.", X, 2, &[
        ("FY2007", "(cbs.cash + cbs.short_term_investments) / cbs.total_current_liabilities"),
    ]),
    r("working_capital", Liquidity, "Working capital", "Current assets less current liabilities.", Yen, 0, &[
        ("FY2007", "cbs.total_current_assets - cbs.total_current_liabilities"),
    ]),
    // ----- solvency -----
    r("equity_ratio", Solvency, "Equity ratio", "Shareholders' equity as a share of total assets, at the year end.", Pc, 1, &[
        ("FY2004", "pct(trend.equity.fy2004, trend.total_assets.fy2004)"),
        ("FY2005", "pct(trend.equity.fy2005, trend.total_assets.fy2005)"),
        ("FY2006", "pct(trend.equity.fy2006, trend.total_assets.fy2006)"),
        ("FY2007", "pct(cbs.total_equity, cbs.total_assets)"),
    ]),
    r("debt_to_equity", Solvency, "Debt to equity", "Short-term borrowings plus capital-lease obligations (current and noncurrent), divided by shareholders' equity.", X, 2, &[
        ("FY2007", "(cbs.short_term_borrowings + cbs.capital_lease_current + cbs.capital_lease_noncurrent) / cbs.total_equity"),
    ]),
    r("net_debt", Solvency, "Net debt", "Short-term borrowings plus capital-lease obligations, less cash and short-term investments.", Yen, 0, &[
        ("FY2007", "cbs.short_term_borrowings + cbs.capital_lease_current + cbs.capital_lease_noncurrent - cbs.cash - cbs.short_term_investments"),
    ]),
    r("liabilities_to_equity", Solvency, "Liabilities to equity", "Total liabilities divided by shareholders' equity.", X, 2, &[
        ("FY2007", "cbs.total_liabilities / cbs.total_equity"),
    ]),
    r("interest_coverage", Solvency, "Interest coverage", "Operating income divided by interest expense.", X, 1, &[
        ("FY2007", "cis.operating_income / -cis.interest_expense"),
    ]),
    // ----- efficiency -----
    r("asset_turnover", Efficiency, "Asset turnover (average assets)", "Revenues divided by average total assets.", X, 2, &[
        ("FY2005", "trend.revenue.fy2005 / ((trend.total_assets.fy2004 + trend.total_assets.fy2005) / 2)"),
        ("FY2006", "trend.revenue.fy2006 / ((trend.total_assets.fy2005 + trend.total_assets.fy2006) / 2)"),
        ("FY2007", "cis.revenue / ((trend.total_assets.fy2006 + cbs.total_assets) / 2)"),
    ]),
    r("receivable_days", Efficiency, "Receivable days (ending receivables)", "Accounts receivable at the year end divided by revenues, times 365.", Days, 1, &[
        ("FY2006", "fbs.accounts_receivable_2007 / trend.revenue.fy2006 * 365"),
        ("FY2007", "cbs.accounts_receivable / cis.revenue * 365"),
    ]),
    r("inventory_days", Efficiency, "Inventory days (ending inventories)", "Inventories at the year end divided by cost of revenues, times 365.", Days, 1, &[
        ("FY2006", "fbs.inventories_2007 / results.cost_of_revenues_fy2006 * 365"),
        ("FY2007", "cbs.inventories / cis.cost_of_revenues * 365"),
    ]),
    r("payable_days", Efficiency, "Payable days (ending payables)", "Accounts payable at the year end divided by cost of revenues, times 365.", Days, 1, &[
        ("FY2007", "cbs.accounts_payable / cis.cost_of_revenues * 365"),
    ]),
    // ----- per share -----
    r("eps", PerShare, "Earnings per share (basic)", "Net income divided by the weighted-average number of shares, as printed; FY2004 split-adjusted.", Ps, 0, &[
        ("FY2004", "trend.eps_split_adjusted.fy2004"),
        ("FY2005", "trend.eps.fy2005"),
        ("FY2006", "trend.eps.fy2006"),
        ("FY2007", "cnotes.eps"),
        ("FY2008F", "forecast.eps"),
    ]),
    r("bvps", PerShare, "Book value per share", "Shareholders' equity divided by shares outstanding at the year end, as printed; FY2004 split-adjusted.", Ps, 0, &[
        ("FY2004", "trend.bvps_split_adjusted.fy2004"),
        ("FY2005", "trend.bvps.fy2005"),
        ("FY2006", "trend.bvps_on_outstanding.fy2006"),
        ("FY2007", "cbs.total_equity / shares.issued"),
    ]),
    r("dps", PerShare, "Dividend per share (annual)", "Interim plus year-end dividend per share for the fiscal year.", Ps, 0, &[
        ("FY2006", "div.fy2006_yearend.per_share"),
        ("FY2007", "div.fy2007_interim.per_share + div.fy2007_yearend.per_share"),
        ("FY2008F", "forecast.dps"),
    ]),
    r("payout_ratio", PerShare, "Payout ratio", "Dividend per share divided by earnings per share.", Pc, 1, &[
        ("FY2006", "pct(div.fy2006_yearend.per_share, trend.eps.fy2006)"),
        ("FY2007", "pct(div.fy2007_interim.per_share + div.fy2007_yearend.per_share, cnotes.eps)"),
        ("FY2008F", "pct(forecast.dps, forecast.eps)"),
    ]),
    r("dividend_growth", PerShare, "Dividend growth", "Growth of the annual dividend per share on the year before.", Pc, 1, &[
        ("FY2007", "growth(div.fy2007_interim.per_share + div.fy2007_yearend.per_share, div.fy2006_yearend.per_share)"),
        ("FY2008F", "growth(forecast.dps, div.fy2007_interim.per_share + div.fy2007_yearend.per_share)"),
    ]),
    r("dividends_paid_to_net_income", PerShare, "Dividends paid to net income", "Cash dividends paid during the year (FY2006 year-end and FY2007 interim) divided by net income.", Pc, 1, &[
        ("FY2007", "pct(div.fy2006_yearend.total + div.fy2007_interim.total, cis.net_income)"),
    ]),
    // ----- growth -----
    r("revenue_growth", Growth, "Revenue growth", "Revenues on the year before.", Pc, 1, &[
        ("FY2005", "growth(trend.revenue.fy2005, trend.revenue.fy2004)"),
        ("FY2006", "growth(trend.revenue.fy2006, trend.revenue.fy2005)"),
        ("FY2007", "growth(cis.revenue, trend.revenue.fy2006)"),
        ("FY2008F", "growth(forecast.revenue, cis.revenue)"),
    ]),
    r("cost_growth", Growth, "Cost of revenues growth", "Cost of revenues on the year before.", Pc, 1, &[("FY2007", "growth(cis.cost_of_revenues, results.cost_of_revenues_fy2006)")]),
    r("gross_margin_growth", Growth, "Gross margin growth", "Gross margin on the year before.", Pc, 1, &[("FY2007", "growth(cis.revenue - cis.cost_of_revenues, results.gross_margin_fy2006)")]),
    r("opex_growth", Growth, "Operating expenses growth", "SG&A plus R&D on the year before.", Pc, 1, &[("FY2007", "growth(cis.sales_marketing + cis.general_administrative + cis.research_development, results.sga_rd_fy2006)")]),
    r("operating_income_growth", Growth, "Operating income growth", "Operating income on the year before.", Pc, 1, &[
        ("FY2005", "growth(trend.operating_income.fy2005, trend.operating_income.fy2004)"),
        ("FY2006", "growth(trend.operating_income.fy2006, trend.operating_income.fy2005)"),
        ("FY2007", "growth(cis.operating_income, trend.operating_income.fy2006)"),
        ("FY2008F", "growth(forecast.operating_income, cis.operating_income)"),
    ]),
    r("pretax_growth", Growth, "Pre-tax income growth", "Income before income tax on the year before.", Pc, 1, &[
        ("FY2007", "growth(cis.pretax_income, results.pretax_income_fy2006)"),
        ("FY2008F", "growth(forecast.pretax_income, cis.pretax_income)"),
    ]),
    r("net_income_growth", Growth, "Net income growth", "Net income on the year before.", Pc, 1, &[
        ("FY2005", "growth(trend.net_income.fy2005, trend.net_income.fy2004)"),
        ("FY2006", "growth(trend.net_income.fy2006, trend.net_income.fy2005)"),
        ("FY2007", "growth(cis.net_income, trend.net_income.fy2006)"),
        ("FY2008F", "growth(forecast.net_income, cis.net_income)"),
    ]),
    r("eps_growth", Growth, "EPS growth", "Earnings per share on the year before (FY2004 split-adjusted).", Pc, 1, &[
        ("FY2005", "growth(trend.eps.fy2005, trend.eps_split_adjusted.fy2004)"),
        ("FY2006", "growth(trend.eps.fy2006, trend.eps.fy2005)"),
        ("FY2007", "growth(cnotes.eps, trend.eps.fy2006)"),
        ("FY2008F", "growth(forecast.eps, cnotes.eps)"),
    ]),
    r("total_assets_growth", Growth, "Total assets growth", "Total assets at the year end on a year earlier.", Pc, 1, &[
        ("FY2005", "growth(trend.total_assets.fy2005, trend.total_assets.fy2004)"),
        ("FY2006", "growth(trend.total_assets.fy2006, trend.total_assets.fy2005)"),
        ("FY2007", "growth(cbs.total_assets, trend.total_assets.fy2006)"),
    ]),
    r("equity_growth", Growth, "Shareholders' equity growth", "Shareholders' equity at the year end on a year earlier.", Pc, 1, &[
        ("FY2005", "growth(trend.equity.fy2005, trend.equity.fy2004)"),
        ("FY2006", "growth(trend.equity.fy2006, trend.equity.fy2005)"),
        ("FY2007", "growth(cbs.total_equity, ceq.total_opening)"),
    ]),
    r("cash_growth", Growth, "Cash growth", "Cash and cash equivalents at the year end on a year earlier.", Pc, 1, &[("FY2007", "growth(cbs.cash, fbs.cash_2007)")]),
    r("receivables_growth", Growth, "Accounts receivable growth", "Receivables at the year end on a year earlier.", Pc, 1, &[("FY2007", "growth(cbs.accounts_receivable, fbs.accounts_receivable_2007)")]),
    r("inventories_growth", Growth, "Inventories growth", "Inventories at the year end on a year earlier.", Pc, 1, &[("FY2007", "growth(cbs.inventories, fbs.inventories_2007)")]),
    r("prepaid_growth", Growth, "Prepaid expenses growth", "Prepaid expenses at the year end on a year earlier.", Pc, 1, &[("FY2007", "growth(cbs.prepaid_expenses, fbs.prepaid_expenses_2007)")]),
    r("afs_growth", Growth, "Available-for-sale securities growth", "Available-for-sale securities at the year end on a year earlier (presentation).", Pc, 1, &[("FY2007", "growth(fbs.afs_securities, fbs.afs_securities_2007)")]),
    r("ppe_growth", Growth, "Property and equipment growth", "Property and equipment at the year end on a year earlier.", Pc, 1, &[("FY2007", "growth(cbs.property_equipment, fbs.property_equipment_2007)")]),
    r("intangibles_growth", Growth, "Intangible assets growth", "Intangible assets at the year end on a year earlier.", Pc, 1, &[("FY2007", "growth(cbs.intangible_assets, fbs.intangible_assets_2007)")]),
    r("borrowings_growth", Growth, "Short-term borrowings growth", "Short-term borrowings at the year end on a year earlier.", Pc, 1, &[("FY2007", "growth(cbs.short_term_borrowings, fbs.short_term_borrowings_2007)")]),
    r("cvas_gm_growth", Growth, "Connectivity and VAS gross margin growth", "Segment gross margin on the year before.", Pc, 1, &[("FY2007", "growth(cis.revenue_cvas - cis.cost_cvas, fr.cvas_gross_margin_fy2006)")]),
    r("si_gm_growth", Growth, "Systems integration gross margin growth", "Segment gross margin on the year before.", Pc, 1, &[("FY2007", "growth(cis.revenue_si - cis.cost_si, fr.si_gross_margin_fy2006)")]),
    r("employees_growth", Growth, "Employees growth", "Employees at the year end on a year earlier.", Pc, 1, &[("FY2007", "growth(emp.total, emp.total - emp.change)")]),
    r("revenue_cagr", Growth, "Revenue CAGR, FY2004–FY2007", "Compound annual growth of revenues over three years, by Newton's method in exact decimals.", Pc, 2, &[("FY2007", "cagr(trend.revenue.fy2007, trend.revenue.fy2004, 3)")]),
    r("operating_income_cagr", Growth, "Operating income CAGR, FY2004–FY2007", "Compound annual growth of operating income over three years.", Pc, 2, &[("FY2007", "cagr(trend.operating_income.fy2007, trend.operating_income.fy2004, 3)")]),
    r("net_income_cagr", Growth, "Net income CAGR, FY2004–FY2007", "Compound annual growth of net income over three years.", Pc, 2, &[("FY2007", "cagr(trend.net_income.fy2007, trend.net_income.fy2004, 3)")]),
    r("total_assets_cagr", Growth, "Total assets CAGR, FY2004–FY2007", "Compound annual growth of total assets over three years.", Pc, 2, &[("FY2007", "cagr(trend.total_assets.fy2007, trend.total_assets.fy2004, 3)")]),
    r("equity_cagr", Growth, "Shareholders' equity CAGR, FY2004–FY2007", "Compound annual growth of shareholders' equity over three years.", Pc, 2, &[("FY2007", "cagr(trend.equity.fy2007, trend.equity.fy2004, 3)")]),
    // ----- cash flow -----
    r("ocf_to_net_income", CashFlow, "Operating cash flow to net income", "Net cash from operating activities divided by net income.", X, 2, &[("FY2007", "cf.operating / cis.net_income")]),
    r("capex_to_revenue", CashFlow, "Capital expenditures to revenues", "Capital expenditures including capital leases as a share of revenues.", Pc, 1, &[("FY2007", "pct(br.capex, cis.revenue)")]),
    r("capex_to_ocf", CashFlow, "Capital expenditures to operating cash flow", "Capital expenditures including capital leases divided by operating cash flow.", X, 2, &[("FY2007", "br.capex / cf.operating")]),
    r("operating_plus_investing", CashFlow, "Operating plus investing cash flow", "Net cash from operating activities plus net cash used in investing activities.", Yen, 0, &[("FY2007", "cf.operating + cf.investing")]),
    // ----- plan -----
    r("plan_revenue_growth", Plan, "Revenue growth the FY2008 forecast implies", "FY2008 forecast revenues on FY2007 actual (exact).", Pc, 1, &[("FY2008F", "growth(forecast.revenue, cis.revenue)")]),
    r("plan_operating_income_growth", Plan, "Operating income growth the FY2008 forecast implies", "FY2008 forecast operating income on FY2007 actual.", Pc, 1, &[("FY2008F", "growth(forecast.operating_income, cis.operating_income)")]),
    r("plan_operating_margin", Plan, "Operating margin of the FY2008 forecast", "Forecast operating income as a share of forecast revenues.", Pc, 1, &[("FY2008F", "pct(forecast.operating_income, forecast.revenue)")]),
    r("plan_net_margin", Plan, "Net margin of the FY2008 forecast", "Forecast net income as a share of forecast revenues.", Pc, 1, &[("FY2008F", "pct(forecast.net_income, forecast.revenue)")]),
    r("target_revenue_cagr", Plan, "Revenue growth a year the target needs", "Compound annual growth from a starting year to JPY 100 billion in FY2010.", Pc, 2, &[
        ("FY2007→FY2010", "cagr(target.revenue, cis.revenue, 3)"),
        ("FY2008F→FY2010", "cagr(target.revenue, forecast.revenue, 2)"),
    ]),
    r("target_operating_income_cagr", Plan, "Operating income growth a year the target needs", "Compound annual growth from a starting year to JPY 10 billion in FY2010.", Pc, 2, &[
        ("FY2007→FY2010", "cagr(target.operating_income, cis.operating_income, 3)"),
        ("FY2008F→FY2010", "cagr(target.operating_income, forecast.operating_income, 2)"),
    ]),
    r("target_operating_margin", Plan, "Operating margin the target implies", "JPY 10 billion operating income on JPY 100 billion revenues (at exactly 100; more revenue means a lower margin).", Pc, 1, &[
        ("FY2007→FY2010", "pct(target.operating_income, target.revenue)"),
    ]),
    // ----- parent versus group -----
    r("parent_revenue_share", ParentVsGroup, "Parent's share of consolidated revenues", "The parent's non-consolidated revenues (Japanese GAAP) as a share of consolidated revenues (US GAAP).", Pc, 1, &[("FY2007", "pct(nis.revenue, cis.revenue)")]),
    r("parent_operating_income_share", ParentVsGroup, "Parent's share of consolidated operating income", "Non-consolidated over consolidated operating income.", Pc, 1, &[("FY2007", "pct(nis.operating_income, cis.operating_income)")]),
    r("parent_net_income_share", ParentVsGroup, "Parent's share of consolidated net income", "Non-consolidated over consolidated net income.", Pc, 1, &[("FY2007", "pct(nis.net_income, cis.net_income)")]),
    r("parent_assets_share", ParentVsGroup, "Parent's share of consolidated total assets", "Non-consolidated over consolidated total assets, March 31, 2008.", Pc, 1, &[("FY2007", "pct(nbs.total_assets, cbs.total_assets)")]),
];
