//! The case header table: labels and values paired in reading order, whatever
//! the rendering (labels block then values block, side by side, interleaved).

use crate::dates::date_of;
use crate::normalize::Document;
use crate::{CaseHeader, Date, Spanned};
use regex::Regex;
use std::collections::VecDeque;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    CaseNumber,
    DateAssigned,
    DecisionDate,
    Priority,
    DateOfInjury,
    UrDenialDate,
    ApplicationReceived,
}

/// Labels and values in one pass. "Application" and "Received:" may be split
/// over two lines; a lone "Received:" continues the previous label.
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(
        r"(?x)
        (?P<label>Case\s+Number|Date\s+Assigned|Decision\s+Date|Priority|Date\s+of\s+Injury|UR\s+Denial\s+Date|Application(?:\s+Received)?)\s*:?
        | (?P<received>Received\s*:)
        | (?P<case>\b[A-Z]{2}\d{2}-\d{5,8}\b)
        | (?P<date>\b\d{1,2}/\d{1,2}/\d{2,4}\b)
        | (?P<priority>\b(?:Standard|Expedited|Urgent)\b)",
    )
    .expect("header token pattern")
});

/// Reads the header table in the normalized range `[start, end)`.
///
/// Dates are paired first-in first-out with the date labels seen before them:
/// this is right for all renderings, because every rendering keeps the labels
/// of one column in order and never puts a value before its label.
pub fn parse(doc: &Document, start: usize, end: usize) -> CaseHeader {
    let mut header = CaseHeader::default();
    let mut pending_dates: VecDeque<Label> = VecDeque::new();
    let region = &doc.text[start..end];
    // Which alternative matched is told by the text itself; no capture groups
    // are needed, so the search stays on the fast engine.
    for m in TOKEN.find_iter(region) {
        let token = m.as_str();
        let span = doc.span(start + m.start(), start + m.end());
        if token.starts_with(|c: char| c.is_ascii_digit()) {
            // The token is a whole m/d/y date: its parts are read directly.
            let (Some(label), Some(date)) = (pending_dates.pop_front(), date_of(token)) else {
                continue;
            };
            date_slot(&mut header, label).get_or_insert(Spanned::new(date, span));
        } else if token.as_bytes().get(2).is_some_and(u8::is_ascii_digit) {
            header
                .case_number
                .get_or_insert(Spanned::new(token.to_string(), span));
        } else if matches!(token, "Standard" | "Expedited" | "Urgent") {
            header
                .priority
                .get_or_insert(Spanned::new(token.to_string(), span));
        } else if !token.starts_with("Received") {
            match label_of(token.trim_end_matches([':', ' ', '\n'])) {
                Label::CaseNumber | Label::Priority => {}
                date_label => pending_dates.push_back(date_label),
            }
        }
    }
    header
}

fn label_of(text: &str) -> Label {
    let first = text.split_whitespace().collect::<Vec<_>>();
    match first.as_slice() {
        ["Case", ..] => Label::CaseNumber,
        ["Date", "Assigned"] => Label::DateAssigned,
        ["Decision", ..] => Label::DecisionDate,
        ["Priority"] => Label::Priority,
        ["Date", "of", ..] => Label::DateOfInjury,
        ["UR", ..] => Label::UrDenialDate,
        _ => Label::ApplicationReceived,
    }
}

fn date_slot(header: &mut CaseHeader, label: Label) -> &mut Option<Spanned<Date>> {
    match label {
        Label::DateAssigned => &mut header.date_assigned,
        Label::DecisionDate => &mut header.decision_date,
        Label::DateOfInjury => &mut header.date_of_injury,
        Label::UrDenialDate => &mut header.ur_denial_date,
        _ => &mut header.application_received,
    }
}
