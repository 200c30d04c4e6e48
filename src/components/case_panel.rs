use super::{SourceLink, TextValue};
use crate::present::medication_status_label;
use imr_core::{Patient, Spanned};
use leptos::prelude::*;

/// What the clinical case summary says beyond age and sex: the injury, body
/// parts, medications in detail, studies, treatments to date, work status and
/// pain — each value linked to its text.
#[component]
pub fn CasePanel(patient: Patient) -> impl IntoView {
    let none = || view! { <span class="missing">"None found"</span> }.into_any();
    let list = |items: Vec<AnyView>| {
        if items.is_empty() {
            none()
        } else {
            view! { <ul class="plain-list">{items}</ul> }.into_any()
        }
    };
    let linked = |items: Vec<Spanned<String>>| {
        list(
            items
                .into_iter()
                .map(|v| {
                    view! { <li><SourceLink span=v.span>{v.value}</SourceLink></li> }.into_any()
                })
                .collect(),
        )
    };
    let body_parts = list(
        patient
            .body_parts
            .into_iter()
            .map(|b| {
                let label = b.label();
                view! { <li><SourceLink span=b.span>{label}</SourceLink></li> }.into_any()
            })
            .collect(),
    );
    let medications = list(
        patient
            .medications
            .into_iter()
            .map(|m| {
                let details: Vec<AnyView> = [m.strength, m.quantity, m.frequency, m.route]
                    .into_iter()
                    .flatten()
                    .map(|d| view! { " " <SourceLink span=d.span>{d.value}</SourceLink> }.into_any())
                    .collect();
                let generic = m.generic.map(|g| view! { " (" {g} ")" });
                view! {
                    <li>
                        <SourceLink span=m.name.span>{m.name.value}</SourceLink>
                        {generic}
                        {details}
                        " " <span class="med-status">"(" {medication_status_label(m.status)} ")"</span>
                    </li>
                }
                .into_any()
            })
            .collect(),
    );
    let studies = list(
        patient
            .studies
            .into_iter()
            .map(|s| {
                let date = s.date.map(
                    |d| view! { " " <SourceLink span=d.span>{d.value.to_string()}</SourceLink> },
                );
                let findings = s
                    .findings
                    .map(|f| view! { ": " <SourceLink span=f.span>{f.value}</SourceLink> });
                view! { <li><strong>{s.kind}</strong>{date}{findings}</li> }.into_any()
            })
            .collect(),
    );
    let treatments = list(
        patient
            .treatments
            .into_iter()
            .map(|t| view! { <li><SourceLink span=t.text.span>{t.text.value}</SourceLink>" (" {t.category.label()} ")"</li> }.into_any())
            .collect(),
    );
    let doubtful = (!patient.doubtful_dates.is_empty()).then(|| {
        let dates = linked(patient.doubtful_dates);
        view! { <div data-testid="doubtful-dates" class="wide"><dt>"Dates that are not valid or not whole (not guessed)"</dt><dd>{dates}</dd></div> }
    });
    view! {
        <section class="card panel" aria-labelledby="case-h" data-testid="case">
            <h3 id="case-h">"Case summary"</h3>
            <dl class="fields">
                <div data-testid="occupation"><dt>"Occupation"</dt><dd><TextValue value=patient.occupation/></dd></div>
                <div data-testid="mechanism"><dt>"How the injury happened"</dt><dd><TextValue value=patient.mechanism/></dd></div>
                <div data-testid="body-parts" class="wide"><dt>"Body parts"</dt><dd>{body_parts}</dd></div>
                <div data-testid="medication-details" class="wide"><dt>"Medications"</dt><dd>{medications}</dd></div>
                <div data-testid="studies" class="wide"><dt>"Studies"</dt><dd>{studies}</dd></div>
                <div data-testid="treatments" class="wide"><dt>"Treatments to date"</dt><dd>{treatments}</dd></div>
                <div data-testid="work-status"><dt>"Work status"</dt><dd><TextValue value=patient.work_status/></dd></div>
                <div data-testid="pain-scores"><dt>"Pain ratings"</dt><dd>{linked(patient.pain_scores)}</dd></div>
                {doubtful}
            </dl>
        </section>
    }
}
