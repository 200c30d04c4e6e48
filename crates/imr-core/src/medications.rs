//! Medications in the case summary: each named drug once, with strength,
//! quantity, frequency and route as written, its generic name when a brand
//! is written, and whether it is current, prior or requested
//! (docs/annotation-guidelines.md §2).

use crate::normalize::Document;
use crate::text::{clean, head, squash};
use crate::{drugs, Medication, MedicationStatus, Spanned};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A strength right after a name (form words such as "capsules" may come between).
static STRENGTH: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)^(?:\s*(?:capsules?|tablets?|tabs?|cream|gel|patch(?:es)?|ointment|solution|oral|extended[\s-]release|ER|XR|CR|SR|XL|DR|ODT))*\s*(?P<strength>\d+(?:\.\d+)?(?:\s*[-/]\s*\d+(?:\.\d+)?)*\s*(?:mg|mcg|g|gm|%|ml|units?)\b%?)")
        .expect("strength")
});
/// Salt words that belong to the name ("Orphenadrine Citrate"); release
/// forms ("ER") do not (docs/annotation-guidelines.md §2).
static NAME_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)^\s+(?:citrate|sodium|potassium|hcl|hydrochloride|tartrate|maleate|succinate|besylate)\b")
        .expect("name suffix")
});
static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)#\s*\d+|\b\d+\s*(?:months?|days?)\s+supply\b|\b\d+\s+containers?\b|\b\d+\s*(?:g|grams)\b")
        .expect("quantity")
});
static FREQUENCY: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)\b(?:(?:once|twice|one\s+time|two\s+times|three\s+times|four\s+times)\s+(?:a|per)\s+day(?:\s+as\s+needed)?|(?:every|q)\s*\d+(?:\s*-\s*\d+)?\s*(?:hours?|hrs?|h)\b|daily|nightly|at\s+bedtime|as\s+needed|\b(?:BID|TID|QID|PRN|QHS|QD)\b)")
        .expect("frequency")
});
static ROUTE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)\b(?:by\s+mouth|orally|topical(?:ly)?|transdermal)\b")
        .expect("route")
});
/// How far after a name its strength and details are looked for, in bytes.
const LOOKAHEAD: usize = 80;

/// Words that sometimes precede a strength but are not drugs.
const NOT_DRUGS: &[&str] = &[
    "dose",
    "dosage",
    "doses",
    "was",
    "were",
    "with",
    "and",
    "the",
    "total",
    "daily",
    "about",
    "approximately",
    "than",
    "over",
    "from",
    "each",
    "per",
    "every",
    "strength",
    "supply",
    "weight",
    "weighs",
    "pain",
    "level",
];

/// The medications of the sentences given (normalized ranges), in order of
/// first mention, each name once.
pub fn parse(doc: &Document, sentences: &[(usize, usize)]) -> Vec<Medication> {
    let mut meds: Vec<Medication> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for &(start, end) in sentences {
        let sentence = &doc.text[start..end];
        // Read only for sentences that name a drug.
        let status = std::cell::OnceCell::new();
        let mut words = words(sentence).peekable();
        // Words already taken into a name ("Citrate" of "Orphenadrine Citrate").
        let mut taken_until = 0;
        while let Some(word) = words.next() {
            if word.start() < taken_until {
                continue;
            }
            let (single, starts_two_word_name) = drugs::look_up_word(word.as_str());
            // Two-word names ("methyl salicylate") are looked up whole.
            let two_word = words.peek().filter(|next| {
                starts_two_word_name && sentence[word.end()..next.start()].trim().is_empty()
            });
            let (name_end, known) = match two_word.map(|next| {
                (
                    next.end(),
                    drugs::lookup(&sentence[word.start()..next.end()]),
                )
            }) {
                Some((end, Some(drug))) => (end, Some(drug)),
                _ => (word.end(), single),
            };
            // An unknown word is a drug only when a strength follows it.
            let may_be_unknown_drug = known.is_none()
                && word.as_str().len() >= 4
                && word.as_str().starts_with(|c: char| c.is_ascii_uppercase())
                && !NOT_DRUGS
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(word.as_str()));
            if known.is_none() && !may_be_unknown_drug {
                continue;
            }
            let after = head(&sentence[name_end..], LOOKAHEAD);
            // Most words have no strength after them: a byte scan for its
            // digits, then a test without captures, are much cheaper than
            // reading the captures.
            let strength = (after.bytes().any(|b| b.is_ascii_digit()) && STRENGTH.is_match(after))
                .then(|| STRENGTH.captures(after))
                .flatten()
                .and_then(|c| c.name("strength"));
            let unknown_with_strength = may_be_unknown_drug && strength.is_some();
            if known.is_none() && !unknown_with_strength {
                continue;
            }
            if name_end > word.end() {
                words.next();
            }
            let name_end = NAME_SUFFIX
                .find(head(&sentence[name_end..], LOOKAHEAD))
                .map_or(name_end, |m| name_end + m.end());
            taken_until = name_end;
            let Some(name) = clean(doc, start + word.start(), start + name_end) else {
                continue;
            };
            let details_from = name_end + strength.map_or(0, |s| s.end());
            // Details belong to this drug up to the next drug or the clause end.
            let window = detail_window(&sentence[details_from..]);
            let found = |re: &Regex| {
                re.find(window).and_then(|m| {
                    clean(
                        doc,
                        start + details_from + m.start(),
                        start + details_from + m.end(),
                    )
                })
            };
            let medication = Medication {
                generic: known.and_then(|d| d.generic).map(str::to_string),
                strength: strength.and_then(|s| {
                    clean(
                        doc,
                        start + name_end + s.start(),
                        start + name_end + s.end(),
                    )
                }),
                quantity: found(&QUANTITY),
                frequency: found(&FREQUENCY),
                route: found(&ROUTE),
                status: *status.get_or_init(|| status_of(sentence)),
                name,
            };
            merge(&mut meds, &mut by_key, medication);
        }
    }
    meds
}

/// The text after a drug that can describe it: up to the next drug, a
/// semicolon or period, or `LOOKAHEAD` bytes.
fn detail_window(rest: &str) -> &str {
    let rest = head(rest, LOOKAHEAD);
    let window = &rest[..rest.find([';', '.']).unwrap_or(rest.len())];
    match words(window).find(|w| drugs::lookup(w.as_str()).is_some()) {
        Some(next_drug) => &window[..next_drug.start()],
        None => window,
    }
}

/// Adds a mention: a name already listed keeps its first mention and gains
/// the details and the strongest status (requested > current > prior).
fn merge(meds: &mut Vec<Medication>, by_key: &mut HashMap<String, usize>, m: Medication) {
    let key = squash(&m.name.value);
    match by_key.get(&key).map(|&i| &mut meds[i]) {
        Some(existing) => {
            existing.status = existing.status.max(m.status);
            fill(&mut existing.strength, m.strength);
            fill(&mut existing.quantity, m.quantity);
            fill(&mut existing.frequency, m.frequency);
            fill(&mut existing.route, m.route);
        }
        None => {
            by_key.insert(key, meds.len());
            meds.push(m);
        }
    }
}

fn fill(slot: &mut Option<Spanned<String>>, value: Option<Spanned<String>>) {
    if slot.is_none() {
        *slot = value;
    }
}

/// What the sentence says about the drugs it names.
fn status_of(sentence: &str) -> MedicationStatus {
    let lower = sentence.to_ascii_lowercase();
    let has = |cues: &[&str]| cues.iter().any(|c| lower.contains(c));
    if has(&[
        "request",
        "treatment plan",
        "plan included",
        "plan consisted",
        "recommend",
        "plan of care",
    ]) {
        MedicationStatus::Requested
    } else if has(&[
        "current",
        "regimen",
        "continue",
        "changed to",
        "recently prescribed",
        "currently",
        "is taking",
        "is on ",
        "prescribed",
    ]) {
        MedicationStatus::Current
    } else if has(&[
        "to date",
        "have included",
        "has included",
        "prior",
        "past",
        "had been",
        "previously",
        "history of",
        "tried",
        "failed",
        "treated with",
    ]) {
        MedicationStatus::Prior
    } else {
        MedicationStatus::Unknown
    }
}

/// A word of two or more ASCII letters, with its place in the sentence.
#[derive(Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    start: usize,
}

impl<'a> Word<'a> {
    fn as_str(&self) -> &'a str {
        self.text
    }
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// The words of `text`, scanned by hand: a regex iterator costs more per
/// word than the whole lookup that follows.
fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || loop {
        while at < bytes.len() && !bytes[at].is_ascii_alphabetic() {
            at += 1;
        }
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_alphabetic() {
            at += 1;
        }
        if at - start >= 2 {
            return Some(Word {
                text: &text[start..at],
                start,
            });
        }
        if at >= bytes.len() {
            return None;
        }
    })
}
