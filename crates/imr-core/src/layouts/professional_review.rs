//! The "MEDICAL PROFESSIONAL REVIEW" layout: one issue at dispute, a case
//! summary, the documents reviewed, the guidelines relied upon and why, the
//! rationale, and the reviewer's qualifications, each under a capitalized label.

use super::{content_diagnostics, ends_early, truncated, warn, Detection, Guidelines, Markers};
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
    let label = |l: &str| text.find(l).map(|at| (at, at + l.len()));
    let rationale = RATIONALE
        .captures(text)
        .and_then(|c| Some((c.get(0)?, c.name("not").is_some())));
    let labels = [
        label(ISSUE),
        label(SUMMARY),
        label(DOCUMENTS),
        label(GUIDELINES),
        rationale.map(|(m, _)| (m.start(), m.end())),
        label(QUALIFICATIONS),
    ];
    // Each part runs from its label to the next label after it.
    let part = |i: usize| {
        labels[i].map(|(_, from)| {
            let to = labels
                .iter()
                .flatten()
                .map(|&(s, _)| s)
                .filter(|&s| s >= from)
                .min()
                .unwrap_or(end);
            (from, to)
        })
    };
    let first_label = labels
        .iter()
        .flatten()
        .map(|&(s, _)| s)
        .min()
        .unwrap_or(end);

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
            let from = labels[0].map_or(0, |(s, _)| s);
            vec![parts.into_decision(doc, treatment, outcome, None, from)]
        }
        _ => Vec::new(),
    };
    let mut det = Determination {
        format,
        case,
        reviewer,
        patient,
        decisions,
        documents_reviewed,
        timeline,
        ..Determination::empty()
    };
    let mut diagnostics = Vec::new();
    for (name, found) in [
        (ISSUE, labels[0]),
        (SUMMARY, labels[1]),
        (QUALIFICATIONS, labels[5]),
    ] {
        if found.is_none() {
            diagnostics.push(warn(
                "missing_section",
                format!("The heading \"{name}\" was not found."),
                None,
            ));
        }
    }
    diagnostics.extend(ends_early(doc, &det).map(|reason| truncated(doc, reason)));
    content_diagnostics(&det, Guidelines::ReviewerOnly, &mut diagnostics);
    det.diagnostics = diagnostics;
    det
}

fn decision_outcome(doc: &Document) -> Option<Spanned<Outcome>> {
    let c = DECISION_LINE.captures(&doc.text)?;
    let word = c.name("word")?;
    Some(Spanned::new(
        Outcome::from_word(word.as_str()),
        doc.span(word.start(), word.end()),
    ))
}
