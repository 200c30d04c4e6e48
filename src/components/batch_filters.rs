use crate::batch::{choices, Choices, Filter, Filters};
use crate::batch_state::Batch;
use leptos::prelude::*;

/// The batch table's filters (category, outcome, specialty, guideline, dates)
/// and its free-text search.
#[component]
pub fn BatchFilters(filters: RwSignal<Filters>) -> impl IntoView {
    let batch = expect_context::<Batch>();
    let choices = Memo::new(move |_| batch.letters.with(|all| choices(all)));
    let value = move |filter: Filter| filters.with(|f| f.get(filter).to_string());
    let set = move |filter: Filter, v: String| filters.update(|f| f.set(filter, v));
    let select = move |id: &'static str,
                       label: &'static str,
                       filter: Filter,
                       options: fn(&Choices) -> &Vec<(String, String)>| {
        view! {
            <label class="filter">
                <span>{label}</span>
                <select data-testid=format!("filter-{id}") prop:value=move || value(filter)
                    on:change:target=move |ev| set(filter, ev.target().value())>
                    <option value="">"Any"</option>
                    {move || choices.with(|c| options(c).iter().map(|(key, text)| {
                        let selected = filters.with_untracked(|f| f.get(filter) == key);
                        view! { <option value=key.clone() selected=selected>{text.clone()}</option> }
                    }).collect_view())}
                </select>
            </label>
        }
    };
    let input = move |id: &'static str, label: &'static str, kind: &'static str, filter: Filter| {
        view! {
            <label class="filter">
                <span>{label}</span>
                <input type=kind data-testid=format!("filter-{id}") prop:value=move || value(filter)
                    on:input:target=move |ev| set(filter, ev.target().value())/>
            </label>
        }
    };
    view! {
        <fieldset class="filters" data-testid="batch-filters">
            <legend>"Filter the items"</legend>
            {input("search", "Search", "search", Filter::Search)}
            {select("category", "Category", Filter::Category, |c| &c.categories)}
            {select("outcome", "Outcome", Filter::Outcome, |c| &c.outcomes)}
            {select("specialty", "Reviewer specialty", Filter::Specialty, |c| &c.specialties)}
            {select("guideline", "Guideline", Filter::Guideline, |c| &c.guidelines)}
            {input("from", "Decided from", "date", Filter::From)}
            {input("to", "Decided to", "date", Filter::To)}
            <Show when=move || filters.with(|f| !f.is_empty())>
                <button type="button" data-testid="filter-clear" on:click=move |_| filters.set(Filters::default())>"Clear filters"</button>
            </Show>
        </fieldset>
    }
}
