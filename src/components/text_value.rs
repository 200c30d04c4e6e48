use super::SourceLink;
use imr_core::Spanned;
use leptos::prelude::*;

/// A text value linked to its source, or "Not stated".
#[component]
pub fn TextValue(value: Option<Spanned<String>>) -> impl IntoView {
    match value {
        Some(v) => view! { <SourceLink span=v.span>{v.value}</SourceLink> }.into_any(),
        None => view! { <span class="missing">"Not stated"</span> }.into_any(),
    }
}
