//! The expert reviewer's credentials: the "State(s) of Licensure:" and
//! "Certification(s)/Specialty:" lines, or the sentence form of 2013–2014
//! letters ("is Board Certified in Internal Medicine and is licensed to
//! practice in California").

use crate::normalize::Document;
use crate::text::{captures, clean, split_list};
use crate::Reviewer;
use regex::Regex;
use std::sync::LazyLock;

static LICENSURE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)State\(?s?\)?\s*of\s*Licensure\s*:").expect("licensure pattern")
});
static SPECIALTY: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)Certification\(?s?\)?\s*/\s*Specialty\s*:")
        .expect("specialty pattern")
});
/// Where a credential list ends: the next label or the next section heading.
static LIST_END: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)Certification\(?s?\)?\s*/\s*Specialty\s*:|State\(?s?\)?\s*of\s*Licensure|CLINICAL CASE SUMMARY|IMR ISSUES")
        .expect("list end pattern")
});
/// The sentence form: "is Board Certified in Internal Medicine and is licensed
/// to practice in California." The two halves are read apart, since either
/// may stand alone ("... board certified in Neurology and is actively practicing.").
static CERTIFIED: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(
        r"(?i)\bcertified\s*in\s*(?P<specialty>[^.;]+?)\s*(?:,?\s*and\s*(?:is\s*|has\s*)?(?:licensed|actively|currently|been|practices)|[.;])",
    )
    .expect("certified pattern")
});
static LICENSED: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(
        r"(?i)licensed\s*to\s*practice\s*(?:medicine\s*)?in\s*(?P<states>[^.;]+?)\s*[.;]",
    )
    .expect("licensed pattern")
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
        // In prose a specialty may hold commas ("Endocrinology, Diabetes and
        // Metabolism" is one board), so it stays whole; states are a list.
        if let Some(Some((s, e))) = captures(&CERTIFIED, &doc.text, start, end).map(|g| g[1]) {
            reviewer.specialty.extend(clean(doc, s, e));
        }
        if let Some(Some((s, e))) = captures(&LICENSED, &doc.text, start, end).map(|g| g[1]) {
            reviewer.licensure = split_list(doc, s, e, &[',', ';']);
        }
    }
    reviewer
}
