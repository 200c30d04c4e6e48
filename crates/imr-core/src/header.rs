//! The case header table: labels and values paired in reading order, whatever
//! the rendering (labels block then values block, side by side, interleaved).

use crate::dates::date_of;
use crate::normalize::Document;
use crate::text::{is_pattern_space, is_word_byte};
use crate::{CaseHeader, Date, Spanned};
use std::collections::VecDeque;

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

/// One piece of the table: a label, a lone "Received:" (which continues the
/// label before it, "Application" and "Received:" being split over two
/// lines), or a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Label(Label),
    Received,
    CaseNumber,
    Date,
    Priority,
}

/// The labels' words, in the order they are tried; "Application" may stand
/// without "Received", but takes it when it follows.
const LABELS: [(&[&str], Label); 8] = [
    (&["Case", "Number"], Label::CaseNumber),
    (&["Date", "Assigned"], Label::DateAssigned),
    (&["Decision", "Date"], Label::DecisionDate),
    (&["Priority"], Label::Priority),
    (&["Date", "of", "Injury"], Label::DateOfInjury),
    (&["UR", "Denial", "Date"], Label::UrDenialDate),
    (&["Application", "Received"], Label::ApplicationReceived),
    (&["Application"], Label::ApplicationReceived),
];

const PRIORITIES: [&str; 3] = ["Standard", "Expedited", "Urgent"];

/// Reads the header table in the normalized range `[start, end)`.
///
/// Dates are paired first-in first-out with the date labels seen before them:
/// this is right for all renderings, because every rendering keeps the labels
/// of one column in order and never puts a value before its label.
pub fn parse(doc: &Document, start: usize, end: usize) -> CaseHeader {
    let mut header = CaseHeader::default();
    let mut pending_dates: VecDeque<Label> = VecDeque::new();
    let region = &doc.text[start..end];
    for (token, from, to) in tokens(region) {
        let text = &region[from..to];
        let span = || doc.span(start + from, start + to);
        match token {
            Token::Date => {
                // The token is a whole m/d/y date: its parts are read directly.
                let (Some(label), Some(date)) = (pending_dates.pop_front(), date_of(text)) else {
                    continue;
                };
                date_slot(&mut header, label).get_or_insert_with(|| Spanned::new(date, span()));
            }
            Token::CaseNumber => {
                header
                    .case_number
                    .get_or_insert_with(|| Spanned::new(text.to_string(), span()));
            }
            Token::Priority => {
                header
                    .priority
                    .get_or_insert_with(|| Spanned::new(text.to_string(), span()));
            }
            Token::Label(Label::CaseNumber | Label::Priority) | Token::Received => {}
            Token::Label(date_label) => pending_dates.push_back(date_label),
        }
    }
    header
}

/// The tokens of `text` and their byte ranges, each where a leftmost-first
/// search of this pattern finds it (`\s` and `\b` by ASCII rules):
///
/// ```text
/// (Case\s+Number|Date\s+Assigned|Decision\s+Date|Priority|Date\s+of\s+Injury
///     |UR\s+Denial\s+Date|Application(?:\s+Received)?)\s*:?
/// | Received\s*:
/// | \b[A-Z]{2}\d{2}-\d{5,8}\b
/// | \b\d{1,2}/\d{1,2}/\d{2,4}\b
/// | \b(?:Standard|Expedited|Urgent)\b
/// ```
///
/// Read by hand, since the search cost some 800 instructions a token; a test
/// holds the pattern and checks that the two agree.
fn tokens(text: &str) -> impl Iterator<Item = (Token, usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(&first) = bytes.get(at) {
            let found = match first {
                b'A'..=b'Z' => word_token_at(bytes, at),
                b'0'..=b'9' if starts_word(bytes, at) => {
                    date_end(bytes, at).map(|end| (Token::Date, end))
                }
                _ => None,
            };
            if let Some((token, end)) = found {
                let start = at;
                at = end;
                return Some((token, start, end));
            }
            at += 1;
        }
        None
    })
}

/// The token that starts at `i` with a capital letter, if any, and its end;
/// the pattern's alternatives tried in its order.
fn word_token_at(bytes: &[u8], i: usize) -> Option<(Token, usize)> {
    let label = LABELS
        .iter()
        .filter(|(words, _)| words[0].as_bytes()[0] == bytes[i])
        .find_map(|(words, label)| Some((*label, words_end(bytes, i, words)?)));
    if let Some((label, end)) = label {
        let end = end + run_of(bytes, end, |&b| is_pattern_space(b));
        let colon = bytes.get(end) == Some(&b':');
        return Some((Token::Label(label), end + usize::from(colon)));
    }
    if let Some(end) = literal_end(bytes, i, "Received") {
        let end = end + run_of(bytes, end, |&b| is_pattern_space(b));
        if bytes.get(end) == Some(&b':') {
            return Some((Token::Received, end + 1));
        }
    }
    // Labels may follow a letter; values stand alone.
    if !starts_word(bytes, i) {
        return None;
    }
    if let Some(end) = case_number_end(bytes, i) {
        return Some((Token::CaseNumber, end));
    }
    PRIORITIES
        .iter()
        .find_map(|word| literal_end(bytes, i, word).filter(|&end| ends_word(bytes, end)))
        .map(|end| (Token::Priority, end))
}

/// `[A-Z]{2}\d{2}-\d{5,8}\b` at `i` ("CM16-0221706"): its end.
fn case_number_end(bytes: &[u8], i: usize) -> Option<usize> {
    let prefix = bytes.get(i..i + 5)?;
    let well_formed = prefix[..2].iter().all(u8::is_ascii_uppercase)
        && prefix[2..4].iter().all(u8::is_ascii_digit)
        && prefix[4] == b'-';
    let serial = run_of(bytes, i + 5, u8::is_ascii_digit);
    let end = i + 5 + serial;
    (well_formed && (5..=8).contains(&serial) && ends_word(bytes, end)).then_some(end)
}

/// `\d{1,2}/\d{1,2}/\d{2,4}\b` at `i` ("11/23/2016"): its end. A run of
/// digits too long for its part matches no shorter part either, since a
/// slash or a word's end must follow.
fn date_end(bytes: &[u8], i: usize) -> Option<usize> {
    let month = run_of(bytes, i, u8::is_ascii_digit);
    let day_at = i + month + 1;
    let day = run_of(bytes, day_at, u8::is_ascii_digit);
    let year_at = day_at + day + 1;
    let year = run_of(bytes, year_at, u8::is_ascii_digit);
    let end = year_at + year;
    let fits = (1..=2).contains(&month)
        && bytes.get(day_at - 1) == Some(&b'/')
        && (1..=2).contains(&day)
        && bytes.get(year_at - 1) == Some(&b'/')
        && (2..=4).contains(&year)
        && ends_word(bytes, end);
    fits.then_some(end)
}

/// `word\s+word...` at `i`: where the last word ends. Each run of spaces is
/// taken whole (`\s+` backs off in vain: a word never starts with a space).
fn words_end(bytes: &[u8], i: usize, words: &[&str]) -> Option<usize> {
    let (first, rest) = words.split_first()?;
    let mut end = literal_end(bytes, i, first)?;
    for word in rest {
        let spaces = run_of(bytes, end, |&b| is_pattern_space(b));
        if spaces == 0 {
            return None;
        }
        end = literal_end(bytes, end + spaces, word)?;
    }
    Some(end)
}

fn literal_end(bytes: &[u8], at: usize, word: &str) -> Option<usize> {
    let found = bytes.get(at..)?.starts_with(word.as_bytes());
    found.then_some(at + word.len())
}

/// How many bytes from `at` on are of a kind.
fn run_of(bytes: &[u8], at: usize, kind: fn(&u8) -> bool) -> usize {
    bytes
        .get(at..)
        .map_or(0, |rest| rest.iter().take_while(|b| kind(b)).count())
}

/// `\b` before a word character at `i`.
fn starts_word(bytes: &[u8], i: usize) -> bool {
    i == 0 || !is_word_byte(bytes[i - 1])
}

/// `\b` after a word character, at `i`.
fn ends_word(bytes: &[u8], i: usize) -> bool {
    bytes.get(i).is_none_or(|&b| !is_word_byte(b))
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::sample::select;
    use regex::Regex;
    use std::path::Path;
    use std::sync::LazyLock;

    /// The pattern [`tokens`] reads by hand, one group for each kind.
    static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
        crate::text::pattern(
            r"(?x)
            (?P<label>Case\s+Number|Date\s+Assigned|Decision\s+Date|Priority|Date\s+of\s+Injury|UR\s+Denial\s+Date|Application(?:\s+Received)?)\s*:?
            | (?P<received>Received\s*:)
            | (?P<case>\b[A-Z]{2}\d{2}-\d{5,8}\b)
            | (?P<date>\b\d{1,2}/\d{1,2}/\d{2,4}\b)
            | (?P<priority>\b(?:Standard|Expedited|Urgent)\b)",
        )
        .unwrap()
    });

    const GROUPS: [&str; 5] = ["label", "received", "case", "date", "priority"];

    fn searched(text: &str) -> Vec<(&'static str, usize, usize)> {
        TOKEN
            .captures_iter(text)
            .map(|c| {
                let whole = c.get(0).unwrap();
                let group = GROUPS.into_iter().find(|g| c.name(g).is_some()).unwrap();
                (group, whole.start(), whole.end())
            })
            .collect()
    }

    fn read(text: &str) -> Vec<(&'static str, usize, usize)> {
        tokens(text)
            .map(|(token, from, to)| {
                let group = match token {
                    Token::Label(_) => "label",
                    Token::Received => "received",
                    Token::CaseNumber => "case",
                    Token::Date => "date",
                    Token::Priority => "priority",
                };
                (group, from, to)
            })
            .collect()
    }

    /// What header-like text is made of: the labels and their words, values
    /// and near-values, every space of `\s` and some that are not, word
    /// characters and punctuation to stand beside the others.
    const PIECES: [&str; 52] = [
        "Case Number",
        "Date Assigned",
        "Decision Date",
        "Priority",
        "Date of Injury",
        "UR Denial Date",
        "Application",
        "Received",
        "Case",
        "Number",
        "Date",
        "Assigned",
        "Decision",
        "of",
        "Injury",
        "UR",
        "Denial",
        "CM16-0221706",
        "AB12-12345",
        "XY99-123456789",
        "Cm16-12345",
        "C16-12345",
        "11/23/2016",
        "1/2/16",
        "123/1/2016",
        "1/2/20161",
        "1/2/3",
        "Standard",
        "Expedited",
        "Urgent",
        "Urgently",
        " ",
        "  ",
        "\n",
        "\t",
        "\r",
        "\x0B",
        "\x0C",
        "\u{a0}",
        ":",
        "/",
        "-",
        "_",
        ".",
        "é",
        "ſ",
        "\u{212A}",
        "x",
        "7",
        "42",
        "Z",
        "A",
    ];

    fn header_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => select(&PIECES[..]).prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 20_000,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn tokens_are_the_patterns_matches(text in header_like()) {
            prop_assert_eq!(read(&text), searched(&text));
        }
    }

    /// Every text of the shared corpus, as pasted and normalized.
    #[test]
    fn tokens_are_the_patterns_matches_in_the_corpus() {
        let mut folders =
            vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")];
        let mut texts = 0;
        while let Some(folder) = folders.pop() {
            for path in std::fs::read_dir(folder)
                .unwrap()
                .map(|e| e.unwrap().path())
            {
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|ext| ext == "txt") {
                    let original = std::fs::read_to_string(&path).unwrap();
                    for text in [original.as_str(), &Document::new(&original).text] {
                        assert_eq!(read(text), searched(text), "{}", path.display());
                    }
                    texts += 1;
                }
            }
        }
        assert!(texts > 600, "only {texts} corpus texts");
    }

    /// Each label names its own slot, and "Application Received" is one label
    /// whether or not a line break parts its words.
    #[test]
    fn labels_and_values() {
        let text = "Date of\nInjury: 1/2/16 Application\n Received :UR Denial Date\tCM16-0221706 Urgent Received:";
        let found: Vec<(Token, &str)> = tokens(text).map(|(t, a, b)| (t, &text[a..b])).collect();
        assert_eq!(
            found,
            [
                (Token::Label(Label::DateOfInjury), "Date of\nInjury:"),
                (Token::Date, "1/2/16"),
                (
                    Token::Label(Label::ApplicationReceived),
                    "Application\n Received :"
                ),
                (Token::Label(Label::UrDenialDate), "UR Denial Date\t"),
                (Token::CaseNumber, "CM16-0221706"),
                (Token::Priority, "Urgent"),
                (Token::Received, "Received:"),
            ]
        );
    }
}
