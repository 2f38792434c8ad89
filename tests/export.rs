//! Host tests of the exports: the dataset JSON is valid JSON holding every fact, check and
//! erratum with its source; the scenario JSON reproduces the drivers; a statement CSV holds
//! the figures as shown.
#![cfg(not(target_arch = "wasm32"))]

use iij_explorer::export::{csv, dataset_json, scenario_json, statement_sheet};
use iij_explorer::format::{MoneyUnit, Negatives};
use iij_explorer::i18n::Lang;
use iij_explorer::model::scenario::{preset, project, Base, Plan, Preset};
use iij_explorer::model::{statements, Dataset};

#[test]
fn it_can_export_the_whole_dataset_as_json_with_sources() {
    let ds = Dataset::bundled().unwrap();
    let v: serde_json::Value = serde_json::from_str(&dataset_json(&ds)).expect("valid JSON");
    let source: serde_json::Value = serde_json::from_str(include_str!("../data/facts.json")).unwrap();
    assert_eq!(v["facts"].as_array().unwrap().len(), source["facts"].as_array().unwrap().len());
    assert_eq!(v["checks"].as_array().unwrap().len(), 340);
    assert_eq!(v["errata"].as_array().unwrap().len(), 19);
    // Typed from the notice: consolidated revenues JPY 66,835,299 thousand.
    let revenue = v["facts"].as_array().unwrap().iter().find(|f| f["id"] == "cis.revenue").unwrap();
    assert_eq!(revenue["value"], "66835299");
    assert_eq!(revenue["unit"], "jpy_thousands");
    assert_eq!(revenue["document"], "notice");
    assert!(revenue["source_line"].as_str().unwrap().contains("66,835,299"), "{}", revenue["source_line"]);
    // The accumulated deficit is negative though printed in parentheses.
    let deficit = v["facts"].as_array().unwrap().iter().find(|f| f["id"] == "cbs.accumulated_deficit").unwrap();
    assert_eq!(deficit["value"], "-19555489");
}

#[test]
fn it_can_export_a_scenario_as_json() {
    let ds = Dataset::bundled().unwrap();
    let (base, plan) = (Base::from_dataset(&ds).unwrap(), Plan::from_dataset(&ds).unwrap());
    let s = preset(Preset::CompanyPlan, &base, &plan).unwrap();
    let years = project(&base, &s).unwrap();
    let v: serde_json::Value = serde_json::from_str(&scenario_json(Preset::CompanyPlan, &s, &years, "https://example.com/#/scenarios?preset=plan")).expect("valid JSON");
    assert_eq!(v["preset"], "plan");
    assert_eq!(v["years"].as_array().unwrap().len(), 5);
    // The forecast: FY2008 revenues JPY 78.5 billion, operating income 5.2 billion.
    assert_eq!(v["years"][0]["projection"]["revenue"], "78500000000");
    assert_eq!(v["years"][0]["projection"]["operating_income"], "5200000000");
    assert_eq!(v["years"][0]["drivers"]["dps"], "2000");
}

#[test]
fn it_can_export_a_statement_as_csv_as_shown() {
    let ds = Dataset::bundled().unwrap();
    let t = statements::build(&ds, statements::spec("income").unwrap(), false).unwrap();
    let text = csv(&statement_sheet(&t, MoneyUnit::Thousands, Negatives::Parentheses, Lang::En));
    assert!(text.starts_with('\u{feff}'));
    // The notice's income statement, JPY thousands: revenues 66,835,299; interest expense
    // (438,163) shown in parentheses, exported with a minus sign.
    assert!(text.lines().any(|l| l.starts_with("Total revenues,66835299")), "{text}");
    assert!(text.lines().any(|l| l.contains("Interest expense") && l.contains(",-438163")), "{text}");
    // In Japanese, as the page shows it: line items, periods and the unit translated, the
    // figures the same.
    let ja = csv(&statement_sheet(&t, MoneyUnit::Thousands, Negatives::Parentheses, Lang::Ja));
    assert!(ja.lines().next().is_some_and(|l| l.ends_with("(千円)")), "{ja}");
    assert!(ja.lines().nth(1).is_some_and(|l| l.starts_with("科目,") && l.contains("2008年3月期")), "{ja}");
    assert!(ja.lines().any(|l| l.starts_with("売上高合計,66835299")), "{ja}");
    assert!(ja.lines().any(|l| l.starts_with("支払利息,") && l.contains(",-438163")), "{ja}");
    // With the triangle (△438,163 on the page) the file carries the number with a minus too.
    let tri = csv(&statement_sheet(&t, MoneyUnit::Thousands, Negatives::Triangle, Lang::Ja));
    assert!(tri.lines().any(|l| l.starts_with("支払利息,") && l.contains(",-438163")), "{tri}");
    assert!(!tri.contains('△'), "{tri}");
}
