//! Diagnoses in the case summary: the items a cue phrase presents as the
//! worker's diagnoses ("Diagnoses included ...", "being treated for ..."),
//! the list split into self-standing conditions (docs/annotation-guidelines.md §1).

use crate::normalize::Document;
use crate::summary::{in_sentences_with, Lowercase};
use crate::text::{clean, head, squash, trim_range};
use crate::{DiagnosisCode, Spanned};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Phrases that introduce a list of diagnoses; the list runs to the end of the sentence.
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(
        r"(?ix)\b(?:
            (?:is|was|has\s+been|had\s+been)?\s*being\s+treated\s+for
          | (?:has|have|had)\s+been\s+treated\s+for
          | (?:is|was)?\s*undergoing\s+treatments?\s+for
          | (?:current\s+|working\s+|final\s+)?diagnos[ie]s\s+(?:included|includes?|are|is|was|were|have\s+included|has\s+included|consist(?:s|ed)?\s+of)(?:\s+documented\s+as|\s+noted\s+as|\s+listed\s+as)?
          | (?:current\s+|working\s+)?diagnos[ie]s\s+(?:documented|noted|listed)\s+(?:as|include)
          | diagnos[ie]s\s+(?:that|which)\s+(?:included|includes?)
          | diagnos[ie]s\s*:
          | diagnosed\s+(?:with|as\s+having|as)
          | given\s+a\s+diagnosis\s+of
          | diagnos[ie]s\s+of
          | filed\s+a\s+claim\s+for
        )\s*:?\s*",
    )
    .expect("diagnosis cue")
});
/// Every cue holds one of these words.
const CUE_WORDS: &[&str] = &["treat", "diagnos", "claim"];
/// An ICD-10 code printed after a diagnosis, in brackets, or before it with a dash.
static ICD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"\s*[(\[]\s*(?:ICD[- ]?(?:10)?(?:-CM)?\s*:?\s*)?(?P<code>[A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)\s*[)\]]$")
        .expect("ICD code after")
});
static ICD_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"^(?P<code>[A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)\s*[-:]\s+")
        .expect("ICD code before")
});

/// The longest list read after a cue, in bytes (the longest in the corpus is
/// about 300); it keeps a sentence that never ends from being read again per cue.
const MAX_LIST: usize = 1000;

/// Where a list stops before its sentence does.
static LIST_END: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)\s*(?:,\s*)?\b(?:reportedly|who\b|which\b|that\s+(?:was|were|occurred)|as\s+a\s+result\s+of|secondary\s+to\s+(?:an?\s+)?(?:industrial|work)|related\s+to\s+(?:an?\s+)?(?:industrial|work)|sustained\s+on|per\s+the|according\s+to)")
        .expect("list end")
});
/// Words that name a condition: a piece holding one stands on its own.
static CONDITION: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(
        r"(?i)\b(?:pain|strain|sprain|fractures?|tears?|syndrome|disorders?|injury|injuries|radiculopathy|radiculitis|neuritis|neuropathy|disease|contusions?|displacement|dislocation|stenosis|herniation|herniated|impingement|lesions?|lumbago|sciatica|dysfunction|derangement|instability|effusion|spasms?|paresthesias?|numbness|weakness|stiffness|headaches?|migraines?|infection|laceration|abrasion|amputation|deformity|degeneration|hypertension|diabetes|depression|anxiety|insomnia|obesity|stress|bulging|bulge|protrusion|spondylolisthesis|status\s+post|s/p|post-?\s*(?:op|operative|surgical)|tachycardia|arrhythmia|infarct(?:ion)?|concussion|trauma|wound|burn|cyst|mass|tumor|erosion|rupture|avulsion|ganglion|trigger\s+finger|\w+itis|\w+osis|\w+algia|\w+opathy|\w+plegia)\b",
    )
    .expect("condition words")
});

/// Procedures that a diagnosis carries along ("S/P microdiscectomy and left
/// laminotomy", "fracture ... and repair on 10-22-16").
static PROCEDURE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)\b(?:\w+otomy|\w+ectomy|\w+plasty|repair|release|fusion|surgery|arthroscopy|fixation|replacement)\b")
        .expect("procedure words")
});
/// What separates list members: a comma or semicolon (with an optional
/// "and"/"or"), or a bare "and"/"or".
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)\s*[;,]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
        .expect("list separator")
});

/// The diagnoses of the normalized range `[start, end)` (the case summary),
/// given its sentences and its lowercase text; each once, in order.
pub fn parse(
    doc: &Document,
    sentences: &[(usize, usize)],
    lower: &Lowercase,
) -> (Vec<Spanned<String>>, Vec<DiagnosisCode>) {
    let mut out: Vec<Spanned<String>> = Vec::new();
    let mut codes: Vec<DiagnosisCode> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for (index, (_, cue_end)) in in_sentences_with(&CUE, CUE_WORDS, lower, doc, sentences) {
        let (start, end) = sentences[index];
        let sentence = &doc.text[start..end];
        let list_from = cue_end - start;
        let list = head(&sentence[list_from..], MAX_LIST);
        let list_to = list_from + LIST_END.find(list).map_or(list.len(), |m| m.start());
        for (s, e) in split(sentence, list_from, list_to) {
            let Some((item, code)) = item(doc, start + s, start + e) else {
                continue;
            };
            if seen.insert(squash(&item.value)) {
                codes.extend(code.map(|code| DiagnosisCode {
                    diagnosis: out.len(),
                    code,
                }));
                out.push(item);
            }
        }
    }
    (out, codes)
}

/// One diagnosis: the piece without a leading article or trailing
/// punctuation, and the ICD code printed with it ("lumbago (M54.5)",
/// "M54.5 - lumbago"), which is not part of its text.
fn item(
    doc: &Document,
    start: usize,
    end: usize,
) -> Option<(Spanned<String>, Option<Spanned<String>>)> {
    let (mut start, mut end) = trim_range(&doc.text, start, end);
    while end > start && doc.text[..end].ends_with(['.', ',', ';', ':']) {
        end -= 1;
    }
    let mut code = None;
    // A code after the diagnosis closes it with a bracket; one before opens
    // it with a letter and a digit: most items have neither, and are not searched.
    let piece = &doc.text[start..end];
    let code_after = piece.ends_with([')', ']']);
    let code_before = matches!(piece.as_bytes(), [letter, digit, ..] if letter.is_ascii_uppercase() && digit.is_ascii_digit());
    let found = code_after
        .then(|| ICD_AFTER.captures(piece))
        .flatten()
        .or_else(|| code_before.then(|| ICD_BEFORE.captures(piece)).flatten());
    if let Some(c) = found {
        if let (Some(all), Some(found)) = (c.get(0), c.name("code")) {
            code = Some(Spanned::new(
                found.as_str().to_string(),
                doc.span(start + found.start(), start + found.end()),
            ));
            if all.start() == 0 {
                start += all.end();
            } else {
                end = start + all.start();
            }
        }
    }
    let first_word = doc.text[start..end].split_whitespace().next().unwrap_or("");
    if ["a", "an", "the"].contains(&first_word.to_ascii_lowercase().as_str()) {
        start += first_word.len();
    }
    Some((clean(doc, start, end)?, code))
}

/// A list split at semicolons, commas and "and"/"or" between self-standing
/// conditions, as byte ranges of `sentence`. Pieces that name no condition
/// join the next piece when it opens with a modifier ("cervical, thoracic and
/// lumbar myoligamentous injury") and the piece before otherwise ("strain of
/// muscle, fascia and tendon at neck level"); a single condition word after
/// "and" ("sprain and strain") and a procedure ("and left laminotomy") join
/// the piece before.
fn split(sentence: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    // (start, end, joined to the previous piece by a bare and/or)
    let mut pieces: Vec<(usize, usize, bool)> = Vec::new();
    let mut piece_start = from;
    let mut joined = false;
    for sep in SEPARATOR.find_iter(&sentence[from..to]) {
        let (s, e) = (from + sep.start(), from + sep.end());
        pieces.push((piece_start, s, joined));
        joined = !sep.as_str().contains([',', ';']);
        piece_start = e;
    }
    pieces.push((piece_start, to, joined));

    let mut merged: Vec<(usize, usize)> = Vec::new();
    // Modifier pieces waiting for their head: (start of the first, end of the last).
    let mut pending: Option<(usize, usize)> = None;
    for &(s, e, by_word) in &pieces {
        let text = sentence[s..e].trim();
        let condition = CONDITION.is_match(text);
        let procedure = !condition && PROCEDURE.is_match(text);
        let mut words = text.split_whitespace();
        let (first, second) = (words.next(), words.next());
        // A match in a word is a match in the piece: only a condition can
        // open with a condition word, and a piece of one word is that word.
        let opens_with_condition =
            condition && (second.is_none() || first.is_some_and(|w| CONDITION.is_match(w)));
        // "cervical sprain and strain", "shoulder pain and injury status post
        // ...": a head noun with no site of its own shares the modifier of the
        // item before ("hypertension and dyslipidemia" share none).
        let shares_modifier = by_word
            && opens_with_condition
            && !second.is_some_and(|w| CONDITION.is_match(w))
            && !text
                .split_whitespace()
                .any(|w| matches!(w, "of" | "to" | "at" | "in"))
            && merged
                .last()
                .is_some_and(|&(ps, pe)| sentence[ps..pe].split_whitespace().nth(1).is_some());
        if let (true, None, Some(last)) = (shares_modifier || procedure, pending, merged.last_mut())
        {
            last.1 = e;
            continue;
        }
        if !condition {
            pending = Some((pending.map_or(s, |p| p.0), e));
            continue;
        }
        match (pending.take(), merged.last_mut()) {
            // Modifiers cannot precede a piece that opens with its condition word.
            (Some((_, pending_end)), Some(last)) if opens_with_condition => {
                last.1 = pending_end;
                merged.push((s, e));
            }
            (Some((pending_start, _)), _) => merged.push((pending_start, e)),
            (None, _) => merged.push((s, e)),
        }
    }
    // Trailing modifiers qualify the item before them.
    if let Some((pending_start, pending_end)) = pending {
        match merged.last_mut() {
            Some(last) => last.1 = pending_end,
            None => merged.push((pending_start, pending_end)),
        }
    }
    merged
}
