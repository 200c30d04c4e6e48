//! The injured worker as the clinical case summary describes them: age, sex,
//! and the date of injury when only the prose gives it.

use crate::dates::find_date;
use crate::normalize::Document;
use crate::text::captures;
use crate::{Patient, Sex, Spanned};
use regex::Regex;
use std::sync::LazyLock;

/// "a 65 year old male", "40-year-old man", "48 year-old right-handed female".
static AGE_SEX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,3})\s*-?\s*(?:years?|yrs?|y/o)[\s-]*(?:of\s+age|old)?[\s,-]+(?:[a-z-]+\s+){0,3}?(male|female|man|woman|gentleman|lady|boy|girl)\b",
    )
    .expect("age and sex pattern")
});
/// Phrases that introduce the date of injury in prose.
static INJURY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:date\s+of\s+(?:industrial\s+|work\s+)?injury|(?:industrial\s+)?injury\s+date|(?:was\s+)?injured(?:\s+at\s+work)?|(?:industrial\s+|work\s+)?injury|DOI)\s*(?:is|was|of|on|:|dated)?\s*",
    )
    .expect("injury date pattern")
});

/// Reads the patient in the normalized range `[start, end)` (the case summary).
pub fn parse(doc: &Document, start: usize, end: usize) -> Patient {
    let mut patient = Patient::default();
    if let Some(g) = captures(&AGE_SEX, &doc.text, start, end) {
        if let (Some(age), Some(sex)) = (g[1], g[2]) {
            if let Ok(years) = doc.text[age.0..age.1].parse::<u32>() {
                if (1..=120).contains(&years) {
                    patient.age = Some(Spanned::new(years, doc.span(age.0, age.1)));
                }
            }
            let word = doc.text[sex.0..sex.1].to_ascii_lowercase();
            let value = match word.as_str() {
                "male" | "man" | "gentleman" | "boy" => Sex::Male,
                _ => Sex::Female,
            };
            patient.sex = Some(Spanned::new(value, doc.span(sex.0, sex.1)));
        }
    }
    patient.date_of_injury = injury_date(doc, start, end);
    patient
}

/// The first date that directly follows an injury phrase.
fn injury_date(doc: &Document, start: usize, end: usize) -> Option<Spanned<crate::Date>> {
    let region = &doc.text[start..end];
    INJURY_DATE.find_iter(region).find_map(|m| {
        let after = start + m.end();
        let window_end = (after + 40).min(end);
        let window_end = (window_end..=end)
            .find(|&i| doc.text.is_char_boundary(i))
            .unwrap_or(end);
        let (range, date) = find_date(&doc.text[after..window_end])?;
        (range.start == 0)
            .then(|| Spanned::new(date, doc.span(after + range.start, after + range.end)))
    })
}
