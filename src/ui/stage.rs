//! The staged takeover of a prerendered page. The app is built off the page (in an element
//! not yet in the document) in short tasks: first its shell, then each part wrapped in
//! [`Later`], one per task, so a phone can paint and answer input between them; a single
//! build of the whole view is one long task (Lighthouse's "total blocking time"). Once every
//! part is built, the finished app replaces the prerendered page in one step, so a visitor
//! never sees a half-built view and nothing moves.
//!
//! Outside the takeover (the prerender step, a later change of view, the component tests)
//! `Later` draws its content at once.

use std::cell::{Cell, RefCell};
use std::sync::{Arc, Mutex};

use leptos::prelude::*;

thread_local! {
    /// Whether the app is being built off the page: `Later` parts wait their turn.
    static STAGING: Cell<bool> = const { Cell::new(false) };
    /// The parts waiting, in the order they were met.
    static QUEUE: RefCell<std::collections::VecDeque<RwSignal<bool>>> = const { RefCell::new(std::collections::VecDeque::new()) };
    /// Whether the app is in the document (see [`attached`]).
    static ATTACHED: Cell<Option<RwSignal<bool>>> = const { Cell::new(None) };
}

/// Whether the app's elements are in the document, as a signal: effects that measure or
/// scroll the page read it, so they run again once the staged app has replaced the
/// prerendered page. True whenever no takeover is in progress.
pub fn attached() -> bool {
    attached_signal().get()
}

/// [`attached`], untracked.
pub fn attached_now() -> bool {
    attached_signal().get_untracked()
}

fn attached_signal() -> RwSignal<bool> {
    ATTACHED.with(|a| {
        a.get().unwrap_or_else(|| {
            let s = RwSignal::new(true);
            a.set(Some(s));
            s
        })
    })
}

/// A part of a view built in a task of its own during the takeover; drawn at once otherwise.
#[component]
pub fn Later(children: Children) -> impl IntoView {
    if !STAGING.with(Cell::get) {
        return children().into_any();
    }
    deferred(children, &QUEUE)
}

thread_local! {
    /// The [`Paced`] parts waiting outside the takeover, in order.
    static PACED: RefCell<std::collections::VecDeque<RwSignal<bool>>> = const { RefCell::new(std::collections::VecDeque::new()) };
    /// Whether a task is drawing the paced parts.
    static PACING: Cell<bool> = const { Cell::new(false) };
}

/// A part of a long view (a document) built in a task of its own, during the takeover as
/// [`Later`] and after it too: a view of many such parts never blocks the page for long. The
/// view is not complete ([`crate::ui::complete`]) until every part is drawn. The prerender step
/// draws it at once.
#[component]
pub fn Paced(children: Children) -> impl IntoView {
    if STAGING.with(Cell::get) {
        return deferred(children, &QUEUE);
    }
    if !cfg!(target_arch = "wasm32") {
        return children().into_any();
    }
    let part = deferred(children, &PACED);
    pace();
    part
}

/// Whether every [`Paced`] and [`Later`] part is drawn and the app is in the page.
pub fn settled() -> bool {
    !PACING.with(Cell::get) && QUEUE.with(|q| q.borrow().is_empty()) && !STAGING.with(Cell::get) && attached_now()
}

/// Draws the paced parts one per task, holding the view incomplete meanwhile.
fn pace() {
    #[cfg(target_arch = "wasm32")]
    if !PACING.with(|p| p.replace(true)) {
        let busy = crate::ui::complete::busy();
        leptos::task::spawn_local(async move {
            loop {
                crate::ui::next_task().await;
                let Some(part) = PACED.with(|q| q.borrow_mut().pop_front()) else { break };
                // A part of a view that has gone is not drawn (the set does nothing).
                let _ = part.try_set(true);
            }
            PACING.with(|p| p.set(false));
            drop(busy);
        });
    }
}

/// `children` drawn when its turn in `queue` comes.
fn deferred(children: Children, queue: &'static std::thread::LocalKey<RefCell<std::collections::VecDeque<RwSignal<bool>>>>) -> AnyView {
    let shown = RwSignal::new(false);
    queue.with(|q| q.borrow_mut().push_back(shown));
    let slot = Arc::new(Mutex::new(Some(children)));
    // `shown` changes once, from false to true; the content is built untracked, so nothing it
    // reads can build it again.
    (move || {
        shown.get().then(|| {
            let children = slot.lock().ok().and_then(|mut c| c.take());
            untrack(|| children.map(|c| c()))
        })
    })
    .into_any()
}

/// Builds `app` off the page in short tasks, then calls `swap` with the finished app's
/// container (one task), which puts it in the page.
#[cfg(target_arch = "wasm32")]
pub async fn build_staged<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static, swap: impl FnOnce(web_sys::HtmlElement)) {
    use wasm_bindgen::JsCast;
    let document = leptos::prelude::document();
    let Some(container) = document.create_element("div").ok().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        // Cannot happen in a browser; build the app in the page in one step.
        leptos::mount::mount_to_body(app);
        return;
    };
    attached_signal().set(false);
    STAGING.with(|s| s.set(true));
    leptos::mount::mount_to(container.clone(), app).forget();
    loop {
        crate::ui::next_task().await;
        let Some(part) = QUEUE.with(|q| q.borrow_mut().pop_front()) else { break };
        // The part is built now, and the parts it holds are queued behind the others.
        let _ = part.try_set(true);
    }
    STAGING.with(|s| s.set(false));
    swap(container);
    attached_signal().set(true);
}
