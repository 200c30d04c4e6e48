//! Mounts the page; everything else is in the library.

fn main() {
    // The same wasm also runs in the batch worker (src/worker.rs), which has
    // no page to mount: there it only answers messages.
    if web_sys::window().is_some() {
        leptos::mount::mount_to_body(imr_lens::App);
    }
}
