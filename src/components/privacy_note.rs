use leptos::prelude::*;

/// The privacy statement: what is true, nothing more.
#[component]
pub fn PrivacyNote() -> impl IntoView {
    view! {
        <p class="privacy" data-testid="privacy">
            <strong>"Private by design: "</strong>
            "the letter is read by this page, on this device. It is not uploaded or sent anywhere: "
            "the page makes no network requests once loaded (except to fetch its own PDF reader, "
            "without any letter data, if a PDF is opened before it was saved for offline use), "
            "and works offline after the first visit. "
            "The text is stored only if you turn on \u{201c}Remember text on this device\u{201d}."
        </p>
    }
}
