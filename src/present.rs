//! Pure presentational helpers: how the page words and cuts what the core
//! extracted. No domain rules live here (those are in `imr-core`); no browser
//! APIs either, so everything here is tested natively.

use imr_core::{
    Date, Determination, EventKind, GuidelineSource, MedicationStatus, Outcome, Severity, Sex, Span,
};

/// Texts longer than this are not parsed: determination letters are a few
/// dozen kilobytes, and parsing megabytes on every keystroke would freeze the page.
pub const MAX_TEXT_BYTES: usize = 1_000_000;

/// "December 21, 2016".
pub fn long_date(d: Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS
        .get(usize::from(d.month).wrapping_sub(1))
        .copied()
        .unwrap_or("?");
    format!("{month} {}, {}", d.day, d.year)
}

/// "1 day", "28 days".
pub fn count(n: impl Into<i64>, noun: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// "812 bytes", "14.2 KB", "5.0 MB" (decimal units, as file managers show).
pub fn human_size(bytes: usize) -> String {
    match bytes {
        0..1_000 => count(bytes as i64, "byte"),
        1_000..1_000_000 => format!("{:.1} KB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// The text before, inside and after `span`. The span is clamped to the text
/// and widened to character boundaries, so a stale or odd span never panics.
pub fn split_at_span(text: &str, span: Span) -> (&str, &str, &str) {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let ceil = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i += 1;
        }
        i
    };
    let start = floor(span.start);
    let end = ceil(span.end).max(start);
    (&text[..start], &text[start..end], &text[end..])
}

/// The 1-based line of `text` on which byte `offset` lies.
pub fn line_of(text: &str, offset: usize) -> usize {
    let (before, _, _) = split_at_span(text, Span::new(offset, offset));
    before.bytes().filter(|&b| b == b'\n').count() + 1
}

/// How an outcome is shown: a CSS class, a label, and what it means for the
/// worker. The classes pair colour with an icon and words (colour-blind safe).
pub fn outcome_label(outcome: &Outcome) -> (&'static str, String, &'static str) {
    match outcome {
        Outcome::Upheld => ("upheld", "Upheld".into(), "denial stands"),
        Outcome::Overturned => ("overturned", "Overturned".into(), "denial reversed"),
        Outcome::Other(word) => ("other", capitalize(word), "as worded in the letter"),
    }
}

/// The outcome's icon beside its word: a cross for a denial that stands, a
/// check for one reversed (shape, not only colour, tells them apart).
pub fn outcome_icon(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Upheld => "\u{2715}",
        Outcome::Overturned => "\u{2713}",
        Outcome::Other(_) => "\u{2022}",
    }
}

/// "Based on the MTUS", "Not based on the MTUS" or "MTUS not stated".
pub fn mtus_label(mtus: Option<bool>) -> &'static str {
    match mtus {
        Some(true) => "Based on the MTUS",
        Some(false) => "Not based on the MTUS",
        None => "MTUS not stated",
    }
}

/// The short name of a guideline family.
pub fn source_label(source: GuidelineSource) -> &'static str {
    match source {
        GuidelineSource::Mtus => "MTUS",
        GuidelineSource::Acoem => "ACOEM",
        GuidelineSource::Odg => "ODG",
        GuidelineSource::Other => "Other",
    }
}

pub fn sex_label(sex: Sex) -> &'static str {
    match sex {
        Sex::Male => "Male",
        Sex::Female => "Female",
    }
}

pub fn medication_status_label(status: MedicationStatus) -> &'static str {
    match status {
        MedicationStatus::Requested => "requested",
        MedicationStatus::Current => "current",
        MedicationStatus::Prior => "prior",
        MedicationStatus::Unknown => "status not stated",
    }
}

pub fn event_kind_label(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Injury => "Injury",
        EventKind::Visit => "Visit",
        EventKind::Study => "Study",
        EventKind::Surgery => "Surgery",
        EventKind::Request => "Request",
        EventKind::UtilizationReview => "Utilization review",
        EventKind::Other => "Event",
    }
}

/// "upheld" → "Upheld".
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// How the status banner above the result looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Nothing to read yet.
    Idle,
    /// A determination was read.
    Good,
    /// A determination was read, but something is missing or cut off.
    Warn,
    /// The text could not be read as a determination.
    Bad,
}

/// What the status banner says about the text and its parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub tone: Tone,
    pub headline: String,
    /// What was extracted, in words ("case number, decision date, 2 disputed items").
    pub found: Option<String>,
    /// The parser's own warnings and errors, in text order.
    pub problems: Vec<(Option<Span>, String)>,
}

/// The status for `text_bytes` of text and its parse (`None` when the text
/// was too long to parse).
pub fn status(text_bytes: usize, det: Option<&Determination>) -> Status {
    let Some(det) = det else {
        return Status {
            tone: Tone::Bad,
            headline: format!(
                "This text is {}: far longer than a determination letter (a few dozen KB), so it \
                 was not read. Paste a single letter (at most {}).",
                human_size(text_bytes),
                human_size(MAX_TEXT_BYTES)
            ),
            found: None,
            problems: Vec::new(),
        };
    };
    let problems: Vec<(Option<Span>, String)> = det
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| (d.span, d.message.clone()))
        .collect();
    let found = found_summary(det);
    if text_bytes == 0 {
        return Status {
            tone: Tone::Idle,
            headline:
                "No text yet. Paste a letter, choose or drop its PDF or a .txt file, or load the example."
                    .into(),
            found: None,
            problems: Vec::new(),
        };
    }
    let recognized = det.format != imr_core::Format::Unknown;
    let truncated = det.diagnostics.iter().any(|d| d.code == "truncated");
    let (tone, headline) = match (recognized, problems.is_empty()) {
        (false, _) => (
            Tone::Bad,
            "This text was not recognized as an IMR Final Determination letter.".to_string(),
        ),
        (true, true) => (Tone::Good, format!("Read as a {}.", det.format.describe())),
        (true, false) if truncated => (
            Tone::Warn,
            format!(
                "This looks like a {}, but the text seems cut off: paste the whole letter. \
                 What could be read is below.",
                det.format.describe()
            ),
        ),
        (true, false) => (
            Tone::Warn,
            format!(
                "Read as a {}, but with {}: check the result against the letter.",
                det.format.describe(),
                count(problems.len() as i64, "problem")
            ),
        ),
    };
    Status {
        tone,
        headline,
        found: Some(found),
        problems,
    }
}

/// In words, what was extracted from a letter.
fn found_summary(det: &Determination) -> String {
    let c = &det.case;
    let mut parts: Vec<String> = [
        (c.case_number.is_some(), "case number"),
        (c.decision_date.is_some(), "decision date"),
        (det.date_of_injury().is_some(), "date of injury"),
        (
            !det.reviewer.licensure.is_empty() || !det.reviewer.specialty.is_empty(),
            "reviewer's credentials",
        ),
        (
            det.patient.age.is_some() || det.patient.sex.is_some(),
            "patient's age or sex",
        ),
    ]
    .into_iter()
    .filter(|(present, _)| *present)
    .map(|(_, label)| label.to_string())
    .collect();
    if !det.decisions.is_empty() {
        parts.push(count(det.decisions.len() as i64, "disputed item"));
    }
    if parts.is_empty() {
        "Found: nothing a determination letter would contain.".into()
    } else {
        format!("Found: {}.", parts.join(", "))
    }
}

/// A safe file name for an export: the case number, else the source's stem,
/// else "imr-determination"; with `ext` appended.
pub fn export_file_name(det: &Determination, source: &str, ext: &str) -> String {
    let stem = det
        .case
        .case_number
        .as_ref()
        .map(|c| c.value.as_str())
        .unwrap_or_else(|| source.rsplit_once('.').map_or(source, |(stem, _)| stem));
    let safe: String = stem
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    let safe = safe.trim_matches('.');
    if safe.is_empty() {
        format!("imr-determination.{ext}")
    } else {
        format!("{safe}.{ext}")
    }
}

/// Whether a picked or dropped file can be read as a letter's text: a `.txt`
/// name or a `text/*` type (other binaries are refused, not garbled).
pub fn is_text_file(name: &str, mime: &str) -> bool {
    mime.starts_with("text/") || name.to_ascii_lowercase().ends_with(".txt")
}

/// Whether a picked or dropped file is a PDF, whose text layer is extracted.
pub fn is_pdf_file(name: &str, mime: &str) -> bool {
    mime == "application/pdf" || name.to_ascii_lowercase().ends_with(".pdf")
}

#[cfg(test)]
mod tests {
    use super::*;
    use imr_core::{Diagnostic, Spanned};

    fn date(y: u16, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn dates_read_as_words() {
        assert_eq!(long_date(date(2016, 12, 21)), "December 21, 2016");
        assert_eq!(long_date(date(2011, 4, 9)), "April 9, 2011");
    }

    #[test]
    fn counts_and_sizes() {
        assert_eq!(count(1, "day"), "1 day");
        assert_eq!(count(0, "day"), "0 days");
        assert_eq!(count(28, "day"), "28 days");
        assert_eq!(human_size(812), "812 bytes");
        assert_eq!(human_size(14_200), "14.2 KB");
        assert_eq!(human_size(5_000_000), "5.0 MB");
    }

    #[test]
    fn spans_split_text_safely() {
        let text = "Case Number: CM16-0221706\nDate: é";
        assert_eq!(
            split_at_span(text, Span::new(13, 25)),
            ("Case Number: ", "CM16-0221706", "\nDate: é")
        );
        // Inside the two-byte 'é': widened to the whole character.
        let e = text.find('é').unwrap();
        assert_eq!(split_at_span(text, Span::new(e + 1, e + 1)).1, "é");
        assert_eq!(split_at_span(text, Span::new(e + 1, e + 2)).1, "é");
        // A stale span past the end is clamped.
        assert_eq!(split_at_span(text, Span::new(90, 99)), (text, "", ""));
        assert_eq!(split_at_span(text, Span::new(20, 10)).1, "");
    }

    #[test]
    fn lines_are_counted_from_one() {
        let text = "a\nb\nc";
        assert_eq!(line_of(text, 0), 1);
        assert_eq!(line_of(text, 2), 2);
        assert_eq!(line_of(text, 4), 3);
        assert_eq!(line_of(text, 99), 3);
    }

    #[test]
    fn outcomes_have_words_not_only_colours() {
        assert_eq!(
            outcome_label(&Outcome::Upheld),
            ("upheld", "Upheld".into(), "denial stands")
        );
        assert_eq!(outcome_label(&Outcome::Overturned).0, "overturned");
        assert_eq!(
            outcome_label(&Outcome::Other("withdrawn".into())).1,
            "Withdrawn"
        );
        assert_eq!(mtus_label(Some(false)), "Not based on the MTUS");
        assert_eq!(source_label(GuidelineSource::Odg), "ODG");
    }

    #[test]
    fn empty_text_is_idle() {
        let det = imr_core::parse("");
        let s = status(0, Some(&det));
        assert_eq!(s.tone, Tone::Idle);
        assert!(s.headline.starts_with("No text yet"));
    }

    #[test]
    fn too_long_text_says_what_and_why() {
        let s = status(5_000_000, None);
        assert_eq!(s.tone, Tone::Bad);
        assert!(s.headline.contains("5.0 MB"), "{}", s.headline);
        assert!(s.headline.contains("1.0 MB"), "{}", s.headline);
    }

    #[test]
    fn not_a_letter_lists_the_parsers_reasons() {
        let text = "Dear Sir, please find my invoice attached.";
        let det = imr_core::parse(text);
        let s = status(text.len(), Some(&det));
        assert_eq!(s.tone, Tone::Bad);
        assert_eq!(
            s.found.as_deref(),
            Some("Found: nothing a determination letter would contain.")
        );
        assert!(!s.problems.is_empty());
    }

    #[test]
    fn warnings_make_a_read_letter_amber_and_say_when_it_is_cut_off() {
        let mut det = imr_core::parse("");
        det.format = imr_core::Format::DwcFinalDetermination;
        det.case.case_number = Some(Spanned::new("CM16-1".into(), Span::new(0, 6)));
        det.diagnostics = vec![Diagnostic {
            severity: Severity::Warning,
            code: "truncated".into(),
            message: "The text ends early.".into(),
            span: Some(Span::new(5, 6)),
        }];
        let s = status(10, Some(&det));
        assert_eq!(s.tone, Tone::Warn);
        assert!(s.headline.contains("seems cut off"), "{}", s.headline);
        assert_eq!(s.found.as_deref(), Some("Found: case number."));
        assert_eq!(
            s.problems,
            vec![(Some(Span::new(5, 6)), "The text ends early.".into())]
        );
        det.diagnostics[0].code = "missing_field".into();
        let s = status(10, Some(&det));
        assert_eq!(s.tone, Tone::Warn);
        assert!(s.headline.contains("with 1 problem"), "{}", s.headline);
    }

    #[test]
    fn text_files_and_pdfs_are_told_apart_from_other_files() {
        assert!(is_text_file("CM16-0221706.txt", ""));
        assert!(is_text_file("letter.TXT", "application/octet-stream"));
        assert!(is_text_file("notes", "text/plain"));
        assert!(!is_text_file("CM16-0221706.pdf", "application/pdf"));
        assert!(is_pdf_file("CM16-0221706.PDF", ""));
        assert!(is_pdf_file("download", "application/pdf"));
        assert!(!is_pdf_file("letter.docx", "application/msword"));
    }

    #[test]
    fn export_names_are_safe() {
        let mut det = imr_core::parse("");
        assert_eq!(
            export_file_name(&det, "CM16-0221706.txt", "json"),
            "CM16-0221706.json"
        );
        assert_eq!(
            export_file_name(&det, "pasted text", "csv"),
            "pastedtext.csv"
        );
        assert_eq!(
            export_file_name(&det, "../..", "csv"),
            "imr-determination.csv"
        );
        det.case.case_number = Some(Spanned::new("CM17/0001".into(), Span::default()));
        assert_eq!(export_file_name(&det, "x.txt", "json"), "CM170001.json");
    }
}
