use super::SourceLink;
use crate::present::{mtus_label, source_label};
use imr_core::Guideline;
use leptos::prelude::*;

/// One side's guideline basis: MTUS or not, the named guidelines, the text.
#[component]
pub fn GuidelineView(
    title: &'static str,
    guideline: Option<Guideline>,
    testid: &'static str,
) -> impl IntoView {
    let body = match guideline {
        None => view! { <p class="missing">"Not stated"</p> }.into_any(),
        Some(g) => {
            let mtus_class = match g.mtus {
                Some(true) => "tag mtus",
                Some(false) => "tag non-mtus",
                None => "tag",
            };
            let no_evidence = g
                .no_evidence_cited
                .then(|| view! { <span class="tag">"No medical evidence cited"</span> });
            let citations = (!g.citations.is_empty()).then(|| {
                let items = g
                    .citations
                    .into_iter()
                    .map(|c| {
                        let details: Vec<String> = [
                            (!c.sections.is_empty()).then(|| format!("Section(s): {}", c.sections.join(", "))),
                            (!c.pages.is_empty()).then(|| format!("Page(s): {}", c.pages.join(", "))),
                        ]
                        .into_iter()
                        .flatten()
                        .collect();
                        view! {
                            <li data-testid="citation">
                                <span class="family">{source_label(c.source)}</span>" "
                                <SourceLink span=c.name.span>{c.name.value}</SourceLink>
                                {(!details.is_empty()).then(|| view! { <span class="details">{details.join("; ")}</span> })}
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="citations" aria-label="Guidelines cited">{items}</ul> }
            });
            view! {
                <p class="tags"><span class=mtus_class data-testid="mtus">{mtus_label(g.mtus)}</span>{no_evidence}</p>
                {citations}
                <blockquote class="quote" data-testid="guideline-text">{g.text.value}</blockquote>
                <SourceLink span=g.text.span>"Show in letter"</SourceLink>
            }
            .into_any()
        }
    };
    view! {
        <div class="guideline" data-testid=testid>
            <h5>{title}</h5>
            {body}
        </div>
    }
}
