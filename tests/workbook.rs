//! The analyst's workbooks (issue 17): read back with calamine, and recalculated by a real
//! spreadsheet engine (LibreOffice, headless; `scripts/test.sh` runs that test with
//! `--ignored` after installing it). The values compared are the documents' own, worked by
//! hand in the comments, and the model's exact results.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use iij_explorer::i18n::Lang;
use iij_explorer::model::dataset::Status;
use iij_explorer::model::ratios::{self, CATALOGUE};
use iij_explorer::model::Dataset;
use iij_explorer::workbook::{excel_formula, sheet_names, workbook, Options};
use rust_decimal::prelude::ToPrimitive;

fn book(lang: Lang, cached_results: bool) -> Vec<u8> {
    let ds = Dataset::bundled().unwrap();
    workbook(&ds, &Options { cached_results, ..Options::published(lang, "test") }).unwrap()
}

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).unwrap()
}

fn number(d: &Data) -> Option<f64> {
    match d {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        _ => None,
    }
}

/// A ratio's value in the unit the explorer shows it in (amounts in JPY millions).
fn shown_unit(spec: &ratios::RatioSpec, x: rust_decimal::Decimal) -> f64 {
    let v = x.to_f64().unwrap();
    if matches!(spec.unit, ratios::RatioUnit::Yen) { v / 1e6 } else { v }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn it_can_write_formulas_the_way_a_spreadsheet_reads_them() {
    let f = |s: &str| excel_formula(&iij_explorer::model::formula::parse(s).unwrap());
    assert_eq!(f("pct(cis.operating_income, cis.revenue)"), "(cis_operating_income)/(cis_revenue)*100");
    assert_eq!(f("growth(cis.revenue, trend.revenue.fy2006)"), "((cis_revenue)/(trend_revenue_fy2006)-1)*100");
    assert_eq!(f("cagr(target.revenue, cis.revenue, 3)"), "(((target_revenue)/(cis_revenue))^(1/3)-1)*100");
    assert_eq!(f("-(a.b + 2.50) * c.d / 4"), "(((-(a_b+2.5))*c_d)/4)");
}

#[test]
fn it_can_read_back_every_printed_figure_with_its_source() {
    let ds = Dataset::bundled().unwrap();
    for lang in [Lang::En, Lang::Ja] {
        let mut wb = open(book(lang, true));
        let [_, facts, ..] = sheet_names(lang);
        let sheet = wb.worksheet_range(facts).unwrap();
        assert_eq!(sheet.height(), ds.facts.len() + 1, "a row per fact and the header");
        for (i, f) in ds.facts.iter().enumerate() {
            let row = u32::try_from(i + 1).unwrap();
            assert_eq!(sheet.get_value((row, 0)), Some(&Data::String(f.id.clone())));
            assert_eq!(sheet.get_value((row, 2)), Some(&Data::String(f.printed.clone())), "{}", f.id);
            let value = sheet.get_value((row, 3)).and_then(number).unwrap();
            assert_eq!(value, f.value.to_f64().unwrap(), "{}", f.id);
            let base = sheet.get_value((row, 6)).and_then(number).unwrap();
            assert!(close(base, f.base_value().unwrap().to_f64().unwrap()), "{}: {base}", f.id);
            assert_eq!(sheet.get_value((row, 10)).and_then(number), Some(f64::from(f.line)), "{}", f.id);
        }
        // Total revenues: printed 66,835,299 (JPY thousands) on line 487 of the notice, the
        // line quoted beside it.
        let row = (1..sheet.height()).find(|&r| sheet.get_value((r as u32, 0)) == Some(&Data::String("cis.revenue".into()))).unwrap() as u32;
        assert_eq!(sheet.get_value((row, 3)).and_then(number), Some(66_835_299.0));
        assert_eq!(sheet.get_value((row, 6)).and_then(number), Some(66_835_299_000.0));
        assert_eq!(sheet.get_value((row, 10)).and_then(number), Some(487.0));
        assert_eq!(sheet.get_value((row, 11)), Some(&Data::String("Total revenues\t66,835,299".into())));
        // Its defined name reads it in base units from the income statement's sheet (JPY
        // thousands there), so an edited statement figure moves what uses the name; a figure
        // no statement shows is read from the Facts sheet's base-unit column.
        let names = wb.defined_names().to_vec();
        let target = |id: &str| names.iter().find(|(n, _)| n == id).map(|(_, t)| t.clone()).unwrap();
        let statement = iij_explorer::workbook::statement_sheet_name("income", lang);
        assert!(target("cis_revenue").contains(&statement) && target("cis_revenue").ends_with("*1000"), "{}", target("cis_revenue"));
        let shown: Vec<usize> = iij_explorer::model::statements::STATEMENTS
            .iter()
            .flat_map(|s| iij_explorer::model::statements::build(&ds, s, false).unwrap().rows)
            .flat_map(|r| r.cells.into_iter().flatten())
            .filter_map(|c| match c.source { iij_explorer::model::statements::Source::Fact(f) => Some(f), _ => None })
            .collect();
        let (alone, f) = ds.facts.iter().enumerate().find(|(i, _)| !shown.contains(i)).unwrap();
        let facts_row = alone + 2;
        assert!(target(&f.id.replace('.', "_")).ends_with(&format!("!$G${facts_row}")), "{}: {}", f.id, target(&f.id.replace('.', "_")));
        assert_eq!(names.len(), ds.facts.len());
    }
}

#[test]
fn it_can_give_every_ratio_as_a_formula_with_the_explorers_result() {
    let ds = Dataset::bundled().unwrap();
    let mut wb = open(book(Lang::En, true));
    let [_, _, ratio_sheet, ..] = sheet_names(Lang::En);
    let values = wb.worksheet_range(ratio_sheet).unwrap();
    let formulas = wb.worksheet_formula(ratio_sheet).unwrap();
    let mut row = 1u32;
    let mut formulas_seen = 0;
    for spec in CATALOGUE {
        for v in ratios::compute(&ds, spec) {
            assert_eq!(values.get_value((row, 1)), Some(&Data::String(spec.name.into())));
            match &v.value {
                Ok(x) => {
                    let cached = values.get_value((row, 3)).and_then(number).unwrap();
                    assert!(close(cached, shown_unit(spec, *x)), "{} {}: {cached}", spec.id, v.period);
                    assert!(!formulas.get_value((row, 3)).unwrap().is_empty(), "{} {} has a formula", spec.id, v.period);
                    formulas_seen += 1;
                }
                Err(_) => assert!(matches!(values.get_value((row, 3)), Some(Data::String(s)) if s.starts_with("Not available: "))),
            }
            row += 1;
        }
    }
    assert!(formulas_seen > 100, "{formulas_seen} ratio values");
    // The operating margin of FY2007: 4,759,364 / 66,835,299 x 100 = 7.121033 (notice line 137).
    let r = (1..values.height() as u32)
        .find(|&r| values.get_value((r, 1)) == Some(&Data::String("Operating margin".into())) && values.get_value((r, 2)) == Some(&Data::String("FY2007".into())))
        .unwrap();
    assert_eq!(formulas.get_value((r, 3)).map(String::as_str), Some("(cis_operating_income)/(cis_revenue)*100"));
    assert!((values.get_value((r, 3)).and_then(number).unwrap() - 7.121_033).abs() < 1e-6);
}

#[test]
fn it_can_give_every_check_with_both_sides_and_whether_it_holds() {
    let ds = Dataset::bundled().unwrap();
    let mut wb = open(book(Lang::En, true));
    let [_, _, _, checks, errata, _] = sheet_names(Lang::En);
    let sheet = wb.worksheet_range(checks).unwrap();
    assert_eq!(sheet.height(), ds.checks.len() + 1);
    for (i, c) in ds.checks.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap();
        assert_eq!(sheet.get_value((row, 0)), Some(&Data::String(c.id.clone())));
        let holds = sheet.get_value((row, 6));
        // What the explorer says holds holds in the sheet too.
        if matches!(ds.evaluate(i).status, Status::Passes | Status::PassesWithinRounding | Status::Erratum { holds: true, .. }) {
            assert_eq!(holds, Some(&Data::Bool(true)), "{}", c.id);
        }
    }
    assert_eq!(wb.worksheet_range(errata).unwrap().height(), ds.errata.len() + 1);
}

#[test]
fn it_can_lay_out_the_scenarios_with_the_company_plan_reproducing_the_forecast() {
    use iij_explorer::workbook::layout::{LINES, PROJECTION, TARGETS};
    let mut wb = open(book(Lang::En, true));
    let [.., scenarios] = sheet_names(Lang::En);
    let s = wb.worksheet_range(scenarios).unwrap();
    let line = |name: &str| PROJECTION + 1 + LINES.iter().position(|l| *l == name).unwrap() as u32;
    let at = |row: u32, col: u32| s.get_value((row, col)).and_then(number).unwrap();
    assert_eq!(s.get_value((1, 1)), Some(&Data::String("Company plan".into())));
    // FY2008 (column C) reproduces the forecast, JPY million: revenues 78,500, operating
    // income 5,200, income before tax 4,700, net income 5,200 (the presentation's plan).
    assert!((at(line("Total revenues"), 2) - 78_500.0).abs() < 1e-6);
    assert!((at(line("Operating income"), 2) - 5_200.0).abs() < 1e-6);
    assert!((at(line("Income before tax"), 2) - 4_700.0).abs() < 1e-6);
    assert!((at(line("Net income"), 2) - 5_200.0).abs() < 1e-6);
    // FY2007 (column B) is the notice's: revenues 66,835.299 million, operating income 4,759.364.
    assert!((at(line("Total revenues"), 1) - 66_835.299).abs() < 1e-6);
    assert!((at(line("Operating income"), 1) - 4_759.364).abs() < 1e-6);
    // Targets in FY2010: revenues met (the plan's 17.45% a year: 108,290 million), first met
    // in FY2010; operating income not met.
    assert_eq!(s.get_value((TARGETS + 1, 3)), Some(&Data::Bool(true)));
    assert!((at(TARGETS + 1, 1) - 108_290.0).abs() < 10.0, "{}", at(TARGETS + 1, 1));
    assert_eq!(s.get_value((TARGETS + 1, 5)), Some(&Data::String("FY2010".into())));
    assert_eq!(s.get_value((TARGETS + 2, 3)), Some(&Data::Bool(false)));
    assert_eq!(s.get_value((TARGETS + 2, 5)), Some(&Data::String("not by FY2012".into())));
    let formulas = wb.worksheet_formula(scenarios).unwrap();
    assert!(formulas.get_value((line("Operating income"), 3)).is_some_and(|f| f.contains('-')), "a formula, not a value");
}

/// A statement cell's value in the sheet's unit: amounts in JPY thousands.
fn sheet_value(c: &iij_explorer::model::statements::Cell) -> f64 {
    let v = c.value.to_f64().unwrap();
    if c.dimension == iij_explorer::model::fact::Dimension::Yen { v / 1000.0 } else { v }
}

/// Checks a sheet value against the explorer's cell: printed figures, amounts and ratios
/// (each the formula's value on the printed numbers, in the explorer as in the sheet) equal
/// the explorer's as shown (JPY thousands, its decimals). This holds the plan table's ratio of
/// FY2007 operating income to the JPY 10 billion target to 47.6% (4,759,364 / 10,000,000),
/// which the explorer once showed as the centre of the interval "10 billion" allows, 47.7%.
fn check_cell(name: &str, c: &iij_explorer::model::statements::Cell, v: f64) {
    let (engine, app) = shown_like(c, v);
    assert_eq!(engine, app, "{name} {}: {v}", c.id);
}

/// A sheet value as the explorer shows the cell, and the explorer's text made plain.
fn shown_like(c: &iij_explorer::model::statements::Cell, v: f64) -> (String, String) {
    use iij_explorer::format::{cell, MoneyUnit, Negatives};
    let app = iij_explorer::export::plain_number(&cell(c, MoneyUnit::Thousands, Negatives::Minus).0);
    let places = app.split_once('.').map_or(0, |(_, d)| d.len());
    let mut engine = format!("{v:.places$}");
    if engine.starts_with("-") && engine.trim_start_matches(['-', '0', '.']).is_empty() {
        engine = engine.trim_start_matches('-').to_owned();
    }
    (engine, app)
}

#[test]
fn it_can_give_every_statement_with_printed_values_and_derived_formulas() {
    use iij_explorer::model::statements::{self, Source, STATEMENTS};
    let ds = Dataset::bundled().unwrap();
    for lang in [Lang::En, Lang::Ja] {
        let mut wb = open(book(lang, true));
        for spec in STATEMENTS {
            let name = iij_explorer::workbook::statement_sheet_name(spec.key, lang);
            let values = wb.worksheet_range(&name).unwrap_or_else(|e| panic!("{name}: {e}"));
            let formulas = wb.worksheet_formula(&name).unwrap();
            let table = statements::build(&ds, spec, false).unwrap();
            for (i, row) in table.rows.iter().enumerate() {
                for (j, cell) in row.cells.iter().enumerate() {
                    let Some(c) = cell else { continue };
                    let pos = ((i + 2) as u32, (j + 1) as u32);
                    let v = values.get_value(pos).and_then(number).unwrap_or_else(|| panic!("{name} {}: {:?}", c.id, values.get_value(pos)));
                    check_cell(&name, c, v);
                    if let Source::Fact(_) = c.source {
                        assert!(close(v, sheet_value(c)), "{name} {}: {v}", c.id);
                    }
                    let f = formulas.get_value(pos).map(String::as_str).unwrap_or("");
                    match c.source {
                        Source::Fact(_) => assert!(f.is_empty(), "{name} {}: a printed figure is a value", c.id),
                        Source::Derived { .. } => assert!(!f.is_empty(), "{name} {}: a derived figure is a formula", c.id),
                    }
                }
            }
        }
    }
    // The income statement: total revenues printed 66,835,299 (JPY thousands, notice line
    // 487); gross margin, which the notice does not print, = revenues - cost of revenues in
    // the sheet's own cells: 66,835,299 - 52,882,621 = 13,952,678.
    let mut wb = open(book(Lang::En, true));
    let sheet = wb.worksheet_range("Income_statement").unwrap();
    let row_of = |label: &str| (0..sheet.height() as u32).find(|&r| matches!(sheet.get_value((r, 0)), Some(Data::String(s)) if s.trim() == label)).unwrap();
    assert_eq!(sheet.get_value((row_of("Total revenues"), 1)).and_then(number), Some(66_835_299.0));
    assert_eq!(sheet.get_value((row_of("Gross margin"), 1)).and_then(number), Some(13_952_678.0));
    let formulas = wb.worksheet_formula("Income_statement").unwrap();
    let gm = formulas.get_value((row_of("Gross margin"), 1)).unwrap();
    assert!(gm.contains(&format!("B{}", row_of("Total revenues") + 1)), "over the sheet's own cells: {gm}");
}

// ----- a real spreadsheet engine -----

/// LibreOffice's command, if installed.
fn soffice() -> Option<PathBuf> {
    ["/usr/bin/soffice", "/usr/bin/libreoffice"].into_iter().map(PathBuf::from).find(|p| p.exists())
}

/// Every sheet of `xlsx`, recalculated by LibreOffice and exported as CSV (one file per
/// sheet, `<stem>-<sheet>.csv`). A fresh profile whose setting makes it recalculate every
/// formula of an Excel file on load (the default is never to).
fn recalculate(xlsx: &Path, out: &Path, as_shown: bool) -> Vec<(String, Vec<Vec<String>>)> {
    let profile = out.join("profile");
    let user = profile.join("user");
    std::fs::create_dir_all(&user).unwrap();
    std::fs::write(
        user.join("registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .unwrap();
    let status = Command::new(soffice().unwrap())
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--norestore", "--convert-to"])
        // Comma-separated, quoted text, UTF-8 (76), values unformatted (or as shown), every
        // sheet (-1).
        .arg(format!("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,{as_shown},false,false,-1"))
        .arg("--outdir")
        .arg(out)
        .arg(xlsx)
        .status()
        .unwrap();
    assert!(status.success(), "soffice failed");
    let stem = xlsx.file_stem().unwrap().to_string_lossy().to_string();
    let mut sheets = Vec::new();
    for entry in std::fs::read_dir(out).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if let Some(sheet) = name.strip_prefix(&format!("{stem}-")).and_then(|n| n.strip_suffix(".csv")) {
            let text = std::fs::read_to_string(&path).unwrap();
            sheets.push((sheet.to_owned(), parse_csv(&text)));
        }
    }
    sheets
}

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[test]
#[ignore = "needs LibreOffice (scripts/test.sh installs it and runs this with --ignored)"]
fn a_spreadsheet_engine_recalculates_every_formula_to_the_explorers_values() {
    let ds = Dataset::bundled().unwrap();
    assert!(soffice().is_some(), "LibreOffice is not installed (scripts/setup-test.sh installs libreoffice-calc-nogui)");
    for lang in [Lang::En, Lang::Ja] {
        let dir = std::env::temp_dir().join(format!("iij-workbook-{}-{}", std::process::id(), lang.code()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        // Without cached results: every number below comes from the engine's recalculation.
        let xlsx = dir.join("book.xlsx");
        std::fs::write(&xlsx, book(lang, false)).unwrap();
        let sheets = recalculate(&xlsx, &dir, false);
        let sheet = |name: &str| sheets.iter().find(|(n, _)| n == name).map(|(_, rows)| rows).unwrap_or_else(|| panic!("no sheet {name}: {:?}", sheets.iter().map(|s| &s.0).collect::<Vec<_>>()));
        let [_, facts, ratio_sheet, checks, _, _] = sheet_names(lang);
        for (_, rows) in &sheets {
            for cell in rows.iter().flatten() {
                assert!(!["#REF!", "#DIV/0!", "#NAME?", "#VALUE!", "Err:", "#N/A"].iter().any(|e| cell.contains(e)), "an error cell: {cell}");
            }
        }
        let value = |s: &str| s.parse::<f64>().unwrap_or_else(|_| panic!("not a number: {s:?}"));
        // Facts: the base-unit column is the printed value times the unit.
        let f = sheet(facts);
        for (i, fact) in ds.facts.iter().enumerate() {
            assert!(close(value(&f[i + 1][6]), fact.base_value().unwrap().to_f64().unwrap()), "{}: {}", fact.id, f[i + 1][6]);
        }
        // Ratios: the engine's value equals the explorer's exact result at the shown
        // precision (and to 1e-9 relative).
        let r = sheet(ratio_sheet);
        let mut row = 1;
        for spec in CATALOGUE {
            for v in ratios::compute(&ds, spec) {
                if let Ok(x) = v.value {
                    let engine = value(&r[row][3]);
                    assert!(close(engine, shown_unit(spec, x)), "{} {}: engine {engine}, explorer {x}", spec.id, v.period);
                    // As the explorer shows it ("7.1%", "JPY 4,562 million"), and the engine's
                    // value to as many places.
                    let app = iij_explorer::export::plain_number(&iij_explorer::format::ratio(x, spec.unit, spec.decimals));
                    let places = if matches!(spec.unit, ratios::RatioUnit::Yen) { 0 } else { spec.decimals as usize };
                    assert_eq!(format!("{engine:.places$}"), app, "{} {}", spec.id, v.period);
                }
                row += 1;
            }
        }
        // Checks: both sides and the status, recalculated.
        let c = sheet(checks);
        for (i, check) in ds.checks.iter().enumerate() {
            let cells = &c[i + 1];
            let lhs = iij_explorer::workbook::point_value(&ds, &iij_explorer::model::formula::parse(&check.lhs_text).unwrap()).unwrap();
            let rhs = iij_explorer::workbook::point_value(&ds, &iij_explorer::model::formula::parse(&check.rhs_text).unwrap()).unwrap();
            assert!(close(value(&cells[2]), lhs.to_f64().unwrap()), "{} left: {}", check.id, cells[2]);
            assert!(close(value(&cells[4]), rhs.to_f64().unwrap()), "{} right: {}", check.id, cells[4]);
            let holds = cells[6].to_uppercase();
            if matches!(ds.evaluate(i).status, Status::Passes | Status::PassesWithinRounding | Status::Erratum { holds: true, .. }) {
                assert_eq!(holds, "TRUE", "{}", check.id);
            } else {
                assert!(holds == "TRUE" || holds == "FALSE", "{}: {holds}", check.id);
            }
        }
        // Statements: every derived figure recalculated equals the explorer's.
        for spec in iij_explorer::model::statements::STATEMENTS {
            let name = iij_explorer::workbook::statement_sheet_name(spec.key, lang);
            let rows = sheet(&name);
            let table = iij_explorer::model::statements::build(&ds, spec, false).unwrap();
            for (i, row) in table.rows.iter().enumerate() {
                for (j, cell) in row.cells.iter().enumerate() {
                    let Some(c) = cell else { continue };
                    let engine = value(&rows[i + 2][j + 1]);
                    check_cell(&name, c, engine);
                }
            }
        }
        // As the engine shows them: separators, and in Japanese the triangle. The accumulated
        // deficit was printed (19,555,489) in JPY thousands (the notice, line 467).
        let shown_dir = dir.join("shown");
        std::fs::create_dir_all(&shown_dir).unwrap();
        let shown = recalculate(&xlsx, &shown_dir, true);
        let facts_shown = &shown.iter().find(|(n, _)| n == facts).unwrap().1;
        let deficit = facts_shown.iter().find(|r| r[0] == "cbs.accumulated_deficit").unwrap();
        assert_eq!(deficit[3], if lang == Lang::Ja { "△19,555,489" } else { "-19,555,489" });
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
#[ignore = "needs LibreOffice (scripts/test.sh installs it and runs this with --ignored)"]
fn a_spreadsheet_engine_projects_every_preset_and_an_edited_driver_as_the_explorer_does() {
    use iij_explorer::model::scenario::{project, Base, Driver, Plan, Preset, Presets};
    use iij_explorer::workbook::layout::{LINES, PROJECTION, TARGETS};
    use iij_explorer::workbook::projected;
    let ds = Dataset::bundled().unwrap();
    let (base, plan) = (Base::from_dataset(&ds).unwrap(), Plan::from_dataset(&ds).unwrap());
    let presets = Presets::new(&base, &plan).unwrap();
    // The systems-integration gross margin typed as 40% in every year of the company plan.
    let mut edited = presets.get(Preset::CompanyPlan);
    for (i, y) in edited.years.iter_mut().enumerate() {
        Driver::GrossMargin(1).set(y, rust_decimal::Decimal::from(40), 2008 + i as u16).unwrap();
    }
    let edits: Vec<_> = (0..5).map(|i| (Preset::CompanyPlan, Driver::GrossMargin(1), i, rust_decimal::Decimal::from(40))).collect();
    let cases = Preset::ALL.iter().map(|p| (*p, presets.get(*p), Vec::new())).chain([(Preset::CompanyPlan, edited, edits)]);
    for (n, (preset, scenario, edits)) in cases.enumerate() {
        let lang = if n % 2 == 0 { Lang::En } else { Lang::Ja };
        let options = Options { cached_results: false, preset, edits, ..Options::published(lang, "test") };
        let dir = std::env::temp_dir().join(format!("iij-scenario-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let xlsx = dir.join("book.xlsx");
        std::fs::write(&xlsx, workbook(&ds, &options).unwrap()).unwrap();
        let sheets = recalculate(&xlsx, &dir, false);
        let [.., scenarios] = sheet_names(lang);
        let s = &sheets.iter().find(|(name, _)| name == scenarios).unwrap().1;
        for (_, rows) in &sheets {
            for cell in rows.iter().flatten() {
                assert!(!["#REF!", "#DIV/0!", "#NAME?", "#VALUE!", "Err:", "#N/A"].iter().any(|e| cell.contains(e)), "an error cell: {cell}");
            }
        }
        let expected = project(&base, &scenario).unwrap();
        for (i, y) in expected.iter().enumerate() {
            for (l, name) in LINES.iter().enumerate() {
                let cell = &s[(PROJECTION + 1) as usize + l][i + 2];
                match projected(y, l) {
                    Some(v) => {
                        let engine: f64 = cell.parse().unwrap_or_else(|_| panic!("{preset:?} {name} {}: {cell:?}", y.year));
                        assert!(close(engine, v.to_f64().unwrap()), "{preset:?} case {n}, {name}, FY{}: engine {engine}, explorer {v}", y.year);
                    }
                    None => assert_eq!(cell, "n/a", "{preset:?} {name}"),
                }
            }
        }
        if n == 0 {
            // The company plan, recalculated, reproduces the forecast: FY2008 revenues 78,500
            // and operating income 5,200 (JPY million, the presentation's plan).
            let at = |name: &str| s[(PROJECTION + 1) as usize + LINES.iter().position(|l| *l == name).unwrap()][2].parse::<f64>().unwrap();
            assert!((at("Total revenues") - 78_500.0).abs() < 1e-6 && (at("Operating income") - 5_200.0).abs() < 1e-6);
        }
        // The targets in FY2010, met or not as the explorer says.
        let y10 = &expected[2];
        assert_eq!(s[(TARGETS + 1) as usize][3].to_uppercase(), if y10.total_revenue >= plan.target_revenue { "TRUE" } else { "FALSE" });
        assert_eq!(s[(TARGETS + 2) as usize][3].to_uppercase(), if y10.operating_income >= plan.target_operating_income { "TRUE" } else { "FALSE" });
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// Issue 26: no formula or defined name quotes a sheet's name (some spreadsheet engines reject
/// `'Shareholders'' equity'!$G$5` in a defined name): every sheet is named with letters,
/// digits and underscores, and nothing in either workbook writes `'…'!`.
#[test]
fn it_can_name_every_sheet_so_that_no_formula_quotes_it() {
    use iij_explorer::workbook::sheet_name_needs_no_quotes;
    for (name, plain) in [("Income_statement", true), ("損益計算書", true), ("単体_純資産", true), ("Shareholders' equity", false),
        ("Income statement", false), ("AB12", false), ("R1C1", false), ("TRUE", false), ("2008", false), ("Trend_FY2004_FY2007", true)] {
        assert_eq!(sheet_name_needs_no_quotes(name), plain, "{name}");
    }
    for lang in [Lang::En, Lang::Ja] {
        let mut wb = open(book(lang, true));
        let sheets = wb.sheet_names().to_vec();
        assert_eq!(sheets.len(), 18, "cover, facts, ratios, checks, errata, scenarios and twelve statements");
        for s in &sheets {
            assert!(s.chars().all(|c| c.is_alphanumeric() || c == '_'), "{lang:?}: sheet {s:?} would need quotes");
        }
        let mut formulas = 0;
        for s in &sheets {
            let range = wb.worksheet_formula(s).unwrap();
            for f in range.used_cells().map(|(_, _, f)| f).filter(|f| !f.is_empty()) {
                formulas += 1;
                assert!(!f.contains("'!"), "{lang:?}, sheet {s}: {f}");
            }
        }
        assert!(formulas > 1_000, "{lang:?}: {formulas} formulas read");
        let names = wb.defined_names().to_vec();
        assert!(!names.is_empty());
        for (n, target) in &names {
            assert!(!target.contains('\''), "{lang:?}: {n} = {target}");
            let sheet = target.trim_start_matches('=').split('!').next().unwrap();
            assert!(sheets.iter().any(|s| s == sheet), "{lang:?}: {n} = {target} names no sheet");
        }
    }
}
