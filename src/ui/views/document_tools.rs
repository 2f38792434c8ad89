//! The Documents view's tools: review mode's switch, the search with its count and steps, the
//! figure steps (buttons, and the keys n and p in the document), the legend, and bringing a
//! deep link's figure or line into view once the document is drawn.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::reading::Span;
use crate::model::DocumentId;
use crate::route::Route;
use crate::ui::i18n::{t, tf};
use crate::ui::router::replace_route;

/// Review mode, the search and the figure steps.
#[component]
pub fn Tools(route: ReadSignal<Route>, doc: Memo<DocumentId>, review: Memo<bool>, query: RwSignal<String>, hits: Memo<Vec<(u32, Span)>>, clicked: StoredValue<bool>) -> impl IntoView {
    let current = RwSignal::new(None::<usize>);
    Effect::new(move |_| {
        hits.track();
        doc.track();
        current.set(None);
    });
    let step_hit = move |forward: bool| {
        let n = hits.with(Vec::len);
        if n == 0 {
            return;
        }
        let next = match current.get_untracked() {
            None if forward => 0,
            None => n - 1,
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
        };
        current.set(Some(next));
        show_hit(next);
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        query.set(text.clone());
        replace_route(route.get_untracked().with_param("q", Some(text.trim())));
    };
    let on_enter = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            step_hit(!ev.shift_key());
        }
    };
    let count = move || {
        let n = hits.with(Vec::len);
        match (query.with(|q| q.trim().is_empty()), n, current.get()) {
            (true, _, _) => String::new(),
            (false, 0, _) => t("No match in this document."),
            (false, _, Some(i)) => tf("Match {0} of {1}.", &[&(i + 1).to_string(), &n.to_string()]),
            (false, 1, None) => t("1 match."),
            (false, _, None) => tf("{0} matches.", &[&n.to_string()]),
        }
    };
    let on_review = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        replace_route(route.get_untracked().with_param("review", on.then_some("1")));
    };
    view! {
        <div class="doc-tools">
            <div class="doc-search" role="search">
                <label for="doc-search">{t("Search in this document")}</label>
                <input id="doc-search" type="search" data-testid="doc-search" autocomplete="off" prop:value=move || query.get() on:input=on_input on:keydown=on_enter />
                <button type="button" class="action small secondary" data-testid="hit-prev" prop:disabled=move || hits.with(Vec::is_empty) on:click=move |_| step_hit(false)>{t("Previous match")}</button>
                <button type="button" class="action small secondary" data-testid="hit-next" prop:disabled=move || hits.with(Vec::is_empty) on:click=move |_| step_hit(true)>{t("Next match")}</button>
                <span class="muted small" aria-live="polite" data-testid="doc-search-count">{count}</span>
            </div>
            <div class="doc-steps">
                <button type="button" class="action small secondary" data-testid="fig-prev" on:click=move |_| step_figure(false, route, clicked)>{t("Previous figure")}</button>
                <button type="button" class="action small secondary" data-testid="fig-next" on:click=move |_| step_figure(true, route, clicked)>{t("Next figure")}</button>
                <span class="muted small doc-keys">{t("In the document, the keys n and p go to the next and previous figure.")}</span>
            </div>
            <label class="doc-review">
                <input type="checkbox" data-testid="review-switch" prop:checked=move || review.get() on:change=on_review />
                {t(" Review mode: mark the numbers no figure cites")}
            </label>
        </div>
    }
}

/// What the marks mean; in review mode, the rule for the numbers it leaves unmarked.
#[component]
pub fn Legend(review: Memo<bool>) -> impl IntoView {
    view! {
        <div class="doc-legend" data-testid="doc-legend">
            <span><span class="doc-fig sample" aria-hidden="true">"1,234"</span>{t(" a figure the explorer cites")}</span>
            <span><span class="doc-fig erratum sample" aria-hidden="true">"1,234"</span>{t(" a figure an erratum corrects")}</span>
            <span><mark class="hit sample" aria-hidden="true">"abc"</mark>{t(" a search match")}</span>
            {move || review.get().then(|| view! {
                <span><span class="untagged sample" aria-hidden="true">"1,234"</span>{t(" a number no figure cites")}</span>
                <p class="small" data-testid="review-rule">{t("Review mode leaves out, by rule: years (1900 to 2099), days of a month, period labels (FY07, 4Q07, 1H, 08/4), ordinals (16th), list, article and note numbers, and parts of hyphenated identifiers such as telephone numbers.")}</p>
            })}
        </div>
    }
}

/// The document's element matching `selector`, if drawn.
fn find(selector: &str) -> Option<web_sys::HtmlElement> {
    document().query_selector(&format!(".doc-body {selector}")).ok().flatten().and_then(|e| e.dyn_into().ok())
}

/// Runs `f` on each of the document's elements matching `selector`.
fn each(selector: &str, f: impl Fn(&web_sys::Element)) {
    if let Ok(list) = document().query_selector_all(&format!(".doc-body {selector}")) {
        for el in (0..list.length()).filter_map(|k| list.item(k)).filter_map(|n| n.dyn_into::<web_sys::Element>().ok()) {
            f(&el);
        }
    }
}

/// Moves the "current" mark to match `i` and brings it into view.
fn show_hit(i: usize) {
    each("mark.hit.current", |el| {
        let _ = el.class_list().remove_1("current");
    });
    each(&format!("mark[data-hit=\"{i}\"]"), |el| {
        let _ = el.class_list().add_1("current");
    });
    if let Some(el) = find(&format!("mark[data-hit=\"{i}\"]")) {
        scroll_to(&el, web_sys::ScrollLogicalPosition::Center);
    }
}

fn scroll_to(el: &web_sys::Element, block: web_sys::ScrollLogicalPosition) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(block);
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The first fact id of the figure a click landed on, if it did.
pub fn clicked_figure(ev: &leptos::ev::MouseEvent) -> Option<String> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let button = target.closest("button.doc-fig").ok()??;
    button.get_attribute("data-fact")?.split(' ').next().map(str::to_owned)
}

/// The keys n and p in the document: the next and previous figure.
pub fn figure_key(ev: &leptos::ev::KeyboardEvent, route: ReadSignal<Route>, clicked: StoredValue<bool>) {
    if ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
        return;
    }
    let forward = match ev.key().as_str() {
        "n" => true,
        "p" => false,
        _ => return,
    };
    ev.prevent_default();
    step_figure(forward, route, clicked);
}

/// Goes to the next (or previous) figure from the focused or selected one (the first or last
/// if none): focuses it, brings it into view and opens its inspector.
fn step_figure(forward: bool, route: ReadSignal<Route>, clicked: StoredValue<bool>) {
    let count = document().query_selector_all(".doc-body button.doc-fig").map_or(0, |l| l.length());
    if count == 0 {
        return;
    }
    let at = |el: Option<web_sys::Element>| el.and_then(|e| e.get_attribute("data-n")).and_then(|n| n.parse::<u32>().ok());
    let focused = document().active_element().filter(|e| e.class_list().contains("doc-fig"));
    let selected = find("button.doc-fig.selected").map(web_sys::Element::from);
    let next = match (at(focused).or_else(|| at(selected)), forward) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(i), true) => (i + 1) % count,
        (Some(i), false) => (i + count - 1) % count,
    };
    let Some(el) = find(&format!("button[data-n=\"{next}\"]")) else { return };
    let _ = el.focus();
    scroll_to(&el, web_sys::ScrollLogicalPosition::Nearest);
    if let Some(id) = el.get_attribute("data-fact").and_then(|f| f.split(' ').next().map(str::to_owned)) {
        clicked.set_value(true);
        replace_route(route.get_untracked().with_param("fig", Some(&id)));
    }
}

/// Marks the figure of fact `fig` as selected (and no other).
fn mark_selected(fig: Option<&str>) -> Option<web_sys::HtmlElement> {
    each("button.doc-fig.selected", |el| {
        let _ = el.class_list().remove_1("selected");
    });
    let el = find(&format!("button.doc-fig[data-fact~=\"{}\"]", fig?.replace('"', "")))?;
    let _ = el.class_list().add_1("selected");
    Some(el)
}

/// Brings the URL's figure (or line) into view and focuses it once the document is drawn; a
/// figure chosen in the document (`clicked`) is only marked, where the visitor is.
pub fn land_on_target(target: Memo<(DocumentId, Option<String>, Option<u32>)>, clicked: StoredValue<bool>) {
    Effect::new(move |_| {
        let (_, fig, line) = target.get();
        if clicked.get_value() {
            clicked.set_value(false);
            mark_selected(fig.as_deref());
            return;
        }
        let busy = crate::ui::complete::busy();
        leptos::task::spawn_local(async move {
            // Until every part is drawn and the app is in the page (a bounded wait: each turn
            // is a task, and the parts are drawn one per task).
            for _ in 0..10_000 {
                if crate::ui::stage::settled() {
                    break;
                }
                crate::ui::next_task().await;
            }
            if let Some(el) = mark_selected(fig.as_deref()) {
                bring_into_view(&el, web_sys::ScrollLogicalPosition::Center).await;
            } else if let Some(el) = line.and_then(|n| find(&format!("[data-line=\"{n}\"]"))) {
                if let Some(old) = find(".target-line") {
                    let _ = old.class_list().remove_1("target-line");
                }
                let _ = el.set_attribute("tabindex", "-1");
                let _ = el.class_list().add_1("target-line");
                bring_into_view(&el, web_sys::ScrollLogicalPosition::Start).await;
            }
            drop(busy);
        });
    });
}

/// Scrolls `el` into view and focuses it. The parts of the document away from the screen are
/// not laid out (they take an estimated height, `content-visibility: auto`) until they come
/// near, so `el`'s part and every part above it are laid out first (class `laid-out`): with
/// their real heights above it, `el` stays where it is brought (checked over a few frames).
async fn bring_into_view(el: &web_sys::HtmlElement, block: web_sys::ScrollLogicalPosition) {
    let part = el.closest(".doc-part").ok().flatten().and_then(|p| p.get_attribute("data-part")).and_then(|k| k.parse::<usize>().ok());
    if let Some(k) = part {
        each(".doc-part", |p| {
            if p.get_attribute("data-part").and_then(|i| i.parse::<usize>().ok()).is_some_and(|i| i <= k) {
                let _ = p.class_list().add_1("laid-out");
            }
        });
        next_frame().await;
    }
    for _ in 0..6 {
        scroll_to(el, block);
        next_frame().await;
        let r = el.get_bounding_client_rect();
        let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
        if r.top() >= 0.0 && r.bottom() <= height {
            break;
        }
    }
    let _ = el.focus();
}

/// Resolves at the next frame (after the page has been laid out for it).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    crate::ui::next_task().await;
}
