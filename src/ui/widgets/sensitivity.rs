//! The sensitivity grid: operating income in the target year over 11 × 11 values of two
//! levers, each cell marked against the JPY 10 billion target in words as well as colour.

use std::sync::Arc;

use leptos::prelude::*;
use crate::ui::stage::Later;
use crate::ui::i18n::{fy, t, tf};
use rust_decimal::Decimal;

use crate::charts::data;
use crate::format;
use crate::model::scenario::{sensitivity, steps, Base, Metric, Plan, Scenario, YEARS};
use crate::ui::widgets::levers::{self, label, lever};
use crate::ui::widgets::chart_figure::ChartFigure;

/// Grid size: the issue asks for at least 11 × 11.
const N: usize = 11;

#[component]
pub fn Sensitivity(scenario: Signal<(Scenario, usize)>, base: Arc<Base>, plan: Arc<Plan>) -> impl IntoView {
    let row = RwSignal::new(("growth".to_owned(), Decimal::ZERO, Decimal::from(20)));
    let col = RwSignal::new(("margin".to_owned(), Decimal::from(4), Decimal::from(14)));
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    let target = plan.target_operating_income;
    // The grid is 121 projections: it follows the scenario once typing settles (150 ms), so a
    // driver change updates the targets panel and projection within a frame.
    let settled = RwSignal::new(scenario.get_untracked());
    // The effect keeps the pending timer as its value: the next change drops it (which
    // cancels it), so one timer is alive at a time and none leaks. The view may be gone when
    // the timer fires: the try_ accessors then do nothing instead of panicking.
    Effect::new(move |pending: Option<gloo::timers::callback::Timeout>| {
        drop(pending);
        let s = scenario.get();
        gloo::timers::callback::Timeout::new(150, move || {
            if scenario.try_get_untracked() == Some(s) {
                let _ = settled.try_set(s);
            }
        })
    });
    let grid = Memo::new(move |_| {
        let (s, ty) = settled.get();
        let (r, c) = (row.get(), col.get());
        let (rv, cv) = (steps(r.1, r.2, N).ok()?, steps(c.1, c.2, N).ok()?);
        sensitivity(&base, &s, (lever(&r.0), &rv), (lever(&c.0), &cv), Metric::OperatingIncome, ty).map_err(|e| e.to_string()).map(|g| (g, ty)).ok()
    });
    // A memo: the figure reads the chart several times per grid; it is built once.
    let chart = Memo::new(move |_| {
        let (g, ty) = grid.get().ok_or_else(|| "the grid could not be computed for these values".to_owned())?;
        data::heatmap(crate::ui::i18n::lang(), &g, (label(&row.get().0), label(&col.get().0)), target, YEARS[ty]).map_err(|e| e.to_string())
    });
    let range_input = move |axis: RwSignal<(String, Decimal, Decimal)>, end: usize| {
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            match format::typed_decimal(&text) {
                Some(v) if (Decimal::from(-50)..=Decimal::from(100)).contains(&v) => {
                    problem.set(None);
                    axis.update(|a| if end == 0 { a.1 = v } else { a.2 = v });
                }
                _ => problem.set(Some(tf("“{0}” is not a value from -50 to 100; the grid is unchanged.", &[text.trim()]))),
            }
        }
    };
    let axis_controls = move |name: &'static str, axis: RwSignal<(String, Decimal, Decimal)>| {
        view! {
            <fieldset class="axis">
                <legend>{name}</legend>
                <select aria-label=tf("{0}: lever", &[name]) data-testid=format!("sens-{}", name.to_ascii_lowercase()) on:change=move |ev| axis.update(|a| a.0 = event_target_value(&ev)) prop:value=move || axis.get().0>
                    {levers::options()}
                </select>
                <label>{t(" from ")} <input type="text" inputmode="decimal" class="driver" prop:value=move || axis.get().1.to_string() on:change=range_input(axis, 0) /></label>
                <label>{t(" to ")} <input type="text" inputmode="decimal" class="driver" prop:value=move || axis.get().2.to_string() on:change=range_input(axis, 1) /></label>
                " %"
            </fieldset>
        }
    };
    view! {
        <div class="sensitivity" data-testid="sensitivity">
            <h3>{t("Sensitivity")}</h3>
            <div class="controls">{axis_controls("Rows", row)}{axis_controls("Columns", col)}</div>
            {move || problem.get().map(|p| view! { <p class="error-box" role="alert">{p}</p> })}
            <Later><ChartFigure chart=chart /></Later>
            <Later>{move || grid.get().map(|(g, ty)| {
                let head = g.cols.iter().map(|c| view! { <th scope="col" class="num">{format!("{}%", format::group(*c, 1))}</th> }).collect_view();
                let rows = g.rows.iter().zip(g.cells.iter()).map(|(r, line)| {
                    let cells = line.iter().map(|v| {
                        let met = *v >= target;
                        let text = format!("{}{}", crate::ui::i18n::amount(*v, 1), if met { " ✓" } else { "" });
                        view! { <td class="num" class:met=met>{text}</td> }
                    }).collect_view();
                    view! { <tr><th scope="row" class="num">{format!("{}%", format::group(*r, 1))}</th>{cells}</tr> }
                }).collect_view();
                view! {
                    <div class="table-scroll">
                        <table class="data-table heat" data-testid="sensitivity-grid">
                            <caption>{tf("Operating income in {0} (JPY billion); ✓ marks JPY 10 billion or more. Rows: {1}; columns: {2}.", &[&fy(YEARS[ty]), &t(label(&row.get().0)), &t(label(&col.get().0))])}</caption>
                            <thead><tr><th scope="col">{t("Row \\ column")}</th>{head}</tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            })}</Later>
        </div>
    }
}
