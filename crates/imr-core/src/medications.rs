//! Medications in the case summary: each named drug once, with strength,
//! quantity, frequency and route as written, its generic name when a brand
//! is written, and whether it is current, prior or requested
//! (docs/annotation-guidelines.md §2).

use crate::drugs::{self, Drug};
use crate::normalize::Document;
use crate::text::{clean, head, is_pattern_space, squash};
use crate::{Medication, MedicationStatus, Spanned};
use memchr::memmem;
use regex::Regex;
use std::cell::OnceCell;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Form words that may come between a name and its strength ("capsules").
const FORMS: &[&str] = &[
    "capsules?",
    "tablets?",
    "tabs?",
    "cream",
    "gel",
    "patch(?:es)?",
    "ointment",
    "solution",
    "oral",
    r"extended[\s-]release",
    "ER",
    "XR",
    "CR",
    "SR",
    "XL",
    "DR",
    "ODT",
];
/// A strength right after a name, perhaps after form words: the strength is
/// the match from its first digit.
static STRENGTH: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(&format!(r"(?i)^(?:\s*(?:{}))*\s*\d+(?:\.\d+)?(?:\s*[-/]\s*\d+(?:\.\d+)?)*\s*(?:mg|mcg|g|gm|%|ml|units?)\b%?", FORMS.join("|")))
        .expect("strength")
});
/// Salt words that belong to the name ("Orphenadrine Citrate"); release
/// forms ("ER") do not (docs/annotation-guidelines.md §2).
const SALTS: &[&str] = &[
    "citrate",
    "sodium",
    "potassium",
    "hcl",
    "hydrochloride",
    "tartrate",
    "maleate",
    "succinate",
    "besylate",
];
static NAME_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(&format!(r"(?i)^\s+(?:{})\b", SALTS.join("|"))).expect("name suffix")
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
    let lexicon = drugs::lexicon();
    for &(start, end) in sentences {
        let sentence = Sentence {
            doc,
            start,
            text: &doc.text[start..end],
            status: OnceCell::new(),
        };
        let mut words = words(sentence.text);
        while let Some(word) = words.next() {
            let (single, starts_two_word_name) = lexicon.look_up_word(word.letters());
            // Most words are no drug and start no name: they are passed over
            // here, the others read by `medication_at`.
            if single.is_none() && !starts_two_word_name && !may_be_unknown_drug(word) {
                continue;
            }
            let next = starts_two_word_name.then(|| words.clone().next()).flatten();
            let Some((medication, name_end)) = sentence.medication_at(word, single, next) else {
                continue;
            };
            // Words taken into the name ("salicylate" of "methyl salicylate",
            // "Citrate" of "Orphenadrine Citrate") are not read again.
            while words.clone().next().is_some_and(|w| w.start() < name_end) {
                words.next();
            }
            merge(&mut meds, &mut by_key, medication);
        }
    }
    meds
}

/// A sentence being read, with what it says about the drugs it names.
struct Sentence<'a> {
    doc: &'a Document<'a>,
    /// Where the sentence begins in the normalized text.
    start: usize,
    text: &'a str,
    /// Read only for sentences that name a drug.
    status: OnceCell<MedicationStatus>,
}

impl Sentence<'_> {
    /// The medication named at `word` (the drug the lexicon says it names,
    /// and the next word when it starts a two-word name), and where its
    /// name ends in the sentence.
    fn medication_at(
        &self,
        word: Word,
        single: Option<Drug>,
        next: Option<Word>,
    ) -> Option<(Medication, usize)> {
        let (doc, start, sentence) = (self.doc, self.start, self.text);
        // Two-word names ("methyl salicylate") are looked up whole.
        let two_word = next.filter(|next| sentence[word.end()..next.start()].trim().is_empty());
        let (name_end, known) = match two_word.map(|next| {
            (
                next.end(),
                drugs::lookup(&sentence[word.start()..next.end()]),
            )
        }) {
            Some((end, Some(drug))) => (end, Some(drug)),
            _ => (word.end(), single),
        };
        let after = head(&sentence[name_end..], LOOKAHEAD);
        // An unknown word is a drug only when a strength follows it.
        let may_be_unknown = known.is_none()
            && may_be_unknown_drug(word)
            && may_start_strength(after)
            && !NOT_DRUGS
                .iter()
                .any(|w| w.as_bytes().eq_ignore_ascii_case(word.letters()));
        if known.is_none() && !may_be_unknown {
            return None;
        }
        let strength = strength_at_start(after);
        if known.is_none() && strength.is_none() {
            return None;
        }
        let name_end = name_end + salt_at_start(head(&sentence[name_end..], LOOKAHEAD));
        let name = clean(doc, start + word.start(), start + name_end)?;
        let details_from = name_end + strength.as_ref().map_or(0, |s| s.end);
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
            strength: strength
                .and_then(|s| clean(doc, start + name_end + s.start, start + name_end + s.end)),
            // Every quantity has a digit; most windows have none.
            quantity: window
                .bytes()
                .any(|b| b.is_ascii_digit())
                .then(|| found(&QUANTITY))
                .flatten(),
            frequency: found(&FREQUENCY),
            route: found(&ROUTE),
            status: *self.status.get_or_init(|| status_of(sentence)),
            name,
        };
        Some((medication, name_end))
    }
}

/// Whether a word the lexicon does not know may be a drug, as it would be
/// with a strength after it: a capitalized word of four letters or more.
fn may_be_unknown_drug(word: Word) -> bool {
    word.letters().len() >= 4 && word.letters()[0].is_ascii_uppercase()
}

/// The strength at the start of `after` (a byte range), if any. Most words
/// have none after them: a test of the next byte is much cheaper than the
/// search.
fn strength_at_start(after: &str) -> Option<std::ops::Range<usize>> {
    if !may_start_strength(after) {
        return None;
    }
    let found = STRENGTH.find(after)?;
    let digit = found.as_str().find(|c: char| c.is_ascii_digit())?;
    Some(found.start() + digit..found.end())
}

/// Whether [`STRENGTH`] may match `after`: past any spaces it needs a digit
/// or a form word.
fn may_start_strength(after: &str) -> bool {
    first_past_spaces(after).is_some_and(|b| b.is_ascii_digit() || may_begin(b, FORMS))
}

/// How long the salt word at the start of `after` is, spaces before it
/// included ("Citrate" of "Orphenadrine Citrate"); 0 if there is none.
fn salt_at_start(after: &str) -> usize {
    if !first_past_spaces(after).is_some_and(|b| may_begin(b, SALTS)) {
        return 0;
    }
    NAME_SUFFIX.find(after).map_or(0, |m| m.end())
}

/// The first byte of `text` past any spaces (a pattern's `\s`).
fn first_past_spaces(text: &str) -> Option<u8> {
    text.bytes().find(|&b| !is_pattern_space(b))
}

/// Whether `b` may begin one of `words` (pieces of a case-insensitive
/// pattern, each beginning with a letter): a byte above ASCII may begin the
/// long s or Kelvin sign that case folding matches with "s" or "k".
fn may_begin(b: u8, words: &[&str]) -> bool {
    !b.is_ascii()
        || words.iter().any(|w| {
            w.as_bytes()
                .first()
                .is_some_and(|first| first.eq_ignore_ascii_case(&b))
        })
}

/// The text after a drug that can describe it: up to the next drug, a
/// semicolon or period, or `LOOKAHEAD` bytes.
fn detail_window(rest: &str) -> &str {
    let rest = head(rest, LOOKAHEAD);
    let clause_end = rest.bytes().position(|b| b == b';' || b == b'.');
    let window = &rest[..clause_end.unwrap_or(rest.len())];
    match words(window).find(|w| drugs::lexicon().look_up_word(w.letters()).0.is_some()) {
        Some(next_drug) => &window[..next_drug.start()],
        None => window,
    }
}

/// Adds a mention: a name already listed keeps its first mention and gains
/// the details and the strongest status (requested > current > prior).
fn merge(meds: &mut Vec<Medication>, by_key: &mut HashMap<String, usize>, m: Medication) {
    match by_key.entry(squash(&m.name.value)) {
        Entry::Occupied(listed) => {
            let existing = &mut meds[*listed.get()];
            existing.status = existing.status.max(m.status);
            fill(&mut existing.strength, m.strength);
            fill(&mut existing.quantity, m.quantity);
            fill(&mut existing.frequency, m.frequency);
            fill(&mut existing.route, m.route);
        }
        Entry::Vacant(new) => {
            new.insert(meds.len());
            meds.push(m);
        }
    }
}

fn fill(slot: &mut Option<Spanned<String>>, value: Option<Spanned<String>>) {
    if slot.is_none() {
        *slot = value;
    }
}

/// What a sentence's words say of the drugs it names, strongest first
/// (requested > current > prior).
const STATUS_CUES: [(MedicationStatus, &[&str]); 3] = [
    (
        MedicationStatus::Requested,
        &[
            "request",
            "treatment plan",
            "plan included",
            "plan consisted",
            "recommend",
            "plan of care",
        ],
    ),
    (
        MedicationStatus::Current,
        &[
            "current",
            "regimen",
            "continue",
            "changed to",
            "recently prescribed",
            "currently",
            "is taking",
            "is on ",
            "prescribed",
        ],
    ),
    (
        MedicationStatus::Prior,
        &[
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
        ],
    ),
];

/// A searcher for each cue, built once (a plain substring search sets one
/// up at every call).
type StatusFinders = Vec<(MedicationStatus, Vec<memmem::Finder<'static>>)>;
static STATUS_FINDERS: LazyLock<StatusFinders> = LazyLock::new(|| {
    STATUS_CUES
        .iter()
        .map(|&(status, cues)| (status, cues.iter().map(memmem::Finder::new).collect()))
        .collect()
});

/// What the sentence says about the drugs it names.
fn status_of(sentence: &str) -> MedicationStatus {
    let lower = sentence.to_ascii_lowercase();
    STATUS_FINDERS
        .iter()
        .find(|(_, cues)| cues.iter().any(|cue| cue.find(lower.as_bytes()).is_some()))
        .map_or(MedicationStatus::Unknown, |&(status, _)| status)
}

/// A word of two or more ASCII letters, with its place in the sentence.
#[derive(Clone, Copy)]
struct Word<'a> {
    letters: &'a [u8],
    start: usize,
}

impl<'a> Word<'a> {
    fn letters(&self) -> &'a [u8] {
        self.letters
    }
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.start + self.letters.len()
    }
}

/// The words of `text`, found eight bytes at a time: a byte loop cost more
/// than the lookups of the words it found.
fn words(text: &str) -> Words<'_> {
    Words {
        bytes: text.as_bytes(),
        next_block: 0,
        edges: 0,
        letter_before: 0,
    }
}

#[derive(Clone)]
struct Words<'a> {
    bytes: &'a [u8],
    /// Where the block after the current one begins (blocks are 8 bytes).
    next_block: usize,
    /// The high bit of each byte of the current block where a run of
    /// letters starts or ends, not yet read.
    edges: u64,
    /// The high bit of the current block's last byte, when a letter.
    letter_before: u64,
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        loop {
            // Runs start and end in turn; the last may end the text.
            let start = self.next_edge()?;
            let end = self.next_edge().unwrap_or(self.bytes.len());
            if let Some(letters @ [_, _, ..]) = self.bytes.get(start..end) {
                return Some(Word { letters, start });
            }
        }
    }
}

impl Words<'_> {
    /// Where the next run of letters starts or ends.
    fn next_edge(&mut self) -> Option<usize> {
        while self.edges == 0 {
            let rest = self
                .bytes
                .get(self.next_block..)
                .filter(|rest| !rest.is_empty())?;
            let block = rest.first_chunk().copied().unwrap_or_else(|| {
                // The last bytes, then bytes that are no letters.
                let mut last = [0u8; 8];
                last[..rest.len()].copy_from_slice(rest);
                last
            });
            let letters = letters(u64::from_le_bytes(block));
            // Set where a byte's being a letter differs from the byte before.
            self.edges = letters ^ (letters << 8 | self.letter_before);
            self.letter_before = letters >> 56;
            self.next_block += 8;
        }
        let at = self.next_block - 8 + (self.edges.trailing_zeros() / 8) as usize;
        self.edges &= self.edges - 1;
        Some(at)
    }
}

/// The high bit of each byte of `bytes` (eight bytes read as one number)
/// that is an ASCII letter: all eight tested at once, without branches.
fn letters(bytes: u64) -> u64 {
    const EACH: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * EACH;
    // Lowercase if a letter; the high bit stays set only above ASCII.
    let lower = bytes | (0x20 * EACH);
    let low = lower & !HIGH;
    // A byte of `low` plus these carries into its high bit, never into the
    // next byte, when it is at least 'a', or past 'z'.
    let from_a = low + (0x80 - u64::from(b'a')) * EACH;
    let past_z = low + (0x80 - u64::from(b'z' + 1)) * EACH;
    from_a & !past_z & !lower & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words a plain byte loop finds.
    fn words_byte_by_byte(text: &str) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let start = at;
            while at < bytes.len() && bytes[at].is_ascii_alphabetic() {
                at += 1;
            }
            if at - start >= 2 {
                found.push((start, at));
            }
            at = at.max(start + 1);
        }
        found
    }

    #[test]
    fn words_are_runs_of_two_ascii_letters_or_more() {
        let texts = [
            "",
            "a",
            "ab",
            "Norco",
            "exactly8",
            "abcdefgh",
            "abcdefghi",
            "Norco 10/325mg #60, Soma; a I x-ray",
            "@[`{ AZaz \u{c0}b\u{e9}cd \u{17f}s zz",
            "one sentence that runs over several blocks of eight bytes, to the end",
            "hydrochlorothiazide",
            " hydrochlorothiazide 25mg",
        ];
        for text in texts {
            let found: Vec<(usize, usize)> = words(text).map(|w| (w.start(), w.end())).collect();
            assert_eq!(found, words_byte_by_byte(text), "{text:?}");
        }
        for b in 0..=255u8 {
            assert_eq!(letters(u64::from(b)) != 0, b.is_ascii_alphabetic(), "{b}");
        }
    }

    /// The tests before the strength and salt searches turn away none of
    /// their matches.
    #[test]
    fn strengths_and_salts_are_found_after_the_first_byte_tests() {
        for after in [
            " 10mg",
            "10 mg",
            " capsules 10mg",
            "\u{b}ER 5mg",
            " Extended-release 20 mg",
            " ODT 4mg",
            " \u{17f}olution 5mg",
        ] {
            assert!(strength_at_start(after).is_some(), "{after:?}");
        }
        assert_eq!(strength_at_start(" ER 10mg, #30"), Some(4..8));
        for after in [" Citrate 100mg", "\tHCl", "\n\nSodium"] {
            assert!(salt_at_start(after) > 0, "{after:?}");
        }
    }
}
