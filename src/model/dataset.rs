//! The dataset: every fact of both documents, the sections they were printed in, the checks
//! that reconcile them and the errata, loaded from `data/facts.json` (bundled at build time)
//! and validated. Loading returns an error naming the item at fault; it never panics.

use std::str::FromStr;

use rust_decimal::Decimal;
#[cfg(not(target_arch = "wasm32"))]
use serde::Deserialize;

use super::documents::DocumentId;
use super::error::Error;
use super::fact::{Basis, Fact, Period, Scope, Unit};
use super::formula::{self, Expr};
use super::interval::{Interval, IntervalError};

/// The data file as written (host builds only: tests load it and check that the bundled
/// form reads the same).
#[cfg(not(target_arch = "wasm32"))]
pub const BUNDLED_JSON: &str = include_str!("../../data/facts.json");

/// The same records as tab-separated lines, written by build.rs and bundled into the binary
/// so nothing is fetched at run time.
pub const BUNDLED_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/facts.tsv"));

/// The records the Overview needs, in the same form (src/model/overview_facts.rs): what the
/// split release build's main module starts from.
pub const OVERVIEW_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/overview.tsv"));

/// A heading of a source document under which facts were printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub doc: DocumentId,
    pub heading: String,
    /// The line of the transcription where the section begins.
    pub line: u32,
}

/// How the two sides of a check compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Equal,
    AtMost,
    AtLeast,
}

impl Relation {
    pub fn symbol(self) -> &'static str {
        match self {
            Relation::Equal => "=",
            Relation::AtMost => "≤",
            Relation::AtLeast => "≥",
        }
    }
}

/// An arithmetic relationship the printed figures must satisfy.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub id: String,
    pub label: String,
    /// What kind of relationship it is (subtotal, roll-forward, cross-document …).
    pub group: String,
    pub lhs_text: String,
    pub rhs_text: String,
    pub lhs: Expr<usize>,
    pub relation: Relation,
    pub rhs: Expr<usize>,
    pub note: Option<String>,
    /// The erratum that explains why this check needs a correction or does not hold.
    pub erratum: Option<usize>,
}

/// A disagreement or evident error in the sources, and what the explorer does about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Erratum {
    pub id: String,
    pub kind: String,
    /// The facts it concerns.
    pub facts: Vec<usize>,
    /// What the document printed.
    pub printed: String,
    /// What the explorer uses instead.
    pub used: String,
    /// Why.
    pub why: String,
    /// True when the explorer's value differs from the printed number (a sign or a unit
    /// worked out), so every check that uses one of its facts depends on the correction.
    pub changes_value: bool,
}

/// The outcome of one check.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// The printed figures agree exactly.
    Passes,
    /// They agree once each is read as the interval its printed precision stands for.
    PassesWithinRounding,
    /// An erratum explains it: `holds` says whether the arithmetic holds with the
    /// explorer's corrected values.
    Erratum { erratum: usize, holds: bool },
    /// They disagree and nothing explains it.
    Fails,
    /// It could not be evaluated (division by zero, overflow).
    Error(String),
}

impl Status {
    pub fn label(&self) -> &'static str {
        match self {
            Status::Passes => "passes",
            Status::PassesWithinRounding => "passes within rounding",
            Status::Erratum { holds: true, .. } => "erratum (holds as corrected)",
            Status::Erratum { holds: false, .. } => "erratum (explained)",
            Status::Fails => "fails",
            Status::Error(_) => "cannot be evaluated",
        }
    }

    /// A short machine name for styling and tests.
    pub fn code(&self) -> &'static str {
        match self {
            Status::Passes => "pass",
            Status::PassesWithinRounding => "rounding",
            Status::Erratum { .. } => "erratum",
            Status::Fails => "fail",
            Status::Error(_) => "error",
        }
    }
}

/// A check evaluated: both sides as intervals in base units, and the status.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckResult {
    pub check: usize,
    pub lhs: Option<Interval>,
    pub rhs: Option<Interval>,
    pub status: Status,
}

/// Everything the explorer knows.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub sections: Vec<Section>,
    pub facts: Vec<Fact>,
    pub checks: Vec<Check>,
    pub errata: Vec<Erratum>,
    /// Fact ids with their indices, sorted by id for binary search.
    by_id: Vec<(String, usize)>,
}

/// Ids with their indices, sorted; a repeated id is an error naming it.
type IdIndex = Vec<(String, usize)>;

fn find(index: &IdIndex, id: &str) -> Option<usize> {
    index.binary_search_by(|(k, _)| k.as_str().cmp(id)).ok().and_then(|i| index.get(i)).map(|(_, v)| *v)
}

// ----- the file as written -----

/// The bundled records split into their fields, not yet validated ([`Dataset::parse_tsv`]).
pub struct Parsed(RawFile);

#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize), serde(deny_unknown_fields))]
struct RawFile {
    schema: u32,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    #[allow(dead_code)]
    about: String,
    sections: Vec<RawSection>,
    facts: Vec<RawFact>,
    checks: Vec<RawCheck>,
    errata: Vec<RawErratum>,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize), serde(deny_unknown_fields))]
struct RawSection {
    id: String,
    doc: DocumentId,
    heading: String,
    line: u32,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize), serde(deny_unknown_fields))]
struct RawFact {
    id: String,
    label: String,
    value: String,
    printed: String,
    unit: String,
    precision: String,
    period: String,
    basis: String,
    scope: String,
    section: String,
    line: u32,
    row: String,
    col: Option<String>,
    note: Option<String>,
    erratum: Option<String>,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize), serde(deny_unknown_fields))]
struct RawCheck {
    id: String,
    label: String,
    group: String,
    lhs: String,
    op: String,
    rhs: String,
    note: Option<String>,
    erratum: Option<String>,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize), serde(deny_unknown_fields))]
struct RawErratum {
    id: String,
    kind: String,
    facts: Vec<String>,
    printed: String,
    used: String,
    why: String,
    changes_value: bool,
}

/// The schema version this code reads.
pub const SCHEMA: u32 = 1;

fn check_id(kind: &'static str, id: &str) -> Result<(), Error> {
    let ok = !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-' | '=' | '~'));
    if ok {
        Ok(())
    } else {
        Err(Error::BadId { kind, id: id.to_owned() })
    }
}

fn index_ids<'a>(kind: &'static str, ids: impl Iterator<Item = &'a str>) -> Result<IdIndex, Error> {
    let mut index: IdIndex = Vec::new();
    for (i, id) in ids.enumerate() {
        check_id(kind, id)?;
        index.push((id.to_owned(), i));
    }
    index.sort();
    if let Some(w) = index.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(Error::DuplicateId { kind, id: w[0].0.clone() });
    }
    Ok(index)
}

fn decimal(item: &str, text: &str) -> Result<Decimal, Error> {
    Decimal::from_str(text).map_err(|_| Error::BadDecimal { item: item.to_owned(), text: text.to_owned() })
}

impl Dataset {
    /// The bundled dataset.
    pub fn bundled() -> Result<Dataset, Error> {
        Dataset::from_tsv(BUNDLED_TSV)
    }

    /// Reads and validates a data file (host builds; the app reads the bundled TSV form).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Dataset, Error> {
        let raw: RawFile = serde_json::from_str(text).map_err(|e| Error::Parse(e.to_string()))?;
        Dataset::from_raw(raw)
    }

    /// Reads and validates the tab-separated form build.rs writes (see `BUNDLED_TSV`).
    pub fn from_tsv(text: &str) -> Result<Dataset, Error> {
        Dataset::parse_tsv(text).and_then(Dataset::from_parsed)
    }

    /// The first half of [`Dataset::from_tsv`]: splits the records into their fields. The app
    /// runs the halves in separate tasks, so neither blocks the page for long.
    pub fn parse_tsv(text: &str) -> Result<Parsed, Error> {
        let mut raw = RawFile { schema: 0, about: String::new(), sections: Vec::new(), facts: Vec::new(), checks: Vec::new(), errata: Vec::new() };
        for (n, line) in text.lines().enumerate() {
            let f: Vec<&str> = line.split('\t').collect();
            let bad = || Error::Parse(format!("line {} of the bundled data has {} fields", n.saturating_add(1), f.len()));
            let s = |i: usize| f.get(i).map(|x| (*x).to_owned()).unwrap_or_default();
            let opt = |i: usize| f.get(i).filter(|x| !x.is_empty()).map(|x| (*x).to_owned());
            let num = |i: usize| -> Result<u32, Error> { f.get(i).and_then(|x| x.parse().ok()).ok_or_else(|| Error::Parse(format!("line {}: field {i} is not a number", n.saturating_add(1)))) };
            match (f.first().copied(), f.len()) {
                (Some("schema"), 2) => raw.schema = num(1)?,
                (Some("S"), 5) => raw.sections.push(RawSection {
                    id: s(1),
                    doc: match f[2] {
                        "notice" => DocumentId::Notice,
                        "forum" => DocumentId::Forum,
                        other => return Err(Error::Parse(format!("line {}: unknown document “{other}”", n.saturating_add(1)))),
                    },
                    heading: s(3),
                    line: num(4)?,
                }),
                (Some("F"), 16) => raw.facts.push(RawFact {
                    id: s(1), label: s(2), value: s(3), printed: s(4), unit: s(5), precision: s(6), period: s(7), basis: s(8), scope: s(9),
                    section: s(10), line: num(11)?, row: s(12), col: opt(13), note: opt(14), erratum: opt(15),
                }),
                (Some("C"), 9) => raw.checks.push(RawCheck { id: s(1), label: s(2), group: s(3), lhs: s(4), op: s(5), rhs: s(6), note: opt(7), erratum: opt(8) }),
                (Some("E"), 8) => raw.errata.push(RawErratum {
                    id: s(1), kind: s(2), facts: f[3].split(',').filter(|x| !x.is_empty()).map(str::to_owned).collect(),
                    printed: s(4), used: s(5), why: s(6), changes_value: f[7] == "1",
                }),
                _ => return Err(bad()),
            }
        }
        Ok(Parsed(raw))
    }

    /// The second half of [`Dataset::from_tsv`]: validates the records and links them.
    pub fn from_parsed(parsed: Parsed) -> Result<Dataset, Error> {
        Dataset::from_raw(parsed.0)
    }

    /// Validates the records and links them by index.
    fn from_raw(raw: RawFile) -> Result<Dataset, Error> {
        if raw.schema != SCHEMA {
            return Err(Error::Parse(format!("schema {} is not the supported schema {SCHEMA}", raw.schema)));
        }
        let section_ix = index_ids("section", raw.sections.iter().map(|s| s.id.as_str()))?;
        let erratum_ix = index_ids("erratum", raw.errata.iter().map(|e| e.id.as_str()))?;
        let fact_ix = index_ids("fact", raw.facts.iter().map(|f| f.id.as_str()))?;
        index_ids("check", raw.checks.iter().map(|c| c.id.as_str()))?;

        let sections = raw
            .sections
            .into_iter()
            .map(|s| Section { id: s.id, doc: s.doc, heading: s.heading, line: s.line })
            .collect();

        let lookup = |index: &IdIndex, item: &str, kind: &'static str, id: &str| {
            find(index, id).ok_or_else(|| Error::MissingRef { item: item.to_owned(), kind, id: id.to_owned() })
        };

        let mut facts = Vec::with_capacity(raw.facts.len());
        for f in raw.facts {
            let item = format!("fact {}", f.id);
            let unit = Unit::from_code(&f.unit).ok_or_else(|| Error::UnknownUnit { fact: f.id.clone(), unit: f.unit.clone() })?;
            let period = Period::from_str(&f.period).map_err(|_| Error::BadPeriod { fact: f.id.clone(), period: f.period.clone() })?;
            let basis = Basis::from_code(&f.basis)
                .ok_or_else(|| Error::UnknownTag { fact: f.id.clone(), field: "basis", value: f.basis.clone() })?;
            let scope = Scope::from_code(&f.scope)
                .ok_or_else(|| Error::UnknownTag { fact: f.id.clone(), field: "scope", value: f.scope.clone() })?;
            let precision = decimal(&item, &f.precision)?;
            if precision <= Decimal::ZERO {
                return Err(Error::BadDecimal { item, text: f.precision });
            }
            facts.push(Fact {
                value: decimal(&item, &f.value)?,
                precision,
                unit,
                period,
                basis,
                scope,
                section: lookup(&section_ix, &item, "section", &f.section)?,
                erratum: f.erratum.as_deref().map(|e| lookup(&erratum_ix, &item, "erratum", e)).transpose()?,
                id: f.id,
                label: f.label,
                printed: f.printed,
                line: f.line,
                row: f.row,
                col: f.col,
                note: f.note,
            });
        }

        let mut errata = Vec::with_capacity(raw.errata.len());
        for e in raw.errata {
            let item = format!("erratum {}", e.id);
            let facts = e.facts.iter().map(|id| lookup(&fact_ix, &item, "fact", id)).collect::<Result<_, _>>()?;
            errata.push(Erratum {
                id: e.id,
                kind: e.kind,
                facts,
                printed: e.printed,
                used: e.used,
                why: e.why,
                changes_value: e.changes_value,
            });
        }

        let mut checks = Vec::with_capacity(raw.checks.len());
        for c in raw.checks {
            let item = format!("check {}", c.id);
            let parse = |text: &str| -> Result<Expr<usize>, Error> {
                let e = formula::parse(text).map_err(|message| Error::Formula { item: item.clone(), message })?;
                e.resolve(&mut |name: String| lookup(&fact_ix, &item, "fact", &name))
            };
            let relation = match c.op.as_str() {
                "=" => Relation::Equal,
                "<=" => Relation::AtMost,
                ">=" => Relation::AtLeast,
                other => return Err(Error::Formula { item, message: format!("unknown relation “{other}”") }),
            };
            checks.push(Check {
                lhs: parse(&c.lhs)?,
                rhs: parse(&c.rhs)?,
                relation,
                erratum: c.erratum.as_deref().map(|e| lookup(&erratum_ix, &item, "erratum", e)).transpose()?,
                id: c.id,
                label: c.label,
                group: c.group,
                lhs_text: c.lhs,
                rhs_text: c.rhs,
                note: c.note,
            });
        }

        Ok(Dataset { sections, facts, checks, errata, by_id: fact_ix })
    }

    /// The index of the fact with id `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        find(&self.by_id, id)
    }

    /// A formula's value on the figures as printed: every input enters at its exact value (a
    /// zero-width interval), as a spreadsheet computes it; the rounding the printed precision
    /// allows is not in it.
    pub fn point_value(&self, expr: &Expr<usize>) -> Result<Decimal, IntervalError> {
        let exact = |i: &usize| Ok(Interval::exact(self.facts.get(*i).ok_or(IntervalError::Overflow)?.base_value()?));
        expr.eval(&exact).map(|iv| iv.lo)
    }

    /// The fact with id `id`.
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.index_of(id).and_then(|i| self.facts.get(i))
    }

    /// The document a fact was printed in.
    pub fn document_of(&self, fact: &Fact) -> Option<DocumentId> {
        self.sections.get(fact.section).map(|s| s.doc)
    }

    fn fact_interval(&self, i: usize) -> Result<Interval, IntervalError> {
        self.facts.get(i).ok_or(IntervalError::Overflow)?.interval()
    }

    /// Evaluates one check.
    pub fn evaluate(&self, index: usize) -> CheckResult {
        let Some(check) = self.checks.get(index) else {
            return CheckResult { check: index, lhs: None, rhs: None, status: Status::Error("no such check".into()) };
        };
        let value = |i: &usize| self.fact_interval(*i);
        let (lhs, rhs) = match (check.lhs.eval(&value), check.rhs.eval(&value)) {
            (Ok(l), Ok(r)) => (l, r),
            (l, r) => {
                let why = match l.err().or(r.err()) {
                    Some(IntervalError::DivisionByZero) => "division by zero",
                    _ => "the arithmetic overflowed",
                };
                return CheckResult { check: index, lhs: l.ok(), rhs: r.ok(), status: Status::Error(why.into()) };
            }
        };
        let centers = (lhs.center(), rhs.center());
        let (exact, holds) = match (check.relation, centers) {
            (Relation::Equal, (Ok(a), Ok(b))) => (a == b, lhs.meets(&rhs)),
            (Relation::AtMost, (Ok(a), Ok(b))) => (a <= b, lhs.lo <= rhs.hi),
            (Relation::AtLeast, (Ok(a), Ok(b))) => (a >= b, lhs.hi >= rhs.lo),
            _ => return CheckResult { check: index, lhs: Some(lhs), rhs: Some(rhs), status: Status::Error("the arithmetic overflowed".into()) },
        };
        let status = match self.explaining_erratum(check) {
            Some(erratum) => Status::Erratum { erratum, holds },
            None if exact => Status::Passes,
            None if holds => Status::PassesWithinRounding,
            None => Status::Fails,
        };
        CheckResult { check: index, lhs: Some(lhs), rhs: Some(rhs), status }
    }

    /// The erratum a check depends on: its own, or that of a fact whose value was corrected.
    fn explaining_erratum(&self, check: &Check) -> Option<usize> {
        check.erratum.or_else(|| {
            check.lhs.facts().into_iter().chain(check.rhs.facts()).find_map(|&i| {
                let e = self.facts.get(i)?.erratum?;
                self.errata.get(e)?.changes_value.then_some(e)
            })
        })
    }

    /// Every check evaluated, in file order.
    pub fn evaluate_all(&self) -> Vec<CheckResult> {
        (0..self.checks.len()).map(|i| self.evaluate(i)).collect()
    }

    /// The checks a fact takes part in.
    pub fn checks_of(&self, fact: usize) -> Vec<usize> {
        self.checks
            .iter()
            .enumerate()
            .filter(|(_, c)| c.lhs.facts().contains(&&fact) || c.rhs.facts().contains(&&fact))
            .map(|(i, _)| i)
            .collect()
    }

    /// Facts whose id, label, row, printed text or value contains every word of `query`
    /// (case-insensitive; thousands separators ignored). At most `limit` results.
    pub fn search(&self, query: &str, limit: usize) -> Vec<usize> {
        // ASCII case-folding: the labels are English, and full Unicode tables cost wasm size.
        let words: Vec<String> = query.split_whitespace().map(|w| w.to_ascii_lowercase().replace(',', "")).collect();
        if words.is_empty() {
            return Vec::new();
        }
        self.facts
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                let hay = format!("{} {} {} {} {}", f.id, f.label, f.row, f.printed.replace(',', ""), f.value).to_ascii_lowercase();
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .map(|(i, _)| i)
            .take(limit)
            .collect()
    }

    /// How many facts each section holds, in section order.
    pub fn counts_by_section(&self) -> Vec<(usize, usize)> {
        let mut counts = vec![0usize; self.sections.len()];
        for f in &self.facts {
            if let Some(c) = counts.get_mut(f.section) {
                *c = c.saturating_add(1);
            }
        }
        counts.into_iter().enumerate().collect()
    }

    /// How many facts each document holds.
    pub fn count_in(&self, doc: DocumentId) -> usize {
        self.facts.iter().filter(|f| self.document_of(f) == Some(doc)).count()
    }
}
