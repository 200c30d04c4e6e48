//! The expert reviewer's credentials: the "State(s) of Licensure:" and
//! "Certification(s)/Specialty:" lines, or the 2014 sentence form
//! ("is Board Certified in Internal Medicine and is licensed to practice in California").

use crate::normalize::Document;
use crate::text::{captures, split_list};
use crate::Reviewer;
use regex::Regex;
use std::sync::LazyLock;

static LICENSURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)State\(?s?\)?\s*of\s*Licensure\s*:").expect("licensure pattern")
});
static SPECIALTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)Certification\(?s?\)?\s*/\s*Specialty\s*:").expect("specialty pattern")
});
/// Where a credential list ends: the next label or the next section heading.
static LIST_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)Certification\(?s?\)?\s*/\s*Specialty\s*:|State\(?s?\)?\s*of\s*Licensure|CLINICAL CASE SUMMARY|IMR ISSUES")
        .expect("list end pattern")
});
static SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:Board\s*Certified|certified)\s*in\s*(?P<specialty>[^.]+?)\s*,?\s*and\s*(?:is\s*)?licensed\s*to\s*practice\s*in\s*(?P<states>[^.]+?)\s*\.",
    )
    .expect("credential sentence pattern")
});

/// Reads the credentials in the normalized range `[start, end)`.
pub fn parse(doc: &Document, start: usize, end: usize) -> Reviewer {
    let region = &doc.text[start..end];
    let list_after = |label: &Regex| {
        let m = label.find(region)?;
        let from = start + m.end();
        let to = LIST_END
            .find(&doc.text[from..end])
            .map_or(end, |e| from + e.start());
        Some(split_list(doc, from, to, &[',', ';']))
    };
    let mut reviewer = Reviewer {
        licensure: list_after(&LICENSURE).unwrap_or_default(),
        specialty: list_after(&SPECIALTY).unwrap_or_default(),
    };
    if reviewer.licensure.is_empty() && reviewer.specialty.is_empty() {
        if let Some(groups) = captures(&SENTENCE, &doc.text, start, end) {
            let list = |g: Option<(usize, usize)>| {
                g.map(|(s, e)| split_list(doc, s, e, &[',', ';']))
                    .unwrap_or_default()
            };
            reviewer.specialty = list(groups[1]);
            reviewer.licensure = list(groups[2]);
        }
    }
    reviewer
}
