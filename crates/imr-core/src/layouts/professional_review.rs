//! The "MEDICAL PROFESSIONAL REVIEW" layout: one issue at dispute, a case
//! summary, the documents reviewed, the guidelines relied upon and why, the
//! rationale, and the reviewer's qualifications, each under a capitalized label.

use super::{finish, Detection, Guidelines, Markers, Sections};
use crate::decisions::Parts;
use crate::normalize::Document;
use crate::text::clean;
use crate::{
    documents, guideline, header, reviewer, summary, Determination, Format, Outcome, Spanned,
};
use regex::Regex;
use std::sync::LazyLock;

const TITLE: &str = "MEDICAL PROFESSIONAL REVIEW";
const ISSUE: &str = "ISSUE AT DISPUTE:";
const SUMMARY: &str = "CASE SUMMARY:";
const DOCUMENTS: &str = "DOCUMENTS REVIEWED FOR DETERMINATION:";
const GUIDELINES: &str =
    "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:";
const QUALIFICATIONS: &str = "MEDICAL REVIEWER QUALIFICATIONS:";

/// "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY
/// NECESSARY:" — the label itself says which way the decision went.
static RATIONALE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"RATIONALE\s+FOR\s+WHY\s+THE\s+REQUESTED\s+TREATMENT/SERVICE\s+IS/WAS\s+(?P<not>NOT\s+)?MEDICALLY\s+NECESSARY:")
        .expect("rationale label")
});
/// An explicit decision line, which wins over the rationale label.
static DECISION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(
        r"(?im)^(?:DETERMINATION|DECISION|OUTCOME)\s*:\s*(?P<word>upheld|overturned)\b",
    )
    .expect("decision line")
});

/// The phrases this layout is recognized by; the first two are its own.
pub const MARKERS: [&str; 7] = [
    TITLE,
    ISSUE,
    SUMMARY,
    DOCUMENTS,
    GUIDELINES,
    "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE",
    QUALIFICATIONS,
];

pub fn detect(markers: &Markers) -> Detection {
    let own = markers.has(TITLE) || markers.has(ISSUE);
    let confidence = if own {
        markers.count(&MARKERS) as f32 / MARKERS.len() as f32
    } else {
        0.0
    };
    Detection {
        format: Format::MedicalProfessionalReview,
        confidence,
    }
}

pub fn extract(doc: &Document, format: Format) -> Determination {
    let text = &doc.text;
    let end = text.len();
    let rationale = RATIONALE
        .captures(text)
        .and_then(|c| Some((c.get(0)?, c.name("not").is_some())));
    let labels = vec![
        Sections::find(text, ISSUE),
        Sections::find(text, SUMMARY),
        Sections::find(text, DOCUMENTS),
        Sections::find(text, GUIDELINES),
        rationale.map(|(m, _)| (m.start(), m.end())),
        Sections::find(text, QUALIFICATIONS),
    ];
    let sections = Sections::new(labels, end);
    let part = |i: usize| sections.part(i);
    let first_label = sections.first();

    let case = header::parse(doc, 0, first_label);
    let (patient, timeline) = part(1)
        .map(|(s, e)| summary::read(doc, s, e))
        .unwrap_or_default();
    let documents_reviewed = part(2)
        .map(|(s, e)| documents::parse(doc, s, e))
        .unwrap_or_default();
    let reviewer = part(5)
        .map(|(s, e)| reviewer::parse(doc, s, e))
        .unwrap_or_default();

    let treatment = part(0).and_then(|(s, e)| clean(doc, s, e));
    let outcome = decision_outcome(doc).or_else(|| {
        rationale.map(|(m, not)| {
            let outcome = if not {
                Outcome::Upheld
            } else {
                Outcome::Overturned
            };
            Spanned::new(outcome, doc.span(m.start(), m.end()))
        })
    });
    let decisions = match (treatment, outcome) {
        (Some(treatment), Some(outcome)) => {
            let parts = Parts {
                claims_administrator_guideline: None,
                reviewer_guideline: part(3).and_then(|(s, e)| guideline::parse(doc, s, e)),
                rationale: part(4).and_then(|(s, e)| clean(doc, s, e)),
            };
            let from = sections.start(0).unwrap_or(0);
            vec![parts.into_decision(doc, treatment, outcome, None, from)]
        }
        _ => Vec::new(),
    };
    let det = Determination {
        format,
        case,
        reviewer,
        patient,
        decisions,
        documents_reviewed,
        timeline,
        ..Determination::default()
    };
    let required = [(ISSUE, 0), (SUMMARY, 1), (QUALIFICATIONS, 5)]
        .map(|(name, i)| (name, sections.start(i).is_some()));
    finish(doc, det, &required, Guidelines::ReviewerOnly)
}

fn decision_outcome(doc: &Document) -> Option<Spanned<Outcome>> {
    let c = DECISION_LINE.captures(&doc.text)?;
    let word = c.name("word")?;
    Some(Spanned::new(
        Outcome::from_word(word.as_str()),
        doc.span(word.start(), word.end()),
    ))
}
