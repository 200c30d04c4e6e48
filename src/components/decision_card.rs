use super::{GuidelineView, OutcomeBadge, SourceLink, TextValue};
use imr_core::Decision;
use leptos::prelude::*;

/// One disputed item: treatment, outcome, the modified-request story, both
/// sides' guidelines and the (collapsible) rationale.
#[component]
pub fn DecisionCard(index: usize, decision: Decision) -> impl IntoView {
    let heading_id = format!("decision-{index}-h");
    let outcome_id = decision.outcome.value.as_str().to_string();
    let modification = decision.modification.map(|m| {
        view! {
            <dl class="fields modification" data-testid="modification">
                <div><dt>"Original request"</dt><dd><TextValue value=m.original_request/></dd></div>
                <div><dt>"Authorized by the claims administrator"</dt><dd><TextValue value=m.authorized/></dd></div>
                <div><dt>"Still in dispute"</dt><dd><TextValue value=m.disputed/></dd></div>
            </dl>
        }
    });
    let modified_note = (decision.modified_request && modification.is_none()).then(|| {
        view! { <p class="note">"The claims administrator authorized part of this request."</p> }
    });
    let rationale = match decision.rationale {
        Some(r) => view! {
            <details class="rationale" data-testid="rationale">
                <summary>"Rationale"</summary>
                <p>{r.value}</p>
                <SourceLink span=r.span>"Show in letter"</SourceLink>
            </details>
        }
        .into_any(),
        None => view! { <p class="missing">"No rationale found."</p> }.into_any(),
    };
    view! {
        <article class="decision card" data-testid="decision" aria-labelledby=heading_id.clone()>
            <header class="decision-head">
                <h4 id=heading_id.clone()>
                    <span class="item-no">"Item "{index + 1}": "</span>
                    <span data-testid="treatment">
                        <SourceLink span=decision.treatment.span>{decision.treatment.value}</SourceLink>
                    </span>
                </h4>
                <span data-testid="outcome" data-outcome=outcome_id>
                    <SourceLink span=decision.outcome.span>
                        <OutcomeBadge outcome=decision.outcome.value/>
                    </SourceLink>
                </span>
            </header>
            {modification}
            {modified_note}
            <div class="guidelines">
                <GuidelineView title="Claims administrator's basis" guideline=decision.claims_administrator_guideline testid="ca-guideline"/>
                <GuidelineView title="Reviewer's basis (MAXIMUS)" guideline=decision.reviewer_guideline testid="reviewer-guideline"/>
            </div>
            {rationale}
        </article>
    }
}
