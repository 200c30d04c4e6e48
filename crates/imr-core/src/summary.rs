//! The clinical case summary: the worker, the injury, diagnoses, medications,
//! studies, treatments to date, work status, pain scores, and a dated
//! timeline of every event the summary mentions.

use crate::dates::{date_of, find_date, DATE_PATTERN};
use crate::normalize::Document;
use crate::text::{clean, trim_range, Scan};
use crate::{
    anatomy, classify_treatment, diagnoses, medications, patient, Date, EventKind, Patient,
    Spanned, Study, TimelineEvent, TreatmentCategory,
};
use regex::Regex;
use std::sync::LazyLock;

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: [&str; 12] = [
    "dr", "mr", "mrs", "ms", "vs", "no", "st", "jr", "approx", "e.g", "i.e", "etc",
];

/// Month and year with no day, and date-shaped numbers that are no valid
/// date ("0105-2017", "June 20216"): reported as doubtful, never guessed.
const DOUBTFUL_DATE: &str = r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+\d{4,5}\b|\b\d{3,4}-\d{4}\b|\b\d{1,2}-\d{4}\b";
const PAIN_SCORE: &str = r"(?i)\b\d{1,2}(?:\.\d)?(?:\s*(?:-|to)\s*\d{1,2})?\s*(?:/\s*10\b|out\s+of\s+10\b|on\s+a\s+(?:scale\s+of\s+(?:0\s*-\s*)?10|10-point\s+scale|0-10\s+scale))";
const WORK_STATUS: &str = r"(?i)\b(?:temporar(?:il)?y\s+total(?:ly)?\s+disab(?:ility|led)|temporary\s+partial\s+disability|\bTTD\b|permanent\s+and\s+stationary|(?:return(?:ed)?|able\s+to\s+return|released)\s+to\s+(?:modified|full|regular|light|restricted)?\s*(?:work|duty)(?:\s+with(?:out)?\s+restrictions)?|(?:working|work)\s+(?:with\s+)?(?:modified|full|regular|light)\s+dut(?:y|ies)|(?:modified|full|regular|light)\s+duty|working\s+with(?:out)?\s+restrictions|off\s+(?:of\s+)?work(?:\s+until\s+[\d/-]+)?|not\s+(?:currently\s+)?working)";
/// What one pass over the summary finds, in the order of [`SUMMARY_SCAN`]:
/// the most frequent last, since where the pass finds a pattern's match,
/// only the patterns after it are tried.
const TREATMENTS_CUES: usize = 0;
const OCCUPATIONS: usize = 1;
const MECHANISMS: usize = 2;
const WORK_STATUSES: usize = 3;
const PAIN_SCORES: usize = 4;
const DOUBTFUL_DATES: usize = 5;
const STUDIES: usize = 6;
const DATES: usize = 7;
const BODY_PARTS: usize = 8;
static SUMMARY_SCAN: LazyLock<Scan> =
    LazyLock::new(|| Scan::new(&summary_patterns()).expect("summary scan"));
fn summary_patterns() -> [&'static str; 9] {
    [
        TREATMENTS_CUE,
        OCCUPATION,
        &MECHANISM,
        WORK_STATUS,
        PAIN_SCORE,
        DOUBTFUL_DATE,
        STUDY,
        DATE_PATTERN,
        &anatomy::MENTION_PATTERN,
    ]
}
/// Every match lies within one sentence: no part of it holds a sentence end.
const OCCUPATION: &str = r"(?i)\b(?:works|worked|working|employed)\s+as\s+(?:an?\s+)?(?P<job>[a-z][a-z /-]+?)(?:\s+(?:for|at|with|who|when|and)\b|[,.;])";
/// [`OCCUPATION`] compiled alone, to read its group.
static OCCUPATION_GROUPS: LazyLock<Regex> =
    LazyLock::new(|| crate::text::pattern(OCCUPATION).expect("occupation"));
/// What leads into the mechanism of injury ("injured while", "the mechanism
/// of injury was described as"): the mechanism follows it, up to
/// [`MECHANISM_END`].
const MECHANISM_LEAD: &str = r"\b(?:mechanism\s+of\s+(?:the\s+)?injury\s+(?:is|was)\s+(?:detailed\s+|described\s+|reported\s+|noted\s+|documented\s+)?(?:as\s+)?|(?:injury|injuries|injured)\s+(?:occurred\s+)?(?:while|when)\s+(?:(?:the\s+injured\s+worker|he|she|the\s+patient)\s+)?|occurred\s+when\s+(?:the\s+injured\s+worker|he|she|the\s+patient)\s+|(?:sustained|suffered)\s+(?:an?\s+)?(?:industrial\s+|work-related\s+)?(?:injury|injuries)[a-z\s]*?\s(?:while|when|after|from|due\s+to|as\s+a\s+result\s+of)\s+(?:(?:he|she|the\s+injured\s+worker)\s+)?)";
/// Where a mechanism after its lead ends: at the sentence's end or at a new
/// clause about the worker.
const MECHANISM_END: &str = r"\s*(?:[.;]|,\s+(?:and\s+)?(?:he|she|the\s+injured))";
/// Or what the worker was doing, up to "when".
const MECHANISM_DOING: &str = r"(?:injured\s+worker|he|she|patient)\s+was\s+(?P<doing>(?:picking|lifting|carrying|pushing|pulling|moving|reaching|bending|twisting|climbing|walking|stepping|driving|stocking|loading|unloading|cleaning|working|trying)\b[^.;]*?)\s+when\b";
/// How a letter tells the mechanism of injury: after a lead, or as what the
/// worker was doing.
static MECHANISM: LazyLock<String> = LazyLock::new(|| {
    format!(r"(?i){MECHANISM_LEAD}(?P<what>[^.;]+?){MECHANISM_END}|{MECHANISM_DOING}")
});
/// [`MECHANISM`] compiled alone, to read its groups.
static MECHANISM_GROUPS: LazyLock<Regex> =
    LazyLock::new(|| crate::text::pattern(&MECHANISM).expect("mechanism"));
/// [`MECHANISM_LEAD`] compiled alone, to find where a mechanism starts.
static MECHANISM_LEAD_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(&format!("(?i){MECHANISM_LEAD}")).expect("mechanism lead")
});
/// A mechanism after its lead, up to its end.
static MECHANISM_AFTER_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(&format!(r"(?i)\A[^.;]+?{MECHANISM_END}")).expect("mechanism")
});
/// Study kinds and how letters write them.
const STUDY: &str = r"(?i)\b(?:MRI|magnetic\s+resonance\s+imaging|x-?\s*rays?|radiographs?|CT\s+scan|CT|computed\s+tomography|EMG(?:\s*/\s*NC[SV])?|NC[SV]|electromyograph\w*|nerve\s+conduction(?:\s+(?:study|studies|velocity))?|ultrasound|bone\s+scan|echocardiogram|EKG|ECG)\b";
static FINDINGS: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)\b(?:revealed|showed|shows|demonstrated|demonstrates|noted|indicated|indicates|was\s+(?:normal|negative|unremarkable)|were\s+(?:normal|negative|unremarkable)|impression)\b").expect("findings")
});
/// What introduces the treatments to date. Its words hold no sentence end;
/// its trailing white space, cut at the sentence's end, is what a search of
/// the sentence alone takes.
const TREATMENTS_CUE: &str = r"(?i)\b(?:treatment(?:s)?\s+(?:to\s+date\s+)?(?:has|have)\s+included|treatment\s+to\s+date\s+(?:included|includes|consisted\s+of)|(?:prior|past|previous)\s+treatments?\s+(?:has\s+|have\s+)?(?:included|includes|consisted\s+of)|(?:has|had)\s+been\s+treated\s+with|treated\s+conservatively\s+with)\s*:?\s*";

/// Everything the summary in the normalized range `[start, end)` says about
/// the patient, and its dated events.
pub fn read(doc: &Document, start: usize, end: usize) -> (Patient, Vec<TimelineEvent>) {
    let mut patient = patient::parse(doc, start, end);
    let sentences = sentences(doc, start, end);
    let lower = Lowercase::new(doc, start, end);
    (patient.diagnoses, patient.diagnosis_codes) = diagnoses::parse(doc, &sentences, &lower);
    patient.medications = medications::parse(doc, &sentences);
    // One pass finds the matches of every summary-wide pattern (relative to `start`).
    let found = SUMMARY_SCAN.find_each(&doc.text[start..end]);
    let absolute = |index: usize| found[index].iter().map(|&(s, e)| (start + s, start + e));
    patient.body_parts = anatomy::parse(doc, start, end, absolute(BODY_PARTS));
    patient.pain_scores = absolute(PAIN_SCORES)
        .filter_map(|(s, e)| clean(doc, s, e))
        .collect();
    patient.work_status = absolute(WORK_STATUSES)
        .rev()
        .find_map(|(s, e)| clean(doc, s, e));
    // A sentence's first match, read again for its group (the same match:
    // nothing before it or after its end takes part in it).
    patient.occupation = first_per_sentence(in_sentences(absolute(OCCUPATIONS), &sentences))
        .find_map(|(_, (s, e))| group(doc, &OCCUPATION_GROUPS, &["job"], s, e));
    patient.mechanism = absolute(MECHANISMS)
        .next()
        .and_then(|(at, end)| mechanism(doc, &lower, at, end));
    let dates: Vec<((usize, usize), Option<Date>)> = absolute(DATES)
        .map(|(s, e)| ((s, e), date_of(&doc.text[s..e])))
        .collect();
    patient.doubtful_dates = doubtful_dates(doc, absolute(DOUBTFUL_DATES), &dates);
    // A sentence's first study word: the kind of its study, and its event.
    let study_words: Vec<(usize, (usize, usize))> =
        first_per_sentence(in_sentences(absolute(STUDIES), &sentences)).collect();
    patient.studies = study_words
        .iter()
        .filter_map(|&(i, kind)| study(doc, &lower, sentences[i], kind))
        .collect();
    let cues = first_per_sentence(in_sentences(absolute(TREATMENTS_CUES), &sentences));
    patient.treatments = treatments(doc, &sentences, cues);
    let events = timeline(doc, &sentences, &lower, &dates, &study_words);
    (patient, events)
}

/// Matches of a pattern in the sentences: `(sentence index, match range)` in
/// text order, each cut at its sentence's end. The patterns used this way
/// hold no sentence end, so the matches are those a search of each sentence
/// would find.
fn in_sentences<'a>(
    matches: impl Iterator<Item = (usize, usize)> + 'a,
    sentences: &'a [(usize, usize)],
) -> impl Iterator<Item = (usize, (usize, usize))> + 'a {
    matches.filter_map(move |(at, end)| {
        let index = sentences.partition_point(|&(_, e)| e <= at);
        let &(s, e) = sentences.get(index)?;
        (s <= at).then_some((index, (at, end.min(e))))
    })
}

/// The matches of `re` in the sentences that hold one of `words`, each such
/// sentence searched on its own: `(sentence index, match range)` in text
/// order. Every match of `re` must hold one of the words; testing for them
/// is far cheaper than searching every sentence.
pub fn in_sentences_with<'a>(
    re: &'a Regex,
    words: &'a [&str],
    lower: &'a Lowercase,
    doc: &'a Document,
    sentences: &'a [(usize, usize)],
) -> impl Iterator<Item = (usize, (usize, usize))> + 'a {
    lower
        .sentences_with(sentences, words)
        .into_iter()
        .flat_map(move |index| {
            let (s, e) = sentences[index];
            re.find_iter(&doc.text[s..e])
                .map(move |m| (index, (s + m.start(), s + m.end())))
        })
}

/// The first of each sentence's matches.
fn first_per_sentence(
    matches: impl Iterator<Item = (usize, (usize, usize))>,
) -> impl Iterator<Item = (usize, (usize, usize))> {
    let mut last = None;
    matches.filter(move |&(index, _)| last.replace(index) != Some(index))
}

/// The summary in ASCII lowercase, byte for byte, so its offsets are those
/// of the normalized text: a plain substring test on it tells cheaply
/// whether a sentence can hold a match of a case-insensitive pattern.
pub struct Lowercase {
    text: String,
    start: usize,
}

impl Lowercase {
    fn new(doc: &Document, start: usize, end: usize) -> Self {
        Lowercase {
            text: doc.text[start..end].to_ascii_lowercase(),
            start,
        }
    }

    /// The normalized range `[s, e)` of the summary, lowercase.
    pub fn of(&self, (s, e): (usize, usize)) -> &str {
        &self.text[s - self.start..e - self.start]
    }

    /// The indices of the sentences (normalized ranges in text order, as
    /// [`sentences`] gives them) that hold one of `words` (lowercase), in
    /// any case, in order. One search of the summary per word finds them:
    /// a word holds no white space, so each occurrence lies in one sentence.
    pub fn sentences_with(&self, sentences: &[(usize, usize)], words: &[&str]) -> Vec<usize> {
        let mut found: Vec<usize> = words
            .iter()
            .flat_map(|word| {
                memchr::memmem::find_iter(self.text.as_bytes(), word.as_bytes()).filter_map(|at| {
                    let at = self.start + at;
                    let index = sentences.partition_point(|&(_, e)| e <= at);
                    let &(s, e) = sentences.get(index)?;
                    (s <= at && at + word.len() <= e).then_some(index)
                })
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// Sentence ranges (normalized offsets): a period, question or exclamation
/// mark followed by white space and a capital letter or digit ends one,
/// except after an abbreviation.
fn sentences(doc: &Document, start: usize, end: usize) -> Vec<(usize, usize)> {
    let text = &doc.text[start..end];
    let bytes = text.as_bytes();
    // Where a sentence may end: its marks, and a colon at a line's end, which
    // closes an introduction ("... including all medical records:"); other
    // colons introduce lists within a sentence. Colons are far fewer than
    // lines: each is tested for ending its line.
    let mut candidates: Vec<usize> = memchr::memchr3_iter(b'.', b'?', b'!', bytes)
        .chain(
            memchr::memchr_iter(b':', bytes)
                .filter(|&colon| text[colon + 1..].trim_start_matches(' ').starts_with('\n')),
        )
        .collect();
    candidates.sort_unstable();
    let mut out = Vec::new();
    let mut from = 0;
    for i in candidates {
        let next = text[i + 1..].trim_start();
        let starts_new = next.is_empty()
            || (next.len() < text.len() - i - 1
                && next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
        let after_abbreviation = || {
            let word_before = text[..i]
                .rsplit(|c: char| c.is_whitespace() || c == '(')
                .next()
                .unwrap_or("");
            ABBREVIATIONS
                .iter()
                .any(|a| a.eq_ignore_ascii_case(word_before))
        };
        if starts_new && !after_abbreviation() {
            out.push(trim_range(&doc.text, start + from, start + i + 1));
            from = i + 1;
        }
    }
    out.retain(|&(s, e)| s < e);
    out
}

/// The first of the named groups that took part in the first match (one
/// search, however many alternatives the pattern has).
fn group(
    doc: &Document,
    re: &Regex,
    names: &[&str],
    start: usize,
    end: usize,
) -> Option<Spanned<String>> {
    let captures = re.captures(&doc.text[start..end])?;
    let m = names.iter().find_map(|name| captures.name(name))?;
    clean(doc, start + m.start(), start + m.end())
}

/// The mechanism of injury that the first match of [`MECHANISM`], `[at,
/// end)`, tells. Its group is found from the match's ends and its lead
/// where that is plain: a search for the groups costs ten times more.
fn mechanism(doc: &Document, lower: &Lowercase, at: usize, end: usize) -> Option<Spanned<String>> {
    let text = &doc.text[..end];
    let lead = MECHANISM_LEAD_ALONE.find_at(text, at);
    let Some(lead_end) = lead.filter(|m| m.start() == at).map(|m| m.end()) else {
        // A mention with no lead tells what the worker was doing: from
        // after "was" (the first one: no subject holds it) to the final "when".
        let was = lower.of((at, end)).find("was")?;
        return clean(doc, at + was + 3, end - "when".len());
    };
    // When the lead's first way (its own match) is followed by the rest, the
    // mention took that way, and the mechanism ends before the mention's
    // last character (a sentence's end) or its last comma (a new clause).
    if MECHANISM_AFTER_LEAD.is_match(&text[lead_end..]) {
        let what_end = if text.ends_with(['.', ';']) {
            Some(end - 1)
        } else {
            text[lead_end..].rfind(',').map(|comma| lead_end + comma)
        };
        if let Some(what_end) = what_end {
            return clean(doc, lead_end, what_end);
        }
    }
    // Some other way through: read the groups.
    let captures = MECHANISM_GROUPS.captures_at(text, at)?;
    let m = ["what", "doing"]
        .iter()
        .find_map(|name| captures.name(name))?;
    clean(doc, m.start(), m.end())
}

/// Date-like text that is not a full valid date, given the full dates of
/// `[start, end)` (normalized ranges and values, in text order).
fn doubtful_dates(
    doc: &Document,
    candidates: impl Iterator<Item = (usize, usize)>,
    full: &[((usize, usize), Option<Date>)],
) -> Vec<Spanned<String>> {
    candidates
        .filter(|&(s, e)| {
            let written = &doc.text[s..e];
            // Both lists are in text order: find the first full date ending after this start.
            let next = full.partition_point(|&((_, end), _)| end <= s);
            let inside_full = full.get(next).is_some_and(|&((start, _), _)| start < e);
            // Two plausible years ("2015-2016") are a range, not a date.
            let year_range = written
                .split('-')
                .all(|p| p.len() == 4 && (p.starts_with("19") || p.starts_with("20")));
            !inside_full && !year_range && find_date(written).is_none()
        })
        .filter_map(|(s, e)| clean(doc, s, e))
        .collect()
}

/// A study the sentence reports as done (not one requested or planned),
/// given the first study word in it.
fn study(
    doc: &Document,
    lower: &Lowercase,
    (start, end): (usize, usize),
    kind: (usize, usize),
) -> Option<Study> {
    let sentence = &doc.text[start..end];
    let lower = lower.of((start, end));
    if [
        "request",
        "recommend",
        "plan",
        "will ",
        "would ",
        "ordered",
        "authorization",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        return None;
    }
    let findings = FINDINGS
        .find(sentence)
        .and_then(|m| clean(doc, start + m.end(), end));
    findings.as_ref()?;
    let date =
        find_date(sentence).map(|(r, d)| Spanned::new(d, doc.span(start + r.start, start + r.end)));
    Some(Study {
        kind: study_kind(&doc.text[kind.0..kind.1]).to_string(),
        date,
        findings,
        text: clean(doc, start, end)?,
    })
}

fn study_kind(written: &str) -> &'static str {
    let lower = written.to_ascii_lowercase();
    if lower.starts_with("mri") || lower.starts_with("magnetic") {
        "MRI"
    } else if lower.starts_with('x') || lower.starts_with("radiograph") {
        "X-ray"
    } else if lower.starts_with("ct") || lower.starts_with("computed") {
        "CT"
    } else if lower.starts_with("emg")
        || lower.starts_with("ncs")
        || lower.starts_with("ncv")
        || lower.starts_with("electro")
        || lower.starts_with("nerve")
    {
        "EMG/NCS"
    } else if lower.starts_with("ultra") {
        "Ultrasound"
    } else if lower.starts_with("bone") {
        "Bone scan"
    } else {
        "Cardiac test"
    }
}

/// Treatments to date: the list after "Treatment to date has included" and
/// the like (a sentence's first cue, as `(sentence index, match range)`),
/// each item with the category of the treatment classifier.
fn treatments(
    doc: &Document,
    sentences: &[(usize, usize)],
    cues: impl Iterator<Item = (usize, (usize, usize))>,
) -> Vec<crate::PriorTreatment> {
    let mut out: Vec<crate::PriorTreatment> = Vec::new();
    for (index, (_, list_from)) in cues {
        let end = sentences[index].1;
        let mut item_start = list_from;
        let list = &doc.text[list_from..end];
        let mut cuts: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < list.len() {
            let rest = &list[i..];
            let sep = if rest.starts_with(", and ") {
                6
            } else if rest.starts_with(", ") || rest.starts_with("; ") {
                2
            } else if rest.starts_with(" and ") {
                5
            } else {
                0
            };
            if sep > 0 {
                cuts.push((item_start, list_from + i));
                i += sep;
                item_start = list_from + i;
            } else {
                i += rest.chars().next().map_or(1, char::len_utf8);
            }
        }
        cuts.push((item_start, end));
        for (s, e) in cuts {
            let Some(mut text) = clean(doc, s, e) else {
                continue;
            };
            text.value = text.value.trim_end_matches(['.', ',', ';']).to_string();
            let category = classify_treatment(&text.value).category;
            if category != TreatmentCategory::Other
                || text.value.to_ascii_lowercase().contains("medication")
            {
                out.push(crate::PriorTreatment { category, text });
            }
        }
    }
    out
}

/// One event per dated sentence (a sentence with several dates gives one
/// per date), given the dates of the summary (normalized ranges and values,
/// in text order) and the study words of its sentences (sentence index and
/// range, in text order).
fn timeline(
    doc: &Document,
    sentences: &[(usize, usize)],
    lower: &Lowercase,
    dates: &[((usize, usize), Option<Date>)],
    study_words: &[(usize, (usize, usize))],
) -> Vec<TimelineEvent> {
    let (Some(&(first, _)), Some(&(_, last))) = (sentences.first(), sentences.last()) else {
        return Vec::new();
    };
    let mut events: Vec<TimelineEvent> = Vec::new();
    // The sentence of the previous event and what was read of it.
    let mut current: Option<(usize, Spanned<String>, EventKind)> = None;
    for &((at, end), date) in dates.iter().filter(|&&((s, e), _)| first <= s && e <= last) {
        let Some(date) = date else {
            continue;
        };
        let index = sentences
            .partition_point(|&(_, e)| e <= at)
            .min(sentences.len() - 1);
        if current.as_ref().is_none_or(|c| c.0 != index) {
            let (s, e) = sentences[index];
            let Some(text) = clean(doc, s, e) else {
                continue;
            };
            let names_study = study_words
                .binary_search_by_key(&index, |&(i, _)| i)
                .is_ok();
            current = Some((index, text, event_kind(lower.of((s, e)), names_study)));
        }
        if let Some((_, text, kind)) = &current {
            events.push(TimelineEvent {
                date: Spanned::new(date, doc.span(at, end)),
                kind: *kind,
                text: text.clone(),
            });
        }
    }
    events.sort_by_key(|e| e.date.value);
    events
}

/// What the sentence (lowercase, and whether it names a study) tells of.
fn event_kind(lower: &str, names_study: bool) -> EventKind {
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if has(&[
        "utilization review",
        " ur ",
        "non-certified",
        "noncertified",
        "non-certification",
        "modified the request",
        "denied",
    ]) {
        EventKind::UtilizationReview
    } else if has(&[
        "date of injury",
        "injury date",
        "was injured",
        "sustained",
        "industrial injury",
        "date of industrial",
        "occupational claim",
    ]) {
        EventKind::Injury
    } else if has(&["request for authorization", "rfa"]) {
        EventKind::Request
    } else if has(&[
        "surgery",
        "underwent",
        "ectomy",
        "otomy",
        "repair",
        "arthroscop",
        "fusion",
    ]) {
        EventKind::Surgery
    } else if names_study {
        EventKind::Study
    } else if has(&[
        "presented",
        "seen",
        "evaluated",
        "visit",
        "progress report",
        "progress note",
        "examination",
        "exam",
        "follow",
    ]) {
        EventKind::Visit
    } else {
        EventKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every corpus letter, raw and layout, whole.
    fn corpus_letters() -> Vec<String> {
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/dwc");
        ["raw", "layout"]
            .iter()
            .flat_map(|rendering| std::fs::read_dir(format!("{corpus}/{rendering}")).unwrap())
            .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
            .collect()
    }

    /// The mechanism read from a match's ends and lead is the group a
    /// captures search finds: at every match in every corpus letter (whole
    /// texts, raw and layout) and in text made to take other ways.
    #[test]
    fn mechanism_is_the_group_of_the_match() {
        let mut texts = corpus_letters();
        texts.push(
            "The mechanism of injury was described. The mechanism of injury was as; \
             The mechanism of injury was as . The mechanism of injury is detailed ; \
             He was lifting a box when. She sustained an injury while lifting, and she fell. \
             Injured while. injured when he, he was walking when it; She WAS moving it \
             when he sustained injuries from work, the injured worker"
                .to_string(),
        );
        let mut checked = 0;
        for text in &texts {
            let doc = Document::new(text);
            let lower = Lowercase::new(&doc, 0, doc.text.len());
            for m in MECHANISM_GROUPS.find_iter(&doc.text) {
                let captures = MECHANISM_GROUPS.captures_at(&doc.text, m.start()).unwrap();
                let group = ["what", "doing"]
                    .iter()
                    .find_map(|name| captures.name(name))
                    .unwrap();
                assert_eq!(
                    mechanism(&doc, &lower, m.start(), m.end()),
                    clean(&doc, group.start(), group.end()),
                    "{}",
                    m.as_str()
                );
                checked += 1;
            }
        }
        assert!(checked > 50, "{checked}");
    }

    /// The one pass finds for each pattern exactly what a search with that
    /// pattern alone finds: on every corpus letter (raw and layout, whole
    /// texts, not only their summaries) and on text full of edge cases.
    #[test]
    fn summary_scan_finds_what_each_pattern_finds() {
        let alone: Vec<Regex> = summary_patterns()
            .iter()
            .map(|p| crate::text::pattern(p).unwrap())
            .collect();
        let mut texts = corpus_letters();
        texts.push(
            "é12/10/2016 8/10 knee\u{a0}knees 7-8/10 Oct 2016 back to work off work \
             MRI: x-ray  ünee 0105-2017 mechanism of injury was a fall. 5/10"
                .to_string(),
        );
        texts.push(String::new());
        for text in &texts {
            let found = SUMMARY_SCAN.find_each(text);
            for (re, matches) in alone.iter().zip(&found) {
                let expected: Vec<(usize, usize)> =
                    re.find_iter(text).map(|m| (m.start(), m.end())).collect();
                assert_eq!(matches, &expected, "{re}");
            }
        }
    }
}
