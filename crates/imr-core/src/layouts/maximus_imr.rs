//! The MAXIMUS "Independent Medical Review" layout with "DOCUMENTS REVIEWED"
//! and "IMR DECISION(S) AND RATIONALE(S)": the header table and item headings
//! of the Final Determination, plus a list of the documents the reviewer read.

use super::{content_diagnostics, ends_early, truncated, warn, Detection, Guidelines, Markers};
use crate::normalize::Document;
use crate::{decisions, documents, header, reviewer, summary, Determination, Format};

const DOCUMENTS: &str = "DOCUMENTS REVIEWED";
const CASE_SUMMARY: &str = "CASE SUMMARY";
const DECISIONS: &str = "IMR DECISION(S) AND RATIONALE(S)";
const CREDENTIALS: &str = "credentials:";

pub const MARKERS: [&str; 7] = [
    "MAXIMUS FEDERAL SERVICES",
    "Independent Medical Review",
    DOCUMENTS,
    DECISIONS,
    "Case Number",
    "guideline:",
    "Decision rationale",
];

pub fn detect(markers: &Markers) -> Detection {
    let found = markers.count(&MARKERS);
    // Without its own two headings this is some other layout.
    let own = markers.has(DOCUMENTS) || markers.has(DECISIONS);
    let confidence = if own {
        found as f32 / MARKERS.len() as f32
    } else {
        0.0
    };
    Detection {
        format: Format::MaximusImr,
        confidence,
    }
}

pub fn extract(doc: &Document, format: Format) -> Determination {
    let text = &doc.text;
    let end = text.len();
    let documents_at = text.find(DOCUMENTS);
    let credentials_at = text.find(CREDENTIALS);
    // "CLINICAL CASE SUMMARY" or a plain "CASE SUMMARY".
    let summary_at = text
        .find("CLINICAL CASE SUMMARY")
        .or_else(|| text.find(CASE_SUMMARY));
    let decisions_at = text.find(DECISIONS);
    let headings = [documents_at, credentials_at, summary_at, decisions_at];
    // Each part runs to the next heading after it.
    let part_end = |from: usize| {
        headings
            .iter()
            .flatten()
            .copied()
            .filter(|&h| h > from)
            .min()
            .unwrap_or(end)
    };
    let first_heading = headings.iter().flatten().copied().min().unwrap_or(end);

    let case = header::parse(doc, 0, first_heading);
    let documents_reviewed = documents_at
        .map(|at| documents::parse(doc, at + DOCUMENTS.len(), part_end(at)))
        .unwrap_or_default();
    let reviewer = credentials_at
        .map(|at| reviewer::parse(doc, at, part_end(at)))
        .unwrap_or_default();
    let (patient, timeline) = summary_at
        .map(|at| summary::read(doc, at, part_end(at)))
        .unwrap_or_default();
    let decisions = match decisions_at {
        Some(at) => {
            let first_line = doc.lines.partition_point(|l| l.start <= at);
            decisions::parse(doc, &doc.lines[first_line..], end)
        }
        None => Vec::new(),
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
    for (name, at) in [
        (DOCUMENTS, documents_at),
        (CASE_SUMMARY, summary_at),
        (DECISIONS, decisions_at),
    ] {
        if at.is_none() {
            diagnostics.push(warn(
                "missing_section",
                format!("The heading \"{name}\" was not found."),
                None,
            ));
        }
    }
    diagnostics.extend(ends_early(doc, &det).map(|reason| truncated(doc, reason)));
    content_diagnostics(&det, Guidelines::Both, &mut diagnostics);
    det.diagnostics = diagnostics;
    det
}
