use super::SourceLink;
use crate::present::{Status, Tone};
use leptos::prelude::*;

/// What was read from the text, in plain words: nothing yet, a letter, a
/// letter with problems, or not a letter (with the parser's reasons).
#[component]
pub fn StatusBanner(status: Status) -> impl IntoView {
    let class = match status.tone {
        Tone::Idle => "status idle",
        Tone::Good => "status good",
        Tone::Warn => "status warn",
        Tone::Bad => "status bad",
    };
    let problems = (!status.problems.is_empty()).then(|| {
        let items = status
            .problems
            .into_iter()
            .map(|(span, message)| {
                let link =
                    span.map(|s| view! { " " <SourceLink span=s>"Show in letter"</SourceLink> });
                view! { <li>{message} {link}</li> }
            })
            .collect_view();
        view! { <ul class="problems" data-testid="problems">{items}</ul> }
    });
    view! {
        <div class=class data-testid="status">
            <p class="headline" role="status">{status.headline}</p>
            {status.found.map(|f| view! { <p class="found" data-testid="found">{f}</p> })}
            {problems}
        </div>
    }
}
