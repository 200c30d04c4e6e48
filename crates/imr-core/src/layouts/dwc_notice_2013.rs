//! The 2013 DWC "Notice of Independent Medical Review Determination" layout:
//! numbered items ("1) MAXIMUS Federal Services, Inc. has determined the
//! request for X is not medically necessary and appropriate."), the dates in
//! prose, "Medical Qualifications of the Expert Reviewer:" and "Case Summary:".

use super::{content_diagnostics, ends_early, truncated, Detection, Guidelines, Markers};
use crate::normalize::Document;
use crate::text::{clean, date_after};
use crate::{decisions, reviewer, summary, CaseHeader, Determination, Format, Outcome, Spanned};
use regex::Regex;
use std::sync::LazyLock;

pub const MARKERS: [&str; 6] = [
    "Notice of Independent Medical Review Determination",
    "has determined the request for",
    "medically necessary and appropriate",
    "Medical Qualifications of the Expert Reviewer",
    "Case Summary:",
    "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE",
];
const QUALIFICATIONS: &str = "Medical Qualifications of the Expert Reviewer";
const CASE_SUMMARY: &str = "Case Summary:";
const DECISION_SECTION: &str = "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE";

/// "1) MAXIMUS Federal Services, Inc. has determined the request for X is
/// [not] medically necessary and appropriate." The PDF often runs "not" and
/// "medically" together.
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(
        r"(?is)(?P<number>\d{1,2})\)\s*MAXIMUS\s*Federal\s*Services,?\s*Inc\.?,?\s*has\s*determined\s*the\s*request\s*for\s+(?:an?\s+)?(?P<treatment>.+?)\s+(?P<verdict>is\s*(?P<not>not)?\s*medically\s*necessary\s*and\s*appropriate)",
    )
    .expect("2013 item pattern")
});
static DATED: LazyLock<Regex> =
    LazyLock::new(|| crate::text::pattern(r"(?i)\bDated\s*:\s*").expect("dated"));
static FILED: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(
        r"(?i)application\s+for\s+Independent\s+Medical\s+Review\s+was\s+filed\s+on\s+",
    )
    .expect("filed")
});
static UR_DENIAL: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)Utilization\s+Review\s+(?:Denial|Modification|decision)\s+dated\s+")
        .expect("UR denial")
});
static ASSIGNED: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)Notice\s+of\s+Assignment\s+and\s+Request\s+for\s+Information\s+was\s+provided\s+to\s+the\s+above\s+parties\s+on\s+")
        .expect("assigned")
});
static CASE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| crate::text::pattern(r"\b[A-Z]{2}\d{2}-\d{5,8}\b").expect("case number"));
/// The per-item labels of the decision-and-rationale part.
static CA_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)(?:Medical\s+Treatment\s+Guideline|Section\s+of\s+the\s+Medical\s+Treatment\s+Utilization\s+Schedule|MTUS\s+section)[^:\n]{0,60}?(?:used|relied\s+upon|cited)\s+by\s+the\s+Claims\s+Administrator\s*:")
        .expect("2013 CA label")
});
static REVIEWER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)(?:Medical\s+Treatment\s+Guideline|Section\s+of\s+the\s+Medical\s+Treatment\s+Utilization\s+Schedule|MTUS\s+section)[^:\n]{0,60}?(?:used|relied\s+upon|cited)\s+by\s+the\s+Expert\s+Reviewer\s*:")
        .expect("2013 reviewer label")
});
static RATIONALE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)Rationale\s+for\s+the\s+Decision\s*:").expect("2013 rationale label")
});

pub fn detect(markers: &Markers) -> Detection {
    let found = markers.count(&MARKERS);
    Detection {
        format: Format::DwcNotice2013,
        confidence: found as f32 / MARKERS.len() as f32,
    }
}

pub fn extract(doc: &Document, format: Format) -> Determination {
    let text = &doc.text;
    let end = text.len();
    let qualifications = text.find(QUALIFICATIONS);
    let summary = text.find(CASE_SUMMARY);
    let first_section = [qualifications, summary]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(end);

    let case = CaseHeader {
        case_number: CASE_NUMBER
            .find(&text[..first_section])
            .map(|m| Spanned::new(m.as_str().to_string(), doc.span(m.start(), m.end()))),
        decision_date: date_after(&DATED, doc, 0, first_section),
        application_received: date_after(&FILED, doc, 0, first_section),
        ur_denial_date: date_after(&UR_DENIAL, doc, 0, first_section),
        date_assigned: date_after(&ASSIGNED, doc, 0, first_section),
        ..CaseHeader::default()
    };
    let reviewer = match qualifications {
        Some(from) => reviewer::parse(doc, from, summary.unwrap_or(end).max(from)),
        None => reviewer::parse(doc, 0, first_section),
    };
    let summary_from = summary.unwrap_or(first_section);
    let details_from = first_item_after(doc, summary_from).unwrap_or(end);
    let (patient, timeline) = summary::read(doc, summary_from, details_from.max(summary_from));

    let decisions = items(doc, details_from);
    let mut det = Determination {
        format,
        case,
        reviewer,
        patient,
        decisions,
        timeline,
        ..Determination::default()
    };
    det.case.date_of_injury = det.patient.date_of_injury.clone();
    let mut diagnostics = Vec::new();
    diagnostics.extend(ends_early(doc, &det).map(|reason| truncated(doc, reason)));
    content_diagnostics(&det, Guidelines::Both, &mut diagnostics);
    det.diagnostics = diagnostics;
    det
}

/// Where the per-item detail ("1) ..." after the case summary) begins.
fn first_item_after(doc: &Document, from: usize) -> Option<usize> {
    let line = doc.lines.partition_point(|l| l.start <= from);
    doc.lines[line..]
        .iter()
        .find(|l| starts_numbered(doc.line_text(l)))
        .map(|l| l.start)
}

fn starts_numbered(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits) && line[digits..].starts_with(')')
}

/// The numbered determinations, each once (the notice lists them twice: at
/// the top and again under the decision heading; the later copy wins), with
/// the guideline and rationale parts from the detail section when present.
fn items(doc: &Document, details_from: usize) -> Vec<crate::Decision> {
    let text = &doc.text;
    let listed_until = details_from.min(text.len());
    let list_from = text[..listed_until].find(DECISION_SECTION).unwrap_or(0);
    let blocks = detail_blocks(doc, details_from);
    let mut found: Vec<(u32, crate::Decision)> = Vec::new();
    for c in ITEM.captures_iter(&text[list_from..listed_until]) {
        let (Some(all), Some(number), Some(treatment), Some(verdict)) = (
            c.get(0),
            c.name("number"),
            c.name("treatment"),
            c.name("verdict"),
        ) else {
            continue;
        };
        let Some(treatment) = clean(
            doc,
            list_from + treatment.start(),
            list_from + treatment.end(),
        ) else {
            continue;
        };
        let number = item_number(number.as_str());
        // "not medically necessary": the denial stands.
        let outcome = if c.name("not").is_some() {
            Outcome::Upheld
        } else {
            Outcome::Overturned
        };
        let outcome = Spanned::new(
            outcome,
            doc.span(list_from + verdict.start(), list_from + verdict.end()),
        );
        let detail = blocks.iter().find(|b| b.0 == number).map(|b| (b.1, b.2));
        let labels = [&*CA_LABEL, &*REVIEWER_LABEL, &*RATIONALE_LABEL];
        let parts = match detail {
            Some((from, to)) => decisions::labelled_parts(doc, labels, from, to),
            None => decisions::labelled_parts(doc, labels, 0, 0),
        };
        let decision = parts.into_decision(doc, treatment, outcome, None, list_from + all.start());
        match found.iter_mut().find(|(n, _)| *n == number) {
            Some(slot) => slot.1 = decision,
            None => found.push((number, decision)),
        }
    }
    found.into_iter().map(|(_, d)| d).collect()
}

/// The detail block of each item number: from its first "N)" line after
/// `from` (the case summary) to the next numbered line or the end.
fn detail_blocks(doc: &Document, from: usize) -> Vec<(u32, usize, usize)> {
    let first = doc.lines.partition_point(|l| l.start < from);
    let numbered: Vec<(u32, usize)> = doc.lines[first..]
        .iter()
        .filter(|l| starts_numbered(doc.line_text(l)))
        .map(|l| (item_number(doc.line_text(l)), l.start))
        .collect();
    let mut blocks: Vec<(u32, usize, usize)> = Vec::new();
    for (i, &(number, start)) in numbered.iter().enumerate() {
        // Numbers are one or two digits, so this list stays short.
        if blocks.iter().any(|b| b.0 == number) {
            continue;
        }
        let end = numbered
            .get(i + 1)
            .map_or(doc.text.len(), |&(_, next)| next);
        blocks.push((number, start, end));
    }
    blocks
}

fn item_number(line: &str) -> u32 {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    line[..digits].parse().unwrap_or(0)
}
