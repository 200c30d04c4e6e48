//! The injured worker as the clinical case summary describes them: age, sex,
//! and the date of injury when only the prose gives it.

use crate::normalize::Document;
use crate::text::date_after;
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
    // The groups are read from the match itself (a search with captures
    // costs a second pass): the age is the digits it starts with (`\b`
    // before them, no digit after), the sex the letters it ends with (a
    // space, comma or hyphen before them).
    if let Some(m) = AGE_SEX.find(&doc.text[start..end]) {
        let matched = m.as_str().as_bytes();
        let digits = matched.iter().take_while(|b| b.is_ascii_digit()).count();
        let letters = matched.iter().rev().take_while(|b| b.is_ascii_alphabetic());
        let (from, to) = (start + m.start(), start + m.end());
        let (age, sex) = ((from, from + digits), (to - letters.count(), to));
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
    patient.date_of_injury = date_after(&INJURY_DATE, doc, start, end);
    patient
}
