//! Statements as tables: which facts stand in which row and column of each statement, and
//! the table-building logic: derived rows (a subtotal the documents do not print), the
//! change and change % between two periods, and common-size values (% of revenue or of total
//! assets). Every derived cell keeps its formula and the facts it was computed from, so the
//! inspector can show the work. Plain Rust; tested on the host.

use rust_decimal::Decimal;

use super::dataset::Dataset;
use crate::i18n::n_;
use super::error::Error;
use super::fact::Dimension;
use super::formula::{self, Expr};
use super::interval::{Interval, IntervalError};

/// How a row reads: a heading, an item, a subtotal or a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Heading,
    Item,
    Subtotal,
    Total,
    /// A figure shown for reference, outside the statement's arithmetic.
    Memo,
}

/// One row of a statement definition. Each cell is a fact id, `=formula` for a derived
/// value, or `""` where the documents give nothing.
#[derive(Debug, Clone, Copy)]
pub struct RowSpec {
    pub key: &'static str,
    pub label: &'static str,
    pub depth: u8,
    pub kind: RowKind,
    pub cells: &'static [&'static str],
}

/// A statement: its columns and rows, which two columns to compare, and the row that
/// common-size values are a percentage of.
#[derive(Debug, Clone, Copy)]
pub struct StatementSpec {
    pub key: &'static str,
    pub title: &'static str,
    /// Where the figures come from, for the caption.
    pub source: &'static str,
    pub columns: &'static [&'static str],
    /// (current, prior): adds a change and a change % column.
    pub compare: Option<(usize, usize)>,
    /// The row whose value, per column, is 100% in the common-size view, and what it is called.
    pub common_size: Option<(&'static str, &'static str)>,
    pub rows: &'static [RowSpec],
}

/// Where a cell's value comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// A printed fact (index into `Dataset::facts`).
    Fact(usize),
    /// Computed from printed facts; `formula` is written over fact ids.
    Derived { formula: String, inputs: Vec<usize> },
}

/// One cell: its value in base units (yen, shares, percent …) with the half-width the
/// printed precision allows, what it measures, and where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub id: String,
    pub value: Decimal,
    pub half_width: Decimal,
    pub dimension: Dimension,
    pub source: Source,
}

/// A built row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub key: &'static str,
    pub label: &'static str,
    pub depth: u8,
    pub kind: RowKind,
    pub cells: Vec<Option<Cell>>,
}

/// A built table, ready to display.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub key: &'static str,
    pub title: &'static str,
    pub source: &'static str,
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
    /// True when values are percentages of the common-size base.
    pub common_size: bool,
}

impl Table {
    /// The cell with id `id`, with its row.
    pub fn cell(&self, id: &str) -> Option<(&Row, &Cell)> {
        self.rows.iter().find_map(|r| r.cells.iter().flatten().find(|c| c.id == id).map(|c| (r, c)))
    }
}

fn overflow(item: &str) -> impl Fn(IntervalError) -> Error + '_ {
    move |e| match e {
        IntervalError::Overflow => Error::Overflow { item: item.to_owned() },
        IntervalError::DivisionByZero | IntervalError::NotPositive => Error::DivisionByZero { item: item.to_owned() },
    }
}

/// A derived cell's value and half width. The value is the formula's on the printed figures
/// themselves (as the Ratios view and the workbook compute it); the interval their precision
/// allows gives only the tolerance, as the half width that covers it from the value: its
/// centre is not the value when a coarse figure divides (FY2007 operating income on the
/// JPY 10 billion target is 47.59%, the interval 45.33%-50.10% centred on 47.71%).
fn value_and_reach(ds: &Dataset, expr: &Expr<usize>) -> Result<(Decimal, Decimal), IntervalError> {
    let point = ds.point_value(expr)?;
    Ok((point, expr.eval(&|i: &usize| ds.facts.get(*i).ok_or(IntervalError::Overflow)?.interval())?.reach_from(point)?))
}

/// Builds the cell for one spec entry.
fn spec_cell(ds: &Dataset, spec: &str, id: String) -> Result<Option<Cell>, Error> {
    if spec.is_empty() {
        return Ok(None);
    }
    if let Some(text) = spec.strip_prefix('=') {
        let expr = formula::parse(text).map_err(|message| Error::Formula { item: id.clone(), message })?;
        let expr: Expr<usize> = expr.resolve(&mut |name: String| {
            ds.index_of(&name).ok_or_else(|| Error::MissingRef { item: id.clone(), kind: "fact", id: name })
        })?;
        let inputs: Vec<usize> = expr.facts().into_iter().copied().collect();
        // The dimension of a derived value is its first input's, unless it is a percentage.
        let dimension = if text.starts_with("pct(") || text.starts_with("growth(") {
            Dimension::Percent
        } else {
            inputs.first().and_then(|&i| ds.facts.get(i)).map_or(Dimension::Count, |f| f.unit.dimension())
        };
        let (value, half_width) = value_and_reach(ds, &expr).map_err(overflow(&id))?;
        return Ok(Some(Cell {
            value,
            half_width,
            dimension,
            source: Source::Derived { formula: text.to_owned(), inputs },
            id,
        }));
    }
    let index = ds.index_of(spec).ok_or_else(|| Error::MissingRef { item: id.clone(), kind: "fact", id: spec.to_owned() })?;
    let f = &ds.facts[index];
    let iv = f.interval().map_err(overflow(&id))?;
    Ok(Some(Cell {
        id: f.id.clone(),
        value: iv.center().map_err(overflow(&id))?,
        half_width: iv.radius().map_err(overflow(&id))?,
        dimension: f.unit.dimension(),
        source: Source::Fact(index),
    }))
}

/// The formula text that stands for a cell inside a larger formula.
fn term(c: &Cell) -> String {
    match &c.source {
        Source::Fact(_) => c.id.clone(),
        Source::Derived { formula, .. } => format!("({formula})"),
    }
}

fn inputs(c: &Cell) -> Vec<usize> {
    match &c.source {
        Source::Fact(i) => vec![*i],
        Source::Derived { inputs, .. } => inputs.clone(),
    }
}

fn interval(c: &Cell) -> Result<Interval, IntervalError> {
    Interval::around(c.value, c.half_width)
}

/// A cell computed from two others: `a - b`, `growth(a, b)` or `pct(a, b)`.
fn combine(id: String, a: &Cell, b: &Cell, op: &str) -> Result<Option<Cell>, Error> {
    let (ia, ib) = (interval(a).map_err(overflow(&id))?, interval(b).map_err(overflow(&id))?);
    let hundred = Interval::exact(Decimal::ONE_HUNDRED);
    let result = match op {
        "-" => ia.sub(&ib),
        "growth" => ia.div(&ib).and_then(|q| q.sub(&Interval::exact(Decimal::ONE))).and_then(|g| g.mul(&hundred)),
        _ => ia.div(&ib).and_then(|q| q.mul(&hundred)),
    };
    let iv = match result {
        Ok(iv) => iv,
        // A zero or unknown base leaves the cell empty rather than failing the table.
        Err(IntervalError::DivisionByZero) => return Ok(None),
        Err(e) => return Err(overflow(&id)(e)),
    };
    // The value is computed from the values themselves; the interval only gives the
    // tolerance (the midpoint of x / x over an interval is not exactly 1).
    let exact = match op {
        "-" => a.value.checked_sub(b.value),
        "growth" => a.value.checked_div(b.value).and_then(|q| q.checked_sub(Decimal::ONE)).and_then(|g| g.checked_mul(Decimal::ONE_HUNDRED)),
        _ => a.value.checked_div(b.value).and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED)),
    };
    let Some(value) = exact else { return Err(Error::Overflow { item: id }) };
    let formula = match op {
        "-" => format!("{} - {}", term(a), term(b)),
        f => format!("{f}({}, {})", term(a), term(b)),
    };
    let mut all = inputs(a);
    for i in inputs(b) {
        if !all.contains(&i) {
            all.push(i);
        }
    }
    Ok(Some(Cell {
        value,
        half_width: iv.radius().map_err(overflow(&id))?,
        dimension: if op == "-" { a.dimension } else { Dimension::Percent },
        source: Source::Derived { formula, inputs: all },
        id,
    }))
}

/// Builds `spec` from the dataset; with `common_size`, money cells become percentages of
/// the common-size row of the same column (other cells are dropped), and the change column
/// is in percentage points.
pub fn build(ds: &Dataset, spec: &StatementSpec, common_size: bool) -> Result<Table, Error> {
    let common_size = common_size && spec.common_size.is_some();
    let mut rows = Vec::with_capacity(spec.rows.len());
    for r in spec.rows {
        let mut cells = Vec::with_capacity(r.cells.len().saturating_add(2));
        for (col, entry) in r.cells.iter().enumerate() {
            cells.push(spec_cell(ds, entry, format!("{}.{}.c{col}", spec.key, r.key))?);
        }
        cells.resize(spec.columns.len(), None);
        rows.push(Row { key: r.key, label: r.label, depth: r.depth, kind: r.kind, cells });
    }
    if common_size {
        let base_key = spec.common_size.map(|(k, _)| k).unwrap_or_default();
        let base: Vec<Option<Cell>> = rows.iter().find(|r| r.key == base_key).map(|r| r.cells.clone()).unwrap_or_default();
        for row in &mut rows {
            for (col, cell) in row.cells.iter_mut().enumerate() {
                let shared = match (cell.as_ref(), base.get(col).and_then(Option::as_ref)) {
                    (Some(c), Some(b)) if c.dimension == Dimension::Yen => combine(format!("{}.{}.cs{col}", spec.key, row.key), c, b, "pct")?,
                    _ => None,
                };
                *cell = shared;
            }
        }
    }
    let mut columns: Vec<String> = spec.columns.iter().map(|c| (*c).to_owned()).collect();
    if let Some((cur, prior)) = spec.compare {
        columns.push(if common_size { "Change (points)".to_owned() } else { "Change".to_owned() });
        if !common_size {
            columns.push("Change %".to_owned());
        }
        for row in &mut rows {
            let pair = (row.cells.get(cur).cloned().flatten(), row.cells.get(prior).cloned().flatten());
            let (change, pct) = match pair {
                (Some(a), Some(b)) if a.dimension == b.dimension && a.dimension != Dimension::Percent || common_size => {
                    let change = combine(format!("{}.{}.chg", spec.key, row.key), &a, &b, "-")?;
                    let pct = if common_size || b.value.is_zero() { None } else { combine(format!("{}.{}.pct", spec.key, row.key), &a, &b, "growth")? };
                    (change, pct)
                }
                (Some(a), Some(b)) if a.dimension == Dimension::Percent && b.dimension == Dimension::Percent => {
                    (combine(format!("{}.{}.chg", spec.key, row.key), &a, &b, "-")?, None)
                }
                _ => (None, None),
            };
            row.cells.push(change);
            if !common_size {
                row.cells.push(pct);
            }
        }
    }
    Ok(Table { key: spec.key, title: spec.title, source: spec.source, columns, rows, common_size })
}

/// The statement whose key is `key` (the Overview's headline table included).
pub fn spec(key: &str) -> Option<&'static StatementSpec> {
    STATEMENTS.iter().chain(std::iter::once(&HEADLINES)).find(|s| s.key == key)
}

/// The Overview's headline figures, FY2007 against FY2006.
pub static HEADLINES: StatementSpec = StatementSpec {
    key: "headlines",
    title: "Headline figures, FY2007 against FY2006",
    source: "The notice (statements, trend table, notes)",
    columns: &["FY2007", "FY2006"],
    compare: Some((0, 1)),
    common_size: None,
    rows: &[
        row("revenue", "Total revenues", 0, I, &["cis.revenue", "trend.revenue.fy2006"]),
        row("operating_income", "Operating income", 0, I, &["cis.operating_income", "trend.operating_income.fy2006"]),
        row("operating_margin", "Operating margin (%)", 1, M, &["=pct(cis.operating_income, cis.revenue)", "=pct(trend.operating_income.fy2006, trend.revenue.fy2006)"]),
        row("net_income", "Net income", 0, I, &["cis.net_income", "trend.net_income.fy2006"]),
        row("eps", "Net income per share (JPY)", 0, I, &["cnotes.eps", "trend.eps.fy2006"]),
        row("dps", "Dividend per share, annual (JPY)", 0, I, &["div.fy2007_annual_per_share", "div.fy2006_yearend.per_share"]),
        row("total_assets", "Total assets (year end)", 0, I, &["cbs.total_assets", "trend.total_assets.fy2006"]),
        row("equity", "Total shareholders' equity (year end)", 0, I, &["cbs.total_equity", "trend.equity.fy2006"]),
        row("equity_ratio", "Equity ratio (%)", 1, M, &["=pct(cbs.total_equity, cbs.total_assets)", "=pct(trend.equity.fy2006, trend.total_assets.fy2006)"]),
        row("employees", "Employees (year end)", 0, I, &["emp.total", "=emp.total - emp.change"]),
    ],
};

const fn row(key: &'static str, label: &'static str, depth: u8, kind: RowKind, cells: &'static [&'static str]) -> RowSpec {
    RowSpec { key, label, depth, kind, cells }
}

use RowKind::{Heading as H, Item as I, Memo as M, Subtotal as S, Total as T};

/// Every statement the explorer shows, in the order of its tabs.
/// The short name of a statement (the Statements view's tab, the workbook's sheet), in
/// English; shown through the translation table.
pub fn tab_name(key: &str) -> &'static str {
    match key {
        "income" => n_("Income statement"),
        "balance" => n_("Balance sheet"),
        "equity" => n_("Shareholders' equity"),
        "cashflow" => n_("Cash flows"),
        "trend" => n_("FY2004–FY2007"),
        "segments" => n_("Segments"),
        "quarters" => n_("Quarters"),
        "nc-income" => n_("Parent: income"),
        "nc-balance" => n_("Parent: balance sheet"),
        "nc-equity" => n_("Parent: net assets"),
        "company" => n_("Company facts"),
        "plan" => n_("Forecast and target"),
        _ => n_("Statement"),
    }
}

pub static STATEMENTS: &[StatementSpec] = &[
    StatementSpec {
        key: "income",
        title: "Consolidated statement of income",
        source: "FY2007 from the notice (JPY thousands); FY2006 from the trend table and the presentation's results table",
        columns: &["FY2007", "FY2006"],
        compare: Some((0, 1)),
        common_size: Some(("revenue", "% of total revenues")),
        rows: &[
            row("h_rev", "Revenues", 0, H, &[]),
            row("rev_corp", "Connectivity services (corporate use)", 2, I, &["cis.revenue_connectivity_corporate"]),
            row("rev_home", "Connectivity services (home use)", 2, I, &["cis.revenue_connectivity_home"]),
            row("rev_vas", "Value-added services", 2, I, &["cis.revenue_vas"]),
            row("rev_other", "Other", 2, I, &["cis.revenue_cvas_other"]),
            row("rev_cvas", "Connectivity and value-added services", 1, S, &["cis.revenue_cvas"]),
            row("rev_si", "Systems integration", 1, I, &["cis.revenue_si"]),
            row("rev_eq", "Equipment sales", 1, I, &["cis.revenue_equipment"]),
            row("revenue", "Total revenues", 0, T, &["cis.revenue", "trend.revenue.fy2006"]),
            row("h_cost", "Cost and expenses", 0, H, &[]),
            row("cost_cvas", "Cost of connectivity and value-added services", 1, I, &["cis.cost_cvas"]),
            row("cost_si", "Cost of systems integration", 1, I, &["cis.cost_si"]),
            row("cost_eq", "Cost of equipment sales", 1, I, &["cis.cost_equipment"]),
            row("cost", "Total cost of revenues", 0, S, &["cis.cost_of_revenues", "results.cost_of_revenues_fy2006"]),
            row("gross_margin", "Gross margin", 0, S, &["=cis.revenue - cis.cost_of_revenues", "results.gross_margin_fy2006"]),
            row("sm", "Sales and marketing", 1, I, &["cis.sales_marketing"]),
            row("ga", "General and administrative", 1, I, &["cis.general_administrative"]),
            row("rd", "Research and development", 1, I, &["cis.research_development"]),
            row("opex", "Operating expenses (SG&A and R&D)", 0, S, &["=cis.sales_marketing + cis.general_administrative + cis.research_development", "results.sga_rd_fy2006"]),
            row("costs_expenses", "Total cost and expenses", 0, S, &["cis.costs_and_expenses"]),
            row("operating_income", "Operating income", 0, T, &["cis.operating_income", "trend.operating_income.fy2006"]),
            row("interest_income", "Interest income", 1, I, &["cis.interest_income"]),
            row("interest_expense", "Interest expense", 1, I, &["cis.interest_expense"]),
            row("fx", "Foreign exchange gains", 1, I, &["cis.fx_gains"]),
            row("inv_gains", "Gains on sales and exchange of other investments, net", 1, I, &["cis.investment_gains"]),
            row("inv_writedowns", "Losses on write-down of other investments", 1, I, &["cis.investment_writedowns"]),
            row("other_net", "Other, net", 1, I, &["cis.other_net"]),
            row("other_income", "Other income (expense), net", 0, S, &["cis.other_income_net"]),
            row("pretax", "Income before income tax, minority interests and equity-method result", 0, S, &["cis.pretax_income", "results.pretax_income_fy2006"]),
            row("tax", "Income tax expense (benefit)", 1, I, &["cis.income_tax"]),
            row("minority", "Minority interests in losses of subsidiaries", 1, I, &["cis.minority_interests"]),
            row("equity_method", "Equity in net loss of equity-method investees", 1, I, &["cis.equity_method_result"]),
            row("net_income", "Net income", 0, T, &["cis.net_income", "trend.net_income.fy2006"]),
            row("eps", "Net income per share (JPY)", 0, M, &["cnotes.eps", "trend.eps.fy2006"]),
        ],
    },
    StatementSpec {
        key: "balance",
        title: "Consolidated balance sheet",
        source: "March 31, 2008 from the notice (JPY thousands); March 31, 2007 from the presentation (JPY millions) and the equity statement",
        columns: &["March 31, 2008", "March 31, 2007"],
        compare: Some((0, 1)),
        common_size: Some(("total_assets", "% of total assets")),
        rows: &[
            row("h_ca", "Current assets", 0, H, &[]),
            row("cash", "Cash and cash equivalents", 1, I, &["cbs.cash", "fbs.cash_2007"]),
            row("sti", "Short-term investments", 1, I, &["cbs.short_term_investments"]),
            row("ar", "Accounts receivable, net", 1, I, &["cbs.accounts_receivable", "fbs.accounts_receivable_2007"]),
            row("inventories", "Inventories", 1, I, &["cbs.inventories", "fbs.inventories_2007"]),
            row("prepaid", "Prepaid expenses", 1, I, &["cbs.prepaid_expenses", "fbs.prepaid_expenses_2007"]),
            row("dta_c", "Deferred tax assets", 1, I, &["cbs.deferred_tax_current"]),
            row("other_ca", "Other current assets, net", 1, I, &["cbs.other_current_assets"]),
            row("current_assets", "Total current assets", 0, S, &["cbs.total_current_assets"]),
            row("equity_inv", "Investments in and advances to equity-method investees", 0, I, &["cbs.equity_method_investments"]),
            row("other_inv", "Other investments", 0, I, &["cbs.other_investments"]),
            row("afs", "of which available-for-sale securities (presentation)", 1, M, &["fbs.afs_securities", "fbs.afs_securities_2007"]),
            row("ppe", "Property and equipment, net", 0, I, &["cbs.property_equipment", "fbs.property_equipment_2007"]),
            row("intangibles", "Intangible assets, net", 0, I, &["cbs.intangible_assets", "fbs.intangible_assets_2007"]),
            row("deposits", "Guarantee deposits", 0, I, &["cbs.guarantee_deposits"]),
            row("dta_nc", "Deferred tax assets", 0, I, &["cbs.deferred_tax_noncurrent"]),
            row("other_assets", "Other assets, net", 0, I, &["cbs.other_assets"]),
            row("total_assets", "Total assets", 0, T, &["cbs.total_assets", "trend.total_assets.fy2006"]),
            row("h_cl", "Current liabilities", 0, H, &[]),
            row("stb", "Short-term borrowings", 1, I, &["cbs.short_term_borrowings", "fbs.short_term_borrowings_2007"]),
            row("lease_c", "Capital lease obligations, current portion", 1, I, &["cbs.capital_lease_current"]),
            row("ap", "Accounts payable", 1, I, &["cbs.accounts_payable"]),
            row("accrued", "Accrued expenses", 1, I, &["cbs.accrued_expenses"]),
            row("pension_c", "Accrued retirement and pension costs", 1, I, &["cbs.accrued_pension_current"]),
            row("other_cl", "Other current liabilities", 1, I, &["cbs.other_current_liabilities"]),
            row("current_liabilities", "Total current liabilities", 0, S, &["cbs.total_current_liabilities"]),
            row("lease_nc", "Capital lease obligations, noncurrent", 0, I, &["cbs.capital_lease_noncurrent"]),
            row("pension_nc", "Accrued retirement and pension costs", 0, I, &["cbs.accrued_pension_noncurrent"]),
            row("other_ncl", "Other noncurrent liabilities", 0, I, &["cbs.other_noncurrent_liabilities"]),
            row("total_liabilities", "Total liabilities", 0, S, &["cbs.total_liabilities"]),
            row("minority", "Minority interest", 0, I, &["cbs.minority_interest"]),
            row("h_eq", "Shareholders' equity", 0, H, &[]),
            row("common_stock", "Common stock", 1, I, &["cbs.common_stock", "ceq.common_stock_opening"]),
            row("apic", "Additional paid-in capital", 1, I, &["cbs.additional_paid_in_capital", "ceq.apic_opening"]),
            row("deficit", "Accumulated deficit", 1, I, &["cbs.accumulated_deficit", "ceq.deficit_opening"]),
            row("aoci", "Accumulated other comprehensive income", 1, I, &["cbs.aoci", "ceq.aoci_opening"]),
            row("equity", "Total shareholders' equity", 0, S, &["cbs.total_equity", "ceq.total_opening"]),
            row("total_le", "Total liabilities, minority interest and shareholders' equity", 0, T, &["cbs.total_liabilities_and_equity"]),
        ],
    },
    StatementSpec {
        key: "equity",
        title: "Consolidated statement of shareholders' equity, April 1, 2007 to March 31, 2008",
        source: "The notice (JPY thousands; shares)",
        columns: &["Shares outstanding", "Common stock", "Additional paid-in capital", "Accumulated deficit", "Accumulated other comprehensive income", "Total"],
        compare: None,
        common_size: None,
        rows: &[
            row("opening", "Balance, April 1, 2007", 0, S, &["ceq.shares_opening", "ceq.common_stock_opening", "ceq.apic_opening", "ceq.deficit_opening", "ceq.aoci_opening", "ceq.total_opening"]),
            row("net_income", "Net income", 1, I, &["", "", "", "ceq.deficit_net_income", "", "ceq.total_net_income"]),
            row("oci", "Other comprehensive loss, net of tax", 1, I, &["", "", "", "", "ceq.aoci_oci", "ceq.total_oci"]),
            row("comprehensive", "Total comprehensive income", 1, S, &["", "", "", "", "", "ceq.total_comprehensive_income"]),
            row("dividends", "Payment of dividends", 1, I, &["", "", "", "ceq.deficit_dividends", "", "ceq.total_dividends"]),
            row("exchange", "Issuance of common stock in share exchanges, net of issuance cost", 1, I, &["ceq.shares_issued_exchange", "", "ceq.apic_issued_exchange", "", "", "ceq.total_issued_exchange"]),
            row("closing", "Balance, March 31, 2008", 0, T, &["ceq.shares_closing", "ceq.common_stock_closing", "ceq.apic_closing", "ceq.deficit_closing", "ceq.aoci_closing", "ceq.total_closing"]),
        ],
    },
    StatementSpec {
        key: "cashflow",
        title: "Consolidated cash flows, summary",
        source: "The presentation (JPY millions); capital expenditures from the notice's business report",
        columns: &["FY2007"],
        compare: None,
        common_size: None,
        rows: &[
            row("operating", "Net cash provided by operating activities", 0, I, &["cf.operating"]),
            row("investing", "Net cash used in investing activities", 0, I, &["cf.investing"]),
            row("financing", "Net cash used in financing activities", 0, I, &["cf.financing"]),
            row("sum", "Sum of the three", 0, S, &["=cf.operating + cf.investing + cf.financing"]),
            row("cash_change", "Change in cash and cash equivalents (balance sheets)", 0, T, &["=cbs.cash - fbs.cash_2007"]),
            row("free", "Operating less investing cash flow", 0, M, &["=cf.operating + cf.investing"]),
            row("capex", "Capital expenditures, including capital leases", 0, M, &["br.capex"]),
        ],
    },
    StatementSpec {
        key: "trend",
        title: "Trend of assets and income, FY2004 to FY2007",
        source: "The notice's business report (JPY thousands except per-share data)",
        columns: &["FY2004", "FY2005", "FY2006", "FY2007"],
        compare: Some((3, 2)),
        common_size: None,
        rows: &[
            row("revenue", "Revenues", 0, I, &["trend.revenue.fy2004", "trend.revenue.fy2005", "trend.revenue.fy2006", "trend.revenue.fy2007"]),
            row("operating_income", "Operating income", 0, I, &["trend.operating_income.fy2004", "trend.operating_income.fy2005", "trend.operating_income.fy2006", "trend.operating_income.fy2007"]),
            row("operating_margin", "Operating margin (%)", 1, M, &["=pct(trend.operating_income.fy2004, trend.revenue.fy2004)", "=pct(trend.operating_income.fy2005, trend.revenue.fy2005)", "=pct(trend.operating_income.fy2006, trend.revenue.fy2006)", "=pct(trend.operating_income.fy2007, trend.revenue.fy2007)"]),
            row("net_income", "Net income", 0, I, &["trend.net_income.fy2004", "trend.net_income.fy2005", "trend.net_income.fy2006", "trend.net_income.fy2007"]),
            row("eps", "Net income per share (JPY)", 0, I, &["trend.eps.fy2004", "trend.eps.fy2005", "trend.eps.fy2006", "trend.eps.fy2007"]),
            row("eps_adj", "Net income per share, split-adjusted (JPY)", 1, M, &["trend.eps_split_adjusted.fy2004", "trend.eps.fy2005", "trend.eps.fy2006", "trend.eps.fy2007"]),
            row("total_assets", "Total assets (year end)", 0, I, &["trend.total_assets.fy2004", "trend.total_assets.fy2005", "trend.total_assets.fy2006", "trend.total_assets.fy2007"]),
            row("equity", "Total shareholders' equity (year end)", 0, I, &["trend.equity.fy2004", "trend.equity.fy2005", "trend.equity.fy2006", "trend.equity.fy2007"]),
            row("bvps", "Shareholders' equity per share (JPY)", 0, I, &["trend.bvps.fy2004", "trend.bvps.fy2005", "trend.bvps.fy2006", "trend.bvps.fy2007"]),
            row("bvps_adj", "Shareholders' equity per share, split-adjusted (JPY)", 1, M, &["trend.bvps_split_adjusted.fy2004", "trend.bvps.fy2005", "trend.bvps_on_outstanding.fy2006", "trend.bvps.fy2007"]),
        ],
    },
    StatementSpec {
        key: "segments",
        title: "Segments and service lines, FY2007 and FY2006",
        source: "FY2007 from the notice's income statement (JPY thousands) and the presentation's service figures (JPY millions); FY2006 and growth rates as printed",
        columns: &["FY2007", "FY2006", "Growth on FY2006 (printed)"],
        compare: None,
        common_size: None,
        rows: &[
            row("h_cvas", "Connectivity and value-added services", 0, H, &[]),
            row("cvas_rev", "Revenues", 1, I, &["cis.revenue_cvas", "", "br.cvas_revenue_growth"]),
            row("cvas_cost", "Cost of revenues", 1, I, &["cis.cost_cvas", "", "br.cvas_cost_growth"]),
            row("cvas_gm", "Gross margin", 1, S, &["=cis.revenue_cvas - cis.cost_cvas", "fr.cvas_gross_margin_fy2006", "br.cvas_gross_margin_growth"]),
            row("cvas_gm_ratio", "Gross margin ratio (%)", 1, M, &["=pct(cis.revenue_cvas - cis.cost_cvas, cis.revenue_cvas)", "fr.cvas_gross_margin_ratio_fy2006"]),
            row("h_si", "Systems integration", 0, H, &[]),
            row("si_rev", "Revenues", 1, I, &["cis.revenue_si", "", "br.si_revenue_growth"]),
            row("si_cost", "Cost of revenues", 1, I, &["cis.cost_si", "", "br.si_cost_growth"]),
            row("si_gm", "Gross margin", 1, S, &["=cis.revenue_si - cis.cost_si", "fr.si_gross_margin_fy2006", "br.si_gross_margin_growth"]),
            row("si_gm_ratio", "Gross margin ratio (%)", 1, M, &["=pct(cis.revenue_si - cis.cost_si, cis.revenue_si)", "fr.si_gross_margin_ratio_fy2006"]),
            row("h_eq", "Equipment sales", 0, H, &[]),
            row("eq_rev", "Revenues", 1, I, &["cis.revenue_equipment", "", "br.equipment_revenue_growth"]),
            row("eq_cost", "Cost of revenues", 1, I, &["cis.cost_equipment", "", "br.equipment_cost_growth"]),
            row("eq_gm", "Gross margin", 1, S, &["=cis.revenue_equipment - cis.cost_equipment"]),
            row("eq_gm_ratio", "Gross margin ratio (%)", 1, M, &["=pct(cis.revenue_equipment - cis.cost_equipment, cis.revenue_equipment)"]),
            row("h_lines", "Revenue by service line", 0, H, &[]),
            row("corp", "Connectivity services for corporate users", 1, I, &["cis.revenue_connectivity_corporate", "", "svc.corporate_connectivity_growth"]),
            row("ip", "IP service", 2, I, &["svc.ip_service", "", "svc.ip_service_growth"]),
            row("broadband", "Broadband services", 2, I, &["svc.broadband", "", "svc.broadband_growth"]),
            row("corp_other", "Others", 2, I, &["svc.other_connectivity", "", "svc.other_connectivity_growth"]),
            row("home", "Connectivity services for home users", 1, I, &["cis.revenue_connectivity_home", "", "svc.home_connectivity_growth"]),
            row("vas", "Value-added services", 1, I, &["cis.revenue_vas", "", "svc.vas_growth"]),
            row("cvas_other", "Other connectivity and VAS revenues", 1, I, &["cis.revenue_cvas_other"]),
            row("construction", "Systems construction", 1, I, &["svc.systems_construction", "", "svc.systems_construction_growth"]),
            row("som", "Systems operation and maintenance", 1, I, &["svc.som", "", "svc.som_growth"]),
            row("h_split", "Recurring and one-time revenues", 0, H, &[]),
            row("recurring", "Recurring (connectivity, VAS, systems operation and maintenance)", 1, I, &["fr.recurring_revenue", "", "fr.recurring_revenue_growth"]),
            row("one_time", "One-time (systems construction and equipment sales)", 1, I, &["=svc.systems_construction + cis.revenue_equipment"]),
            row("recurring_share", "Recurring share of revenues (%)", 1, M, &["=pct(fr.recurring_revenue, cis.revenue)"]),
            row("h_kpi", "Contracts and order backlog at March 31, 2008", 0, H, &[]),
            row("ip_contracts", "IP service contracts", 1, I, &["svc.ip_service_contracts"]),
            row("gbps", "Contracts over 1 Gbps", 1, I, &["svc.contracts_over_1gbps"]),
            row("bb_contracts", "Broadband service contracts", 1, I, &["svc.broadband_contracts"]),
            row("hiho_contracts", "hi-ho contracts", 1, I, &["svc.hiho_contracts"]),
            row("antispam", "Anti-spam service contracts (about)", 1, I, &["svc.antispam_contracts", "svc.antispam_contracts_fy2006"]),
            row("backlog_construction", "Order backlog, systems construction", 1, I, &["svc.construction_backlog"]),
            row("backlog_som", "Order backlog, systems operation and maintenance", 1, I, &["svc.som_backlog"]),
        ],
    },
    StatementSpec {
        key: "quarters",
        title: "Quarterly items, FY2007",
        source: "The presentation (JPY millions)",
        columns: &["1Q07", "2Q07", "3Q07", "4Q07", "FY2007"],
        compare: None,
        common_size: None,
        rows: &[
            row("tax", "Income tax expense (benefit)", 0, I, &["q.income_tax.1q07", "q.income_tax.2q07", "q.income_tax.3q07", "q.income_tax.4q07", "q.income_tax.fy2007"]),
            row("minority", "Minority interests", 0, I, &["q.minority_interests.1q07", "q.minority_interests.2q07", "q.minority_interests.3q07", "q.minority_interests.4q07", "q.minority_interests.fy2007"]),
            row("equity_method", "Equity in net loss of equity-method investees", 0, I, &["q.equity_method_result.1q07", "q.equity_method_result.2q07", "q.equity_method_result.3q07", "q.equity_method_result.4q07", "q.equity_method_result.fy2007"]),
            row("net_income", "Net income", 0, I, &["", "", "", "q.net_income_4q", "cis.net_income"]),
            row("operating_margin", "Operating margin (%)", 0, M, &["", "", "", "q.operating_margin_4q", "br.operating_margin"]),
            row("sga_ratio", "SG&A and R&D to revenues (%)", 0, M, &["", "", "", "fsga.sga_to_revenue_4q", "fsga.sga_to_revenue"]),
            row("sm_ratio", "Sales and marketing to revenues (%)", 1, M, &["", "", "", "fsga.sm_to_revenue_4q", "fsga.sm_to_revenue"]),
            row("ga_ratio", "General and administrative to revenues (%)", 1, M, &["", "", "", "fsga.ga_to_revenue_4q", "fsga.ga_to_revenue"]),
        ],
    },
    StatementSpec {
        key: "nc-income",
        title: "Non-consolidated statement of income (IIJ alone, Japanese GAAP)",
        source: "The notice (JPY thousands)",
        columns: &["FY2007"],
        compare: None,
        common_size: Some(("revenue", "% of total revenues")),
        rows: &[
            row("revenue", "Total revenues", 0, T, &["nis.revenue"]),
            row("cost", "Cost of revenues", 1, I, &["nis.cost_of_revenues"]),
            row("gross_profit", "Gross profit", 0, S, &["nis.gross_profit"]),
            row("sga", "Selling, general and administrative expenses", 1, I, &["nis.sga"]),
            row("operating_income", "Operating income", 0, S, &["nis.operating_income"]),
            row("noi", "Non-operating income", 1, I, &["nis.non_operating_income"]),
            row("noe", "Non-operating expenses", 1, I, &["nis.non_operating_expenses"]),
            row("ordinary", "Ordinary income", 0, S, &["nis.ordinary_income"]),
            row("extra_income", "Extraordinary income", 1, I, &["nis.extraordinary_income"]),
            row("extra_loss", "Extraordinary loss", 1, I, &["nis.extraordinary_loss"]),
            row("affiliate_loss", "of which loss on valuation of shares of affiliated companies", 2, M, &["nis.affiliate_valuation_loss"]),
            row("pretax", "Income before income taxes", 0, S, &["nis.pretax_income"]),
            row("tax_current", "Income taxes, current", 1, I, &["nis.income_tax_current"]),
            row("tax_deferred", "Income taxes, deferred", 1, I, &["nis.income_tax_deferred"]),
            row("net_income", "Net income", 0, T, &["nis.net_income"]),
            row("eps", "Net income per share (JPY)", 0, M, &["nnotes.eps"]),
        ],
    },
    StatementSpec {
        key: "nc-balance",
        title: "Non-consolidated balance sheet at March 31, 2008 (IIJ alone, Japanese GAAP)",
        source: "The notice (JPY thousands)",
        columns: &["March 31, 2008"],
        compare: None,
        common_size: Some(("total_assets", "% of total assets")),
        rows: &[
            row("current_assets", "Current assets", 0, S, &["nbs.current_assets"]),
            row("cash", "Cash and bank deposits", 1, I, &["nbs.cash"]),
            row("ar", "Accounts receivable", 1, I, &["nbs.accounts_receivable"]),
            row("dta_c", "Deferred tax assets", 1, I, &["nbs.deferred_tax_current"]),
            row("other_ca", "Other current assets, net of allowance", 1, I, &["=nbs.products + nbs.work_in_process + nbs.store + nbs.prepaid_expenses + nbs.accounts_receivable_other + nbs.short_term_loans + nbs.other_current_assets + nbs.allowance_current"]),
            row("noncurrent", "Non-current assets", 0, S, &["nbs.noncurrent_assets"]),
            row("tangible", "Tangible non-current assets", 1, I, &["nbs.tangible_assets"]),
            row("intangible", "Intangible non-current assets", 1, I, &["nbs.intangible_assets"]),
            row("investments", "Investments and other assets", 1, I, &["nbs.investments"]),
            row("affiliates", "of which shares of affiliated companies", 2, M, &["nbs.affiliate_shares"]),
            row("total_assets", "Total assets", 0, T, &["nbs.total_assets"]),
            row("current_liabilities", "Current liabilities", 0, S, &["nbs.current_liabilities"]),
            row("stb", "of which short-term borrowings", 1, M, &["nbs.short_term_borrowings"]),
            row("long_term", "Long-term liabilities", 0, S, &["nbs.long_term_liabilities"]),
            row("total_liabilities", "Total liabilities", 0, S, &["nbs.total_liabilities"]),
            row("common_stock", "Common stock", 1, I, &["nbs.common_stock"]),
            row("capital_surplus", "Capital surplus", 1, I, &["nbs.capital_surplus"]),
            row("retained", "Retained earnings", 1, I, &["nbs.retained_earnings"]),
            row("equity", "Shareholders' equity", 0, S, &["nbs.shareholders_equity"]),
            row("valuation", "Valuation and translation adjustments", 0, I, &["nbs.valuation_adjustments"]),
            row("net_assets", "Total net assets", 0, S, &["nbs.total_net_assets"]),
            row("total_lna", "Total liabilities and net assets", 0, T, &["nbs.total_liabilities_and_net_assets"]),
        ],
    },
    StatementSpec {
        key: "nc-equity",
        title: "Non-consolidated statement of changes in net assets, FY2007",
        source: "The notice (JPY thousands)",
        columns: &["Common stock", "Additional paid-in capital", "Legal reserve", "Earned surplus brought forward", "Shareholders' equity", "Unrealized gains on securities", "Total net assets"],
        compare: None,
        common_size: None,
        rows: &[
            row("opening", "Balance, April 1, 2007", 0, S, &["neq.common_stock_opening", "", "", "neq.brought_forward_opening", "neq.equity_opening", "neq.unrealized_opening", "neq.net_assets_opening"]),
            row("issued", "Issuance of common stock", 1, I, &["", "neq.apic_issued", "", "", "neq.equity_issued", "", "neq.net_assets_issued"]),
            row("dividends", "Payment of dividends", 1, I, &["", "", "", "neq.brought_forward_dividends", "neq.equity_dividends", "", "neq.net_assets_dividends"]),
            row("legal_reserve", "Funding of legal reserve", 1, I, &["", "", "neq.legal_reserve_funded", "neq.brought_forward_legal_reserve"]),
            row("net_income", "Net income", 1, I, &["", "", "", "neq.brought_forward_net_income", "neq.equity_net_income", "", "neq.net_assets_net_income"]),
            row("other", "Net changes other than shareholders' equity", 1, I, &["", "", "", "", "", "neq.unrealized_change", "neq.net_assets_other_change"]),
            row("changes", "Total changes during the period", 0, S, &["", "neq.apic_changes", "neq.legal_reserve_changes", "neq.brought_forward_changes", "neq.equity_changes", "neq.unrealized_changes", "neq.net_assets_changes"]),
            row("closing", "Balance, March 31, 2008", 0, T, &["neq.common_stock_closing", "neq.apic_closing", "neq.legal_reserve_closing", "neq.brought_forward_closing", "neq.equity_closing", "neq.unrealized_closing", "neq.net_assets_closing"]),
        ],
    },
    StatementSpec {
        key: "company",
        title: "Company facts at March 31, 2008",
        source: "The notice's business report and notes; percentages of shares outstanding computed from 206,478 shares",
        columns: &["Value", "Share or ownership"],
        compare: None,
        common_size: None,
        rows: &[
            row("h_shares", "Shares", 0, H, &[]),
            row("authorized", "Shares authorized", 1, I, &["shares.authorized"]),
            row("issued", "Shares issued and outstanding", 1, I, &["shares.issued"]),
            row("sar", "Shares to be issued on exercise of stock acquisition rights", 1, I, &["cnotes.sar_shares", "=pct(cnotes.sar_shares, shares.issued)"]),
            row("shareholders", "Number of shareholders", 1, I, &["shares.shareholders"]),
            row("h_holders", "Major shareholders (shares held, % of shares outstanding)", 0, H, &[]),
            row("ntt", "Nippon Telegraph and Telephone Corporation", 1, I, &["holder.ntt", "=pct(holder.ntt, shares.issued)"]),
            row("hero", "Hero and Company (ADR depositary nominee)", 1, I, &["holder.hero", "=pct(holder.hero, shares.issued)"]),
            row("suzuki", "Koichi Suzuki", 1, I, &["holder.suzuki", "=pct(holder.suzuki, shares.issued)"]),
            row("itochu", "Itochu Corporation", 1, I, &["holder.itochu", "=pct(holder.itochu, shares.issued)"]),
            row("nttcom", "NTT Communications Corporation", 1, I, &["holder.nttcom", "=pct(holder.nttcom, shares.issued)"]),
            row("jtsb", "Japan Trustee Services Bank, Ltd (trust account)", 1, I, &["holder.jtsb", "=pct(holder.jtsb, shares.issued)"]),
            row("mtbj", "The Master Trust Bank of Japan, Ltd (trust account)", 1, I, &["holder.mtbj", "=pct(holder.mtbj, shares.issued)"]),
            row("daiichi", "The Dai-ichi Mutual Life Insurance Company", 1, I, &["holder.daiichi", "=pct(holder.daiichi, shares.issued)"]),
            row("mizuho_h", "Mizuho Corporate Bank, Ltd.", 1, I, &["holder.mizuho", "=pct(holder.mizuho, shares.issued)"]),
            row("btmu_h", "The Bank of Tokyo-Mitsubishi UFJ, Ltd.", 1, I, &["holder.btmu", "=pct(holder.btmu, shares.issued)"]),
            row("h_borrow", "Major borrowings", 0, H, &[]),
            row("btmu", "The Bank of Tokyo-Mitsubishi UFJ, Ltd.", 1, I, &["borrow.btmu"]),
            row("mizuho", "Mizuho Corporate Bank, Ltd.", 1, I, &["borrow.mizuho"]),
            row("smbc", "Sumitomo Mitsui Banking Corporation", 1, I, &["borrow.smbc"]),
            row("mutb", "Mitsubishi UFJ Trust and Banking Corporation", 1, I, &["borrow.mutb"]),
            row("borrow_total", "Total of the four banks", 1, S, &["=borrow.btmu + borrow.mizuho + borrow.smbc + borrow.mutb"]),
            row("h_subs", "Subsidiaries and affiliates (common stock, ownership)", 0, H, &[]),
            row("iij_tech", "IIJ Technology Inc.", 1, I, &["sub.iij_tech.capital", "sub.iij_tech.ownership"]),
            row("iij_fs", "IIJ Financial Systems Inc.", 1, I, &["sub.iij_fs.capital", "sub.iij_fs.ownership"]),
            row("trust_networks", "Trust Networks Inc.", 1, I, &["sub.trust_networks.capital", "sub.trust_networks.ownership"]),
            row("net_care", "Net Care, Inc.", 1, I, &["sub.net_care.capital", "sub.net_care.ownership"]),
            row("net_chart", "Net Chart Japan, Inc.", 1, I, &["sub.net_chart.capital", "sub.net_chart.ownership"]),
            row("hiho", "hi-ho Inc.", 1, I, &["sub.hiho.capital", "sub.hiho.ownership"]),
            row("gdx", "GDX Japan Inc.", 1, I, &["sub.gdx.capital", "sub.gdx.ownership"]),
            row("iij_america", "IIJ America Inc. (USD)", 1, I, &["sub.iij_america.capital", "sub.iij_america.ownership"]),
            row("mfeed", "Internet MFEED Co. (equity method)", 1, I, &["", "affiliate.mfeed.ownership"]),
            row("irevo", "Internet Revolution, Inc. (equity method)", 1, I, &["", "affiliate.internet_revolution.ownership"]),
            row("taihei", "Taihei Computer Co., Ltd. (equity method)", 1, I, &["br.taihei_investment", "br.taihei_ownership"]),
            row("h_people", "People", 0, H, &[]),
            row("employees", "Employees (consolidated)", 1, I, &["emp.total"]),
            row("employees_change", "Change in FY2007", 1, I, &["emp.change"]),
            row("h_div", "Dividends", 0, H, &[]),
            row("dps_interim", "Interim dividend per share, FY2007 (JPY)", 1, I, &["div.fy2007_interim.per_share"]),
            row("dps_yearend", "Year-end dividend per share, FY2007 (JPY)", 1, I, &["div.fy2007_yearend.per_share"]),
            row("dps_annual", "Annual dividend per share, FY2007 (JPY)", 1, S, &["div.fy2007_annual_per_share"]),
            row("div_paid", "Dividends paid in FY2007", 1, I, &["=div.fy2006_yearend.total + div.fy2007_interim.total"]),
            row("div_declared", "Year-end dividend declared for FY2007", 1, I, &["div.fy2007_yearend.total"]),
            row("payout", "Dividends for FY2007 to net income (%)", 1, M, &["=pct(div.fy2007_interim.total + div.fy2007_yearend.total, cis.net_income)"]),
        ],
    },
    PLAN,
];

/// The FY2008 forecast and the mid-term target: a tab of the Statements view and a table of
/// the Overview, which names it alone (not through `STATEMENTS`), so the split release build's
/// main module does not carry every statement's definition.
pub const PLAN: StatementSpec = StatementSpec {
    key: "plan",
    title: "FY2008 forecast and the mid-term target",
    source: "The presentation (JPY billions, per-share in JPY); FY2007 actual from the notice; the target's wording from both documents",
    columns: &["FY2007 actual", "FY2008 forecast", "Change (printed)", "Growth (printed)", "Mid-term target (around FY2010)", "FY2007 as % of target"],
    compare: None,
    common_size: None,
    rows: &[
        row("revenue", "Total revenues (target: over JPY 100 billion)", 0, I, &["cis.revenue", "forecast.revenue", "forecast.revenue_change", "forecast.revenue_growth", "target.revenue", "=pct(cis.revenue, target.revenue)"]),
        row("operating_income", "Operating income (target: JPY 10 billion)", 0, I, &["cis.operating_income", "forecast.operating_income", "forecast.operating_income_change", "forecast.operating_income_growth", "target.operating_income", "=pct(cis.operating_income, target.operating_income)"]),
        row("operating_margin", "Operating margin (%)", 1, M, &["=pct(cis.operating_income, cis.revenue)", "=pct(forecast.operating_income, forecast.revenue)", "", "", "=pct(target.operating_income, target.revenue)"]),
        row("pretax", "Income before income tax", 0, I, &["cis.pretax_income", "forecast.pretax_income", "forecast.pretax_income_change", "forecast.pretax_income_growth"]),
        row("net_income", "Net income", 0, I, &["cis.net_income", "forecast.net_income", "forecast.net_income_change", "forecast.net_income_growth"]),
        row("eps", "Net income per share (JPY)", 0, I, &["cnotes.eps", "forecast.eps", "forecast.eps_change", "forecast.eps_growth"]),
        row("dps", "Cash dividend per share, annual (JPY)", 0, I, &["div.fy2007_annual_per_share", "forecast.dps", "forecast.dps_change", "forecast.dps_growth"]),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn table(key: &str, common_size: bool) -> Table {
        let ds = Dataset::bundled().unwrap();
        build(&ds, spec(key).unwrap(), common_size).unwrap()
    }

    fn value(t: &Table, row: &str, col: usize) -> Option<Decimal> {
        t.rows.iter().find(|r| r.key == row).and_then(|r| r.cells.get(col).cloned().flatten()).map(|c| c.value)
    }

    #[test]
    fn it_can_build_every_statement() {
        let ds = Dataset::bundled().unwrap();
        for s in STATEMENTS {
            for cs in [false, true] {
                let t = build(&ds, s, cs).unwrap_or_else(|e| panic!("{}: {e}", s.key));
                assert_eq!(t.rows.len(), s.rows.len());
                for r in &t.rows {
                    assert_eq!(r.cells.len(), t.columns.len(), "{}.{}", s.key, r.key);
                }
            }
        }
    }

    #[test]
    fn it_can_keep_the_row_order_of_the_statement() {
        let t = table("income", false);
        let keys: Vec<&str> = t.rows.iter().map(|r| r.key).collect();
        let pos = |k: &str| keys.iter().position(|x| *x == k).unwrap();
        assert!(pos("revenue") < pos("cost") && pos("cost") < pos("gross_margin"));
        assert!(pos("gross_margin") < pos("operating_income") && pos("operating_income") < pos("pretax"));
        assert!(pos("pretax") < pos("net_income"));
        assert_eq!(t.columns, ["FY2007", "FY2006", "Change", "Change %"]);
    }

    #[test]
    fn it_can_derive_subtotals_the_documents_do_not_print() {
        let t = table("income", false);
        // 66,835,299 - 52,882,621 = 13,952,678 thousand, computed by hand.
        assert_eq!(value(&t, "gross_margin", 0), Some(d("13952678000")));
        // 4,328,598 + 4,624,293 + 240,423 = 9,193,314 thousand.
        assert_eq!(value(&t, "opex", 0), Some(d("9193314000")));
        let (_, cell) = t.cell("income.gross_margin.c0").unwrap();
        match &cell.source {
            Source::Derived { formula, inputs } => {
                assert_eq!(formula, "cis.revenue - cis.cost_of_revenues");
                assert_eq!(inputs.len(), 2);
            }
            other => panic!("expected a derived cell, got {other:?}"),
        }
    }

    #[test]
    fn it_can_compute_comparatives() {
        let t = table("income", false);
        // Revenues: 66,835,299 - 57,054,581 = 9,780,718 thousand; 9,780,718 / 57,054,581 = 17.1429%.
        assert_eq!(value(&t, "revenue", 2), Some(d("9780718000")));
        let pct = value(&t, "revenue", 3).unwrap();
        assert_eq!(pct.round_dp(2), d("17.14"));
        // Net income fell: 5,176,589 - 5,409,713 = -233,124 thousand, -4.31%.
        assert_eq!(value(&t, "net_income", 2), Some(d("-233124000")));
        assert_eq!(value(&t, "net_income", 3).unwrap().round_dp(2), d("-4.31"));
        // No FY2006 figure for equipment sales: no change is shown.
        assert_eq!(value(&t, "rev_eq", 2), None);
        // Cash, balance sheet: 11,470,980 thousand against 13,555 million: -2,084.02 million.
        let b = table("balance", false);
        assert_eq!(value(&b, "cash", 2), Some(d("-2084020000")));
    }

    #[test]
    fn it_can_express_lines_as_a_share_of_revenue_or_assets() {
        let t = table("income", true);
        // Operating income / revenues = 4,759,364 / 66,835,299 = 7.1210%.
        assert_eq!(value(&t, "operating_income", 0).unwrap().round_dp(3), d("7.121"));
        // FY2006: 3,500,272 / 57,054,581 = 6.1350%.
        assert_eq!(value(&t, "operating_income", 1).unwrap().round_dp(3), d("6.135"));
        assert_eq!(value(&t, "revenue", 0), Some(d("100")));
        // Per-share figures have no common-size value.
        assert_eq!(value(&t, "eps", 0), None);
        assert_eq!(t.columns, ["FY2007", "FY2006", "Change (points)"]);
        let b = table("balance", true);
        // Cash / total assets = 11,470,980 / 55,702,546 = 20.593%.
        assert_eq!(value(&b, "cash", 0).unwrap().round_dp(3), d("20.593"));
        assert_eq!(value(&b, "total_assets", 0), Some(d("100")));
    }

    #[test]
    fn it_can_give_a_ratio_of_a_coarse_figure_at_its_printed_value() {
        let t = table("plan", false);
        let c = t.cell("plan.operating_income.c5").unwrap().1;
        // FY2007 operating income on the JPY 10 billion target: 4,759,364 / 10,000,000 =
        // 47.59364%, not the centre of what "10 billion" (9.5 to 10.5) allows, 47.7129%.
        assert_eq!(c.value.round_dp(5), d("47.59364"));
        // 4,759,364.5 / 9,500,000 = 50.09857%, 2.50493 points above: the half width covers
        // the interval from the value (4,759,363.5 / 10,500,000 = 45.32727% is 2.26637 below).
        assert_eq!(c.half_width.round_dp(5), d("2.50493"));
        // A ratio of finely printed figures is unchanged: 66,835,299 / 100,000,000 = 66.835299%.
        assert_eq!(t.cell("plan.revenue.c5").unwrap().1.value.round_dp(6), d("66.835299"));
    }

    #[test]
    fn it_can_compare_headlines_in_points_and_percent() {
        let t = table("headlines", false);
        // Operating margin: 7.1210% - 6.1350% = 0.986 points; no "change %" for a ratio.
        assert_eq!(value(&t, "operating_margin", 2).unwrap().round_dp(3), d("0.986"));
        assert_eq!(value(&t, "operating_margin", 3), None);
        // Employees: 1,373 at the end of FY2007, 218 more than a year earlier.
        assert_eq!(value(&t, "employees", 1), Some(d("1155")));
        // Dividend per share: 1,750 against 1,500, +16.67%.
        assert_eq!(value(&t, "dps", 3).unwrap().round_dp(2), d("16.67"));
    }

    #[test]
    fn it_can_refuse_a_definition_that_names_a_missing_fact() {
        static BAD: StatementSpec = StatementSpec {
            key: "bad",
            title: "bad",
            source: "",
            columns: &["x"],
            compare: None,
            common_size: None,
            rows: &[RowSpec { key: "r", label: "r", depth: 0, kind: RowKind::Item, cells: &["no.such.fact"] }],
        };
        let ds = Dataset::bundled().unwrap();
        assert_eq!(build(&ds, &BAD, false).unwrap_err(), Error::MissingRef { item: "bad.r.c0".into(), kind: "fact", id: "no.such.fact".into() });
    }
}
