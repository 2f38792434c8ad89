//! Overview: the headline figures of FY2007 against FY2006, and where FY2007 stands against
//! the FY2008 forecast and the mid-term target. Any figure opens its source below.
//!
//! URL parameters: `fig` (the selected figure).

use leptos::prelude::*;
use crate::i18n::n_;
use crate::ui::i18n::{t, tf};
use rust_decimal::Decimal;

use crate::charts::data;
use crate::format::{self, MoneyUnit, Negatives};
use crate::model::statements::{self, HEADLINES};
use crate::route::{Route, View};
use crate::ui::router::{replace_param, replace_route};
use crate::ui::stage::Later;
use crate::ui::widgets::inspector::Inspector;
use crate::ui::state::{load_error_view, use_explorer};
use crate::ui::views::statements::inspect;
use crate::ui::widgets::chart_figure::ChartFigure;
use crate::ui::widgets::statement_table::StatementTable;

#[component]
pub fn OverviewView(route: ReadSignal<Route>) -> impl IntoView {
    let explorer = match use_explorer() {
        Ok(x) => x,
        Err(message) => return load_error_view(View::Overview, message),
    };
    let data = &explorer.data;
    let (headlines, plan) = match (statements::build(data, &HEADLINES, false), statements::build(data, &statements::PLAN, false)) {
        (Ok(h), Ok(p)) => (h, p),
        (Err(e), _) | (_, Err(e)) => return load_error_view(View::Overview, e.to_string()),
    };
    let selected = Memo::new(move |_| route.get().param("fig").map(str::to_owned));
    let on_select = Callback::new(move |id: String| replace_param(route, "fig", &id));
    let on_close = Callback::new(move |()| replace_route(route.get_untracked().with_param("fig", None)));
    let progress = progress_bars(data);
    let trend = data::trend(crate::ui::i18n::lang(), data).map_err(|e| e.to_string());
    let (h2, p2) = (headlines.clone(), plan.clone());
    let statements_href = Route::View { view: View::Statements, params: vec![] }.to_string();
    let sources_href = View::Sources.href();
    view! {
        <section class="view overview" data-testid="view-overview">
            <h2>{t("Overview")}</h2>
            <p class="lede">
                {t("In FY2007 (the year to March 31, 2008) IIJ grew revenues 17.1% to JPY 66.8 billion and operating income 36.0% to JPY 4.8 billion. ")}
                {t("It forecast JPY 78.5 billion and JPY 5.2 billion for FY2008, and set a mid-term target of over JPY 100 billion revenue and JPY 10 billion operating income around FY2010.")}
            </p>
            {progress}
            <Later><ChartFigure chart=Signal::stored(trend) /></Later>
            <div class="statement-layout">
                <div>
                    <Later><StatementTable table=headlines unit=MoneyUnit::Billions negatives=Negatives::Minus
                        note=t("Amounts in JPY billions; per-share data in JPY; change in the ratio rows is in points. Source: the notice.")
                        selected=selected.into() on_select=on_select /></Later>
                    <Later><StatementTable table=plan unit=MoneyUnit::Billions negatives=Negatives::Minus
                        note=t("Amounts in JPY billions; per-share data in JPY. The forecast and target are the presentation's; FY2007 actual is the notice's.")
                        selected=selected.into() on_select=on_select /></Later>
                    <p>
                        {t("Every statement is under ")} <a href=statements_href>{t("Statements")}</a>
                        {t("; every figure, check and erratum under ")} <a href=sources_href>{t("Sources & checks")}</a> "."
                    </p>
                </div>
                <Inspector label=t("Source of the selected figure") selected=selected.into() on_close=on_close>
                    {move || selected.get().is_none().then(|| view! {
                        <p class="hint">{t("Select any figure (click, tap or Tab to it) to see where it was printed, its exact value and the checks it takes part in.")}</p>
                    })}
                    {move || {
                        let id = selected.get()?;
                        let table = if h2.cell(&id).is_some() { &h2 } else { &p2 };
                        Some(inspect(explorer.clone(), table, id, MoneyUnit::Billions, Negatives::Minus))
                    }}
                </Inspector>
            </div>
        </section>
    }
    .into_any()
}

/// FY2007 and the FY2008 forecast as shares of the mid-term targets, as labelled bars.
fn progress_bars(data: &crate::model::Dataset) -> impl IntoView {
    let share = |a: &str, b: &str| -> Option<Decimal> {
        let (x, y) = (data.fact(a)?.base_value().ok()?, data.fact(b)?.base_value().ok()?);
        x.checked_div(y)?.checked_mul(Decimal::ONE_HUNDRED)
    };
    let rows = [
        (n_("Revenues, FY2007 actual"), share("cis.revenue", "target.revenue")),
        (n_("Revenues, FY2008 forecast"), share("forecast.revenue", "target.revenue")),
        (n_("Operating income, FY2007 actual"), share("cis.operating_income", "target.operating_income")),
        (n_("Operating income, FY2008 forecast"), share("forecast.operating_income", "target.operating_income")),
    ];
    view! {
        <div class="progress" data-testid="progress">
            <h3>{t("How far to the mid-term target")}</h3>
            {rows
                .into_iter()
                .map(|(label, pct)| {
                    let pct = pct.unwrap_or_default();
                    let text = tf("{0}% of the target", &[&format::group(pct, 1).to_string()]);
                    // Set through the CSSOM (style:width), which a strict CSP allows.
                    let width = format!("{}%", format::group(pct.min(Decimal::ONE_HUNDRED), 1));
                    view! {
                        <div class="progress-row">
                            <span class="progress-label">{t(label)}</span>
                            <span class="bar" role="img" aria-label=format!("{}: {text}", t(label))><span class="fill" style:width=width></span></span>
                            <span class="progress-value">{text}</span>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}
