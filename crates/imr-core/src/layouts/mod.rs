//! Layout detection: every known layout scores the text, the most confident
//! one extracts. Adding a layout means adding one module and one entry to
//! [`LAYOUTS`].

mod dwc_final;
mod dwc_notice_2013;

use crate::normalize::Document;
use crate::{CaseHeader, Determination, Diagnostic, Format, Patient, Reviewer, Severity, Span};

/// A letter layout: how sure it is that `doc` is one of its letters
/// (0 = not at all, 1 = every marker present), and its extractor.
struct Layout {
    detect: fn(&Document) -> Detection,
    extract: fn(&Document, Format) -> Determination,
}

/// What a layout's detector found.
pub struct Detection {
    pub format: Format,
    pub confidence: f32,
}

const LAYOUTS: &[Layout] = &[
    Layout {
        detect: dwc_final::detect,
        extract: dwc_final::extract,
    },
    Layout {
        detect: dwc_notice_2013::detect,
        extract: dwc_notice_2013::extract,
    },
];

/// Below this confidence the text is reported as not a determination.
const MIN_CONFIDENCE: f32 = 0.25;

pub fn parse(doc: &Document) -> Determination {
    let best = LAYOUTS
        .iter()
        .map(|layout| (layout, (layout.detect)(doc)))
        .max_by(|a, b| a.1.confidence.total_cmp(&b.1.confidence));
    let mut det = match best {
        Some((layout, found)) if found.confidence >= MIN_CONFIDENCE => {
            let mut det = (layout.extract)(doc, found.format);
            det.format_confidence = found.confidence;
            det.diagnostics.insert(
                0,
                Diagnostic {
                    severity: Severity::Info,
                    code: "format_detected".into(),
                    message: format!(
                        "Recognized as a {} ({:.0}% of its markers found).",
                        found.format.describe(),
                        found.confidence * 100.0
                    ),
                    span: None,
                },
            );
            det
        }
        _ => unknown(doc),
    };
    det.diagnostics
        .sort_by_key(|d| d.span.map_or(0, |s| s.start));
    det
}

fn unknown(doc: &Document) -> Determination {
    let message = if doc.lines.is_empty() {
        "The text is empty. Paste the text of an IMR Final Determination letter.".to_string()
    } else {
        "This does not look like an IMR determination: none of its headings were found (expected \
         \"HOW THE IMR FINAL DETERMINATION WAS MADE\", \"CLINICAL CASE SUMMARY\", \"IMR ISSUES, \
         DECISIONS AND RATIONALES\", or the case header table with \"Case Number:\")."
            .to_string()
    };
    Determination {
        format: Format::Unknown,
        format_confidence: 0.0,
        case: CaseHeader::default(),
        reviewer: Reviewer::default(),
        patient: Patient::default(),
        decisions: Vec::new(),
        diagnostics: vec![Diagnostic {
            severity: Severity::Error,
            code: if doc.lines.is_empty() {
                "empty"
            } else {
                "not_a_determination"
            }
            .into(),
            message,
            span: None,
        }],
    }
}

fn warn(code: &str, message: String, span: Option<Span>) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        code: code.into(),
        message,
        span,
    }
}

/// What every layout reports the same way: missing reviewer, patient,
/// decisions, or parts of a decision.
fn content_diagnostics(det: &Determination, out: &mut Vec<Diagnostic>) {
    if det.reviewer.licensure.is_empty() && det.reviewer.specialty.is_empty() {
        out.push(warn(
            "missing_field",
            "The reviewer's licensure and specialty were not found.".into(),
            None,
        ));
    }
    if det.patient.age.is_none() || det.patient.sex.is_none() {
        out.push(warn(
            "missing_field",
            "The patient's age or sex was not found in the case summary.".into(),
            None,
        ));
    }
    if det.decisions.is_empty() {
        out.push(warn(
            "no_decisions",
            "No disputed item was found (expected a heading such as \"MRI of the lumbar spine: Upheld\").".into(),
            None,
        ));
    }
    for (i, d) in det.decisions.iter().enumerate() {
        let parts = [
            (
                "claims administrator guideline",
                d.claims_administrator_guideline.is_some(),
            ),
            ("reviewer guideline", d.reviewer_guideline.is_some()),
            ("decision rationale", d.rationale.is_some()),
        ];
        for (name, present) in parts {
            if !present {
                out.push(warn(
                    "missing_field",
                    format!("Item {} (\"{}\") has no {name}.", i + 1, d.treatment.value),
                    Some(d.treatment.span),
                ));
            }
        }
    }
}

/// Why the letter looks cut off, if it does: its last item has no rationale,
/// or its last line stops mid-sentence.
fn ends_early(doc: &Document, det: &Determination) -> Option<String> {
    if let Some(last) = det.decisions.last() {
        if last.rationale.is_none() {
            return Some(format!(
                "the last item (\"{}\") has no rationale.",
                last.treatment.value
            ));
        }
    }
    let last_line = doc.lines.last().map(|l| doc.line_text(l)).unwrap_or("");
    let ends_cleanly = last_line.ends_with(['.', ')', '"', '\'', '!', '?', ']']);
    (!ends_cleanly).then(|| {
        format!(
            "the last line (\"{}\") stops mid-sentence.",
            tail(last_line)
        )
    })
}

/// The "truncated" diagnostic, pointing at the end of the text.
fn truncated(doc: &Document, reason: String) -> Diagnostic {
    let end = doc.original.len();
    warn(
        "truncated",
        format!("The text seems to end early: {reason}"),
        Some(Span::new(end, end)),
    )
}

/// The last 60 bytes or so of a line, cut on a char boundary.
fn tail(line: &str) -> &str {
    let mut start = line.len().saturating_sub(60);
    while !line.is_char_boundary(start) {
        start += 1;
    }
    &line[start..]
}
