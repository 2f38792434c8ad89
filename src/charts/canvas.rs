//! A plotters drawing backend that writes compact SVG for the page.
//!
//! Why not plotters' own `SVGBackend`: it prints colours as literal `fill="#RRGGBB"` and font
//! sizes as floats. Here a colour is one of the chart inks (`super::Ink`) and becomes a class
//! (`f-a`, `s-fg`), so the stylesheet themes a chart without redrawing it and a strict CSP
//! (no inline styles) is never touched; every number written is an integer, so the wasm
//! carries no float formatting. Text width is estimated from the characters, the same on the
//! host and in the browser, so a host snapshot is what the page draws.

use std::fmt::Write;

use plotters_backend::{DrawingBackend, DrawingErrorKind};
use plotters_backend::{text_anchor::{HPos, VPos}, BackendColor, BackendCoord, BackendStyle, BackendTextStyle, FontTransform};

use super::Ink;

/// Never produced: writing to a `String` cannot fail.
#[derive(Debug)]
pub struct CanvasError;

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SVG canvas error")
    }
}

impl std::error::Error for CanvasError {}

/// An SVG document being drawn into a borrowed string (the drawing area owns the backend,
/// so the text is kept outside it).
pub struct SvgCanvas<'a> {
    size: (u32, u32),
    body: &'a mut String,
}

type R = Result<(), DrawingErrorKind<CanvasError>>;

/// Estimated advance of one character in 1/100 of the font size: proportional sans-serif
/// Latin glyphs, full width for Japanese. Generous so labels never collide.
fn advance(c: char) -> u32 {
    match c {
        ' ' | '.' | ',' | ':' | ';' | '|' | 'i' | 'l' | 'j' | '\'' | '!' | '(' | ')' => 32,
        'f' | 't' | 'r' | 'I' | '-' | '–' => 42,
        '0'..='9' => 62,
        'm' | 'w' | 'M' | 'W' | '%' => 94,
        'A'..='Z' => 72,
        c if (c as u32) >= 0x2E80 => 104,
        _ => 60,
    }
}

/// Estimated width of `text` at `size` pixels.
pub fn text_width(text: &str, size: u32) -> u32 {
    text.chars().map(advance).sum::<u32>().saturating_mul(size) / 100
}

/// The finished document around `body`: `role="img"`, named by its `<title>` and described
/// by its `<desc>` (`id` makes their ids unique on the page).
pub fn document((w, h): (u32, u32), body: &str, id: &str, title: &str, description: &str) -> String {
        let mut s = String::with_capacity(body.len() + 400);
        let _ = write!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-labelledby="{id}-t" aria-describedby="{id}-d"><title id="{id}-t">"#
        );
        escape_into(&mut s, title);
        let _ = write!(s, r#"</title><desc id="{id}-d">"#);
        escape_into(&mut s, description);
        s.push_str("</desc>");
        s.push_str(body);
        s.push_str("</svg>");
        s
}

impl<'a> SvgCanvas<'a> {
    pub fn new(width: u32, height: u32, body: &'a mut String) -> SvgCanvas<'a> {
        SvgCanvas { size: (width, height), body }
    }

    /// Opens an element with its paint: `fill` or `stroke` in the colour's ink class.
    fn open(&mut self, tag: &str, color: BackendColor, filled: bool, width: u32) {
        let _ = write!(self.body, "<{tag} ");
        paint(self.body, color, filled, width);
    }
}

/// Writes the paint attributes of a shape.
fn paint(s: &mut String, color: BackendColor, filled: bool, width: u32) {
    let class = Ink::from_rgb(color.rgb);
    let prefix = if filled { "f" } else { "s" };
    match class {
        Some(ink) => {
            let _ = write!(s, r#"class="{prefix}-{}""#, ink.name());
        }
        None => {
            let (r, g, b) = color.rgb;
            let _ = write!(s, r##"{}="#{r:02x}{g:02x}{b:02x}""##, if filled { "fill" } else { "stroke" });
        }
    }
    if filled {
        s.push_str(r#" stroke="none""#);
    } else {
        let _ = write!(s, r#" fill="none" stroke-width="{width}""#);
    }
    if color.alpha < 1.0 {
        // Percent, written as an integer: no float formatting in the wasm.
        let pct = (color.alpha.clamp(0.0, 1.0) * 100.0) as u32;
        let _ = write!(s, r#" opacity=".{pct:02}""#);
    }
}

/// Escapes text for SVG content and attribute values.
pub fn escape_into(s: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            c => s.push(c),
        }
    }
}

impl DrawingBackend for SvgCanvas<'_> {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> R {
        Ok(())
    }

    fn present(&mut self) -> R {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> R {
        if color.alpha > 0.0 {
            self.open("rect", color, true, 0);
            let _ = write!(self.body, r#" x="{x}" y="{y}" width="1" height="1"/>"#);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, (x0, y0): BackendCoord, (x1, y1): BackendCoord, style: &S) -> R {
        if style.color().alpha > 0.0 {
            self.open("line", style.color(), false, style.stroke_width());
            let _ = write!(self.body, r#" x1="{x0}" y1="{y0}" x2="{x1}" y2="{y1}"/>"#);
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(&mut self, (x0, y0): BackendCoord, (x1, y1): BackendCoord, style: &S, fill: bool) -> R {
        if style.color().alpha > 0.0 {
            let (x, y, w, h) = (x0.min(x1), y0.min(y1), (x1 - x0).abs(), (y1 - y0).abs());
            self.open("rect", style.color(), fill, style.stroke_width());
            let _ = write!(self.body, r#" x="{x}" y="{y}" width="{w}" height="{h}"/>"#);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> R {
        if style.color().alpha > 0.0 {
            self.open("polyline", style.color(), false, style.stroke_width());
            self.body.push_str(r#" points=""#);
            points(self.body, path);
            self.body.push_str(r#""/>"#);
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, (x, y): BackendCoord, radius: u32, style: &S, fill: bool) -> R {
        if style.color().alpha > 0.0 {
            self.open("circle", style.color(), fill, style.stroke_width());
            let _ = write!(self.body, r#" cx="{x}" cy="{y}" r="{radius}"/>"#);
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> R {
        if style.color().alpha > 0.0 {
            self.open("polygon", style.color(), true, 0);
            self.body.push_str(r#" points=""#);
            points(self.body, vert);
            self.body.push_str(r#""/>"#);
        }
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, (x, y): BackendCoord) -> R {
        let color = style.color();
        if color.alpha <= 0.0 {
            return Ok(());
        }
        let size = style.size().max(1.0) as u32;
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Center => "middle",
            HPos::Right => "end",
        };
        // Baseline placement by arithmetic (dominant-baseline is not honoured everywhere,
        // e.g. when the SVG is drawn to a canvas for PNG export).
        let dy = match style.anchor().v_pos {
            VPos::Top => size * 4 / 5,
            VPos::Center => size * 7 / 20,
            VPos::Bottom => 0,
        } as i32;
        self.open("text", color, true, 0);
        let _ = write!(self.body, r#" font-size="{size}" text-anchor="{anchor}""#);
        match style.transform() {
            FontTransform::Rotate270 => {
                let _ = write!(self.body, r#" transform="translate({x},{y}) rotate(-90)" x="0" y="{dy}""#);
            }
            FontTransform::Rotate90 => {
                let _ = write!(self.body, r#" transform="translate({x},{y}) rotate(90)" x="0" y="{dy}""#);
            }
            _ => {
                let _ = write!(self.body, r#" x="{x}" y="{}""#, y + dy);
            }
        }
        self.body.push('>');
        escape_into(self.body, text);
        self.body.push_str("</text>");
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        let size = style.size().max(1.0) as u32;
        Ok((text_width(text, size), size))
    }
}

fn points<I: IntoIterator<Item = BackendCoord>>(s: &mut String, path: I) {
    for (i, (x, y)) in path.into_iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        let _ = write!(s, "{x},{y}");
    }
}
