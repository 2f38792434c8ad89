//! Japanese coverage: every text the app shows has a translation in data/i18n/ja.tsv. The
//! texts are gathered from the source (every `t("…")`, `tf("…")`, `n_("…")`, `tr(lang, "…")`
//! and `trf(lang, "…")`), from the model's tables (statements, ratios, drivers, units,
//! statuses, documents) and from the dataset (fact labels and notes, check labels and
//! notes, section headings, errata). `I18N_DUMP=path cargo test --test i18n` writes the
//! missing ones to `path`, one per line, for translating.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

use iij_explorer::format::MoneyUnit;
use iij_explorer::i18n::{has_ja, period, tr, trf, Lang};
use iij_explorer::model::fact::{Basis, Scope, Unit};
use iij_explorer::model::ratios::{Group, RatioUnit, CATALOGUE};
use iij_explorer::model::scenario::{Driver, Preset, SEGMENTS};
use iij_explorer::model::statements::{HEADLINES, STATEMENTS};
use iij_explorer::model::{Dataset, Status, DOCUMENTS};
use iij_explorer::route::View;

/// String literals passed to the translation functions in the source files under `dir`.
fn source_texts(dir: &Path, out: &mut BTreeSet<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            source_texts(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for opener in ["t(\"", "tf(\"", "n_(\"", "tr(lang, \"", "trf(lang, \"", "trf(\n        lang,\n        \"", "trf(\n                lang,\n                \"", "trf(\n            lang,\n            \""] {
                let mut rest = text.as_str();
                while let Some(at) = rest.find(opener) {
                    let before = rest[..at].chars().last();
                    rest = &rest[at + opener.len()..];
                    // Only the function itself: `t(` after a letter is another name (`set(`).
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let mut lit = String::new();
                    let mut chars = rest.chars();
                    while let Some(c) = chars.next() {
                        match c {
                            '"' => break,
                            '\\' => match chars.next() {
                                Some('n') => lit.push('\n'),
                                Some(other) => lit.push(other),
                                None => break,
                            },
                            c => lit.push(c),
                        }
                    }
                    out.insert(lit);
                }
            }
        }
    }
}

fn all_texts() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = BTreeSet::new();
    source_texts(&root.join("src"), &mut texts);
    texts.retain(|s| s.chars().any(|c| c.is_ascii_alphabetic()) && !s.starts_with("no such text"));
    let mut add = |s: &str| {
        texts.insert(s.to_owned());
    };
    for spec in STATEMENTS.iter().chain(std::iter::once(&HEADLINES)) {
        add(spec.title);
        add(spec.source);
        for c in spec.columns {
            if period(Lang::Ja, c) == *c {
                add(c);
            }
        }
        if let Some((_, name)) = spec.common_size {
            add(name);
        }
        for r in spec.rows {
            add(r.label);
        }
    }
    for c in ["Change", "Change %", "Change (points)"] {
        add(c);
    }
    for r in CATALOGUE {
        add(r.name);
        add(r.definition);
    }
    for g in Group::ALL {
        add(g.title());
    }
    for u in [RatioUnit::Percent, RatioUnit::Times, RatioUnit::Days, RatioUnit::Yen, RatioUnit::YenPerShare] {
        add(u.label());
    }
    for d in Driver::ALL {
        add(&d.name());
    }
    for p in Preset::ALL {
        add(p.name());
    }
    for s in SEGMENTS {
        add(s);
    }
    for u in Unit::ALL {
        add(u.label());
    }
    for m in MoneyUnit::ALL {
        add(m.label());
    }
    for b in [Basis::Actual, Basis::Forecast, Basis::Target] {
        add(b.label());
    }
    for s in [Scope::Consolidated, Scope::NonConsolidated, Scope::Segment, Scope::Company, Scope::Market] {
        add(s.label());
    }
    for s in [Status::Passes, Status::PassesWithinRounding, Status::Erratum { erratum: 0, holds: true }, Status::Erratum { erratum: 0, holds: false }, Status::Fails] {
        add(s.label());
    }
    for d in DOCUMENTS.iter() {
        add(d.title);
    }
    for v in View::ALL {
        add(v.title());
    }
    let ds = Dataset::bundled().unwrap();
    for s in &ds.sections {
        add(&s.heading);
    }
    for f in &ds.facts {
        add(&f.label);
        if let Some(n) = &f.note {
            add(n);
        }
    }
    for c in &ds.checks {
        add(&c.label);
        if let Some(n) = &c.note {
            add(n);
        }
    }
    for e in &ds.errata {
        add(&e.kind);
        add(&e.used);
        add(&e.why);
    }
    texts
}

#[test]
fn it_can_show_every_text_in_japanese() {
    let missing: Vec<String> = all_texts().into_iter().filter(|s| !has_ja(s)).collect();
    if let Some(path) = std::env::var_os("I18N_DUMP") {
        std::fs::write(path, missing.join("\n")).unwrap();
    }
    assert!(missing.is_empty(), "{} texts have no Japanese translation, for example {:?}", missing.len(), &missing[..missing.len().min(10)]);
}

#[test]
fn it_can_keep_every_placeholder_in_translation() {
    // A template's Japanese must use exactly the placeholders of its English.
    let marks = |s: &str| (0..10).filter(|i| s.contains(&format!("{{{i}}}"))).collect::<Vec<_>>();
    for s in all_texts() {
        if has_ja(&s) {
            assert_eq!(marks(&s), marks(tr(Lang::Ja, &s)), "placeholders of {s:?}");
        }
    }
    assert_eq!(trf(Lang::Ja, "line {0} of {1}", &["12", "notice.txt"]), tr(Lang::Ja, "line {0} of {1}").replace("{0}", "12").replace("{1}", "notice.txt"));
}

#[test]
fn it_can_use_standard_japanese_accounting_terms() {
    // The terms Japanese filings use (有価証券報告書 / 決算短信 vocabulary).
    let terms = [
        ("Total revenues", "売上高合計"),
        ("Operating income", "営業利益"),
        ("Net income", "当期純利益"),
        ("Gross margin", "売上総利益"),
        ("Total assets", "総資産"),
        ("Equity ratio (%)", "自己資本比率(%)"),
    ];
    for (en, ja) in terms {
        assert_eq!(tr(Lang::Ja, en), ja, "{en}");
    }
}
