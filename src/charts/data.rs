//! The charts' data: each builder reads printed facts (or a scenario's projection) and returns
//! a `Chart` with its title, text alternative, legend, geometry and the same numbers as a
//! table. Amounts are exact decimals until they become pixels or text.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::{Band, Bar, Chart, ChartError, DataTable, Heat, Ink, Line, Panel, Plot, Rule, Scale, Swatch};
use crate::format::group;
// Amounts as text in the chart's unit: JPY billions, or 億円 in Japanese.
use crate::i18n::{amount as amt, fiscal_year as fy, period, tr, trf, Lang};
use crate::model::monte_carlo::Outcome;
use crate::model::scenario::{Base, Grid, YearDrivers, YearResult, SEGMENTS, YEARS};
use crate::model::Dataset;

const MILLION: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);
const BILLION: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

/// A fact in yen (base units).
#[inline(never)] // one copy, not one per call site (wasm size)
fn yen(ds: &Dataset, id: &str) -> Result<Decimal, ChartError> {
    let fact = ds.fact(id).ok_or_else(|| ChartError::Data(format!("the figure “{id}” is missing")))?;
    fact.base_value().map_err(|_| ChartError::Data(format!("the figure “{id}” is out of range")))
}

/// Yen to whole millions, for geometry.
#[inline(never)] // one copy, not one per call site (wasm size)
fn mn(x: Decimal) -> i64 {
    x.checked_div(MILLION).and_then(|m| m.round().to_i64()).unwrap_or(0)
}

#[inline(never)] // one copy, not one per call site (wasm size)
fn pct_text(x: Decimal) -> String {
    format!("{}%", group(x, 1))
}

/// Percent to hundredths of a point, for geometry.
#[inline(never)] // one copy, not one per call site (wasm size)
fn centi(x: Decimal) -> i64 {
    x.checked_mul(Decimal::ONE_HUNDRED).and_then(|m| m.round().to_i64()).unwrap_or(0)
}

#[allow(clippy::too_many_arguments)]
#[inline(never)] // one copy, not one per call site (wasm size)
fn bar(category: usize, slot: u8, from: i64, to: i64, ink: Ink, hollow: bool, label: String, inside: bool) -> Bar {
    Bar { category, slot, from, to, ink, hollow, label, inside }
}

#[inline(never)] // one copy, not one per call site (wasm size)
fn money_panel(lang: Lang, title: &str, categories: Vec<String>, slots: u8) -> Panel {
    Panel { title: tr(lang, title).to_owned(), unit: tr(lang, "Amount, JPY billions").to_owned(), scale: Scale::Money, categories, slots, bars: vec![], lines: vec![], bands: vec![], rules: vec![] }
}

#[inline(never)] // one copy, not one per call site (wasm size)
fn row(heading: impl Into<String>, cells: Vec<String>) -> (String, Vec<String>) {
    (heading.into(), cells)
}

// ---------------------------------------------------------------- history, forecast, target

/// Revenues and operating income FY2004–FY2007, the FY2008 forecast and the mid-term target.
pub fn trend(lang: Lang, ds: &Dataset) -> Result<Chart, ChartError> {
    let years = [2004u16, 2005, 2006, 2007];
    let categories: Vec<String> = (2004u16..=2010).map(|y| fy(lang, y)).collect();
    let mut panels = Vec::new();
    let mut columns = Vec::new();
    let mut description = String::new();
    for (metric, name) in [("revenue", tr(lang, "Revenues")), ("operating_income", tr(lang, "Operating income"))] {
        let mut p = money_panel(lang, name, categories.clone(), 1);
        let mut text = Vec::new();
        for (i, y) in years.iter().enumerate() {
            let v = yen(ds, &format!("trend.{metric}.fy{y}"))?;
            p.bars.push(bar(i, 0, 0, mn(v), Ink::A, false, amt(lang, v, 1), false));
            text.push(amt(lang, v, 1));
        }
        let forecast = yen(ds, &format!("forecast.{metric}"))?;
        let target = yen(ds, &format!("target.{metric}"))?;
        p.bars.push(bar(4, 0, 0, mn(forecast), Ink::A, true, amt(lang, forecast, 1), false));
        p.bars.push(bar(6, 0, 0, mn(target), Ink::Target, true, format!("{}+", amt(lang, target, 0)), false));
        text.push(amt(lang, forecast, 1));
        text.push(trf(lang, "over {0}", &[&amt(lang, target, 0)]));
        description.push_str(&trf(
            lang,
            "{0} (JPY billions): FY2004 {1}, FY2005 {2}, FY2006 {3}, FY2007 {4} actual; FY2008 forecast {5}; mid-term target over {6} around FY2010. ",
            &[name, &text[0], &text[1], &text[2], &text[3], &text[4], &amt(lang, target, 0)],
        ));
        columns.push(text);
        panels.push(p);
    }
    let basis = ["Actual", "Actual", "Actual", "Actual", "Forecast", "Mid-term target (around FY2010)"];
    let headings = [2004, 2005, 2006, 2007, 2008, 2010];
    let rows = (0..6).map(|i| row(fy(lang, headings[i]), vec![cell(&columns, 0, i), cell(&columns, 1, i), tr(lang, basis[i]).to_owned()])).collect();
    Ok(Chart {
        key: "trend",
        lang,
        title: tr(lang, "Revenues and operating income: FY2004–FY2007, FY2008 forecast, mid-term target").to_owned(),
        description: description.trim_end().to_owned(),
        legend: vec![(Ink::A, Swatch::Fill, tr(lang, "Actual").to_owned()), (Ink::A, Swatch::Hollow, tr(lang, "FY2008 forecast").to_owned()), (Ink::Target, Swatch::Hollow, tr(lang, "Mid-term target").to_owned())],
        plot: Plot::Panels(panels),
        table: DataTable {
            columns: vec![tr(lang, "Revenues (JPY billions)").to_owned(), tr(lang, "Operating income (JPY billions)").to_owned(), tr(lang, "Basis").to_owned()],
            rows,
            note: tr(lang, "Actuals: the notice's trend of assets and income (JPY thousands); forecast and target: the presentation.").to_owned(),
        },
    })
}

fn cell(columns: &[Vec<String>], c: usize, r: usize) -> String {
    columns.get(c).and_then(|col| col.get(r)).cloned().unwrap_or_default()
}

// ---------------------------------------------------------------- segments

const SEGMENT_INKS: [Ink; 3] = [Ink::A, Ink::B, Ink::C];
const SEGMENT_IDS: [(&str, &str, &str); 3] = [("cvas", "cis.revenue_cvas", "cis.cost_cvas"), ("si", "cis.revenue_si", "cis.cost_si"), ("equipment", "cis.revenue_equipment", "cis.cost_equipment")];

/// Segment revenues FY2006 and FY2007 (stacked) and segment gross margin ratios.
pub fn segments(lang: Lang, ds: &Dataset) -> Result<Chart, ChartError> {
    let mut mix = money_panel(lang, "Revenues by segment", vec![tr(lang, "FY2006").to_owned(), tr(lang, "FY2007").to_owned()], 1);
    let mut margins = Panel {
        title: tr(lang, "Gross margin ratio").to_owned(),
        unit: tr(lang, "% of segment revenues").to_owned(),
        scale: Scale::Percent,
        categories: vec![tr(lang, "Conn. & VAS").to_owned(), tr(lang, "Systems int.").to_owned(), tr(lang, "Equipment").to_owned()],
        slots: 2,
        bars: vec![],
        lines: vec![],
        bands: vec![],
        rules: vec![],
    };
    let mut rows = Vec::new();
    let (mut base06, mut base07) = (0i64, 0i64);
    let mut sum06 = Decimal::ZERO;
    for (s, (key, revenue_id, cost_id)) in SEGMENT_IDS.iter().enumerate() {
        let ink = SEGMENT_INKS[s];
        let r07 = yen(ds, revenue_id)?;
        let c07 = yen(ds, cost_id)?;
        let growth = yen(ds, &format!("br.{key}_revenue_growth"))?;
        // FY2006 segment revenues are not printed: FY2007 over (1 + the printed growth).
        let r06 = Decimal::ONE_HUNDRED
            .checked_add(growth)
            .and_then(|g| r07.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(g))
            .ok_or_else(|| ChartError::Data(format!("the growth of {} cannot be used", SEGMENTS[s])))?;
        sum06 = sum06.saturating_add(r06);
        let (top06, top07) = (base06 + mn(r06), base07 + mn(r07));
        mix.bars.push(bar(0, 0, base06, top06, ink, false, format!("≈{}", amt(lang, r06, 1)), true));
        mix.bars.push(bar(1, 0, base07, top07, ink, false, amt(lang, r07, 1), true));
        (base06, base07) = (top06, top07);
        let ratio07 = r07.checked_sub(c07).and_then(|g| g.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(r07)).unwrap_or_default();
        let ratio06 = yen(ds, &format!("fr.{key}_gross_margin_ratio_fy2006")).ok();
        if let Some(r) = ratio06 {
            margins.bars.push(bar(s, 0, 0, centi(r), ink, true, pct_text(r), false));
        }
        margins.bars.push(bar(s, 1, 0, centi(ratio07), ink, false, pct_text(ratio07), false));
        rows.push(row(tr(lang, SEGMENTS[s]), vec![format!("≈{}", amt(lang, r06, 1)), amt(lang, r07, 1), ratio06.map_or(tr(lang, "not printed").to_owned(), pct_text), pct_text(ratio07)]));
    }
    let total06 = yen(ds, "trend.revenue.fy2006")?;
    let total07 = yen(ds, "cis.revenue")?;
    mix.bars.push(bar(0, 0, base06, base06, Ink::Fg, false, trf(lang, "total {0}", &[&amt(lang, total06, 1)]), false));
    mix.bars.push(bar(1, 0, base07, base07, Ink::Fg, false, trf(lang, "total {0}", &[&amt(lang, total07, 1)]), false));
    rows.push(row(tr(lang, "Total"), vec![amt(lang, total06, 1), amt(lang, total07, 1), String::new(), String::new()]));
    let description = trf(
        lang,
        "Revenues by segment, JPY billions, FY2006 (derived) and FY2007: {0}. Gross margin ratios FY2006 and FY2007: {1}.",
        &[
            &rows.iter().take(3).map(|(h, c)| trf(lang, "{0} {1} and {2}", &[h, &c[0], &c[1]])).collect::<Vec<_>>().join("; "),
            &rows.iter().take(3).map(|(h, c)| trf(lang, "{0} {1} and {2}", &[h, &c[2], &c[3]])).collect::<Vec<_>>().join("; "),
        ],
    );
    let mut legend: Vec<(Ink, Swatch, String)> = SEGMENTS.iter().zip(SEGMENT_INKS).map(|(n, i)| (i, Swatch::Fill, tr(lang, n).to_owned())).collect();
    legend.push((Ink::Fg, Swatch::Hollow, tr(lang, "Outlined: FY2006").to_owned()));
    Ok(Chart {
        key: "segments",
        lang,
        title: tr(lang, "Segment revenue mix and gross margin ratios, FY2006 and FY2007").to_owned(),
        description,
        legend,
        plot: Plot::Panels(vec![mix, margins]),
        table: DataTable {
            columns: vec![tr(lang, "FY2006 revenues (JPY billions)").to_owned(), tr(lang, "FY2007 revenues (JPY billions)").to_owned(), tr(lang, "FY2006 gross margin ratio").to_owned(), tr(lang, "FY2007 gross margin ratio").to_owned()],
            rows,
            note: trf(
                lang,
                "FY2006 segment revenues are not printed; each is FY2007 revenues ÷ (1 + the printed growth rate), so it carries the growth rate's rounding (≈). They sum to {0} against {1} printed. FY2007: the notice's income statement; FY2006 ratios: the presentation.",
                &[&amt(lang, sum06, 1), &amt(lang, total06, 1)],
            ),
        },
    })
}

// ---------------------------------------------------------------- balance sheet

/// Balance-sheet composition at March 31, 2007 and 2008 (the presentation's summary).
pub fn balance(lang: Lang, ds: &Dataset) -> Result<Chart, ChartError> {
    let dates = [("_2007", period(lang, "March 31, 2007")), ("", period(lang, "March 31, 2008"))];
    let mut p = money_panel(lang, "Assets (left) and liabilities and equity (right), with totals", dates.iter().map(|d| d.1.clone()).collect(), 2);
    let assets: [(&str, &[&str], Ink); 3] = [
        ("Cash", &["fbs.cash"], Ink::A),
        ("Receivables", &["fbs.accounts_receivable"], Ink::C),
        ("Property, equipment and intangibles", &["fbs.property_equipment", "fbs.intangible_assets"], Ink::B),
    ];
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    let mut description = Vec::new();
    for (i, (suffix, date)) in dates.iter().enumerate() {
        let total = yen(ds, &format!("fbs.total_assets{suffix}"))?;
        let borrowings = yen(ds, &format!("fbs.short_term_borrowings{suffix}"))?;
        let equity = yen(ds, &format!("fbs.total_equity{suffix}"))?;
        let mut items: Vec<(&str, Decimal, Ink, u8)> = Vec::new();
        for (name, ids, ink) in assets {
            let mut v = Decimal::ZERO;
            for id in ids {
                v = v.saturating_add(yen(ds, &format!("{id}{suffix}"))?);
            }
            items.push((tr(lang, name), v, ink, 0));
        }
        let itemised = items.iter().fold(Decimal::ZERO, |a, x| a.saturating_add(x.1));
        items.push((tr(lang, "Other assets (not itemised)"), total.saturating_sub(itemised), Ink::D, 0));
        items.push((tr(lang, "Shareholders' equity"), equity, Ink::E, 1));
        items.push((tr(lang, "Short-term borrowings"), borrowings, Ink::F, 1));
        items.push((tr(lang, "Other liabilities and minority interest (not itemised)"), total.saturating_sub(equity).saturating_sub(borrowings), Ink::D, 1));
        let mut level = [Decimal::ZERO; 2];
        for (name, v, ink, slot) in items {
            let base = &mut level[usize::from(slot)];
            p.bars.push(bar(i, slot, mn(*base), mn(base.saturating_add(v)), ink, false, amt(lang, v, 1), true));
            *base = base.saturating_add(v);
            add_cell(&mut rows, name, i, amt(lang, v, 1));
        }
        p.bars.push(bar(i, 0, mn(total), mn(total), Ink::Fg, false, tr(lang, "Assets").to_owned(), false));
        p.bars.push(bar(i, 1, mn(total), mn(total), Ink::Fg, false, tr(lang, "L + E").to_owned(), false));
        if let Some(c) = p.categories.get_mut(i) {
            c.push_str(&format!(": {}", amt(lang, total, 1)));
        }
        add_cell(&mut rows, tr(lang, "Total assets = total liabilities and equity"), i, amt(lang, total, 1));
        description.push(trf(
            lang,
            "{0}: total assets JPY {1} billion, of which cash {2}, shareholders' equity {3}, short-term borrowings {4}",
            &[date, &amt(lang, total, 1), &rows.first().and_then(|r| r.1.get(i)).cloned().unwrap_or_default(), &amt(lang, equity, 1), &amt(lang, borrowings, 1)],
        ));
    }
    Ok(Chart {
        key: "balance",
        lang,
        title: tr(lang, "Balance-sheet composition, March 31, 2007 and 2008").to_owned(),
        description: format!("{}.", description.join("; ")),
        legend: vec![
            (Ink::A, Swatch::Fill, tr(lang, "Cash").to_owned()),
            (Ink::C, Swatch::Fill, tr(lang, "Receivables").to_owned()),
            (Ink::B, Swatch::Fill, tr(lang, "Property, equipment, intangibles").to_owned()),
            (Ink::D, Swatch::Fill, tr(lang, "Other (not itemised)").to_owned()),
            (Ink::E, Swatch::Fill, tr(lang, "Shareholders' equity").to_owned()),
            (Ink::F, Swatch::Fill, tr(lang, "Short-term borrowings").to_owned()),
        ],
        plot: Plot::Panels(vec![p]),
        table: DataTable {
            columns: dates.iter().map(|d| trf(lang, "{0} (JPY billions)", &[&d.1])).collect(),
            rows,
            note: tr(lang, "The presentation's consolidated balance sheets (JPY millions). \"Not itemised\" is the total less the items shown, so the stacks add up to the totals.").to_owned(),
        },
    })
}

/// Puts `text` in column `i` of the row named `name`, adding the row if needed.
#[inline(never)] // one copy, not one per call site (wasm size)
fn add_cell(rows: &mut Vec<(String, Vec<String>)>, name: &str, i: usize, text: String) {
    let at = match rows.iter().position(|r| r.0 == name) {
        Some(at) => at,
        None => {
            rows.push((name.to_owned(), Vec::new()));
            rows.len() - 1
        }
    };
    if let Some(r) = rows.get_mut(at) {
        r.1.resize(i, String::new());
        r.1.push(text);
    }
}

// ---------------------------------------------------------------- operating-income bridge

/// One step of a bridge, in yen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub name: &'static str,
    pub short: &'static str,
    pub amount: Decimal,
}

/// FY2007 operating income to the first projected year's, by driver: each segment's revenue
/// growth at FY2007 ratios, the change in gross margin ratios, and each expense ratio's
/// change. The steps add up to the change exactly (to rounding far below a yen).
pub fn bridge_steps(base: &Base, drivers: &YearDrivers, year: &YearResult) -> Result<Vec<Step>, ChartError> {
    let overflow = || ChartError::Data("the bridge overflowed".to_owned());
    let mut opex0 = Decimal::ZERO;
    for k in 0..3 {
        opex0 = opex0.saturating_add(base.opex_pct(k).map_err(|_| overflow())?);
    }
    let names = [("Connectivity and VAS growth", "CVAS"), ("Systems integration growth", "SI"), ("Equipment sales growth", "Eq.")];
    let mut steps = Vec::new();
    let mut margin_step = Decimal::ZERO;
    for (s, &(name, short)) in names.iter().enumerate() {
        let gm0 = base.gross_margin(s).map_err(|_| overflow())?;
        let delta = year.revenue[s].checked_sub(base.revenue[s]).ok_or_else(overflow)?;
        steps.push(Step { name, short, amount: pct_of(gm0.saturating_sub(opex0), delta)? });
        margin_step = margin_step.saturating_add(pct_of(drivers.gross_margin[s].saturating_sub(gm0), year.revenue[s])?);
    }
    steps.push(Step { name: "Gross margin ratios", short: "GM%", amount: margin_step });
    let opex_names = [("Sales and marketing ratio", "S&M"), ("General and administrative ratio", "G&A"), ("Research and development ratio", "R&D")];
    for (k, &(name, short)) in opex_names.iter().enumerate() {
        let o0 = base.opex_pct(k).map_err(|_| overflow())?;
        steps.push(Step { name, short, amount: -pct_of(drivers.opex[k].saturating_sub(o0), year.total_revenue)? });
    }
    Ok(steps)
}

/// `p` percent of `x`.
#[inline(never)] // one copy of the Decimal arithmetic (wasm size)
fn pct_of(p: Decimal, x: Decimal) -> Result<Decimal, ChartError> {
    x.checked_mul(p).and_then(|v| v.checked_div(Decimal::ONE_HUNDRED)).ok_or_else(|| ChartError::Data("the bridge overflowed".to_owned()))
}

/// The bridge as a waterfall chart; `to` names the end point ("FY2008 forecast", "scenario").
pub fn bridge(lang: Lang, base: &Base, drivers: &YearDrivers, year: &YearResult, to: &str) -> Result<Chart, ChartError> {
    let steps = bridge_steps(base, drivers, year)?;
    let start = base.revenue.iter().zip(base.cost.iter()).fold(Decimal::ZERO, |a, (r, c)| a.saturating_add(*r).saturating_sub(*c));
    let start = base.opex.iter().fold(start, |a, o| a.saturating_sub(*o));
    let mut categories = vec![fy(lang, 2007)];
    categories.extend(steps.iter().map(|s| tr(lang, s.short).to_owned()));
    categories.push(fy(lang, year.year));
    let mut p = money_panel(lang, "Operating income, step by step", categories, 1);
    p.bars.push(bar(0, 0, 0, mn(start), Ink::A, false, amt(lang, start, 2), false));
    let mut level = start;
    let to = tr(lang, to);
    let mut rows = vec![row(tr(lang, "FY2007 operating income (actual)"), vec![amt(lang, start, 2)])];
    for (i, s) in steps.iter().enumerate() {
        let next = level.saturating_add(s.amount);
        let sign = if s.amount >= Decimal::ZERO { "+" } else { "" };
        let ink = if s.amount >= Decimal::ZERO { Ink::Up } else { Ink::Down };
        p.bars.push(bar(i + 1, 0, mn(level), mn(next), ink, false, format!("{sign}{}", amt(lang, s.amount, 2)), false));
        rows.push(row(tr(lang, s.name), vec![format!("{sign}{}", amt(lang, s.amount, 2))]));
        level = next;
    }
    let end = year.operating_income;
    p.bars.push(bar(steps.len() + 1, 0, 0, mn(end), Ink::A, true, amt(lang, end, 2), false));
    rows.push(row(trf(lang, "{0} operating income ({1})", &[&fy(lang, year.year), to]), vec![amt(lang, end, 2)]));
    let description = trf(
        lang,
        "Operating income moves from JPY {0} billion in FY2007 to {1} billion in {2} ({3}): {4}.",
        &[
            &amt(lang, start, 2),
            &amt(lang, end, 2),
            &fy(lang, year.year),
            to,
            &steps.iter().map(|s| format!("{} {}{}", tr(lang, s.name), if s.amount >= Decimal::ZERO { "+" } else { "" }, amt(lang, s.amount, 2))).collect::<Vec<_>>().join(", "),
        ],
    );
    Ok(Chart {
        key: "bridge",
        lang,
        title: trf(lang, "Operating-income bridge, FY2007 to {0} {1}", &[&fy(lang, year.year), to]),
        description,
        legend: vec![(Ink::Up, Swatch::Fill, tr(lang, "Adds").to_owned()), (Ink::Down, Swatch::Fill, tr(lang, "Subtracts").to_owned()), (Ink::A, Swatch::Fill, tr(lang, "FY2007 actual").to_owned()), (Ink::A, Swatch::Hollow, format!("{} {to}", fy(lang, year.year)))],
        plot: Plot::Panels(vec![p]),
        table: DataTable {
            columns: vec![tr(lang, "Amount, JPY billions").to_owned()],
            rows,
            note: tr(lang, "Growth steps: each segment's revenue change at its FY2007 gross margin ratio less FY2007's expense ratios. Gross margin step: the new revenues at the change in each segment's ratio. Expense steps: the change in each expense ratio on the new revenues. They add up to the change in operating income.").to_owned(),
        },
    })
}

// ---------------------------------------------------------------- projection

/// Actuals FY2004–FY2007, the scenario FY2008–FY2012, both targets and, after a Monte Carlo
/// run, its P10–P90 band.
pub fn projection(lang: Lang, ds: &Dataset, years: &[YearResult; 5], targets: (Decimal, Decimal), target_year: usize, outcome: Option<&Outcome>) -> Result<Chart, ChartError> {
    let categories: Vec<String> = (2004u16..=2012).map(|y| fy(lang, y)).collect();
    let mut panels = Vec::new();
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    for y in 2004u16..=2012 {
        rows.push(row(fy(lang, y), vec![]));
    }
    let mut description = Vec::new();
    let target_label = fy(lang, YEARS.get(target_year).copied().unwrap_or(2010));
    for (m, (metric, name, target)) in [("revenue", tr(lang, "Revenues"), targets.0), ("operating_income", tr(lang, "Operating income"), targets.1)].into_iter().enumerate() {
        let mut p = money_panel(lang, name, categories.clone(), 1);
        let mut actual = Vec::new();
        for (i, y) in (2004u16..=2007).enumerate() {
            let v = yen(ds, &format!("trend.{metric}.fy{y}"))?;
            actual.push((i, mn(v)));
            if let Some(r) = rows.get_mut(i) {
                r.1.push(amt(lang, v, 1));
            }
        }
        let mut path = vec![*actual.last().unwrap_or(&(3, 0))];
        for (i, y) in years.iter().enumerate() {
            let v = if m == 0 { y.total_revenue } else { y.operating_income };
            path.push((4 + i, mn(v)));
            if let Some(r) = rows.get_mut(4 + i) {
                r.1.push(amt(lang, v, 1));
            }
        }
        let last = years.last().map_or(Decimal::ZERO, |y| if m == 0 { y.total_revenue } else { y.operating_income });
        description.push(trf(lang, "{0}: FY2007 actual {1}, FY2012 {2} in the scenario, target {3} in {4}", &[name, &rows.get(3).and_then(|r| r.1.get(m)).cloned().unwrap_or_default(), &amt(lang, last, 1), &amt(lang, target, 0), &target_label]));
        if let Some(o) = outcome {
            let bands = if m == 0 { &o.revenue } else { &o.operating_income };
            let to_mn = |x: f64| (x / 1_000_000.0).round() as i64;
            let anchor = path.first().copied().unwrap_or((3, 0));
            let mut low = vec![anchor];
            let mut high = vec![anchor];
            for (i, b) in bands.iter().enumerate() {
                low.push((4 + i, to_mn(b.p10)));
                high.push((4 + i, to_mn(b.p90)));
            }
            p.bands.push(Band { low, high, ink: Ink::Proj });
        }
        p.lines.push(Line { points: actual, ink: Ink::A, label: String::new() });
        p.lines.push(Line { points: path, ink: Ink::Proj, label: amt(lang, last, 1) });
        p.rules.push(Rule { value: mn(target), from: 4, to: 8, ink: Ink::Target, label: trf(lang, "target {0} ({1})", &[&amt(lang, target, 0), &target_label]) });
        panels.push(p);
    }
    let mut legend = vec![(Ink::A, Swatch::Line, tr(lang, "Actual").to_owned()), (Ink::Proj, Swatch::Line, tr(lang, "Scenario").to_owned()), (Ink::Target, Swatch::Line, tr(lang, "Mid-term target").to_owned())];
    if outcome.is_some() {
        legend.push((Ink::Proj, Swatch::Fill, tr(lang, "Monte Carlo P10–P90").to_owned()));
    }
    let mut columns = vec![tr(lang, "Revenues (JPY billions)").to_owned(), tr(lang, "Operating income (JPY billions)").to_owned()];
    if let Some(o) = outcome {
        columns.push(tr(lang, "Revenues P10–P90").to_owned());
        columns.push(tr(lang, "Operating income P10–P90").to_owned());
        for (i, r) in rows.iter_mut().enumerate() {
            let band = |bands: &Vec<crate::model::monte_carlo::Band>| bands.get(i.wrapping_sub(4)).map_or(String::new(), |b| format!("{}–{}", float_amt(lang, b.p10), float_amt(lang, b.p90)));
            r.1.push(band(&o.revenue));
            r.1.push(band(&o.operating_income));
        }
    }
    Ok(Chart {
        key: "projection",
        lang,
        title: tr(lang, "Scenario projection against the mid-term targets").to_owned(),
        description: format!("{}.", description.join("; ")),
        legend,
        plot: Plot::Panels(panels),
        table: DataTable { columns, rows, note: tr(lang, "FY2004–FY2007: the notice (actual). FY2008–FY2012: the scenario's projection. Monte Carlo bands are sampled in floating point, rounded to JPY 0.1 billion.").to_owned() },
    })
}

/// A sampled (float) yen amount as JPY billions text, via an exact decimal of its millions.
fn float_amt(lang: Lang, x: f64) -> String {
    let millions = (x / 1_000_000.0).round() as i64;
    amt(lang, Decimal::new(millions, 3).checked_mul(BILLION).unwrap_or_default(), 1)
}

// ---------------------------------------------------------------- sensitivity heatmap

/// The sensitivity grid as a heatmap; cells at or above `threshold` (yen) are marked and
/// outlined.
pub fn heatmap(lang: Lang, grid: &Grid, titles: (&str, &str), threshold: Decimal, year: u16) -> Result<Chart, ChartError> {
    let titles = (tr(lang, titles.0), tr(lang, titles.1));
    let axis = |v: &Vec<Decimal>| v.iter().map(|x| pct_text(*x)).collect::<Vec<_>>();
    let (rows, cols) = (axis(&grid.rows), axis(&grid.cols));
    let cells: Vec<Vec<i64>> = grid.cells.iter().map(|r| r.iter().map(|v| mn(*v)).collect()).collect();
    let labels: Vec<Vec<String>> = grid.cells.iter().map(|r| r.iter().map(|v| amt(lang, *v, 1)).collect()).collect();
    let met = grid.cells.iter().flatten().filter(|v| **v >= threshold).count();
    let total = grid.cells.iter().map(Vec::len).sum::<usize>();
    let table_rows = rows.iter().cloned().zip(labels.iter().cloned()).collect();
    Ok(Chart {
        key: "heatmap",
        lang,
        title: trf(lang, "{0} operating income (JPY billions) by {1} and {2}", &[&fy(lang, year), titles.0, titles.1]),
        description: trf(lang, "{0} of {1} combinations reach JPY {2} billion of operating income in {3}; rows: {4}, columns: {5}.", &[&met.to_string(), &total.to_string(), &amt(lang, threshold, 0), &fy(lang, year), titles.0, titles.1]),
        legend: vec![(Ink::H0, Swatch::Fill, tr(lang, "lower").to_owned()), (Ink::H4, Swatch::Fill, tr(lang, "higher").to_owned()), (Ink::Target, Swatch::Line, trf(lang, "✓ and outlined: ≥ JPY {0} billion", &[&amt(lang, threshold, 0)]))],
        plot: Plot::Heat(Heat { row_title: titles.0.to_owned(), col_title: titles.1.to_owned(), rows, cols: cols.clone(), cells, labels, threshold: mn(threshold) }),
        table: DataTable { columns: cols, rows: table_rows, note: trf(lang, "Operating income in {0}, JPY billions; rows: {1}, columns: {2}.", &[&fy(lang, year), titles.0, titles.1]) },
    })
}
