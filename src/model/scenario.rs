//! The scenario engine: a driver-based projection of the income statement from FY2007
//! actuals over FY2008–FY2012, presets, the targets panel's arithmetic, goal seek and the
//! sensitivity grid. Money is `Decimal` with checked operations; every driver has documented
//! bounds and a value outside them is a typed error, never a panic. Plain Rust; tested on the
//! host. (The Monte Carlo run lives in `monte_carlo`, which samples with floats.)

use std::fmt;

use rust_decimal::Decimal;

use super::dataset::Dataset;
use crate::i18n::{fiscal_year, tr, trf, Lang};

/// The projected fiscal years.
pub const YEARS: [u16; 5] = [2008, 2009, 2010, 2011, 2012];

/// The segments, in the order of the income statement.
pub const SEGMENTS: [&str; 3] = ["Connectivity and VAS", "Systems integration", "Equipment sales"];

/// One year's drivers. Percentages are in percent (17.5 means 17.5%); amounts are in yen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearDrivers {
    /// Revenue growth on the year before, per segment.
    pub growth: [Decimal; 3],
    /// Gross margin ratio, per segment.
    pub gross_margin: [Decimal; 3],
    /// Sales and marketing, general and administrative, research and development, each as
    /// a percentage of revenues.
    pub opex: [Decimal; 3],
    /// Other income (expense), net, in yen.
    pub other_income: Decimal,
    /// Income tax expense as a percentage of income before tax (negative: a benefit).
    pub tax_rate: Decimal,
    /// Minority interests plus equity-method result, in yen, added to net income.
    pub minority_and_equity: Decimal,
    /// Shares outstanding, for earnings per share.
    pub shares: Decimal,
    /// Dividend per share, in yen.
    pub dps: Decimal,
}

/// A scenario: drivers for each projected year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scenario {
    pub years: [YearDrivers; 5],
}

/// Which driver a value belongs to, for bounds, messages, goal seek and the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Driver {
    Growth(usize),
    GrossMargin(usize),
    Opex(usize),
    OtherIncome,
    TaxRate,
    MinorityAndEquity,
    Shares,
    Dps,
}

impl Driver {
    /// Every driver, in the order the planner lists them.
    pub const ALL: [Driver; 14] = [
        Driver::Growth(0),
        Driver::Growth(1),
        Driver::Growth(2),
        Driver::GrossMargin(0),
        Driver::GrossMargin(1),
        Driver::GrossMargin(2),
        Driver::Opex(0),
        Driver::Opex(1),
        Driver::Opex(2),
        Driver::OtherIncome,
        Driver::TaxRate,
        Driver::MinorityAndEquity,
        Driver::Shares,
        Driver::Dps,
    ];

    /// The key in the URL.
    pub fn key(self) -> &'static str {
        match self {
            Driver::Growth(0) => "g_cvas",
            Driver::Growth(1) => "g_si",
            Driver::Growth(_) => "g_eq",
            Driver::GrossMargin(0) => "gm_cvas",
            Driver::GrossMargin(1) => "gm_si",
            Driver::GrossMargin(_) => "gm_eq",
            Driver::Opex(0) => "sm",
            Driver::Opex(1) => "ga",
            Driver::Opex(_) => "rd",
            Driver::OtherIncome => "other",
            Driver::TaxRate => "tax",
            Driver::MinorityAndEquity => "mi",
            Driver::Shares => "shares",
            Driver::Dps => "dps",
        }
    }

    pub fn name(self) -> String {
        match self {
            Driver::Growth(s) => format!("Revenue growth, {}", SEGMENTS.get(s).copied().unwrap_or("?")),
            Driver::GrossMargin(s) => format!("Gross margin, {}", SEGMENTS.get(s).copied().unwrap_or("?")),
            Driver::Opex(0) => "Sales and marketing, % of revenues".to_owned(),
            Driver::Opex(1) => "General and administrative, % of revenues".to_owned(),
            Driver::Opex(_) => "Research and development, % of revenues".to_owned(),
            Driver::OtherIncome => "Other income (expense), net (JPY million)".to_owned(),
            Driver::TaxRate => "Effective tax rate".to_owned(),
            Driver::MinorityAndEquity => "Minority interests and equity-method result (JPY million)".to_owned(),
            Driver::Shares => "Shares outstanding".to_owned(),
            Driver::Dps => "Dividend per share (JPY)".to_owned(),
        }
    }

    /// The documented bounds, in the driver's display unit (percent, JPY million, shares,
    /// JPY per share). Wide enough for any plausible plan, narrow enough that the
    /// arithmetic cannot overflow over five years.
    pub fn bounds(self) -> (Decimal, Decimal) {
        let d = |a: i64, b: i64| (Decimal::from(a), Decimal::from(b));
        match self {
            Driver::Growth(_) => d(-50, 100),
            Driver::GrossMargin(_) => d(-20, 80),
            Driver::Opex(_) => d(0, 50),
            Driver::OtherIncome | Driver::MinorityAndEquity => d(-20_000, 20_000),
            Driver::TaxRate => d(-100, 100),
            Driver::Shares => d(1, 10_000_000),
            Driver::Dps => d(0, 100_000),
        }
    }

    /// Yen per display unit: amounts are shown and typed in JPY million.
    fn scale(self) -> Decimal {
        match self {
            Driver::OtherIncome | Driver::MinorityAndEquity => Decimal::from(1_000_000),
            _ => Decimal::ONE,
        }
    }

    /// The driver's value in year `y`, in its display unit.
    pub fn get(self, y: &YearDrivers) -> Decimal {
        let raw = match self {
            Driver::Growth(s) => y.growth.get(s).copied().unwrap_or_default(),
            Driver::GrossMargin(s) => y.gross_margin.get(s).copied().unwrap_or_default(),
            Driver::Opex(s) => y.opex.get(s).copied().unwrap_or_default(),
            Driver::OtherIncome => y.other_income,
            Driver::TaxRate => y.tax_rate,
            Driver::MinorityAndEquity => y.minority_and_equity,
            Driver::Shares => y.shares,
            Driver::Dps => y.dps,
        };
        raw.checked_div(self.scale()).unwrap_or(raw)
    }

    /// Sets the driver in year `y` from a value in its display unit, if within bounds.
    pub fn set(self, y: &mut YearDrivers, value: Decimal, year: u16) -> Result<(), ScenarioError> {
        let (lo, hi) = self.bounds();
        if value < lo || value > hi {
            return Err(ScenarioError::OutOfBounds { driver: self, year, value, min: lo, max: hi });
        }
        let raw = value.checked_mul(self.scale()).ok_or(ScenarioError::Overflow)?;
        match self {
            Driver::Growth(s) => *y.growth.get_mut(s).ok_or(ScenarioError::Overflow)? = raw,
            Driver::GrossMargin(s) => *y.gross_margin.get_mut(s).ok_or(ScenarioError::Overflow)? = raw,
            Driver::Opex(s) => *y.opex.get_mut(s).ok_or(ScenarioError::Overflow)? = raw,
            Driver::OtherIncome => y.other_income = raw,
            Driver::TaxRate => y.tax_rate = raw,
            Driver::MinorityAndEquity => y.minority_and_equity = raw,
            Driver::Shares => y.shares = raw,
            Driver::Dps => y.dps = raw,
        }
        Ok(())
    }
}

/// What can go wrong building or running a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioError {
    /// A driver value outside its documented bounds.
    OutOfBounds { driver: Driver, year: u16, value: Decimal, min: Decimal, max: Decimal },
    /// An FY2007 figure the projection starts from is missing from the dataset.
    MissingBase(&'static str),
    /// The arithmetic left the range of `Decimal`.
    Overflow,
}

impl ScenarioError {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            ScenarioError::OutOfBounds { driver, year, value, min, max } => trf(
                lang,
                "{0} for {1} is {2}; it must be between {3} and {4}",
                &[tr(lang, &driver.name()), &fiscal_year(lang, *year), &value.to_string(), &min.to_string(), &max.to_string()],
            ),
            ScenarioError::MissingBase(id) => trf(lang, "the FY2007 figure “{0}” is missing", &[id]),
            ScenarioError::Overflow => tr(lang, "the projection overflowed").to_owned(),
        }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// The FY2007 actuals the projection starts from, in yen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Base {
    pub revenue: [Decimal; 3],
    pub cost: [Decimal; 3],
    pub opex: [Decimal; 3],
    pub other_income: Decimal,
    pub pretax: Decimal,
    pub tax: Decimal,
    pub minority_and_equity: Decimal,
    pub net_income: Decimal,
    pub shares: Decimal,
    pub dps: Decimal,
}

/// The facts the planner starts from (`Base::from_dataset`): FY2007's income statement lines,
/// the shares issued and the year's dividend per share.
pub const BASE_INPUTS: [&str; 17] = [
    "cis.revenue_cvas",
    "cis.revenue_si",
    "cis.revenue_equipment",
    "cis.cost_cvas",
    "cis.cost_si",
    "cis.cost_equipment",
    "cis.sales_marketing",
    "cis.general_administrative",
    "cis.research_development",
    "cis.other_income_net",
    "cis.pretax_income",
    "cis.income_tax",
    "cis.minority_interests",
    "cis.equity_method_result",
    "cis.net_income",
    "shares.issued",
    "div.fy2007_annual_per_share",
];
/// The facts of the plan the planner compares with (`Plan::from_dataset`).
pub const PLAN_INPUTS: [&str; 7] = ["forecast.revenue", "forecast.operating_income", "forecast.pretax_income", "forecast.net_income", "forecast.dps", "target.revenue", "target.operating_income"];

/// Whether the scenario planner reads fact `id`.
pub fn reads_fact(id: &str) -> bool {
    BASE_INPUTS.contains(&id) || PLAN_INPUTS.contains(&id)
}

/// A fact's value in base units, or which fact the projection is missing.
fn fact_value(ds: &Dataset, id: &'static str) -> Result<Decimal, ScenarioError> {
    ds.fact(id).ok_or(ScenarioError::MissingBase(id))?.base_value().map_err(|_| ScenarioError::Overflow)
}

impl Base {
    /// Reads FY2007 from the dataset (the notice's income statement, shares and dividends).
    pub fn from_dataset(ds: &Dataset) -> Result<Base, ScenarioError> {
        let v = |id: &'static str| fact_value(ds, id);
        let add = |a: Decimal, b: Decimal| a.checked_add(b).ok_or(ScenarioError::Overflow);
        Ok(Base {
            revenue: [v("cis.revenue_cvas")?, v("cis.revenue_si")?, v("cis.revenue_equipment")?],
            cost: [v("cis.cost_cvas")?, v("cis.cost_si")?, v("cis.cost_equipment")?],
            opex: [v("cis.sales_marketing")?, v("cis.general_administrative")?, v("cis.research_development")?],
            other_income: v("cis.other_income_net")?,
            pretax: v("cis.pretax_income")?,
            tax: v("cis.income_tax")?,
            minority_and_equity: add(v("cis.minority_interests")?, v("cis.equity_method_result")?)?,
            net_income: v("cis.net_income")?,
            shares: v("shares.issued")?,
            dps: v("div.fy2007_annual_per_share")?,
        })
    }

    pub fn total_revenue(&self) -> Decimal {
        self.revenue.iter().fold(Decimal::ZERO, |a, b| a.saturating_add(*b))
    }

    /// FY2007 gross margin ratio of a segment, in percent.
    pub fn gross_margin(&self, s: usize) -> Result<Decimal, ScenarioError> {
        let r = self.revenue.get(s).copied().ok_or(ScenarioError::Overflow)?;
        let c = self.cost.get(s).copied().ok_or(ScenarioError::Overflow)?;
        pct(r.checked_sub(c).ok_or(ScenarioError::Overflow)?, r)
    }

    /// FY2007 operating expense line as a percentage of revenues.
    pub fn opex_pct(&self, i: usize) -> Result<Decimal, ScenarioError> {
        pct(self.opex.get(i).copied().ok_or(ScenarioError::Overflow)?, self.total_revenue())
    }
}

#[inline(never)] // one copy of the Decimal arithmetic, not one per call site (wasm size)
fn pct(a: Decimal, b: Decimal) -> Result<Decimal, ScenarioError> {
    a.checked_div(b).and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED)).ok_or(ScenarioError::Overflow)
}

#[inline(never)] // one copy of the Decimal arithmetic, not one per call site (wasm size)
fn of(pct: Decimal, amount: Decimal) -> Result<Decimal, ScenarioError> {
    amount.checked_mul(pct).and_then(|x| x.checked_div(Decimal::ONE_HUNDRED)).ok_or(ScenarioError::Overflow)
}

/// One projected year, in yen (per-share in yen, ratios in percent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearResult {
    pub year: u16,
    pub revenue: [Decimal; 3],
    pub total_revenue: Decimal,
    pub gross_margin: Decimal,
    pub opex: [Decimal; 3],
    pub operating_income: Decimal,
    pub pretax: Decimal,
    pub tax: Decimal,
    pub net_income: Decimal,
    pub operating_margin: Decimal,
    pub net_margin: Decimal,
    pub eps: Decimal,
    pub dps: Decimal,
    /// Dividend per share over earnings per share, in percent; `None` when EPS is not positive.
    pub payout: Option<Decimal>,
}

/// Checks every driver of every year against its bounds.
pub fn validate(s: &Scenario) -> Result<(), ScenarioError> {
    for (y, d) in YEARS.iter().zip(s.years.iter()) {
        for driver in Driver::ALL {
            let mut copy = *d;
            driver.set(&mut copy, driver.get(d), *y)?;
        }
    }
    Ok(())
}

/// Projects the income statement year by year from FY2007.
pub fn project(base: &Base, s: &Scenario) -> Result<[YearResult; 5], ScenarioError> {
    validate(s)?;
    let mut revenue = base.revenue;
    let mut out = [empty(0); 5];
    for (i, (year, d)) in YEARS.iter().zip(s.years.iter()).enumerate() {
        let mut gross = Decimal::ZERO;
        for (seg, r) in revenue.iter_mut().enumerate() {
            *r = of(add(Decimal::ONE_HUNDRED, d.growth[seg])?, *r)?;
            gross = add(gross, of(d.gross_margin[seg], *r)?)?;
        }
        let total = add(add(revenue[0], revenue[1])?, revenue[2])?;
        let opex = [of(d.opex[0], total)?, of(d.opex[1], total)?, of(d.opex[2], total)?];
        let opex_total = add(add(opex[0], opex[1])?, opex[2])?;
        let oi = sub(gross, opex_total)?;
        let pretax = add(oi, d.other_income)?;
        let tax = of(d.tax_rate, pretax)?;
        let ni = add(sub(pretax, tax)?, d.minority_and_equity)?;
        let eps = ni.checked_div(d.shares).ok_or(ScenarioError::Overflow)?;
        let margin = |x: Decimal| if total.is_zero() { Ok(Decimal::ZERO) } else { pct(x, total) };
        out[i] = YearResult {
            year: *year,
            revenue,
            total_revenue: total,
            gross_margin: gross,
            opex,
            operating_income: oi,
            pretax,
            tax,
            net_income: ni,
            operating_margin: margin(oi)?,
            net_margin: margin(ni)?,
            eps,
            dps: d.dps,
            payout: if eps > Decimal::ZERO { Some(pct(d.dps, eps)?) } else { None },
        };
    }
    Ok(out)
}

fn empty(year: u16) -> YearResult {
    let z = Decimal::ZERO;
    YearResult {
        year,
        revenue: [z; 3],
        total_revenue: z,
        gross_margin: z,
        opex: [z; 3],
        operating_income: z,
        pretax: z,
        tax: z,
        net_income: z,
        operating_margin: z,
        net_margin: z,
        eps: z,
        dps: z,
        payout: None,
    }
}

// ---------------------------------------------------------------- presets

/// The starting points a visitor can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// FY2008 reproduces the published forecast; later years hold FY2008's drivers.
    CompanyPlan,
    /// FY2004–FY2007 revenue growth and operating-margin improvement continue.
    Trend,
    /// The company plan, with growth and operating expenses from FY2009 solved so that both
    /// mid-term targets are met in FY2010.
    TargetMet,
    /// Half the forecast's growth in FY2008 and 5% a year after, gross margins a point lower.
    Cautious,
}

impl Preset {
    pub const ALL: [Preset; 4] = [Preset::CompanyPlan, Preset::Trend, Preset::TargetMet, Preset::Cautious];

    pub fn key(self) -> &'static str {
        match self {
            Preset::CompanyPlan => "plan",
            Preset::Trend => "trend",
            Preset::TargetMet => "target",
            Preset::Cautious => "cautious",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Preset::CompanyPlan => "Company plan",
            Preset::Trend => "Trend",
            Preset::TargetMet => "Target met",
            Preset::Cautious => "Cautious",
        }
    }

    pub fn from_key(key: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// The FY2008 forecast (JPY billions, printed to 0.1) and the mid-term targets, in yen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    pub revenue: Decimal,
    pub operating_income: Decimal,
    pub pretax: Decimal,
    pub net_income: Decimal,
    pub dps: Decimal,
    pub target_revenue: Decimal,
    pub target_operating_income: Decimal,
}

impl Plan {
    pub fn from_dataset(ds: &Dataset) -> Result<Plan, ScenarioError> {
        let v = |id: &'static str| fact_value(ds, id);
        Ok(Plan {
            revenue: v("forecast.revenue")?,
            operating_income: v("forecast.operating_income")?,
            pretax: v("forecast.pretax_income")?,
            net_income: v("forecast.net_income")?,
            dps: v("forecast.dps")?,
            target_revenue: v("target.revenue")?,
            target_operating_income: v("target.operating_income")?,
        })
    }
}

#[inline(never)] // one copy of the Decimal arithmetic, not one per call site (wasm size)
fn sub(a: Decimal, b: Decimal) -> Result<Decimal, ScenarioError> {
    a.checked_sub(b).ok_or(ScenarioError::Overflow)
}

#[inline(never)] // one copy of the Decimal arithmetic, not one per call site (wasm size)
fn add(a: Decimal, b: Decimal) -> Result<Decimal, ScenarioError> {
    a.checked_add(b).ok_or(ScenarioError::Overflow)
}

/// FY2007's three operating-expense lines as a percentage of revenues, added up.
fn opex_total_07(base: &Base) -> Result<Decimal, ScenarioError> {
    add(add(base.opex_pct(0)?, base.opex_pct(1)?)?, base.opex_pct(2)?)
}

/// Scales the three operating-expense lines so that they total `total` percent of revenues,
/// keeping their FY2007 proportions.
fn opex_split(base: &Base, total: Decimal) -> Result<[Decimal; 3], ScenarioError> {
    let base_total = opex_total_07(base)?;
    let mut out = [Decimal::ZERO; 3];
    for (i, o) in out.iter_mut().enumerate() {
        *o = base.opex_pct(i)?.checked_mul(total).and_then(|x| x.checked_div(base_total)).ok_or(ScenarioError::Overflow)?.max(Decimal::ZERO);
    }
    Ok(out)
}

/// The FY2008 drivers that reproduce the published forecast exactly (the calibration the
/// planner explains): every segment grows at 78.5 / 66.835299 − 1; segment gross margins
/// stay at FY2007's; operating expenses keep FY2007's proportions, scaled so operating
/// income is 5.2 billion; other income is 4.7 − 5.2 = −0.5 billion; minority interests and
/// the equity-method result stay at FY2007's; the tax rate is whatever leaves net income at
/// 5.2 billion (a benefit, as the forecast's note on a 0.5 billion deferred tax benefit says).
pub fn calibrate_fy2008(base: &Base, plan: &Plan) -> Result<YearDrivers, ScenarioError> {
    let total07 = base.total_revenue();
    let g = pct(plan.revenue, total07)?.checked_sub(Decimal::ONE_HUNDRED).ok_or(ScenarioError::Overflow)?;
    let gm = [base.gross_margin(0)?, base.gross_margin(1)?, base.gross_margin(2)?];
    // Gross margin of FY2008 at uniform growth: the FY2007 mix, so the FY2007 blended ratio.
    let gross = (0..3).try_fold(Decimal::ZERO, |acc, s| -> Result<Decimal, ScenarioError> {
        let rev = of(add(Decimal::ONE_HUNDRED, g)?, base.revenue[s])?;
        acc.checked_add(of(gm[s], rev)?).ok_or(ScenarioError::Overflow)
    })?;
    let opex_total_pct = pct(sub(gross, plan.operating_income)?, plan.revenue)?;
    let other = sub(plan.pretax, plan.operating_income)?;
    let tax = sub(plan.pretax, plan.net_income)?.checked_add(base.minority_and_equity).ok_or(ScenarioError::Overflow)?;
    Ok(YearDrivers {
        growth: [g; 3],
        gross_margin: gm,
        opex: opex_split(base, opex_total_pct)?,
        other_income: other,
        tax_rate: pct(tax, plan.pretax)?,
        minority_and_equity: base.minority_and_equity,
        shares: base.shares,
        dps: plan.dps,
    })
}

/// Builds a preset.
pub fn preset(p: Preset, base: &Base, plan: &Plan) -> Result<Scenario, ScenarioError> {
    let y08 = calibrate_fy2008(base, plan)?;
    let mut s = Scenario { years: [y08; 5] };
    match p {
        Preset::CompanyPlan => {}
        Preset::Trend => {
            // Revenue CAGR FY2004–FY2007 and the average yearly rise of the operating margin
            // over the same years, from the trend table.
            let (g, slope) = (TREND_GROWTH, TREND_MARGIN_STEP);
            let opex07 = opex_total_07(base)?;
            for (n, y) in s.years.iter_mut().enumerate() {
                y.growth = [g; 3];
                y.gross_margin = [base.gross_margin(0)?, base.gross_margin(1)?, base.gross_margin(2)?];
                let step = slope.checked_mul(Decimal::from((n as u32).saturating_add(1))).ok_or(ScenarioError::Overflow)?;
                y.opex = opex_split(base, sub(opex07, step)?.max(Decimal::ZERO))?;
                y.other_income = base.other_income;
            }
        }
        Preset::Cautious => {
            for (n, y) in s.years.iter_mut().enumerate() {
                let g = if n == 0 { y08.growth[0].checked_div(Decimal::TWO).ok_or(ScenarioError::Overflow)? } else { Decimal::from(5) };
                y.growth = [g; 3];
                for s in 0..3 {
                    y.gross_margin[s] = sub(base.gross_margin(s)?, Decimal::ONE)?;
                }
                y.opex = [base.opex_pct(0)?, base.opex_pct(1)?, base.opex_pct(2)?];
            }
        }
        Preset::TargetMet => {
            // Uniform growth from FY2009 so that FY2010 revenues reach the target …
            let g = goal_seek(base, &s, Lever::UniformGrowth { from: 1 }, Metric::Revenue, 2, plan.target_revenue)?
                .value
                .ok_or(ScenarioError::Overflow)?;
            Lever::UniformGrowth { from: 1 }.apply(base, &mut s, g)?;
            // … then the operating margin from FY2009 so that FY2010 operating income does.
            let m = goal_seek(base, &s, Lever::OperatingMargin { from: 1 }, Metric::OperatingIncome, 2, plan.target_operating_income)?
                .value
                .ok_or(ScenarioError::Overflow)?;
            Lever::OperatingMargin { from: 1 }.apply(base, &mut s, m)?;
        }
    }
    Ok(s)
}

/// Revenue CAGR FY2004–FY2007: ((66,835,299 / 41,702,567)^(1/3) − 1) × 100, to 6 decimals
/// (the ratio engine computes it exactly; a constant keeps presets independent of it).
pub const TREND_GROWTH: Decimal = Decimal::from_parts(17025643, 0, 0, false, 6);
/// Operating margin rose from 2.9918% (FY2004) to 7.1210% (FY2007): 1.376 points a year.
pub const TREND_MARGIN_STEP: Decimal = Decimal::from_parts(1376, 0, 0, false, 3);

// ---------------------------------------------------------------- goal seek

/// A single number that moves several drivers at once, for goal seek and sensitivity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lever {
    /// The same revenue growth for every segment, from year index `from` on.
    UniformGrowth { from: usize },
    /// The operating margin, from year index `from` on: operating expenses are set (in their
    /// FY2007 proportions) to gross margin less this percentage of revenues.
    OperatingMargin { from: usize },
    /// One segment's revenue growth in every year.
    SegmentGrowth(usize),
    /// One segment's gross margin in every year.
    SegmentGrossMargin(usize),
}

impl Lever {
    /// The range searched, in percent.
    pub fn bounds(self) -> (Decimal, Decimal) {
        match self {
            Lever::UniformGrowth { .. } | Lever::SegmentGrowth(_) => Driver::Growth(0).bounds(),
            Lever::OperatingMargin { .. } => (Decimal::from(-50), Decimal::from(50)),
            Lever::SegmentGrossMargin(_) => Driver::GrossMargin(0).bounds(),
        }
    }

    pub fn name(self) -> String {
        match self {
            Lever::UniformGrowth { .. } => "Revenue growth, every segment".to_owned(),
            Lever::OperatingMargin { .. } => "Operating margin".to_owned(),
            Lever::SegmentGrowth(s) => Driver::Growth(s).name(),
            Lever::SegmentGrossMargin(s) => Driver::GrossMargin(s).name(),
        }
    }

    /// Sets the lever to `value` in the scenario.
    pub fn apply(self, base: &Base, s: &mut Scenario, value: Decimal) -> Result<(), ScenarioError> {
        let (lo, hi) = self.bounds();
        if value < lo || value > hi {
            let driver = match self {
                Lever::SegmentGrossMargin(i) => Driver::GrossMargin(i),
                Lever::OperatingMargin { .. } => Driver::Opex(0),
                Lever::SegmentGrowth(i) => Driver::Growth(i),
                Lever::UniformGrowth { .. } => Driver::Growth(0),
            };
            return Err(ScenarioError::OutOfBounds { driver, year: YEARS[0], value, min: lo, max: hi });
        }
        match self {
            Lever::UniformGrowth { from } => s.years.iter_mut().skip(from).for_each(|y| y.growth = [value; 3]),
            Lever::SegmentGrowth(i) => s.years.iter_mut().for_each(|y| y.growth[i.min(2)] = value),
            Lever::SegmentGrossMargin(i) => s.years.iter_mut().for_each(|y| y.gross_margin[i.min(2)] = value),
            Lever::OperatingMargin { from } => {
                let mut revenue = base.revenue;
                for (n, y) in s.years.iter_mut().enumerate() {
                    let mut gross = Decimal::ZERO;
                    let mut total = Decimal::ZERO;
                    for (seg, r) in revenue.iter_mut().enumerate() {
                        *r = of(add(Decimal::ONE_HUNDRED, y.growth[seg])?, *r)?;
                        gross = gross.checked_add(of(y.gross_margin[seg], *r)?).ok_or(ScenarioError::Overflow)?;
                        total = total.checked_add(*r).ok_or(ScenarioError::Overflow)?;
                    }
                    if n >= from && !total.is_zero() {
                        let opex_total = sub(pct(gross, total)?, value)?;
                        y.opex = opex_split(base, opex_total.max(Decimal::ZERO))?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// What goal seek aims at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    Revenue,
    OperatingIncome,
}

impl Metric {
    pub fn of(self, y: &YearResult) -> Decimal {
        match self {
            Metric::Revenue => y.total_revenue,
            Metric::OperatingIncome => y.operating_income,
        }
    }
}

/// The answer of goal seek.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeekResult {
    /// The smallest lever value (to 0.0001 points) that meets the target, if any within bounds.
    pub value: Option<Decimal>,
    /// The metric at the lever's upper bound: how far the best case gets.
    pub best: Decimal,
}

/// Finds by bisection the smallest value of `lever` at which `metric` in year index `year`
/// reaches `target`. The metric rises with every lever, so the search keeps the bracket
/// [fails, meets]; 40 halvings of a 150-point range leave less than 1e-10 points.
pub fn goal_seek(base: &Base, s: &Scenario, lever: Lever, metric: Metric, year: usize, target: Decimal) -> Result<SeekResult, ScenarioError> {
    let eval = |v: Decimal| -> Result<Decimal, ScenarioError> {
        let mut t = *s;
        lever.apply(base, &mut t, v)?;
        let r = project(base, &t)?;
        Ok(metric.of(r.get(year).ok_or(ScenarioError::Overflow)?))
    };
    let (mut lo, mut hi) = lever.bounds();
    let best = eval(hi)?;
    if best < target {
        return Ok(SeekResult { value: None, best });
    }
    if eval(lo)? >= target {
        return Ok(SeekResult { value: Some(lo), best });
    }
    for _ in 0..40 {
        let mid = lo.checked_add(hi).and_then(|x| x.checked_div(Decimal::TWO)).ok_or(ScenarioError::Overflow)?;
        if eval(mid)? >= target {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    // Rounded up, toward the side that meets the target, so the value shown still meets it.
    Ok(SeekResult { value: Some(hi.round_dp_with_strategy(4, rust_decimal::RoundingStrategy::ToPositiveInfinity)), best })
}

// ---------------------------------------------------------------- sensitivity

/// Operating income in one year over a grid of two levers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    pub rows: Vec<Decimal>,
    pub cols: Vec<Decimal>,
    /// `cells[r][c]`: the metric with the row lever at `rows[r]` and the column lever at `cols[c]`.
    pub cells: Vec<Vec<Decimal>>,
}

/// `n` values evenly spaced from `from` to `to` inclusive.
pub fn steps(from: Decimal, to: Decimal, n: usize) -> Result<Vec<Decimal>, ScenarioError> {
    if n < 2 {
        return Ok(vec![from]);
    }
    let step = sub(to, from)?.checked_div(Decimal::from((n as u64).saturating_sub(1))).ok_or(ScenarioError::Overflow)?;
    (0..n).map(|i| step.checked_mul(Decimal::from(i as u64)).and_then(|x| x.checked_add(from)).ok_or(ScenarioError::Overflow)).collect()
}

/// The metric in year index `year` for every pair of values (row lever applied first).
pub fn sensitivity(base: &Base, s: &Scenario, row: (Lever, &[Decimal]), col: (Lever, &[Decimal]), metric: Metric, year: usize) -> Result<Grid, ScenarioError> {
    let mut cells = Vec::with_capacity(row.1.len());
    for &r in row.1 {
        let mut line = Vec::with_capacity(col.1.len());
        for &c in col.1 {
            let mut t = *s;
            row.0.apply(base, &mut t, r)?;
            col.0.apply(base, &mut t, c)?;
            let res = project(base, &t)?;
            line.push(metric.of(res.get(year).ok_or(ScenarioError::Overflow)?));
        }
        cells.push(line);
    }
    Ok(Grid { rows: row.1.to_vec(), cols: col.1.to_vec(), cells })
}

// ---------------------------------------------------------------- URL state

/// Every preset, built once: the URL is read and written on every driver change, and the
/// target-met preset alone runs two goal seeks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presets {
    scenarios: [Scenario; 4],
}

impl Presets {
    pub fn new(base: &Base, plan: &Plan) -> Result<Presets, ScenarioError> {
        Ok(Presets {
            scenarios: [
                preset(Preset::CompanyPlan, base, plan)?,
                preset(Preset::Trend, base, plan)?,
                preset(Preset::TargetMet, base, plan)?,
                preset(Preset::Cautious, base, plan)?,
            ],
        })
    }

    pub fn get(&self, p: Preset) -> Scenario {
        let i = Preset::ALL.iter().position(|q| *q == p).unwrap_or(0);
        self.scenarios.get(i).copied().unwrap_or(self.scenarios[0])
    }
}

/// Writes the scenario as URL parameters relative to its preset: only drivers that differ
/// from the preset are written, a value per year joined by `~` (one value when all years
/// agree), in the driver's display unit.
pub fn encode(p: Preset, s: &Scenario, presets: &Presets) -> Vec<(String, String)> {
    let mut out = vec![("preset".to_owned(), p.key().to_owned())];
    let reference = Some(presets.get(p));
    for d in Driver::ALL {
        let values: Vec<Decimal> = s.years.iter().map(|y| d.get(y).normalize()).collect();
        let same = reference.as_ref().is_some_and(|r| r.years.iter().zip(values.iter()).all(|(y, v)| d.get(y).normalize() == *v));
        if same {
            continue;
        }
        let text = if values.iter().all(|v| *v == values[0]) {
            values[0].to_string()
        } else {
            values.iter().map(Decimal::to_string).collect::<Vec<_>>().join("~")
        };
        out.push((d.key().to_owned(), text));
    }
    out
}

/// Reads a scenario from URL parameters. Never fails: an unknown preset falls back to the
/// company plan, and a driver that cannot be read or is out of bounds keeps the preset's
/// value; each such case is reported in plain words. Parameters it does not know are left
/// to the view.
pub fn decode(params: &[(String, String)], presets: &Presets) -> (Preset, Scenario, Vec<String>) {
    decode_in(Lang::En, params, presets)
}

/// `decode`, with the problems worded in `lang`.
pub fn decode_in(lang: Lang, params: &[(String, String)], presets: &Presets) -> (Preset, Scenario, Vec<String>) {
    let mut problems = Vec::new();
    let p = match params.iter().find(|(k, _)| k == "preset") {
        None => Preset::CompanyPlan,
        Some((_, v)) => Preset::from_key(v).unwrap_or_else(|| {
            problems.push(trf(lang, "There is no preset “{0}”; the company plan is used.", &[v]));
            Preset::CompanyPlan
        }),
    };
    let mut s = presets.get(p);
    for d in Driver::ALL {
        let Some((_, text)) = params.iter().find(|(k, _)| k == d.key()) else { continue };
        let parts: Vec<&str> = text.split('~').collect();
        if parts.len() != 1 && parts.len() != YEARS.len() {
            problems.push(trf(lang, "{0}: “{1}” needs one value or five; the preset's values are kept.", &[tr(lang, &d.name()), text]));
            continue;
        }
        let mut trial = s;
        let mut ok = true;
        for (i, y) in trial.years.iter_mut().enumerate() {
            let raw = parts.get(i).or(parts.first()).copied().unwrap_or_default().trim();
            match raw.parse::<Decimal>() {
                Ok(v) => {
                    if let Err(e) = d.set(y, v, YEARS[i]) {
                        problems.push(trf(lang, "{0}; the preset's values are kept.", &[&e.text(lang)]));
                        ok = false;
                        break;
                    }
                }
                Err(_) => {
                    problems.push(trf(lang, "{0}: “{1}” is not a number; the preset's values are kept.", &[tr(lang, &d.name()), raw]));
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            s = trial;
        }
    }
    (p, s, problems)
}
