//! The two source documents every figure comes from (see `data/sources/README.md`).

// The hosted release build (`--cfg iij_split`, scripts/build.sh) leaves the quoted lines out
// of the wasm: the page fetches them when an inspector or the Sources view opens and installs
// them with `install_quoted_lines`. Every other build has them inside.
#[cfg(not(iij_split))]
include!(concat!(env!("OUT_DIR"), "/quoted_lines.rs"));
#[cfg(not(iij_split))]
const BUNDLED: Option<&str> = Some(QUOTED_LINES);
#[cfg(iij_split)]
const BUNDLED: Option<&str> = None;

use crate::text_table::{sorted_by, TextTable};

// The transcriptions themselves, for the Documents view: the hosted release build fetches
// them when the view opens (`install_full_text`); every other build has them inside.
#[cfg(not(iij_split))]
const NOTICE_TEXT: Option<&str> = Some(include_str!("../../data/sources/000_3fd817ff9a9027c8.txt"));
#[cfg(not(iij_split))]
const FORUM_TEXT: Option<&str> = Some(include_str!("../../data/sources/003_03268d09f9f3ad89.txt"));
#[cfg(iij_split)]
const NOTICE_TEXT: Option<&str> = None;
#[cfg(iij_split)]
const FORUM_TEXT: Option<&str> = None;

static NOTICE: TextTable<&'static str> = TextTable::new(NOTICE_TEXT, parse_full, "the file is not the transcription of the notice");
static FORUM: TextTable<&'static str> = TextTable::new(FORUM_TEXT, parse_full, "the file is not the transcription of the presentation");

/// A transcription as one entry: refused if empty or if it is a page of markup (a host's
/// error page) rather than text. Whether each cited figure is on its line is the Documents
/// view's own check (`reading::locate`).
fn parse_full(text: &'static str) -> Option<Vec<&'static str>> {
    let head = text.trim_start();
    let markup = head.starts_with("<!") || head.get(..5).is_some_and(|h| h.eq_ignore_ascii_case("<html"));
    (!head.is_empty() && !markup).then(|| vec![text])
}

/// (document, line, text), sorted by (document, line).
type QuotedLine = (&'static str, u32, &'static str);
static QUOTED: TextTable<QuotedLine> = TextTable::new(BUNDLED, parse_quoted, "the file is not a table of quoted lines");

/// Which source document a fact was printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum DocumentId {
    /// The Convocation Notice of the 16th Ordinary General Meeting of Shareholders.
    #[serde(rename = "notice")]
    Notice,
    /// The "2008 Nomura Asia Equity Forum" presentation.
    #[serde(rename = "forum")]
    Forum,
}

/// A source document as the explorer cites it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Document {
    pub id: DocumentId,
    pub title: &'static str,
    /// The date printed on the document, ISO 8601.
    pub date: &'static str,
    /// The date as a reader sees it.
    pub date_label: &'static str,
    /// The transcription's file name in `data/sources/`.
    pub file: &'static str,
    /// The units the document prints in.
    pub units: &'static str,
}

/// Both documents, the notice first (it is exact to JPY 1 thousand; the forum rounds).
pub const DOCUMENTS: [Document; 2] = [
    Document {
        id: DocumentId::Notice,
        title: "Convocation Notice of the 16th Ordinary General Meeting of Shareholders (with the Business Report for FY2007)",
        date: "2008-06-09",
        date_label: "June 9, 2008",
        file: "000_3fd817ff9a9027c8.txt",
        units: "JPY thousands; some JPY millions in the narrative; per-share data in JPY",
    },
    Document {
        id: DocumentId::Forum,
        title: "2008 Nomura Asia Equity Forum presentation, President & CEO Koichi Suzuki",
        date: "2008-07-10",
        date_label: "July 10, 2008",
        file: "003_03268d09f9f3ad89.txt",
        units: "JPY billions and JPY millions, rounded",
    },
];

/// Splits "document\tline\ttext\n" lines (the form build.rs writes) into entries; `None` if
/// any line is not of that form or the lines are out of order.
fn parse_quoted(text: &'static str) -> Option<Vec<QuotedLine>> {
    let entries = text
        .lines()
        .map(|line| {
            let mut parts = line.splitn(3, '\t');
            Some((parts.next()?, parts.next()?.parse().ok()?, parts.next()?))
        })
        .collect::<Option<_>>()?;
    sorted_by(entries, |e: &QuotedLine| (e.0, e.1))
}

fn quoted_lines() -> &'static [QuotedLine] {
    QUOTED.entries()
}

/// The quoted lines as built into this binary, if they are (the prerender step publishes them).
pub fn quoted_lines_text() -> Option<&'static str> {
    QUOTED.bundled()
}

/// Installs quoted lines fetched at run time; `Err` says why a text cannot be used.
pub fn install_quoted_lines(text: String) -> Result<(), &'static str> {
    QUOTED.install(text)
}

/// Whether the quoted lines are there to read.
pub fn quoted_lines_ready() -> bool {
    QUOTED.ready()
}

fn full(doc: DocumentId) -> &'static TextTable<&'static str> {
    match doc {
        DocumentId::Notice => &NOTICE,
        DocumentId::Forum => &FORUM,
    }
}

/// The whole transcription of `doc`, if it is there (built in, or fetched and installed).
pub fn full_text(doc: DocumentId) -> Option<&'static str> {
    full(doc).entries().first().copied()
}

/// The transcription as built into this binary, if it is (the prerender step publishes it).
pub fn full_text_bundled(doc: DocumentId) -> Option<&'static str> {
    full(doc).bundled()
}

/// Installs a transcription fetched at run time; `Err` says why a text cannot be used.
pub fn install_full_text(doc: DocumentId, text: String) -> Result<(), &'static str> {
    full(doc).install(text)
}

impl DocumentId {
    /// Both documents, the notice first.
    pub const ALL: [DocumentId; 2] = [DocumentId::Notice, DocumentId::Forum];

    /// The document whose code is `code` (`notice`, `forum`).
    pub fn from_code(code: &str) -> Option<DocumentId> {
        DocumentId::ALL.into_iter().find(|d| d.code() == code)
    }

    /// The spelling in the data file.
    pub fn code(self) -> &'static str {
        match self {
            DocumentId::Notice => "notice",
            DocumentId::Forum => "forum",
        }
    }

    /// Line `n` (1-based) of the transcription, if a fact or section cites it. Only cited
    /// lines are bundled (see build.rs); the full transcriptions are in `data/sources/`.
    pub fn line(self, n: u32) -> Option<&'static str> {
        let key = (self.code(), n);
        let table = quoted_lines();
        table.binary_search_by(|(d, l, _)| (*d, *l).cmp(&key)).ok().and_then(|i| table.get(i)).map(|(_, _, text)| *text)
    }

    /// The document this id names.
    pub fn document(self) -> &'static Document {
        match self {
            DocumentId::Notice => &DOCUMENTS[0],
            DocumentId::Forum => &DOCUMENTS[1],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_can_quote_a_line_of_each_document() {
        assert_eq!(DocumentId::Notice.line(461), Some("Total Liabilities\t30,427,731"));
        assert_eq!(DocumentId::Forum.line(250), Some("Forecast for FY2008"));
        assert_eq!(DocumentId::Forum.line(0), None);
        assert_eq!(DocumentId::Forum.line(100_000), None);
        assert_eq!(quoted_lines().len(), QUOTED_LINES.lines().count(), "every entry reads");
        assert!(quoted_lines().windows(2).all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)), "sorted for binary search");
    }

    #[test]
    fn it_refuses_a_damaged_table_of_quoted_lines() {
        assert!(parse_quoted("forum\t250\tForecast for FY2008\nnotice\t461\tTotal Liabilities\t30,427,731\n").is_some());
        assert_eq!(parse_quoted(""), None, "empty");
        assert_eq!(parse_quoted("<!DOCTYPE html>\n<p>not found</p>"), None, "an error page");
        assert_eq!(parse_quoted("notice\tx\ttext"), None, "line number not a number");
        assert_eq!(parse_quoted("notice\t9\ta\nnotice\t8\tb"), None, "out of order");
        // The bundled table is there already, so an install keeps it.
        assert!(install_quoted_lines("junk".to_owned()).is_ok());
        assert!(quoted_lines_ready());
    }

    #[test]
    fn it_has_each_transcription_whole_and_refuses_an_error_page() {
        for d in DOCUMENTS {
            let on_disk = std::fs::read_to_string(format!("{}/data/sources/{}", env!("CARGO_MANIFEST_DIR"), d.file)).unwrap_or_default();
            assert_eq!(full_text(d.id), Some(on_disk.as_str()), "{}", d.file);
            assert_eq!(DocumentId::from_code(d.id.code()), Some(d.id));
        }
        assert_eq!(DocumentId::from_code("Notice"), None);
        assert_eq!(parse_full(""), None);
        assert_eq!(parse_full("  <!DOCTYPE html><p>404</p>"), None);
        assert_eq!(parse_full("<HTML><body>gone</body>"), None);
        assert_eq!(parse_full("Revenues\t1"), Some(vec!["Revenues\t1"]));
    }

    #[test]
    fn it_can_find_each_document_by_its_id() {
        for d in DOCUMENTS {
            assert_eq!(d.id.document(), &d);
        }
    }
}
