use super::SourceLink;
use crate::present::{event_kind_label, medication_status_label};
use imr_core::{Patient, Span, Spanned, TimelineEvent};
use leptos::prelude::*;

/// What the clinical case summary says beyond age and sex: the injury, body
/// parts, medications in detail, studies, treatments to date, work status and
/// pain — each entry linked to its text. Every list is rendered by one
/// function from (span, label) pairs, which keeps the page's code small.
#[component]
pub fn CasePanel(patient: Patient, timeline: Vec<TimelineEvent>) -> impl IntoView {
    let body_parts = patient
        .body_parts
        .iter()
        .map(|b| (b.span, b.label()))
        .collect();
    let medications = patient
        .medications
        .iter()
        .map(|m| {
            let details = [&m.strength, &m.quantity, &m.frequency, &m.route]
                .into_iter()
                .flatten();
            let mut label = m.name.value.clone();
            for detail in details {
                label.push(' ');
                label.push_str(&detail.value);
            }
            if let Some(generic) = &m.generic {
                label.push_str(&format!(" ({generic})"));
            }
            label.push_str(&format!(" — {}", medication_status_label(m.status)));
            (m.name.span, label)
        })
        .collect();
    let studies = patient
        .studies
        .iter()
        .map(|s| {
            let date = s
                .date
                .as_ref()
                .map(|d| format!(" {}", d.value))
                .unwrap_or_default();
            let findings = s
                .findings
                .as_ref()
                .map(|f| format!(": {}", f.value))
                .unwrap_or_default();
            (s.text.span, format!("{}{date}{findings}", s.kind))
        })
        .collect();
    let treatments = patient
        .treatments
        .iter()
        .map(|t| {
            (
                t.text.span,
                format!("{} ({})", t.text.value, t.category.label()),
            )
        })
        .collect();
    let pain = patient
        .pain_scores
        .iter()
        .map(|p| (p.span, p.value.clone()))
        .collect();
    // The timeline: each dated event with its kind and the sentence telling it.
    let events = timeline
        .iter()
        .map(|e| {
            (
                e.date.span,
                format!(
                    "{} — {}: {}",
                    e.date.value,
                    event_kind_label(e.kind),
                    e.text.value
                ),
            )
        })
        .collect();
    view! {
        <section class="card panel" aria-labelledby="case-h" data-testid="case">
            <h3 id="case-h">"Case summary"</h3>
            <dl class="fields">
                <div data-testid="occupation"><dt>"Occupation"</dt><dd>{linked_list(one(patient.occupation), "plain-list")}</dd></div>
                <div data-testid="mechanism"><dt>"How the injury happened"</dt><dd>{linked_list(one(patient.mechanism), "plain-list")}</dd></div>
                <div data-testid="body-parts" class="wide"><dt>"Body parts"</dt><dd>{linked_list(body_parts, "plain-list")}</dd></div>
                <div data-testid="medication-details" class="wide"><dt>"Medications"</dt><dd>{linked_list(medications, "plain-list")}</dd></div>
                <div data-testid="studies" class="wide"><dt>"Studies"</dt><dd>{linked_list(studies, "plain-list")}</dd></div>
                <div data-testid="treatments" class="wide"><dt>"Treatments to date"</dt><dd>{linked_list(treatments, "plain-list")}</dd></div>
                <div data-testid="work-status"><dt>"Work status"</dt><dd>{linked_list(one(patient.work_status), "plain-list")}</dd></div>
                <div data-testid="pain-scores"><dt>"Pain ratings"</dt><dd>{linked_list(pain, "plain-list")}</dd></div>
            </dl>
            <h4 id="timeline-h">"Timeline"</h4>
            <div data-testid="timeline" aria-labelledby="timeline-h">{linked_list(events, "timeline")}</div>
        </section>
    }
}

fn one(value: Option<Spanned<String>>) -> Vec<(Span, String)> {
    value.map(|v| (v.span, v.value)).into_iter().collect()
}

/// A list of linked entries, or "None found".
fn linked_list(items: Vec<(Span, String)>, class: &'static str) -> AnyView {
    if items.is_empty() {
        return view! { <span class="missing">"None found"</span> }.into_any();
    }
    let items = items
        .into_iter()
        .map(|(span, label)| view! { <li><SourceLink span=span>{label}</SourceLink></li> })
        .collect_view();
    view! { <ul class=class>{items}</ul> }.into_any()
}
