//! The Monte Carlo run: spreads, seed and paths the visitor sets; runs in chunks with a
//! progress line so the page never freezes; the probability of meeting each target and the
//! 10th/50th/90th percentile bands per year.

use std::sync::Arc;

use leptos::prelude::*;
use crate::i18n::n_;
use crate::ui::i18n::{fy, t, tf};
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;

use crate::format;

use crate::model::monte_carlo::{Outcome, Run, Settings};
use crate::model::scenario::{Base, Plan, Scenario, YEARS};

/// Paths per chunk between yields to the browser.
const CHUNK: usize = 1_000;

// The fields' labels, also naming the field in its error message.
const GROWTH_LABEL: &str = n_("Growth spread (points) ");
const MARGIN_LABEL: &str = n_("Margin spread (points) ");
const PATHS_LABEL: &str = n_("Paths ");

// Floats are shown and read through Decimal: Rust's own float formatting and parsing
// would add tens of kilobytes to the wasm.
fn bn(x: f64) -> String {
    crate::ui::i18n::amount(Decimal::from_f64(x).unwrap_or_default().round(), 1)
}

fn pct(x: f64) -> String {
    format!("{}%", format::group(Decimal::from_f64(x * 100.0).unwrap_or_default(), 1))
}

/// The Monte Carlo panel for `scenario` (with its target year).
///
/// `band` receives each finished run with the scenario it was run on, for the projection chart.
#[component]
pub fn MonteCarlo(scenario: Signal<(Scenario, usize)>, base: Arc<Base>, plan: Arc<Plan>, band: RwSignal<Option<(Scenario, Outcome)>>) -> impl IntoView {
    let defaults = Settings::default();
    let as_text = |x: f64| Decimal::from_f64(x).unwrap_or_default().normalize().to_string();
    let growth = RwSignal::new(as_text(defaults.growth_spread));
    let margin = RwSignal::new(as_text(defaults.margin_spread));
    let seed = RwSignal::new(defaults.seed.to_string());
    let paths = RwSignal::new(defaults.paths.to_string());
    let progress = RwSignal::new(None::<(usize, usize)>);
    let outcome: RwSignal<Option<(Outcome, f64)>> = RwSignal::new(None);
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    let targets = (plan.target_revenue, plan.target_operating_income);
    let run = move |_| {
        let (s, ty) = scenario.get_untracked();
        // `label` is the field's label, so the message names the field in the page's language.
        let parse = |sig: RwSignal<String>, label: &str, lo: f64, hi: f64| -> Result<f64, String> {
            let text = sig.get_untracked();
            match format::typed_decimal(&text).and_then(|d| d.to_f64()) {
                Some(v) if (lo..=hi).contains(&v) => Ok(v),
                _ => {
                    let bound = |x: f64| format::group(Decimal::from_f64(x).unwrap_or_default(), 0);
                    Err(tf("{0}: “{1}” must be a number from {2} to {3}.", &[t(label).trim(), text.trim(), &bound(lo), &bound(hi)]))
                }
            }
        };
        let settings = (|| -> Result<Settings, String> {
            Ok(Settings {
                growth_spread: parse(growth, GROWTH_LABEL, 0.0, 50.0)?,
                margin_spread: parse(margin, MARGIN_LABEL, 0.0, 20.0)?,
                seed: seed.get_untracked().trim().parse::<u64>().map_err(|_| tf("Seed: “{0}” must be a whole number from 0.", &[seed.get_untracked().trim()]))?,
                paths: parse(paths, PATHS_LABEL, 100.0, 100_000.0)? as usize,
                target_year: ty,
            })
        })();
        let settings = match settings {
            Ok(s) => s,
            Err(e) => {
                problem.set(Some(tf("{0} Nothing was run.", &[&e])));
                return;
            }
        };
        problem.set(None);
        let mut r = match Run::new(&base, &s, targets, settings) {
            Ok(r) => r,
            Err(e) => {
                problem.set(Some(e.text(crate::ui::i18n::lang())));
                return;
            }
        };
        let started = js_sys::Date::now();
        progress.set(Some((0, settings.paths)));
        leptos::task::spawn_local(async move {
            while !r.done() {
                r.step(CHUNK);
                // If the visitor left the view, the signals are disposed: try_set hands the
                // value back, and the run stops instead of panicking.
                if progress.try_set(Some((r.done_paths(), settings.paths))).is_some() {
                    return;
                }
                // Yield to the browser so the page stays responsive and the progress shows.
                gloo::timers::future::TimeoutFuture::new(0).await;
            }
            let o = r.outcome();
            let _ = band.try_set(Some((s, o.clone())));
            let _ = outcome.try_set(Some((o, js_sys::Date::now() - started)));
            let _ = progress.try_set(None);
        });
    };
    let field = |label: &'static str, sig: RwSignal<String>, key: &'static str| {
        view! { <label>{t(label)} <input type="text" inputmode="decimal" class="driver" data-testid=key prop:value=move || sig.get() on:change=move |ev| sig.set(event_target_value(&ev)) /></label> }
    };
    view! {
        <div class="monte-carlo" data-testid="monte-carlo">
            <h3>{t("Uncertainty (Monte Carlo)")}</h3>
            <p class="muted small">{t("Each path adds normal noise to every year's revenue growth and operating margin around the scenario. Sampling uses floating point; the projection above stays in exact decimals. The seed makes a run reproducible.")}</p>
            <div class="controls">
                {field(GROWTH_LABEL, growth, "mc-growth")}
                {field(MARGIN_LABEL, margin, "mc-margin")}
                {field(n_("Seed "), seed, "mc-seed")}
                {field(PATHS_LABEL, paths, "mc-paths")}
                <button type="button" class="action" data-testid="mc-run" on:click=run>{t("Run")}</button>
            </div>
            {move || problem.get().map(|p| view! { <p class="error-box" role="alert" data-testid="mc-problem">{p}</p> })}
            {move || progress.get().map(|(done, of)| view! { <p role="status" data-testid="mc-progress">{tf("{0} of {1} paths…", &[&done.to_string(), &of.to_string()])}</p> })}
            {move || outcome.get().map(|(o, ms)| {
                let rows = o.revenue.iter().zip(o.operating_income.iter()).map(|(r, oi)| view! {
                    <tr>
                        <th scope="row">{fy(r.year)}</th>
                        <td class="num">{bn(r.p10)}</td><td class="num">{bn(r.p50)}</td><td class="num">{bn(r.p90)}</td>
                        <td class="num">{bn(oi.p10)}</td><td class="num">{bn(oi.p50)}</td><td class="num">{bn(oi.p90)}</td>
                    </tr>
                }).collect_view();
                let ty = scenario.with(|(_, t)| *t);
                view! {
                    <p data-testid="mc-result">
                        {tf("{0} paths in {1} ms. In {2}: revenues reach JPY 100 billion in {3}, operating income JPY 10 billion in {4}, both in {5} of paths.", &[&format::group(Decimal::from(o.paths as u64), 0), &format::group(Decimal::from_f64(ms).unwrap_or_default(), 0), &fy(YEARS[ty]), &pct(o.p_revenue), &pct(o.p_operating_income), &pct(o.p_both)])}
                    </p>
                    <div class="table-scroll">
                        <table class="data-table" data-testid="mc-bands">
                            <caption>{t("Percentile bands (JPY billion)")}</caption>
                            <thead>
                                <tr><th scope="col">{t("Year")}</th><th scope="col" class="num">{t("Revenues P10")}</th><th scope="col" class="num">{t("P50")}</th><th scope="col" class="num">{t("P90")}</th><th scope="col" class="num">{t("Operating income P10")}</th><th scope="col" class="num">{t("P50")}</th><th scope="col" class="num">{t("P90")}</th></tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            })}
        </div>
    }
}
