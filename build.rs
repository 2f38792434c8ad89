//! Build step, from data/facts.json and data/sources/:
//! - `facts.tsv`: the same records as tab-separated lines, which the app reads with a few
//!   lines of code instead of a JSON parser (serde_json alone was about 34 KB of wasm).
//!   A host test proves both readings give the same dataset.
//! - `quoted_lines.rs`: only the lines of the transcriptions that facts were printed on (and
//!   the section headings), so the inspector can quote a figure's line without the whole
//!   documents in the wasm. The full transcriptions stay in data/sources/ for the tests.
//! - `ja.rs`: the Japanese translation table, from data/i18n/ja.tsv.
//! - `overview.tsv`: the records of `facts.tsv` the Overview needs (its facts, the checks that
//!   name them, and the facts and errata those need), for the split release build's main
//!   module (src/model/overview_facts.rs).

include!("src/model/overview_facts.rs");

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

const DOCS: [(&str, &str); 2] = [("notice", "data/sources/000_3fd817ff9a9027c8.txt"), ("forum", "data/sources/003_03268d09f9f3ad89.txt")];

fn main() {
    println!("cargo:rerun-if-changed=data/facts.json");
    println!("cargo:rerun-if-changed=data/i18n/ja.tsv");
    println!("cargo:rerun-if-changed=src/model/overview_facts.rs");
    write_translations();
    for (_, path) in DOCS {
        println!("cargo:rerun-if-changed={path}");
    }
    let json = fs::read_to_string("data/facts.json").expect("data/facts.json is readable");
    let value: serde_json::Value = serde_json::from_str(&json).expect("data/facts.json is JSON");
    write_tsv(&value, "facts.tsv", None);
    write_tsv(&value, "overview.tsv", Some(&overview_records(&value)));
    let section_doc = |id: &str| -> Option<String> {
        value["sections"].as_array()?.iter().find(|s| s["id"] == id).and_then(|s| s["doc"].as_str()).map(str::to_owned)
    };
    let mut wanted: BTreeSet<(String, u64)> = BTreeSet::new();
    for s in value["sections"].as_array().into_iter().flatten() {
        if let (Some(doc), Some(line)) = (s["doc"].as_str(), s["line"].as_u64()) {
            wanted.insert((doc.to_owned(), line));
        }
    }
    for f in value["facts"].as_array().into_iter().flatten() {
        if let (Some(sec), Some(line)) = (f["section"].as_str(), f["line"].as_u64()) {
            if let Some(doc) = section_doc(sec) {
                wanted.insert((doc, line));
            }
        }
    }
    // One string of "document\tline\ttext\n" lines (not a table of string pointers, which
    // costs more in the wasm than the text).
    let mut table = String::new();
    let texts: Vec<(&str, String)> = DOCS.iter().map(|(d, p)| (*d, fs::read_to_string(p).expect("source transcription is readable"))).collect();
    // `wanted` is ordered by (document, line), the order DocumentId::line searches in.
    for (d, n) in &wanted {
        let text = texts.iter().find(|(code, _)| code == d).map(|(_, t)| t.as_str()).unwrap_or_default();
        let line = text.split('\n').nth((*n as usize).saturating_sub(1)).unwrap_or_default();
        writeln!(table, "{d}\t{n}\t{line}").expect("write to string");
    }
    let out = format!("/// \"document\\tline\\ttext\\n\" for every line a fact or section cites, sorted by (document,\n/// line); the text may hold tabs.\npub static QUOTED_LINES: &str = {table:?};\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("quoted_lines.rs");
    fs::write(dest, out).expect("write quoted_lines.rs");
}

/// `ja.rs`: the Japanese translations from data/i18n/ja.tsv (English, tab, Japanese; `#`
/// starts a comment line), sorted by the English text for binary search. A line without a
/// tab or an English text given twice stops the build.
fn write_translations() {
    let text = fs::read_to_string("data/i18n/ja.tsv").expect("data/i18n/ja.tsv is readable");
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (en, ja) = line.split_once('\t').unwrap_or_else(|| panic!("data/i18n/ja.tsv line {}: no tab between English and Japanese", n + 1));
        assert!(!ja.trim().is_empty(), "data/i18n/ja.tsv line {}: no Japanese for {en:?}", n + 1);
        pairs.push((en, ja));
    }
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    for w in pairs.windows(2) {
        assert!(w[0].0 != w[1].0, "data/i18n/ja.tsv: {:?} is translated twice", w[0].0);
    }
    // One string of "English\tJapanese\n" lines rather than a table of string pairs: a table
    // puts four pointers per text into the wasm (about 10 KB gzip for 1,850 texts).
    let mut table = String::new();
    for (en, ja) in pairs {
        assert!(!en.contains('\n') && !ja.contains(['\t', '\n']), "data/i18n/ja.tsv: {en:?} holds a tab or line break");
        writeln!(table, "{en}\t{ja}").expect("write to string");
    }
    let out = format!("/// \"English\\tJapanese\\n\" lines, sorted by the English text.\npub static JA_LINES: &str = {table:?};\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("ja.rs");
    fs::write(dest, out).expect("write ja.rs");
}

/// The fact ids a formula names: its words with a dot (functions have none).
fn formula_ids(formula: &str) -> impl Iterator<Item = &str> {
    formula.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_')).filter(|w| w.contains('.') && w.starts_with(|c: char| c.is_ascii_lowercase()))
}

/// The ids of the facts, checks and errata `overview.tsv` keeps: the Overview's facts; every check that names
/// one, with the facts it names; the errata of those facts and checks, with their facts; then
/// every check whose facts are all kept (so the kept facts' checks are the same as in the
/// whole dataset for the Overview's own facts).
fn overview_records(value: &serde_json::Value) -> [BTreeSet<String>; 3] {
    let list = |key: &str| value[key].as_array().cloned().unwrap_or_default();
    let (checks, errata) = (list("checks"), list("errata"));
    let str_of = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap_or_default().to_owned();
    let names = |c: &serde_json::Value| -> BTreeSet<String> { formula_ids(&str_of(c, "lhs")).chain(formula_ids(&str_of(c, "rhs"))).map(str::to_owned).collect() };
    let mut facts: BTreeSet<String> = OVERVIEW_FACTS.iter().map(|s| (*s).to_owned()).collect();
    // Facts, checks and errata have ids of their own (a check may be named as a fact is).
    let (mut kept_checks, mut kept_errata) = (BTreeSet::new(), BTreeSet::new());
    let seed = facts.clone();
    for c in checks.iter().filter(|c| names(c).iter().any(|f| seed.contains(f))) {
        kept_checks.insert(str_of(c, "id"));
        kept_errata.extend(str_of(c, "erratum").split(',').filter(|e| !e.is_empty()).map(str::to_owned));
        facts.extend(names(c));
    }
    for f in list("facts").iter().filter(|f| facts.contains(&str_of(f, "id"))) {
        kept_errata.extend(str_of(f, "erratum").split(',').filter(|e| !e.is_empty()).map(str::to_owned));
    }
    for e in &errata {
        let of: Vec<String> = e["facts"].as_array().into_iter().flatten().filter_map(|f| f.as_str().map(str::to_owned)).collect();
        if kept_errata.contains(&str_of(e, "id")) || of.iter().any(|f| facts.contains(f)) {
            kept_errata.insert(str_of(e, "id"));
            facts.extend(of);
        }
    }
    for c in checks.iter().filter(|c| names(c).is_subset(&facts)) {
        kept_checks.insert(str_of(c, "id"));
    }
    [facts, kept_checks, kept_errata]
}

/// One record per line: a tag (S, F, C, E), then the fields in a fixed order, tab-separated;
/// an absent optional field is empty; with `only`, the facts, checks and errata whose ids it
/// holds (every section). A tab or newline inside a field would break the format, so it
/// stops the build.
fn write_tsv(value: &serde_json::Value, file: &str, only: Option<&[BTreeSet<String>; 3]>) {
    const LAYOUT: [(&str, &str, &[&str]); 4] = [
        ("sections", "S", &["id", "doc", "heading", "line"]),
        ("facts", "F", &["id", "label", "value", "printed", "unit", "precision", "period", "basis", "scope", "section", "line", "row", "col", "note", "erratum"]),
        ("checks", "C", &["id", "label", "group", "lhs", "op", "rhs", "note", "erratum"]),
        ("errata", "E", &["id", "kind", "facts", "printed", "used", "why", "changes_value"]),
    ];
    let mut out = format!("schema\t{}\n", value["schema"]);
    for (array, tag, fields) in LAYOUT {
        for item in value[array].as_array().into_iter().flatten() {
            let kept = |ids: &[BTreeSet<String>; 3]| match tag {
                "F" => ids[0].contains(item["id"].as_str().unwrap_or_default()),
                "C" => ids[1].contains(item["id"].as_str().unwrap_or_default()),
                "E" => ids[2].contains(item["id"].as_str().unwrap_or_default()),
                _ => true,
            };
            if !only.is_none_or(kept) {
                continue;
            }
            out.push_str(tag);
            for field in fields {
                let text = match &item[*field] {
                    serde_json::Value::Null => String::new(),
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Bool(b) => (if *b { "1" } else { "0" }).to_owned(),
                    serde_json::Value::Array(a) => a.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>().join(","),
                    other => other.to_string(),
                };
                assert!(!text.contains(['\t', '\n']), "{array} {}: field {field} holds a tab or newline", item["id"]);
                out.push('\t');
                out.push_str(&text);
            }
            out.push('\n');
        }
    }
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join(file);
    fs::write(dest, out).expect("write the bundled data");
}
