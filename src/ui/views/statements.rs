//! Statements: every statement and table of the documents, in tabs, with a unit switch,
//! a common-size switch, a choice of sign style, and the source inspector for any figure.
//!
//! URL parameters: `s` (statement key), `unit` (`k`, `m`, `b`), `cs` (`1` for common size),
//! `neg` (`paren` for parentheses, `tri` for a triangle, △1,234), `fig` (the selected figure: a fact id or a derived id).
//! Anything unknown gets a message and a sensible default; the view keeps working.

use std::sync::Arc;

use leptos::prelude::*;
use crate::ui::stage::Later;
use crate::ui::i18n::{t, tf};

use crate::charts::data;
use crate::ui::widgets::chart_figure::ChartFigure;

use crate::format::{self, MoneyUnit, Negatives};
use crate::model::statements::{self, Source, Table, STATEMENTS};
use crate::route::Route;
use crate::ui::router::{push_route, replace_param, replace_route};
use crate::ui::widgets::inspector::Inspector;
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
                problems.push(tf("There is no statement called “{0}”; the income statement is shown.", &[k]));
                STATEMENTS[0].key
            }
        },
    };
    let unit = match route.param("unit") {
        None => MoneyUnit::Thousands,
        Some(u) => MoneyUnit::from_code(u).unwrap_or_else(|| {
            problems.push(tf("“{0}” is not a unit (use k, m, oku or b); JPY thousands are shown.", &[u]));
            MoneyUnit::Thousands
        }),
    };
    let common_size = match route.param("cs") {
        None | Some("0") => false,
        Some("1") => true,
        Some(other) => {
            problems.push(tf("“cs={0}” is not understood (use 1 or 0); amounts are shown.", &[other]));
            false
        }
    };
    let negatives = match route.param("neg") {
        None => Negatives::Minus,
        Some(code) => Negatives::from_code(code).unwrap_or_else(|| {
            problems.push(tf("“neg={0}” is not understood (use minus, paren or tri); a minus sign is used.", &[code]));
            Negatives::Minus
        }),
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
    let on_close = Callback::new(move |()| replace_route(route.get_untracked().with_param("fig", None)));
    let set = move |key: &'static str, value: Option<String>| {
        push_route(&route.get_untracked().with_param(key, value.as_deref()));
    };
    let tabs = STATEMENTS
        .iter()
        .map(|spec| {
            let href = move || route.get().with_param("s", Some(spec.key)).with_param("fig", None).to_string();
            let current = move || (settings.get().key == spec.key).then_some("page");
            view! { <li><a href=href aria-current=current data-testid=format!("tab-{}", spec.key)>{t(statements::tab_name(spec.key))}</a></li> }
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
                "trend" => data::trend(crate::ui::i18n::lang(), ds),
                "segments" => data::segments(crate::ui::i18n::lang(), ds),
                "balance" => data::balance(crate::ui::i18n::lang(), ds),
                _ => return None,
            };
            Some(view! { <ChartFigure chart=Signal::stored(chart.map_err(|e| e.to_string())) /> })
        }
    };
    view! {
        <section class="view statements" data-testid="view-statements">
            <h2>{t("Statements")}</h2>
            <nav aria-label={t("Statements")} class="tabs"><ul>{tabs}</ul></nav>
            {url_problems(move || settings.get().problems)}
            <div class="controls">
                <label>
                    {t("Unit ")}
                    <select data-testid="unit" on:change=move |ev| set("unit", Some(event_target_value(&ev))) prop:value=move || settings.get().unit.code()>
                        {MoneyUnit::ALL.into_iter().map(|u| view! { <option value=u.code()>{t(u.label())}</option> }).collect_view()}
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
                    {t(" Common size")}
                </label>
                <label>
                    {t("Negatives ")}
                    <select data-testid="negatives" on:change=move |ev| set("neg", Some(event_target_value(&ev))) prop:value=move || settings.get().negatives.code()>
                        {Negatives::ALL.into_iter().map(|n| view! { <option value=n.code()>{n.example()}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <div class="statement-layout">
                <Later>{move || {
                    let s = settings.get();
                    match table.get() {
                        Some(Ok(t)) => {
                            let note = caption_note(&t, &s);
                            view! { <StatementTable table=t unit=s.unit negatives=s.negatives note=note selected=selected.into() on_select=on_select /> }.into_any()
                        }
                        Some(Err(e)) => view! { <LoadError message=e /> }.into_any(),
                        None => view! { <LoadError message="unknown statement".to_owned() /> }.into_any(),
                    }
                }}</Later>
                <Later><Inspector label=t("Source of the selected figure") selected=selected.into() on_close=on_close>
                    {move || selected.get().is_none().then(|| view! {
                        <p class="hint">{t("Select any figure (click, tap or Tab to it) to see where it was printed, its exact value and the checks it takes part in.")}</p>
                    })}
                    {move || {
                        let id = selected.get()?;
                        let s = settings.get();
                        let t = table.get()?.ok()?;
                        Some(inspect(explorer_panel.clone(), &t, id, s.unit, s.negatives))
                    }}
                </Inspector></Later>
            </div>
            <Later>{chart}</Later>
        </section>
    }
    .into_any()
}

/// The caption's second line: unit, sign convention, what common size means, and sources.
fn caption_note(table: &Table, s: &Settings) -> String {
    let unit = if table.common_size {
        t(statements::spec(table.key).and_then(|sp| sp.common_size).map_or("%", |(_, name)| name))
    } else {
        tf("Amounts in {0}; per-share data in JPY; ratios in %", &[&t(s.unit.label())])
    };
    let sign = t(match s.negatives {
        Negatives::Minus => "negatives with a minus sign",
        Negatives::Parentheses => "negatives in parentheses",
        Negatives::Triangle => "negatives with a triangle (△)",
    });
    tf("{0}; {1}; * printed more coarsely than shown. Source: {2}.", &[&unit, &sign, &t(table.source)])
}

/// The inspector for figure `id` of the table.
pub fn inspect(explorer: Arc<Explorer>, table: &Table, id: String, unit: MoneyUnit, negatives: Negatives) -> AnyView {
    match table.cell(&id) {
        Some((row, cell)) => match &cell.source {
            Source::Fact(_) => view! { <FactPanel explorer=explorer id=id /> }.into_any(),
            Source::Derived { .. } => {
                let text = format::cell(cell, unit, negatives).0;
                let shown = match cell.dimension {
                    crate::model::fact::Dimension::Yen => format!("{text} ({})", t(unit.label())),
                    _ => text,
                };
                view! { <DerivedPanel explorer=explorer label=row.label.to_owned() cell=cell.clone() shown=shown /> }.into_any()
            }
        },
        None => view! {
            <section class="fact-panel missing" data-testid="fact-panel" role="alert">
                <p>{t("This statement has no figure “")} <code>{id}</code> {t("”. Choose a figure in the table to see where it comes from.")}</p>
            </section>
        }
        .into_any(),
    }
}
