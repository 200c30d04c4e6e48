use crate::browser;
use crate::letter::Letter;
use crate::present::{line_of, split_at_span, MAX_TEXT_BYTES};
use leptos::html::{Mark, Pre};
use leptos::prelude::*;

/// The original text beside the result, with the chosen value's source highlighted.
#[component]
pub fn SourceText() -> impl IntoView {
    let letter = expect_context::<Letter>();
    let mark_ref = NodeRef::<Mark>::new();
    let pane_ref = NodeRef::<Pre>::new();
    // Sync with the outside world: bring a newly highlighted passage into view.
    Effect::new(move |_| {
        if let (Some(mark), Some(pane)) = (mark_ref.get(), pane_ref.get_untracked()) {
            browser::reveal(&mark, &pane);
        }
    });
    // Nothing is shown for an empty text or one too long to read (nothing in it can be chosen).
    let shown = move || {
        letter
            .text
            .with(|t| !t.is_empty() && t.len() <= MAX_TEXT_BYTES)
    };
    let content = move || {
        if !shown() {
            return ().into_any();
        }
        letter.text.with(|text| match letter.selected.get() {
            Some(span) => {
                let (before, marked, after) = split_at_span(text, span);
                view! {
                    {before.to_string()}
                    <mark node_ref=mark_ref data-testid="highlight">{marked.to_string()}</mark>
                    {after.to_string()}
                }
                .into_any()
            }
            _ => text.clone().into_any(),
        })
    };
    let where_ = move || {
        letter.selected.get().map(|span| {
            letter.text.with(|t| {
                format!(
                    "Highlighted in the letter text, line {}.",
                    line_of(t, span.start)
                )
            })
        })
    };
    view! {
        <aside class="source" aria-labelledby="source-h" hidden=move || !shown()>
            <h2 id="source-h">"Letter text"</h2>
            <p class="hint" id="src-hint">"Choose any underlined value to see the text it came from."</p>
            <p class="sr-only" role="status">{where_}</p>
            <pre node_ref=pane_ref id="source-text" class="source-text" tabindex="0" aria-labelledby="source-h" data-testid="source">{content}</pre>
        </aside>
    }
}
