use crate::letter::Letter;
use imr_core::Span;
use leptos::prelude::*;

/// An extracted value (or a "Show in letter" label): a link that highlights
/// and scrolls to the exact text it came from. (A link, not a button, so that
/// long values wrap like the text around them.)
#[component]
pub fn SourceLink(span: Span, children: Children) -> impl IntoView {
    let letter = expect_context::<Letter>();
    let current = move || (letter.selected.get() == Some(span)).then_some("location");
    view! {
        <a
            href="#source-text"
            class="src"
            aria-describedby="src-hint"
            aria-current=current
            data-span=format!("{}-{}", span.start, span.end)
            on:click=move |ev| {
                ev.prevent_default();
                letter.select(span);
            }
        >
            {children()}
        </a>
    }
}
