//! Build step, from data/facts.json and data/sources/:
//! - `facts.tsv`: the same records as tab-separated lines, which the app reads with a few
//!   lines of code instead of a JSON parser (serde_json alone was about 34 KB of wasm).
//!   A host test proves both readings give the same dataset.
//! - `quoted_lines.rs`: only the lines of the transcriptions that facts were printed on (and
//!   the section headings), so the inspector can quote a figure's line without the whole
//!   documents in the wasm. The full transcriptions stay in data/sources/ for the tests.
//! - `ja.rs`: the Japanese translation table, from data/i18n/ja.tsv.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

const DOCS: [(&str, &str); 2] = [("notice", "data/sources/000_3fd817ff9a9027c8.txt"), ("forum", "data/sources/003_03268d09f9f3ad89.txt")];

fn main() {
    println!("cargo:rerun-if-changed=data/facts.json");
    println!("cargo:rerun-if-changed=data/i18n/ja.tsv");
    write_translations();
    for (_, path) in DOCS {
        println!("cargo:rerun-if-changed={path}");
    }
    let json = fs::read_to_string("data/facts.json").expect("data/facts.json is readable");
    let value: serde_json::Value = serde_json::from_str(&json).expect("data/facts.json is JSON");
    write_tsv(&value);
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

/// One record per line: a tag (S, F, C, E), then the fields in a fixed order, tab-separated;
/// an absent optional field is empty. A tab or newline inside a field would break the
/// format, so it stops the build.
fn write_tsv(value: &serde_json::Value) {
    const LAYOUT: [(&str, &str, &[&str]); 4] = [
        ("sections", "S", &["id", "doc", "heading", "line"]),
        ("facts", "F", &["id", "label", "value", "printed", "unit", "precision", "period", "basis", "scope", "section", "line", "row", "col", "note", "erratum"]),
        ("checks", "C", &["id", "label", "group", "lhs", "op", "rhs", "note", "erratum"]),
        ("errata", "E", &["id", "kind", "facts", "printed", "used", "why", "changes_value"]),
    ];
    let mut out = format!("schema\t{}\n", value["schema"]);
    for (array, tag, fields) in LAYOUT {
        for item in value[array].as_array().into_iter().flatten() {
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
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("facts.tsv");
    fs::write(dest, out).expect("write facts.tsv");
}
