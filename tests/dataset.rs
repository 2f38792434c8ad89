//! Host tests of the dataset against the source documents themselves.
//!
//! The expected values and counts below were typed by hand from `data/sources/*.txt`, not
//! copied from `data/facts.json` or from the code's output.
#![cfg(not(target_arch = "wasm32"))]

use std::str::FromStr;

use iij_explorer::model::{Dataset, DocumentId, Error, Status, Unit};
use rust_decimal::Decimal;

fn dataset() -> Dataset {
    Dataset::bundled().expect("the bundled dataset loads")
}

fn source_lines(doc: DocumentId) -> Vec<String> {
    let path = format!("{}/data/sources/{}", env!("CARGO_MANIFEST_DIR"), doc.document().file);
    std::fs::read_to_string(&path).expect("source document").split('\n').map(str::to_owned).collect()
}

#[test]
fn it_can_read_the_bundled_form_exactly_as_the_json_file() {
    let from_json = Dataset::from_json(iij_explorer::model::dataset::BUNDLED_JSON).expect("the JSON file loads");
    assert_eq!(dataset(), from_json);
    assert!(matches!(Dataset::from_tsv("schema\t1\nF\ttoo\tfew").unwrap_err(), Error::Parse(_)));
    assert!(matches!(Dataset::from_tsv("X\t1").unwrap_err(), Error::Parse(_)));
    // The two halves the app runs in separate tasks: a malformed record stops the first, an
    // unknown schema (a record well formed, its content wrong) the second.
    let halves = Dataset::parse_tsv(iij_explorer::model::dataset::BUNDLED_TSV).and_then(Dataset::from_parsed).expect("both halves");
    assert_eq!(halves, from_json);
    assert!(matches!(Dataset::parse_tsv("F\ttoo\tfew"), Err(Error::Parse(_))));
    let wrong_schema = Dataset::parse_tsv("schema\t999").expect("well-formed records");
    assert!(matches!(Dataset::from_parsed(wrong_schema), Err(Error::Parse(m)) if m.contains("schema 999")));
}

#[test]
fn it_can_trace_every_fact_to_the_line_it_was_printed_on() {
    let ds = dataset();
    let notice = source_lines(DocumentId::Notice);
    let forum = source_lines(DocumentId::Forum);
    let mut problems = Vec::new();
    for f in &ds.facts {
        let section = &ds.sections[f.section];
        let lines = match section.doc {
            DocumentId::Notice => &notice,
            DocumentId::Forum => &forum,
        };
        let Some(text) = lines.get(f.line as usize - 1) else {
            problems.push(format!("{}: line {} is past the end", f.id, f.line));
            continue;
        };
        if !text.contains(&f.printed) {
            problems.push(format!("{}: “{}” is not on line {}", f.id, f.printed, f.line));
        }
        if !text.contains(&f.row) {
            problems.push(format!("{}: row “{}” is not on line {}", f.id, f.row, f.line));
        }
        if f.line < section.line {
            problems.push(format!("{}: line {} is before its section starts ({})", f.id, f.line, section.line));
        }
    }
    assert!(problems.is_empty(), "{} facts do not trace:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn it_can_read_the_printed_number_back_as_the_value() {
    // Where the explorer's value is the printed number, parsing the printed text gives it;
    // where it differs (a sign from wording, a correction), a note or an erratum says why.
    let ds = dataset();
    for f in &ds.facts {
        let digits: String = f
            .printed
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let Ok(mut printed) = Decimal::from_str(digits.trim_end_matches('.')) else {
            // A number printed in words ("three years") must say so in a note.
            assert!(f.note.as_deref().is_some_and(|n| n.contains("words")), "{}: no number in “{}”", f.id, f.printed);
            continue;
        };
        // Parentheses mark negatives, except in the parent's Japanese-style balance sheet,
        // where they mark sub-subtotals (each such fact carries a note saying so).
        if f.printed.starts_with('(') && f.note.as_deref().is_none_or(|n| !n.contains("sub-subtotals")) {
            printed = -printed;
        }
        if f.printed.starts_with('-') {
            printed = -printed;
        }
        if f.value != printed {
            assert!(
                f.note.is_some() || f.erratum.is_some(),
                "{}: value {} differs from printed “{}” with no note or erratum",
                f.id,
                f.value,
                f.printed
            );
        }
    }
}

#[test]
fn it_can_match_facts_typed_by_hand_from_the_documents() {
    let ds = dataset();
    // (id, value, unit) typed from the documents.
    let table: &[(&str, &str, Unit)] = &[
        ("cbs.cash", "11470980", Unit::JpyThousands),
        ("cbs.total_assets", "55702546", Unit::JpyThousands),
        ("cbs.accumulated_deficit", "-19555489", Unit::JpyThousands),
        ("cbs.minority_interest", "294102", Unit::JpyThousands),
        ("cbs.other_assets_allowance", "64796", Unit::JpyThousands),
        ("cis.revenue", "66835299", Unit::JpyThousands),
        ("cis.operating_income", "4759364", Unit::JpyThousands),
        ("cis.net_income", "5176589", Unit::JpyThousands),
        ("cis.income_tax", "-861414", Unit::JpyThousands),
        ("cis.research_development", "240423", Unit::JpyThousands),
        ("cis.revenue_connectivity_home", "5429955", Unit::JpyThousands),
        ("ceq.total_opening", "20112004", Unit::JpyThousands),
        ("ceq.aoci_oci", "-859091", Unit::JpyThousands),
        ("ceq.shares_opening", "204300", Unit::Shares),
        ("trend.revenue.fy2004", "41702567", Unit::JpyThousands),
        ("trend.eps.fy2004", "75858", Unit::JpyPerShare),
        ("trend.eps_split_adjusted.fy2004", "15172", Unit::JpyPerShare),
        ("trend.bvps.fy2006", "98592", Unit::JpyPerShare),
        ("trend.total_assets.fy2005", "50704989", Unit::JpyThousands),
        ("trend.equity.fy2005", "20221938", Unit::JpyThousands),
        ("sub.iij_tech.capital", "2358126", Unit::JpyThousands),
        ("sub.iij_america.capital", "2530000", Unit::Usd),
        ("holder.ntt", "50475", Unit::Shares),
        ("shares.shareholders", "4423", Unit::Count),
        ("borrow.mizuho", "2900000", Unit::JpyThousands),
        ("div.fy2007_interim.total", "154859", Unit::JpyThousands),
        ("cnotes.accumulated_depreciation", "14029785", Unit::JpyThousands),
        ("cnotes.sar_shares", "2575", Unit::Shares),
        ("nbs.total_assets", "36764067", Unit::JpyThousands),
        ("nbs.affiliate_shares", "11472778", Unit::JpyThousands),
        ("nbs.tangible_assets", "1474210", Unit::JpyThousands),
        ("nis.revenue", "41992440", Unit::JpyThousands),
        ("nis.income_tax_deferred", "-1680656", Unit::JpyThousands),
        ("nis.net_income", "3911263", Unit::JpyThousands),
        ("neq.unrealized_change", "-458618", Unit::JpyThousands),
        ("dta.valuation_allowance", "-3997959", Unit::JpyThousands),
        ("lease.total.cost", "8657283", Unit::JpyThousands),
        ("nnotes.eps", "18964.62", Unit::JpyPerShare),
        ("nnotes.net_assets_per_share", "115449.63", Unit::JpyPerShare),
        ("forecast.revenue", "78.5", Unit::JpyBillions),
        ("forecast.eps", "25184", Unit::JpyPerShare),
        ("forecast.dps", "2000", Unit::JpyPerShare),
        ("target.revenue", "100", Unit::JpyBillions),
        ("target.operating_income", "10", Unit::JpyBillions),
        ("results.net_income_fy2006", "5.4", Unit::JpyBillions),
        ("results.pretax_income_growth", "-13.6", Unit::Percent),
        ("fr.recurring_revenue", "47296", Unit::JpyMillions),
        ("svc.som", "15993", Unit::JpyMillions),
        ("svc.construction_backlog", "4762", Unit::JpyMillions),
        ("svc.som_backlog", "11147", Unit::JpyMillions),
        ("svc.broadband_contracts", "23539", Unit::Count),
        ("svc.hiho_contracts", "189700", Unit::Count),
        ("fbs.cash_2007", "13555", Unit::JpyMillions),
        ("fbs.cash_change", "-2084", Unit::JpyMillions),
        ("cf.operating", "4538", Unit::JpyMillions),
        ("cf.investing", "-5444", Unit::JpyMillions),
        ("cf.financing", "-1152", Unit::JpyMillions),
        ("q.income_tax.2q07", "-1980", Unit::JpyMillions),
        ("q.income_tax.fy2007", "-861", Unit::JpyMillions),
        ("q.net_income_4q", "1089", Unit::JpyMillions),
        ("market.outsourcing_size_2012", "3596", Unit::JpyBillions),
        ("rem.directors.total", "236871", Unit::JpyThousands),
        ("audit.fee", "88662", Unit::JpyThousands),
        ("emp.total", "1373", Unit::Persons),
        ("profile.customers", "6500", Unit::Count),
        ("br.capex", "6078", Unit::JpyMillions),
        ("candidate.ishida.shares", "24.1", Unit::Shares),
    ];
    assert!(table.len() >= 40);
    for (id, value, unit) in table {
        let f = ds.fact(id).unwrap_or_else(|| panic!("no fact {id}"));
        assert_eq!(f.value, Decimal::from_str(value).unwrap(), "{id}");
        assert_eq!(f.unit, *unit, "{id}");
    }
}

#[test]
fn it_can_count_the_facts_of_each_statement_as_counted_by_hand() {
    // Numbers printed in each statement, counted by hand in the documents (see the comments).
    let ds = dataset();
    let table = [
        // assets 20 (incl. 4 allowances in line texts), liabilities 7 + 4, minority 1,
        // equity 8 (incl. authorized and issued shares in the common stock line)
        ("n.cbs", 40),
        // revenues 8, costs 4, expenses 4, operating income 1, other 7, below the line 5
        ("n.cis", 29),
        // first table 12 cells, second table 10 cells
        ("n.ceq", 22),
        // assets side 29; liabilities 12 + 4 + 1, equity 8, valuation 2, two totals
        ("n.nbs", 58),
        // 5 + non-operating 4 + 4, ordinary 1, extraordinary 3 + 5, pretax 1, taxes and net 3
        ("n.nis", 26),
        // non-dash cells: first table 19, second table 17
        ("n.neq", 36),
        // subsidiaries 3 + 3, deferred tax 15, leases 15, related parties 10, per share 2
        ("n.nnotes", 48),
        // 4 x 6 table, plus 0.9 and 0.5 billion in the notes
        ("f.forecast", 26),
        // 13 rows x 3 columns, plus the JPY 2,000 million in a comment
        ("f.bs", 40),
        // 3 x 5 table, plus 15 figures in the text
        ("f.quarters", 30),
        // 7 rows x 4 years, split-adjusted 2, split ratio 1, FY2006 equity per share on shares outstanding 1
        ("n.trend", 32),
    ];
    for (section, expected) in table {
        let index = ds.sections.iter().position(|s| s.id == section).unwrap_or_else(|| panic!("no section {section}"));
        let count = ds.facts.iter().filter(|f| f.section == index).count();
        assert_eq!(count, expected, "facts in {section}");
    }
    assert_eq!(ds.count_in(DocumentId::Notice) + ds.count_in(DocumentId::Forum), ds.facts.len());
}

#[test]
fn it_can_pass_every_check_or_explain_it_by_an_erratum() {
    let ds = dataset();
    let mut unexplained = Vec::new();
    for r in ds.evaluate_all() {
        let c = &ds.checks[r.check];
        match &r.status {
            Status::Passes | Status::PassesWithinRounding => {}
            // An erratum that does not make the arithmetic hold must be named by the check itself.
            Status::Erratum { holds: false, erratum } => assert_eq!(c.erratum, Some(*erratum), "{}", c.id),
            Status::Erratum { .. } => {}
            other => unexplained.push(format!("{}: {:?} ({} {} {})", c.id, other, c.lhs_text, c.relation.symbol(), c.rhs_text)),
        }
    }
    assert!(unexplained.is_empty(), "checks that fail:\n{}", unexplained.join("\n"));
    assert!(ds.checks.len() >= 300);
}

#[test]
fn it_can_tell_exact_agreement_from_agreement_within_rounding() {
    let ds = dataset();
    let status = |id: &str| {
        let i = ds.checks.iter().position(|c| c.id == id).unwrap_or_else(|| panic!("no check {id}"));
        ds.evaluate(i).status
    };
    // Exact thousands add up exactly.
    assert_eq!(status("cbs.balances"), Status::Passes);
    assert_eq!(status("cis.net_income"), Status::Passes);
    assert_eq!(status("ceq.total"), Status::Passes);
    // 750 x 206,478 = 154,858.5 thousand, printed 154,859.
    assert_eq!(status("div.fy2007_interim"), Status::PassesWithinRounding);
    // 66.8 billion against 66,835,299 thousand.
    assert_eq!(status("results.revenue="), Status::PassesWithinRounding);
    // 66.9 billion does not agree: the summary-slide erratum explains it.
    assert!(matches!(status("summary.revenue="), Status::Erratum { holds: false, .. }));
    // The cash change holds once its missing minus is restored.
    assert!(matches!(status("fbs.cash_change~"), Status::Erratum { holds: true, .. }));
}

#[test]
fn it_can_link_errata_and_facts_both_ways() {
    let ds = dataset();
    for (i, e) in ds.errata.iter().enumerate() {
        for &f in &e.facts {
            assert_eq!(ds.facts[f].erratum, Some(i), "fact {} should point to erratum {}", ds.facts[f].id, e.id);
        }
    }
    for f in &ds.facts {
        if let Some(e) = f.erratum {
            assert!(ds.errata[e].facts.contains(&ds.index_of(&f.id).unwrap()), "erratum {} should list {}", ds.errata[e].id, f.id);
        }
    }
    assert!(ds.errata.len() >= 15);
}

#[test]
fn it_can_find_facts_by_label_value_or_id() {
    let ds = dataset();
    let ids = |q: &str| ds.search(q, 50).into_iter().map(|i| ds.facts[i].id.clone()).collect::<Vec<_>>();
    assert!(ids("accumulated deficit").contains(&"cbs.accumulated_deficit".to_owned()));
    let by_value = ids("66,835,299");
    assert!(by_value.contains(&"cis.revenue".to_owned()) && by_value.contains(&"trend.revenue.fy2007".to_owned()), "{by_value:?}");
    assert_eq!(ids("cis.net_income"), ["cis.net_income"]);
    assert!(ids("").is_empty());
    assert!(ids("no such words anywhere").is_empty());
}

fn mutate(from: &str, to: &str) -> Result<Dataset, Error> {
    let json = iij_explorer::model::dataset::BUNDLED_JSON;
    assert!(json.contains(from), "the data file should contain {from}");
    Dataset::from_json(&json.replacen(from, to, 1))
}

#[test]
fn it_can_name_the_fact_at_fault_when_the_file_is_wrong() {
    assert_eq!(
        mutate(r#""unit": "percent""#, r#""unit": "furlongs""#).unwrap_err(),
        Error::UnknownUnit { fact: "br.recurring_revenue_growth".into(), unit: "furlongs".into() }
    );
    assert_eq!(
        mutate(r#""id": "br.revenue_growth""#, r#""id": "br.recurring_revenue_growth""#).unwrap_err(),
        Error::DuplicateId { kind: "fact", id: "br.recurring_revenue_growth".into() }
    );
    assert_eq!(
        mutate(r#""value": "23.7""#, r#""value": "23,7""#).unwrap_err(),
        Error::BadDecimal { item: "fact br.recurring_revenue_growth".into(), text: "23,7".into() }
    );
    assert_eq!(
        mutate(r#""lhs": "cbs.total_current_assets""#, r#""lhs": "cbs.total_currant_assets""#).unwrap_err(),
        Error::MissingRef { item: "check cbs.current_assets".into(), kind: "fact", id: "cbs.total_currant_assets".into() }
    );
    assert_eq!(
        mutate(r#""period": "FY2007""#, r#""period": "FY07""#).unwrap_err(),
        Error::BadPeriod { fact: "br.recurring_revenue_growth".into(), period: "FY07".into() }
    );
    assert_eq!(
        mutate(r#""scope": "consolidated""#, r#""scope": "group""#).unwrap_err(),
        Error::UnknownTag { fact: "br.recurring_revenue_growth".into(), field: "scope", value: "group".into() }
    );
    assert!(matches!(
        mutate(r#""erratum": "e.notice_operating_margin_wording""#, r#""erratum": "e.nope""#).unwrap_err(),
        Error::MissingRef { kind: "erratum", .. }
    ));
    assert!(matches!(mutate(r#""schema": 1"#, r#""schema": 2"#).unwrap_err(), Error::Parse(_)));
    assert!(matches!(
        mutate(r#""rhs": "cis.revenue - cis.costs_and_expenses""#, r#""rhs": "cis.revenue - ""#).unwrap_err(),
        Error::Formula { .. }
    ));
    assert!(matches!(Dataset::from_json("").unwrap_err(), Error::Parse(_)));
    assert!(matches!(Dataset::from_json("not json").unwrap_err(), Error::Parse(_)));
}

#[test]
fn it_can_refuse_any_truncated_file_without_panicking() {
    let json = iij_explorer::model::dataset::BUNDLED_JSON;
    let step = json.len() / 300;
    for cut in (0..json.len() - 2).step_by(step.max(1)) {
        if !json.is_char_boundary(cut) {
            continue;
        }
        assert!(Dataset::from_json(&json[..cut]).is_err(), "a file cut at byte {cut} should not load");
    }
}

/// A table with its cells' fact indices replaced by fact ids, to compare tables built from
/// two datasets whose facts are numbered differently.
fn table_by_ids(ds: &Dataset, table: &iij_explorer::model::statements::Table) -> Vec<String> {
    use iij_explorer::model::statements::Source;
    let id = |i: &usize| ds.facts[*i].id.clone();
    table
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().map(move |c| (r.key, c)))
        .map(|(row, cell)| match cell {
            None => format!("{row}: -"),
            Some(c) => {
                let source = match &c.source {
                    Source::Fact(i) => id(i),
                    Source::Derived { formula, inputs } => format!("{formula} over {:?}", inputs.iter().map(id).collect::<Vec<_>>()),
                };
                format!("{row}: {} {} ±{} {:?} from {source}", c.id, c.value, c.half_width, c.dimension)
            }
        })
        .collect()
}

/// The id of erratum `i` of `ds`.
fn erratum_id(ds: &Dataset, i: Option<usize>) -> Option<String> {
    i.map(|i| ds.errata[i].id.clone())
}

/// The checks a fact takes part in, by id, with both sides and the status (an erratum by id).
fn checks_by_ids(ds: &Dataset, results: &[iij_explorer::model::CheckResult], fact: &str) -> Vec<String> {
    let i = ds.index_of(fact).expect("the fact is there");
    let status = |s: &Status| match s {
        Status::Erratum { erratum, holds } => format!("erratum {:?} holds {holds}", erratum_id(ds, Some(*erratum))),
        other => format!("{other:?}"),
    };
    let mut out: Vec<String> = ds.checks_of(i).into_iter().map(|c| format!("{} {:?} {:?} {}", ds.checks[c].id, results[c].lhs, results[c].rhs, status(&results[c].status))).collect();
    out.sort();
    out
}

#[test]
fn it_can_draw_the_overview_from_its_own_records_alone() {
    use iij_explorer::model::dataset::OVERVIEW_TSV;
    use iij_explorer::model::overview_facts::OVERVIEW_FACTS;
    use iij_explorer::model::statements::{self, HEADLINES};
    let whole = dataset();
    let part = Dataset::from_tsv(OVERVIEW_TSV).expect("the Overview's records load on their own");
    // The point of it: the main module carries a small part of the dataset. The Overview
    // shows 43 facts (10 headline rows of two years, 7 plan rows, the trend's four years of two
    // lines, the targets); the checks naming them pull in others.
    assert_eq!(OVERVIEW_FACTS.len(), 43);
    assert!(part.facts.len() * 4 < whole.facts.len(), "{} of {} facts", part.facts.len(), whole.facts.len());
    assert!(part.checks.len() * 3 < whole.checks.len(), "{} of {} checks", part.checks.len(), whole.checks.len());
    for spec in [&HEADLINES, statements::spec("plan").expect("the plan table")] {
        let (a, b) = (statements::build(&whole, spec, false).expect("whole"), statements::build(&part, spec, false).expect("part"));
        assert_eq!(table_by_ids(&whole, &a), table_by_ids(&part, &b), "{}", spec.key);
    }
    for lang in [iij_explorer::i18n::Lang::En, iij_explorer::i18n::Lang::Ja] {
        assert_eq!(iij_explorer::charts::data::trend(lang, &whole), iij_explorer::charts::data::trend(lang, &part));
    }
    // The inspector of any Overview figure: the same checks with the same sides and status,
    // and the same erratum.
    let (rw, rp) = (whole.evaluate_all(), part.evaluate_all());
    for fact in OVERVIEW_FACTS {
        assert_eq!(checks_by_ids(&whole, &rw, fact), checks_by_ids(&part, &rp, fact), "{fact}");
        let of = |ds: &Dataset| ds.fact(fact).map(|f| (erratum_id(ds, f.erratum), f.printed.clone(), f.line));
        assert_eq!(of(&whole), of(&part), "{fact}");
    }
    // Operating income FY2007 takes part in checks against the trend table, the quarters and
    // the presentation: more than one, so the comparison above is not of empty lists.
    assert!(checks_by_ids(&part, &rp, "cis.operating_income").len() > 1);
}
