use super::{DateValue, OutcomeBadge, TextValue};
use crate::present::{count, long_date};
use imr_core::{Determination, Outcome};
use leptos::prelude::*;

/// The letter at a glance: format, case, dates, outcomes and the appeal window.
#[component]
pub fn Overview(det: Determination) -> impl IntoView {
    let upheld = det.count_outcome(&Outcome::Upheld);
    let overturned = det.count_outcome(&Outcome::Overturned);
    let other = det.decisions.len() - upheld - overturned;
    let other_badge = (other > 0)
        .then(|| view! { <OutcomeBadge outcome=Outcome::Other("other".into()) count=other/> });
    let days = match det.days_to_decision() {
        Some(days) => count(days, "day"),
        None => "Not known (needs both dates)".into(),
    };
    let appeal = match det.appeal_deadline_estimate() {
        Some(deadline) => view! {
            <strong>"About "<time datetime=deadline.to_string()>{long_date(deadline)}</time></strong>
            " (estimate: 30 days after the decision date). "
        }
        .into_any(),
        None => view! { "Cannot estimate: the decision date was not found. " }.into_any(),
    };
    let c = det.case;
    view! {
        <section class="overview card" aria-labelledby="overview-h" data-testid="overview">
            <h3 id="overview-h">"At a glance"</h3>
            <dl class="fields">
                <div data-testid="format"><dt>"Format"</dt><dd>{det.format.describe()}</dd></div>
                <div data-testid="case-number"><dt>"Case number"</dt><dd><TextValue value=c.case_number/></dd></div>
                <div data-testid="decision-date"><dt>"Decision date"</dt><dd><DateValue value=c.decision_date/></dd></div>
                <div data-testid="date-of-injury"><dt>"Date of injury"</dt><dd><DateValue value=c.date_of_injury.or(det.patient.date_of_injury)/></dd></div>
                <div data-testid="date-assigned"><dt>"Assigned to reviewer"</dt><dd><DateValue value=c.date_assigned/></dd></div>
                <div data-testid="priority"><dt>"Priority"</dt><dd><TextValue value=c.priority/></dd></div>
                <div data-testid="outcomes" class="wide">
                    <dt>"Outcomes"</dt>
                    <dd class="badges">
                        <OutcomeBadge outcome=Outcome::Upheld count=upheld/>
                        <OutcomeBadge outcome=Outcome::Overturned count=overturned/>
                        {other_badge}
                    </dd>
                </div>
                <div data-testid="days-to-decision"><dt>"Assignment to decision"</dt><dd>{days}</dd></div>
                <div data-testid="appeal" class="wide">
                    <dt>"Appeal window"</dt>
                    <dd>
                        {appeal}
                        "A petition appealing the determination is due within 30 days of service "
                        "of the determination (California Labor Code \u{a7} 4610.6(h)); the real "
                        "deadline runs from the date of service."
                    </dd>
                </div>
            </dl>
        </section>
    }
}
