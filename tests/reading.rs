//! Host tests of the documents laid out for reading (issue 28) against the transcriptions
//! themselves. Where a figure is printed more than once on its line, the place expected below
//! was read by hand from `data/sources/*.txt` (the table's column under its heading, or the
//! words printed around it), not taken from the code's output.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use iij_explorer::model::reading::{blocks, cell_of, locate, occurrences, untagged, Block, BlockKind, Located, Span};
use iij_explorer::model::{Dataset, DocumentId};

fn dataset() -> Dataset {
    Dataset::bundled().expect("the bundled dataset loads")
}

fn source(doc: DocumentId) -> String {
    let path = format!("{}/data/sources/{}", env!("CARGO_MANIFEST_DIR"), doc.document().file);
    std::fs::read_to_string(&path).expect("source document")
}

const BOTH: [DocumentId; 2] = [DocumentId::Notice, DocumentId::Forum];

/// Every fact of both documents, placed, by id.
fn placed(ds: &Dataset) -> HashMap<String, (DocumentId, Located)> {
    let mut out = HashMap::new();
    for doc in BOTH {
        let (found, errors) = locate(ds, doc, &source(doc));
        assert!(errors.is_empty(), "{doc:?}: {}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "));
        for p in found {
            assert!(out.insert(ds.facts[p.fact].id.clone(), (doc, p)).is_none(), "{} placed twice", ds.facts[p.fact].id);
        }
    }
    out
}

fn line_of(doc: DocumentId, n: u32) -> String {
    source(doc).split('\n').nth(n as usize - 1).expect("the line").to_owned()
}

#[test]
fn it_can_place_every_fact_once_on_its_line_with_the_text_printed() {
    let ds = dataset();
    let placed = placed(&ds);
    assert_eq!(placed.len(), ds.facts.len(), "every fact placed");
    let mut by_span: HashMap<(DocumentId, u32), Vec<(Span, &str)>> = HashMap::new();
    for f in &ds.facts {
        let (doc, p) = &placed[&f.id];
        assert_eq!(p.line, f.line, "{}: on the line it cites", f.id);
        let line = line_of(*doc, p.line);
        assert_eq!(&line[p.span.start..p.span.end], f.printed, "{}: the highlighted text is what was printed", f.id);
        by_span.entry((*doc, p.line)).or_default().push((p.span, &f.id));
    }
    // Two facts share a run only when they are the same run (a range printed once stands
    // for its low and high ends); no highlight overlaps another in part.
    for ((doc, line), spans) in by_span {
        for (i, (a, fa)) in spans.iter().enumerate() {
            for (b, fb) in &spans[i + 1..] {
                assert!(a == b || a.end <= b.start || b.end <= a.start, "{doc:?} line {line}: {fa} and {fb} overlap");
            }
        }
    }
}

#[test]
fn it_can_tell_apart_a_figure_printed_twice_on_its_line_by_its_column() {
    // (fact, document, the 0-based cell of its line under the column it belongs to)
    let expected = [
        // Non-consolidated balance sheet, line 696: "Total assets | 36,764,067 | Total liabilities and net assets | 36,764,067".
        ("nbs.total_assets", 1),
        ("nbs.total_liabilities_and_net_assets", 3),
        // Non-consolidated statement of shareholders' equity, lines 742-750: columns Common stock (1),
        // Additional paid-in capital (2), Legal reserve (3), Earned surplus brought forward (4), Total earned surplus (5).
        ("neq.brought_forward_opening", 4),
        ("neq.earned_surplus_opening", 5),
        ("neq.brought_forward_dividends", 4),
        ("neq.earned_surplus_dividends", 5),
        ("neq.legal_reserve_funded", 3),
        ("neq.brought_forward_net_income", 4),
        ("neq.earned_surplus_net_income", 5),
        // Its second part, lines 754-760: Total shareholders' equity (1), unrealized gains (2), Total net assets (3).
        ("neq.equity_issued", 1),
        ("neq.net_assets_issued", 3),
        ("neq.equity_dividends", 1),
        ("neq.net_assets_dividends", 3),
        ("neq.equity_net_income", 1),
        ("neq.net_assets_net_income", 3),
        ("neq.unrealized_change", 2),
        ("neq.net_assets_other_change", 3),
        // Consolidated statement of shareholders' equity, line 530: AOCI (1), Total (2).
        ("ceq.aoci_oci", 1),
        ("ceq.total_oci", 2),
        // Candidates for director, line 1070: "6 | Senji Yamamoto … | careers | 6": shares owned is the last column.
        ("candidate.yamamoto.shares", 3),
        // Forum, line 258: "Net Income | 5.2 (FY08 target) | 5.2 (FY07 actual) | 0.2 | 0.5%".
        ("forecast.net_income", 1),
        ("forecast.net_income_fy2007", 2),
    ];
    let ds = dataset();
    let placed = placed(&ds);
    for (id, cell) in expected {
        let (doc, p) = &placed[id];
        assert_eq!(cell_of(&line_of(*doc, p.line), p.span.start), cell, "{id}");
    }
}

#[test]
fn it_can_tell_apart_a_figure_in_prose_from_a_longer_number_and_from_the_same_digits_elsewhere() {
    // (fact, the words printed right before it, right after it)
    let expected = [
        ("br.operating_margin", "continued to increase to ", ""), // not the "7.1%" of "17.1%"
        ("br.contracts_over_1gbps", "increased to ", " contracts"),
        ("target.operating_income_notice", "JPY ", " billion in operating income"), // not the "10" of "100"
        ("trend.split_ratio", "1 to ", " stock split"),
        ("rem.directors.outside_count", "for ", " outside directors"),
        ("rem.auditors.count", "", " Auditors"),
        ("rem.auditors.outside_count", "for ", " outside company auditors"),
    ];
    let ds = dataset();
    let placed = placed(&ds);
    for (id, before, after) in expected {
        let (doc, p) = &placed[id];
        let line = line_of(*doc, p.line);
        assert!(line[..p.span.start].ends_with(before), "{id}: “{}”", &line[..p.span.start]);
        assert!(line[p.span.end..].starts_with(after), "{id}: “{}”", &line[p.span.end..]);
    }
}

#[test]
fn it_can_find_a_figure_only_as_a_whole_number() {
    let spans = |line: &str, printed: &str| occurrences(line, printed).iter().map(|s| s.start).collect::<Vec<_>>();
    assert_eq!(spans("up 17.1% and 7.1%", "7.1%"), [13]);
    assert_eq!(spans("JPY 100 and JPY 10 billion", "10"), [16]);
    assert_eq!(spans("1,015,310 and 15,310", "15,310"), [14]);
    assert_eq!(spans("0.9 and 10.9 and 0.95", "0.9"), [0]);
    assert_eq!(spans("-46,131\t46,131", "46,131"), [1, 8]);
    assert_eq!(spans("JPY303 million", "303"), [3]);
    assert!(spans("nothing", "").is_empty());
}

#[test]
fn it_can_lay_out_the_tables_with_their_heading_rows() {
    let notice = source(DocumentId::Notice);
    let forum = source(DocumentId::Forum);
    let ds = dataset();
    let sections = |doc: DocumentId| ds.sections.iter().filter(|s| s.doc == doc).map(|s| s.line).collect::<Vec<_>>();
    let notice_blocks = blocks(&notice);
    let forum_blocks = blocks(&forum);
    let table_at = |bs: &[Block], first: u32| *bs.iter().find(|b| b.first == first).expect("a block starts there");
    // The non-consolidated balance sheet: "Assets | | Liabilities |" and "Item | Amount | Item | Amount" head it.
    assert_eq!(table_at(&notice_blocks, 664), Block { kind: BlockKind::Table, first: 664, last: 696, header_rows: 2 });
    // The non-consolidated statement of shareholders' equity: four rows of headings, then 742-750.
    assert_eq!(table_at(&notice_blocks, 738), Block { kind: BlockKind::Table, first: 738, last: 750, header_rows: 4 });
    // The forum's FY2008 forecast: one heading row, six rows of figures.
    assert_eq!(table_at(&forum_blocks, 254), Block { kind: BlockKind::Table, first: 254, last: 260, header_rows: 1 });
    // Every section the dataset names has a block to anchor it; no block spans a blank line.
    for (doc, bs, text) in [(DocumentId::Notice, &notice_blocks, &notice), (DocumentId::Forum, &forum_blocks, &forum)] {
        for line in sections(doc) {
            assert!(bs.iter().any(|b| (b.first..=b.last).contains(&line)), "{doc:?}: section at line {line} is in a block");
        }
        let lines: Vec<&str> = text.split('\n').collect();
        for b in bs.iter() {
            assert!((b.first..=b.last).all(|n| !lines[n as usize - 1].trim().is_empty()), "{doc:?}: {b:?}");
        }
    }
}

/// Review mode's rule, applied word by word (a second reading of the rule in
/// `reading::excluded`, written from its statement): how many numbers of each line are left
/// out of the count, and how many are counted when nothing covers them.
fn counted_numbers_of_line(line: &str) -> Vec<(usize, usize)> {
    const MONTH: [&str; 13] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Sept."];
    let month = |w: &str| MONTH.contains(&w) || (w.len() == 4 && w.ends_with('.') && MONTH.iter().any(|m| m.starts_with(&w[..3])));
    let mut out = Vec::new();
    // Words with their byte offsets: runs between spaces and tabs.
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for piece in line.split(|c: char| c == ' ' || c == '\t') {
        if !piece.is_empty() {
            words.push((at, piece));
        }
        at += piece.len() + 1;
    }
    for (k, (offset, word)) in words.iter().enumerate() {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].1.is_ascii_digit() {
                i += 1;
                continue;
            }
            let s = i;
            while i < chars.len() && (chars[i].1.is_ascii_digit() || (matches!(chars[i].1, ',' | '.') && i > s && chars.get(i + 1).is_some_and(|c| c.1.is_ascii_digit()))) {
                i += 1;
            }
            let digits: String = chars[s..i].iter().map(|c| c.1).collect();
            let percent = chars.get(i).is_some_and(|c| c.1 == '%');
            let end = if percent { i + 1 } else { i };
            // The previous word's last run of letters (with the stop of "No." and the colon of "Item:").
            let prev_word = k.checked_sub(1).map(|p| words[p].1).unwrap_or("").rsplit(|c: char| !c.is_ascii_alphabetic() && c != '.' && c != ':').next().unwrap_or("");
            let first_word = k == 0 || line[..*offset].trim().is_empty() || line[..*offset].ends_with('\t');
            let before: String = chars[..s].iter().map(|c| c.1).collect();
            let after: String = chars[end..].iter().map(|c| c.1).collect();
            let number: Option<u32> = digits.parse().ok();
            let skip = number.is_some_and(|y| digits.len() == 4 && (1900..=2099).contains(&y))
                || (before.is_empty() && month(prev_word) && number.is_some_and(|d| (1..=31).contains(&d)))
                || before.ends_with("FY") || before.ends_with('Q') || before.ends_with('H') || before.ends_with('/') || after.starts_with('/')
                || ((after.starts_with('Q') || after.starts_with('H')) && !after[1..].starts_with(|c: char| c.is_ascii_alphabetic()))
                || ["st", "nd", "rd", "th"].iter().any(|o| after.starts_with(o) && !after[2..].starts_with(|c: char| c.is_ascii_alphabetic()))
                || (first_word && before.chars().all(|c| "(-◆➢・".contains(c)) && (after.starts_with('.') || after.starts_with(')')) && !percent)
                || (before.ends_with('(') && after.starts_with(')') && number.is_some() && digits.len() <= 2)
                || (before.is_empty() && ["Article", "Item", "Item:", "Note", "Notes", "No."].contains(&prev_word))
                || before.ends_with("Article <u>") || (prev_word == "Article" && before == "<u>")
                || (before.ends_with('-') && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit()))
                || (after.starts_with('-') && after[1..].starts_with(|c: char| c.is_ascii_digit()));
            if !skip {
                out.push((offset + chars[s].0, offset + chars.get(end).map_or(word.len(), |c| c.0)));
            }
            i = end.max(s + 1);
        }
    }
    out
}

#[test]
fn it_can_count_the_numbers_no_fact_cites_in_each_section() {
    let ds = dataset();
    for doc in BOTH {
        let text = source(doc);
        let (found, _) = locate(&ds, doc, &text);
        let model = untagged(&ds, doc, &text, &found);
        // The test's own count: every number by the word rule, less those a placed fact
        // covers, bucketed by the section whose first line is the
        // last at or before it.
        let mut sections: Vec<(u32, usize)> = ds.sections.iter().enumerate().filter(|(_, s)| s.doc == doc).map(|(i, s)| (s.line, i)).collect();
        sections.sort();
        let mut expected: HashMap<Option<usize>, usize> = HashMap::new();
        for (n, line) in (1u32..).zip(text.split('\n')) {
            // Where the facts were placed (the tests above check each place against the line).
            let cited: Vec<(usize, usize)> = found.iter().filter(|p| p.line == n).map(|p| (p.span.start, p.span.end)).collect();
            for (s, e) in counted_numbers_of_line(line) {
                if !cited.iter().any(|&(a, b)| a < e && s < b) {
                    let section = sections.iter().filter(|(l, _)| *l <= n).last().map(|(_, i)| *i);
                    *expected.entry(section).or_default() += 1;
                }
            }
        }
        let mut got: HashMap<Option<usize>, usize> = HashMap::new();
        for u in &model {
            *got.entry(u.section).or_default() += 1;
        }
        println!("{doc:?}: {} numbers no fact cites, in {} sections", model.len(), got.len());
        assert_eq!(got, expected, "{doc:?}");
    }
}

#[test]
fn it_can_leave_out_dates_labels_and_enumerators_by_the_stated_rule() {
    use iij_explorer::model::reading::{excluded, numbers};
    // (line, the number in it, left out?)
    let cases = [
        ("June 9, 2008", "9", true),
        ("June 9, 2008", "2008", true),
        ("effective on October 11, 2005", "11", true),
        ("Apr. 1970 Joined Sony", "1970", true),
        ("JPY4,759 million in FY07, up 36.0% YoY", "07", true),
        ("JPY1,089 million in 4Q07, up 78.3% QoQ", "4", true),
        ("JPY1,089 million in 4Q07, up 78.3% QoQ", "07", true),
        ("FY08 Target (08/4 ~ 09/3)", "4", true),
        ("the 16th Ordinary General Meeting", "16", true),
        ("(1) Total shareholders' equity per share", "1", true),
        ("4. Notes to per share information", "4", true),
        ("(Article 427, Paragraph 1 of the", "427", true),
        ("1-105 Kanda Jinbo-cho,", "1", true),
        ("1-105 Kanda Jinbo-cho,", "105", true),
        // Not left out: figures, a stock code, a share count at a line's start.
        ("JPY4,759 million in FY07, up 36.0% YoY", "4,759", false),
        ("JPY4,759 million in FY07, up 36.0% YoY", "36.0%", false),
        ("TSE1 3774", "3774", false),
        ("4 Auditors: JPY 20,373 thousand", "4", false),
        ("Common stock 2,575 shares", "2,575", false),
    ];
    for (line, number, out) in cases {
        let span = numbers(line).into_iter().find(|s| &line[s.start..s.end] == number).unwrap_or_else(|| panic!("“{number}” is a number of “{line}”"));
        assert_eq!(excluded(line, span), out, "“{number}” in “{line}”");
    }
}

#[test]
fn it_can_name_what_uses_a_figure_the_planner_reads_and_the_ratios_it_enters() {
    use iij_explorer::model::ratios::using;
    use iij_explorer::model::scenario::{reads_fact, Base, Plan, ScenarioError};
    let ds = dataset();
    // The planner reads exactly the facts it names: a figure too large to read in base units
    // stops it when, and only when, it is one of those.
    for i in 0..ds.facts.len() {
        let mut poisoned = ds.clone();
        poisoned.facts[i].value = rust_decimal::Decimal::MAX;
        poisoned.facts[i].unit = iij_explorer::model::Unit::JpyBillions;
        let read = Base::from_dataset(&poisoned).and_then(|_| Plan::from_dataset(&poisoned));
        let id = &ds.facts[i].id;
        match read {
            Err(ScenarioError::Overflow) => assert!(reads_fact(id), "{id} read but not named"),
            Err(e) => panic!("{id}: {e:?}"),
            Ok(_) => assert!(!reads_fact(id), "{id} named but not read"),
        }
    }
    // Ratios that use a figure, from the catalogue's definitions: FY2007's revenue enters the
    // operating margin of FY2007 (operating income / revenue); the FY2008 forecast's net income
    // does not enter FY2007's return on equity.
    let revenue = ds.index_of("cis.revenue").expect("revenue");
    let uses = using(&ds, revenue);
    assert!(uses.iter().any(|(r, p)| r.id == "operating_margin" && *p == "FY2007"), "{:?}", uses.iter().map(|(r, p)| (r.id, *p)).collect::<Vec<_>>());
    let forecast = ds.index_of("forecast.net_income").expect("forecast");
    assert!(!using(&ds, forecast).iter().any(|(r, p)| r.id == "roe_ending" && *p == "FY2007"));
    // A figure no ratio uses: the number of outside directors.
    assert!(using(&ds, ds.index_of("rem.directors.outside_count").expect("count")).is_empty());
}

#[test]
fn it_can_show_a_line_without_its_markup_and_keep_what_was_printed() {
    use iij_explorer::model::reading::segments;
    let shown = |line: &str| segments(line).iter().map(|s| (line[s.span.start..s.span.end].to_owned(), s.bold, s.underline)).collect::<Vec<_>>();
    let own = |t: &str, b: bool, u: bool| (t.to_owned(), b, u);
    // Forum line 664.
    assert_eq!(shown("◆ **VAS: JPY9,546 million in FY07, up 28.7% YoY, up 4.2% QoQ.**"), [own("◆ ", false, false), own("VAS: JPY9,546 million in FY07, up 28.7% YoY, up 4.2% QoQ.", true, false)]);
    // Notice line 1054 (its first cell).
    assert_eq!(shown("Article <u>8.</u> [Provisions omitted]"), [own("Article ", false, false), own("8.", false, true), own(" [Provisions omitted]", false, false)]);
    // Printed marks stay: a footnote's asterisks, angle brackets around a heading, an unpaired "**".
    assert_eq!(shown("Purchase\t4,425,606*"), [own("Purchase\t4,425,606*", false, false)]);
    assert_eq!(shown(" - *** Supplier and cost"), [own(" - *** Supplier and cost", false, false)]);
    assert_eq!(shown("<ASSETS>"), [own("<ASSETS>", false, false)]);
    assert_eq!(shown("a ** b"), [own("a ** b", false, false)]);
    // Bold running over two lines (notice 3–4, forum 298–301 and 367–368): a lone "**"
    // opening or closing a line is markup; a lone footnote mark inside a line is not.
    assert_eq!(shown("**Convocation Notice of the 16th"), [own("Convocation Notice of the 16th", true, false)]);
    assert_eq!(shown("Ordinary General Meeting of Shareholders**"), [own("Ordinary General Meeting of Shareholders", true, false)]);
    assert_eq!(shown(" - ** Royalty charge"), [own(" - ** Royalty charge", false, false)]);
    assert_eq!(shown("received\t78,122**\tAccounts"), [own("received\t78,122**\tAccounts", false, false)]);
    // No fact's printed text is cut by markup: each lies in one run as shown.
    let ds = dataset();
    for doc in BOTH {
        let text = source(doc);
        let (found, _) = locate(&ds, doc, &text);
        for p in found {
            let line = line_of(doc, p.line);
            assert!(segments(&line).iter().any(|s| s.span.start <= p.span.start && p.span.end <= s.span.end), "{}", ds.facts[p.fact].id);
        }
    }
}

#[test]
fn it_can_search_the_documents_as_shown_without_case() {
    use iij_explorer::model::reading::search;
    let notice = source(DocumentId::Notice);
    let forum = source(DocumentId::Forum);
    // Counted with `grep -o -i` in data/sources/.
    for (query, in_notice, in_forum) in [("net income", 13, 5), ("JPY", 90, 74), ("Operating Margin", 2, 2)] {
        assert_eq!(search(&notice, query).len(), in_notice, "{query} in the notice");
        assert_eq!(search(&forum, query).len(), in_forum, "{query} in the forum");
    }
    // Across markup: notice line 1054, "Article <u>8.</u> [Provisions omitted]".
    let hits = search(&notice, "article 8. [provisions");
    assert_eq!(hits.len(), 1);
    let (n, span) = hits[0];
    assert_eq!(n, 1054);
    assert_eq!(&line_of(DocumentId::Notice, n)[span.start..span.end], "Article <u>8.</u> [Provisions");
    assert!(search(&notice, "   ").is_empty());
    assert!(search(&notice, "純利益").is_empty(), "the documents are in English");
}
