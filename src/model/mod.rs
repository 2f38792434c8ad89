//! The financial model: the documents, the facts printed in them, the checks that reconcile
//! them, and (in later modules) ratios and scenarios.
//!
//! Plain Rust only. Nothing here may import leptos, web-sys, gloo or wasm-bindgen: the web
//! crates are wasm32-only dependencies, so the host build (`cargo test`) would not compile if
//! it tried. Money is `rust_decimal::Decimal` with `checked_*` arithmetic, and every fallible
//! step returns `Result<_, Error>`: a panic in WebAssembly kills the whole page.

// Checked by `cargo clippy` in scripts/test.sh: no unwrap, expect or panic, and no operator
// arithmetic that can overflow (Decimal's operators panic on overflow; every sum here is a
// checked_*, saturating_* or a documented exception). Tests are exempt.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::arithmetic_side_effects))]

pub mod dataset;
pub mod documents;
pub mod error;
pub mod fact;
pub mod formula;
pub mod interval;
pub mod monte_carlo;
pub mod overview_facts;
pub mod ratios;
pub mod reading;
pub mod scenario;
pub mod statements;

pub use dataset::{Check, CheckResult, Dataset, Erratum, Section, Status};
pub use documents::{Document, DocumentId, DOCUMENTS};
pub use error::Error;
pub use fact::{Basis, Fact, Period, Scope, Unit};
