//! Values out of normalized text: whitespace squashed, lines re-joined, spans mapped back.

use crate::dates::date_at_start;
use crate::normalize::Document;
use crate::{Date, Spanned};
use regex::Regex;
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};

/// The cleaned text of the normalized range `[start, end)` with its original
/// span, or None when the range holds only whitespace and punctuation.
///
/// Lines are joined with one space, except after a line-final hyphen that
/// follows a letter ("electro-" + "myography"), where the hyphen is kept and
/// no space is added: the PDF may have broken a word or a hyphenated compound,
/// and keeping the hyphen loses neither.
pub fn clean(doc: &Document, start: usize, end: usize) -> Option<Spanned<String>> {
    let (start, end) = trim_range(&doc.text, start, end);
    if start >= end {
        return None;
    }
    let out = joined_lines(&doc.text[start..end]);
    out.chars()
        .any(char::is_alphanumeric)
        .then(|| Spanned::new(out, doc.span(start, end)))
}

/// The lines of `raw` joined as [`clean`] joins them, runs of spaces squashed;
/// `raw` starts and ends with neither a space nor a line break.
fn joined_lines(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    // `raw[..copied]` is in `out`; each gap between two lines or words
    // that is more than one space becomes one space, or nothing.
    let mut copied = 0;
    while let Some(gap) = next_gap(bytes, copied) {
        out.push_str(&raw[copied..gap]);
        let run = bytes[gap..]
            .iter()
            .position(|&b| b != b' ' && b != b'\n')
            .unwrap_or(bytes.len() - gap);
        let breaks_line = bytes[gap..gap + run].contains(&b'\n');
        copied = gap + run;
        let joins_hyphen = breaks_line
            && out.ends_with('-')
            && out[..out.len() - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic);
        if !joins_hyphen {
            out.push(' ');
        }
    }
    out.push_str(&raw[copied..]);
    out
}

/// Where the first gap from `from` on starts that is more than one space: a
/// line break, or a space followed by a space or a line break.
fn next_gap(bytes: &[u8], from: usize) -> Option<usize> {
    let first =
        |at: usize, gaps: u128| (gaps != 0).then(|| at + gaps.trailing_zeros() as usize / 8);
    let mut at = from;
    while at + GAP_CHUNK < bytes.len() {
        let gaps = gap_starts(bytes[at..=at + GAP_CHUNK].try_into().expect("a window"));
        if gaps != 0 {
            return first(at, gaps);
        }
        at += GAP_CHUNK;
    }
    // The last few bytes, padded with zeros (which start no gap).
    let mut window = [0; GAP_CHUNK + 1];
    window[..bytes.len() - at].copy_from_slice(&bytes[at..]);
    first(at, gap_starts(&window))
}

/// How many bytes [`next_gap`] tests at a time.
const GAP_CHUNK: usize = 16;

/// A byte of ones for each of the first sixteen bytes of `window` that
/// starts a gap (see [`next_gap`]), of zeros for the others: tested without
/// branching, which the compiler turns into vector code.
#[inline(always)]
fn gap_starts(window: &[u8; GAP_CHUNK + 1]) -> u128 {
    let mut flags = [0; GAP_CHUNK];
    for (i, flag) in flags.iter_mut().enumerate() {
        let (b, next) = (window[i], window[i + 1]);
        let starts = (b == b'\n') | ((b == b' ') & ((next == b' ') | (next == b'\n')));
        *flag = u8::from(starts).wrapping_neg();
    }
    u128::from_le_bytes(flags)
}

/// The spaces of a pattern's `\s` under ASCII rules ([`pattern`]): the
/// vertical tab included, no space above ASCII. For hand scans that must
/// read text exactly as a pattern does.
pub fn is_pattern_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// The letters, digits and underscore of a pattern's `\w` and `\b` under
/// ASCII rules ([`pattern`]). Written with `|`, so that scans over many bytes
/// become vector code.
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() | (b == b'_')
}

/// Shrinks `[start, end)` past leading and trailing whitespace.
pub fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let end = end.min(text.len());
    let start = start.min(end);
    let slice = &text[start..end];
    let from_first = slice.trim_start();
    let lead = slice.len() - from_first.len();
    (start + lead, start + lead + from_first.trim_end().len())
}

/// The first match of `re` in the normalized range, as absolute offsets of
/// the whole match and of each capture group (None for unmatched groups).
pub fn captures(
    re: &Regex,
    text: &str,
    start: usize,
    end: usize,
) -> Option<Vec<Option<(usize, usize)>>> {
    let c = re.captures(&text[start..end])?;
    Some(
        (0..c.len())
            .map(|i| c.get(i).map(|m| (start + m.start(), start + m.end())))
            .collect(),
    )
}

/// Splits a list value ("California,South Carolina") at commas, each item
/// keeping its own span.
pub fn split_list(
    doc: &Document,
    start: usize,
    end: usize,
    separators: &[char],
) -> Vec<Spanned<String>> {
    let mut items = Vec::new();
    let mut item_start = start;
    for (i, ch) in doc.text[start..end].char_indices() {
        if separators.contains(&ch) {
            items.extend(clean(doc, item_start, start + i));
            item_start = start + i + ch.len_utf8();
        }
    }
    items.extend(clean(doc, item_start, end));
    items
}

/// The first date that directly follows a match of `phrase` in the
/// normalized range `[start, end)` ("date of injury of April 19, 2011").
pub fn date_after(
    phrase: &Regex,
    doc: &Document,
    start: usize,
    end: usize,
) -> Option<Spanned<Date>> {
    phrase.find_iter(&doc.text[start..end]).find_map(|m| {
        let after = start + m.end();
        // A date is at most ~20 characters; look no further so this stays linear.
        let (length, date) = date_at_start(head(&doc.text[after..end], 40))?;
        Some(Spanned::new(date, doc.span(after, after + length)))
    })
}

/// Letters and digits only, lowercased: the key two spellings of the same
/// name or item share ("Orphenadrine citrate" / "orphenadrine-citrate").
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // ASCII first: Unicode's tables are slow for what is nearly every letter.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// At most the first `max` bytes of `s`, cut on a char boundary: what a
/// lookahead may read, so that scanning stays linear however long the text.
pub fn head(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// At most the last `max` bytes of `s`, cut on a char boundary.
pub fn tail(s: &str, max: usize) -> &str {
    let mut start = s.len().saturating_sub(max);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// Compiles a pattern with ASCII rules (see [`ascii_rules`]).
pub fn pattern(re: &str) -> Result<Regex, regex::Error> {
    Regex::new(&ascii_rules(re)?)
}

/// Several patterns searched in one pass over a text, each match reported as
/// a search of that pattern alone would report it. A case summary is read by
/// half a dozen patterns; one pass for all costs little more than one for each.
pub struct Scan {
    regex: regex_automata::meta::Regex,
    /// For each pattern, the bytes its matches can start with: where another
    /// pattern matches, only the patterns that can start there are tried.
    starts: Vec<[bool; 256]>,
}

impl Scan {
    /// Compiles the patterns, each with ASCII rules (see [`ascii_rules`]).
    pub fn new(patterns: &[&str]) -> Result<Scan, regex::Error> {
        let hirs = patterns
            .iter()
            .map(|p| ascii_hir(p))
            .collect::<Result<Vec<_>, _>>()?;
        let starts = hirs
            .iter()
            .map(|hir| match first_bytes(hir) {
                (_, true) => [true; 256],
                (first, false) => first,
            })
            .collect();
        // No literal prefilter: the patterns' first words together are too
        // many to skip to, and a prefilter that keeps stopping costs more
        // than the lazy DFA alone.
        let config = regex_automata::meta::Config::new().auto_prefilter(false);
        let regex = regex_automata::meta::Regex::builder()
            .configure(config)
            .build_many_from_hir(&hirs)
            .map_err(|e| regex::Error::Syntax(e.to_string()))?;
        Ok(Scan { regex, starts })
    }

    /// The matches of each pattern in `haystack` (byte ranges, in text
    /// order), exactly those of `Regex::find_iter` with that pattern alone.
    ///
    /// One search finds the next place where any pattern matches; there, each
    /// later pattern that is not inside its own previous match and can start
    /// with the byte there is tried anchored, since the search reports only
    /// the first pattern of those that match (so no earlier one matches
    /// there). Every place where some pattern starts a match is visited, so
    /// no match of any pattern is missed.
    pub fn find_each(&self, haystack: &str) -> Vec<Vec<(usize, usize)>> {
        use regex_automata::{Anchored, Input, PatternID};
        let mut found = vec![Vec::new(); self.starts.len()];
        // Where each pattern's next match may start: after its last one.
        let mut free_from = vec![0; self.starts.len()];
        let mut from = 0;
        while let Some(m) = self.regex.search(&Input::new(haystack).range(from..)) {
            let at = m.start();
            // An empty match at the end starts with no byte: every pattern may match there.
            let byte = haystack.as_bytes().get(at).copied();
            let reported = m.pattern().as_usize();
            for (index, matches) in found.iter_mut().enumerate().skip(reported) {
                if at < free_from[index]
                    || byte.is_some_and(|b| !self.starts[index][usize::from(b)])
                {
                    continue;
                }
                let end = if index == reported {
                    Some(m.end())
                } else {
                    let input = Input::new(haystack)
                        .range(at..)
                        .anchored(Anchored::Pattern(PatternID::new_unchecked(index)));
                    self.regex.search(&input).map(|m| m.end())
                };
                if let Some(end) = end {
                    matches.push((at, end));
                    free_from[index] = end.max(at + 1);
                }
            }
            // On to the next character.
            from = at + haystack[at..].chars().next().map_or(1, char::len_utf8);
            if from > haystack.len() {
                break;
            }
        }
        found
    }
}

/// Rewrites a pattern so that it follows ASCII rules: `\b` is the edge of an
/// ASCII word, `\w`, `\d` and `\s` are ASCII classes, and case folding folds
/// ASCII letters; a non-ASCII character matches only itself, `.` and negated
/// classes. Letters are English, so this loses nothing, and the rewritten
/// pattern needs none of the regex crate's Unicode tables (30 KB gzipped of
/// the page) and keeps the engine on its fast paths.
pub fn ascii_rules(re: &str) -> Result<String, regex::Error> {
    Ok(ascii_hir(re)?.to_string())
}

/// The expression of [`ascii_rules`], parsed.
fn ascii_hir(re: &str) -> Result<Hir, regex::Error> {
    // Parsed without Unicode and without the UTF-8 guarantee, `.` and
    // negated classes may match any byte; `whole_chars` makes them match
    // whole characters again.
    let hir = regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(re)
        .map_err(|e| regex::Error::Syntax(e.to_string()))?;
    Ok(whole_chars(hir))
}

/// The bytes a match of `hir` may start with (any byte above ASCII stands
/// for every one), and whether it may be empty: a match can only start at a
/// byte of the set, unless the expression can match nothing at all.
fn first_bytes(hir: &Hir) -> ([bool; 256], bool) {
    let mut first = [false; 256];
    let may_be_empty = match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(lit) => {
            if let Some(&b) = lit.0.first() {
                first[usize::from(b)] = true;
            }
            lit.0.is_empty()
        }
        HirKind::Class(Class::Unicode(class)) => {
            for range in class.iter() {
                let (start, end) = (u32::from(range.start()), u32::from(range.end()));
                for b in start.min(0x80)..=end.min(0x7F) {
                    first[b as usize] = true;
                }
                if end >= 0x80 {
                    first[0x80..].fill(true);
                }
            }
            false
        }
        HirKind::Class(Class::Bytes(class)) => {
            for range in class.iter() {
                first[usize::from(range.start())..=usize::from(range.end())].fill(true);
            }
            false
        }
        HirKind::Repetition(rep) => {
            let (sub, empty) = first_bytes(&rep.sub);
            first = sub;
            rep.min == 0 || empty
        }
        HirKind::Capture(cap) => return first_bytes(&cap.sub),
        // A concatenation starts in its first part, or in the next one when
        // that may be empty, and so on.
        HirKind::Concat(subs) => {
            let mut empty = true;
            for (sub, sub_empty) in subs.iter().map(first_bytes) {
                add_bytes(&mut first, &sub);
                empty = sub_empty;
                if !empty {
                    break;
                }
            }
            empty
        }
        HirKind::Alternation(subs) => {
            subs.iter()
                .map(first_bytes)
                .fold(false, |empty, (sub, sub_empty)| {
                    add_bytes(&mut first, &sub);
                    empty || sub_empty
                })
        }
    };
    (first, may_be_empty)
}

fn add_bytes(set: &mut [bool; 256], more: &[bool; 256]) {
    set.iter_mut()
        .zip(more)
        .for_each(|(byte, &added)| *byte |= added);
}

/// The same expression with every byte class turned into a class of
/// characters: its ASCII bytes as they are, and any byte above ASCII as any
/// non-ASCII character.
fn whole_chars(hir: Hir) -> Hir {
    match hir.into_kind() {
        HirKind::Class(Class::Bytes(bytes)) => {
            let mut ranges: Vec<ClassUnicodeRange> = bytes
                .iter()
                .filter(|r| r.start().is_ascii())
                .map(|r| {
                    ClassUnicodeRange::new(char::from(r.start()), char::from(r.end().min(0x7F)))
                })
                .collect();
            if bytes.iter().any(|r| !r.end().is_ascii()) {
                ranges.push(ClassUnicodeRange::new('\u{80}', char::MAX));
            }
            // Unicode folds two ASCII letters with a non-ASCII one each;
            // folding them too gives the very classes the tables gave, and
            // the regex crate picks its literal prefilters from those (with
            // `[Kk]` alone it chose one that made some searches 2.5 times slower).
            for (upper, lower, other) in [('K', 'k', '\u{212A}'), ('S', 's', '\u{17F}')] {
                let has = |c: char| {
                    bytes
                        .iter()
                        .any(|r| (r.start()..=r.end()).contains(&(c as u8)))
                };
                if has(upper) && has(lower) {
                    ranges.push(ClassUnicodeRange::new(other, other));
                }
            }
            Hir::class(Class::Unicode(ClassUnicode::new(ranges)))
        }
        HirKind::Repetition(mut rep) => {
            rep.sub = Box::new(whole_chars(*rep.sub));
            Hir::repetition(rep)
        }
        HirKind::Capture(mut cap) => {
            cap.sub = Box::new(whole_chars(*cap.sub));
            Hir::capture(cap)
        }
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(whole_chars).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.into_iter().map(whole_chars).collect()),
        HirKind::Class(class) => Hir::class(class),
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => Hir::literal(lit.0),
        HirKind::Look(look) => Hir::look(look),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Picks below a bound from a fixed xorshift sequence, so that every run
    /// tries the same texts.
    pub(crate) fn choices() -> impl FnMut(usize) -> usize {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        }
    }

    /// `.` and negated classes take a non-ASCII character whole, so spans
    /// stay on char boundaries; case folding and `\w` are ASCII.
    #[test]
    fn ascii_rules_match_whole_characters() {
        let re = pattern(r"(?i)\bx-ray\s+(?P<a>.)(?P<b>[^a-z])\w+").unwrap();
        let c = re.captures("X-RAY é1ab").unwrap();
        assert_eq!((&c["a"], &c["b"]), ("é", "1"));
        assert!(!pattern(r"^\w$").unwrap().is_match("é"));
        assert_eq!(
            pattern(r"[^x]+").unwrap().find("ü–x").unwrap().as_str(),
            "ü–"
        );
    }

    /// `joined_lines` gives what joining line by line gives (each line
    /// trimmed of spaces, blank ones dropped, runs of spaces squashed) on
    /// texts of words, hyphens, spaces and line breaks put together at random.
    #[test]
    fn joins_lines_as_line_by_line() {
        let by_lines = |raw: &str| {
            let mut out = String::new();
            for piece in raw.split('\n').map(|line| line.trim_matches(' ')) {
                if piece.is_empty() {
                    continue;
                }
                let joins_hyphen = out.ends_with('-')
                    && out[..out.len() - 1]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphabetic);
                if !out.is_empty() && !joins_hyphen {
                    out.push(' ');
                }
                let mut rest = piece;
                while let Some(at) = rest.find("  ") {
                    out.push_str(&rest[..=at]);
                    rest = rest[at..].trim_start_matches(' ');
                }
                out.push_str(rest);
            }
            out
        };
        let pieces = [
            "word", " ", "  ", "\n", " \n ", "-", "x-", "\u{e9}-", "1", "\u{e9}",
        ];
        let mut next = choices();
        for _ in 0..20_000 {
            let text: String = (0..next(24)).map(|_| pieces[next(pieces.len())]).collect();
            let raw = text.trim_matches([' ', '\n']);
            assert_eq!(joined_lines(raw), by_lines(raw), "{raw:?}");
        }
    }

    #[test]
    fn squash_keeps_letters_and_digits_lowercase() {
        assert_eq!(
            squash("Orphenadrine-Citrate 100 MG"),
            "orphenadrinecitrate100mg"
        );
        assert_eq!(squash("ÉTUDE, Ⅻ (x-ray)"), "étudeⅻxray");
    }

    /// The bytes a match may start with, through optional parts, word
    /// edges, groups and classes; an expression that may match nothing may
    /// start anywhere.
    #[test]
    fn first_bytes_of_expressions() {
        let first = |re: &str| {
            let (set, empty) = first_bytes(&ascii_hir(re).unwrap());
            let bytes: Vec<u8> = (0..=255u8).filter(|&b| set[usize::from(b)]).collect();
            (bytes, empty)
        };
        // The Kelvin sign folds with K: any byte above ASCII may start it.
        let mut knee_or_digit: Vec<u8> = b"0123456789KXkx".to_vec();
        knee_or_digit.extend(0x80..=0xff);
        assert_eq!(first(r"(?i)\bknee|x?(?:\d|é)"), (knee_or_digit, false));
        assert_eq!(first(r"a*(?:b|c?)d"), (b"abcd".to_vec(), false));
        assert_eq!(first(r"\b(?:a|)"), (b"a".to_vec(), true));
    }

    /// The page's regex has no Unicode tables, so a pattern compiled without
    /// `pattern` may fail there while every test passes (a test dependency
    /// turns the tables on): only this file may call `Regex::new`.
    #[test]
    fn every_pattern_goes_through_ascii_rules() {
        let mut folders = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if !path.ends_with("text.rs") {
                    let source = std::fs::read_to_string(&path).unwrap();
                    for call in [
                        "Regex::new(",
                        "RegexBuilder",
                        "RegexSetBuilder",
                        "regex_automata",
                    ] {
                        assert!(!source.contains(call), "{} calls {call}", path.display());
                    }
                }
            }
        }
    }
}
