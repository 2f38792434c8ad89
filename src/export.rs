//! Exports: tables as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read
//! Japanese correctly), the whole dataset and a scenario as JSON. Plain Rust, tested on the
//! host; the UI only offers the text as a download.

use std::fmt::Write;

use crate::format::{self, MoneyUnit, Negatives};
use crate::i18n::{period, tr, Lang};
use crate::model::scenario::{Driver, Preset, Scenario, YearResult, YEARS};
use crate::model::statements::Table;
use crate::model::{Dataset, DOCUMENTS};

/// A table to export: column headings (the first names the row-heading column) and rows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sheet {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<(String, Vec<String>)>,
}

/// A figure as shown, made plain for a spreadsheet: thousands separators dropped,
/// parentheses and the triangle (△1,234) turned into a minus sign, the coarse-precision star
/// removed. Text that is not a number is kept as it is.
pub fn plain_number(shown: &str) -> String {
    // Units written beside a figure (the column heading names them).
    let mut t = shown.trim().trim_end_matches('*').trim();
    t = t.strip_prefix("JPY ").unwrap_or(t);
    for suffix in ["%", "x", " days", " million", "倍", "日", "百万円", "円"] {
        t = t.strip_suffix(suffix).unwrap_or(t);
    }
    let (negative, body) = match t.strip_prefix('(').and_then(|x| x.strip_suffix(')')).or_else(|| t.strip_prefix('△')) {
        Some(inner) => (true, inner),
        None => (false, t),
    };
    let digits = body.replace(',', "");
    let numeric = !digits.is_empty() && digits.trim_start_matches('-').chars().all(|c| c.is_ascii_digit() || c == '.') && digits.trim_start_matches('-').starts_with(|c: char| c.is_ascii_digit());
    if !numeric {
        return shown.to_owned();
    }
    if negative {
        format!("-{digits}")
    } else {
        digits
    }
}

fn field(out: &mut String, text: &str) {
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// The sheet as CSV: a byte-order mark, the title line, the header, one line per row, CRLF
/// line ends (RFC 4180), numbers plain.
pub fn csv(sheet: &Sheet) -> String {
    let mut out = String::from("\u{feff}");
    field(&mut out, &sheet.title);
    out.push_str("\r\n");
    for (i, c) in sheet.columns.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(&mut out, c);
    }
    out.push_str("\r\n");
    for (heading, cells) in &sheet.rows {
        field(&mut out, heading);
        for c in cells {
            out.push(',');
            field(&mut out, &plain_number(c));
        }
        out.push_str("\r\n");
    }
    out
}

/// A statement as shown, in the chosen unit and sign convention, in `lang`: the title, line
/// items, periods and unit read as on the page.
pub fn statement_sheet(t: &Table, unit: MoneyUnit, negatives: Negatives, lang: Lang) -> Sheet {
    let mut columns = vec![tr(lang, "Line item").to_owned()];
    columns.extend(t.columns.iter().map(|c| period(lang, c)));
    let rows = t
        .rows
        .iter()
        .map(|r| {
            let cells = r.cells.iter().map(|c| c.as_ref().map(|c| format::cell(c, unit, negatives).0).unwrap_or_default()).collect();
            (tr(lang, r.label).to_owned(), cells)
        })
        .collect();
    let unit_note = if t.common_size { "%" } else { tr(lang, unit.label()) };
    Sheet { title: format!("{} ({unit_note})", tr(lang, t.title)), columns, rows }
}

/// A minimal JSON writer: strings escaped, numbers written from exact decimals.
struct Json(String);

impl Json {
    fn string(&mut self, s: &str) {
        self.0.push('"');
        for c in s.chars() {
            match c {
                '"' => self.0.push_str("\\\""),
                '\\' => self.0.push_str("\\\\"),
                '\n' => self.0.push_str("\\n"),
                '\r' => self.0.push_str("\\r"),
                '\t' => self.0.push_str("\\t"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(self.0, "\\u{:04x}", c as u32);
                }
                c => self.0.push(c),
            }
        }
        self.0.push('"');
    }

    /// `"key": ` then the value written by the caller.
    fn key(&mut self, k: &str) {
        self.string(k);
        self.0.push(':');
    }

    fn pair(&mut self, k: &str, v: &str) {
        self.key(k);
        self.string(v);
        self.0.push(',');
    }

    fn raw(&mut self, k: &str, v: &str) {
        self.key(k);
        self.0.push_str(v);
        self.0.push(',');
    }

    /// Closes an object or array, dropping a trailing comma.
    fn close(&mut self, c: char) {
        if self.0.ends_with(',') {
            self.0.pop();
        }
        self.0.push(c);
    }

    /// An object (under `key`, unless it is an array element or the document) whose members
    /// `fill` writes, followed by a comma.
    fn object(&mut self, key: Option<&str>, fill: impl FnOnce(&mut Json)) {
        if let Some(k) = key {
            self.key(k);
        }
        self.0.push('{');
        fill(self);
        self.close('}');
        self.0.push(',');
    }

    /// An array under `key` of one object per item.
    fn array<T>(&mut self, key: &str, items: impl IntoIterator<Item = T>, mut fill: impl FnMut(&mut Json, T)) {
        self.key(key);
        self.0.push('[');
        for item in items {
            self.object(None, |j| fill(j, item));
        }
        self.close(']');
        self.0.push(',');
    }

    /// The finished document (its trailing comma dropped).
    fn finish(mut self) -> String {
        if self.0.ends_with(',') {
            self.0.pop();
        }
        self.0
    }
}

/// The whole dataset as JSON: documents, every fact with its value (as an exact decimal
/// string), unit, period and where it was printed (document, section, line, row and the line
/// itself), every check with its status, and the errata.
pub fn dataset_json(ds: &Dataset) -> String {
    let results = ds.evaluate_all();
    let mut j = Json(String::with_capacity(512 * 1024));
    j.object(None, |j| {
        j.pair("about", "Internet Initiative Japan Inc., FY2007: every figure of the IIJ Financial Explorer, traced to the line it was printed on. Values are exact decimals in their unit.");
        j.array("documents", DOCUMENTS.iter(), |j, d| {
            j.pair("id", d.id.code());
            j.pair("title", d.title);
            j.pair("date", d.date);
        });
        j.array("facts", &ds.facts, |j, f| {
            j.pair("id", &f.id);
            j.pair("label", &f.label);
            j.pair("value", &f.value.normalize().to_string());
            j.pair("printed", &f.printed);
            j.pair("unit", f.unit.code());
            j.pair("precision", &f.precision.normalize().to_string());
            j.pair("period", &f.period.to_string());
            j.pair("basis", f.basis.label());
            j.pair("scope", f.scope.label());
            if let Some(s) = ds.sections.get(f.section) {
                j.pair("document", s.doc.code());
                j.pair("section", &s.heading);
                if let Some(text) = s.doc.line(f.line) {
                    j.pair("source_line", text);
                }
            }
            j.raw("line", &f.line.to_string());
            j.pair("row", &f.row);
            if let Some(c) = &f.col {
                j.pair("column", c);
            }
            if let Some(n) = &f.note {
                j.pair("note", n);
            }
            if let Some(e) = f.erratum.and_then(|e| ds.errata.get(e)) {
                j.pair("erratum", &e.id);
            }
        });
        j.array("checks", ds.checks.iter().zip(results.iter()), |j, (c, r)| {
            j.pair("id", &c.id);
            j.pair("label", &c.label);
            j.pair("formula", &format!("{} {} {}", c.lhs_text, c.relation.symbol(), c.rhs_text));
            j.pair("status", r.status.code());
        });
        j.array("errata", &ds.errata, |j, e| {
            j.pair("id", &e.id);
            j.pair("kind", &e.kind);
            j.pair("printed", &e.printed);
            j.pair("used", &e.used);
            j.pair("why", &e.why);
        });
    });
    j.finish()
}

/// A scenario as JSON: its preset, link, every driver of every year and the projection.
pub fn scenario_json(preset: Preset, scenario: &Scenario, years: &[YearResult; 5], link: &str) -> String {
    let mut j = Json(String::with_capacity(8 * 1024));
    j.object(None, |j| {
        j.pair("preset", preset.key());
        j.pair("link", link);
        j.pair("units", "percentages in percent; other income and minority interests in JPY; per-share amounts in JPY; projection amounts in JPY");
        j.array("years", YEARS.iter().zip(scenario.years.iter()).zip(years.iter()), |j, ((y, d), r)| {
            j.raw("fiscal_year", &y.to_string());
            j.object(Some("drivers"), |j| {
                for driver in Driver::ALL {
                    j.pair(driver.key(), &driver.get(d).normalize().to_string());
                }
            });
            j.object(Some("projection"), |j| {
                let figures = [
                    ("revenue", r.total_revenue),
                    ("gross_margin", r.gross_margin),
                    ("operating_income", r.operating_income),
                    ("income_before_tax", r.pretax),
                    ("net_income", r.net_income),
                    ("operating_margin_pct", r.operating_margin),
                    ("eps", r.eps),
                    ("dps", r.dps),
                ];
                for (k, v) in figures {
                    j.pair(k, &v.round_dp(6).normalize().to_string());
                }
            });
        });
    });
    j.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_can_make_shown_figures_plain() {
        let cases = [
            ("31,302,663", "31302663"),
            ("(19,555,489)", "-19555489"),
            ("-1,234.5", "-1234.5"),
            ("3,808,000*", "3808000"),
            ("(638)*", "-638"),
            ("16.8", "16.8"),
            ("7.1%", "7.1"),
            ("1.25x", "1.25"),
            ("45 days", "45"),
            ("JPY 25,100", "25100"),
            ("JPY 1,234 million", "1234"),
            ("1.25倍", "1.25"),
            ("1,234百万円", "1234"),
            ("25,100円", "25100"),
            ("n/a", "n/a"),
            ("≈24.4", "≈24.4"),
            ("", ""),
            ("FY2007", "FY2007"),
        ];
        for (shown, want) in cases {
            assert_eq!(plain_number(shown), want, "{shown}");
        }
    }

    #[test]
    fn it_can_write_csv_with_a_bom_and_quotes() {
        let sheet = Sheet { title: "Title, with comma".into(), columns: vec!["Line".into(), "FY2007".into()], rows: vec![("Say \"hi\"".into(), vec!["1,234".into()]), ("売上高".into(), vec!["(5)".into()])] };
        assert_eq!(csv(&sheet), "\u{feff}\"Title, with comma\"\r\nLine,FY2007\r\n\"Say \"\"hi\"\"\",1234\r\n売上高,-5\r\n");
    }
}
