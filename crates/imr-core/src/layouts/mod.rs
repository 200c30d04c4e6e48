//! Layout detection: every known layout scores the text, the most confident
//! one extracts. Adding a layout means adding one module and one entry to
//! [`LAYOUTS`].

mod dwc_final;

use crate::normalize::Document;
use crate::{CaseHeader, Determination, Diagnostic, Format, Patient, Reviewer, Severity};

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

const LAYOUTS: &[Layout] = &[Layout {
    detect: dwc_final::detect,
    extract: dwc_final::extract,
}];

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
