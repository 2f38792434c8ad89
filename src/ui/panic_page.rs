//! What a visitor sees if the app panics: a WebAssembly panic would otherwise leave a dead
//! page. The hook logs the panic to the console and replaces the page with a message and a
//! link that reloads the explorer.

use wasm_bindgen::JsCast;

/// The id of the element that carries the message, for tests.
pub const CRASH_ID: &str = "crash";

/// Installs the panic hook. Safe to call more than once (the last hook wins).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        gloo::console::error!(format!("IIJ Financial Explorer stopped: {message}"));
        show(&message);
    }));
}

/// Replaces the body with the "Something went wrong" page. Built with DOM calls, not
/// `innerHTML`, so the panic message is shown as text whatever it contains.
pub fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    // The reload link drops the fragment: a URL that differs only in its fragment would not
    // reload, and the route that crashed might crash again.
    let reload_href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default();
    body.set_text_content(None);
    let build = || -> Option<()> {
        let section = document.create_element("section").ok()?;
        section.set_id(CRASH_ID);
        section.set_attribute("role", "alert").ok()?;
        section.set_class_name("crash");
        let h1 = document.create_element("h1").ok()?;
        h1.set_text_content(Some("Something went wrong"));
        let p = document.create_element("p").ok()?;
        p.set_text_content(Some(
            "The IIJ Financial Explorer hit an internal error and stopped. Nothing you entered has been sent anywhere.",
        ));
        let link = document.create_element("a").ok()?;
        link.set_attribute("href", &reload_href).ok()?;
        link.set_text_content(Some("Reload the explorer"));
        let details = document.create_element("pre").ok()?;
        details.set_text_content(Some(message));
        section.append_child(&h1).ok()?;
        section.append_child(&p).ok()?;
        section.append_child(&link).ok()?;
        section.append_child(&details).ok()?;
        body.append_child(&section).ok()?;
        if let Ok(el) = link.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
        Some(())
    };
    if build().is_none() {
        body.set_text_content(Some("Something went wrong. Reload the page to start the explorer again."));
    }
}
