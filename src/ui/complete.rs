//! The view-complete signal (issue 27): `<html data-view-complete="SLUG">` says that the view
//! `SLUG` and every part of it are in the page: the app has taken over, the view's module has
//! loaded (or its failure is told), and every chart is drawn by the app (not the prerendered
//! page's drawing waiting for the drawing module). It is removed the moment the route changes
//! and set again once the new view is whole. Tests wait for it rather than for the first sign
//! of content, which on a busy machine can come parts ahead of the rest.
//!
//! Work that leaves a view incomplete holds a [`Busy`] guard; when the last one is dropped (or
//! the route changes, or the app takes over) the page is checked in a later task, once the
//! reactive system has drawn what changed.

use std::cell::Cell;

thread_local! {
    /// How many guards are held.
    static HELD: Cell<u32> = const { Cell::new(0) };
    /// Whether a check is already queued.
    static QUEUED: Cell<bool> = const { Cell::new(false) };
}

/// A piece of work the current view waits for (a module being fetched, a chart waiting for the
/// drawing module). Dropping it ends the wait.
#[derive(Debug)]
pub struct Busy(());

/// Holds the view incomplete until the returned guard is dropped.
pub fn busy() -> Busy {
    HELD.with(|h| h.set(h.get().saturating_add(1)));
    unmark();
    Busy(())
}

impl Drop for Busy {
    fn drop(&mut self) {
        let left = HELD.with(|h| {
            let n = h.get().saturating_sub(1);
            h.set(n);
            n
        });
        if left == 0 {
            check_soon();
        }
    }
}

/// The route has changed: the page no longer holds a complete view until checked again.
pub fn route_changed() {
    unmark();
    check_soon();
}

#[cfg(target_arch = "wasm32")]
fn unmark() {
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.remove_attribute("data-view-complete");
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn unmark() {}

/// Checks the page in a later task (once what changed has been drawn), once however often it
/// is asked for meanwhile.
pub fn check_soon() {
    #[cfg(target_arch = "wasm32")]
    if !QUEUED.with(|q| q.replace(true)) {
        leptos::task::spawn_local(async {
            crate::ui::next_task().await;
            QUEUED.with(|q| q.set(false));
            mark_if_whole();
        });
    }
}

/// Marks the view in the page as complete when nothing is held, the app has replaced the
/// prerendered page, and the view's root is not a loading state.
#[cfg(target_arch = "wasm32")]
fn mark_if_whole() {
    let document = leptos::prelude::document();
    let Some(root) = document.document_element() else { return };
    if HELD.with(Cell::get) > 0 || document.get_element_by_id("prerender").is_some() || !crate::ui::stage::attached_now() {
        return;
    }
    let view = document.query_selector("main [data-testid^=\"view-\"]").ok().flatten();
    let slug = view
        .filter(|v| !v.has_attribute("aria-busy"))
        .and_then(|v| v.get_attribute("data-testid"))
        .and_then(|id| id.strip_prefix("view-").map(str::to_owned));
    match slug {
        Some(slug) => {
            let _ = root.set_attribute("data-view-complete", &slug);
        }
        None => {
            let _ = root.remove_attribute("data-view-complete");
        }
    }
}
