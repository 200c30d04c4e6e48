//! Guideline paragraphs: the text, whether it rests on the MTUS, and each
//! "Decision based on ..." statement as a structured citation.

use crate::normalize::Document;
use crate::text::{clean, is_pattern_space, trim_range};
use crate::{Citation, Guideline, GuidelineSource, Spanned};
use regex::Regex;
use std::sync::LazyLock;

/// What the phrases about the MTUS end with, and the one about evidence
/// (see [`Stance::of`]).
static THE_MTUS: LazyLock<memchr::memmem::Finder> =
    LazyLock::new(|| memchr::memmem::Finder::new("the mtus"));
static NO_EVIDENCE: LazyLock<memchr::memmem::Finder> =
    LazyLock::new(|| memchr::memmem::Finder::new("did not cite any medical evidence"));
static NON_MTUS: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)^Non-?\s*MTUS(?:\s+Citation)?\s*:?\s*").expect("non-MTUS pattern")
});
/// Where a citation's name ends: its section or page list, or a URL.
static NAME_END: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(
        r"(?i)[,;]?\s*(?:Section\s*\(s\)|Sections?\b|Page\s*\(s\)|Pages?\b|https?://|www\.)",
    )
    .expect("name end")
});
/// What opens a section list ("Section(s):").
static SECTIONS_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)Section\s*\(?s?\)?\s*:\s*").expect("sections head")
});
/// What closes it: a page list, a final period, or the end.
static SECTIONS_END: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?is)\s*(?:[;,]?\s*Page\s*\(?s?\)?\s*:|\.\s*$|$)").expect("sections end")
});
/// A page list; the pages start at its first digit.
static PAGES: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)Pages?\s*\(?s?\)?\s*:?\s*\d[\d\s,\-]*").expect("pages pattern")
});
static URL: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)(?:https?://|www\.)[^\s,;<>()\[\]]+").expect("url pattern")
});
static ODG_CHAPTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(r"(?i)\b([A-Z][A-Za-z&/ ]*?)\s+(?:chapter|section)\b")
        .expect("ODG chapter pattern")
});

/// Reads the guideline paragraph in the normalized range `[start, end)`
/// (the text after its label).
pub fn parse(doc: &Document, start: usize, end: usize) -> Option<Guideline> {
    let text = clean(doc, start, end)?;
    let stance = Stance::of(&text.value);
    let mut citations = Vec::new();
    let mut statements = based_on(&doc.text[start..end]).peekable();
    while let Some((_, phrase_end)) = statements.next() {
        // A statement runs to where the next one's phrase starts.
        let to = statements.peek().map_or(end, |&(next, _)| start + next);
        citations.extend(citation(doc, start + phrase_end, to));
    }
    let cites_mtus = citations.iter().any(|c| c.source == GuidelineSource::Mtus);
    let mtus = if cites_mtus || stance.based_on_mtus {
        Some(true)
    } else if stance.outside_mtus {
        Some(false)
    } else if citations.is_empty() {
        None
    } else {
        Some(false)
    };
    Some(Guideline {
        text,
        mtus,
        no_evidence_cited: stance.no_evidence_cited,
        citations,
    })
}

/// Each "Decision based on" in `text` and the spaces after it, as byte
/// ranges: the matches of `(?i)Decision\s*based\s*on\s*` with ASCII rules,
/// found from each D by hand (a regex search cost about 700 instructions a
/// paragraph). No match can start inside another, so every D may be tried.
fn based_on(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'D', b'd', bytes).filter_map(move |start| {
        let mut at = start;
        for word in [&b"decision"[..], b"based", b"on"] {
            at = word_end(bytes, at, word)?;
            at += bytes[at..]
                .iter()
                .take_while(|&&b| is_pattern_space(b))
                .count();
        }
        Some((start, at))
    })
}

/// Where `word` (lowercase ASCII letters) ends if it starts at `at` in any
/// case, as `(?i)` with ASCII rules matches it: an s may also be a long s (ſ).
fn word_end(bytes: &[u8], mut at: usize, word: &[u8]) -> Option<usize> {
    for &letter in word {
        if bytes.get(at).is_some_and(|&b| b | 0x20 == letter) {
            at += 1;
        } else if letter == b's' && bytes[at..].starts_with("\u{17f}".as_bytes()) {
            at += 2;
        } else {
            return None;
        }
    }
    Some(at)
}

/// What a guideline paragraph says of its own footing, from its cleaned text.
#[derive(Default)]
struct Stance {
    no_evidence_cited: bool,
    based_on_mtus: bool,
    outside_mtus: bool,
}

impl Stance {
    /// The telling phrases in the lowercased text: the three about the MTUS
    /// all end with "the mtus", so one search for that and a look at what
    /// comes before each finds them; one more finds the one about evidence.
    fn of(text: &str) -> Stance {
        let lower = text.to_ascii_lowercase();
        let mut stance = Stance {
            no_evidence_cited: NO_EVIDENCE.find(lower.as_bytes()).is_some(),
            ..Stance::default()
        };
        for at in THE_MTUS.find_iter(lower.as_bytes()) {
            let before = &lower[..at];
            if before.ends_with("did not base their decision on ")
                || before.ends_with("outside of ")
            {
                stance.outside_mtus = true;
            } else if before.ends_with("based their decision on ") {
                stance.based_on_mtus = true;
            }
        }
        stance
    }
}

/// One "Decision based on ..." statement, from just after that phrase.
fn citation(doc: &Document, start: usize, end: usize) -> Option<Citation> {
    let (start, end) = trim_range(&doc.text, start, end);
    let statement = &doc.text[start..end];
    // Only "Non-MTUS" is skipped, and only it starts with an N.
    let name_start = if statement.starts_with(['N', 'n']) {
        NON_MTUS.find(statement).map_or(start, |m| start + m.end())
    } else {
        start
    };
    let rest = &doc.text[name_start..end];
    let marks = Marks::of(rest);
    let name_end = if marks.any {
        NAME_END.find(rest).map_or(end, |m| name_start + m.start())
    } else {
        end
    };
    let mut name = clean(doc, name_start, name_end)?;
    let kept = name.value.trim_end_matches(['.', ',', ';', ':', ' ']).len();
    name.value.truncate(kept);
    let source = source_of(&name.value);
    let mut odg_sections = Vec::new();
    if source == GuidelineSource::Odg {
        // "ODG), Pain chapter, Electrodiagnostic Testing": the chapter follows
        // the abbreviation, and what follows the chapter is the section.
        if let Some(chapter) = ODG_CHAPTER.find(rest) {
            let words = chapter
                .as_str()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            name = Spanned::new(
                format!("ODG {words}"),
                doc.span(name_start, name_start + chapter.end()),
            );
            let after = rest[chapter.end()..].trim_matches([',', ';', '.', ' ', '\n']);
            odg_sections.extend(
                (!after.is_empty()).then(|| after.split_whitespace().collect::<Vec<_>>().join(" ")),
            );
        }
    }
    // The lists are read from the cleaned text, which most citations, having
    // none, never need.
    let squashed = if marks.sections || marks.pages || marks.urls {
        clean(doc, name_start, end).map_or_else(String::new, |s| s.value)
    } else {
        String::new()
    };
    let sections = marks
        .sections
        .then(|| section_list(&squashed))
        .flatten()
        .map(|list| vec![list.trim_end_matches('.').to_string()])
        .unwrap_or(odg_sections);
    let pages = PAGES
        .find_iter(if marks.pages { &squashed } else { "" })
        .filter_map(|m| {
            m.as_str()
                .find(|c: char| c.is_ascii_digit())
                .map(|i| &m.as_str()[i..])
        })
        .map(|list| list.trim_end_matches([',', ' ', '-']).to_string())
        .collect();
    let urls = URL
        .find_iter(if marks.urls { &squashed } else { "" })
        .map(|m| m.as_str().trim_end_matches(['.', ',']).to_string())
        .collect();
    Some(Citation {
        source,
        name,
        sections,
        pages,
        urls,
    })
}

/// Which list marks a citation's text after the name's prefix holds: every
/// match of `NAME_END`, `SECTIONS_HEAD`, `PAGES` and `URL` holds one.
/// Cleaning only drops or adds whitespace (a hyphen it joins on stays), so a
/// mark is in the cleaned text exactly when it is in this one.
#[derive(Default)]
struct Marks {
    /// "ection" as written: a section list is looked for.
    sections: bool,
    /// "age" as written: page lists are looked for.
    pages: bool,
    /// "http" or "www." in any case: URLs are looked for.
    urls: bool,
    /// Any mark in any case: the name may end at a list or a URL.
    any: bool,
}

impl Marks {
    /// One pass over the bytes, each mark tried where its first letter stands.
    fn of(text: &str) -> Marks {
        let mut marks = Marks::default();
        let bytes = text.as_bytes();
        for at in 0..bytes.len() {
            let rest = &bytes[at..];
            let starts = |mark: &[u8]| {
                rest.get(..mark.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(mark))
            };
            // `| 0x20` lowercases an ASCII letter and makes no other byte a letter.
            let found = match rest[0] | 0x20 {
                b'e' if starts(b"ection") => {
                    marks.sections |= rest.starts_with(b"ection");
                    true
                }
                b'a' if starts(b"age") => {
                    marks.pages |= rest.starts_with(b"age");
                    true
                }
                b'h' | b'w' if starts(b"http") || starts(b"www.") => {
                    marks.urls = true;
                    true
                }
                _ => false,
            };
            marks.any |= found;
        }
        marks
    }
}

/// The list after the first "Section(s):" that has one: up to the first page
/// list, final period or the end, whichever comes first. Two plain searches
/// instead of one with a capture group, which costs a backtracking pass.
fn section_list(citation: &str) -> Option<&str> {
    let from = SECTIONS_HEAD.find(citation)?.end();
    // The list holds at least one character.
    let first = citation[from..].chars().next()?;
    let to = SECTIONS_END
        .find_at(citation, from + first.len_utf8())
        .map_or(citation.len(), |m| m.start());
    Some(&citation[from..to])
}

fn source_of(name: &str) -> GuidelineSource {
    let upper = name.to_ascii_uppercase();
    if upper.starts_with("MTUS") {
        GuidelineSource::Mtus
    } else if upper.contains("ODG") || upper.contains("OFFICIAL DISABILITY") {
        GuidelineSource::Odg
    } else if upper.contains("ACOEM") {
        GuidelineSource::Acoem
    } else {
        GuidelineSource::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tests::choices;

    /// `based_on` finds what the one pattern finds, in texts of its words
    /// (in any case, with long s), spaces and other letters put together at random.
    #[test]
    fn finds_statements_as_the_pattern() {
        let pattern = crate::text::pattern(r"(?i)Decision\s*based\s*on\s*").unwrap();
        let pieces = [
            "Decision",
            "decision",
            "DECISION",
            "Deci\u{17f}ion",
            "Decisio",
            "based",
            "BASED",
            "ba\u{17f}ed",
            "on",
            "ON",
            " ",
            "\n",
            "\t",
            "\u{b}",
            "d",
            "D",
            "x",
            "\u{e9}",
        ];
        let mut next = choices();
        let mut found = 0;
        for _ in 0..20_000 {
            let text: String = (0..next(16)).map(|_| pieces[next(pieces.len())]).collect();
            let expected: Vec<_> = pattern
                .find_iter(&text)
                .map(|m| (m.start(), m.end()))
                .collect();
            found += expected.len();
            assert_eq!(based_on(&text).collect::<Vec<_>>(), expected, "{text:?}");
        }
        assert!(found > 500, "only {found} statements");
    }
}
