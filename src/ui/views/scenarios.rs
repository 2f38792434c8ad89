//! Scenarios: from the FY2008 forecast to the mid-term target. Presets, every driver for
//! every year as a typed input with its bounds, the projected income statement, the targets
//! panel and goal seek. The whole scenario lives in the URL (see `model::scenario::encode`),
//! so a link reproduces it; a bad typed value gets a message and the last valid scenario
//! stays in place.
//!
//! URL parameters: `preset`, one per driver that differs from the preset (`g_si=12~11~10~9~8`),
//! and `ty` (target year, 2009–2012; FY2010 by default).

use std::sync::Arc;

use leptos::prelude::*;
use crate::ui::stage::Later;
use crate::i18n::n_;
use crate::ui::i18n::{fy, p, t, tf};
use rust_decimal::Decimal;

use crate::charts::data;
use crate::export::{scenario_json, Sheet};
use crate::format;
use crate::ui::download::{save_text, CsvButton};
use crate::model::ratios::{self, compute};
use crate::model::scenario::{decode_in, encode, goal_seek, project, Base, Driver, Lever, Metric, Plan, Preset, Presets, Scenario, YearResult, YEARS};
use crate::route::{Route, View};
use crate::ui::router::{push_route, replace_route};
use crate::ui::state::{load_error_view, use_explorer};
use crate::model::monte_carlo::Outcome;
use crate::ui::widgets::chart_figure::ChartFigure;
use crate::ui::widgets::levers;
use crate::ui::widgets::monte_carlo::MonteCarlo;
use crate::ui::widgets::saved::Saved;
use crate::ui::widgets::sensitivity::Sensitivity;
use crate::ui::widgets::url_problems::url_problems;

/// Everything the view derives from the URL.
#[derive(Debug, Clone, PartialEq)]
struct State {
    preset: Preset,
    scenario: Scenario,
    target_year: usize,
    problems: Vec<String>,
}

fn state(route: &Route, presets: &Presets) -> State {
    let params = match route {
        Route::View { params, .. } => params.clone(),
        _ => Vec::new(),
    };
    let (preset, scenario, mut problems) = decode_in(crate::ui::i18n::lang(), &params, presets);
    let target_year = match route.param("ty") {
        None => 2,
        Some(t) => match YEARS.iter().position(|y| y.to_string() == t || format!("FY{y}") == t) {
            Some(i) if i >= 1 => i,
            _ => {
                problems.push(tf("“ty={0}” is not a target year (2009 to 2012); FY2010 is used.", &[t]));
                2
            }
        },
    };
    State { preset, scenario, target_year, problems }
}

/// The URL of a scenario, keeping the target year.
fn href(preset: Preset, s: &Scenario, presets: &Presets, target_year: usize) -> Route {
    let mut params = encode(preset, s, presets);
    if target_year != 2 {
        params.push(("ty".into(), YEARS[target_year].to_string()));
    }
    Route::View { view: View::Scenarios, params }
}

/// An amount in the view's unit: JPY billions to two decimals, or 億円 to one (the same
/// precision) in Japanese.
fn bn(x: Decimal) -> String {
    crate::ui::i18n::amount(x, 2)
}

#[component]
pub fn ScenariosView(route: ReadSignal<Route>) -> impl IntoView {
    let explorer = match use_explorer() {
        Ok(x) => x,
        Err(message) => return load_error_view(View::Scenarios, message),
    };
    let (base, plan, presets) = match explorer.planner() {
        Ok(x) => x,
        Err(e) => return load_error_view(View::Scenarios, e),
    };
    let st = {
        let presets = presets.clone();
        Memo::new(move |_| state(&route.get(), &presets))
    };
    // The deterministic update (decode is in `st`; this is the projection), timed with
    // performance.now() so the end-to-end suite can report it against the 1 ms budget.
    let timed = {
        let base = base.clone();
        Memo::new(move |_| {
            let now = || if crate::ui::IN_BROWSER { window().performance().map(|p| p.now()).unwrap_or(0.0) } else { 0.0 };
            let t0 = now();
            let r = st.with(|s| project(&base, &s.scenario)).map_err(|e| e.text(crate::ui::i18n::lang()));
            // Shown through Decimal: f64 formatting would add kilobytes to the wasm.
            let ms = rust_decimal::prelude::FromPrimitive::from_f64(now() - t0).map(|d: Decimal| d.round_dp(4).to_string()).unwrap_or_default();
            (r, ms)
        })
    };
    let results = Memo::new(move |_| timed.get().0);
    // The last typed value that could not be used, with why.
    let input_error: RwSignal<Option<String>> = RwSignal::new(None);

    let preset_tabs = Preset::ALL
        .into_iter()
        .map(|p| {
            let link = Route::View { view: View::Scenarios, params: vec![("preset".into(), p.key().into())] }.to_string();
            let current = move || st.with(|s| s.preset == p).then_some("true");
            view! { <li><a href=link aria-current=current data-testid=format!("preset-{}", p.key())>{t(p.name())}</a></li> }
        })
        .collect_view();

    let pr1 = presets.clone();
    let on_input = move |driver: Driver, year: usize, text: String| {
        let s = st.get_untracked();
        let mut next = s.scenario;
        let value = match format::typed_decimal(&text) {
            Some(v) => v,
            None => {
                input_error.set(Some(tf("{0} for {1}: “{2}” is not a number; the scenario is unchanged.", &[&t(&driver.name()), &fy(YEARS[year]), text.trim()])));
                return;
            }
        };
        match driver.set(&mut next.years[year], value, YEARS[year]) {
            Ok(()) => {
                input_error.set(None);
                replace_route(href(s.preset, &next, &pr1, s.target_year));
            }
            Err(e) => input_error.set(Some(tf("{0}; the scenario is unchanged.", &[&e.text(crate::ui::i18n::lang())]))),
        }
    };
    let on_input = Arc::new(on_input);

    let drivers_table = {
        let head = YEARS.iter().map(|y| view! { <th scope="col" class="num">{fy(*y)}</th> }).collect_view();
        let rows = Driver::ALL
            .into_iter()
            .map(|d| {
                let (lo, hi) = d.bounds();
                let cells = (0..YEARS.len())
                    .map(|i| {
                        let on_input = on_input.clone();
                        let value = move || st.with(|s| d.get(&s.scenario.years[i]).round_dp(2).normalize().to_string());
                        view! {
                            <td class="num">
                                <input
                                    type="text"
                                    inputmode="decimal"
                                    class="driver"
                                    data-driver=format!("{}@{}", d.key(), YEARS[i])
                                    aria-label=format!("{}, {}", t(&d.name()), fy(YEARS[i]))
                                    prop:value=value
                                    on:change=move |ev| on_input(d, i, event_target_value(&ev))
                                />
                            </td>
                        }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row" class="label">{t(&d.name())}<span class="muted small">{tf(" ({0} to {1})", &[&lo.to_string(), &hi.to_string()])}</span></th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll statement">
                <table class="data-table sticky-first drivers" data-testid="drivers">
                    <caption>
                        <span class="caption-title">{t("Drivers")}</span>
                        <span class="caption-note">{t("Percentages in %, amounts in JPY million; bounds in brackets. Type a value and press Enter or leave the field.")}</span>
                    </caption>
                    <thead><tr><th scope="col">{t("Driver")}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    };

    let levers = quick_levers(st, results, base.clone(), presets.clone(), input_error);
    let p2 = plan.clone();
    let (b3, p3) = (base.clone(), plan.clone());
    // Each part built later holds its own handles.
    let goal_seek = (base.clone(), plan.clone(), presets.clone());
    let sensitivity = (base.clone(), plan.clone());
    let saved_base = base.clone();
    let current = Signal::derive(move || st.with(|s| (s.scenario, s.target_year)));
    let required = required_lines(&explorer);
    // The last Monte Carlo run and the scenario it ran on: its band is drawn while the
    // scenario is unchanged.
    let band: RwSignal<Option<(Scenario, Outcome)>> = RwSignal::new(None);
    // Memos: a chart whose numbers did not change (the bridge, when a later year's driver
    // moves) is not redrawn.
    let bridge_chart = {
        let base = base.clone();
        Memo::new(move |_| {
            let r = results.get()?;
            st.with(|s| data::bridge(crate::ui::i18n::lang(), &base, &s.scenario.years[0], &r[0], "scenario")).map_err(|e| e.to_string())
        })
    };
    let projection_chart = {
        let (explorer, plan) = (explorer.clone(), plan.clone());
        Memo::new(move |_| {
            let r = results.get()?;
            let (scenario, ty) = st.with(|s| (s.scenario, s.target_year));
            let outcome = band.get().filter(|(ran, _)| *ran == scenario).map(|(_, o)| o);
            data::projection(crate::ui::i18n::lang(), &explorer.data, &r, (plan.target_revenue, plan.target_operating_income), ty, outcome.as_ref()).map_err(|e| e.to_string())
        })
    };
    view! {
        <section class="view scenarios" data-testid="view-scenarios">
            <h2>{t("Scenarios")}</h2>
            <p class="lede">
                {t("Can IIJ reach over JPY 100 billion revenue and JPY 10 billion operating income around FY2010? Start from a preset, change any driver, and share the link: the whole scenario is in it.")}
            </p>
            <nav aria-label={t("Presets")} class="tabs"><ul>{preset_tabs}</ul></nav>
            <p class="muted small">{t("Choosing a preset resets every driver to it.")}</p>
            <label class="controls">
                {t("Target year ")}
                <select data-testid="target-year" prop:value=move || st.with(|s| YEARS[s.target_year].to_string())
                    on:change=move |ev| {
                        let year = event_target_value(&ev);
                        let r = route.get_untracked();
                        replace_route(if year == "2010" { r.with_param("ty", None) } else { r.with_param("ty", Some(&year)) });
                    }>
                    {YEARS.iter().skip(1).map(|y| view! { <option value=y.to_string()>{fy(*y)}</option> }).collect_view()}
                </select>
            </label>
            {url_problems(move || st.with(|s| s.problems.clone()))}
            {move || input_error.get().map(|e| view! { <p class="error-box" role="alert" data-testid="input-error">{e}</p> })}
            {move || view! { <p class="note" data-testid="preset-note">{t(preset_note(st.with(|s| s.preset)))}</p> }}
            <Later>{move || match results.get() {
                Ok(r) => targets_panel(&r, &p2, st.with(|s| s.target_year), &required).into_any(),
                Err(e) => view! { <p class="error-box" role="alert">{e}</p> }.into_any(),
            }}</Later>
            <Later>{move || results.get().ok().map(|r| view! { <div data-testid="compute" data-ms=move || timed.get().1>{projection_table(&r, &base)}</div> })}</Later>
            <div class="chart-pair">
                <Later><ChartFigure chart=projection_chart /></Later>
                <Later><ChartFigure chart=bridge_chart /></Later>
            </div>
            <Later>{levers}</Later>
            <Later>{drivers_table}</Later>
            <Later><GoalSeek st=st base=goal_seek.0 plan=goal_seek.1 presets=goal_seek.2 /></Later>
            <Later><Sensitivity scenario=current base=sensitivity.0 plan=sensitivity.1 /></Later>
            <Later><MonteCarlo scenario=current base=b3 plan=p3 band=band /></Later>
            <Later><Share st=st results=results /></Later>
            <Later><Saved route=route base=saved_base presets=presets /></Later>
        </section>
    }
    .into_any()
}

/// Two sliders that move many drivers at once, each with a typed field as the alternative to
/// dragging: revenue growth (every segment, every year) and the operating margin (every year).
/// They show the scenario's FY2008 values.
fn quick_levers(st: Memo<State>, results: Memo<Result<[YearResult; 5], String>>, base: Arc<Base>, presets: Arc<Presets>, input_error: RwSignal<Option<String>>) -> impl IntoView {
    // (test id, label, lever, slider min, max, step)
    type Quick = (&'static str, &'static str, Lever, i64, i64, &'static str);
    const QUICK: [Quick; 2] = [
        ("quick-growth", n_("Revenue growth, every segment and year (%)"), Lever::UniformGrowth { from: 0 }, -10, 40, "0.5"),
        ("quick-margin", n_("Operating margin, every year (%)"), Lever::OperatingMargin { from: 0 }, 0, 20, "0.25"),
    ];
    let total = base.total_revenue();
    let rows = QUICK
        .into_iter()
        .map(|(id, label, lever, min, max, step)| {
            let (base, presets) = (base.clone(), presets.clone());
            // A memo: the slider, its value text and the typed field all read it.
            let current = Memo::new(move |_| -> Decimal {
                results.with(|r| match (r, lever) {
                    (Err(_), _) => Decimal::ZERO,
                    (Ok(r), Lever::UniformGrowth { .. }) => r[0].total_revenue.checked_div(total).and_then(|g| g.checked_sub(Decimal::ONE)?.checked_mul(Decimal::ONE_HUNDRED)).unwrap_or_default(),
                    (Ok(r), _) => r[0].operating_margin,
                })
                .round_dp(2)
            });
            let apply = move |text: String| {
                let s = st.get_untracked();
                let Some(value) = format::typed_decimal(&text) else {
                    input_error.set(Some(tf("{0}: “{1}” is not a number; the scenario is unchanged.", &[&t(label), text.trim()])));
                    return;
                };
                let mut next = s.scenario;
                match lever.apply(&base, &mut next, value) {
                    Ok(()) => {
                        input_error.set(None);
                        replace_route(href(s.preset, &next, &presets, s.target_year));
                    }
                    Err(e) => input_error.set(Some(tf("{0}: {1}; the scenario is unchanged.", &[&t(label), &e.text(crate::ui::i18n::lang())]))),
                }
            };
            let apply2 = apply.clone();
            let text_id = format!("{id}-text");
            view! {
                <div class="quick-lever">
                    <label for=id>{t(label)}</label>
                    <input type="range" id=id data-testid=id min=min.to_string() max=max.to_string() step=step
                        prop:value=move || current.get().to_string()
                        aria-valuetext=move || format!("{}%", format::group(current.get(), 2))
                        on:change=move |ev| apply(event_target_value(&ev)) />
                    <input type="text" inputmode="decimal" class="driver" id=text_id data-testid=format!("{id}-text")
                        aria-label=tf("{0}, typed", &[&t(label)]) prop:value=move || current.get().normalize().to_string()
                        on:change=move |ev| apply2(event_target_value(&ev)) />
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="quick-levers" data-testid="quick-levers">
            <legend>{t("Quick levers (FY2008 values shown; each sets every year)")}</legend>
            {rows}
        </fieldset>
    }
}

/// The scenario's link (to copy) and the scenario as JSON.
#[component]
fn Share(st: Memo<State>, results: Memo<Result<[YearResult; 5], String>>) -> impl IntoView {
    let link = move || {
        st.track();
        crate::ui::router::current_href()
    };
    let copied = RwSignal::new(None::<String>);
    let copy = move |_| {
        let promise = window().navigator().clipboard().write_text(&link());
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            let _ = copied.try_set(Some(if ok { t("Link copied.") } else { t("The browser did not allow copying; select the link and copy it.") }));
        });
    };
    let json = move |_| {
        if let Ok(r) = results.get_untracked() {
            let s = st.get_untracked();
            save_text("iij-scenario.json", "application/json", &scenario_json(s.preset, &s.scenario, &r, &link()));
        }
    };
    view! {
        <div class="share" data-testid="share">
            <h3>{t("Share and export")}</h3>
            <div class="controls">
                <label class="link-label">{t("Link to this scenario ")} <input type="text" readonly class="link-field" data-testid="share-link" prop:value=link /></label>
                <button type="button" class="action small secondary" data-testid="copy-link" on:click=copy>{t("Copy link")}</button>
                <button type="button" class="action small secondary" data-testid="scenario-json" on:click=json>{t("Download scenario (JSON)")}</button>
            </div>
            {move || copied.get().map(|m| view! { <p role="status" class="muted small">{m}</p> })}
        </div>
    }
}

fn preset_note(p: Preset) -> &'static str {
    match p {
        Preset::CompanyPlan => n_("Company plan: FY2008 reproduces the published forecast exactly. Every segment grows 17.45% (78.5 / 66.835 billion); segment gross margins stay at FY2007's; operating expenses keep FY2007's proportions, scaled so operating income is 5.2 billion; other expense is 0.5 billion (pre-tax 4.7); the tax rate is the benefit that leaves net income at 5.2 billion (the forecast includes a 0.5 billion deferred tax benefit). Later years hold FY2008's drivers, that tax benefit included: the documents give no normal tax rate, so set the tax driver to test one."),
        Preset::Trend => n_("Trend: revenues grow 17.03% a year (the FY2004–FY2007 CAGR) and the operating margin keeps rising 1.376 points a year (2.99% in FY2004 to 7.12% in FY2007), through lower operating expenses; FY2007 gross margins and other expense."),
        Preset::TargetMet => n_("Target met: the company plan, with growth from FY2009 and the operating margin from FY2009 solved by goal seek so that FY2010 reaches both targets exactly."),
        Preset::Cautious => n_("Cautious: half the forecast's growth in FY2008 and 5% a year after; gross margins a point below FY2007's; operating expenses at FY2007's share of revenues."),
    }
}

/// What the targets require, from the ratio engine: independent of the scenario, so computed
/// once per visit rather than on every driver change.
fn required_lines(explorer: &crate::ui::state::Explorer) -> Vec<String> {
    ["target_revenue_cagr", "target_operating_income_cagr", "target_operating_margin"]
        .into_iter()
        .filter_map(ratios::ratio)
        .map(|spec| {
            let values = compute(&explorer.data, spec)
                .into_iter()
                .map(|v| format!("{}: {}", p(v.period), v.value.map(|x| crate::ui::i18n::ratio(x, spec.unit, spec.decimals)).unwrap_or_else(|e| format!("n/a ({})", e.text(crate::ui::i18n::lang())))))
                .collect::<Vec<_>>()
                .join("; ");
            format!("{} — {values}", t(spec.name))
        })
        .collect()
}

fn targets_panel(r: &[YearResult; 5], plan: &Plan, ty: usize, required: &[String]) -> impl IntoView {
    let y08 = r[0];
    let gap = |got: Decimal, want: Decimal| {
        let diff = got.checked_sub(want).unwrap_or_default();
        let pct = diff.checked_div(want).and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED)).unwrap_or_default();
        (bn(diff), format::group(pct, 1))
    };
    let fy08_rows = [
        ("Revenues", y08.total_revenue, plan.revenue),
        ("Operating income", y08.operating_income, plan.operating_income),
        ("Income before tax", y08.pretax, plan.pretax),
        ("Net income", y08.net_income, plan.net_income),
    ]
    .into_iter()
    .map(|(label, got, want)| {
        let (d, p) = gap(got, want);
        view! { <tr><th scope="row">{t(label)}</th><td class="num">{bn(got)}</td><td class="num">{bn(want)}</td><td class="num">{d}</td><td class="num">{format!("{p}%")}</td></tr> }
    })
    .collect_view();
    let target = r[ty];
    let first = |f: &dyn Fn(&YearResult) -> bool| r.iter().find(|y| f(y)).map(|y| fy(y.year)).unwrap_or_else(|| t("not by FY2012"));
    let rev_met = target.total_revenue >= plan.target_revenue;
    let oi_met = target.operating_income >= plan.target_operating_income;
    let (rev_gap, _) = gap(target.total_revenue, plan.target_revenue);
    let (oi_gap, _) = gap(target.operating_income, plan.target_operating_income);
    let first_rev = first(&|y| y.total_revenue >= plan.target_revenue);
    let first_oi = first(&|y| y.operating_income >= plan.target_operating_income);
    let required = required.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view();
    view! {
        <div class="targets" data-testid="targets">
            <h3>{t("Targets")}</h3>
            <div class="table-scroll"><table class="data-table">
                <caption>{t("FY2008 projection against the published forecast (JPY billion)")}</caption>
                <thead><tr><th scope="col">{t("Line")}</th><th scope="col" class="num">{t("Projection")}</th><th scope="col" class="num">{t("Forecast")}</th><th scope="col" class="num">{t("Gap")}</th><th scope="col" class="num">{t("Gap %")}</th></tr></thead>
                <tbody>{fy08_rows}</tbody>
            </table></div>
            <ul class="target-list">
                <li data-testid="target-revenue">
                    <span class=if rev_met { "status status-pass" } else { "status status-fail" }>{if rev_met { t("met") } else { t("not met") }}</span>
                    {tf(" Revenues over JPY 100 billion in {0}: {1} billion (gap {2}). First met: {3}.", &[&fy(YEARS[ty]), &bn(target.total_revenue), &rev_gap, &first_rev])}
                </li>
                <li data-testid="target-oi">
                    <span class=if oi_met { "status status-pass" } else { "status status-fail" }>{if oi_met { t("met") } else { t("not met") }}</span>
                    {tf(" Operating income of JPY 10 billion in {0}: {1} billion (gap {2}). First met: {3}.", &[&fy(YEARS[ty]), &bn(target.operating_income), &oi_gap, &first_oi])}
                </li>
            </ul>
            <p class="muted small">{t("What the targets require (from the ratio engine):")}</p>
            <ul class="muted small">{required}</ul>
        </div>
    }
}

fn projection_table(r: &[YearResult; 5], base: &Base) -> impl IntoView {
    // One row shape in a loop: each hand-written row would be a distinct view type in the wasm.
    type Line = (&'static str, &'static str, fn(&YearResult) -> String);
    let lines: [Line; 12] = [
        ("label depth-1", n_("Connectivity and VAS"), |y| bn(y.revenue[0])),
        ("label depth-1", n_("Systems integration"), |y| bn(y.revenue[1])),
        ("label depth-1", n_("Equipment sales"), |y| bn(y.revenue[2])),
        ("label total", n_("Total revenues"), |y| bn(y.total_revenue)),
        ("label", n_("Gross margin"), |y| bn(y.gross_margin)),
        ("label subtotal", n_("Operating income"), |y| bn(y.operating_income)),
        ("label depth-1 memo", n_("Operating margin (%)"), |y| format::group(y.operating_margin, 1)),
        ("label", n_("Income before tax"), |y| bn(y.pretax)),
        ("label total", n_("Net income"), |y| bn(y.net_income)),
        ("label", n_("Earnings per share (JPY)"), |y| format::group(y.eps, 0)),
        ("label", n_("Dividend per share (JPY)"), |y| format::group(y.dps, 0)),
        ("label depth-1 memo", n_("Payout ratio (%)"), |y| y.payout.map(|p| format::group(p, 1)).unwrap_or_else(|| "n/a".into())),
    ];
    let rows = lines
        .iter()
        .map(|&(class, label, cell)| {
            let cells = r.iter().map(|y| view! { <td class="num">{cell(y)}</td> }).collect_view();
            view! { <tr><th scope="row" class=class>{t(label)}</th>{cells}</tr> }
        })
        .collect_view();
    let head = YEARS.iter().map(|y| view! { <th scope="col" class="num">{fy(*y)}</th> }).collect_view();
    let r2 = *r;
    let sheet = Callback::new(move |()| {
        let mut columns = vec![t("Line")];
        columns.extend(YEARS.iter().map(|y| fy(*y)));
        let rows = lines.iter().map(|(_, label, cell)| (t(label), r2.iter().map(cell).collect())).collect();
        Sheet { title: t("Projected income statement (JPY billion; margins in %; per-share in JPY)"), columns, rows }
    });
    view! {
        <div class="statement-block">
        <div class="table-tools"><CsvButton file="iij-scenario-projection.csv" sheet=sheet /></div>
        <div class="table-scroll statement">
            <table class="data-table sticky-first" data-testid="projection">
                <caption>
                    <span class="caption-title">{t("Projected income statement")}</span>
                    <span class="caption-note">{tf("JPY billion; margins in %; per-share in JPY. FY2007 actual revenues: {0} billion. Exact decimals, rounded only here.", &[&bn(base.total_revenue())])}</span>
                </caption>
                <thead><tr><th scope="col">{t("Line")}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        </div>
    }
}

/// A lever and the value goal seek found for it.
type LeverValue = (Lever, Decimal);

/// Goal seek: a target (revenues or operating income in a year), one lever, solve.
#[component]
fn GoalSeek(st: Memo<State>, base: Arc<Base>, plan: Arc<Plan>, presets: Arc<Presets>) -> impl IntoView {
    let metric = RwSignal::new("oi".to_owned());
    let year = RwSignal::new(2usize);
    let lever_key = RwSignal::new("margin".to_owned());
    // The answer's text, and the lever value to apply when there is one.
    let answer: RwSignal<Option<(String, Option<LeverValue>)>> = RwSignal::new(None);
    let (b1, p1) = (base.clone(), plan.clone());
    let solve = move |_| {
        let s = st.get_untracked();
        let (m, target) = if metric.get_untracked() == "rev" { (Metric::Revenue, p1.target_revenue) } else { (Metric::OperatingIncome, p1.target_operating_income) };
        let l = levers::lever(&lever_key.get_untracked());
        let y = year.get_untracked();
        let text = match goal_seek(&b1, &s.scenario, l, m, y, target) {
            Ok(r) => match r.value {
                Some(v) => (tf("{0}: {1}% meets the target in {2} (solved by bisection to 0.0001 points).", &[&t(&l.name()), &format::group(v, 2), &fy(YEARS[y])]), Some((l, v))),
                None => (tf("{0} cannot meet it within its bounds: at the upper bound {1} reaches {2} billion.", &[&t(&l.name()), &fy(YEARS[y]), &bn(r.best)]), None),
            },
            Err(e) => (e.text(crate::ui::i18n::lang()), None),
        };
        answer.set(Some(text));
    };
    let apply = move |_| {
        let Some((_, Some((l, v)))) = answer.get_untracked() else { return };
        let s = st.get_untracked();
        let mut next = s.scenario;
        if l.apply(&base, &mut next, v).is_ok() {
            push_route(&href(s.preset, &next, &presets, s.target_year));
        }
    };
    view! {
        <div class="goal-seek" data-testid="goal-seek">
            <h3>{t("Goal seek")}</h3>
            <div class="controls">
                <label>{t("Target ")}
                    <select data-testid="gs-metric" on:change=move |ev| metric.set(event_target_value(&ev))>
                        <option value="oi">{t("Operating income of JPY 10 billion")}</option>
                        <option value="rev">{t("Revenues of JPY 100 billion")}</option>
                    </select>
                </label>
                <label>{t("in ")}
                    <select data-testid="gs-year" on:change=move |ev| year.set(event_target_value(&ev).parse().unwrap_or(2))>
                        {YEARS.iter().enumerate().map(|(i, y)| view! { <option value=i.to_string() selected=i == 2>{fy(*y)}</option> }).collect_view()}
                    </select>
                </label>
                <label>{t("by moving ")}
                    <select data-testid="gs-lever" on:change=move |ev| lever_key.set(event_target_value(&ev))>
                        {levers::options()}
                    </select>
                </label>
                <button type="button" class="action" data-testid="gs-solve" on:click=solve>{t("Solve")}</button>
            </div>
            {move || {
                let apply = apply.clone();
                answer.get().map(move |(text, value)| view! {
                    <p data-testid="gs-answer">{text}</p>
                    {value.map(move |_| view! { <button type="button" class="action" data-testid="gs-apply" on:click=apply>{t("Apply to the scenario")}</button> })}
                })
            }}
        </div>
    }
}
