//! The Documents view's HTML (src/document_html.rs), read back from the strings it writes:
//! every fact a button once, showing exactly what was printed; the documents' text whole;
//! tables with their heading rows; review mode's marks and the search's matches counted
//! against figures taken from the source files independently (tests/reading.rs: grep -o -i
//! and a word-by-word count).

use iij_explorer::document_html::{Prepared, Words};
use iij_explorer::model::{reading, Dataset, DocumentId};

fn prepared(doc: DocumentId) -> (Dataset, Prepared) {
    let ds = Dataset::bundled().expect("the bundled dataset reads");
    let text = iij_explorer::model::documents::full_text(doc).expect("the transcription is built in");
    let p = Prepared::new(&ds, doc, text);
    (ds, p)
}

fn words() -> Words<'static> {
    Words { label: &|i| format!("fact {i}"), table: &|a, b| format!("Table, lines {a}–{b}") }
}

fn html(ds: &Dataset, p: &Prepared, query: &str) -> Vec<String> {
    let text = iij_explorer::model::documents::full_text(p.doc).expect("built in");
    let hits = reading::search(text, query);
    (0..p.parts.len()).map(|k| p.part_html(ds, k, 0, &hits, &words())).collect()
}

/// The text of `html` with its tags left out and its entities read.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}

/// Each `<button …>…</button>`: (its opening tag, its inner text).
fn buttons(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<button ") {
        let open_end = at + rest[at..].find('>').expect("tag closes");
        let close = open_end + rest[open_end..].find("</button>").expect("button closes");
        out.push((rest[at..=open_end].to_owned(), text_of(&rest[open_end + 1..close])));
        rest = &rest[close..];
    }
    out
}

fn attr<'a>(tag: &'a str, name: &str) -> &'a str {
    let key = format!(" {name}=\"");
    let at = tag.find(&key).map(|i| i + key.len()).expect("attribute present");
    &tag[at..at + tag[at..].find('"').expect("attribute closes")]
}

#[test]
fn every_fact_is_one_button_showing_what_was_printed() {
    for doc in DocumentId::ALL {
        let (ds, p) = prepared(doc);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        let all: String = html(&ds, &p, "").concat();
        let found = buttons(&all);
        let mut seen = std::collections::HashMap::new();
        for (n, (tag, inner)) in found.iter().enumerate() {
            assert_eq!(attr(tag, "data-n"), n.to_string(), "figures numbered in the document's order");
            for id in attr(tag, "data-fact").split(' ') {
                let fact = ds.fact(id).unwrap_or_else(|| panic!("{id} is a fact"));
                assert_eq!(inner, &fact.printed, "{id}: the button shows what was printed");
                *seen.entry(id.to_owned()).or_insert(0) += 1;
                assert_eq!(tag.contains(" erratum\""), fact.erratum.is_some(), "{id}: marked as corrected exactly when an erratum corrects it");
            }
        }
        let facts_of_doc: Vec<&str> = ds.facts.iter().filter(|f| ds.document_of(f) == Some(doc)).map(|f| f.id.as_str()).collect();
        assert_eq!(seen.len(), facts_of_doc.len(), "{doc:?}: every fact of the document has a button");
        assert!(seen.values().all(|&n| n == 1), "{doc:?}: no fact twice");
        assert_eq!(p.parts.iter().map(|x| x.facts).sum::<usize>(), facts_of_doc.len());
    }
}

#[test]
fn the_documents_text_is_whole_and_in_order() {
    for doc in DocumentId::ALL {
        let (ds, p) = prepared(doc);
        let text = iij_explorer::model::documents::full_text(doc).expect("built in");
        let parts = html(&ds, &p, "net income");
        // The transcription's markup (<u>, <p>, the ** of bold; footnote stars compared
        // without) and its tabs are not text; everything else is, in the same order.
        let strip = |s: &str| -> String { s.replace("<u>", "").replace("</u>", "").replace("<p>", "").replace("</p>", "").chars().filter(|c| !matches!(c, '*' | '\t' | '\r')).collect() };
        let expected: String = text.lines().filter(|l| !l.trim().is_empty()).map(strip).collect();
        let shown: String = parts.iter().map(|h| text_of(h).chars().filter(|c| *c != '*').collect::<String>()).collect();
        assert_eq!(shown, expected, "{doc:?}");
        for h in &parts {
            balanced(h);
        }
    }
}

/// Every element opened in `html` is closed, innermost first.
fn balanced(html: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let end = at + rest[at..].find('>').expect("tag closes");
        let tag = &rest[at + 1..end];
        match tag.strip_prefix('/') {
            Some(name) => assert_eq!(stack.pop().as_deref(), Some(name), "closing {name}"),
            None => stack.push(tag.split(' ').next().unwrap_or_default().to_owned()),
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "left open: {stack:?}");
}

#[test]
fn tables_have_their_heading_rows_and_figures_right_aligned() {
    let (ds, p) = prepared(DocumentId::Notice);
    let all = html(&ds, &p, "").concat();
    let at = |s: &str| all.find(s).unwrap_or_else(|| panic!("{s} in the page"));
    // The non-consolidated balance sheet, lines 664–696: two heading rows (read by hand).
    let (thead, r664, r665, close, r666) = (at("<thead><tr data-line=\"664\">"), at("<tr data-line=\"664\">"), at("<tr data-line=\"665\">"), all[at("<tr data-line=\"665\">")..].find("</thead>").expect("closed") + at("<tr data-line=\"665\">"), at("<tr data-line=\"666\">"));
    assert!(thead < r664 && r664 < r665 && r665 < close && close < r666);
    assert!(all[close..r666].starts_with("</thead><tbody>"));
    // Line 461 reads "Total Liabilities\t30,427,731": a row heading and a right-aligned figure.
    let row = &all[at("<tr data-line=\"461\">")..];
    let row = &row[..row.find("</tr>").expect("row closes")];
    assert!(row.starts_with("<tr data-line=\"461\"><th scope=\"row\">Total Liabilities</th><td class=\"num\"><button "), "{row}");
    assert!(all.contains("role=\"region\" tabindex=\"0\" aria-label=\"Table, lines 664–696\""));
}

#[test]
fn review_marks_and_search_matches_are_counted_as_the_files_give_them() {
    // Untagged numbers: 99 in the notice, 39 in the presentation (tests/reading.rs counts them
    // word by word from the files); search: "net income" 13 and 5 times (grep -o -i).
    for (doc, untagged, net_income) in [(DocumentId::Notice, 99, 13), (DocumentId::Forum, 39, 5)] {
        let (ds, p) = prepared(doc);
        let parts = html(&ds, &p, "net income");
        let all = parts.concat();
        assert_eq!(all.matches("<span class=\"untagged\">").count(), untagged, "{doc:?}");
        for (k, h) in parts.iter().enumerate() {
            assert_eq!(h.matches("<span class=\"untagged\">").count(), p.parts[k].untagged, "{doc:?} part {k}");
        }
        let mut hits: Vec<&str> = all.split("data-hit=\"").skip(1).map(|s| &s[..s.find('"').expect("closes")]).collect();
        hits.dedup();
        assert_eq!(hits.len(), net_income, "{doc:?}");
        assert_eq!(hits, (0..net_income).map(|i| i.to_string()).collect::<Vec<_>>(), "numbered in order");
        assert!(text_of(&all).to_ascii_lowercase().matches("net income").count() >= net_income);
    }
}

#[test]
fn a_figure_and_a_line_find_their_part() {
    let (ds, p) = prepared(DocumentId::Notice);
    let i = ds.index_of("cis.revenue").expect("a fact");
    let fig = p.figure_of(i).expect("placed");
    let part = p.part_of_line(p.figures[fig].line).expect("in a part");
    assert!(p.parts[part].first <= ds.facts[i].line && ds.facts[i].line <= p.parts[part].last);
    let html = p.part_html(&ds, part, 0, &[], &words());
    assert!(html.contains(&format!("data-fact=\"cis.revenue\" data-n=\"{fig}\"")) || html.contains(&format!("cis.revenue\" data-n=\"{fig}\"")));
    assert_eq!(p.part_of_line(0), None);
    // The parts cover the document without overlapping, in order.
    assert!(p.parts.windows(2).all(|w| w[0].last < w[1].first));
}


