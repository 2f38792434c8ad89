//! Widgets shared by several views.

pub mod chart_figure;
pub mod derived_panel;
pub mod fact_panel;
pub mod inspector;
pub mod levers;
pub mod monte_carlo;
pub mod saved;
pub mod sensitivity;
pub mod statement_table;
pub mod url_problems;
pub mod status_badge;
