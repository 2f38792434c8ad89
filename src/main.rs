//! Entry point: in the browser, install the panic hook and mount the app; nothing else.

fn main() {
    #[cfg(target_arch = "wasm32")]
    iij_explorer::ui::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("iij-explorer is a browser app: build it with `trunk build --release` (see README.md).");
}
