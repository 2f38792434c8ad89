//! Build step: bundles only the lines of the source transcriptions that facts were printed
//! on (and the section headings), so the inspector can quote a figure's line without the
//! whole documents in the wasm. The full transcriptions stay in data/sources/ for the tests.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

const DOCS: [(&str, &str); 2] = [("notice", "data/sources/000_3fd817ff9a9027c8.txt"), ("forum", "data/sources/003_03268d09f9f3ad89.txt")];

fn main() {
    println!("cargo:rerun-if-changed=data/facts.json");
    for (_, path) in DOCS {
        println!("cargo:rerun-if-changed={path}");
    }
    let json = fs::read_to_string("data/facts.json").expect("data/facts.json is readable");
    let value: serde_json::Value = serde_json::from_str(&json).expect("data/facts.json is JSON");
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
    let mut out = String::from("/// (document, 1-based line, text) for every line a fact or section cites, sorted.\npub static QUOTED_LINES: &[(&str, u32, &str)] = &[\n");
    let texts: Vec<(&str, String)> = DOCS.iter().map(|(d, p)| (*d, fs::read_to_string(p).expect("source transcription is readable"))).collect();
    // `wanted` is ordered by (document, line), the order DocumentId::line searches in.
    for (d, n) in &wanted {
        let text = texts.iter().find(|(code, _)| code == d).map(|(_, t)| t.as_str()).unwrap_or_default();
        let line = text.split('\n').nth((*n as usize).saturating_sub(1)).unwrap_or_default();
        writeln!(out, "    ({d:?}, {n}, {line:?}),").expect("write to string");
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("quoted_lines.rs");
    fs::write(dest, out).expect("write quoted_lines.rs");
}
