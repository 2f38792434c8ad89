//! One chart on the page: drawn to the width of its box (and redrawn when the window
//! resizes), with a switch to the same numbers as a table and downloads as SVG and PNG.
//! The drawing itself is `crate::charts`; this only wires signals and the browser's APIs.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::charts::{self, Chart};

/// Used until the box has been measured (and if it cannot be).
const DEFAULT_WIDTH: u32 = 720;

#[component]
pub fn ChartFigure(#[prop(into)] chart: Signal<Result<Chart, String>>) -> impl IntoView {
    let container = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(DEFAULT_WIDTH);
    let as_table = RwSignal::new(false);
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
    let handle = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || handle.remove());

    let svg = Memo::new(move |_| {
        let c = chart.get().ok()?;
        charts::render(&c, width.get(), &format!("chart-{}", c.key)).ok()
    });
    let key = move || chart.get().map(|c| c.key).unwrap_or("chart");
    let download_svg = move |_| {
        if let (Some(s), Ok(c)) = (svg.get_untracked(), chart.get_untracked()) {
            let _ = save(&format!("iij-{}.svg", c.key), "image/svg+xml", &charts::standalone(&s, dark_theme()));
        }
    };
    let download_png = move |_| {
        if let (Some(s), Ok(c)) = (svg.get_untracked(), chart.get_untracked()) {
            let (w, h) = charts::draw::size(&c, width.get_untracked());
            let _ = save_png(&format!("iij-{}.png", c.key), &charts::standalone(&s, dark_theme()), w, h);
        }
    };
    view! {
        <figure class="chart" data-testid=move || format!("chart-{}", key())>
            {move || chart.get().err().map(|e| view! { <p class="error-box" role="alert">{e}</p> })}
            <div class="chart-tools">
                <button type="button" class="action small" aria-pressed=move || as_table.get().to_string() data-testid="chart-table-switch"
                    on:click=move |_| as_table.update(|t| *t = !*t)>
                    {move || if as_table.get() { "Show as chart" } else { "Show as table" }}
                </button>
                <button type="button" class="action small" data-testid="chart-svg" on:click=download_svg>"Download SVG"</button>
                <button type="button" class="action small" data-testid="chart-png" on:click=download_png>"Download PNG"</button>
            </div>
            <div class="chart-box" node_ref=container hidden=move || as_table.get() inner_html=move || svg.get().unwrap_or_default()></div>
            {move || as_table.get().then(|| chart.get().ok().map(|c| data_table(&c)))}
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

/// Whether the page shows the dark theme (chosen, or the system's when none is chosen).
fn dark_theme() -> bool {
    let chosen = document().document_element().and_then(|e| e.get_attribute("data-theme"));
    match chosen.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => window().match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|m| m.matches()),
    }
}

/// Offers `url` as a download named `name`.
fn click_download(url: &str, name: &str) -> Result<(), JsValue> {
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    a.set_href(url);
    a.set_download(name);
    a.click();
    Ok(())
}

/// Offers `blob` as a download, releasing its URL once the download has started.
fn save_blob(name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    click_download(&url, name)?;
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

fn svg_blob(text: &str) -> Result<web_sys::Blob, JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    web_sys::Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&JsValue::from_str(text)), &options)
}

fn save(name: &str, _mime: &str, text: &str) -> Result<(), JsValue> {
    save_blob(name, &svg_blob(text)?)
}

/// Draws the standalone SVG on a canvas at twice its size and offers it as a PNG.
fn save_png(name: &str, svg: &str, w: u32, h: u32) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(&svg_blob(svg)?)?;
    let img = web_sys::HtmlImageElement::new()?;
    let (name, source, image) = (name.to_owned(), url.clone(), img.clone());
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = (|| -> Result<(), JsValue> {
            let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas")?.dyn_into()?;
            canvas.set_width(w * 2);
            canvas.set_height(h * 2);
            let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d")?.ok_or(JsValue::NULL)?.dyn_into()?;
            ctx.scale(2.0, 2.0)?;
            ctx.draw_image_with_html_image_element(&image, 0.0, 0.0)?;
            let _ = web_sys::Url::revoke_object_url(&source);
            let done = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
                if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
                    let _ = save_blob(&name, &blob);
                }
            });
            canvas.to_blob_with_type(done.unchecked_ref(), "image/png")
        })();
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
    Ok(())
}
