use super::SourceLink;
use crate::present::long_date;
use imr_core::{Date, Spanned};
use leptos::prelude::*;

/// A date linked to its source, or "Not stated".
#[component]
pub fn DateValue(value: Option<Spanned<Date>>) -> impl IntoView {
    match value {
        Some(v) => view! {
            <SourceLink span=v.span>
                <time datetime=v.value.to_string()>{long_date(v.value)}</time>
            </SourceLink>
        }
        .into_any(),
        None => view! { <span class="missing">"Not stated"</span> }.into_any(),
    }
}
