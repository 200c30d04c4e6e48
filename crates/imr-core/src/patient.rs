//! The injured worker as the clinical case summary describes them: age, sex,
//! and the date of injury when only the prose gives it.

use crate::normalize::Document;
use crate::text::{captures, date_after};
use crate::{Patient, Sex, Spanned};
use regex::Regex;
use std::sync::LazyLock;

/// "a 65 year old male", "40-year-old man", "48 year-old right-handed female".
static AGE_SEX: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(
        r"(?i)\b(\d{1,3})\s*-?\s*(?:years?|yrs?|y/o)[\s-]*(?:of\s+age|old)?[\s,-]+(?:[a-z-]+\s+){0,3}?(male|female|man|woman|gentleman|lady|boy|girl)\b",
    )
    .expect("age and sex pattern")
});
/// Phrases that introduce the date of injury in prose.
static INJURY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(
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
    patient.date_of_injury = date_after(&INJURY_DATE, doc, start, end);
    patient
}
