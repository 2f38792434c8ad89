//! Offering text as a file download (CSV, JSON, SVG) and an SVG as a PNG: the browser's Blob
//! and object-URL APIs, nothing more. Buttons for the common cases.

use leptos::prelude::*;
use crate::ui::i18n::t;
use wasm_bindgen::{JsCast, JsValue};

use crate::export::{csv, Sheet};

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

fn blob(text: &str, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&JsValue::from_str(text)), &options)
}

/// Offers `text` as a file.
pub fn save_text(name: &str, mime: &str, text: &str) {
    let _ = blob(text, mime).and_then(|b| save_blob(name, &b));
}

/// Draws a standalone SVG on a canvas at twice its size and offers it as a PNG.
pub fn save_png(name: &str, svg: &str, w: u32, h: u32) {
    let _ = (|| -> Result<(), JsValue> {
        let url = web_sys::Url::create_object_url_with_blob(&blob(svg, "image/svg+xml")?)?;
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
                let done = wasm_bindgen::closure::Closure::once_into_js(move |b: JsValue| {
                    if let Ok(b) = b.dyn_into::<web_sys::Blob>() {
                        let _ = save_blob(&name, &b);
                    }
                });
                canvas.to_blob_with_type(done.unchecked_ref(), "image/png")
            })();
        });
        img.set_onload(Some(onload.unchecked_ref()));
        img.set_src(&url);
        Ok(())
    })();
}

/// A "Download CSV" button for a table; `sheet` is built when clicked.
#[component]
pub fn CsvButton(#[prop(into)] file: String, sheet: Callback<(), Sheet>) -> impl IntoView {
    view! {
        <button type="button" class="action small secondary" data-testid="csv" on:click=move |_| save_text(&file, "text/csv;charset=utf-8", &csv(&sheet.run(())))>
            {t("Download CSV")}
        </button>
    }
}
