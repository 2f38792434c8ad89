//! Charts: what each view's figures look like, drawn with plotters.
//!
//! Plain Rust, tested on the host like the model: no leptos, web-sys or gloo here. A chart is
//! plain data (`Chart`: title, text description, the same numbers as a table, and panels of
//! bars, lines, bands and reference rules, or a heatmap) built from the dataset or a scenario
//! by `build`, and drawn by functions generic over plotters' `DrawingBackend`. The page uses
//! `canvas::SvgCanvas` (class-coloured, integer-only SVG); host tests draw the same charts to
//! it for snapshots and to plotters' own `SVGBackend` to prove the drawing is backend-generic.
//!
//! Geometry is in integers: money in JPY millions, percentages in hundredths of a point,
//! categories 100 units wide. Labels are prepared as text from the exact decimals, so nothing
//! is formatted from a float.

pub mod data;
pub mod canvas;
pub mod draw;

use std::fmt;

use plotters::prelude::*;

use crate::i18n::Lang;

pub use draw::{render, sparkline, standalone};

/// A chart colour. Each is drawn as a CSS class (`f-a` fill, `s-a` stroke) so the stylesheet
/// themes every chart; `INKS` gives the light and dark values (the stylesheet must match,
/// which a test checks) for downloads, which carry their own `<style>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// Text, axes.
    Fg,
    /// Grid lines.
    Grid,
    /// The chart's background.
    Bg,
    /// Text on a dark fill.
    On,
    /// First series: revenues, connectivity and VAS, assets.
    A,
    /// Second series: operating income, systems integration.
    B,
    /// Third series: equipment sales.
    C,
    /// Fourth series: other items.
    D,
    /// Fifth series: shareholders' equity.
    E,
    /// Sixth series: borrowings.
    F,
    /// A projection (dashed).
    Proj,
    /// A step up in a bridge.
    Up,
    /// A step down in a bridge.
    Down,
    /// A target or threshold (dashed).
    Target,
    /// Heatmap levels, low to high.
    H0,
    H1,
    H2,
    H3,
    H4,
}

/// (ink, class name, light theme, dark theme).
pub const INKS: [(Ink, &str, &str, &str); 19] = [
    (Ink::Fg, "fg", "#1b1f24", "#e6e9ee"),
    (Ink::Grid, "grid", "#d5dbe2", "#343d48"),
    (Ink::Bg, "bg", "#ffffff", "#161b22"),
    (Ink::On, "on", "#ffffff", "#0d1117"),
    (Ink::A, "a", "#0b4f8a", "#6cb4f0"),
    (Ink::B, "b", "#b45309", "#f5a25d"),
    (Ink::C, "c", "#2f6f3a", "#7cc97f"),
    (Ink::D, "d", "#6b7280", "#a3adb8"),
    (Ink::E, "e", "#0f766e", "#5fd4c4"),
    (Ink::F, "f", "#9d174d", "#f59ac4"),
    (Ink::Proj, "proj", "#b45309", "#f5a25d"),
    (Ink::Up, "up", "#1e7b34", "#6fd08a"),
    (Ink::Down, "down", "#b3261e", "#ff8a80"),
    (Ink::Target, "target", "#7b2cbf", "#d3a6f5"),
    (Ink::H0, "h0", "#eef3f8", "#1f2731"),
    (Ink::H1, "h1", "#c8dcef", "#1e3a56"),
    (Ink::H2, "h2", "#8fb8df", "#285f8f"),
    (Ink::H3, "h3", "#4b86c0", "#4d8fcf"),
    (Ink::H4, "h4", "#0b4f8a", "#8ec5f5"),
];

/// Strokes drawn dashed, by ink: (class name, dash pattern).
pub const DASHED: [(&str, &str); 2] = [("proj", "7 4"), ("target", "6 4")];

impl Ink {
    fn index(self) -> u8 {
        INKS.iter().position(|(i, ..)| *i == self).unwrap_or(0) as u8
    }

    /// The sentinel colour plotters carries for this ink: `(0, 0, 1 + index)`.
    pub fn rgb(self) -> RGBColor {
        RGBColor(0, 0, 1 + self.index())
    }

    /// The ink a sentinel colour stands for.
    pub fn from_rgb(rgb: (u8, u8, u8)) -> Option<Ink> {
        match rgb {
            (0, 0, k) if k >= 1 => INKS.get(usize::from(k - 1)).map(|(i, ..)| *i),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        INKS.get(usize::from(self.index())).map_or("fg", |(_, n, ..)| n)
    }
}

/// Why a chart could not be built or drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartError {
    /// A figure the chart needs is missing or unusable.
    Data(String),
    /// The drawing library refused (never expected with the SVG canvas).
    Draw,
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::Data(m) => write!(f, "the chart cannot be drawn: {m}"),
            ChartError::Draw => f.write_str("the chart could not be drawn"),
        }
    }
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(_: DrawingAreaErrorKind<E>) -> ChartError {
        ChartError::Draw
    }
}

/// The chart's numbers as a table, for the "show as table" switch and downloads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DataTable {
    pub columns: Vec<String>,
    /// (row heading, cells).
    pub rows: Vec<(String, Vec<String>)>,
    /// Units, derivations and sources.
    pub note: String,
}

/// How a panel's values read on its axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// JPY millions, labelled in billions.
    Money,
    /// Hundredths of a percentage point, labelled in percent.
    Percent,
}

/// A bar (or a segment of a stacked or floating bar) from `from` to `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub category: usize,
    /// Position among `Panel::slots` bars side by side in the category.
    pub slot: u8,
    pub from: i64,
    pub to: i64,
    pub ink: Ink,
    /// Outlined, not filled: a forecast or a target.
    pub hollow: bool,
    /// Drawn inside the bar when it fits (stacked segments), else above it.
    pub label: String,
    pub inside: bool,
}

/// A line through category centres.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub points: Vec<(usize, i64)>,
    pub ink: Ink,
    /// Written after the last point.
    pub label: String,
}

/// A shaded band between two lines (a percentile range).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    pub low: Vec<(usize, i64)>,
    pub high: Vec<(usize, i64)>,
    pub ink: Ink,
}

/// A horizontal reference line (a target), over categories `from..=to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub value: i64,
    pub from: usize,
    pub to: usize,
    pub ink: Ink,
    pub label: String,
}

/// One plot area with its own axes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Panel {
    pub title: String,
    /// The value axis's description, with its unit.
    pub unit: String,
    pub scale: Scale,
    pub categories: Vec<String>,
    pub slots: u8,
    pub bars: Vec<Bar>,
    pub lines: Vec<Line>,
    pub bands: Vec<Band>,
    pub rules: Vec<Rule>,
}

/// A heatmap: `cells[r][c]` in JPY millions, met when at least `threshold`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heat {
    pub row_title: String,
    pub col_title: String,
    pub rows: Vec<String>,
    pub cols: Vec<String>,
    pub cells: Vec<Vec<i64>>,
    /// Cell text, when there is room.
    pub labels: Vec<Vec<String>>,
    pub threshold: i64,
}

/// What is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plot {
    Panels(Vec<Panel>),
    Heat(Heat),
}

/// How a legend entry's swatch is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swatch {
    Fill,
    Hollow,
    Line,
}

/// A chart, ready to draw at any width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// Stable name: element ids, file names, snapshot names.
    pub key: &'static str,
    /// The language of its text and of its axis labels (JPY billions or 億円).
    pub lang: Lang,
    pub title: String,
    /// The text alternative: what the chart shows, in words and figures.
    pub description: String,
    pub legend: Vec<(Ink, Swatch, String)>,
    pub plot: Plot,
    pub table: DataTable,
}
