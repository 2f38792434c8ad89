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
use crate::model::interval::Interval;
use crate::model::ratios::{self, CATALOGUE};

/// What to write: the language, and whether formulas carry their cached results (always in
/// the published files; the spreadsheet-engine test writes them without, so that its results
/// can only come from recalculating).
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    pub cached_results: bool,
    /// The build's version, for the cover.
    pub version: String,
}

/// The sheets' names in `lang`.
pub fn sheet_names(lang: Lang) -> [&'static str; 5] {
    [tr(lang, "Cover"), tr(lang, "Facts"), tr(lang, "Ratios"), tr(lang, "Checks"), tr(lang, "Errata")]
}

/// The defined name of fact `id`: dots become underscores (`cis.revenue` is `cis_revenue`).
/// Fact ids start with a letter and always hold a dot, so a name never reads as a cell.
pub fn name_of(id: &str) -> String {
    id.replace('.', "_")
}

/// A formula of the model as a spreadsheet formula over the facts' defined names. `growth`,
/// `pct` and `cagr` are written out: CAGR as ((end/start)^(1/n)-1)*100.
pub fn excel_formula(e: &Expr<String>) -> String {
    match e {
        Expr::Number(n) => n.normalize().to_string(),
        Expr::Fact(id) => name_of(id),
        Expr::Neg(a) => format!("(-{})", excel_formula(a)),
        Expr::Add(a, b) => format!("({}+{})", excel_formula(a), excel_formula(b)),
        Expr::Sub(a, b) => format!("({}-{})", excel_formula(a), excel_formula(b)),
        Expr::Mul(a, b) => format!("({}*{})", excel_formula(a), excel_formula(b)),
        Expr::Div(a, b) => format!("({}/{})", excel_formula(a), excel_formula(b)),
        Expr::Growth(a, b) => format!("(({})/({})-1)*100", excel_formula(a), excel_formula(b)),
        Expr::Pct(a, b) => format!("({})/({})*100", excel_formula(a), excel_formula(b)),
        Expr::Cagr(end, start, n) => format!("((({})/({}))^(1/{n})-1)*100", excel_formula(end), excel_formula(start)),
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
    let [cover, facts, ratio_sheet, checks, errata] = sheet_names(lang);
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
            (trf(lang, "{0}: every printed figure as printed, in its printed unit, with the document, section and line it was printed on as a cell note. Column G holds it in base units (yen, shares, percent) and is named after the figure's id (cis.revenue is the name cis_revenue).", &[facts]), false),
            (trf(lang, "{0}: every ratio as a formula over those names, with its definition; a ratio that cannot be computed gives the reason.", &[ratio_sheet]), false),
            (trf(lang, "{0}: both sides of every reconciliation check as formulas, the rounding tolerance the printed precision allows, and whether the check holds (TRUE or FALSE).", &[checks]), false),
            (trf(lang, "{0}: where the documents disagree or err, and what the explorer uses instead.", &[errata]), false),
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
            names.push((name_of(&f.id), format!("={}!$G${excel_row}", quoted_sheet(facts))));
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

/// A sheet's name as a formula refers to it (quoted when it is not a plain word).
fn quoted_sheet(name: &str) -> String {
    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        name.to_owned()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

/// A formula's value from the figures' values as used (no rounding intervals): what a
/// spreadsheet computes from column G.
pub fn point_value(ds: &Dataset, expr: &Expr<String>) -> Result<Decimal, String> {
    let resolved = expr.clone().resolve(&mut |id: String| ds.index_of(&id).ok_or(format!("no fact {id}")))?;
    let v = resolved.eval(&|&i| ds.facts.get(i).ok_or(crate::model::interval::IntervalError::Overflow).and_then(|f| f.base_value()).map(Interval::exact));
    v.and_then(|iv| iv.center()).map_err(|e| format!("{e:?}"))
}
