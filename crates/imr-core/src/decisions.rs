//! Disputed items: each item heading ("<treatment>: Upheld"), the
//! modified-request story, the two guideline paragraphs and the rationale.

use crate::normalize::{Document, Line};
use crate::text::{clean, is_pattern_space};
use crate::{guideline, Decision, Guideline, Modification, Outcome, Span, Spanned};
use regex::Regex;
use std::sync::LazyLock;

/// The end of an item heading: ": Upheld", ": Overturned", or another outcome
/// word, last on its line; the word may have wrapped onto a line of its own.
static OUTCOME: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(
        r"(?im):\s*(upheld(?:\s+in\s+part)?|overturned(?:\s+in\s+part)?|partially\s+(?:upheld|overturned)|withdrawn|not\s+eligible|ineligible|dismissed)[ ]*$",
    )
    .expect("outcome pattern")
});
/// The labels of an item's parts: the claims administrator's guideline, the
/// reviewer's guideline and the rationale. Each ends with a colon.
const LABELS: [&str; 3] = [
    r"(?i)Claims\s*Administrator\s*guideline\s*:",
    r"(?i)(?:MAXIMUS|Expert\s*Reviewer(?:'s)?|IMR)\s*guideline\s*:",
    r"(?i)Decision\s*rationale\s*:",
];
/// Any of [`LABELS`] that ends where the text does (see [`item_labels`]).
static LABEL_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    let any = LABELS.map(|label| format!("(?:{label})")).join("|");
    crate::text::pattern(&format!("(?:{any})$")).expect("item labels")
});
// A modified request's heading tells a story: "X was the original request.
// Y was authorized by the Claims Administrator. The remaining IMR eligible
// portion of the original request, Z is" or "X was the original request. The
// Claims Administrator authorized Y, leaving the original request IMR
// eligible. The original request, X is". Its fixed words, in order:
const WAS_ORIGINAL: &str = r",?\s*was\s*the\s*original\s*request\s*\.?\s*";
const WAS_AUTHORIZED: &str = r"\s*(?:was|were)\s*authorized\s*by\s*the\s*Claims\s*Administrator";
const CA_AUTHORIZED: &str = r"The\s*Claims\s*Administrator\s*authorized\s*";
const LEAVING: &str = r",?\s*leaving\s*the\s*original\s*request\s*IMR\s*eligible";
const DISPUTED: &str = r"\s*\.\s*(?:The\s*remaining\s*IMR\s*eligible\s*portion\s*of\s*(?:the\s*)?original\s*request|The\s*original\s*request)\s*,?\s*";
const END: &str = r"(?:\s*,?\s*(?:is|are))?\s*$";

/// The searches that read a story (see [`read_story`]): all that may follow
/// each value, to the end; and each run of fixed words, anchored.
struct StoryPatterns {
    after_x: Regex,
    /// After Y in "Y was authorized".
    after_y_was: Regex,
    /// After Y in "authorized Y".
    after_y: Regex,
    after_z: Regex,
    was_original: Regex,
    was_authorized: Regex,
    ca_authorized: Regex,
    leaving: Regex,
    disputed: Regex,
}

static STORY: LazyLock<StoryPatterns> = LazyLock::new(|| {
    let compile = |pieces: &[&str]| {
        crate::text::pattern(&format!("(?is){}", pieces.concat())).expect("story pattern")
    };
    let after_y = ["(?:", LEAVING, ")?", DISPUTED, ".+?", END].concat();
    StoryPatterns {
        after_x: compile(&[
            WAS_ORIGINAL,
            "(?:.+?",
            WAS_AUTHORIZED,
            "|",
            CA_AUTHORIZED,
            ".+?)",
            &after_y,
        ]),
        after_y_was: compile(&[WAS_AUTHORIZED, &after_y]),
        after_y: compile(&[&after_y]),
        after_z: compile(&[END]),
        was_original: compile(&["^", WAS_ORIGINAL]),
        was_authorized: compile(&["^", WAS_AUTHORIZED]),
        ca_authorized: compile(&["^", CA_AUTHORIZED]),
        leaving: compile(&["^", LEAVING]),
        disputed: compile(&["^", DISPUTED]),
    }
});
/// A heading never runs longer than this many lines (modified requests are the longest).
const MAX_HEADING_LINES: usize = 10;

/// Reads every item in `lines` (the issues section); `end` is the normalized
/// offset where the section ends.
pub fn parse(doc: &Document, lines: &[Line], end: usize) -> Vec<Decision> {
    let Some(first) = lines.first() else {
        return Vec::new();
    };
    let line_of = |offset: usize| lines.partition_point(|l| l.end <= offset);
    // (line holding the colon, colon offset, outcome word range)
    let outcomes: Vec<(usize, usize, (usize, usize))> = OUTCOME
        .find_iter(&doc.text[first.start..end])
        .map(|m| {
            let colon = first.start + m.start();
            let word = outcome_word(m.as_str());
            let word = (colon + word.start, colon + word.end);
            (line_of(colon), colon, word)
        })
        .filter(|&(line, colon, _)| line < lines.len() && lines[line].start <= colon)
        .collect();
    let mut starts = Vec::with_capacity(outcomes.len());
    let mut floor = 0;
    for &(k, _, (_, word_end)) in &outcomes {
        starts.push(heading_start(doc, lines, k, floor));
        // The next heading starts after this one's outcome word, which may
        // have wrapped onto a line of its own.
        floor = line_of(word_end.saturating_sub(1)) + 1;
    }
    let mut decisions = Vec::with_capacity(outcomes.len());
    for n in 0..outcomes.len() {
        let heading_from = lines[starts[n]].start;
        let item_end = starts.get(n + 1).map_or(end, |&s| lines[s].start);
        let (_, colon, word) = outcomes[n];
        decisions.extend(item(doc, heading_from, colon, word, item_end));
    }
    decisions
}

/// Where the outcome word lies in a match of `OUTCOME`: after the colon and
/// the spaces (`\s`) that follow it, before the trailing spaces; the word
/// begins and ends with a letter. Found from the match, not by a capture search.
fn outcome_word(found: &str) -> std::ops::Range<usize> {
    let after_colon = &found[1..];
    let word =
        after_colon.trim_start_matches(|c: char| u8::try_from(c).is_ok_and(is_pattern_space));
    let start = found.len() - word.len();
    start..start + word.trim_end_matches(' ').len()
}

/// The first line of the heading that ends at line `k`: walk back while the
/// previous line does not close a sentence (the previous item's rationale or
/// the section's lead-in end with "." or ":").
fn heading_start(doc: &Document, lines: &[Line], k: usize, floor: usize) -> usize {
    let lowest = floor.max(k.saturating_sub(MAX_HEADING_LINES));
    let opens_heading = |j: usize| j <= lowest || closes_sentence(doc.line_text(&lines[j - 1]));
    let mut j = k;
    while !opens_heading(j) {
        j -= 1;
    }
    // A modified request's heading holds whole sentences: walk back to the one
    // that says "was the original request".
    let block = |from: usize| doc.text[lines[from].start..lines[k].end].to_ascii_lowercase();
    let story_tail = |b: &str| b.contains("authorized") || b.contains("original request");
    if story_tail(&block(j)) && !block(j).contains("was the original request") {
        let mut i = j;
        while i > lowest {
            i -= 1;
            if block(i).contains("was the original request") {
                j = i;
                while !opens_heading(j) {
                    j -= 1;
                }
                break;
            }
        }
    }
    j
}

fn closes_sentence(line: &str) -> bool {
    line.ends_with(['.', ':', '?', '!']) || line.ends_with(".)") || line.ends_with(".\"")
}

fn item(
    doc: &Document,
    heading_from: usize,
    colon: usize,
    (word_start, word_end): (usize, usize),
    item_end: usize,
) -> Option<Decision> {
    let word = doc.text[word_start..word_end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let outcome = Spanned::new(Outcome::from_word(&word), doc.span(word_start, word_end));
    let (treatment, modification) = heading(doc, heading_from, colon)?;
    let labels = item_labels(doc, word_end, item_end);
    let parts = Parts::between(doc, labels, item_end);
    Some(parts.into_decision(doc, treatment, outcome, modification, heading_from))
}

/// The three labelled parts of an item: the claims administrator's
/// guideline, the reviewer's guideline and the rationale.
pub struct Parts {
    pub claims_administrator_guideline: Option<Guideline>,
    pub reviewer_guideline: Option<Guideline>,
    pub rationale: Option<Spanned<String>>,
}

/// Finds the parts opened by `labels` (claims administrator, reviewer,
/// rationale) in the normalized range `[from, to)`. Each part runs from its
/// label to the next label after it, or to `to`; the labels may come in any order.
pub fn labelled_parts(doc: &Document, labels: [&Regex; 3], from: usize, to: usize) -> Parts {
    let found = labels.map(|re| {
        re.find(&doc.text[from..to])
            .map(|m| (from + m.start(), from + m.end()))
    });
    Parts::between(doc, found, to)
}

/// The first match of each of [`LABELS`] in `[from, to)`, as a search for
/// each would find it, but found from the colons: a label ends with the
/// only colon it holds, so its first match is the one that ends at the
/// first colon where one ends. One search backwards from each colon, which
/// stops at the colon before, instead of three that stop at every word a
/// label might start with.
fn item_labels(doc: &Document, from: usize, to: usize) -> [Option<(usize, usize)>; 3] {
    let text = &doc.text[from..to];
    let mut found = [None; 3];
    for (colon, _) in text.match_indices(':') {
        if let Some(m) = LABEL_ENDING.find(&text[..=colon]) {
            // Only the claims administrator's label starts with a C, only the
            // rationale's with a D.
            let label = match m.as_str().as_bytes()[0] | 0x20 {
                b'c' => 0,
                b'd' => 2,
                _ => 1,
            };
            found[label].get_or_insert((from + m.start(), from + m.end()));
            if found.iter().all(Option::is_some) {
                break;
            }
        }
    }
    found
}

impl Parts {
    /// The parts opened by the labels found at `labels` (claims administrator,
    /// reviewer, rationale): each runs from the end of its label to the start
    /// of the next label after it, or to `to`.
    fn between(doc: &Document, labels: [Option<(usize, usize)>; 3], to: usize) -> Parts {
        let part_end = |text_from: usize| {
            labels
                .iter()
                .flatten()
                .map(|&(s, _)| s)
                .filter(|&s| s >= text_from)
                .min()
                .unwrap_or(to)
        };
        let part = |i: usize| labels[i].map(|(_, text_from)| (text_from, part_end(text_from)));
        Parts {
            claims_administrator_guideline: part(0).and_then(|(s, e)| guideline::parse(doc, s, e)),
            reviewer_guideline: part(1).and_then(|(s, e)| guideline::parse(doc, s, e)),
            rationale: part(2).and_then(|(s, e)| clean(doc, s, e)),
        }
    }

    /// The decision these parts belong to; it spans from `item_from` (normalized)
    /// to the end of the last part found.
    pub fn into_decision(
        self,
        doc: &Document,
        treatment: Spanned<String>,
        outcome: Spanned<Outcome>,
        modification: Option<Modification>,
        item_from: usize,
    ) -> Decision {
        let start = doc.original_offset(item_from);
        let end = [
            Some(outcome.span.end),
            Some(treatment.span.end),
            self.claims_administrator_guideline
                .as_ref()
                .map(|g| g.text.span.end),
            self.reviewer_guideline.as_ref().map(|g| g.text.span.end),
            self.rationale.as_ref().map(|r| r.span.end),
        ]
        .into_iter()
        .flatten()
        .fold(start, usize::max);
        let class = crate::classify_treatment(&treatment.value);
        Decision {
            category: class.category,
            drug_group: class.drug_group,
            treatment,
            outcome,
            modified_request: modification.is_some(),
            modification,
            claims_administrator_guideline: self.claims_administrator_guideline,
            reviewer_guideline: self.reviewer_guideline,
            rationale: self.rationale,
            votes: None,
            span: Span::new(start, end),
        }
    }
}

/// The treatment still in dispute and the modified-request story, from the
/// heading text `[from, colon)`.
fn heading(
    doc: &Document,
    from: usize,
    colon: usize,
) -> Option<(Spanned<String>, Option<Modification>)> {
    let Some(story) = read_story(&doc.text[from..colon]) else {
        return Some((clean(doc, from, colon)?, None));
    };
    let value = |(start, end): (usize, usize)| clean(doc, from + start, from + end);
    let original_request = value(story.original);
    let authorized = value(story.authorized);
    let disputed = value(story.disputed).or_else(|| {
        if story.leaves_original {
            original_request.clone()
        } else {
            None
        }
    });
    let treatment = disputed
        .clone()
        .or_else(|| original_request.clone())
        .or_else(|| clean(doc, from, colon))?;
    Some((
        treatment,
        Some(Modification {
            original_request,
            authorized,
            disputed,
        }),
    ))
}

/// A modified request's story as byte ranges of its heading: the original
/// request, what was authorized, whether that leaves the original request
/// eligible, and what is still disputed.
struct Story {
    original: (usize, usize),
    authorized: (usize, usize),
    leaves_original: bool,
    disputed: (usize, usize),
}

/// Reads a heading's story exactly as the one pattern
/// `^(X.+?)WAS_ORIGINAL(?:(Y.+?)WAS_AUTHORIZED|CA_AUTHORIZED(Y.+?))(LEAVING)?DISPUTED(Z.+?)END`
/// would capture it (the test below holds it to that), without that capture
/// search: a backtracking pass costing about 85,000 instructions a heading,
/// where these searches cost about 9,000. A lazy value ends where the
/// leftmost match of all that may follow it starts, at least one character
/// on; the first such search also tells whether the heading is a story at
/// all. Fixed words are matched where they must stand. Where nothing can
/// follow a value that starts after the greedy spaces of the words before
/// it, the pattern gives the value the last of those spaces (or a period)
/// instead; the range here is then empty, and both clean to nothing.
fn read_story(heading: &str) -> Option<Story> {
    let patterns = &*STORY;
    let value_end = |after: &Regex, start: usize| {
        let next = start + heading[start..].chars().next()?.len_utf8();
        after.find_at(heading, next).map(|m| m.start())
    };
    let words_end = |words: &Regex, at: usize| words.find(&heading[at..]).map(|m| at + m.end());
    let original_end = value_end(&patterns.after_x, 0)?;
    let next = words_end(&patterns.was_original, original_end)?;
    let (authorized, after_authorized) = if let Some(end) = value_end(&patterns.after_y_was, next) {
        // "Y was authorized by the Claims Administrator"
        ((next, end), words_end(&patterns.was_authorized, end)?)
    } else if let Some(start) = words_end(&patterns.ca_authorized, next) {
        // "The Claims Administrator authorized Y"
        let end = value_end(&patterns.after_y, start).unwrap_or(start);
        ((start, end), end)
    } else {
        // "was authorized" follows at once.
        ((next, next), words_end(&patterns.was_authorized, next)?)
    };
    let leaving_end = words_end(&patterns.leaving, after_authorized);
    let disputed_start = words_end(&patterns.disputed, leaving_end.unwrap_or(after_authorized))?;
    let disputed_end = value_end(&patterns.after_z, disputed_start).unwrap_or(disputed_start);
    Some(Story {
        original: (0, original_end),
        authorized,
        leaves_original: leaving_end.is_some(),
        disputed: (disputed_start, disputed_end),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tests::choices;

    /// `item_labels` finds the first match of each label, as a search for
    /// each does, in texts of labels (whole, spaced out or cut short),
    /// colons and words put together at random.
    #[test]
    fn finds_labels_as_a_search_for_each() {
        let labels = LABELS.map(|label| crate::text::pattern(label).unwrap());
        let pieces = [
            "Claims Administrator guideline:",
            "claims\nadministrator  guideline :",
            "CLAIMS ADMINISTRATOR",
            "MAXIMUS guideline:",
            "Expert Reviewer's guideline:",
            "Expert Reviewer guideline :",
            "IMRguideline:",
            "Decision rationale:",
            "Decision based on",
            "Section(s):",
            "guideline",
            "rationale",
            ":",
            " ",
            "\n",
            "X",
            "\u{17f}",
        ];
        let mut next = choices();
        for _ in 0..5_000 {
            let text: String = (0..next(12)).map(|_| pieces[next(pieces.len())]).collect();
            let doc = Document::new(&text);
            // From the start or from a few characters in.
            let (from, to) = (
                doc.text.char_indices().nth(next(4)).map_or(0, |(i, _)| i),
                doc.text.len(),
            );
            let expected = labels.each_ref().map(|label| {
                label
                    .find(&doc.text[from..to])
                    .map(|m| (from + m.start(), from + m.end()))
            });
            assert_eq!(
                item_labels(&doc, from, to),
                expected,
                "{text:?} from {from}"
            );
        }
    }

    /// What `clean` keeps of a range: its trimmed range, if it holds a letter or digit.
    fn kept(text: &str, (start, end): (usize, usize)) -> Option<(usize, usize)> {
        let value = &text[start..end];
        let lead = value.len() - value.trim_start().len();
        let trimmed = value.trim();
        trimmed
            .chars()
            .any(char::is_alphanumeric)
            .then(|| (start + lead, start + lead + trimmed.len()))
    }

    /// (original, authorized, leaves original, disputed) as `heading` uses them.
    type Values = (
        Option<(usize, usize)>,
        Option<(usize, usize)>,
        bool,
        Option<(usize, usize)>,
    );

    /// The values the one capture pattern gives.
    fn captured(pattern: &Regex, text: &str) -> Option<Values> {
        let c = pattern.captures(text)?;
        let group = |i: usize| c.get(i).and_then(|m| kept(text, (m.start(), m.end())));
        let authorized = group(2).or_else(|| group(3));
        let disputed = group(5).or_else(|| group(6));
        Some((group(1), authorized, c.get(4).is_some(), disputed))
    }

    fn read(text: &str) -> Option<Values> {
        let story = read_story(text)?;
        Some((
            kept(text, story.original),
            kept(text, story.authorized),
            story.leaves_original,
            kept(text, story.disputed),
        ))
    }

    /// `read_story` gives what the one capture pattern gave, on stories with
    /// their pieces varied and odd spaces, periods, commas and repeated
    /// phrases put between them.
    #[test]
    fn reads_stories_as_the_one_pattern() {
        let pattern = crate::text::pattern(r"(?is)^(?P<orig>.+?),?\s*was\s*the\s*original\s*request\s*\.?\s*(?:(?P<auth1>.+?)\s*(?:was|were)\s*authorized\s*by\s*the\s*Claims\s*Administrator|The\s*Claims\s*Administrator\s*authorized\s*(?P<auth2>.+?))(?P<leaving>,?\s*leaving\s*the\s*original\s*request\s*IMR\s*eligible)?\s*\.\s*(?:The\s*remaining\s*IMR\s*eligible\s*portion\s*of\s*(?:the\s*)?original\s*request\s*,?\s*(?P<rest>.+?)|The\s*original\s*request\s*,?\s*(?P<orig2>.+?))(?:\s*,?\s*(?:is|are))?\s*$").unwrap();
        let pieces: [&[&str]; 8] = [
            &["X", "foo", "\u{e9}", "", " "],
            &[
                " was the original request",
                ", was the original request",
                "was the original request",
                "  was\nthe original request",
            ],
            &[".", ". ", "", " . ", " "],
            &[
                "foo was authorized by the Claims Administrator",
                "The Claims Administrator authorized foo",
                " was authorized by the Claims Administrator",
                "was authorized by the Claims Administrator",
                "The Claims Administrator authorized ",
                "X were authorized by the claims administrator",
            ],
            &[
                "",
                ", leaving the original request IMR eligible",
                " leaving the original request IMR eligible",
                ",",
            ],
            &[".", " . ", ". ", "", ".."],
            &[
                "The remaining IMR eligible portion of the original request, ",
                "The remaining IMR eligible portion of original request",
                "The original request ",
                "The original request,",
            ],
            &[
                "foo is",
                "foo",
                " is",
                "",
                ",",
                " ",
                "is",
                "foo , are ",
                "\u{e9} ",
            ],
        ];
        let between = [
            "was the original request",
            "wastheoriginalrequest",
            " ",
            "\n",
            ".",
            ",",
            ". ",
            "  ",
            "The Claims Administrator authorized",
            "was authorized by the Claims Administrator",
            "leaving the original request IMR eligible",
            "The original request",
            "of the",
            " is",
            "are",
            "X",
            "\u{17f}",
            "\t",
        ];
        let mut next = choices();
        let mut stories = 0;
        for _ in 0..10_000 {
            let mut text = String::new();
            for choices in pieces {
                text.push_str(choices[next(choices.len())]);
                while next(3) == 0 {
                    text.push_str(between[next(between.len())]);
                }
            }
            let expected = captured(&pattern, &text);
            stories += usize::from(expected.is_some());
            assert_eq!(read(&text), expected, "{text:?}");
        }
        assert!(stories > 2_500, "only {stories} stories");
    }
}
