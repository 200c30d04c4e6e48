use crate::present::{outcome_icon, outcome_label};
use imr_core::Outcome;
use leptos::prelude::*;

/// An outcome in words, with an icon and a colour that colour-blind readers
/// can tell apart (blue / orange, check / cross).
#[component]
pub fn OutcomeBadge(outcome: Outcome, #[prop(optional)] count: Option<usize>) -> impl IntoView {
    let (class, label, meaning) = outcome_label(&outcome);
    let icon = outcome_icon(&outcome);
    let text = match count {
        Some(n) => format!("{n} {}", label.to_lowercase()),
        None => format!("{label} ({meaning})"),
    };
    view! {
        <span class=format!("badge {class}") data-testid=format!("badge-{class}")>
            <span class="icon" aria-hidden="true">{icon}</span>
            {text}
        </span>
    }
}
