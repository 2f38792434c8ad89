//! Browser tests of the components: wasm-bindgen-test in headless Chromium. Each test mounts
//! the real app into a fresh element, acts on it as a visitor would, and reads the DOM.
//! Run by `scripts/test.sh` (`cargo test --target wasm32-unknown-unknown --test web`).
#![cfg(target_arch = "wasm32")]

use gloo::timers::future::TimeoutFuture;
use iij_explorer::route::View;
use iij_explorer::ui::app::App;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app at `fragment` into a new element and returns that element.
async fn mount_at(fragment: &str) -> (web_sys::HtmlElement, leptos::mount::UnmountHandle<impl Mountable>) {
    window().location().set_hash(fragment).expect("set hash");
    settle().await;
    let host: web_sys::HtmlElement = document().create_element("div").expect("div").unchecked_into();
    document().body().expect("body").append_child(&host).expect("append");
    let handle = mount_to(host.clone(), App);
    settle().await;
    (host, handle)
}

/// Lets queued `hashchange` events and reactive updates run.
async fn settle() {
    TimeoutFuture::new(30).await;
}

/// Waits until the address bar has been written: changes close together are written once
/// they settle (`router::replace_route`, 150 ms).
async fn address_bar() -> String {
    TimeoutFuture::new(200).await;
    window().location().hash().unwrap_or_default()
}

fn query(host: &web_sys::HtmlElement, selector: &str) -> Option<web_sys::HtmlElement> {
    host.query_selector(selector).ok().flatten().map(|e| e.unchecked_into())
}

fn text(host: &web_sys::HtmlElement, selector: &str) -> String {
    query(host, selector).and_then(|e| e.text_content()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_shell_names_the_company_the_period_and_every_view() {
    let (host, _h) = mount_at("#/overview").await;
    assert_eq!(text(&host, "header h1"), "Internet Initiative Japan Inc.");
    assert!(text(&host, "header .tickers").contains("TSE1 3774"));
    assert!(text(&host, "header .tickers").contains("NASDAQ IIJI"));
    assert!(text(&host, "header .period").contains("March 31, 2008"));
    let links = host.query_selector_all("nav a").expect("nav links");
    let names: Vec<String> = (0..links.length())
        .filter_map(|i| links.item(i).and_then(|n| n.text_content()))
        .collect();
    assert_eq!(names, ["Overview", "Statements", "Ratios", "Scenarios", "Charts", "Sources & checks", "Documents"]);
    let footer = text(&host, "footer");
    assert!(footer.contains("June 9, 2008"), "footer: {footer}");
    assert!(footer.contains("July 10, 2008"), "footer: {footer}");
    assert!(footer.contains("Nomura Asia Equity Forum"), "footer: {footer}");
    host.remove();
}

#[wasm_bindgen_test]
async fn each_view_opens_from_its_own_fragment() {
    for view in View::ALL {
        let (host, _h) = mount_at(&view.href()).await;
        let selector = format!("[data-testid=view-{}]", view.slug());
        assert!(query(&host, &selector).is_some(), "{selector} missing at {}", view.href());
        let current = query(&host, "header nav a[aria-current=page]").and_then(|a| a.text_content());
        assert_eq!(current.as_deref(), Some(view.title()));
        assert_eq!(document().title(), format!("{} · IIJ Financial Explorer", view.title()));
        host.remove();
    }
}

#[wasm_bindgen_test]
async fn clicking_a_nav_link_switches_the_view_and_back_returns() {
    let (host, _h) = mount_at("#/overview").await;
    query(&host, "[data-testid=nav-ratios]").expect("ratios link").click();
    settle().await;
    assert_eq!(window().location().hash().unwrap_or_default(), "#/ratios");
    assert!(query(&host, "[data-testid=view-ratios]").is_some());
    assert!(query(&host, "[data-testid=view-overview]").is_none());

    window().history().expect("history").back().expect("back");
    TimeoutFuture::new(150).await;
    assert_eq!(window().location().hash().unwrap_or_default(), "#/overview");
    assert!(query(&host, "[data-testid=view-overview]").is_some());
    host.remove();
}

#[wasm_bindgen_test]
async fn a_junk_route_shows_not_found_with_a_way_back() {
    let (host, _h) = mount_at("#/no-such-view%3Cb%3E").await;
    assert!(query(&host, "[data-testid=view-not-found]").is_some());
    assert_eq!(text(&host, ".not-found code"), "no-such-view<b>");
    assert!(query(&host, ".not-found b").is_none(), "the path must be shown as text, not markup");
    let back = query(&host, ".not-found a").expect("link back");
    assert_eq!(back.get_attribute("href").as_deref(), Some("#/overview"));
    assert!(query(&host, "header nav a[aria-current=page]").is_none());
    host.remove();
}

#[wasm_bindgen_test]
async fn a_chart_is_named_and_switches_to_a_table_of_its_numbers() {
    let (host, _h) = mount_at("#/charts").await;
    let svg = query(&host, "[data-testid=chart-segments] svg.chart-svg").expect("segments chart");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    let title_id = svg.get_attribute("aria-labelledby").expect("labelled");
    assert_eq!(text(&host, &format!("[id='{title_id}']")), "Segment revenue mix and gross margin ratios, FY2006 and FY2007");
    let switch = query(&host, "[data-testid=chart-segments] [data-testid=chart-table-switch]").expect("switch");
    assert_eq!(switch.get_attribute("aria-pressed").as_deref(), Some("false"));
    switch.click();
    settle().await;
    assert_eq!(switch.get_attribute("aria-pressed").as_deref(), Some("true"));
    // FY2007 systems integration revenues, the notice: 34,018,093 thousand = JPY 34.0 billion;
    // its gross margin ratio (34,018,093 - 25,543,168) / 34,018,093 = 24.9%.
    let table = text(&host, "[data-testid=chart-segments] [data-testid=chart-table]");
    assert!(table.contains("Systems integration≈30.534.022.9%24.9%"), "{table}");
    assert!(query(&host, "[data-testid=chart-segments] .chart-box[hidden]").is_some(), "the drawing is hidden behind the table");
    host.remove();
}

/// Types `text` into the input at `selector` as a visitor would (sets the value, fires `input`).
fn type_into(host: &web_sys::HtmlElement, selector: &str, text: &str) {
    let input: web_sys::HtmlInputElement = query(host, selector).expect("input").unchecked_into();
    input.set_value(text);
    let ev = web_sys::Event::new("input").expect("event");
    input.dispatch_event(&ev).expect("dispatch");
}

#[wasm_bindgen_test]
async fn the_sources_view_opens_a_fact_on_its_source_line() {
    let (host, _h) = mount_at("#/sources?fact=cbs.cash").await;
    // Typed from the notice: "Cash and cash equivalent	11,470,980" on line 433.
    assert_eq!(text(&host, "[data-testid=fact-printed]"), "11,470,980");
    assert_eq!(text(&host, "[data-testid=fact-value]"), "11,470,980 JPY thousands");
    assert!(text(&host, "[data-testid=fact-line]").starts_with("line 433 of"));
    assert!(text(&host, "[data-testid=fact-source-line]").contains("Cash and cash equivalent"));
    assert_eq!(text(&host, "[data-testid=fact-source-line] mark"), "11,470,980");
    assert!(text(&host, "[data-testid=fact-document]").contains("June 9, 2008"));
    // Cash takes part in the current-assets check, among others.
    assert!(text(&host, "[data-testid=fact-checks]").contains("Current assets add up"));
    host.remove();
}

#[wasm_bindgen_test]
async fn the_sources_view_shows_an_erratum_on_a_corrected_fact() {
    let (host, _h) = mount_at("#/sources?fact=cf.financing").await;
    assert_eq!(text(&host, "[data-testid=fact-printed]"), "1,152");
    assert_eq!(text(&host, "[data-testid=fact-value]"), "-1,152 JPY millions");
    assert!(text(&host, "[data-testid=fact-erratum]").contains("net cash used in financing"));
    host.remove();
}

#[wasm_bindgen_test]
async fn a_junk_fact_id_gives_a_clear_message_and_a_working_view() {
    let (host, _h) = mount_at("#/sources?fact=no.such%3Cfact%3E").await;
    let panel = text(&host, "[data-testid=fact-panel]");
    assert!(panel.contains("There is no figure with the id “no.such<fact>”"), "{panel}");
    assert!(query(&host, "[data-testid=checks-table]").is_some());
    host.remove();
}

#[wasm_bindgen_test]
async fn searching_lists_matching_facts_and_keeps_the_query_in_the_url() {
    let (host, _h) = mount_at("#/sources").await;
    type_into(&host, "[data-testid=fact-search]", "accumulated deficit");
    settle().await;
    let results = text(&host, "[data-testid=search-results]");
    assert!(results.contains("Accumulated deficit"), "{results}");
    assert!(results.contains("-19,555,489 JPY thousands"), "{results}");
    assert_eq!(address_bar().await, "#/sources?q=accumulated%20deficit");
    // The search box kept its element (the view was not rebuilt by the URL change).
    assert!(query(&host, "[data-testid=fact-search]").is_some());
    host.remove();
}

#[wasm_bindgen_test]
async fn the_income_statement_shows_printed_and_derived_figures_in_each_unit() {
    let (host, _h) = mount_at("#/statements").await;
    // From the notice: Total revenues 66,835,299 (JPY thousands), FY2006 57,054,581.
    assert_eq!(text(&host, "[data-fig='cis.revenue']"), "66,835,299");
    assert_eq!(text(&host, "[data-fig='trend.revenue.fy2006']"), "57,054,581");
    // Change computed by hand: 66,835,299 - 57,054,581 = 9,780,718; 17.1%.
    assert_eq!(text(&host, "[data-fig='income.revenue.chg']"), "9,780,718");
    assert_eq!(text(&host, "[data-fig='income.revenue.pct']"), "17.1");
    host.remove();

    let (host, _h) = mount_at("#/statements?unit=b&neg=paren").await;
    assert_eq!(text(&host, "[data-fig='cis.revenue']"), "66.8");
    // Interest expense, printed (438,163) thousand: 0.4 billion in parentheses.
    assert_eq!(text(&host, "[data-fig='cis.interest_expense']"), "(0.4)");
    host.remove();
}

#[wasm_bindgen_test]
async fn selecting_a_derived_figure_shows_its_formula_and_inputs() {
    let (host, _h) = mount_at("#/statements").await;
    query(&host, "[data-fig='income.gross_margin.c0']").expect("gross margin").click();
    settle().await;
    assert_eq!(text(&host, "[data-testid=derived-formula]"), "cis.revenue - cis.cost_of_revenues");
    // 66,835,299 - 52,882,621 = 13,952,678 thousand.
    assert_eq!(text(&host, "[data-testid=derived-value]"), "JPY 13,952,678,000");
    let inputs = text(&host, "[data-testid=derived-inputs]");
    assert!(inputs.contains("Total revenues") && inputs.contains("Total cost of revenues"), "{inputs}");
    assert!(address_bar().await.ends_with("fig=income.gross_margin.c0"));
    // Keyboard focus opens the inspector too.
    query(&host, "[data-fig='cis.net_income']").expect("net income").focus().expect("focus");
    settle().await;
    assert_eq!(text(&host, "[data-testid=fact-printed]"), "5,176,589");
    host.remove();
}

#[wasm_bindgen_test]
async fn the_inspector_closes_and_gives_the_focus_back_without_choosing_again() {
    let (host, _h) = mount_at("#/statements").await;
    assert!(query(&host, ".inspector.open").is_none(), "nothing chosen, nothing open");
    query(&host, "[data-fig='cis.revenue']").expect("revenue").click();
    settle().await;
    assert_eq!(text(&host, "[data-testid=fact-printed]"), "66,835,299");
    assert!(query(&host, ".inspector.open").is_some());
    query(&host, "[data-testid=inspector-close]").expect("close button").click();
    settle().await;
    assert!(query(&host, ".inspector.open").is_none());
    assert!(query(&host, "[data-testid=fact-panel]").is_none(), "the panel is gone");
    // The focus is back on the figure, and taking it did not choose the figure again.
    let active = document().active_element().and_then(|e| e.get_attribute("data-fig"));
    assert_eq!(active.as_deref(), Some("cis.revenue"));
    assert!(query(&host, ".inspector.open").is_none());
    assert!(!address_bar().await.contains("fig="));
    // Escape anywhere on the page closes it too.
    query(&host, "[data-fig='cis.net_income']").expect("net income").click();
    settle().await;
    assert_eq!(text(&host, "[data-testid=fact-printed]"), "5,176,589");
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    let escape = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    window().dispatch_event(&escape).expect("dispatch");
    settle().await;
    assert!(query(&host, ".inspector.open").is_none());
    assert!(!address_bar().await.contains("fig="));
    host.remove();
}

#[wasm_bindgen_test]
async fn the_common_size_balance_sheet_is_a_share_of_total_assets() {
    let (host, _h) = mount_at("#/statements?s=balance&cs=1").await;
    // 11,470,980 / 55,702,546 = 20.59%, computed by hand.
    assert_eq!(text(&host, "[data-fig='balance.cash.cs0']"), "20.6");
    assert_eq!(text(&host, "[data-fig='balance.total_assets.cs0']"), "100.0");
    host.remove();
}

#[wasm_bindgen_test]
async fn junk_statement_parameters_give_messages_and_a_working_table() {
    let (host, _h) = mount_at("#/statements?s=nope&unit=zz&cs=maybe&fig=no.such").await;
    let problems = text(&host, "[data-testid=url-problems]");
    assert!(problems.contains("There is no statement called “nope”"), "{problems}");
    assert!(problems.contains("“zz” is not a unit"), "{problems}");
    assert!(problems.contains("“cs=maybe” is not understood"), "{problems}");
    assert!(text(&host, "[data-testid=fact-panel]").contains("This statement has no figure “no.such”"));
    assert_eq!(text(&host, "[data-fig='cis.revenue']"), "66,835,299");
    host.remove();
}

#[wasm_bindgen_test]
async fn the_overview_shows_headlines_and_the_way_to_the_target() {
    let (host, _h) = mount_at("#/overview").await;
    // FY2007 revenue is 66,835,299 / 100,000,000 thousand = 66.8% of the target.
    assert!(text(&host, "[data-testid=progress]").contains("66.8% of the target"));
    // Operating income: 4,759,364 / 10,000,000 = 47.6%.
    assert!(text(&host, "[data-testid=progress]").contains("47.6% of the target"));
    assert_eq!(text(&host, "[data-fig='headlines.revenue.pct']"), "17.1");
    host.remove();
}

#[wasm_bindgen_test]
async fn a_ratio_shows_its_value_definition_and_work() {
    let (host, _h) = mount_at("#/ratios?g=returns").await;
    // ROE on average equity FY2007 = 5,176,589 / ((20,112,004 + 24,980,713) / 2) = 22.96% (by hand).
    let cell = query(&host, "[data-ratio='roe_average@FY2007']").expect("ROE cell");
    assert_eq!(cell.text_content().unwrap_or_default(), "23.0%");
    assert!(text(&host, "[data-testid=ratios-returns]").contains("Net income divided by the average of opening and closing shareholders' equity."));
    cell.click();
    settle().await;
    assert_eq!(text(&host, "[data-testid=work-formula]"), "pct(cis.net_income, (ceq.total_opening + cbs.total_equity) / 2)");
    assert!(text(&host, "[data-testid=work-result]").starts_with("22.959756"));
    let inputs = text(&host, "[data-testid=work-inputs]");
    assert!(inputs.contains("5,176,589 JPY thousands") && inputs.contains("24,980,713 JPY thousands"), "{inputs}");
    host.remove();
}

#[wasm_bindgen_test]
async fn junk_ratio_parameters_give_messages() {
    let (host, _h) = mount_at("#/ratios?g=nope&r=roe_average&p=FY1999").await;
    let problems = text(&host, "[data-testid=url-problems]");
    assert!(problems.contains("There is no ratio group “nope”"), "{problems}");
    assert!(problems.contains("has no value for “FY1999”"), "{problems}");
    // The work panel falls back to the latest period.
    assert!(text(&host, "[data-testid=work-panel]").contains("FY2007"));
    host.remove();
}

#[wasm_bindgen_test]
async fn the_company_plan_reproduces_the_forecast_and_bad_input_is_refused() {
    let (host, _h) = mount_at("#/scenarios").await;
    let targets = text(&host, "[data-testid=targets]");
    // The forecast: revenues 78.5, operating income 5.2, pre-tax 4.7, net income 5.2 (JPY billion).
    assert!(targets.contains("Revenues78.5078.500.000.0%"), "{targets}");
    assert!(targets.contains("Operating income5.205.200.000.0%"), "{targets}");
    let input: web_sys::HtmlInputElement = query(&host, "[data-driver='tax@2009']").expect("tax input").unchecked_into();
    let before = input.value();
    input.set_value("lots");
    input.dispatch_event(&web_sys::Event::new("change").expect("event")).expect("dispatch");
    settle().await;
    assert!(text(&host, "[data-testid=input-error]").contains("“lots” is not a number; the scenario is unchanged."));
    assert!(!address_bar().await.contains("tax="));
    input.set_value("150");
    input.dispatch_event(&web_sys::Event::new("change").expect("event")).expect("dispatch");
    settle().await;
    assert!(text(&host, "[data-testid=input-error]").contains("must be between -100 and 100"));
    input.set_value("30");
    input.dispatch_event(&web_sys::Event::new("change").expect("event")).expect("dispatch");
    settle().await;
    assert!(query(&host, "[data-testid=input-error]").is_none());
    assert!(window().location().hash().unwrap_or_default().contains("tax="), "the change is in the URL");
    assert_ne!(before, "30");
    host.remove();
}

#[wasm_bindgen_test]
async fn the_staged_build_stays_off_the_page_until_every_part_is_built_then_swaps_once() {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use iij_explorer::ui::stage::{attached, build_staged};
    window().location().set_hash("#/scenarios").expect("set hash");
    settle().await;
    let host: web_sys::HtmlElement = document().create_element("div").expect("div").unchecked_into();
    document().body().expect("body").append_child(&host).expect("append");
    // What the swap was handed: the view's last parts were already built in it.
    let handed: Rc<RefCell<Vec<bool>>> = Rc::default();
    let done = Rc::new(Cell::new(false));
    let (h, d, target) = (handed.clone(), done.clone(), host.clone());
    wasm_bindgen_futures::spawn_local(async move {
        build_staged(App, move |app| {
            let has = |s: &str| app.query_selector(s).ok().flatten().is_some();
            *h.borrow_mut() = vec![
                app.is_connected(),
                has("[data-testid=view-scenarios]"),
                has("[data-testid=targets]"),
                has("[data-testid=drivers]"),
                has("[data-testid=monte-carlo]"),
                has("[data-testid=saved]"),
                has("footer [data-testid=offline-link]"),
            ];
            while let Some(node) = app.first_child() {
                target.append_child(&node).expect("move into the page");
            }
        })
        .await;
        d.set(true);
    });
    // The build runs in tasks of its own: count the tasks until the swap.
    let mut tasks = 0;
    while !done.get() && tasks < 500 {
        TimeoutFuture::new(0).await;
        tasks += 1;
        if !done.get() {
            assert!(!attached(), "the app is not in the page while it is being built");
            assert_eq!(host.child_element_count(), 0, "nothing reaches the page before the swap");
        }
    }
    assert!(done.get(), "the staged build finished");
    // The shell, the view, the footer and every part of the Scenarios view: more than ten.
    assert!(tasks > 10, "built in {tasks} tasks");
    assert_eq!(*handed.borrow(), [false, true, true, true, true, true, true], "built off the page, whole");
    assert!(attached());
    assert!(text(&host, "[data-testid=targets]").contains("Revenues78.5078.500.000.0%"));
    // After the takeover a change of view is drawn at once, not in stages.
    window().location().set_hash("#/sources").expect("set hash");
    let mut waited = 0;
    while query(&host, "[data-testid=view-sources]").is_none() && waited < 200 {
        TimeoutFuture::new(0).await;
        waited += 1;
    }
    assert!(query(&host, "[data-testid=view-sources]").is_some(), "the Sources view opened");
    assert!(query(&host, "[data-testid=errata]").is_some(), "the next view is whole as soon as it is there");
    host.remove();
}

/// Waits (a task at a time, at most 2,000 tasks of 5 ms) until `ready` holds.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..2000 {
        if ready() {
            return;
        }
        TimeoutFuture::new(5).await;
    }
    panic!("never: {what}");
}

#[wasm_bindgen_test]
async fn the_documents_view_draws_the_notice_with_every_figure_a_button_that_opens_its_fact() {
    let (host, _h) = mount_at("#/documents?doc=notice").await;
    // Drawn a part at a time: its last line (1,140) comes last.
    until("the notice drawn", || query(&host, ".doc-body [data-line=\"1140\"]").is_some()).await;
    // The notice holds 470 of the dataset's 722 facts (the presentation the other 252).
    let figures = host.query_selector_all(".doc-body button.doc-fig").expect("figures");
    let facts: usize = (0..figures.length())
        .filter_map(|i| figures.item(i))
        .filter_map(|n| n.unchecked_into::<web_sys::Element>().get_attribute("data-fact"))
        .map(|ids| ids.split(' ').count())
        .sum();
    assert_eq!(facts, 470);
    // Capital expenditures: "JPY 6,078 million" on line 94 of the notice.
    let capex = query(&host, ".doc-body button[data-fact~=\"br.capex\"]").expect("the capex figure");
    assert_eq!(capex.text_content().unwrap_or_default(), "6,078");
    capex.click();
    until("the inspector", || text(&host, "[data-testid=\"fact-printed\"]") == "6,078").await;
    assert!(address_bar().await.contains("fig=br.capex"));
    // Review mode marks the numbers no figure cites.
    let switch: web_sys::HtmlInputElement = query(&host, "[data-testid=\"review-switch\"]").expect("switch").unchecked_into();
    switch.click();
    until("review mode", || query(&host, ".doc-body.review").is_some()).await;
    assert_eq!(host.query_selector_all(".doc-body .untagged").expect("marks").length(), 99);
}
