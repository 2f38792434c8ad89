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
    let width = RwSignal::new(DEFAULT_WIDTH);
    let as_table = RwSignal::new(false);
    let prefs = use_context::<Prefs>();
    let measure = move || {
        if let Some(el) = container.get_untracked() {
            let w = el.client_width();
            if w > 0 {
                let _ = width.try_set(w as u32);
            }
        }
    };
    Effect::new(move |_| {
        if container.get().is_some() {
            measure();
        }
    });
    if crate::ui::IN_BROWSER {
        let handle = window_event_listener(leptos::ev::resize, move |_| measure());
        on_cleanup(move || handle.remove());
    }

    let svg = Memo::new(move |_| {
        let width = width.get();
        // `with` reads the chart in place: a driver change should not copy it.
        chart.with(|c| c.as_ref().ok().and_then(|c| charts::render(c, width, &format!("chart-{}", c.key)).ok()))
    });
    let key = move || chart.with(|c| c.as_ref().map(|c| c.key).unwrap_or("chart"));
    let download_svg = move |_| {
        if let (Some(s), Ok(c)) = (svg.get_untracked(), chart.get_untracked()) {
            save_text(&format!("iij-{}.svg", c.key), "image/svg+xml", &charts::standalone(&s, dark_theme(prefs)));
        }
    };
    let download_png = move |_| {
        if let (Some(s), Ok(c)) = (svg.get_untracked(), chart.get_untracked()) {
            let (w, h) = charts::draw::size(&c, width.get_untracked());
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

