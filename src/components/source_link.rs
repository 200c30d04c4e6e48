use crate::letter::Letter;
use imr_core::Span;
use leptos::prelude::*;

/// An extracted value (or a "Show in letter" label): choosing it highlights
/// and scrolls to the exact text it came from.
#[component]
pub fn SourceLink(span: Span, children: Children) -> impl IntoView {
    let letter = expect_context::<Letter>();
    let pressed = move || letter.selected.get() == Some(span);
    view! {
        <button
            type="button"
            class="src"
            aria-describedby="src-hint"
            aria-pressed=move || pressed().to_string()
            aria-controls="source-text"
            data-span=format!("{}-{}", span.start, span.end)
            on:click=move |_| letter.select(span)
        >
            {children()}
        </button>
    }
}
