//! Finds where one letter ends and the next begins in a text that holds
//! several pasted (or concatenated) one after another.
//!
//! Every layout has one title heading that a letter states exactly once. A
//! second title starts a second letter; the letter then begins at the first
//! line of the header block right above its title (the header table: "Case
//! Number:", dates, "Standard", in any of the renderings), so that the header
//! goes with its own letter, not with the end of the one before.

use crate::Span;
use regex::Regex;
use std::sync::LazyLock;

/// The title of each layout, at the start of a line.
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(
        r"(?m)^[ \t\f]*(?:HOW THE IMR FINAL DETERMINATION WAS MADE|MAXIMUS FEDERAL SERVICES, INC\.|MEDICAL PROFESSIONAL REVIEW\b|DEPARTMENT OF MANAGED HEALTH CARE)",
    )
    .expect("valid title pattern")
});

/// A line of a header block: labels and values only ("Case Number:",
/// "CM16-0221706", "11/23/2016", "Standard", "Application Received:"), or blank.
static HEADER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(
        r"^(?:\s|Case Number:|Date Assigned:|Decision Date:|Priority:|Date of Injury:|UR Denial Date:|Application|Received:|Standard|Expedited|CM\d\d-\d+|\d{1,2}/\d{1,2}/\d{4})*$",
    )
    .expect("valid header-line pattern")
});

/// How many lines above a title a header block may reach (the raw rendering's
/// label-then-value table is about twenty, double-spaced renderings twice that).
const MAX_HEADER_LINES: usize = 60;

/// The byte ranges of the letters in `text`, in order. They cover the whole
/// text without gaps; a text with at most one letter gives one range.
pub fn split(text: &str) -> Vec<Span> {
    let titles: Vec<usize> = TITLE.find_iter(text).map(|m| m.start()).collect();
    let mut starts = vec![0];
    for pair in titles.windows(2) {
        let start = header_start(text, pair[0], pair[1]);
        starts.push(start);
    }
    starts.push(text.len());
    starts.windows(2).map(|w| Span::new(w[0], w[1])).collect()
}

/// Where the letter whose title is at `title` begins: the first non-blank line
/// of the header block right above it, but never at or before the previous
/// letter's title at `previous`.
fn header_start(text: &str, previous: usize, title: usize) -> usize {
    let title_line = text[..title].rfind('\n').map_or(0, |i| i + 1);
    let mut start = title_line.max(previous + 1);
    let mut first_text_line = start;
    for _ in 0..MAX_HEADER_LINES {
        if start <= previous + 1 {
            break;
        }
        let line_start = text[..start - 1].rfind('\n').map_or(0, |i| i + 1);
        if line_start <= previous {
            break;
        }
        let line = &text[line_start..start - 1];
        if !HEADER_LINE.is_match(line) {
            break;
        }
        start = line_start;
        if !line.trim().is_empty() {
            first_text_line = line_start;
        }
    }
    first_text_line
}
