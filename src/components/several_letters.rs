use crate::batch_state::Batch;
use crate::letter::Letter;
use crate::present::count;
use leptos::prelude::*;

/// Said when the text holds several letters one after another: only the first
/// is shown here; one click reads them all in the batch view.
#[component]
pub fn SeveralLetters(letters: usize, open_batch: Callback<()>) -> impl IntoView {
    let letter = expect_context::<Letter>();
    let batch = expect_context::<Batch>();
    let read_all = move |_| {
        letter
            .text
            .with_untracked(|text| batch.add_text(&letter.name.get_untracked(), text));
        open_batch.run(());
    };
    view! {
        <div class="status warn" role="status" data-testid="several-letters">
            <p>
                {format!("This text holds {} one after another; the first is shown below. ", count(letters as i64, "letter"))}
                <button type="button" data-testid="read-all" on:click=read_all>{format!("Read all {letters} in the batch table")}</button>
            </p>
        </div>
    }
}
