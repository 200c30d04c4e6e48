//! California DMHC (health plan) IMR findings: "Nature of Statutory
//! Criteria/Case Summary:", "Findings: The physician reviewer found that ...",
//! "Final Result(s):", "N of M reviewers determined ...",
//! "Credentials/Qualifications:"; the outcome is "Upheld / Overturned Decision
//! of Health Plan" and the review has a type (medical necessity,
//! experimental/investigational, urgent care).

use super::{finish, Detection, Guidelines, Markers, Sections};
use crate::decisions::Parts;
use crate::normalize::Document;
use crate::text::{captures, clean};
use crate::{reviewer, summary, CaseHeader, Determination, Format, Outcome, Spanned, Votes};
use regex::Regex;
use std::sync::LazyLock;

const SUMMARY: &str = "Nature of Statutory Criteria/Case Summary:";
const FINDINGS: &str = "Findings:";
const FINAL_RESULT: &str = "Final Result";
const CREDENTIALS: &str = "Credentials/Qualifications:";

static OUTCOME: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)\b(?P<word>upheld|overturned)\s+Decision\s+of\s+(?:the\s+)?Health\s+Plan|denial\s+(?:of\s+coverage\s+)?should\s+be\s+(?P<verb>upheld|overturned)")
        .expect("DMHC outcome")
});
static VOTES: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(
        r"(?i)\b(?P<agree>\d{1,2})\s+of\s+(?P<total>\d{1,2})\s+(?:physician\s+)?reviewers\b",
    )
    .expect("votes")
});
static TYPE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?im)^(?:Review\s+)?Type\s*:\s*(?P<kind>Medical\s+Necessity|Experimental\s*/\s*Investigational|Urgent\s+Care)\b")
        .expect("review type")
});
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)Reference\s+(?:ID|No\.?|Number)\s*:\s*(?P<id>[A-Z]{2}\d{2}-\d{4,8})")
        .expect("reference")
});
/// "An enrollee has requested authorization for X for treatment of ..." / "... reimbursement for X."
static REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?is)requested\s+(?:authorization|reimbursement|coverage)\s+(?:for|of)\s+(?:the\s+)?(?P<treatment>.+?)(?:\s+(?:for\s+(?:the\s+)?treatment\s+of|to\s+treat|for\s+(?:his|her|their)\b)|\.)")
        .expect("request")
});

/// The phrases this layout is recognized by; the first and last are its own.
pub const MARKERS: [&str; 7] = [
    SUMMARY,
    FINDINGS,
    FINAL_RESULT,
    CREDENTIALS,
    "physician reviewer",
    "reviewers determined",
    "Decision of Health Plan",
];

pub fn detect(markers: &Markers) -> Detection {
    let own = markers.has(SUMMARY) || markers.has("Decision of Health Plan");
    let confidence = if own {
        markers.count(&MARKERS) as f32 / MARKERS.len() as f32
    } else {
        0.0
    };
    Detection {
        format: Format::DmhcImr,
        confidence,
    }
}

pub fn extract(doc: &Document, format: Format) -> Determination {
    let text = &doc.text;
    let end = text.len();
    let sections = Sections::new(
        [SUMMARY, FINDINGS, FINAL_RESULT, CREDENTIALS]
            .iter()
            .map(|l| Sections::find(text, l))
            .collect(),
        end,
    );
    let first_label = sections.first();
    let case = CaseHeader {
        case_number: captures(&REFERENCE, text, 0, end)
            .and_then(|g| g[1])
            .map(|(s, e)| Spanned::new(text[s..e].to_string(), doc.span(s, e))),
        ..CaseHeader::default()
    };
    let review_type = captures(&TYPE, text, 0, end)
        .and_then(|g| g[1])
        .and_then(|(s, e)| clean(doc, s, e));
    let (summary_from, summary_to) = sections.part(0).unwrap_or((0, first_label));
    let (patient, timeline) = summary::read(doc, summary_from, summary_to);
    let reviewer = sections
        .part(3)
        .map(|(s, e)| reviewer::parse(doc, s, e))
        .unwrap_or_default();

    let treatment = captures(&REQUEST, text, summary_from, summary_to)
        .and_then(|g| g[1])
        .and_then(|(s, e)| clean(doc, s, e));
    let outcome = captures(&OUTCOME, text, 0, end).and_then(|g| {
        let (s, e) = g[1].or(g[2])?;
        Some(Spanned::new(
            Outcome::from_word(&text[s..e]),
            doc.span(s, e),
        ))
    });
    let votes = captures(&VOTES, text, 0, end).and_then(|g| {
        let (all, agree, total) = (g[0]?, g[1]?, g[2]?);
        let number = |(s, e): (usize, usize)| text[s..e].parse::<u32>().ok();
        let votes = Votes {
            agreeing: number(agree)?,
            total: number(total)?,
        };
        Some(Spanned::new(votes, doc.span(all.0, all.1)))
    });
    let decisions = match (treatment, outcome) {
        (Some(treatment), Some(outcome)) => {
            let parts = Parts {
                claims_administrator_guideline: None,
                reviewer_guideline: None,
                rationale: sections.part(1).and_then(|(s, e)| clean(doc, s, e)),
            };
            let mut decision = parts.into_decision(doc, treatment, outcome, None, summary_from);
            decision.votes = votes;
            vec![decision]
        }
        _ => Vec::new(),
    };
    let det = Determination {
        format,
        case,
        reviewer,
        patient,
        decisions,
        review_type,
        timeline,
        ..Determination::default()
    };
    let required = [(SUMMARY, 0), (FINDINGS, 1), (CREDENTIALS, 3)]
        .map(|(name, i)| (name, sections.start(i).is_some()));
    finish(doc, det, &required, Guidelines::None)
}
