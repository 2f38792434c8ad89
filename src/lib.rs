//! IIJ Financial Explorer: Internet Initiative Japan's FY2007 results and plans, exact and
//! traced to the line they were printed on, entirely in the browser.
//!
//! - [`model`]: the financial model (documents, facts, checks, ratios, scenarios). Plain Rust,
//!   built and tested on the host.
//! - [`charts`]: chart data and drawing with plotters, generic over the backend. Plain Rust,
//!   tested on the host (SVG snapshots).
//! - [`route`]: the URL scheme (fragment routing). Plain Rust, tested on the host.
//! - [`settings`]: theme and language as stored and typed. Plain Rust, tested on the host.
//! - [`export`]: CSV and JSON exports. Plain Rust, tested on the host.
//! - [`document_html`]: a source document as HTML for the Documents view, every cited figure
//!   a button. Plain Rust, tested on the host.
//! - [`i18n`]: English and Japanese (lookup by English text, periods, amounts). Plain Rust.
//! - [`format`]: number formatting for display. Plain Rust, tested on the host.
//! - [`number`]: digits grouped by thousands, shared by `format` and `i18n`. Plain Rust.
//! - [`text_table`]: a table read from tab-separated text, bundled or fetched and installed
//!   (the Japanese table, the quoted source lines). Plain Rust.
//! - `ui` (wasm32, and natively for the prerender step): the Leptos app shell, views and widgets; it wires signals to the
//!   model and holds no financial logic of its own.

// No unwrap, expect or panic outside tests anywhere in the library (a panic in WebAssembly
// kills the page); checked by `cargo clippy` in scripts/test.sh, for the host and wasm32.
// The one deliberate panic (`#/selftest/panic`) is allowed where it is.
#![recursion_limit = "256"]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod charts;
pub mod document_html;
pub mod export;
pub mod format;
pub mod i18n;
pub mod model;
pub mod number;
pub mod route;
pub mod settings;
pub mod text_table;
#[cfg(not(target_arch = "wasm32"))]
pub mod workbook;

#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod ui;
