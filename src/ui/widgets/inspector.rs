//! The inspector beside a table (Overview, Statements, Ratios): the source or the work of the
//! selected figure. On a wide screen it is a column beside the table; on a phone (up to
//! 640 px, in the style sheet) an open inspector is a sheet from the bottom of the screen,
//! over the page, that a thumb can close. Closing (its button, or Escape anywhere on the page)
//! clears the selection and returns the keyboard focus to the figure it was opened from,
//! without choosing that figure again.

use std::cell::Cell;

use leptos::prelude::*;

use crate::ui::i18n::t;

thread_local! {
    /// True while the focus is being handed back to a figure after a close.
    static RETURNING_FOCUS: Cell<bool> = const { Cell::new(false) };
}

/// Whether a figure taking the focus now should be chosen. False only while a closed
/// inspector hands the focus back to the figure it showed: that is not a new choice.
pub fn focus_selects() -> bool {
    !RETURNING_FOCUS.with(Cell::get)
}

/// The inspector: `children` are its contents (the hint while nothing is chosen, then the
/// panel); `selected` names the chosen figure (any string that changes with it), `on_close`
/// clears the choice.
#[component]
pub fn Inspector(label: String, selected: Signal<Option<String>>, on_close: Callback<()>, children: Children) -> impl IntoView {
    let open = Signal::derive(move || selected.with(Option::is_some));
    let close = move || {
        let figure = selected_figure();
        on_close.run(());
        return_focus(figure);
    };
    #[cfg(target_arch = "wasm32")]
    {
        keep_in_sight(selected);
        // A window listener runs outside the component's owner, where the route's context
        // (which closing writes) cannot be found: it runs the close inside that owner.
        let owner = Owner::current();
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.key() == "Escape" && open.get_untracked() {
                match &owner {
                    Some(owner) => owner.with(close),
                    None => close(),
                }
            }
        });
        on_cleanup(move || handle.remove());
    }
    view! {
        <aside class="inspector" class:open=move || open.get() aria-label=label tabindex="0" data-testid="inspector">
            <div class="inspector-bar" hidden=move || !open.get()>
                <button type="button" class="inspector-close" data-testid="inspector-close" on:click=move |_| close()>
                    <span aria-hidden="true">"× "</span>{t("Close")}
                </button>
            </div>
            <div aria-live="polite">{children()}</div>
        </aside>
    }
}

/// The figure whose inspector is open (the view's selected figure button), if any.
#[cfg(target_arch = "wasm32")]
fn selected_figure() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let el = document().query_selector("main button.fig.selected").ok()??;
    el.dyn_into::<web_sys::HtmlElement>().ok()
}

/// Gives the focus back to `figure` without choosing it again.
#[cfg(target_arch = "wasm32")]
fn return_focus(figure: Option<web_sys::HtmlElement>) {
    if let Some(el) = figure {
        RETURNING_FOCUS.with(|r| r.set(true));
        let _ = el.focus();
        RETURNING_FOCUS.with(|r| r.set(false));
    }
}

// The prerender step has nothing to focus.
#[cfg(not(target_arch = "wasm32"))]
fn selected_figure() -> Option<()> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
fn return_focus(_: Option<()>) {}

/// Keeps the chosen figure in sight when the inspector opens or shows another figure: on a
/// phone the sheet covers the lower part of the screen, and the style sheet gives the page a
/// matching bottom scroll padding, so "nearest" lifts a covered figure just above the sheet
/// and leaves a visible one where it is.
#[cfg(target_arch = "wasm32")]
fn keep_in_sight(selected: Signal<Option<String>>) {
    Effect::new(move |_| {
        // A deep link's figure is brought into sight once the app is in the page.
        if selected.with(Option::is_some) && crate::ui::stage::attached() {
            request_animation_frame(|| {
                if let Some(el) = selected_figure() {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
                    el.scroll_into_view_with_scroll_into_view_options(&options);
                }
            });
        }
    });
}
