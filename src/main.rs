//! Mounts the page; everything else is in the library.

fn main() {
    imr_lens::browser::show_crash_notice_on_panic();
    leptos::mount::mount_to_body(imr_lens::App);
}
