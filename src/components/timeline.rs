use super::SourceLink;
use crate::present::event_kind_label;
use imr_core::TimelineEvent;
use leptos::prelude::*;

/// Every dated event of the case summary, in date order, as a vertical line
/// of dates: the date, what kind of event, and the sentence that tells it.
#[component]
pub fn Timeline(events: Vec<TimelineEvent>) -> impl IntoView {
    (!events.is_empty()).then(|| {
        let items = events
            .into_iter()
            .map(|e| {
                let kind = event_kind_label(e.kind);
                view! {
                    <li class=format!("event event-{}", kind.to_ascii_lowercase().replace(' ', "-")) data-testid="event">
                        <time datetime=e.date.value.to_string()>
                            <SourceLink span=e.date.span>{e.date.value.to_string()}</SourceLink>
                        </time>
                        <span class="event-kind">{kind}</span>
                        <p class="event-text">{e.text.value}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card panel" aria-labelledby="timeline-h" data-testid="timeline">
                <h3 id="timeline-h">"Timeline"</h3>
                <ol class="timeline">{items}</ol>
            </section>
        }
    })
}
