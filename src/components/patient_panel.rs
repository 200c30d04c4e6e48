use super::{DateValue, SourceLink};
use crate::present::sex_label;
use imr_core::{Date, Patient, Spanned};
use leptos::prelude::*;

/// The injured worker as the case summary describes them.
#[component]
pub fn PatientPanel(patient: Patient, date_of_injury: Option<Spanned<Date>>) -> impl IntoView {
    let missing = || view! { <span class="missing">"Not stated"</span> }.into_any();
    let age = match patient.age {
        Some(a) => view! { <SourceLink span=a.span>{a.value}</SourceLink> }.into_any(),
        None => missing(),
    };
    let sex = match patient.sex {
        Some(s) => view! { <SourceLink span=s.span>{sex_label(s.value)}</SourceLink> }.into_any(),
        None => missing(),
    };
    let list = |items: Vec<AnyView>| {
        if items.is_empty() {
            missing()
        } else {
            view! { <ul class="plain-list">{items}</ul> }.into_any()
        }
    };
    let diagnoses = list(
        patient
            .diagnoses
            .into_iter()
            .map(|d| view! { <li><SourceLink span=d.span>{d.value}</SourceLink></li> }.into_any())
            .collect(),
    );
    view! {
        <section class="card panel" aria-labelledby="patient-h" data-testid="patient">
            <h3 id="patient-h">"Patient"</h3>
            <dl class="fields">
                <div data-testid="age"><dt>"Age"</dt><dd>{age}</dd></div>
                <div data-testid="sex"><dt>"Sex"</dt><dd>{sex}</dd></div>
                <div data-testid="patient-doi"><dt>"Date of injury"</dt><dd><DateValue value=date_of_injury/></dd></div>
                <div data-testid="diagnoses" class="wide"><dt>"Diagnoses"</dt><dd>{diagnoses}</dd></div>
            </dl>
        </section>
    }
}
