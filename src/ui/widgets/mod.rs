//! Widgets shared by several views.

pub mod fact_panel;
pub mod status_badge;
