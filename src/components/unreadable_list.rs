use crate::batch_html::unreadable_items;
use crate::batch_state::Batch;
use leptos::prelude::*;

/// The letters that gave no row, each with the reason: nothing is dropped silently.
#[component]
pub fn UnreadableList() -> impl IntoView {
    let batch = expect_context::<Batch>();
    let count = Memo::new(move |_| {
        batch
            .letters
            .with(|all| all.iter().filter(|l| l.problem.is_some()).count())
    });
    view! {
        <Show when=move || { count.get() > 0 }>
            <details class="unreadable card" data-testid="unreadable" open>
                <summary>{move || format!("Letters that could not be read ({})", count.get())}</summary>
                <ul inner_html=move || batch.letters.with(|all| unreadable_items(all))></ul>
            </details>
        </Show>
    }
}
