//! A source document as HTML for the Documents view (issue 28): its blocks (headings, lists,
//! paragraphs, tables with their heading rows and numbers right-aligned) split into parts at
//! the dataset's sections, every cited figure a button (`data-fact`, in the document's order
//! `data-n`), the numbers no fact cites marked for review mode, search matches marked.
//!
//! Plain Rust, host-tested: the view sets each part's HTML as one string (a few thousand
//! elements built by the browser's parser, not one by one), and finds the figures by their
//! attributes. Every text of the documents is escaped; the words the app writes around them
//! (a table's name, a figure's label) come translated from the caller.

use crate::charts::canvas::escape_into;
use crate::model::reading::{self, Block, BlockKind, Lines, Located, LocateError, Span, Untagged};
use crate::model::{Dataset, DocumentId};

/// A figure as highlighted: where it was printed and the facts that cite it (two facts share
/// a run where one printed range stands for both ends).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub line: u32,
    pub span: Span,
    /// Indices into `Dataset::facts`, in the dataset's order.
    pub facts: Vec<usize>,
}

/// The lines of one of the dataset's sections (or those before the first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Index into `Dataset::sections`; `None` for the lines before the document's first.
    pub section: Option<usize>,
    pub first: u32,
    pub last: u32,
    /// How many facts cite a figure of this part.
    pub facts: usize,
    /// How many numbers review mode marks in this part.
    pub untagged: usize,
    blocks: Vec<Block>,
}

/// A document ready to draw.
pub struct Prepared {
    pub doc: DocumentId,
    lines: Lines<'static>,
    pub parts: Vec<Part>,
    /// Every highlighted figure, in the document's order.
    pub figures: Vec<Figure>,
    pub untagged: Vec<Untagged>,
    /// Facts that could not be placed (none for the bundled documents; the host tests say so).
    pub problems: Vec<LocateError>,
}

/// The words the app writes into a document, in the page's language.
pub struct Words<'a> {
    /// A figure's name (its fact's label), for its tooltip.
    pub label: &'a dyn Fn(usize) -> String,
    /// The name of a table that scrolls in its box, given its first and last line.
    pub table: &'a dyn Fn(u32, u32) -> String,
}

impl Prepared {
    /// Lays out `text`, the transcription of `doc`.
    pub fn new(ds: &Dataset, doc: DocumentId, text: &'static str) -> Prepared {
        let (placed, problems) = reading::locate(ds, doc, text);
        let untagged = reading::untagged(ds, doc, text, &placed);
        let figures = figures(placed);
        let lines = Lines::new(text);
        let end = lines.count();
        let mut starts: Vec<(u32, usize)> = ds.sections.iter().enumerate().filter(|(_, s)| s.doc == doc).map(|(i, s)| (s.line, i)).collect();
        starts.sort_unstable();
        let mut parts = Vec::new();
        if starts.first().is_none_or(|(l, _)| *l > 1) {
            let last = starts.first().map_or(end, |(l, _)| l.saturating_sub(1));
            parts.push(Part { section: None, first: 1, last, facts: 0, untagged: 0, blocks: Vec::new() });
        }
        for (k, (line, section)) in starts.iter().enumerate() {
            let last = starts.get(k.saturating_add(1)).map_or(end, |(l, _)| l.saturating_sub(1)).max(*line);
            parts.push(Part { section: Some(*section), first: *line, last, facts: 0, untagged: 0, blocks: Vec::new() });
        }
        let firsts: Vec<u32> = parts.iter().map(|p| p.first).collect();
        let part_of = |line: u32| firsts.iter().rposition(|f| *f <= line);
        for block in reading::blocks(text) {
            if let Some(p) = part_of(block.first) {
                parts[p].blocks.push(block);
            }
        }
        for f in &figures {
            if let Some(p) = part_of(f.line) {
                parts[p].facts = parts[p].facts.saturating_add(f.facts.len());
            }
        }
        for u in &untagged {
            if let Some(p) = part_of(u.line) {
                parts[p].untagged = parts[p].untagged.saturating_add(1);
            }
        }
        Prepared { doc, lines, parts, figures, untagged, problems }
    }

    /// Line `n` (1-based).
    pub fn line(&self, n: u32) -> Option<&'static str> {
        self.lines.line(n)
    }

    /// The part that holds line `n`.
    pub fn part_of_line(&self, n: u32) -> Option<usize> {
        self.parts.iter().rposition(|p| p.first <= n && n <= p.last)
    }

    /// The figure (its index in `figures`) that cites fact `fact`.
    pub fn figure_of(&self, fact: usize) -> Option<usize> {
        self.figures.iter().position(|f| f.facts.contains(&fact))
    }

    /// Part `k` as HTML, with the search matches `hits` (in the document's order, as
    /// `reading::search` gives them: the part's, or all; the first is marked `data-hit="from"`,
    /// the next `from + 1` …).
    pub fn part_html(&self, ds: &Dataset, k: usize, from: usize, hits: &[(u32, Span)], words: &Words<'_>) -> String {
        let hits = Hits { from, all: hits };
        let Some(part) = self.parts.get(k) else { return String::new() };
        let mut out = String::new();
        let mut i = 0usize;
        while let Some(block) = part.blocks.get(i) {
            match block.kind {
                BlockKind::Heading => self.simple(&mut out, ds, "h4", block.first, &hits, words),
                BlockKind::Paragraph => self.simple(&mut out, ds, "p", block.first, &hits, words),
                BlockKind::Item => {
                    out.push_str("<ul class=\"doc-list\">");
                    while let Some(item) = part.blocks.get(i).filter(|b| b.kind == BlockKind::Item) {
                        self.simple(&mut out, ds, "li", item.first, &hits, words);
                        i = i.saturating_add(1);
                    }
                    out.push_str("</ul>");
                    continue;
                }
                BlockKind::Table => self.table(&mut out, ds, block, &hits, words),
            }
            i = i.saturating_add(1);
        }
        out
    }

    /// One line as one element `tag`.
    fn simple(&self, out: &mut String, ds: &Dataset, tag: &str, n: u32, hits: &Hits<'_>, words: &Words<'_>) {
        let line = self.line(n).unwrap_or_default();
        out.push_str(&format!("<{tag} data-line=\"{n}\">"));
        self.inline(out, ds, n, &reading::segments(line), Span { start: 0, end: line.len() }, hits, words);
        out.push_str(&format!("</{tag}>"));
    }

    /// A table block: its heading rows as column headings, each other row's first cell as the
    /// row's heading, figure cells right-aligned; in a box that scrolls sideways on a phone.
    fn table(&self, out: &mut String, ds: &Dataset, block: &Block, hits: &Hits<'_>, words: &Words<'_>) {
        out.push_str("<div class=\"doc-table\" role=\"region\" tabindex=\"0\" aria-label=\"");
        escape_into(out, &(words.table)(block.first, block.last));
        out.push_str("\"><table>");
        let heads = block.header_rows;
        for (r, n) in (block.first..=block.last).enumerate() {
            let head = r < heads;
            match (r == 0, r == heads) {
                (true, _) if head => out.push_str("<thead>"),
                (true, _) | (_, true) => out.push_str("<tbody>"),
                _ => {}
            }
            let line = self.line(n).unwrap_or_default();
            let segments = reading::segments(line);
            out.push_str(&format!("<tr data-line=\"{n}\">"));
            let mut start = 0usize;
            for (c, cell) in line.split('\t').enumerate() {
                let end = start.saturating_add(cell.len());
                let (tag, attrs) = match (head, c, cell.trim().is_empty()) {
                    (_, _, true) => ("td", ""),
                    (true, _, false) => ("th", " scope=\"col\""),
                    (false, 0, false) => ("th", " scope=\"row\""),
                    (false, _, false) if reading::is_figure_cell(cell) => ("td", " class=\"num\""),
                    _ => ("td", ""),
                };
                out.push_str(&format!("<{tag}{attrs}>"));
                self.inline(out, ds, n, &segments, Span { start, end }, hits, words);
                out.push_str(&format!("</{tag}>"));
                start = end.saturating_add(1);
            }
            out.push_str("</tr>");
            if head && r.saturating_add(1) == heads {
                out.push_str("</thead>");
            }
        }
        if usize::try_from(block.last.saturating_sub(block.first)).is_ok_and(|last| last >= heads) {
            out.push_str("</tbody>");
        }
        out.push_str("</table></div>");
    }

    /// Bytes `range` of line `n`: its figures as buttons, its untagged numbers marked, the
    /// rest as text with the transcription's emphasis and the search's marks.
    #[allow(clippy::too_many_arguments)]
    fn inline(&self, out: &mut String, ds: &Dataset, n: u32, segments: &[reading::Segment], range: Span, hits: &Hits<'_>, words: &Words<'_>) {
        let line = self.line(n).unwrap_or_default();
        let first_hit = hits.all.partition_point(|(l, _)| *l < n);
        let line_hits: Vec<(usize, Span)> = hits.all.iter().enumerate().skip(first_hit).take_while(|(_, (l, _))| *l == n).map(|(i, (_, s))| (hits.from.saturating_add(i), *s)).collect();
        let text = Text { line, segments, hits: &line_hits };
        let first_fig = self.figures.partition_point(|f| f.line < n);
        let first_untagged = self.untagged.partition_point(|u| u.line < n);
        let mut outers: Vec<(Span, Option<usize>)> = self.figures.iter().enumerate().skip(first_fig).take_while(|(_, f)| f.line == n).map(|(i, f)| (f.span, Some(i))).collect();
        outers.extend(self.untagged.iter().skip(first_untagged).take_while(|u| u.line == n).map(|u| (u.span, None)));
        outers.retain(|(s, _)| s.start >= range.start && s.end <= range.end);
        outers.sort_unstable_by_key(|(s, _)| s.start);
        let mut at = range.start;
        for (span, figure) in outers {
            text.write(out, at, span.start);
            match figure.and_then(|i| self.figures.get(i).map(|f| (i, f))) {
                Some((i, f)) => {
                    let facts: Vec<&crate::model::Fact> = f.facts.iter().filter_map(|&x| ds.facts.get(x)).collect();
                    let erratum = facts.iter().any(|x| x.erratum.is_some());
                    let ids: Vec<&str> = facts.iter().map(|x| x.id.as_str()).collect();
                    let title: Vec<String> = f.facts.iter().map(|&x| (words.label)(x)).collect();
                    out.push_str(&format!("<button type=\"button\" class=\"fig doc-fig{}\" data-fact=\"", if erratum { " erratum" } else { "" }));
                    escape_into(out, &ids.join(" "));
                    out.push_str(&format!("\" data-n=\"{i}\" title=\""));
                    escape_into(out, &title.join(" / "));
                    out.push_str("\">");
                    text.write(out, span.start, span.end);
                    out.push_str("</button>");
                }
                None => {
                    out.push_str("<span class=\"untagged\">");
                    text.write(out, span.start, span.end);
                    out.push_str("</span>");
                }
            }
            at = span.end;
        }
        text.write(out, at, range.end);
    }
}

/// The figures of `placed`, in the document's order; facts placed on the same run share one.
fn figures(mut placed: Vec<Located>) -> Vec<Figure> {
    placed.sort_by_key(|p| (p.line, p.span.start, p.fact));
    let mut out: Vec<Figure> = Vec::new();
    for p in placed {
        match out.last_mut().filter(|f| f.line == p.line && f.span == p.span) {
            Some(f) => f.facts.push(p.fact),
            None => out.push(Figure { line: p.line, span: p.span, facts: vec![p.fact] }),
        }
    }
    out
}

/// Search matches and the number of the first.
struct Hits<'a> {
    from: usize,
    all: &'a [(u32, Span)],
}

/// A line's text as shown: its runs of emphasis and the search's matches on it.
struct Text<'a> {
    line: &'a str,
    segments: &'a [reading::Segment],
    hits: &'a [(usize, Span)],
}

impl Text<'_> {
    /// Bytes `from..to` of the line, markup left out, emphasis and matches marked.
    fn write(&self, out: &mut String, from: usize, to: usize) {
        for s in self.segments {
            let (a, b) = (s.span.start.max(from), s.span.end.min(to));
            if a >= b {
                continue;
            }
            // Cut at the matches' ends.
            let mut cuts = vec![a, b];
            for (_, h) in self.hits {
                cuts.extend([h.start, h.end].into_iter().filter(|c| *c > a && *c < b));
            }
            cuts.sort_unstable();
            cuts.dedup();
            for w in cuts.windows(2) {
                let (x, y) = (w[0], w[1]);
                let hit = self.hits.iter().find(|(_, h)| h.start <= x && y <= h.end).map(|(i, _)| *i);
                if let Some(i) = hit {
                    out.push_str(&format!("<mark class=\"hit\" data-hit=\"{i}\">"));
                }
                out.push_str(match (s.bold, s.underline) {
                    (true, true) => "<b><u>",
                    (true, false) => "<b>",
                    (false, true) => "<u>",
                    (false, false) => "",
                });
                escape_into(out, self.line.get(x..y).unwrap_or_default());
                out.push_str(match (s.bold, s.underline) {
                    (true, true) => "</u></b>",
                    (true, false) => "</b>",
                    (false, true) => "</u>",
                    (false, false) => "",
                });
                if hit.is_some() {
                    out.push_str("</mark>");
                }
            }
        }
    }
}
