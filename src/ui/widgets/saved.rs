//! Saved scenarios: named, kept in the browser's local storage, one key per scenario whose
//! value is the scenario's URL query (so a saved scenario is exactly its shareable link).
//! An entry that cannot be read fully is reported and skipped; the others stay usable.
//! Two scenarios (saved, or the current one) can be compared side by side.

use std::sync::Arc;

use leptos::prelude::*;
use crate::i18n::n_;
use crate::ui::i18n::{fy, t, tf};
use rust_decimal::Decimal;

use crate::format;
use crate::model::scenario::{decode, decode_in, project, Base, Presets, YearResult, YEARS};
use crate::route::{parse_query, percent_encode, Route, View};
use crate::ui::prefs::storage;

/// Keys of saved scenarios start with this.
pub const PREFIX: &str = "iij-explorer/scenario/";

const NO_STORAGE: &str = n_("This browser does not allow saving here (local storage is unavailable).");
/// The comparison's name for the scenario on the page.
const CURRENT: &str = n_("The current scenario");

/// A saved entry as read back.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    name: String,
    query: String,
    /// Why it cannot be used, if it cannot.
    problem: Option<String>,
}

fn bn(x: Decimal) -> String {
    crate::ui::i18n::amount(x, 2)
}

/// Reads every saved scenario, checking each one.
fn read_all(presets: &Presets) -> Result<Vec<Entry>, String> {
    let store = storage().ok_or_else(|| t(NO_STORAGE))?;
    let n = store.length().unwrap_or(0);
    let mut out = Vec::new();
    for i in 0..n {
        let Some(key) = store.key(i).ok().flatten() else { continue };
        let Some(name) = key.strip_prefix(PREFIX) else { continue };
        let query = store.get_item(&key).ok().flatten().unwrap_or_default();
        let (_, _, problems) = decode_in(crate::ui::i18n::lang(), &parse_query(&query), presets);
        let problem = if !problems.is_empty() {
            Some(problems.join(" "))
        } else if !query.starts_with("preset=") {
            Some(t("it is not a saved scenario"))
        } else {
            None
        };
        out.push(Entry { name: name.to_owned(), query, problem });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// The query of the current scenario, as the URL has it, starting with its preset (a page
/// opened at plain `#/scenarios` shows the company plan and has none in its URL).
fn current_query(route: &Route) -> String {
    let Route::View { params, .. } = route else { return String::new() };
    let preset = route.param("preset").unwrap_or(crate::model::scenario::Preset::CompanyPlan.key());
    std::iter::once(("preset", preset))
        .chain(params.iter().filter(|(k, _)| k != "preset").map(|(k, v)| (k.as_str(), v.as_str())))
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn results(query: &str, base: &Base, presets: &Presets) -> Option<[YearResult; 5]> {
    let (_, s, _) = decode(&parse_query(query), presets);
    project(base, &s).ok()
}

#[component]
pub fn Saved(route: ReadSignal<Route>, base: Arc<Base>, presets: Arc<Presets>) -> impl IntoView {
    let version = RwSignal::new(0u32);
    let message: RwSignal<Option<String>> = RwSignal::new(None);
    let name = RwSignal::new(String::new());
    let entries = {
        let presets = presets.clone();
        Memo::new(move |_| {
            version.get();
            read_all(&presets)
        })
    };
    // Another tab saving or deleting a scenario: this tab's list follows (the browser tells
    // every other page of the site through a `storage` event).
    if crate::ui::IN_BROWSER {
        let handle = window_event_listener(leptos::ev::storage, move |e| {
            if e.key().is_none_or(|k| k.starts_with(PREFIX)) {
                version.update(|v| *v += 1);
            }
        });
        on_cleanup(move || handle.remove());
    }
    let save = move |_| {
        let n = name.get_untracked().trim().to_owned();
        if n.is_empty() || n.chars().count() > 60 || n.chars().any(char::is_control) {
            message.set(Some(t("Give the scenario a name of 1 to 60 characters.")));
            return;
        }
        let Some(store) = storage() else {
            message.set(Some(t(NO_STORAGE)));
            return;
        };
        match store.set_item(&format!("{PREFIX}{n}"), &current_query(&route.get_untracked())) {
            Ok(()) => {
                message.set(Some(tf("Saved “{0}”.", &[&n])));
                version.update(|v| *v += 1);
            }
            Err(_) => message.set(Some(t("The browser refused to save (storage may be full)."))),
        }
    };
    let remove = move |n: String| {
        if let Some(store) = storage() {
            let _ = store.remove_item(&format!("{PREFIX}{n}"));
        }
        message.set(Some(tf("Deleted “{0}”.", &[&n])));
        version.update(|v| *v += 1);
    };
    let compare_a = RwSignal::new(String::new());
    let compare_b = RwSignal::new(String::new());
    let list = move || match entries.get() {
        Err(e) => view! { <p class="error-box" role="alert">{e}</p> }.into_any(),
        Ok(list) if list.is_empty() => view! { <p class="muted">{t("No saved scenarios yet.")}</p> }.into_any(),
        Ok(list) => {
            let broken: Vec<Entry> = list.iter().filter(|e| e.problem.is_some()).cloned().collect();
            let items = list
                .into_iter()
                .filter(|e| e.problem.is_none())
                .map(|e| {
                    let href = format!("{}?{}", View::Scenarios.href(), e.query);
                    let n = e.name.clone();
                    view! { <li><a href=href>{e.name.clone()}</a> " " <button type="button" class="link" on:click=move |_| remove(n.clone())>{t("Delete")}</button></li> }
                })
                .collect_view();
            let broken = (!broken.is_empty()).then(|| {
                let rows = broken
                    .into_iter()
                    .map(|e| {
                        let n = e.name.clone();
                        view! { <li>{tf("“{0}” could not be read and was skipped: {1}", &[&e.name, &e.problem.unwrap_or_default()])} " " <button type="button" class="link" on:click=move |_| remove(n.clone())>{t("Delete it")}</button></li> }
                    })
                    .collect_view();
                view! { <div class="error-box" role="alert" data-testid="saved-broken"><ul>{rows}</ul></div> }
            });
            view! { {broken} <ul data-testid="saved-list">{items}</ul> }.into_any()
        }
    };
    let options = move || {
        let mut names = vec![(String::new(), t(CURRENT))];
        if let Ok(list) = entries.get() {
            names.extend(list.into_iter().filter(|e| e.problem.is_none()).map(|e| (e.name.clone(), e.name)));
        }
        names.into_iter().map(|(v, t)| view! { <option value=v>{t}</option> }).collect_view()
    };
    let comparison = move || {
        // Nothing to compare (and nothing to project on every driver change) until two
        // different scenarios are chosen.
        if compare_a.get() == compare_b.get() {
            return None;
        }
        let pick = |n: String| -> Option<(String, String)> {
            if n.is_empty() {
                Some((t(CURRENT), current_query(&route.get())))
            } else {
                entries.get().ok()?.into_iter().find(|e| e.name == n && e.problem.is_none()).map(|e| (e.name, e.query))
            }
        };
        let (a, b) = (pick(compare_a.get())?, pick(compare_b.get())?);
        let (ra, rb) = (results(&a.1, &base, &presets)?, results(&b.1, &base, &presets)?);
        type Line = (&'static str, fn(&YearResult) -> String);
        let lines: [Line; 4] = [
            ("Revenues", |y| bn(y.total_revenue)),
            ("Operating income", |y| bn(y.operating_income)),
            ("Net income", |y| bn(y.net_income)),
            ("Operating margin (%)", |y| format::group(y.operating_margin, 1)),
        ];
        let rows = lines
            .into_iter()
            .flat_map(|(label, f)| {
                [0usize, 2].into_iter().map(move |i| (label, f, i))
            })
            .map(|(label, f, i)| {
                view! { <tr><th scope="row">{format!("{}, {}", t(label), fy(YEARS[i]))}</th><td class="num">{f(&ra[i])}</td><td class="num">{f(&rb[i])}</td></tr> }
            })
            .collect_view();
        Some(view! {
            <table class="data-table" data-testid="compare-table">
                <caption>{t("Side by side (JPY billion; margins in %)")}</caption>
                <thead><tr><th scope="col">{t("Line")}</th><th scope="col" class="num">{a.0}</th><th scope="col" class="num">{b.0}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        })
    };
    view! {
        <div class="saved" data-testid="saved">
            <h3>{t("Saved scenarios")}</h3>
            <p class="muted small">{t("Kept in this browser only. A saved scenario is its link: open it, or copy the address bar to share it.")}</p>
            <div class="controls">
                <label>{t("Name ")} <input type="text" class="name" data-testid="save-name" maxlength="60" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) /></label>
                <button type="button" class="action" data-testid="save" on:click=save>{t("Save this scenario")}</button>
            </div>
            {move || message.get().map(|m| view! { <p role="status" data-testid="save-message">{m}</p> })}
            {list}
            <div class="controls">
                <label>{t("Compare ")} <select data-testid="compare-a" on:change=move |ev| compare_a.set(event_target_value(&ev))>{options}</select></label>
                <label>{t(" with ")} <select data-testid="compare-b" on:change=move |ev| compare_b.set(event_target_value(&ev))>{options}</select></label>
            </div>
            {comparison}
        </div>
    }
}
