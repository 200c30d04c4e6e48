use crate::batch_state::Batch;
use crate::present::count;
use leptos::prelude::*;

/// How far the worker has got, with Cancel (and then Continue or Discard).
#[component]
pub fn BatchProgress() -> impl IntoView {
    let batch = expect_context::<Batch>();
    let progress = batch.progress;
    let line = move || {
        let p = progress.get();
        let (texts, held) = batch.split.get();
        let split = (texts > 0).then(|| {
            format!(
                " {} held several letters one after another: split into {}.",
                count(texts as i64, "text"),
                count(held as i64, "letter")
            )
        });
        let state = if p.running() {
            format!("Reading letters: {} of {} done.", p.done, p.total)
        } else if p.paused {
            format!("Stopped: {} of {} letters read.", p.done, p.total)
        } else {
            format!("{} read.", count(p.done as i64, "letter"))
        };
        format!("{state}{}", split.unwrap_or_default())
    };
    view! {
        <Show when=move || progress.with(|p| p.total > 0)>
            <div class="batch-progress" data-testid="batch-progress">
                <progress max=move || progress.with(|p| p.total.to_string()) value=move || progress.with(|p| p.done.to_string()) aria-label="Letters read"></progress>
                <p role="status" data-testid="batch-status">{line}</p>
                <Show when=move || progress.with(|p| p.running())>
                    <button type="button" data-testid="batch-cancel" on:click=move |_| batch.pause()>"Cancel"</button>
                </Show>
                <Show when=move || progress.with(|p| p.paused)>
                    <button type="button" data-testid="batch-continue" on:click=move |_| batch.resume()>"Continue reading"</button>
                    <button type="button" data-testid="batch-discard" on:click=move |_| batch.discard_rest()>"Discard the letters not read"</button>
                </Show>
            </div>
        </Show>
    }
}
