use super::SourceLink;
use imr_core::{Reviewer, Spanned};
use leptos::prelude::*;

/// The expert reviewer's licensure and specialties.
#[component]
pub fn ReviewerPanel(reviewer: Reviewer) -> impl IntoView {
    let list = |items: Vec<Spanned<String>>| {
        if items.is_empty() {
            return view! { <span class="missing">"Not stated"</span> }.into_any();
        }
        let items = items
            .into_iter()
            .map(|v| view! { <li><SourceLink span=v.span>{v.value}</SourceLink></li> })
            .collect_view();
        view! { <ul class="inline-list">{items}</ul> }.into_any()
    };
    view! {
        <section class="card panel" aria-labelledby="reviewer-h" data-testid="reviewer">
            <h3 id="reviewer-h">"Expert reviewer"</h3>
            <dl class="fields">
                <div data-testid="licensure"><dt>"Licensed in"</dt><dd>{list(reviewer.licensure)}</dd></div>
                <div data-testid="specialty"><dt>"Specialty"</dt><dd>{list(reviewer.specialty)}</dd></div>
            </dl>
        </section>
    }
}
