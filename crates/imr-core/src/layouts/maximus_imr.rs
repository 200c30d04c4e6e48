//! The MAXIMUS "Independent Medical Review" layout with "DOCUMENTS REVIEWED"
//! and "IMR DECISION(S) AND RATIONALE(S)": the header table and item headings
//! of the Final Determination, plus a list of the documents the reviewer read.

use super::{finish, Detection, Guidelines, Markers, Sections};
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
    // Without its own two headings this is some other layout.
    let own = markers.has(DOCUMENTS) || markers.has(DECISIONS);
    let confidence = if own {
        markers.count(&MARKERS) as f32 / MARKERS.len() as f32
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
    // Headings, not labels: each part starts at its heading.
    let sections = Sections::new(
        [documents_at, credentials_at, summary_at, decisions_at]
            .map(|at| at.map(|a| (a, a)))
            .to_vec(),
        end,
    );
    let first_heading = sections.first();

    let case = header::parse(doc, 0, first_heading);
    let documents_reviewed = documents_at
        .and(sections.part(0))
        .map(|(from, to)| documents::parse(doc, from + DOCUMENTS.len(), to))
        .unwrap_or_default();
    let reviewer = credentials_at
        .and(sections.part(1))
        .map(|(from, to)| reviewer::parse(doc, from, to))
        .unwrap_or_default();
    let (patient, timeline) = summary_at
        .and(sections.part(2))
        .map(|(from, to)| summary::read(doc, from, to))
        .unwrap_or_default();
    let decisions = match decisions_at {
        Some(at) => {
            let first_line = doc.lines.partition_point(|l| l.start <= at);
            decisions::parse(doc, &doc.lines[first_line..], end)
        }
        None => Vec::new(),
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
    let required = [
        (DOCUMENTS, documents_at),
        (CASE_SUMMARY, summary_at),
        (DECISIONS, decisions_at),
    ]
    .map(|(name, at)| (name, at.is_some()));
    finish(doc, det, &required, Guidelines::Both)
}
