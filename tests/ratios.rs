//! Host tests of the ratio engine. The expected values were computed independently with
//! Python's `decimal` module (40 digits, half-up rounding) from figures typed from the source
//! documents, e.g. gross margin FY2007 = (66,835,299 - 52,882,621) / 66,835,299 = 20.87...%,
//! not from this code's output.
#![cfg(not(target_arch = "wasm32"))]

use std::str::FromStr;

use iij_explorer::model::ratios::{self, compute, Group, NotAvailable, RatioSpec, RatioUnit, CATALOGUE};
use iij_explorer::model::Dataset;
use rust_decimal::{Decimal, RoundingStrategy};

fn value(ds: &Dataset, id: &str, period: &str) -> Result<Decimal, NotAvailable> {
    let spec = ratios::ratio(id).unwrap_or_else(|| panic!("no ratio {id}"));
    let v = compute(ds, spec).into_iter().find(|v| v.period == period).unwrap_or_else(|| panic!("{id} has no period {period}"));
    v.value
}

#[test]
fn it_can_compute_ratios_that_match_independent_values() {
    let ds = Dataset::bundled().unwrap();
    let table = [
        ("gross_margin", "FY2007", "20.9"),
        ("gross_margin", "FY2006", "19.5"),
        ("operating_margin", "FY2004", "3.0"),
        ("operating_margin", "FY2007", "7.1"),
        ("operating_margin", "FY2008F", "6.6"),
        ("pretax_margin", "FY2007", "6.5"),
        ("net_margin", "FY2005", "9.5"),
        ("net_margin", "FY2007", "7.7"),
        ("cvas_gross_margin", "FY2007", "16.8"),
        ("si_gross_margin", "FY2007", "24.9"),
        ("equipment_gross_margin", "FY2007", "14.2"),
        ("sga_to_revenue", "FY2007", "13.4"),
        ("rd_to_revenue", "FY2007", "0.36"),
        ("effective_tax_rate", "FY2007", "-19.7"),
        ("roe_average", "FY2007", "23.0"),
        ("roe_average", "FY2006", "26.8"),
        ("roe_ending", "FY2007", "20.7"),
        ("roa_average", "FY2007", "10.0"),
        ("roa_ending", "FY2004", "7.8"),
        ("operating_roa", "FY2007", "9.2"),
        ("current_ratio", "FY2007", "1.19"),
        ("quick_ratio", "FY2007", "0.99"),
        ("cash_ratio", "FY2007", "0.48"),
        ("working_capital", "FY2007", "4561605000"),
        ("equity_ratio", "FY2007", "44.8"),
        ("equity_ratio", "FY2004", "31.3"),
        ("debt_to_equity", "FY2007", "0.69"),
        ("net_debt", "FY2007", "5861146000"),
        ("interest_coverage", "FY2007", "10.9"),
        ("asset_turnover", "FY2007", "1.29"),
        ("receivable_days", "FY2007", "66.9"),
        ("receivable_days", "FY2006", "61.9"),
        ("inventory_days", "FY2007", "8.2"),
        ("payable_days", "FY2007", "54.5"),
        ("bvps", "FY2007", "120985"),
        ("payout_ratio", "FY2007", "7.0"),
        ("payout_ratio", "FY2008F", "7.9"),
        ("dividend_growth", "FY2007", "16.7"),
        ("dividends_paid_to_net_income", "FY2007", "8.9"),
        ("revenue_growth", "FY2007", "17.1"),
        ("revenue_growth", "FY2005", "19.4"),
        ("net_income_growth", "FY2007", "-4.3"),
        ("eps_growth", "FY2005", "60.2"),
        ("cash_growth", "FY2007", "-15.4"),
        ("revenue_cagr", "FY2007", "17.03"),
        ("operating_income_cagr", "FY2007", "56.25"),
        ("net_income_cagr", "FY2007", "21.22"),
        ("total_assets_cagr", "FY2007", "14.49"),
        ("equity_cagr", "FY2007", "29.08"),
        ("ocf_to_net_income", "FY2007", "0.88"),
        ("capex_to_revenue", "FY2007", "9.1"),
        ("operating_plus_investing", "FY2007", "-906000000"),
        ("plan_revenue_growth", "FY2008F", "17.5"),
        ("target_revenue_cagr", "FY2007→FY2010", "14.38"),
        ("target_revenue_cagr", "FY2008F→FY2010", "12.87"),
        ("target_operating_income_cagr", "FY2007→FY2010", "28.08"),
        ("target_operating_income_cagr", "FY2008F→FY2010", "38.68"),
        ("parent_revenue_share", "FY2007", "62.8"),
        ("parent_operating_income_share", "FY2007", "61.5"),
        ("parent_net_income_share", "FY2007", "75.6"),
        ("parent_assets_share", "FY2007", "66.0"),
    ];
    assert!(table.len() >= 30);
    for (id, period, expected) in table {
        let spec = ratios::ratio(id).unwrap();
        let v = value(&ds, id, period).unwrap_or_else(|e| panic!("{id} {period}: {e}"));
        let shown = v.round_dp_with_strategy(spec.decimals, RoundingStrategy::MidpointAwayFromZero);
        assert_eq!(shown, Decimal::from_str(expected).unwrap(), "{id} {period}: unrounded {v}");
    }
}

#[test]
fn it_can_compute_cagr_to_ten_significant_digits() {
    let ds = Dataset::bundled().unwrap();
    // ((66,835,299 / 41,702,567)^(1/3) - 1) x 100 = 17.02564285364203802..., Python decimal, 40 digits.
    let v = value(&ds, "revenue_cagr", "FY2007").unwrap();
    assert_eq!(v.round_dp(12), Decimal::from_str("17.025642853642").unwrap());
}

#[test]
fn it_can_offer_a_broad_valid_catalogue() {
    let ds = Dataset::bundled().unwrap();
    assert!(CATALOGUE.len() >= 40, "only {} ratios", CATALOGUE.len());
    for g in Group::ALL {
        assert!(CATALOGUE.iter().any(|r| r.group == g), "no ratio in {}", g.title());
    }
    let mut ids: Vec<&str> = CATALOGUE.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), before, "ratio ids are unique");
    for spec in CATALOGUE {
        assert!(!spec.definition.is_empty() && !spec.periods.is_empty(), "{}", spec.id);
        for v in compute(&ds, spec) {
            assert!(v.value.is_ok(), "{} {} is not available: {:?}", spec.id, v.period, v.value);
            assert!(!v.inputs.is_empty(), "{} {} has no inputs", spec.id, v.period);
        }
    }
}

fn synthetic(formula: &'static str) -> RatioSpec {
    let periods: &'static [(&'static str, &'static str)] = Box::leak(Box::new([("FY2007", formula)]));
    RatioSpec { id: "test", group: Group::Profitability, name: "test", definition: "test", unit: RatioUnit::Percent, decimals: 1, periods }
}

#[test]
fn it_can_say_why_a_ratio_is_not_available() {
    let ds = Dataset::bundled().unwrap();
    let one = |f: &'static str| compute(&ds, &synthetic(f)).remove(0).value;
    assert_eq!(one("pct(cis.revenue, cis.no_such_line)"), Err(NotAvailable::MissingInput("cis.no_such_line".into())));
    assert_eq!(one("cis.revenue / (cis.revenue - cis.revenue)"), Err(NotAvailable::DivisionByZero));
    // Income tax was a benefit (negative): no compound growth from it.
    assert_eq!(one("cagr(cis.revenue, cis.income_tax, 3)"), Err(NotAvailable::NotPositive));
    assert_eq!(one("cis.revenue * cis.revenue * cis.revenue * cis.revenue"), Err(NotAvailable::Overflow));
    assert!(matches!(one("pct(cis.revenue,"), Err(NotAvailable::BadFormula(_))));
    for reason in [NotAvailable::DivisionByZero, NotAvailable::NotPositive, NotAvailable::Overflow, NotAvailable::MissingInput("x".into())] {
        assert!(!reason.to_string().is_empty());
    }
}

#[test]
fn it_can_list_the_periods_of_a_group_in_time_order() {
    assert_eq!(ratios::periods_of(Group::Profitability), ["FY2004", "FY2005", "FY2006", "FY2007", "FY2008F"]);
    assert_eq!(ratios::periods_of(Group::Plan), ["FY2008F", "FY2007→FY2010", "FY2008F→FY2010"]);
}
