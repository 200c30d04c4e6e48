//! Body parts in the case summary: every part the summary names as injured,
//! painful, diagnosed, examined, imaged or treated, as a canonical part with
//! its side (docs/annotation-guidelines.md §3 gives the rules).

use crate::fnv::FixedKeys;
use crate::normalize::Document;
use crate::text::{head, is_pattern_space, is_word_byte, tail};
use crate::{BodyPart, Laterality};
use regex::{Regex, RegexSet};
use std::collections::HashMap;
use std::iter::Peekable;
use std::str::Chars;
use std::sync::LazyLock;

/// Written forms of each canonical part. Plural forms of paired parts make the
/// mention bilateral; `SPINE` parts never carry a side.
const PARTS: &[(&str, &str)] = &[
    (
        "cervical spine",
        r"neck|cervical(?:\s+spine)?|cervicalgia|paracervical|c-spine",
    ),
    (
        "thoracic spine",
        r"thoracic(?:\s+spine)?|mid-?\s*back|upper\s+back|t-spine",
    ),
    (
        "lumbar spine",
        r"low(?:er)?\s+back|lumbar(?:\s+spine)?|lumbosacral|lumbago|l-spine",
    ),
    ("thoracolumbar", r"thoracolumbar"),
    ("back", r"back"),
    ("shoulder", r"shoulders?|rotator\s+cuffs?|glenohumeral"),
    ("upper arm", r"upper\s+arms?"),
    ("elbow", r"elbows?|epicondyl(?:e|es|itis)|cubital\s+tunnel"),
    ("forearm", r"forearms?"),
    ("wrist", r"wrists?|carpal\s+tunnel"),
    ("hand", r"hands?|palms?|thenar"),
    ("thumb", r"thumbs?"),
    (
        "finger",
        r"(?:small\s+|ring\s+|index\s+|middle\s+|long\s+)?fingers?|digits",
    ),
    ("extremities", r"upper\s+and\s+lower\s+extremit(?:y|ies)"),
    (
        "upper extremity",
        r"upper\s+(?:extremit(?:y|ies)|limbs?)|arms?",
    ),
    ("hip", r"hips?"),
    ("thigh", r"thighs?"),
    ("knee", r"knees?|patellae?|popliteal(?:\s+fossa)?"),
    ("lower leg", r"lower\s+legs?|calf|calves|shins?"),
    ("ankle", r"ankles?|calcaneofibular"),
    (
        "foot",
        r"foot|feet|heels?|metatarsals?|plantar(?:\s+fascia)?",
    ),
    ("toe", r"toes?"),
    (
        "lower extremity",
        r"lower\s+(?:extremit(?:y|ies)|limbs?)|legs?",
    ),
    ("head", r"head|scalp|headaches?"),
    ("face", r"face|facial"),
    ("eye", r"eyes?"),
    ("ear", r"ears?"),
    ("jaw", r"jaw|temporomandibular"),
    ("chest", r"chest"),
    ("abdomen", r"abdomen|abdominal|epigastric"),
    ("pelvis", r"pelvis|pelvic"),
    ("groin", r"groin"),
    ("buttock", r"buttocks?|gluteal"),
    (
        "sacroiliac joint",
        r"sacroiliac(?:\s+joints?)?|si\s+joints?",
    ),
];
const SPINE: [&str; 4] = ["cervical spine", "thoracic spine", "lumbar spine", "back"];
/// Parts that come in pairs, whose plural means both sides.
const PAIRED: [&str; 18] = [
    "shoulder",
    "upper arm",
    "elbow",
    "forearm",
    "wrist",
    "hand",
    "upper extremity",
    "hip",
    "thigh",
    "knee",
    "lower leg",
    "ankle",
    "foot",
    "lower extremity",
    "eye",
    "ear",
    "buttock",
    "sacroiliac joint",
];

/// Any written form of any part, as a whole word.
pub static MENTION_PATTERN: LazyLock<String> = LazyLock::new(|| {
    let alternation: Vec<String> = PARTS
        .iter()
        .map(|(_, forms)| format!("(?:{forms})"))
        .collect();
    format!(r"(?i)\b(?:{})\b", alternation.join("|"))
});
/// One pattern per part, to tell which part a mention is.
static EACH: LazyLock<RegexSet> = LazyLock::new(|| {
    let forms = PARTS
        .iter()
        .map(|(_, forms)| crate::text::ascii_rules(&format!(r"(?i)^(?:{forms})$")));
    RegexSet::new(forms.collect::<Result<Vec<_>, _>>().expect("part forms")).expect("part forms")
});
/// The part each usual spelling of a form names, as `EACH` tells it: a
/// summary writes its parts the usual way (one space between words), and a
/// mention written so needs no search. Whatever `spellings` makes of a
/// form, each spelling's part is the one `EACH` gives it.
static SPELLED: LazyLock<HashMap<String, Option<usize>, FixedKeys>> = LazyLock::new(|| {
    PARTS
        .iter()
        .flat_map(|(_, forms)| spellings(&mut forms.chars().peekable()))
        .map(|spelling| {
            let index = EACH.matches(&spelling).iter().next();
            (spelling, index)
        })
        .collect()
});

/// The spellings of the forms `pattern` starts with, up to its end or an
/// unmatched ')': a space for `\s+`, none or one for `\s*`, without and with
/// what `?` follows. Forms are written with letters, '-', groups of
/// alternatives and those only.
fn spellings(pattern: &mut Peekable<Chars>) -> Vec<String> {
    let mut alternatives = Vec::new();
    let mut spelled = vec![String::new()];
    while let Some(c) = pattern.next() {
        let mut pieces = match c {
            '|' => {
                alternatives.append(&mut spelled);
                spelled.push(String::new());
                continue;
            }
            ')' => break,
            '(' => {
                // "(?:"
                pattern.nth(1);
                spellings(pattern)
            }
            '\\' => {
                // "\s"
                pattern.next();
                vec![" ".to_string()]
            }
            _ => vec![c.to_string()],
        };
        if let Some('?' | '*') = pattern.next_if(|c| matches!(c, '?' | '*' | '+')) {
            pieces.insert(0, String::new());
        }
        spelled = spelled
            .iter()
            .flat_map(|head| pieces.iter().map(move |piece| format!("{head}{piece}")))
            .collect();
    }
    alternatives.append(&mut spelled);
    alternatives
}

/// A negated complaint ("denied radiation into the arms", "no leg pain"):
/// the parts it names are skipped (see `negated`). A normal examination is
/// no complaint.
static COMPLAINT: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(
        r"(?i)\b(?:pain|radiat\w*|radicular|numbness|tingling|complaints?|symptoms?|weakness)\b",
    )
    .expect("complaint")
});

/// Every (part, side) pair of the normalized range `[start, end)`, each once,
/// in order of first mention. A part with no side is kept only when no side
/// of it is named anywhere in the range.
pub fn parse(
    doc: &Document,
    start: usize,
    end: usize,
    mentions: impl Iterator<Item = (usize, usize)>,
) -> Vec<BodyPart> {
    let text = &doc.text[start..end];
    let mut found: Vec<BodyPart> = Vec::new();
    // The last part found and where its mention ended, for "at forearm level in the right arm".
    let mut last: Option<(usize, usize)> = None;
    // The mention in lowercase: one buffer serves every mention.
    let mut word = String::new();
    for (mention_start, mention_end) in mentions {
        let (m_start, m_end) = (mention_start - start, mention_end - start);
        let written = &text[m_start..m_end];
        // A mention is read in the context of its clause, never further.
        let before = tail(&text[..m_start], CONTEXT);
        let after = head(&text[m_end..], CONTEXT);
        if is_not_a_part(after)
            || negated(before, after)
            || is_back_as_adverb(written, before, after)
        {
            continue;
        }
        word.clear();
        word.push_str(written);
        word.make_ascii_lowercase();
        let Some(index) = part_of(&word) else {
            continue;
        };
        let part = PARTS[index].0;
        let parts: &[&str] = match part {
            "thoracolumbar" => &["thoracic spine", "lumbar spine"],
            "extremities" => &["upper extremity", "lower extremity"],
            _ => std::slice::from_ref(&PARTS[index].0),
        };
        for &part in parts {
            let laterality = if SPINE.contains(&part) {
                None
            } else {
                side(part, &word, before, after)
            };
            // A sided limb word right after a more specific part of that limb
            // only places it: the specific part takes the side.
            if let (Some((i, last_end)), Some(side), Some(limb)) =
                (last, laterality, limb_of(&word))
            {
                let between = &text[last_end..m_start];
                let places = found[i].laterality.is_none()
                    && limb.contains(&found[i].part.as_str())
                    && !between.contains(['.', ';'])
                    && between.split_whitespace().count() <= 5;
                if places {
                    found[i].laterality = Some(side);
                    continue;
                }
            }
            let existing = found
                .iter()
                .position(|b| b.part == part && b.laterality == laterality);
            let at = existing.unwrap_or_else(|| {
                found.push(BodyPart {
                    part: part.to_string(),
                    laterality,
                    span: doc.span(mention_start, mention_end),
                });
                found.len() - 1
            });
            last = Some((at, m_end));
        }
    }
    // A side-less mention adds nothing when the same part has a side elsewhere.
    let sided: Vec<String> = found
        .iter()
        .filter(|b| b.laterality.is_some())
        .map(|b| b.part.clone())
        .collect();
    found.retain(|b| b.laterality.is_some() || !sided.contains(&b.part));
    found
}

/// The index in `PARTS` of the part a mention (in lowercase) names.
fn part_of(word: &str) -> Option<usize> {
    match SPELLED.get(word) {
        Some(&index) => index,
        // A line break between its words, say.
        None => EACH.matches(word).iter().next(),
    }
}

fn side(part: &str, word: &str, before: &str, after: &str) -> Option<Laterality> {
    if let Some(side) = side_after(after) {
        return Some(side);
    }
    if list_ends_bilaterally(after) {
        return Some(Laterality::Bilateral);
    }
    // The nearest side word among the last few words of the same clause
    // ("right shoulder and elbow" gives the elbow a side too).
    // This runs for every mention: the words are compared in place, never copied.
    let mut last_words = [""; SIDE_REACH];
    let mut count = 0;
    for (slot, word) in last_words.iter_mut().zip(last_words_of_clause(before)) {
        *slot = word.trim_matches(|c: char| !c.is_alphabetic());
        count += 1;
    }
    let words = &last_words[..count];
    if let Some(i) = words
        .iter()
        .position(|w| is_any(w, &["left", "right", "bilateral", "bilaterally", "both"]))
    {
        let opposite = words
            .get(i + 2)
            .is_some_and(|w| is_any(w, &["left", "right"]));
        let joined = words.get(i + 1).is_some_and(|w| is_any(w, &["and"]));
        return Some(if opposite && joined {
            Laterality::Bilateral
        } else {
            laterality_of(words[i])
        });
    }
    let plural =
        (word.ends_with('s') && !word.ends_with("ss")) || word == "feet" || word == "calves";
    (plural && (PAIRED.contains(&part) || word.contains("extremities")))
        .then_some(Laterality::Bilateral)
}

/// How far before and after a mention its context is read, in bytes.
const CONTEXT: usize = 200;

/// The parts a bare limb word ("in the right arm") may only place.
fn limb_of(word: &str) -> Option<&'static [&'static str]> {
    match word {
        "arm" | "arms" => Some(&[
            "shoulder",
            "upper arm",
            "elbow",
            "forearm",
            "wrist",
            "hand",
            "finger",
            "thumb",
        ]),
        "leg" | "legs" => Some(&["hip", "thigh", "knee", "lower leg", "ankle", "foot", "toe"]),
        _ => None,
    }
}

/// How many words before a part a side word may stand and still qualify it.
const SIDE_REACH: usize = 4;

/// A side written right after the part: "on the right (side)", "of the
/// left", "bilaterally".
fn side_after(after: &str) -> Option<Laterality> {
    let (first, rest) = spaced_word(after)?;
    if is_any(first, &["bilaterally"]) {
        return Some(Laterality::Bilateral);
    }
    if !is_any(first, &["on", "of"]) {
        return None;
    }
    let (the, rest) = spaced_word(rest)?;
    if !is_any(the, &["the"]) {
        return None;
    }
    let (side, _) = spaced_word(rest)?;
    is_any(side, &["left", "right"]).then(|| laterality_of(side))
}

/// The words of the clause `before` ends with, last first; the clause starts
/// after the last '.', ';', ':' or '('. Only the words taken are read.
fn last_words_of_clause(before: &str) -> impl Iterator<Item = &str> {
    let mut tokens = Some(before.split_whitespace().rev());
    std::iter::from_fn(move || {
        let token = tokens.as_mut()?.next()?;
        match token
            .bytes()
            .rposition(|b| matches!(b, b'.' | b';' | b':' | b'('))
        {
            Some(i) => {
                tokens = None;
                Some(&token[i + 1..]).filter(|w| !w.is_empty())
            }
            None => Some(token),
        }
    })
}

/// "the knee, calf, foot and toes bilaterally": the rest of a list of parts
/// that ends with "bilaterally".
fn list_ends_bilaterally(after: &str) -> bool {
    // Most clauses never say it: a cheap test before the list is read.
    if !clause_says_bilaterally(after) {
        return false;
    }
    let clause = &after[..after.find(['.', ';']).unwrap_or(after.len())];
    for word in clause
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
    {
        if is_any(word, &["bilaterally"]) {
            return true;
        }
        if !(word.is_empty() || is_any(word, &["and", "or", "the"]) || EACH.is_match(word)) {
            return false;
        }
    }
    false
}

/// Whether the clause `after` starts with (up to its first '.' or ';') holds
/// "bilaterally", in any case.
fn clause_says_bilaterally(after: &str) -> bool {
    let bytes = after.as_bytes();
    let mut from = 0;
    while let Some(i) = find_byte(&bytes[from..], |b| matches!(b, b'.' | b';' | b'b' | b'B')) {
        let at = from + i;
        if matches!(bytes[at], b'.' | b';') {
            return false;
        }
        if starts_with_ignoring_case(&after[at..], "bilaterally") {
            return true;
        }
        from = at + 1;
    }
    false
}

fn laterality_of(word: &str) -> Laterality {
    if is_any(word, &["left"]) {
        Laterality::Left
    } else if is_any(word, &["right"]) {
        Laterality::Right
    } else {
        Laterality::Bilateral
    }
}

/// Whether `word` is one of `lowercase_words`, in any case.
fn is_any(word: &str, lowercase_words: &[&str]) -> bool {
    lowercase_words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Uses of a word that are not the body part: "therapy", "scooter", "raise",
/// "truck" right after it, or "to work", "to duty", "to the clinic".
fn is_not_a_part(after: &str) -> bool {
    let next = after.trim_start_matches(is_space);
    let (word, rest) = split_word(next);
    // Every word sought starts with 't', 's' or 'r'.
    if !matches!(
        word.as_bytes().first().map(|b| b | 0x20),
        Some(b't' | b's' | b'r')
    ) {
        return false;
    }
    let not_a_part = [
        "therapy",
        "therapist",
        "scooter",
        "raise",
        "raising",
        "truck",
    ];
    if is_any(word, &not_a_part) {
        return true;
    }
    // After a space; the last word may go on: "to workers".
    let Some(object) =
        after_spaces(rest).filter(|_| next.len() < after.len() && is_any(word, &["to"]))
    else {
        return false;
    };
    if starts_with_ignoring_case(object, "work") || starts_with_ignoring_case(object, "duty") {
        return true;
    }
    let (the, rest) = split_word(object);
    is_any(the, &["the"])
        && after_spaces(rest).is_some_and(|place| starts_with_ignoring_case(place, "clinic"))
}

/// Whether a negated complaint governs the clause the mention is in.
fn negated(before: &str, after: &str) -> bool {
    let is_clause_mark = |b: u8| matches!(b, b'.' | b';' | b',');
    let clause_start = rfind_byte(before.as_bytes(), is_clause_mark).map_or(0, |i| i + 1);
    let clause = &before[clause_start..];
    negation_end(clause).is_some_and(|end| {
        COMPLAINT.is_match(&clause[end..]) || {
            let clause_end = after
                .bytes()
                .position(is_clause_mark)
                .unwrap_or(after.len());
            COMPLAINT.is_match(&after[..clause_end])
        }
    })
}

/// Where the first negation of `clause` ends: "denies", "denied", "no",
/// "without" or "negative for", as whole words. Most clauses hold none, and
/// only the words that start like one are compared.
fn negation_end(clause: &str) -> Option<usize> {
    // Three compares, which vector code does well (a `matches!` becomes a bit table).
    let starts_like_one = |b: u8| {
        let lower = b | 0x20;
        (lower == b'd') | (lower == b'n') | (lower == b'w')
    };
    let mut from = 0;
    while let Some(i) = find_word_start(clause.as_bytes(), from, starts_like_one) {
        if let Some(length) = negation_length(&clause[i..]) {
            return Some(i + length);
        }
        from = i + 1;
    }
    None
}

/// How long the negation `s` starts with is, if it starts with one.
fn negation_length(s: &str) -> Option<usize> {
    // Most words that start like one ("with", "neck", "due") have a second
    // letter none has.
    if !matches!(
        s.as_bytes().get(1).map(|b| b | 0x20),
        Some(b'e' | b'o' | b'i')
    ) {
        return None;
    }
    let (word, rest) = split_word(s);
    if is_any(word, &["denies", "denied", "no", "without"]) {
        return Some(word.len());
    }
    if !is_any(word, &["negative"]) {
        return None;
    }
    let (next, rest) = spaced_word(rest)?;
    is_any(next, &["for"]).then(|| s.len() - rest.len())
}

/// "came back", "back to work": "back" not as the body part.
fn is_back_as_adverb(word: &str, before: &str, after: &str) -> bool {
    if !word.eq_ignore_ascii_case("back") {
        return false;
    }
    let next = after
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let prev = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let body_next = matches!(
        next.as_str(),
        "pain"
            | "injury"
            | "strain"
            | "sprain"
            | "spasm"
            | "spasms"
            | "stiffness"
            | "complaints"
            | "and"
            | "or"
    );
    let body_prev = matches!(
        prev.as_str(),
        "the" | "his" | "her" | "their" | "and" | "mid" | "upper"
    );
    // "shoulder, wrist, hand, back, leg pain": an item of a list of parts.
    let listed = before.trim_end().ends_with(',') && after.trim_start().starts_with(',');
    !(body_next || body_prev || listed)
}

/// The spaces of the patterns' `\s`, as characters.
fn is_space(c: char) -> bool {
    u8::try_from(c).is_ok_and(is_pattern_space)
}

/// The run of word characters `s` starts with, and the rest.
fn split_word(s: &str) -> (&str, &str) {
    s.split_at(s.bytes().position(|b| !is_word_byte(b)).unwrap_or(s.len()))
}

/// What follows the spaces `s` starts with, if it starts with any.
fn after_spaces(s: &str) -> Option<&str> {
    let rest = s.trim_start_matches(is_space);
    (rest.len() < s.len()).then_some(rest)
}

/// The word after the spaces `s` starts with, and the rest.
fn spaced_word(s: &str) -> Option<(&str, &str)> {
    after_spaces(s).map(split_word)
}

/// Bytes are searched 16 at a time, tested without branching, which the
/// compiler turns into vector code; only the 16 that hold the byte sought
/// are read again one by one.
const CHUNK: usize = 16;

fn holds(chunk: &[u8], wanted: impl Fn(u8) -> bool) -> bool {
    chunk.iter().fold(false, |any, &b| any | wanted(b))
}

/// Where the first byte `wanted` takes is.
fn find_byte(bytes: &[u8], wanted: impl Fn(u8) -> bool) -> Option<usize> {
    let start = bytes.chunks(CHUNK).position(|c| holds(c, &wanted))? * CHUNK;
    bytes[start..]
        .iter()
        .position(|&b| wanted(b))
        .map(|i| start + i)
}

/// Where the first word at or after `from` starts with a byte `wanted`
/// takes: a byte with no word byte before it (nor any, at the start).
fn find_word_start(bytes: &[u8], mut from: usize, wanted: impl Fn(u8) -> bool) -> Option<usize> {
    if from == 0 {
        if wanted(*bytes.first()?) {
            return Some(0);
        }
        from = 1;
    }
    // Each byte from `from` on, beside the byte before it.
    let at = bytes.get(from..)?;
    let before = &bytes[from - 1..bytes.len() - 1];
    let starts = |before: u8, b: u8| !is_word_byte(before) & wanted(b);
    // Whole chunks first, then what is left (or the chunk that holds one).
    let skipped = before
        .chunks_exact(CHUNK)
        .zip(at.chunks_exact(CHUNK))
        .position(|(before, at)| {
            let pairs = before.iter().zip(at);
            pairs.fold(false, |any, (&before, &b)| any | starts(before, b))
        })
        .unwrap_or(at.len() / CHUNK)
        * CHUNK;
    before[skipped..]
        .iter()
        .zip(&at[skipped..])
        .position(|(&before, &b)| starts(before, b))
        .map(|i| from + skipped + i)
}

/// Where the last byte `wanted` takes is.
fn rfind_byte(bytes: &[u8], wanted: impl Fn(u8) -> bool) -> Option<usize> {
    let skipped = bytes.rchunks(CHUNK).position(|c| holds(c, &wanted))? * CHUNK;
    bytes[..bytes.len() - skipped]
        .iter()
        .rposition(|&b| wanted(b))
}

fn starts_with_ignoring_case(s: &str, lowercase_prefix: &str) -> bool {
    s.as_bytes()
        .get(..lowercase_prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(lowercase_prefix.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::sample::select;

    /// Each spelling is one `EACH` takes, so the spellings are read right.
    #[test]
    fn every_spelling_names_a_part() {
        assert!(SPELLED.len() > 100, "{}", SPELLED.len());
        for (spelling, index) in SPELLED.iter() {
            assert!(index.is_some(), "{spelling:?}");
        }
        for usual in [
            "lumbar spine",
            "mid-back",
            "mid back",
            "index finger",
            "upper extremities",
        ] {
            assert!(SPELLED.contains_key(usual), "{usual:?}");
        }
    }

    /// Texts of `words`, each after a separator: mostly spaces, or a mark,
    /// another character, or nothing.
    fn texts(words: &'static [&'static str]) -> impl Strategy<Value = String> {
        let separator = prop_oneof![
            3 => select(&[" ", "  ", "\t", "\n", "\x0B"][..]),
            1 => select(&["", "\u{a0}", ",", ".", ";", ":", "(", "-", "é", "2"][..]),
        ];
        proptest::collection::vec((separator, select(words)), 0..6)
            .prop_map(|pairs| pairs.into_iter().flat_map(|(s, w)| [s, w]).collect())
    }

    /// The patterns the hand-read tests replace.
    static REPLACED: LazyLock<[Regex; 3]> = LazyLock::new(|| {
        [
            r"(?i)^(?:\s*(?:therapy|therapist|scooter|raise|raising|truck)\b)|^(?:\s+to\s+(?:work|duty|the\s+clinic))",
            r"(?i)^(?:\s+(?:on|of)\s+the\s+(left|right)(?:\s+side)?|\s+(bilaterally))\b",
            r"(?i)\b(?:denie[sd]|no|without|negative\s+for)\b",
        ]
        .map(|re| crate::text::pattern(re).unwrap())
    });

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        // Each hand-read test finds what the pattern it replaces finds.

        #[test]
        fn not_a_part_as_its_pattern(s in texts(&[
            "to", "TO", "work", "workers", "Duty", "the", "clinic", "therapy", "therapist",
            "scooter", "raise", "Raising", "truck",
        ])) {
            prop_assert_eq!(is_not_a_part(&s), REPLACED[0].is_match(&s));
        }

        #[test]
        fn side_after_as_its_pattern(s in texts(&[
            "on", "Of", "the", "THE", "left", "RIGHT", "side", "bilaterally", "bilateral",
        ])) {
            let side = REPLACED[1].captures(&s).map(|c| match c.get(1) {
                Some(side) => laterality_of(side.as_str()),
                None => Laterality::Bilateral,
            });
            prop_assert_eq!(side_after(&s), side);
        }

        #[test]
        fn negation_as_its_pattern(s in texts(&[
            "no", "No", "not", "denies", "denied", "without", "negative", "for", "pain",
        ])) {
            prop_assert_eq!(negation_end(&s), REPLACED[2].find(&s).map(|m| m.end()));
        }

        #[test]
        fn clause_words_as_a_plain_reading(
            s in texts(&["bilaterally", "BILATERALLY", "bilateral", "left", "knee"]),
            n in 0..6usize,
        ) {
            let clause = &s[..s.find(['.', ';']).unwrap_or(s.len())];
            let bilaterally = clause.to_ascii_lowercase().contains("bilaterally");
            prop_assert_eq!(clause_says_bilaterally(&s), bilaterally);
            let start = s.rfind(['.', ';', ':', '(']).map_or(0, |i| i + 1);
            let words: Vec<&str> = s[start..].split_whitespace().rev().take(n).collect();
            prop_assert_eq!(last_words_of_clause(&s).take(n).collect::<Vec<_>>(), words);
        }

        #[test]
        fn byte_search_as_a_plain_search(
            bytes in proptest::collection::vec(select(&b".;,ab _dN"[..]), 0..80),
            from in 0..90usize,
        ) {
            let mark = |b: u8| matches!(b, b'.' | b';' | b',');
            prop_assert_eq!(find_byte(&bytes, mark), bytes.iter().position(|&b| mark(b)));
            prop_assert_eq!(rfind_byte(&bytes, mark), bytes.iter().rposition(|&b| mark(b)));
            let letter = |b: u8| matches!(b, b'd' | b'N');
            let word_start = (from..bytes.len())
                .find(|&i| letter(bytes[i]) && (i == 0 || !is_word_byte(bytes[i - 1])));
            prop_assert_eq!(find_word_start(&bytes, from, letter), word_start);
        }
    }
}
