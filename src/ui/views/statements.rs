//! Statements: every statement and table of the documents, in tabs, with a unit switch,
//! a common-size switch, a choice of sign style, and the source inspector for any figure.
//!
//! URL parameters: `s` (statement key), `unit` (`k`, `m`, `b`), `cs` (`1` for common size),
//! `neg` (`paren` for parentheses), `fig` (the selected figure: a fact id or a derived id).
//! Anything unknown gets a message and a sensible default; the view keeps working.

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::data;
use crate::ui::widgets::chart_figure::ChartFigure;

use crate::format::{self, MoneyUnit, Negatives};
use crate::model::statements::{self, Source, Table, STATEMENTS};
use crate::route::Route;
use crate::ui::router::{push_route, replace_param};
use crate::ui::state::{load_error_view, use_explorer, Explorer, LoadError};
use crate::ui::widgets::derived_panel::DerivedPanel;
use crate::ui::widgets::fact_panel::FactPanel;
use crate::ui::widgets::statement_table::StatementTable;
use crate::ui::widgets::url_problems::url_problems;

/// The display settings a URL asks for, with messages for what it asked wrongly.
#[derive(Debug, Clone, PartialEq)]
struct Settings {
    key: &'static str,
    unit: MoneyUnit,
    common_size: bool,
    negatives: Negatives,
    problems: Vec<String>,
}

fn settings(route: &Route) -> Settings {
    let mut problems = Vec::new();
    let key = match route.param("s") {
        None => STATEMENTS[0].key,
        Some(k) => match statements::spec(k) {
            Some(spec) => spec.key,
            None => {
                problems.push(format!("There is no statement called “{k}”; the income statement is shown."));
                STATEMENTS[0].key
            }
        },
    };
    let unit = match route.param("unit") {
        None => MoneyUnit::Thousands,
        Some(u) => MoneyUnit::from_code(u).unwrap_or_else(|| {
            problems.push(format!("“{u}” is not a unit (use k, m or b); JPY thousands are shown."));
            MoneyUnit::Thousands
        }),
    };
    let common_size = match route.param("cs") {
        None | Some("0") => false,
        Some("1") => true,
        Some(other) => {
            problems.push(format!("“cs={other}” is not understood (use 1 or 0); amounts are shown."));
            false
        }
    };
    let negatives = match route.param("neg") {
        None | Some("minus") => Negatives::Minus,
        Some("paren") => Negatives::Parentheses,
        Some(other) => {
            problems.push(format!("“neg={other}” is not understood (use minus or paren); a minus sign is used."));
            Negatives::Minus
        }
    };
    Settings { key, unit, common_size, negatives, problems }
}

#[component]
pub fn StatementsView(route: ReadSignal<Route>) -> impl IntoView {
    let explorer = match use_explorer() {
        Ok(x) => x,
        Err(message) => return load_error_view(crate::route::View::Statements, message),
    };
    let settings = Memo::new(move |_| settings(&route.get()));
    let selected = Memo::new(move |_| route.get().param("fig").map(str::to_owned));
    let table = {
        let explorer = explorer.clone();
        Memo::new(move |_| {
            let s = settings.get();
            statements::spec(s.key).map(|spec| statements::build(&explorer.data, spec, s.common_size).map_err(|e| e.to_string()))
        })
    };
    let on_select = Callback::new(move |id: String| replace_param(route, "fig", &id));
    let set = move |key: &'static str, value: Option<String>| {
        push_route(&route.get_untracked().with_param(key, value.as_deref()));
    };
    let tabs = STATEMENTS
        .iter()
        .map(|spec| {
            let href = move || route.get().with_param("s", Some(spec.key)).with_param("fig", None).to_string();
            let current = move || (settings.get().key == spec.key).then_some("page");
            view! { <li><a href=href aria-current=current data-testid=format!("tab-{}", spec.key)>{tab_name(spec.key)}</a></li> }
        })
        .collect_view();
    let explorer_panel = explorer.clone();
    // The statement's chart, where one tells its story: a memo per statement key, so changing
    // the unit or sign convention does not redraw it.
    let chart_key = Memo::new(move |_| settings.get().key);
    let chart = {
        let explorer = explorer.clone();
        move || {
            let ds = &explorer.data;
            let chart = match chart_key.get() {
                "trend" => data::trend(ds),
                "segments" => data::segments(ds),
                "balance" => data::balance(ds),
                _ => return None,
            };
            Some(view! { <ChartFigure chart=Signal::stored(chart.map_err(|e| e.to_string())) /> })
        }
    };
    view! {
        <section class="view statements" data-testid="view-statements">
            <h2>"Statements"</h2>
            <nav aria-label="Statements" class="tabs"><ul>{tabs}</ul></nav>
            {url_problems(move || settings.get().problems)}
            <div class="controls">
                <label>
                    "Unit "
                    <select data-testid="unit" on:change=move |ev| set("unit", Some(event_target_value(&ev))) prop:value=move || settings.get().unit.code()>
                        {MoneyUnit::ALL.into_iter().map(|u| view! { <option value=u.code()>{u.label()}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    <input
                        type="checkbox"
                        data-testid="common-size"
                        prop:checked=move || settings.get().common_size
                        prop:disabled=move || statements::spec(settings.get().key).is_none_or(|s| s.common_size.is_none())
                        on:change=move |ev| set("cs", event_target_checked(&ev).then(|| "1".to_owned()))
                    />
                    " Common size"
                </label>
                <label>
                    "Negatives "
                    <select data-testid="negatives" on:change=move |ev| set("neg", Some(event_target_value(&ev))) prop:value=move || if settings.get().negatives == Negatives::Parentheses { "paren" } else { "minus" }>
                        <option value="minus">"-1,234"</option>
                        <option value="paren">"(1,234)"</option>
                    </select>
                </label>
            </div>
            <div class="statement-layout">
                {move || {
                    let s = settings.get();
                    match table.get() {
                        Some(Ok(t)) => {
                            let note = caption_note(&t, &s);
                            view! { <StatementTable table=t unit=s.unit negatives=s.negatives note=note selected=selected.into() on_select=on_select /> }.into_any()
                        }
                        Some(Err(e)) => view! { <LoadError message=e /> }.into_any(),
                        None => view! { <LoadError message="unknown statement".to_owned() /> }.into_any(),
                    }
                }}
                <aside class="inspector" aria-live="polite" aria-label="Source of the selected figure" tabindex="0">
                    {move || selected.get().is_none().then(|| view! {
                        <p class="hint">"Select any figure (click, tap or Tab to it) to see where it was printed, its exact value and the checks it takes part in."</p>
                    })}
                    {move || {
                        let id = selected.get()?;
                        let s = settings.get();
                        let t = table.get()?.ok()?;
                        Some(inspect(explorer_panel.clone(), &t, id, s.unit, s.negatives))
                    }}
                </aside>
            </div>
            {chart}
        </section>
    }
    .into_any()
}

/// The tab name of a statement.
fn tab_name(key: &str) -> &'static str {
    match key {
        "income" => "Income statement",
        "balance" => "Balance sheet",
        "equity" => "Shareholders' equity",
        "cashflow" => "Cash flows",
        "trend" => "FY2004–FY2007",
        "segments" => "Segments",
        "quarters" => "Quarters",
        "nc-income" => "Parent: income",
        "nc-balance" => "Parent: balance sheet",
        "nc-equity" => "Parent: net assets",
        "company" => "Company facts",
        "plan" => "Forecast and target",
        _ => "Statement",
    }
}

/// The caption's second line: unit, sign convention, what common size means, and sources.
fn caption_note(t: &Table, s: &Settings) -> String {
    let unit = if t.common_size {
        statements::spec(t.key).and_then(|sp| sp.common_size).map_or("%", |(_, name)| name).to_owned()
    } else {
        format!("Amounts in {}; per-share data in JPY; ratios in %", s.unit.label())
    };
    let sign = if s.negatives == Negatives::Parentheses { "negatives in parentheses" } else { "negatives with a minus sign" };
    format!("{unit}; {sign}; * printed more coarsely than shown. Source: {}.", t.source)
}

/// The inspector for figure `id` of the table.
pub fn inspect(explorer: Arc<Explorer>, t: &Table, id: String, unit: MoneyUnit, negatives: Negatives) -> AnyView {
    match t.cell(&id) {
        Some((row, cell)) => match &cell.source {
            Source::Fact(_) => view! { <FactPanel explorer=explorer id=id /> }.into_any(),
            Source::Derived { .. } => {
                let text = format::cell(cell, unit, negatives).0;
                let shown = match cell.dimension {
                    crate::model::fact::Dimension::Yen => format!("{text} ({})", unit.label()),
                    _ => text,
                };
                view! { <DerivedPanel explorer=explorer label=row.label.to_owned() cell=cell.clone() shown=shown /> }.into_any()
            }
        },
        None => view! {
            <section class="fact-panel missing" data-testid="fact-panel" role="alert">
                <p>"This statement has no figure “" <code>{id}</code> "”. Choose a figure in the table to see where it comes from."</p>
            </section>
        }
        .into_any(),
    }
}
