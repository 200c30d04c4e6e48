//! The DWC IMR Final Determination layout (MAXIMUS, 2014–2017): an optional
//! header table, "HOW THE IMR FINAL DETERMINATION WAS MADE" with the
//! reviewer's credentials, "CLINICAL CASE SUMMARY", and "IMR ISSUES,
//! DECISIONS AND RATIONALES" with one heading per disputed item.

use super::{content_diagnostics, ends_early, truncated, warn, Detection, Guidelines, Markers};
use crate::normalize::Document;
use crate::{decisions, header, reviewer, summary, Determination, Diagnostic, Format, Severity};

const HOW_MADE: &str = "HOW THE IMR FINAL DETERMINATION WAS MADE";
const CASE_SUMMARY: &str = "CLINICAL CASE SUMMARY";
const ISSUES: &str = "IMR ISSUES";

/// The text markers of this layout; the share found is the confidence.
pub const MARKERS: [&str; 8] = [
    "Case Number",
    HOW_MADE,
    "Expert Reviewer",
    CASE_SUMMARY,
    ISSUES,
    "Claims Administrator guideline",
    "guideline:",
    "Decision rationale",
];

pub fn detect(markers: &Markers) -> Detection {
    let has_header = markers.has(MARKERS[0]);
    let body_found = markers.count(&MARKERS[1..]);
    if has_header {
        Detection {
            format: Format::DwcFinalDetermination,
            confidence: (body_found + 1) as f32 / MARKERS.len() as f32,
        }
    } else {
        Detection {
            format: Format::DwcFinalDetermination2014,
            confidence: body_found as f32 / (MARKERS.len() - 1) as f32,
        }
    }
}

/// Byte offsets in the normalized text where each part starts.
struct Sections {
    how_made: Option<usize>,
    case_summary: Option<usize>,
    issues: Option<usize>,
}

pub fn extract(doc: &Document, format: Format) -> Determination {
    let text = &doc.text;
    let s = Sections {
        how_made: text.find(HOW_MADE),
        case_summary: text.find(CASE_SUMMARY),
        issues: text.find(ISSUES),
    };
    let end = text.len();
    let first_heading = [s.how_made, s.case_summary, s.issues]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(end);
    let summary_end = s.issues.unwrap_or(end);
    let mut diagnostics = Vec::new();

    let case = header::parse(doc, 0, first_heading);
    let reviewer = match s.how_made {
        Some(from) => reviewer::parse(
            doc,
            from,
            s.case_summary.or(s.issues).unwrap_or(end).max(from),
        ),
        None => reviewer::parse(doc, 0, first_heading),
    };
    let (patient, timeline) = match s.case_summary {
        // The summary's text starts after its heading.
        Some(heading) => {
            let from = heading + CASE_SUMMARY.len();
            summary::read(doc, from, summary_end.max(from))
        }
        None => summary::read(doc, 0, summary_end),
    };
    let issues_from = s.issues.or(s.case_summary).unwrap_or(0);
    let first_item_line = doc.lines.partition_point(|l| l.start <= issues_from);
    let decisions = decisions::parse(doc, &doc.lines[first_item_line..], end);

    let mut det = Determination {
        format,
        case,
        reviewer,
        patient,
        decisions,
        timeline,
        ..Determination::default()
    };
    if format == Format::DwcFinalDetermination {
        header_diagnostics(&det, &mut diagnostics);
    } else if det.case.date_of_injury.is_none() {
        // The 2014 layout has no header table: the prose is the only source.
        det.case.date_of_injury = det.patient.date_of_injury.clone();
    }
    body_diagnostics(doc, &det, &s, &mut diagnostics);
    det.diagnostics = diagnostics;
    det
}

fn header_diagnostics(det: &Determination, out: &mut Vec<Diagnostic>) {
    let c = &det.case;
    let fields = [
        ("case number", c.case_number.is_some()),
        ("date assigned", c.date_assigned.is_some()),
        ("decision date", c.decision_date.is_some()),
        ("priority", c.priority.is_some()),
        ("date of injury", c.date_of_injury.is_some()),
        ("UR denial date", c.ur_denial_date.is_some()),
        (
            "application received date",
            c.application_received.is_some(),
        ),
    ];
    for (name, present) in fields {
        if !present {
            out.push(warn(
                "missing_field",
                format!("No {name} was found in the case header."),
                None,
            ));
        }
    }
    if let (Some(table), Some(prose)) = (&c.date_of_injury, &det.patient.date_of_injury) {
        if table.value != prose.value {
            out.push(Diagnostic {
                severity: Severity::Info,
                code: "date_of_injury_differs".into(),
                message: format!(
                    "The case summary gives the date of injury as {}, the header as {}.",
                    prose.value, table.value
                ),
                span: Some(prose.span),
            });
        }
    }
}

fn body_diagnostics(doc: &Document, det: &Determination, s: &Sections, out: &mut Vec<Diagnostic>) {
    let missing_heading = |name: &str| {
        warn(
            "missing_section",
            format!("The heading \"{name}\" was not found."),
            None,
        )
    };
    if s.how_made.is_none() {
        out.push(missing_heading(HOW_MADE));
    }
    if s.case_summary.is_none() {
        out.push(missing_heading(CASE_SUMMARY));
    }
    if s.issues.is_none() {
        out.push(missing_heading("IMR ISSUES, DECISIONS AND RATIONALES"));
    }
    let reason = if s.issues.is_none() && (s.how_made.is_some() || s.case_summary.is_some()) {
        Some("the decisions section never starts.".to_string())
    } else {
        ends_early(doc, det)
    };
    out.extend(reason.map(|reason| truncated(doc, reason)));
    content_diagnostics(det, Guidelines::Both, out);
}
