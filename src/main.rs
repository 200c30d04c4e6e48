//! Mounts the page; everything else is in the library.

fn main() {
    leptos::mount::mount_to_body(imr_lens::App);
}
