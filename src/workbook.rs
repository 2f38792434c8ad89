//! The analyst's workbook (issue 17), written natively at build time (`src/bin/workbook.rs`,
//! never in the browser): every printed figure with its source as a cell note, every ratio of
//! the catalogue and both sides of every reconciliation check as live formulas over those
//! figures, with the app's exact results as the formulas' cached values (so a viewer that
//! does not recalculate shows the number, not 0), and the errata.
//!
//! Each printed figure has a defined name (`cis.revenue` is `cis_revenue`) that holds its value
//! in base units (yen, shares, percent); the formulas use the names, so they read like the
//! model's own (`=cis_revenue/trend_revenue_fy2006*100`).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Formula, Note, Workbook, Worksheet, XlsxError};

use crate::i18n::{n_, period, tr, trf, Lang};
use crate::model::dataset::{Dataset, Relation, Status};
use crate::model::documents::DOCUMENTS;
use crate::model::formula::{self, Expr};
use crate::model::ratios::{self, CATALOGUE};
use crate::model::fact::Dimension;
use crate::model::statements::{self, Source, STATEMENTS};
use crate::model::scenario::{project, Base, Driver, Plan, Preset, Presets, Scenario, YearResult, YEARS};

/// What to write: the language, and whether formulas carry their cached results (always in
/// the published files; the spreadsheet-engine test writes them without, so that its results
/// can only come from recalculating).
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    pub cached_results: bool,
    /// The build's version, for the cover.
    pub version: String,
    /// The preset chosen in the scenario sheet (the company plan in the published files).
    pub preset: Preset,
    /// Driver cells typed over a preset's values (none in the published files; the
    /// spreadsheet-engine test edits a driver this way): preset, driver, year index, value in
    /// the driver's display unit.
    pub edits: Vec<(Preset, Driver, usize, Decimal)>,
}

impl Options {
    /// The published workbook in `lang`.
    pub fn published(lang: Lang, version: &str) -> Options {
        Options { lang, cached_results: true, version: version.to_owned(), preset: Preset::CompanyPlan, edits: Vec::new() }
    }
}

/// The sheets' names in `lang`.
pub fn sheet_names(lang: Lang) -> [&'static str; 6] {
    [tr(lang, "Cover"), tr(lang, "Facts"), tr(lang, "Ratios"), tr(lang, "Checks"), tr(lang, "Errata"), tr(lang, "Scenarios")]
}

/// The defined name of fact `id`: dots become underscores (`cis.revenue` is `cis_revenue`).
/// Fact ids start with a letter and always hold a dot, so a name never reads as a cell.
pub fn name_of(id: &str) -> String {
    id.replace('.', "_")
}

/// A formula of the model as a spreadsheet formula over the facts' defined names. `growth`,
/// `pct` and `cagr` are written out: CAGR as ((end/start)^(1/n)-1)*100.
pub fn excel_formula(e: &Expr<String>) -> String {
    excel_formula_with(e, &|id| name_of(id))
}

/// The same, with each fact written as `fact` says (a defined name, or a cell of the sheet).
pub fn excel_formula_with(e: &Expr<String>, fact: &dyn Fn(&str) -> String) -> String {
    let f = |x: &Expr<String>| excel_formula_with(x, fact);
    match e {
        Expr::Number(n) => n.normalize().to_string(),
        Expr::Fact(id) => fact(id),
        Expr::Neg(a) => format!("(-{})", f(a)),
        Expr::Add(a, b) => format!("({}+{})", f(a), f(b)),
        Expr::Sub(a, b) => format!("({}-{})", f(a), f(b)),
        Expr::Mul(a, b) => format!("({}*{})", f(a), f(b)),
        Expr::Div(a, b) => format!("({}/{})", f(a), f(b)),
        Expr::Growth(a, b) => format!("(({})/({})-1)*100", f(a), f(b)),
        Expr::Pct(a, b) => format!("({})/({})*100", f(a), f(b)),
        Expr::Cagr(end, start, n) => format!("((({})/({}))^(1/{n})-1)*100", f(end), f(start)),
    }
}

/// A formula's text without the outermost parentheses the writer adds.
fn top(text: String) -> String {
    match text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        // Only when the two are a pair: "(a)/(b)" must stay as it is.
        Some(inner) if balanced(inner) => inner.to_owned(),
        _ => text,
    }
}

fn balanced(s: &str) -> bool {
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

fn num(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// A formula cell's cached result as the file stores it.
fn result(d: Decimal) -> String {
    let v = num(d);
    if v.is_finite() {
        format!("{v}")
    } else {
        "0".to_owned()
    }
}

fn xlsx(e: XlsxError) -> String {
    format!("the workbook could not be written: {e}")
}

/// The workbook in `options.lang`, as the bytes of an .xlsx file.
pub fn workbook(ds: &Dataset, options: &Options) -> Result<Vec<u8>, String> {
    let lang = options.lang;
    let mut wb = Workbook::new();
    let [cover, facts, ratio_sheet, checks, errata, scenarios] = sheet_names(lang);
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let head = Format::new().set_bold().set_text_wrap().set_background_color("#DCE6F1");
    // Thousands separators; in Japanese, negatives with a triangle (△1,234) as Japanese
    // statements print them.
    let numbers = |decimals: u32| Format::new().set_num_format(number_format(decimals, lang));
    let whole = numbers(0);
    let ratio_format = numbers(2);

    // ----- Cover -----
    {
        let ws = wb.add_worksheet();
        ws.set_name(cover).map_err(xlsx)?;
        ws.set_column_width(0, 110).map_err(xlsx)?;
        let mut lines: Vec<(String, bool)> = vec![
            (tr(lang, "IIJ Financial Explorer: the analyst's workbook").to_owned(), true),
            (tr(lang, "Internet Initiative Japan Inc. (TSE1 3774, NASDAQ IIJI)").to_owned(), false),
            (String::new(), false),
            (tr(lang, "Sources").to_owned(), true),
        ];
        for d in DOCUMENTS {
            lines.push((format!("{}, {} ({})", tr(lang, d.title), period(lang, d.date_label), tr(lang, d.units)), false));
        }
        lines.extend([
            (String::new(), false),
            (tr(lang, "How to read it").to_owned(), true),
            (trf(lang, "{0}: every printed figure as printed, in its printed unit, with the document, section and line it was printed on as a cell note; column G holds it in base units (yen, shares, percent). Each figure has a defined name after its id (cis.revenue is cis_revenue) that reads it in base units from the statement sheet that shows it, or from column G; the ratios, checks and scenarios use the names, so an edited statement figure moves them.", &[facts]), false),
            (trf(lang, "{0}: every ratio as a formula over those names, with its definition; a ratio that cannot be computed gives the reason.", &[ratio_sheet]), false),
            (trf(lang, "{0}: both sides of every reconciliation check as formulas, the rounding tolerance the printed precision allows, and whether the check holds (TRUE or FALSE).", &[checks]), false),
            (trf(lang, "{0}: where the documents disagree or err, and what the explorer uses instead.", &[errata]), false),
            (trf(lang, "{0}: the four presets' drivers for FY2008-FY2012 in cells you can edit, the preset that drives the projection and the target year (choose them in B2 and B3), the projected income statement and the mid-term targets (met or not, the gap, the first year met) as formulas: change a driver and the projection follows, as in the explorer.", &[scenarios]), false),
            (tr(lang, "Every formula carries its result as computed by the explorer in exact decimals; a spreadsheet that recalculates gets the same values to the shown precision.").to_owned(), false),
            (String::new(), false),
            (trf(lang, "Built by the IIJ Financial Explorer, version {0}.", &[&options.version]), false),
        ]);
        for (i, (text, strong)) in lines.iter().enumerate() {
            let row = u32::try_from(i).map_err(|e| e.to_string())?;
            if *strong {
                ws.write_string_with_format(row, 0, text, &bold).map_err(xlsx)?;
            } else {
                ws.write_string_with_format(row, 0, text, &wrap).map_err(xlsx)?;
            }
        }
    }

    // Where each printed figure first stands in a statement sheet: its defined name reads it
    // there, so the ratios, checks and scenarios follow an edited statement.
    let held = statement_sheets(&mut wb, ds, options, &head, &bold, &numbers)?;

    // ----- Facts -----
    let mut names: Vec<(String, String)> = Vec::new();
    {
        let ws = wb.add_worksheet();
        ws.set_name(facts).map_err(xlsx)?;
        let headings = [n_("Id"), n_("Line item"), n_("As printed"), n_("Value (printed unit)"), n_("Unit"), n_("Factor"), n_("Value (base units)"), n_("Period"), n_("Document"), n_("Section"), n_("Line"), n_("The line as printed"), n_("Erratum")];
        header(ws, &headings.map(|h| tr(lang, h)), &head)?;
        for (col, width) in [(0u16, 34.0), (1, 40.0), (2, 16.0), (3, 18.0), (4, 16.0), (5, 10.0), (6, 20.0), (7, 14.0), (8, 10.0), (9, 36.0), (10, 7.0), (11, 60.0), (12, 40.0)] {
            ws.set_column_width(col, width).map_err(xlsx)?;
        }
        ws.set_freeze_panes(1, 2).map_err(xlsx)?;
        for (i, f) in ds.facts.iter().enumerate() {
            let row = u32::try_from(i).map_err(|e| e.to_string())?.saturating_add(1);
            let excel_row = row.saturating_add(1);
            let doc = ds.document_of(f);
            let section = ds.sections.get(f.section);
            let quoted = doc.and_then(|d| d.line(f.line)).unwrap_or("");
            let erratum = f.erratum.and_then(|e| ds.errata.get(e));
            ws.write_string(row, 0, &f.id).map_err(xlsx)?;
            ws.write_string(row, 1, tr(lang, &f.label)).map_err(xlsx)?;
            ws.write_string(row, 2, &f.printed).map_err(xlsx)?;
            let printed_format = numbers(crate::format::decimals_of(f.precision));
            ws.write_number_with_format(row, 3, num(f.value), &printed_format).map_err(xlsx)?;
            ws.write_string(row, 4, tr(lang, f.unit.label())).map_err(xlsx)?;
            ws.write_number(row, 5, num(f.unit.factor())).map_err(xlsx)?;
            let base = f.base_value().map_err(|e| format!("{}: {e:?}", f.id))?;
            let mut formula = Formula::new(format!("=D{excel_row}*F{excel_row}"));
            if options.cached_results {
                formula = formula.set_result(result(base));
            }
            let base_format = numbers(crate::format::decimals_of(f.precision.checked_mul(f.unit.factor()).unwrap_or(f.precision)));
            ws.write_formula_with_format(row, 6, formula, &base_format).map_err(xlsx)?;
            ws.write_string(row, 7, period(lang, &f.period.to_string())).map_err(xlsx)?;
            let doc_name = doc.map_or("", |d| d.code());
            ws.write_string(row, 8, doc_name).map_err(xlsx)?;
            ws.write_string(row, 9, section.map_or("", |s| tr(lang, &s.heading))).map_err(xlsx)?;
            ws.write_number(row, 10, f64::from(f.line)).map_err(xlsx)?;
            ws.write_string(row, 11, quoted).map_err(xlsx)?;
            if let Some(e) = erratum {
                ws.write_string(row, 12, format!("{}: {}", e.id, tr(lang, &e.why))).map_err(xlsx)?;
            }
            // The source as a note on the printed value.
            let mut note = format!(
                "{}\n{}\n{}: {}\n{}",
                doc.map_or("", |d| tr(lang, d.document().title)),
                section.map_or("", |s| tr(lang, &s.heading)),
                trf(lang, "line {0} of {1}", &[&f.line.to_string(), doc.map_or("", |d| d.document().file)]),
                f.row,
                quoted
            );
            if let Some(e) = erratum {
                note.push_str(&format!("\n{}: {}", tr(lang, "Erratum"), tr(lang, &e.why)));
            }
            ws.insert_note(row, 3, &Note::new(note).set_author("IIJ Financial Explorer")).map_err(xlsx)?;
            let target = match held.iter().find(|(i_, _)| *i_ == i) {
                Some((_, read)) => format!("={read}"),
                None => format!("={}!$G${excel_row}", quoted_sheet(facts)),
            };
            names.push((name_of(&f.id), target));
        }
    }

    // ----- Ratios -----
    {
        let ws = wb.add_worksheet();
        ws.set_name(ratio_sheet).map_err(xlsx)?;
        let headings = [n_("Group"), n_("Ratio"), n_("Period"), n_("Value"), n_("Unit"), n_("Formula of the explorer"), n_("Definition")];
        header(ws, &headings.map(|h| tr(lang, h)), &head)?;
        for (col, width) in [(0u16, 22.0), (1, 44.0), (2, 18.0), (3, 14.0), (4, 10.0), (5, 60.0), (6, 70.0)] {
            ws.set_column_width(col, width).map_err(xlsx)?;
        }
        ws.set_freeze_panes(1, 2).map_err(xlsx)?;
        let mut row = 1u32;
        for spec in CATALOGUE {
            for v in ratios::compute(ds, spec) {
                ws.write_string(row, 0, tr(lang, spec.group.title())).map_err(xlsx)?;
                ws.write_string(row, 1, tr(lang, spec.name)).map_err(xlsx)?;
                ws.write_string(row, 2, period(lang, v.period)).map_err(xlsx)?;
                // Amounts in JPY millions, as the explorer shows them.
                let yen = matches!(spec.unit, ratios::RatioUnit::Yen);
                match (&v.value, formula::parse(v.formula)) {
                    (Ok(x), Ok(expr)) => {
                        let (text, value) = match yen {
                            true => (format!("={}/1000000", excel_formula(&expr)), x.checked_div(Decimal::from(1_000_000)).unwrap_or(*x)),
                            false => (format!("={}", top(excel_formula(&expr))), *x),
                        };
                        let mut f = Formula::new(text);
                        if options.cached_results {
                            f = f.set_result(result(value));
                        }
                        ws.write_formula_with_format(row, 3, f, if yen { &whole } else { &ratio_format }).map_err(xlsx)?;
                    }
                    (Err(e), _) => {
                        ws.write_string(row, 3, trf(lang, "Not available: {0}", &[&e.text(lang)])).map_err(xlsx)?;
                    }
                    (Ok(_), Err(m)) => return Err(format!("{}: {m}", spec.id)),
                }
                ws.write_string(row, 4, tr(lang, if yen { "JPY million" } else { spec.unit.label() })).map_err(xlsx)?;
                ws.write_string(row, 5, v.formula).map_err(xlsx)?;
                ws.write_string(row, 6, tr(lang, spec.definition)).map_err(xlsx)?;
                row = row.saturating_add(1);
            }
        }
    }

    // ----- Checks -----
    {
        let ws = wb.add_worksheet();
        ws.set_name(checks).map_err(xlsx)?;
        let headings = [n_("Id"), n_("Check"), n_("Left side"), n_("Relation"), n_("Right side"), n_("Tolerance (rounding)"), n_("Holds"), n_("Status in the explorer"), n_("Left side, as a formula of the explorer"), n_("Right side, as a formula of the explorer")];
        header(ws, &headings.map(|h| tr(lang, h)), &head)?;
        for (col, width) in [(0u16, 30.0), (1, 50.0), (2, 20.0), (3, 8.0), (4, 20.0), (5, 16.0), (6, 8.0), (7, 28.0), (8, 60.0), (9, 60.0)] {
            ws.set_column_width(col, width).map_err(xlsx)?;
        }
        ws.set_freeze_panes(1, 2).map_err(xlsx)?;
        for (i, check) in ds.checks.iter().enumerate() {
            let row = u32::try_from(i).map_err(|e| e.to_string())?.saturating_add(1);
            let r = row.saturating_add(1);
            let point = |side: &str| -> Result<(String, Decimal), String> {
                let expr = formula::parse(side).map_err(|m| format!("{}: {m}", check.id))?;
                let value = point_value(ds, &expr).map_err(|m| format!("{}: {m}", check.id))?;
                Ok((top(excel_formula(&expr)), value))
            };
            let ((lf, lv), (rf, rv)) = (point(&check.lhs_text)?, point(&check.rhs_text)?);
            let evaluated = ds.evaluate(i);
            let tolerance = match (evaluated.lhs, evaluated.rhs) {
                (Some(a), Some(b)) => a.radius().ok().zip(b.radius().ok()).and_then(|(x, y)| x.checked_add(y)).unwrap_or_default(),
                _ => Decimal::ZERO,
            };
            ws.write_string(row, 0, &check.id).map_err(xlsx)?;
            ws.write_string(row, 1, tr(lang, &check.label)).map_err(xlsx)?;
            let sides = numbers(crate::format::decimals_of(lv).max(crate::format::decimals_of(rv)).min(4));
            write_formula(ws, row, 2, &lf, lv, options, &sides)?;
            ws.write_string(row, 3, check.relation.symbol()).map_err(xlsx)?;
            write_formula(ws, row, 4, &rf, rv, options, &sides)?;
            ws.write_number_with_format(row, 5, num(tolerance), &sides).map_err(xlsx)?;
            let (test, holds) = match check.relation {
                Relation::Equal => (format!("=ABS(C{r}-E{r})<=F{r}"), lv.checked_sub(rv).map(|d| d.abs() <= tolerance)),
                Relation::AtMost => (format!("=C{r}<=E{r}+F{r}"), rv.checked_add(tolerance).map(|t| lv <= t)),
                Relation::AtLeast => (format!("=C{r}>=E{r}-F{r}"), rv.checked_sub(tolerance).map(|t| lv >= t)),
            };
            let mut f = Formula::new(test);
            if options.cached_results {
                f = f.set_result(if holds.unwrap_or(false) { "TRUE" } else { "FALSE" });
            }
            ws.write_formula(row, 6, f).map_err(xlsx)?;
            let status = match &evaluated.status {
                Status::Erratum { erratum, .. } => format!("{} ({})", tr(lang, evaluated.status.label()), ds.errata.get(*erratum).map_or("", |e| e.id.as_str())),
                s => tr(lang, s.label()).to_owned(),
            };
            ws.write_string(row, 7, status).map_err(xlsx)?;
            ws.write_string(row, 8, &check.lhs_text).map_err(xlsx)?;
            ws.write_string(row, 9, &check.rhs_text).map_err(xlsx)?;
        }
    }

    // ----- Errata -----
    {
        let ws = wb.add_worksheet();
        ws.set_name(errata).map_err(xlsx)?;
        let headings = [n_("Id"), n_("Kind"), n_("Printed"), n_("Used"), n_("Why"), n_("Figures")];
        header(ws, &headings.map(|h| tr(lang, h)), &head)?;
        for (col, width) in [(0u16, 30.0), (1, 16.0), (2, 30.0), (3, 30.0), (4, 80.0), (5, 40.0)] {
            ws.set_column_width(col, width).map_err(xlsx)?;
        }
        for (i, e) in ds.errata.iter().enumerate() {
            let row = u32::try_from(i).map_err(|e| e.to_string())?.saturating_add(1);
            ws.write_string(row, 0, &e.id).map_err(xlsx)?;
            ws.write_string(row, 1, tr(lang, &e.kind)).map_err(xlsx)?;
            ws.write_string(row, 2, &e.printed).map_err(xlsx)?;
            ws.write_string(row, 3, &e.used).map_err(xlsx)?;
            ws.write_string_with_format(row, 4, tr(lang, &e.why), &wrap).map_err(xlsx)?;
            let ids: Vec<&str> = e.facts.iter().filter_map(|&f| ds.facts.get(f)).map(|f| f.id.as_str()).collect();
            ws.write_string(row, 5, ids.join(", ")).map_err(xlsx)?;
        }
    }

    scenario_sheet(&mut wb, ds, options, scenarios, &head, &bold, &numbers)?;

    for (name, target) in &names {
        wb.define_name(name, target).map_err(xlsx)?;
    }
    wb.save_to_buffer().map_err(xlsx)
}

/// A number format with thousands separators and `decimals` places; in Japanese, negatives
/// with a triangle.
pub fn number_format(decimals: u32, lang: Lang) -> String {
    let mut f = "#,##0".to_owned();
    if decimals > 0 {
        f.push('.');
        f.push_str(&"0".repeat(decimals as usize));
    }
    match lang {
        Lang::Ja => format!("{f};\"△\"{f}"),
        Lang::En => f,
    }
}

fn header(ws: &mut Worksheet, headings: &[&str], format: &Format) -> Result<(), String> {
    for (col, h) in headings.iter().enumerate() {
        let col = u16::try_from(col).map_err(|e| e.to_string())?;
        ws.write_string_with_format(0, col, *h, format).map_err(xlsx)?;
    }
    Ok(())
}

fn write_formula(ws: &mut Worksheet, row: u32, col: u16, formula: &str, value: Decimal, options: &Options, format: &Format) -> Result<(), String> {
    let mut f = Formula::new(format!("={formula}"));
    if options.cached_results {
        f = f.set_result(result(value));
    }
    ws.write_formula_with_format(row, col, f, format).map_err(xlsx)?;
    Ok(())
}

/// A sheet's name as a formula refers to it: every sheet is named so that it needs no quotes
/// (`sheet_name_needs_no_quotes`, held by a host test); a name that did would be quoted.
fn quoted_sheet(name: &str) -> String {
    if sheet_name_needs_no_quotes(name) {
        name.to_owned()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

/// A formula's value from the figures' values as used (no rounding intervals): what a
/// spreadsheet computes from column G.
pub fn point_value(ds: &Dataset, expr: &Expr<String>) -> Result<Decimal, String> {
    let resolved = expr.clone().resolve(&mut |id: String| ds.index_of(&id).ok_or(format!("no fact {id}")))?;
    ds.point_value(&resolved).map_err(|e| format!("{e:?}"))
}

/// Where the scenario sheet puts things (0-based rows; the years FY2008-FY2012 are columns C-G,
/// FY2007 column B).
pub mod layout {
    /// The preset name (input), the target year (input), the preset's number.
    pub const PRESET: u32 = 1;
    pub const TARGET_YEAR: u32 = 2;
    pub const PRESET_NUMBER: u32 = 3;
    /// The first preset block's header row; each block is a header and 14 drivers, then a gap.
    pub const BLOCKS: u32 = 6;
    pub const BLOCK: u32 = 16;
    /// The drivers in use (header row), then the projection (header row).
    pub const IN_USE: u32 = BLOCKS + 4 * BLOCK;
    pub const PROJECTION: u32 = IN_USE + BLOCK;
    /// The projection's lines, in order, under its header.
    pub const LINES: [&str; 19] = [
        crate::i18n::n_("Revenues: Connectivity and VAS"),
        crate::i18n::n_("Revenues: Systems integration"),
        crate::i18n::n_("Revenues: Equipment sales"),
        crate::i18n::n_("Total revenues"),
        crate::i18n::n_("Gross margin"),
        crate::i18n::n_("Sales and marketing"),
        crate::i18n::n_("General and administrative"),
        crate::i18n::n_("Research and development"),
        crate::i18n::n_("Operating income"),
        crate::i18n::n_("Other income (expense), net"),
        crate::i18n::n_("Income before tax"),
        crate::i18n::n_("Income tax"),
        crate::i18n::n_("Minority interests and equity-method result"),
        crate::i18n::n_("Net income"),
        crate::i18n::n_("Operating margin (%)"),
        crate::i18n::n_("Net margin (%)"),
        crate::i18n::n_("Net income per share (JPY)"),
        crate::i18n::n_("Dividend per share (JPY)"),
        crate::i18n::n_("Payout ratio (%)"),
    ];
    /// The targets block (header row): revenue, operating income, then FY2008 against the
    /// forecast (revenue, operating income, income before tax, net income).
    pub const TARGETS: u32 = PROJECTION + 1 + LINES.len() as u32 + 1;
}

/// Column letter of year index `i` (FY2008 is C).
fn year_col(i: usize) -> char {
    ['C', 'D', 'E', 'F', 'G'].get(i).copied().unwrap_or('G')
}

/// A projected line's value in the sheet's unit: amounts in JPY million; ratios, per-share
/// figures as they are.
pub fn projected(y: &YearResult, line: usize) -> Option<Decimal> {
    let m = |d: Decimal| d.checked_div(Decimal::from(1_000_000));
    match line {
        0..=2 => m(*y.revenue.get(line)?),
        3 => m(y.total_revenue),
        4 => m(y.gross_margin),
        5..=7 => m(*y.opex.get(line - 5)?),
        8 => m(y.operating_income),
        9 => m(y.pretax.checked_sub(y.operating_income)?),
        10 => m(y.pretax),
        11 => m(y.tax),
        12 => m(y.net_income.checked_sub(y.pretax.checked_sub(y.tax)?)?),
        13 => m(y.net_income),
        14 => Some(y.operating_margin),
        15 => Some(y.net_margin),
        16 => Some(y.eps),
        17 => Some(y.dps),
        18 => y.payout,
        _ => None,
    }
}

/// The scenario a workbook's inputs stand for: the chosen preset with the edits typed over it.
pub fn scenario_of(presets: &Presets, options: &Options) -> Result<Scenario, String> {
    preset_cells(presets, options, options.preset)
}

/// Preset `preset`'s drivers as its block of the sheet holds them: with the edits typed over it.
fn preset_cells(presets: &Presets, options: &Options, preset: Preset) -> Result<Scenario, String> {
    let mut s = presets.get(preset);
    for (p, d, i, v) in &options.edits {
        if *p == preset {
            let year = s.years.get_mut(*i).ok_or("no such year")?;
            d.set(year, *v, YEARS.get(*i).copied().unwrap_or(0)).map_err(|e| e.text(options.lang))?;
        }
    }
    Ok(s)
}

#[allow(clippy::too_many_arguments)]
fn scenario_sheet(wb: &mut Workbook, ds: &Dataset, options: &Options, name: &str, head: &Format, bold: &Format, numbers: &dyn Fn(u32) -> Format) -> Result<(), String> {
    use layout::*;
    let lang = options.lang;
    let base = Base::from_dataset(ds).map_err(|e| e.text(lang))?;
    let plan = Plan::from_dataset(ds).map_err(|e| e.text(lang))?;
    let presets = Presets::new(&base, &plan).map_err(|e| e.text(lang))?;
    let chosen = scenario_of(&presets, options)?;
    let results = project(&base, &chosen).map_err(|e| e.text(lang))?;
    let cache = |f: Formula, v: Option<Decimal>| if options.cached_results { f.set_result(v.map_or("0".to_owned(), result)) } else { f };
    let cache_text = |f: Formula, v: String| if options.cached_results { f.set_result(v) } else { f };
    let year_labels: Vec<String> = YEARS.iter().map(|y| period(lang, &format!("FY{y}"))).collect();
    let money = numbers(1);
    let pct = numbers(2);
    let ws = wb.add_worksheet();
    ws.set_name(name).map_err(xlsx)?;
    ws.set_column_width(0, 52).map_err(xlsx)?;
    for c in 1u16..=7 {
        ws.set_column_width(c, 16).map_err(xlsx)?;
    }
    ws.set_column_width(8, 16).map_err(xlsx)?;
    ws.write_string_with_format(0, 0, tr(lang, "Scenarios: edit any driver; the projection and the targets follow"), bold).map_err(xlsx)?;
    // Inputs: the preset and the target year, with lists to choose from.
    ws.write_string(PRESET, 0, tr(lang, "Preset that drives the projection")).map_err(xlsx)?;
    ws.write_string(PRESET, 1, tr(lang, options.preset.name())).map_err(xlsx)?;
    ws.write_string_with_format(0, 8, tr(lang, "Presets"), bold).map_err(xlsx)?;
    for (i, p) in Preset::ALL.iter().enumerate() {
        ws.write_string(u32::try_from(i).map_err(|e| e.to_string())?.saturating_add(1), 8, tr(lang, p.name())).map_err(xlsx)?;
    }
    let list = rust_xlsxwriter::DataValidation::new().allow_list_formula(Formula::new("=$I$2:$I$5"));
    ws.add_data_validation(PRESET, 1, PRESET, 1, &list).map_err(xlsx)?;
    ws.write_string(TARGET_YEAR, 0, tr(lang, "Target year")).map_err(xlsx)?;
    ws.write_string(TARGET_YEAR, 1, &year_labels[2]).map_err(xlsx)?;
    let years = rust_xlsxwriter::DataValidation::new().allow_list_formula(Formula::new(format!("=$D${}:$G${}", PROJECTION + 1, PROJECTION + 1)));
    ws.add_data_validation(TARGET_YEAR, 1, TARGET_YEAR, 1, &years).map_err(xlsx)?;
    ws.write_string(PRESET_NUMBER, 0, tr(lang, "Preset number (from B2)")).map_err(xlsx)?;
    let index = Preset::ALL.iter().position(|p| *p == options.preset).unwrap_or(0).saturating_add(1);
    ws.write_formula(PRESET_NUMBER, 1, cache(Formula::new(format!("=MATCH(B{},$I$2:$I$5,0)", PRESET + 1)), Some(Decimal::from(index)))).map_err(xlsx)?;
    ws.write_string(PRESET_NUMBER + 1, 0, tr(lang, "Drivers are in the planner's units: percent, JPY million, shares, JPY per share.")).map_err(xlsx)?;
    // The four presets' drivers, editable.
    let driver_row = |block: u32, d: usize| block.saturating_add(1).saturating_add(u32::try_from(d).unwrap_or(0));
    for (k, p) in Preset::ALL.iter().enumerate() {
        let top_row = BLOCKS.saturating_add(BLOCK.saturating_mul(u32::try_from(k).map_err(|e| e.to_string())?));
        ws.write_string_with_format(top_row, 0, tr(lang, p.name()), head).map_err(xlsx)?;
        for (i, l) in year_labels.iter().enumerate() {
            ws.write_string_with_format(top_row, u16::try_from(i + 2).map_err(|e| e.to_string())?, l, head).map_err(xlsx)?;
        }
        let s = preset_cells(&presets, options, *p)?;
        for (j, d) in Driver::ALL.iter().enumerate() {
            let row = driver_row(top_row, j);
            ws.write_string(row, 0, tr(lang, &d.name())).map_err(xlsx)?;
            for (i, y) in s.years.iter().enumerate() {
                ws.write_number_with_format(row, u16::try_from(i + 2).map_err(|e| e.to_string())?, num(d.get(y)), &pct).map_err(xlsx)?;
            }
        }
    }
    // The drivers in use: the chosen preset's.
    ws.write_string_with_format(IN_USE, 0, tr(lang, "Drivers in use (the chosen preset's)"), head).map_err(xlsx)?;
    for (j, d) in Driver::ALL.iter().enumerate() {
        let row = driver_row(IN_USE, j);
        ws.write_string(row, 0, tr(lang, &d.name())).map_err(xlsx)?;
        for (i, y) in chosen.years.iter().enumerate() {
            let c = year_col(i);
            let refs: Vec<String> = (0..4u32).map(|k| format!("{c}{}", driver_row(BLOCKS + BLOCK * k, j) + 1)).collect();
            let f = Formula::new(format!("=CHOOSE($B${},{})", PRESET_NUMBER + 1, refs.join(",")));
            ws.write_formula(row, u16::try_from(i + 2).map_err(|e| e.to_string())?, cache(f, Some(d.get(y)))).map_err(xlsx)?;
        }
    }
    // The projection.
    let dr = |j: usize, i: usize| format!("{}{}", year_col(i), driver_row(IN_USE, j) + 1);
    let lr = |line: usize| PROJECTION + 1 + u32::try_from(line).unwrap_or(0) + 1; // 1-based row of a line
    ws.write_string_with_format(PROJECTION, 0, tr(lang, "Projection (JPY million; ratios in %, per share in JPY)"), head).map_err(xlsx)?;
    ws.write_string_with_format(PROJECTION, 1, period(lang, "FY2007"), head).map_err(xlsx)?;
    for (i, l) in year_labels.iter().enumerate() {
        ws.write_string_with_format(PROJECTION, u16::try_from(i + 2).map_err(|e| e.to_string())?, l, head).map_err(xlsx)?;
    }
    let actual: [&str; 19] = [
        "cis_revenue_cvas/1000000",
        "cis_revenue_si/1000000",
        "cis_revenue_equipment/1000000",
        "SUM(B{r0}:B{r2})",
        "(cis_revenue_cvas-cis_cost_cvas+cis_revenue_si-cis_cost_si+cis_revenue_equipment-cis_cost_equipment)/1000000",
        "cis_sales_marketing/1000000",
        "cis_general_administrative/1000000",
        "cis_research_development/1000000",
        "B{r4}-B{r5}-B{r6}-B{r7}",
        "cis_other_income_net/1000000",
        "cis_pretax_income/1000000",
        "cis_income_tax/1000000",
        "(cis_minority_interests+cis_equity_method_result)/1000000",
        "cis_net_income/1000000",
        "B{r8}/B{r3}*100",
        "B{r13}/B{r3}*100",
        "",
        "div_fy2007_annual_per_share",
        "",
    ];
    // `{rN}` in a template is the row of line N.
    let fill = |t: &str| -> String {
        let mut out = t.to_owned();
        for l in (0..LINES.len()).rev() {
            out = out.replace(&format!("{{r{l}}}"), &lr(l).to_string());
        }
        out
    };
    for (line, label) in LINES.iter().enumerate() {
        let row = lr(line) - 1;
        ws.write_string(row, 0, tr(lang, label)).map_err(xlsx)?;
        let format = if line >= 14 { &pct } else { &money };
        if !actual[line].is_empty() {
            let f = cache(Formula::new(format!("={}", fill(actual[line]))), fy2007(&base, line));
            ws.write_formula_with_format(row, 1, f, format).map_err(xlsx)?;
        }
        for (i, y) in results.iter().enumerate() {
            let c = year_col(i);
            let prev = if i == 0 { 'B' } else { year_col(i - 1) };
            let r = |l: usize| format!("{c}{}", lr(l));
            let text = match line {
                0..=2 => format!("{prev}{}*(100+{})/100", lr(line), dr(line, i)),
                3 => format!("{}+{}+{}", r(0), r(1), r(2)),
                4 => format!("{}*{}/100+{}*{}/100+{}*{}/100", r(0), dr(3, i), r(1), dr(4, i), r(2), dr(5, i)),
                5..=7 => format!("{}*{}/100", r(3), dr(line + 1, i)),
                8 => format!("{}-({}+{}+{})", r(4), r(5), r(6), r(7)),
                9 => dr(9, i),
                10 => format!("{}+{}", r(8), r(9)),
                11 => format!("{}*{}/100", r(10), dr(10, i)),
                12 => dr(11, i),
                13 => format!("{}-{}+{}", r(10), r(11), r(12)),
                14 => format!("IF({t}=0,0,{}/{t}*100)", r(8), t = r(3)),
                15 => format!("IF({t}=0,0,{}/{t}*100)", r(13), t = r(3)),
                16 => format!("{}*1000000/{}", r(13), dr(12, i)),
                17 => dr(13, i),
                _ => format!("IF({e}>0,{}/{e}*100,\"n/a\")", r(17), e = r(16)),
            };
            let f = Formula::new(format!("={text}"));
            let f = match (line, projected(y, line)) {
                (18, None) => cache_text(f, "n/a".to_owned()),
                (_, v) => cache(f, v),
            };
            ws.write_formula_with_format(row, u16::try_from(i + 2).map_err(|e| e.to_string())?, f, format).map_err(xlsx)?;
        }
    }
    // The targets in the chosen year, and FY2008 against the forecast.
    let ty = TARGETS;
    for (c, h) in ["", n_("Projection"), n_("Target"), n_("Met"), n_("Gap"), n_("First met")].iter().enumerate() {
        ws.write_string_with_format(ty, u16::try_from(c).map_err(|e| e.to_string())?, if h.is_empty() { tr(lang, "Targets") } else { tr(lang, h) }, head).map_err(xlsx)?;
    }
    let target_index = 2usize; // FY2010, the published choice
    let not_by = tr(lang, "not by FY2012");
    for (k, (label, line, target_name, target)) in [
        (n_("Revenues over JPY 100 billion in the target year"), 3usize, "target_revenue", plan.target_revenue),
        (n_("Operating income of JPY 10 billion in the target year"), 8, "target_operating_income", plan.target_operating_income),
    ]
    .into_iter()
    .enumerate()
    {
        let row = ty + 1 + u32::try_from(k).map_err(|e| e.to_string())?;
        let r1 = row + 1;
        let value = |y: &YearResult| if line == 3 { y.total_revenue } else { y.operating_income };
        let at = results.get(target_index).map(value).unwrap_or_default();
        let m = |d: Decimal| d.checked_div(Decimal::from(1_000_000));
        ws.write_string(row, 0, tr(lang, label)).map_err(xlsx)?;
        let hdr = PROJECTION + 1;
        ws.write_formula_with_format(row, 1, cache(Formula::new(format!("=INDEX($C${l}:$G${l},MATCH($B${},$C${hdr}:$G${hdr},0))", TARGET_YEAR + 1, l = lr(line))), m(at)), &money).map_err(xlsx)?;
        ws.write_formula_with_format(row, 2, cache(Formula::new(format!("={target_name}/1000000")), m(target)), &money).map_err(xlsx)?;
        let met = Formula::new(format!("=B{r1}>=C{r1}"));
        ws.write_formula(row, 3, if options.cached_results { met.set_result(if at >= target { "TRUE" } else { "FALSE" }) } else { met }).map_err(xlsx)?;
        ws.write_formula_with_format(row, 4, cache(Formula::new(format!("=B{r1}-C{r1}")), at.checked_sub(target).and_then(m)), &money).map_err(xlsx)?;
        let mut first = format!("\"{}\"", not_by.replace('"', "\"\""));
        for i in (0..5).rev() {
            first = format!("IF({}{}>=C{r1},\"{}\",{first})", year_col(i), lr(line), year_labels[i]);
        }
        let first_met = results.iter().position(|y| value(y) >= target).and_then(|i| year_labels.get(i).cloned()).unwrap_or_else(|| not_by.to_owned());
        ws.write_formula(row, 5, cache_text(Formula::new(format!("={first}")), first_met)).map_err(xlsx)?;
    }
    let fy08 = ty + 4;
    for (c, h) in [n_("FY2008 projection against the published forecast (JPY million)"), n_("Projection"), n_("Forecast"), "", n_("Gap")].iter().enumerate() {
        if !h.is_empty() {
            ws.write_string_with_format(fy08, u16::try_from(c).map_err(|e| e.to_string())?, tr(lang, h), head).map_err(xlsx)?;
        }
    }
    let y08 = results.first().copied().ok_or("no FY2008")?;
    for (k, (label, line, name, got, want)) in [
        (n_("Revenues"), 3usize, "forecast_revenue", y08.total_revenue, plan.revenue),
        (n_("Operating income"), 8, "forecast_operating_income", y08.operating_income, plan.operating_income),
        (n_("Income before tax"), 10, "forecast_pretax_income", y08.pretax, plan.pretax),
        (n_("Net income"), 13, "forecast_net_income", y08.net_income, plan.net_income),
    ]
    .into_iter()
    .enumerate()
    {
        let row = fy08 + 1 + u32::try_from(k).map_err(|e| e.to_string())?;
        let r1 = row + 1;
        let m = |d: Decimal| d.checked_div(Decimal::from(1_000_000));
        ws.write_string(row, 0, tr(lang, label)).map_err(xlsx)?;
        ws.write_formula_with_format(row, 1, cache(Formula::new(format!("=C{}", lr(line))), m(got)), &money).map_err(xlsx)?;
        ws.write_formula_with_format(row, 2, cache(Formula::new(format!("={name}/1000000")), m(want)), &money).map_err(xlsx)?;
        ws.write_formula_with_format(row, 4, cache(Formula::new(format!("=B{r1}-C{r1}")), got.checked_sub(want).and_then(m)), &money).map_err(xlsx)?;
    }
    ws.set_freeze_panes(0, 1).map_err(xlsx)?;
    Ok(())
}

/// FY2007's value of a projection line (column B), from the notice's income statement.
pub fn fy2007(base: &Base, line: usize) -> Option<Decimal> {
    let m = |d: Decimal| d.checked_div(Decimal::from(1_000_000));
    let gross = (0..3).try_fold(Decimal::ZERO, |acc, s| acc.checked_add(base.revenue.get(s)?.checked_sub(*base.cost.get(s)?)?))?;
    let opex = base.opex.iter().try_fold(Decimal::ZERO, |acc, o| acc.checked_add(*o))?;
    let oi = gross.checked_sub(opex)?;
    let total = base.total_revenue();
    match line {
        0..=2 => m(*base.revenue.get(line)?),
        3 => m(total),
        4 => m(gross),
        5..=7 => m(*base.opex.get(line - 5)?),
        8 => m(oi),
        9 => m(base.other_income),
        10 => m(base.pretax),
        11 => m(base.tax),
        12 => m(base.minority_and_equity),
        13 => m(base.net_income),
        14 => oi.checked_div(total)?.checked_mul(Decimal::ONE_HUNDRED),
        15 => base.net_income.checked_div(total)?.checked_mul(Decimal::ONE_HUNDRED),
        17 => Some(base.dps),
        _ => None,
    }
}

/// A statement's sheet name: the explorer's tab name written so that no formula ever quotes
/// it (letters, digits and underscores only, no apostrophe or space: several spreadsheet
/// engines reject names such as `'Shareholders'' equity'!$G$5` in defined names).
pub fn statement_sheet_name(key: &str, lang: Lang) -> String {
    let (en, ja) = match key {
        "income" => ("Income_statement", "損益計算書"),
        "balance" => ("Balance_sheet", "貸借対照表"),
        "equity" => ("Shareholders_equity", "株主資本"),
        "cashflow" => ("Cash_flows", "キャッシュフロー"),
        "trend" => ("Trend_FY2004_FY2007", "業績推移"),
        "segments" => ("Segments", "セグメント"),
        "quarters" => ("Quarters", "四半期"),
        "nc-income" => ("Parent_income", "単体_損益計算書"),
        "nc-balance" => ("Parent_balance_sheet", "単体_貸借対照表"),
        "nc-equity" => ("Parent_net_assets", "単体_純資産"),
        "company" => ("Company_facts", "会社情報"),
        "plan" => ("Forecast_and_target", "予想と目標"),
        _ => ("Statement", "計算書"),
    };
    match lang {
        Lang::En => en.to_owned(),
        Lang::Ja => ja.to_owned(),
    }
}

/// Whether a formula can name sheet `name` without quotes: letters (of any script), digits
/// and underscores, not starting with a digit, and not readable as a cell (`AB12`, `R1C1`) or
/// a boolean.
pub fn sheet_name_needs_no_quotes(name: &str) -> bool {
    let plain = !name.is_empty()
        && name.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    let upper = name.to_ascii_uppercase();
    let letters = upper.trim_end_matches(|c: char| c.is_ascii_digit());
    let a1 = letters.len() < upper.len() && !letters.is_empty() && letters.len() <= 3 && letters.chars().all(|c| c.is_ascii_uppercase());
    let r1c1 = upper == "R" || upper == "C" || (upper.starts_with('R') && upper[1..].contains('C') && upper.chars().all(|c| c == 'R' || c == 'C' || c.is_ascii_digit()));
    plain && !a1 && !r1c1 && upper != "TRUE" && upper != "FALSE"
}

/// Amounts in JPY thousands (the notice's unit); other cells as they are.
fn sheet_factor(d: Dimension) -> Decimal {
    if d == Dimension::Yen { Decimal::from(1_000) } else { Decimal::ONE }
}

/// Every statement as the explorer shows it: printed figures as values (with their source as
/// a note), the figures the documents do not print (subtotals, changes) as formulas over the
/// printed ones in the sheet, or over the Facts sheet's names where the sheet lacks one.
/// Returns, for each printed figure a sheet holds (its first place), how a formula reads it in
/// base units there (`Income_statement!$B$5*1000`).
fn statement_sheets(wb: &mut Workbook, ds: &Dataset, options: &Options, head: &Format, bold: &Format, numbers: &dyn Fn(u32) -> Format) -> Result<Vec<(usize, String)>, String> {
    let lang = options.lang;
    let mut held: Vec<(usize, String)> = Vec::new();
    for spec in STATEMENTS {
        let table = statements::build(ds, spec, false).map_err(|e| e.to_string())?;
        let ws = wb.add_worksheet();
        let name = statement_sheet_name(spec.key, lang);
        ws.set_name(&name).map_err(xlsx)?;
        ws.set_column_width(0, 54).map_err(xlsx)?;
        for c in 1..=u16::try_from(table.columns.len()).map_err(|e| e.to_string())? {
            ws.set_column_width(c, 16).map_err(xlsx)?;
        }
        ws.write_string_with_format(0, 0, format!("{} ({}; {})", tr(lang, table.title), tr(lang, "amounts in JPY thousands"), tr(lang, table.source)), bold).map_err(xlsx)?;
        ws.write_string_with_format(1, 0, tr(lang, "Line item"), head).map_err(xlsx)?;
        for (j, c) in table.columns.iter().enumerate() {
            ws.write_string_with_format(1, u16::try_from(j + 1).map_err(|e| e.to_string())?, period(lang, c), head).map_err(xlsx)?;
        }
        // Where each printed fact sits in this sheet, and how a formula reads it in base units.
        // Within this sheet (`at`, `C5` or `(C5*1000)`) and, for the defined names, from
        // anywhere (`held`, first place only).
        let mut at: Vec<(usize, String)> = Vec::new();
        let sheet = quoted_sheet(&name);
        for (i, row) in table.rows.iter().enumerate() {
            for (j, cell) in row.cells.iter().enumerate() {
                let Some(c) = cell else { continue };
                let Source::Fact(f) = c.source else { continue };
                let (col, r) = (col_letter(j + 1), i + 3);
                let thousands = sheet_factor(c.dimension) != Decimal::ONE;
                at.push((f, if thousands { format!("({col}{r}*1000)") } else { format!("{col}{r}") }));
                if !held.iter().any(|(g, _)| *g == f) {
                    let address = format!("{sheet}!${col}${r}");
                    held.push((f, if thousands { format!("{address}*1000") } else { address }));
                }
            }
        }
        let fact_ref = |id: &str| -> String {
            ds.index_of(id).and_then(|i| at.iter().find(|(f, _)| *f == i)).map_or_else(|| name_of(id), |(_, r)| r.clone())
        };
        for (i, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(i + 2).map_err(|e| e.to_string())?;
            let indent = "  ".repeat(usize::from(row.depth));
            ws.write_string(r, 0, format!("{indent}{}", tr(lang, row.label))).map_err(xlsx)?;
            for (j, cell) in row.cells.iter().enumerate() {
                let Some(c) = cell else { continue };
                let col = u16::try_from(j + 1).map_err(|e| e.to_string())?;
                let factor = sheet_factor(c.dimension);
                let shown = c.value.checked_div(factor).unwrap_or(c.value);
                let format = numbers(shown.normalize().scale().min(4));
                match &c.source {
                    Source::Fact(f) => {
                        ws.write_number_with_format(r, col, num(shown), &format).map_err(xlsx)?;
                        if let Some(fact) = ds.facts.get(*f) {
                            let doc = ds.document_of(fact);
                            let mut note = format!(
                                "{}: {} ({})\n{}\n{}\n{}\n{}",
                                tr(lang, "As printed"),
                                fact.printed,
                                fact.id,
                                doc.map_or("", |d| tr(lang, d.document().title)),
                                ds.sections.get(fact.section).map_or("", |s| tr(lang, &s.heading)),
                                trf(lang, "line {0} of {1}", &[&fact.line.to_string(), doc.map_or("", |d| d.document().file)]),
                                doc.and_then(|d| d.line(fact.line)).unwrap_or("")
                            );
                            if let Some(e) = fact.erratum.and_then(|e| ds.errata.get(e)) {
                                note.push_str(&format!("\n{}: {}", tr(lang, "Erratum"), tr(lang, &e.why)));
                            }
                            ws.insert_note(r, col, &Note::new(note).set_author("IIJ Financial Explorer")).map_err(xlsx)?;
                        }
                    }
                    Source::Derived { formula: text, .. } => {
                        let expr = formula::parse(text).map_err(|m| format!("{}: {m}", c.id))?;
                        let body = excel_formula_with(&expr, &fact_ref);
                        let text = if factor == Decimal::ONE { format!("={}", top(body)) } else { format!("={body}/1000") };
                        // The cached result is what the formula computes from the printed
                        // values (the explorer shows the centre of the interval the printed
                        // precision allows; the two agree at the shown precision).
                        let point = point_value(ds, &expr)?;
                        let mut f = Formula::new(text);
                        if options.cached_results {
                            f = f.set_result(result(point.checked_div(factor).unwrap_or(point)));
                        }
                        ws.write_formula_with_format(r, col, f, &format).map_err(xlsx)?;
                    }
                }
            }
        }
        ws.set_freeze_panes(2, 1).map_err(xlsx)?;
    }
    Ok(held)
}

/// The column letters of 0-based column `c` (A ... Z, AA ...).
fn col_letter(c: usize) -> String {
    let mut n = c + 1;
    let mut s = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        s.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    s.iter().rev().collect()
}
