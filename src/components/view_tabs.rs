use crate::batch_state::Batch;
use leptos::prelude::*;

/// Which view the page shows: one letter in full, or many in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    One,
    Many,
}

/// The switch between the two views (the batch keeps its letters meanwhile).
#[component]
pub fn ViewTabs(view: RwSignal<View>) -> impl IntoView {
    let batch = expect_context::<Batch>();
    let many_label = move || match batch.progress.with(|p| p.total) {
        0 => "Many letters".to_string(),
        n => format!("Many letters ({n})"),
    };
    let tab = move |which: View, testid: &'static str, label: Signal<String>| {
        view! {
            <button type="button" class="tab" data-testid=testid aria-pressed=move || (view.get() == which).to_string()
                on:click=move |_| view.set(which)>{label}</button>
        }
    };
    view! {
        <nav class="tabs" aria-label="View">
            {tab(View::One, "tab-one", Signal::derive(|| "One letter".to_string()))}
            {tab(View::Many, "tab-many", Signal::derive(many_label))}
        </nav>
    }
}
