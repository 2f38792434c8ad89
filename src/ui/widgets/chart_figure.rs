//! One chart on the page: drawn to the width of its box (and redrawn when the window
//! resizes), with a switch to the same numbers as a table and downloads as SVG and PNG.
//! The drawing itself is `crate::charts`; this only wires signals and the browser's APIs.

use leptos::prelude::*;
use crate::ui::i18n::t;

use crate::charts::{self, Chart};
use crate::export::Sheet;
use crate::settings::Theme;
use crate::ui::prefs::Prefs;
use crate::ui::download::{save_png, save_text, CsvButton};

/// Used until the box has been measured (and if it cannot be).
const DEFAULT_WIDTH: u32 = 720;

#[component]
pub fn ChartFigure(#[prop(into)] chart: Signal<Result<Chart, String>>) -> impl IntoView {
    let container = NodeRef::<leptos::html::Div>::new();
    // In the browser the chart is drawn at a width known without a layout, or once its box
    // has been measured (before the first paint); the prerender step draws it for narrow and
    // for wide boxes.
    let width = RwSignal::new(known_width(chart.with_untracked(|c| c.as_ref().map(|c| c.key).unwrap_or("chart"))));
    let as_table = RwSignal::new(false);
    let prefs = use_context::<Prefs>();
    #[cfg(target_arch = "wasm32")]
    follow_width(container, width);

    let svg = Memo::new(move |_| {
        if !crate::ui::IN_BROWSER {
            return chart.with(|c| c.as_ref().ok().and_then(prerendered));
        }
        let width = width.get()?;
        // `with` reads the chart in place: a driver change should not copy it.
        chart.with(|c| c.as_ref().ok().and_then(|c| crate::ui::chunks::draw_chart(c, width)))
    });
    let key = move || chart.with(|c| c.as_ref().map(|c| c.key).unwrap_or("chart"));
    let download_svg = move |_| {
        if let (Some(s), Ok(c)) = (svg.get_untracked(), chart.get_untracked()) {
            save_text(&format!("iij-{}.svg", c.key), "image/svg+xml", &charts::standalone(&s, dark_theme(prefs)));
        }
    };
    let download_png = move |_| {
        if let (Some(s), Ok(c)) = (svg.get_untracked(), chart.get_untracked()) {
            let (w, h) = charts::draw::size(&c, width.get_untracked().unwrap_or(DEFAULT_WIDTH));
            save_png(&format!("iij-{}.png", c.key), &charts::standalone(&s, dark_theme(prefs)), w, h);
        }
    };
    view! {
        <figure class="chart" data-testid=move || format!("chart-{}", key())>
            {move || chart.with(|c| c.as_ref().err().cloned()).map(|e| view! { <p class="error-box" role="alert">{e}</p> })}
            <div class="chart-tools">
                <button type="button" class="action small" aria-pressed=move || as_table.get().to_string() data-testid="chart-table-switch"
                    on:click=move |_| as_table.update(|t| *t = !*t)>
                    {move || if as_table.get() { t("Show as chart") } else { t("Show as table") }}
                </button>
                <button type="button" class="action small" data-testid="chart-svg" on:click=download_svg>{t("Download SVG")}</button>
                <button type="button" class="action small" data-testid="chart-png" on:click=download_png>{t("Download PNG")}</button>
                <CsvButton file=format!("iij-{}.csv", chart.with_untracked(|c| c.as_ref().map(|c| c.key).unwrap_or("chart"))) sheet=Callback::new(move |()| chart_sheet(chart.get_untracked().ok())) />
            </div>
            <div class="chart-box" node_ref=container hidden=move || as_table.get() inner_html=move || svg.get().unwrap_or_default()></div>
            {move || as_table.get().then(|| chart.with(|c| c.as_ref().ok().map(data_table)))}
        </figure>
    }
}

/// The prerendered page's drawing: one for boxes narrower than two panels side by side and
/// one for wider boxes, each at its layout's reference width; a container query shows the one
/// that fits (style/main.css, `.chart-box`). A chart keeps its aspect ratio within a layout,
/// so the drawing scaled to the box is as tall as the one the app draws for it.
fn prerendered(c: &Chart) -> Option<String> {
    let narrow = charts::render(c, charts::draw::NARROW_REFERENCE, &format!("chart-{}-narrow", c.key)).ok()?;
    let wide = charts::render(c, charts::draw::WIDE_REFERENCE, &format!("chart-{}-wide", c.key)).ok()?;
    Some(format!(r#"<div class="pre-narrow">{narrow}</div><div class="pre-wide">{wide}</div>"#))
}

/// Keeps `width` at the width of the chart's box. A ResizeObserver reads it after layout, when
/// the box is first laid out and whenever it changes (a window resize, a rotated phone):
/// reading `clientWidth` while the page is being built would force a layout for every chart
/// (a profile of the Scenarios view's start put a quarter of it there). A box without width
/// (not displayed) gets the default width. Every browser that runs the app's wasm has
/// ResizeObserver; should one not, the chart is drawn at the default width.
#[cfg(target_arch = "wasm32")]
fn follow_width(container: NodeRef<leptos::html::Div>, width: RwSignal<Option<u32>>) {
    use send_wrapper::SendWrapper;
    use wasm_bindgen::{closure::Closure, JsCast};
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
            let w = u32::try_from(entry.target().client_width()).ok().filter(|w| *w > 0).unwrap_or(DEFAULT_WIDTH);
            LAST_WIDTH.with(|last| last.set(Some(w)));
            // Redrawn in the next frame, not inside the observer's delivery: a drawing that
            // changes the page's height can change the box's width (a scroll bar appears),
            // which the same delivery cannot report ("ResizeObserver loop completed with
            // undelivered notifications", an error event in Firefox).
            if width.try_get_untracked().flatten() != Some(w) {
                request_animation_frame(move || {
                    let _ = width.try_set(Some(w));
                });
            }
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
        width.set(Some(width.get_untracked().unwrap_or(DEFAULT_WIDTH)));
        return;
    };
    let observed = observer.clone();
    Effect::new(move |_| {
        if let Some(el) = container.get() {
            observed.observe(&el);
        }
    });
    let kept = SendWrapper::new((observer, on_resize));
    on_cleanup(move || kept.take().0.disconnect());
}

thread_local! {
    /// The prerendered page's chart boxes, by chart: their widths, read as the app takes over.
    static PRERENDERED_WIDTHS: std::cell::RefCell<Vec<(String, u32)>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The last width a chart's box was measured at.
    static LAST_WIDTH: std::cell::Cell<Option<u32>> = const { std::cell::Cell::new(None) };
}

/// Reads the prerendered page's chart boxes before the app replaces them: their widths (the
/// page has been laid out and painted, so this costs no layout; the app's charts are then drawn
/// at their boxes' widths in its first frame, as tall as the prerendered drawings) and their
/// drawings, which stand until the app can draw (`chunks::draw_chart`).
#[cfg(target_arch = "wasm32")]
pub fn remember_prerendered_charts(document: &web_sys::Document) {
    let Ok(figures) = document.query_selector_all("#prerender figure.chart") else { return };
    let (mut widths, mut drawings) = (Vec::new(), Vec::new());
    for i in 0..figures.length() {
        let Some(figure) = figures.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()) else { continue };
        let Some(key) = figure.get_attribute("data-testid").and_then(|t| t.strip_prefix("chart-").map(str::to_owned)) else { continue };
        let Some(chart_box) = figure.query_selector(".chart-box").ok().flatten() else { continue };
        if let Some(w) = u32::try_from(chart_box.client_width()).ok().filter(|w| *w > 0) {
            widths.push((key.clone(), w));
        }
        drawings.push((key, chart_box.inner_html()));
    }
    PRERENDERED_WIDTHS.with(|p| *p.borrow_mut() = widths);
    crate::ui::chunks::keep_prerendered_drawings(drawings);
}

/// The width to draw chart `key` at before its box has been measured: the prerendered box's
/// (kept: a start in Japanese draws the page twice), else the last measured one (charts mostly
/// share a column), else none (drawn once measured; always so natively).
fn known_width(key: &str) -> Option<u32> {
    PRERENDERED_WIDTHS
        .with(|p| p.borrow().iter().find(|(k, _)| k == key).map(|(_, w)| *w))
        .or_else(|| LAST_WIDTH.with(|last| last.get()))
}

/// The chart's numbers as an accessible table.
fn data_table(c: &Chart) -> impl IntoView {
    let head = c.table.columns.iter().map(|h| view! { <th scope="col" class="num">{h.clone()}</th> }).collect_view();
    let rows = c
        .table
        .rows
        .iter()
        .map(|(heading, cells)| {
            let cells = cells.iter().map(|v| view! { <td class="num">{v.clone()}</td> }).collect_view();
            view! { <tr><th scope="row">{heading.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data-table" data-testid="chart-table">
                <caption><span class="caption-title">{c.title.clone()}</span><span class="caption-note">{c.table.note.clone()}</span></caption>
                <thead><tr><th scope="col"></th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The chart's table as a sheet.
fn chart_sheet(c: Option<Chart>) -> Sheet {
    let Some(c) = c else { return Sheet::default() };
    let mut columns = vec![String::new()];
    columns.extend(c.table.columns.iter().cloned());
    Sheet { title: c.title, columns, rows: c.table.rows }
}

/// Whether the page shows the dark theme, as the preferences resolve it (light without them).
fn dark_theme(prefs: Option<Prefs>) -> bool {
    prefs.is_some_and(|p| p.theme.get_untracked().resolve(p.system_dark.get_untracked()) == Theme::Dark)
}

