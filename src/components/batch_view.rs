use super::{BatchFilters, BatchInput, BatchProgress, BatchTable, BatchTrends, UnreadableList};
use crate::batch::{rows, Filters, Sort};
use crate::batch_state::Batch;
use leptos::prelude::*;

/// Many letters at once: input and progress, the letters that could not be
/// read, the filters, the table of items and the trends of what it shows.
#[component]
pub fn BatchView(open_letter: Callback<usize>) -> impl IntoView {
    let batch = expect_context::<Batch>();
    let filters = RwSignal::new(Filters::default());
    let sort = RwSignal::new(Sort::default());
    let shown = Memo::new(move |_| {
        batch
            .letters
            .with(|all| filters.with(|f| rows(all, f, sort.get())))
    });
    let filtered = Signal::derive(move || filters.with(|f| !f.is_empty()));
    let has_items = move || {
        batch
            .letters
            .with(|all| all.iter().any(|l| !l.items.is_empty()))
    };
    view! {
        <section class="batch" aria-labelledby="batch-h" data-testid="batch">
            <h2 id="batch-h" tabindex="-1">"Many letters"</h2>
            <BatchInput/>
            <BatchProgress/>
            <UnreadableList/>
            <Show when=has_items>
                <BatchFilters filters/>
                <BatchTable rows=shown sort open_letter/>
                <BatchTrends rows=shown filtered/>
            </Show>
        </section>
    }
}
