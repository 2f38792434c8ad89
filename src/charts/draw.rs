//! Drawing: one generic function lays out a chart's title, legend and panels (or heatmap) on
//! any plotters backend; `render` draws it to the page's SVG canvas.

use std::fmt::Write;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::canvas::{self, escape_into, text_width, SvgCanvas};
use super::{Chart, ChartError, Heat, Ink, Panel, Plot, Scale, Swatch, DASHED, INKS};
use crate::i18n::Lang;

type Area<DB> = DrawingArea<DB, Shift>;

const TITLE_SIZE: u32 = 15;
const TEXT_SIZE: u32 = 12;
const LINE_HEIGHT: u32 = 20;
/// Narrowest and widest drawing, in pixels: below 280 nothing is legible, above 1200 a chart
/// only gets emptier.
const MIN_WIDTH: u32 = 280;
const MAX_WIDTH: u32 = 1200;
/// Two panels sit side by side from this width; below it they stack.
const SIDE_BY_SIDE: u32 = 640;
/// The widths at which a chart's height is set, below and from `SIDE_BY_SIDE`; at other
/// widths it keeps the aspect ratio it has there. So a drawing made at the reference width
/// and scaled to a box (the prerendered page's) is as tall as the one drawn for that box
/// (the app's), and the page does not shift when the app takes over.
pub const NARROW_REFERENCE: u32 = 360;
pub const WIDE_REFERENCE: u32 = 960;
/// The least a panel is given when a chart is drawn much narrower than its reference.
const MIN_PANEL: u32 = 120;

fn font(size: u32, ink: Ink) -> TextStyle<'static> {
    ("sans-serif", size).into_font().color(&ink.rgb())
}

fn fill(ink: Ink) -> ShapeStyle {
    ink.rgb().filled()
}

fn stroke(ink: Ink, width: u32) -> ShapeStyle {
    ink.rgb().stroke_width(width)
}

/// Greedy word wrap by estimated width. A "word" wider than the line (Japanese has no
/// spaces) is broken between characters.
fn wrap(text: &str, size: u32, width: u32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut words: Vec<String> = Vec::new();
    for word in text.split(' ') {
        if text_width(word, size) <= width {
            words.push(word.to_owned());
            continue;
        }
        let mut piece = String::new();
        for c in word.chars() {
            let mut next = piece.clone();
            next.push(c);
            if !piece.is_empty() && text_width(&next, size) > width {
                words.push(std::mem::take(&mut piece));
            }
            piece.push(c);
        }
        words.push(piece);
    }
    for word in &words {
        let word = word.as_str();
        let candidate = if current.is_empty() { word.to_owned() } else { format!("{current} {word}") };
        if !current.is_empty() && text_width(&candidate, size) > width {
            lines.push(std::mem::replace(&mut current, word.to_owned()));
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// Legend entries laid out in rows: (row, x offset, entry index).
fn legend_rows(chart: &Chart, width: u32) -> Vec<(u32, u32, usize)> {
    let mut out = Vec::new();
    let (mut row, mut x) = (0, 0);
    for (i, (_, _, label)) in chart.legend.iter().enumerate() {
        let w = 18 + text_width(label, TEXT_SIZE) + 16;
        if x > 0 && x + w > width {
            row += 1;
            x = 0;
        }
        out.push((row, x, i));
        x += w;
    }
    out
}

struct Layout {
    width: u32,
    title: Vec<String>,
    legend: Vec<(u32, u32, usize)>,
    header: u32,
    /// Panel origins and sizes: (x, y, w, h).
    panels: Vec<(u32, u32, u32, u32)>,
    height: u32,
}

fn layout(chart: &Chart, width: u32) -> Layout {
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
    let title = wrap(&chart.title, TITLE_SIZE, width - 16);
    let legend = legend_rows(chart, width - 16);
    let header = header_height(title.len(), &legend);
    let narrow = width < SIDE_BY_SIDE;
    let reference = if narrow { NARROW_REFERENCE } else { WIDE_REFERENCE };
    // The height at the reference width, scaled to this width (rounded to a pixel).
    let at_reference = header_height(wrap(&chart.title, TITLE_SIZE, reference - 16).len(), &legend_rows(chart, reference - 16)) + plot_height(chart, narrow);
    let height = ((u64::from(at_reference) * u64::from(width) + u64::from(reference) / 2) / u64::from(reference)) as u32;
    let stacked = stacked_panels(chart, narrow);
    let height = height.max(header + MIN_PANEL * stacked);
    let h = (height - header) / stacked;
    let panels = if stacked == 1 && matches!(&chart.plot, Plot::Panels(ps) if ps.len() == 2) {
        let half = width / 2;
        vec![(0, header, half, h), (half, header, width - half, h)]
    } else {
        (0..stacked).map(|i| (0, header + i * h, width, h)).collect()
    };
    Layout { width, title, legend, header, panels, height: header + h * stacked }
}

/// How many panels stand one above the other: two panels sit side by side when wide.
fn stacked_panels(chart: &Chart, narrow: bool) -> u32 {
    match &chart.plot {
        Plot::Panels(ps) if ps.len() == 2 && !narrow => 1,
        Plot::Panels(ps) => ps.len().max(1) as u32,
        Plot::Heat(_) => 1,
    }
}

/// The title, legend and the space under them.
fn header_height(title_lines: usize, legend: &[(u32, u32, usize)]) -> u32 {
    let legend_height = legend.last().map_or(0, |(r, ..)| (r + 1) * LINE_HEIGHT);
    8 + title_lines as u32 * LINE_HEIGHT + legend_height + 6
}

/// The plot's height at the reference width of its layout.
fn plot_height(chart: &Chart, narrow: bool) -> u32 {
    match &chart.plot {
        Plot::Panels(_) => stacked_panels(chart, narrow) * if narrow { 250 } else { 290 },
        Plot::Heat(heat) => 70 + heat.rows.len() as u32 * if narrow { 22 } else { 28 },
    }
}

/// The pixel size `chart` takes at `width`.
pub fn size(chart: &Chart, width: u32) -> (u32, u32) {
    let l = layout(chart, width);
    (l.width, l.height)
}

/// Draws `chart` on any backend, filling the area's width.
pub fn draw<DB: DrawingBackend>(chart: &Chart, area: &Area<DB>) -> Result<(), ChartError> {
    let (width, _) = area.dim_in_pixel();
    let l = layout(chart, width);
    area.fill(&Ink::Bg.rgb())?;
    for (i, line) in l.title.iter().enumerate() {
        area.draw_text(line, &font(TITLE_SIZE, Ink::Fg), (8, 8 + (i as u32 * LINE_HEIGHT) as i32))?;
    }
    let legend_top = 8 + l.title.len() as u32 * LINE_HEIGHT;
    for &(row, x, i) in &l.legend {
        let Some((ink, swatch, label)) = chart.legend.get(i) else { continue };
        let (x, y) = (8 + x as i32, (legend_top + row * LINE_HEIGHT) as i32 + 4);
        match swatch {
            Swatch::Fill => area.draw(&Rectangle::new([(x, y), (x + 12, y + 12)], fill(*ink)))?,
            Swatch::Hollow => area.draw(&Rectangle::new([(x, y), (x + 12, y + 12)], stroke(*ink, 2)))?,
            Swatch::Line => area.draw(&PathElement::new(vec![(x, y + 6), (x + 14, y + 6)], stroke(*ink, 3)))?,
        }
        area.draw_text(label, &font(TEXT_SIZE, Ink::Fg), (x + 18, y))?;
    }
    let _ = l.header;
    match &chart.plot {
        Plot::Panels(ps) => {
            for (p, &(x, y, w, h)) in ps.iter().zip(l.panels.iter()) {
                let sub = area.clone().shrink((x, y), (w, h));
                draw_panel(&sub, p, chart.lang)?;
            }
        }
        Plot::Heat(heat) => {
            if let Some(&(x, y, w, h)) = l.panels.first() {
                draw_heat(&area.clone().shrink((x, y), (w, h)), heat)?;
            }
        }
    }
    area.present()?;
    Ok(())
}

/// An axis label: billions (or 億円, hundreds of millions) from millions, percent from
/// hundredths of a point; integers only.
fn tick(lang: Lang, scale: Scale, v: i64) -> String {
    let (unit, suffix) = match (scale, lang) {
        (Scale::Money, Lang::En) => (1000, ""),
        (Scale::Money, Lang::Ja) => (100, ""),
        (Scale::Percent, _) => (100, "%"),
    };
    let sign = if v < 0 { "-" } else { "" };
    let (whole, part) = (v.unsigned_abs() / unit, v.unsigned_abs() % unit);
    if part == 0 {
        format!("{sign}{whole}{suffix}")
    } else {
        let digits = if unit == 1000 { format!("{part:03}") } else { format!("{part:02}") };
        format!("{sign}{whole}.{}{suffix}", digits.trim_end_matches('0'))
    }
}

/// The value range a panel needs, with room above for labels.
fn value_range(p: &Panel) -> (i64, i64) {
    let values = p
        .bars
        .iter()
        .flat_map(|b| [b.from, b.to])
        .chain(p.lines.iter().flat_map(|l| l.points.iter().map(|x| x.1)))
        .chain(p.bands.iter().flat_map(|b| b.low.iter().chain(b.high.iter()).map(|x| x.1)))
        .chain(p.rules.iter().map(|r| r.value));
    let (lo, hi) = values.fold((0i64, 0i64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let span = (hi - lo).max(1);
    let lo = if lo < 0 { lo - span / 10 } else { 0 };
    (lo, hi + span * 16 / 100)
}

/// Category `c`'s slot `s` of `n`: the bar's x extent, categories 100 units wide.
fn slot_x(c: usize, s: u8, n: u8) -> (i32, i32) {
    let n = i32::from(n.max(1));
    let w = 72 / n;
    let x0 = c as i32 * 100 + 14 + i32::from(s) * w;
    (x0 + 2, x0 + w - 2)
}

fn centre(c: usize) -> i32 {
    c as i32 * 100 + 50
}

fn draw_panel<DB: DrawingBackend>(area: &Area<DB>, p: &Panel, lang: Lang) -> Result<(), ChartError> {
    let n = p.categories.len().max(1);
    let (lo, hi) = value_range(p);
    let right = if p.lines.iter().any(|l| !l.label.is_empty()) { 64 } else { 14 };
    let keys: Vec<i32> = (0..n).map(centre).collect();
    let mut chart = ChartBuilder::on(area)
        .margin_left(6)
        .margin_right(right)
        .margin_top(4)
        .margin_bottom(6)
        .caption(&p.title, font(13, Ink::Fg))
        .x_label_area_size(24)
        .y_label_area_size(52)
        .build_cartesian_2d((0..n as i32 * 100).with_key_points(keys), lo..hi)?;
    let origin = area.get_base_pixel();
    let category_px = (chart.backend_coord(&(100, lo)).0 - chart.backend_coord(&(0, lo)).0).max(1);
    let slot_px = category_px / i32::from(p.slots.max(1));
    let labels = category_labels(&p.categories, category_px);
    let x_label = |x: &i32| labels.get((*x / 100) as usize).cloned().unwrap_or_default();
    let y_label = |y: &i64| tick(lang, p.scale, *y);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(n)
        .y_labels(5)
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .y_desc(p.unit.as_str())
        .axis_style(stroke(Ink::Fg, 1))
        .bold_line_style(stroke(Ink::Grid, 1))
        .light_line_style(TRANSPARENT)
        .label_style(font(11, Ink::Fg))
        .axis_desc_style(font(11, Ink::Fg))
        .draw()?;

    for band in &p.bands {
        let mut points: Vec<(i32, i64)> = band.high.iter().map(|&(c, v)| (centre(c), v)).collect();
        points.extend(band.low.iter().rev().map(|&(c, v)| (centre(c), v)));
        chart.draw_series(std::iter::once(Polygon::new(points, band.ink.rgb().mix(0.22).filled())))?;
    }
    for bar in &p.bars {
        let (x0, x1) = slot_x(bar.category, bar.slot, p.slots);
        let style = if bar.hollow { stroke(bar.ink, 2) } else { fill(bar.ink) };
        chart.draw_series(std::iter::once(Rectangle::new([(x0, bar.from), (x1, bar.to)], style)))?;
        if bar.label.is_empty() {
            continue;
        }
        let (top, bottom) = (chart.backend_coord(&(x0, bar.from.max(bar.to))), chart.backend_coord(&(x1, bar.from.min(bar.to))));
        let (px_w, px_h) = (bottom.0 - top.0, bottom.1 - top.1);
        let label_w = text_width(&bar.label, 11) as i32;
        let fits = label_w + 4 <= px_w;
        let mid = (x0 + x1) / 2;
        if bar.inside {
            if fits && px_h >= 16 {
                let ink = if bar.hollow { Ink::Fg } else { Ink::On };
                let y = (bar.from + bar.to) / 2;
                chart.draw_series(std::iter::once(Text::new(bar.label.clone(), (mid, y), font(11, ink).pos(Pos::new(HPos::Center, VPos::Center)))))?;
            }
        } else if label_w + 2 <= slot_px {
            let y = bar.from.max(bar.to);
            chart.draw_series(std::iter::once(Text::new(bar.label.clone(), (mid, y), font(11, Ink::Fg).pos(Pos::new(HPos::Center, VPos::Bottom)))))?;
        }
    }
    for line in &p.lines {
        let points: Vec<(i32, i64)> = line.points.iter().map(|&(c, v)| (centre(c), v)).collect();
        chart.draw_series(std::iter::once(PathElement::new(points.clone(), stroke(line.ink, 3))))?;
        chart.draw_series(points.iter().map(|&pt| Circle::new(pt, 3, fill(line.ink))))?;
        if let (Some(&(x, y)), false) = (points.last(), line.label.is_empty()) {
            // backend_coord is in the whole canvas; draw_text in this panel's area.
            let at = chart.backend_coord(&(x, y));
            area.draw_text(&line.label, &font(11, Ink::Fg).pos(Pos::new(HPos::Left, VPos::Center)), (at.0 - origin.0 + 6, at.1 - origin.1))?;
        }
    }
    for rule in &p.rules {
        let (x0, x1) = (rule.from as i32 * 100 + 4, rule.to as i32 * 100 + 96);
        chart.draw_series(std::iter::once(PathElement::new(vec![(x0, rule.value), (x1, rule.value)], stroke(rule.ink, 2))))?;
        chart.draw_series(std::iter::once(Text::new(rule.label.clone(), (x0, rule.value), font(11, Ink::Fg).pos(Pos::new(HPos::Left, VPos::Bottom)))))?;
    }
    Ok(())
}

/// Category axis labels that fit `category_px` each: as given, else abbreviated
/// ("FY2004" to "FY04"), else every k-th label.
fn category_labels(categories: &[String], category_px: i32) -> Vec<String> {
    let widest = |labels: &[String]| labels.iter().map(|l| text_width(l, 11) as i32).max().unwrap_or(0);
    if widest(categories) + 6 <= category_px {
        return categories.to_vec();
    }
    let short: Vec<String> = categories.iter().map(|c| c.replace("FY20", "FY").replace("Mar 31, ", "Mar ")).collect();
    let every = ((widest(&short) + 6) / category_px + 1).max(1) as usize;
    if every == 1 {
        return short;
    }
    short.into_iter().enumerate().map(|(i, l)| if i % every == 0 { l } else { String::new() }).collect()
}

/// Heat level 0–4 of `v` between `lo` and `hi`.
fn level(v: i64, lo: i64, hi: i64) -> usize {
    if hi <= lo {
        return 2;
    }
    (((v - lo) as i128 * 5 / ((hi - lo) as i128 + 1)) as usize).min(4)
}

const HEAT: [Ink; 5] = [Ink::H0, Ink::H1, Ink::H2, Ink::H3, Ink::H4];

fn draw_heat<DB: DrawingBackend>(area: &Area<DB>, h: &Heat) -> Result<(), ChartError> {
    let (rows, cols) = (h.rows.len().max(1) as i32, h.cols.len().max(1) as i32);
    let mut chart = ChartBuilder::on(area)
        .margin_left(6)
        .margin_right(14)
        .margin_bottom(4)
        .x_label_area_size(40)
        .y_label_area_size(64)
        .build_cartesian_2d((0..cols * 100).with_key_points((0..cols).map(|c| c * 100 + 50).collect()), (0..rows * 100).with_key_points((0..rows).map(|r| r * 100 + 50).collect()))?;
    let x_label = |x: &i32| h.cols.get((*x / 100) as usize).cloned().unwrap_or_default();
    let y_label = |y: &i32| h.rows.get((*y / 100) as usize).cloned().unwrap_or_default();
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(h.cols.len())
        .y_labels(h.rows.len())
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .x_desc(h.col_title.as_str())
        .y_desc(h.row_title.as_str())
        .axis_style(stroke(Ink::Fg, 1))
        .label_style(font(10, Ink::Fg))
        .axis_desc_style(font(11, Ink::Fg))
        .draw()?;
    let all = h.cells.iter().flatten();
    let (lo, hi) = all.fold((i64::MAX, i64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    let cell_px = chart.backend_coord(&(100, 0)).0 - chart.backend_coord(&(0, 0)).0;
    let met = |r: usize, c: usize| h.cells.get(r).and_then(|row| row.get(c)).is_some_and(|v| *v >= h.threshold);
    for (r, row) in h.cells.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (x, y) = (c as i32 * 100, r as i32 * 100);
            let lv = level(*v, lo, hi);
            chart.draw_series(std::iter::once(Rectangle::new([(x + 1, y + 1), (x + 99, y + 99)], fill(HEAT[lv]))))?;
            let text_ink = if lv >= 3 { Ink::On } else { Ink::Fg };
            let label = h.labels.get(r).and_then(|l| l.get(c)).filter(|_| cell_px >= 38).cloned();
            let mark = match (label, met(r, c)) {
                (Some(l), true) => format!("{l}✓"),
                (Some(l), false) => l,
                (None, true) => "✓".to_owned(),
                (None, false) => String::new(),
            };
            if !mark.is_empty() {
                chart.draw_series(std::iter::once(Text::new(mark, (x + 50, y + 50), font(10, text_ink).pos(Pos::new(HPos::Center, VPos::Center)))))?;
            }
        }
    }
    // The boundary between cells that meet the threshold and cells that do not.
    let mut edges: Vec<[(i32, i32); 2]> = Vec::new();
    for r in 0..h.rows.len() {
        for c in 0..h.cols.len() {
            let (x, y) = (c as i32 * 100, r as i32 * 100);
            if c + 1 < h.cols.len() && met(r, c) != met(r, c + 1) {
                edges.push([(x + 100, y), (x + 100, y + 100)]);
            }
            if r + 1 < h.rows.len() && met(r, c) != met(r + 1, c) {
                edges.push([(x, y + 100), (x + 100, y + 100)]);
            }
        }
    }
    chart.draw_series(edges.into_iter().map(|e| PathElement::new(e.to_vec(), stroke(Ink::Target, 3))))?;
    Ok(())
}

/// `chart` as an SVG document `width` pixels wide; `id` makes its element ids unique.
pub fn render(chart: &Chart, width: u32, id: &str) -> Result<String, ChartError> {
    let (w, h) = size(chart, width);
    let mut body = String::with_capacity(16 * 1024);
    {
        let area = SvgCanvas::new(w, h, &mut body).into_drawing_area();
        draw(chart, &area)?;
    }
    Ok(canvas::document((w, h), &body, id, &chart.title, &chart.description))
}

/// A page SVG made standalone for download: every ink class becomes the theme's literal
/// colour as a presentation attribute, so the file looks the same anywhere, and drawing it
/// to a canvas (PNG export) needs no stylesheet, which a strict CSP would refuse.
pub fn standalone(svg: &str, dark: bool) -> String {
    let mut out = svg.replacen(
        r#"class="chart-svg""#,
        r#"font-family="system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Noto Sans JP', Meiryo, sans-serif""#,
        1,
    );
    for (_, name, light, dark_value) in INKS {
        let colour = if dark { dark_value } else { light };
        let dash = DASHED.iter().find(|(n, _)| *n == name).map_or(String::new(), |(_, d)| format!(r#" stroke-dasharray="{d}""#));
        out = out.replace(&format!(r#"class="f-{name}""#), &format!(r#"fill="{colour}""#));
        out = out.replace(&format!(r#"class="s-{name}""#), &format!(r#"stroke="{colour}"{dash}"#));
    }
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{out}")
}

/// A small trend line, `width`×`height` pixels, of values in hundredths (percent points or
/// yen); `label` names it for assistive technology. Empty with fewer than two values.
pub fn sparkline(values: &[i64], width: u32, height: u32, label: &str) -> String {
    if values.len() < 2 {
        return String::new();
    }
    let (lo, hi) = values.iter().fold((i64::MAX, i64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    let (lo, hi) = if hi == lo { (lo - 1, hi + 1) } else { (lo, hi) };
    let mut body = String::new();
    {
        let area = SvgCanvas::new(width, height, &mut body).into_drawing_area();
        let n = values.len() as i32 - 1;
        let built = ChartBuilder::on(&area).margin(3).build_cartesian_2d(0..n, lo..hi);
        if let Ok(mut chart) = built {
            let points: Vec<(i32, i64)> = values.iter().enumerate().map(|(i, v)| (i as i32, *v)).collect();
            let last = points.last().copied();
            let _ = chart.draw_series(std::iter::once(PathElement::new(points, stroke(Ink::A, 2))));
            let _ = chart.draw_series(last.map(|p| Circle::new(p, 2, fill(Ink::A))));
        }
    }
    let mut s = String::new();
    let _ = write!(s, r#"<svg xmlns="http://www.w3.org/2000/svg" class="spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label=""#);
    escape_into(&mut s, label);
    s.push_str("\">");
    s.push_str(&body);
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_can_label_ticks_in_oku_yen() {
        assert_eq!([tick(Lang::Ja, Scale::Money, 20_000), tick(Lang::Ja, Scale::Money, 250)], ["200", "2.5"]);
    }

    #[test]
    fn it_can_label_ticks_without_floats() {
        let cases = [(Scale::Money, 0, "0"), (Scale::Money, 20_000, "20"), (Scale::Money, 2_500, "2.5"), (Scale::Money, -1_250, "-1.25"), (Scale::Percent, 1_250, "12.5%"), (Scale::Percent, -5, "-0.05%")];
        for (scale, v, want) in cases {
            assert_eq!(tick(Lang::En, scale, v), want, "{v}");
        }
    }

    #[test]
    fn it_can_wrap_japanese_titles_between_characters() {
        let lines = wrap("売上高と営業利益: 2005年3月期～2008年3月期、2009年3月期予想、中期目標", TITLE_SIZE, 300);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, TITLE_SIZE) <= 300), "{lines:?}");
    }

    #[test]
    fn it_can_wrap_titles_by_estimated_width() {
        let lines = wrap("Revenues and operating income, FY2004 to FY2010", TITLE_SIZE, 200);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, TITLE_SIZE) <= 200 || !l.contains(' ')));
        assert_eq!(lines.join(" "), "Revenues and operating income, FY2004 to FY2010");
    }

    #[test]
    fn it_can_grade_heat_levels() {
        assert_eq!([level(0, 0, 100), level(50, 0, 100), level(100, 0, 100), level(7, 7, 7)], [0, 2, 4, 2]);
    }
}
