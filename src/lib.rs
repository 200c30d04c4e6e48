//! IMR Lens in the browser: a Leptos page over `imr-core`.
//!
//! The letter's text is the one source signal ([`letter::Letter`]); the parsed
//! `Determination` is a memo derived from it; effects only sync with the
//! outside world (opt-in localStorage, scrolling to a highlighted value).
//! Components live in [`components`], one per file; wording and text cutting
//! are pure functions in [`present`], tested natively.

mod app;
pub mod batch;
pub mod batch_html;
pub mod batch_state;
pub mod browser;
pub mod components;
pub mod letter;
pub mod present;
pub mod worker;

pub use app::App;
