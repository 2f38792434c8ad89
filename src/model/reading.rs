//! A source document laid out for reading (issue 28): its lines as blocks (headings, list
//! items, paragraphs, tables with their header rows), and every fact the dataset cites found
//! where it was printed: the exact run of its line, in a table its row and column.
//!
//! Plain functions of the transcription's text, so the host tests the layout against the
//! files in `data/sources/` and the browser runs the same code on the text it fetches.

use super::{Dataset, DocumentId, Fact};

/// A run of one line: byte offsets, `start` inclusive, `end` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Where a fact was printed: its 1-based line and the run of that line it occupies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    /// Index into `Dataset::facts`.
    pub fact: usize,
    pub line: u32,
    pub span: Span,
}

/// Why a fact could not be placed on its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocateError {
    /// The document has no such line.
    NoLine { fact: String, line: u32 },
    /// The printed text is not on the line as a whole figure.
    NotOnLine { fact: String, line: u32 },
    /// The printed text is on the line several times, and neither its row, its column nor the
    /// other facts of the line tell which is meant.
    Ambiguous { fact: String, line: u32, count: usize },
}

impl std::fmt::Display for LocateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LocateError::NoLine { fact, line } => write!(f, "{fact}: the document has no line {line}"),
            LocateError::NotOnLine { fact, line } => write!(f, "{fact}: the printed figure is not on line {line}"),
            LocateError::Ambiguous { fact, line, count } => write!(f, "{fact}: the printed figure is on line {line} {count} times"),
        }
    }
}

/// The lines of a transcription, 1-based through `line`.
pub struct Lines<'a>(Vec<&'a str>);

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Self {
        Lines(text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect())
    }

    /// How many lines there are.
    pub fn count(&self) -> u32 {
        u32::try_from(self.0.len()).unwrap_or(u32::MAX)
    }

    /// Line `n` (1-based).
    pub fn line(&self, n: u32) -> Option<&'a str> {
        let i = usize::try_from(n).ok()?.checked_sub(1)?;
        self.0.get(i).copied()
    }

    /// The lines of the table that holds line `n` above it, nearest first (a table is a run
    /// of lines holding tabs).
    fn table_rows_above(&self, n: u32) -> impl Iterator<Item = &'a str> + '_ {
        (1..n).rev().map_while(move |k| self.line(k).filter(|l| l.contains('\t')))
    }
}

/// Every whole-figure occurrence of `printed` in `line`: not a part of a longer number (no
/// digit, and no decimal point or thousands comma followed by a digit, joined to either end).
pub fn occurrences(line: &str, printed: &str) -> Vec<Span> {
    if printed.is_empty() {
        return Vec::new();
    }
    let bytes = line.as_bytes();
    let at = |i: Option<usize>| i.and_then(|i| bytes.get(i)).copied();
    let digit = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_digit());
    let mark = |b: Option<u8>| matches!(b, Some(b'.' | b','));
    let starts_digit = digit(printed.bytes().next());
    let ends_digit = digit(printed.bytes().last());
    line.match_indices(printed)
        .filter_map(|(start, m)| {
            let end = start.checked_add(m.len())?;
            let before = at(start.checked_sub(1));
            let joined_before = starts_digit && (digit(before) || (mark(before) && digit(at(start.checked_sub(2)))));
            let after = at(Some(end));
            let joined_after = ends_digit && (digit(after) || (mark(after) && digit(at(end.checked_add(1)))));
            (!joined_before && !joined_after).then_some(Span { start, end })
        })
        .collect()
}

/// The index of the tab-separated cell of `line` that holds byte `at`.
pub fn cell_of(line: &str, at: usize) -> usize {
    line.get(..at).map_or(0, |head| head.matches('\t').count())
}

/// A header's text compared without case or spaces (the transcription breaks some words).
fn same_heading(a: &str, b: &str) -> bool {
    // Compared as it goes, without a copy of either (this runs for every cell above every
    // figure of a table).
    let mut x = a.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase);
    let mut y = b.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase);
    let mut any = false;
    loop {
        match (x.next(), y.next()) {
            (None, None) => return any,
            (Some(p), Some(q)) if p == q => any = true,
            _ => return false,
        }
    }
}

/// The columns of the table above line `n` whose heading is `col` (or, for a heading printed
/// on two levels, "upper: lower", its lower part).
fn columns_headed(lines: &Lines<'_>, n: u32, col: &str) -> Vec<usize> {
    let lower = col.rsplit_once(": ").map(|(_, l)| l);
    let mut found: Vec<usize> = lines
        .table_rows_above(n)
        .flat_map(|row| row.split('\t').enumerate().filter(|(_, cell)| same_heading(cell, col) || lower.is_some_and(|l| same_heading(cell, l))).map(|(i, _)| i).collect::<Vec<_>>())
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// Narrows a fact's occurrences on its line by what the fact says of itself: in a table, the
/// column its heading names, else the cell right after its row's label; in prose, the phrase
/// it was printed in.
fn narrowed(lines: &Lines<'_>, fact: &Fact, line: &str, found: &[Span]) -> Vec<Span> {
    let keep = |f: &dyn Fn(&Span) -> bool| found.iter().copied().filter(|s| f(s)).collect::<Vec<_>>();
    if line.contains('\t') {
        if let Some(col) = fact.col.as_deref() {
            let cols = columns_headed(lines, fact.line, col);
            let by_col = keep(&|s| cols.contains(&cell_of(line, s.start)));
            if by_col.len() == 1 {
                return by_col;
            }
        }
        let label = line.split('\t').position(|cell| same_heading(cell, &fact.row));
        if let Some(next) = label.and_then(|k| k.checked_add(1)) {
            let by_row = keep(&|s| cell_of(line, s.start) == next);
            if by_row.len() == 1 {
                return by_row;
            }
        }
        return found.to_vec();
    }
    match line.find(fact.row.as_str()) {
        Some(r) => {
            let end = r.saturating_add(fact.row.len());
            let inside = keep(&|s| s.start >= r && s.end <= end);
            if inside.is_empty() { found.to_vec() } else { inside }
        }
        None => found.to_vec(),
    }
}

/// Finds every fact of `doc` on its line of `text` (that document's transcription). A fact
/// that its own row and column leave open takes the occurrence no other fact of its line with
/// the same printed text has taken. Returns what was placed, in the dataset's order, and why
/// the rest could not be.
pub fn locate(ds: &Dataset, doc: DocumentId, text: &str) -> (Vec<Located>, Vec<LocateError>) {
    let lines = Lines::new(text);
    let mut errors = Vec::new();
    // (fact, line, its candidates)
    let mut open: Vec<(usize, u32, Vec<Span>)> = Vec::new();
    for (i, fact) in ds.facts.iter().enumerate().filter(|(_, f)| ds.document_of(f) == Some(doc)) {
        let Some(line) = lines.line(fact.line) else {
            errors.push(LocateError::NoLine { fact: fact.id.clone(), line: fact.line });
            continue;
        };
        let found = occurrences(line, &fact.printed);
        if found.is_empty() {
            errors.push(LocateError::NotOnLine { fact: fact.id.clone(), line: fact.line });
            continue;
        }
        open.push((i, fact.line, narrowed(&lines, fact, line, &found)));
    }
    let mut placed: Vec<Located> = Vec::new();
    loop {
        let mut progress = false;
        let mut still = Vec::new();
        for (fact, line, spans) in open {
            let printed = ds.facts.get(fact).map_or("", |f| f.printed.as_str());
            let free: Vec<Span> = if spans.len() > 1 { spans.iter().copied().filter(|s| !taken(ds, &placed, line, printed, s)).collect() } else { spans.clone() };
            match free.as_slice() {
                [span] => {
                    placed.push(Located { fact, line, span: *span });
                    progress = true;
                }
                _ => still.push((fact, line, spans)),
            }
        }
        open = still;
        if !progress || open.is_empty() {
            break;
        }
    }
    for (fact, line, spans) in open {
        let id = ds.facts.get(fact).map(|f| f.id.clone()).unwrap_or_default();
        errors.push(LocateError::Ambiguous { fact: id, line, count: spans.len() });
    }
    placed.sort_by_key(|p| p.fact);
    (placed, errors)
}

/// Whether another fact with the same printed text was placed at `span` of `line`.
fn taken(ds: &Dataset, placed: &[Located], line: u32, printed: &str, span: &Span) -> bool {
    placed.iter().any(|p| p.line == line && p.span == *span && ds.facts.get(p.fact).is_some_and(|f| f.printed == printed))
}

/// What a block of the document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A line printed wholly in bold. (The dataset's sections are anchors for the table of
    /// contents at the block holding their first line, whatever its kind.)
    Heading,
    /// A line that begins with a bullet ("- ", "◆", "➢", "・").
    Item,
    /// Consecutive lines of tab-separated cells.
    Table,
    Paragraph,
}

/// A run of lines shown as one block, `first..=last` (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub first: u32,
    pub last: u32,
    /// For a table, how many of its first rows are headings: those with no figure in any
    /// cell after the first.
    pub header_rows: usize,
}

/// Whether a cell is a figure (`1,234`, `(859,091)`, `-461,309`, `[16,771,209]`, `17.1%`, or
/// the dash a table prints for nothing).
pub fn is_figure_cell(cell: &str) -> bool {
    let c = cell.trim();
    c == "-" || (c.bytes().any(|b| b.is_ascii_digit()) && c.bytes().all(|b| b.is_ascii_digit() || b",.-()[]%".contains(&b)))
}

/// The blocks of a document, in its order; blank lines separate them and belong to none.
pub fn blocks(text: &str) -> Vec<Block> {
    let lines = Lines::new(text);
    let mut out: Vec<Block> = Vec::new();
    for (n, line) in (1u32..).zip(lines.0.iter()) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if line.contains('\t') {
            if let Some(last) = out.last_mut().filter(|b| b.kind == BlockKind::Table && b.last.checked_add(1) == Some(n)) {
                last.last = n;
                if usize::try_from(n.saturating_sub(last.first)).ok() == Some(last.header_rows) && !line.split('\t').skip(1).any(is_figure_cell) {
                    last.header_rows = last.header_rows.saturating_add(1);
                }
                continue;
            }
            let header_rows = usize::from(!line.split('\t').skip(1).any(is_figure_cell));
            out.push(Block { kind: BlockKind::Table, first: n, last: n, header_rows });
            continue;
        }
        let bold = trimmed.len() > 4 && trimmed.starts_with("**") && trimmed.ends_with("**") && trimmed.get(2..trimmed.len().saturating_sub(2)).is_some_and(|inner| !inner.contains("**"));
        let kind = if bold {
            BlockKind::Heading
        } else if ["- ", "◆", "➢", "・"].iter().any(|b| trimmed.starts_with(b)) {
            BlockKind::Item
        } else {
            BlockKind::Paragraph
        };
        out.push(Block { kind, first: n, last: n, header_rows: 0 });
    }
    out
}

/// A number printed in a document that no fact of the dataset cites (review mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Untagged {
    pub line: u32,
    pub span: Span,
    /// The dataset's section it falls in (the last one that begins at or before its line);
    /// `None` before the document's first section.
    pub section: Option<usize>,
}

/// The runs of `line` that are numbers: digits, with a decimal point or thousands comma
/// between digits, and a percent sign right after.
pub fn numbers(line: &str) -> Vec<Span> {
    let b = line.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut out = Vec::new();
    let mut i = 0usize;
    while i < b.len() {
        if !digit(i) {
            i = i.saturating_add(1);
            continue;
        }
        let start = i;
        let mut end = i;
        while end < b.len() {
            let next = end.saturating_add(1);
            if digit(end) || (matches!(b.get(end), Some(b'.' | b',')) && digit(next) && end > start) {
                end = next;
            } else {
                break;
            }
        }
        if b.get(end) == Some(&b'%') {
            end = end.saturating_add(1);
        }
        out.push(Span { start, end });
        i = end.max(start.saturating_add(1));
    }
    out
}

const MONTHS: [&str; 25] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.",
    "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "May.",
];
const ENUMERATING: [&str; 7] = ["Article ", "Article <u>", "Item ", "Item: ", "Note ", "Notes ", "No. "];

/// Whether a number is of the kinds review mode leaves out (the rule the view states):
/// a year (1900 to 2099), a day after a month's name, a period label (`FY07`, `4Q07`, `1H`,
/// `08/4`), an ordinal (`16th`), an enumerator (`(1)`, `1.` or `1)` opening a line or cell,
/// `Article 8`, `Item 3`, `Note 1`, `No. 5`), or part of an identifier joined by hyphens
/// (`1-105`, a telephone number).
pub fn excluded(line: &str, span: Span) -> bool {
    let (Some(head), Some(text), Some(tail)) = (line.get(..span.start), line.get(span.start..span.end), line.get(span.end..)) else {
        return true;
    };
    let value = text.trim_end_matches('%');
    let plain = value.bytes().all(|b| b.is_ascii_digit());
    let year = plain && value.len() == 4 && value.parse::<u32>().is_ok_and(|y| (1900..=2099).contains(&y));
    let day = plain && value.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)) && MONTHS.iter().any(|m| head.trim_end().ends_with(m) && head.len() > head.trim_end().len());
    let before = head.chars().next_back();
    let after = tail.chars().next();
    let then_letter = |skip: usize| tail.chars().nth(skip).is_none_or(|c| !c.is_ascii_alphabetic());
    let period = head.ends_with("FY") || matches!(before, Some('Q' | 'H' | '/')) || (matches!(after, Some('Q' | 'H')) && then_letter(1)) || after == Some('/');
    let ordinal = ["st", "nd", "rd", "th"].iter().any(|s| tail.starts_with(s) && then_letter(2));
    let opening = head.trim_start_matches(|c: char| c.is_whitespace() || "(-◆➢・".contains(c));
    let at_start = opening.is_empty() || head.trim_end_matches('(').ends_with('\t');
    let enumerator = (at_start && matches!(after, Some('.' | ')')) && !text.ends_with('%'))
        || (before == Some('(') && after == Some(')') && plain && value.len() <= 2)
        || ENUMERATING.iter().any(|w| head.ends_with(w));
    let digit_before = head.strip_suffix('-').and_then(|h| h.chars().next_back()).is_some_and(|c| c.is_ascii_digit());
    let digit_after = tail.strip_prefix('-').and_then(|t| t.chars().next()).is_some_and(|c| c.is_ascii_digit());
    let identifier = digit_before || digit_after;
    year || day || period || ordinal || enumerator || identifier
}

/// The numbers printed in `text` (document `doc`) that no placed fact covers and the rule of
/// `excluded` does not leave out, in the document's order.
pub fn untagged(ds: &Dataset, doc: DocumentId, text: &str, placed: &[Located]) -> Vec<Untagged> {
    let lines = Lines::new(text);
    let mut starts: Vec<(u32, usize)> = ds.sections.iter().enumerate().filter(|(_, s)| s.doc == doc).map(|(i, s)| (s.line, i)).collect();
    starts.sort_unstable();
    // The placed runs by line, so each number is checked against its own line's only.
    let mut runs: Vec<(u32, Span)> = placed.iter().map(|p| (p.line, p.span)).collect();
    runs.sort_unstable();
    let mut out = Vec::new();
    for (n, line) in (1u32..).zip(lines.0.iter()) {
        let section = starts.iter().take_while(|(l, _)| *l <= n).last().map(|(_, i)| *i);
        let from = runs.partition_point(|(l, _)| *l < n);
        let on_line: Vec<Span> = runs.iter().skip(from).take_while(|(l, _)| *l == n).map(|(_, s)| *s).collect();
        for span in numbers(line) {
            let cited = on_line.iter().any(|p| p.start < span.end && span.start < p.end);
            if !cited && !excluded(line, span) {
                out.push(Untagged { line: n, span, section });
            }
        }
    }
    out
}

/// A run of a line as shown: its text is `line[span]`, with the transcription's emphasis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub span: Span,
    pub bold: bool,
    pub underline: bool,
}

/// The transcription's markup: `**` around bold text (where the line pairs them; `*` and
/// `***` are printed footnote marks), `<u>`…`</u>` around underlined text, and `<p>`…`</p>`
/// around the paragraphs of a cell. Any other `<…>` is printed text (`<ASSETS>`).
const MARKUP: [&str; 5] = ["**", "<u>", "</u>", "<p>", "</p>"];

/// Where markup starts at byte `i` of `line`, its length; `**` only as exactly two asterisks.
fn markup_at(line: &str, i: usize, bold_pairs: bool) -> Option<usize> {
    // Every markup starts with one of these two bytes (most bytes are not markup).
    if !matches!(line.as_bytes().get(i), Some(b'*' | b'<')) {
        return None;
    }
    let rest = line.get(i..)?;
    let m = MARKUP.iter().find(|m| rest.starts_with(**m))?;
    if *m == "**" {
        let before = i.checked_sub(1).and_then(|j| line.as_bytes().get(j)) == Some(&b'*');
        let after = line.as_bytes().get(i.saturating_add(2)) == Some(&b'*');
        if !bold_pairs || before || after {
            return None;
        }
    }
    Some(m.len())
}

/// The line's text as shown, in runs between markup, each with its emphasis.
pub fn segments(line: &str) -> Vec<Segment> {
    let doubles: Vec<usize> = (0..line.len()).filter(|&i| markup_at(line, i, true) == Some(2)).collect();
    let bold_pairs = doubles.len().is_multiple_of(2);
    // A lone "**" opening or closing the line is bold running over two lines ("**Total
    // Revenues;" then " over JPY 100 billion**"); any other lone one is printed.
    let end = line.len().saturating_sub(2);
    let lone = if bold_pairs { None } else { doubles.iter().copied().find(|&i| i == 0 || i == end) };
    let (mut bold, mut underline) = (lone.is_some_and(|i| i != 0 || end == 0), false);
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < line.len() {
        let found = if Some(i) == lone { Some(2) } else { markup_at(line, i, bold_pairs) };
        let Some(len) = found else {
            i = i.saturating_add(1);
            continue;
        };
        if i > start {
            out.push(Segment { span: Span { start, end: i }, bold, underline });
        }
        match line.get(i..i.saturating_add(len)) {
            Some("**") => bold = !bold,
            Some("<u>") => underline = true,
            Some("</u>") => underline = false,
            _ => {}
        }
        i = i.saturating_add(len);
        start = i;
    }
    if line.len() > start {
        out.push(Segment { span: Span { start, end: line.len() }, bold, underline });
    }
    out
}

/// Every match of `query` in the text as shown (markup left out; letters matched without
/// case), as runs of the lines: (line, run) in the document's order. A blank query matches
/// nothing.
pub fn search(text: &str, query: &str) -> Vec<(u32, Span)> {
    let query = query.trim().to_ascii_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (n, line) in (1u32..).zip(Lines::new(text).0.iter()) {
        // The shown text, and for each of its bytes the byte of the line it came from.
        let mut shown = String::new();
        let mut from: Vec<usize> = Vec::new();
        for s in segments(line) {
            if let Some(t) = line.get(s.span.start..s.span.end) {
                shown.push_str(&t.to_ascii_lowercase());
                from.extend(s.span.start..s.span.end);
            }
        }
        for (at, m) in shown.match_indices(query.as_str()) {
            let last = at.saturating_add(m.len()).saturating_sub(1);
            if let (Some(&start), Some(&end)) = (from.get(at), from.get(last)) {
                out.push((n, Span { start, end: end.saturating_add(1) }));
            }
        }
    }
    out
}
