//! One module per view. Each view reads its parameters from the route and the model.

pub mod charts;
pub mod document_tools;
pub mod documents;
pub mod not_found;
pub mod overview;
pub mod ratios;
pub mod scenarios;
pub mod sources;
pub mod statements;
