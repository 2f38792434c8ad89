//! The browser UI: the app shell, the views and their widgets. Built for wasm32 only.
//!
//! Components here wire signals to the model (`crate::model`) and to the URL
//! (`crate::route`); they hold no financial logic. State a visitor can share lives in the URL
//! fragment; state derived from it is a `Memo` or a closure, never an effect writing a signal.

pub mod app;
pub mod download;
pub mod i18n;
pub mod panic_page;
pub mod prefs;
pub mod router;
pub mod state;
pub mod views;
pub mod widgets;

/// Installs the panic hook and mounts the app on `<body>`.
pub fn start() {
    panic_page::install();
    leptos::mount::mount_to_body(app::App);
}
