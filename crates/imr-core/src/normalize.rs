//! Normalization: turns pasted text from any PDF rendering into clean lines,
//! keeping a map from every normalized byte back to the original input.
//!
//! What pasting does and how it is undone: CRLF / CR / form feeds become
//! line breaks; non-breaking, zero-width and other odd spaces become plain
//! spaces or vanish; smart quotes, dashes and ligatures become ASCII; lines
//! are trimmed; and double-spaced text (every line followed by a blank line,
//! as in the seed letter) has its filler blank lines dropped.

use crate::bytes::line_feeds;
use crate::Span;

/// One non-blank line of the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Byte range of the trimmed line in the normalized text.
    pub start: usize,
    pub end: usize,
    /// A paragraph break (a real blank line) comes before this line.
    pub gap_before: bool,
}

/// The normalized form of one input.
pub struct Document<'a> {
    pub original: &'a str,
    pub text: String,
    /// `map[i]` is the original byte offset of normalized byte `i`; one extra
    /// entry maps the end. Empty when normalization changed nothing (identity).
    map: Vec<u32>,
    pub lines: Vec<Line>,
}

impl<'a> Document<'a> {
    pub fn new(original: &'a str) -> Document<'a> {
        let (text, map) = normalize_chars(original);
        let lines = split_lines(&text);
        Document {
            original,
            text,
            map,
            lines,
        }
    }

    /// The original byte offset of a normalized offset.
    pub fn original_offset(&self, normalized: usize) -> usize {
        if self.map.is_empty() {
            normalized.min(self.original.len())
        } else {
            self.map
                .get(normalized)
                .map_or(self.original.len(), |&o| o as usize)
        }
    }

    /// The original span of a normalized range.
    pub fn span(&self, start: usize, end: usize) -> Span {
        Span::new(
            self.original_offset(start),
            self.original_offset(end).max(self.original_offset(start)),
        )
    }

    pub fn line_text(&self, line: &Line) -> &str {
        &self.text[line.start..line.end]
    }
}

/// Maps a character to its normalized replacement: `None` keeps it,
/// `Some("")` drops it.
fn replacement(ch: char) -> Option<&'static str> {
    Some(match ch {
        '\r' | '\u{c}' | '\u{b}' | '\u{85}' | '\u{2028}' | '\u{2029}' => "\n",
        '\t'
        | '\u{a0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200a}'
        | '\u{202f}'
        | '\u{205f}'
        | '\u{3000}' => " ",
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => "",
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => "'",
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => "\"",
        '\u{2010}'..='\u{2015}' | '\u{2212}' => "-",
        '\u{2022}' | '\u{25cf}' | '\u{f0b7}' => "*",
        '\u{2026}' => "...",
        '\u{fb00}' => "ff",
        '\u{fb01}' => "fi",
        '\u{fb02}' => "fl",
        '\u{fb03}' => "ffi",
        '\u{fb04}' => "ffl",
        c if c.is_control() && c != '\n' => " ",
        _ => return None,
    })
}

/// A byte that normalization keeps as it is: printable ASCII or a line feed.
fn plain(b: u8) -> bool {
    (0x20..0x7f).contains(&b) || b == b'\n'
}

/// How many bytes at the start of `bytes` are [`plain`]: checked 32 at a
/// time without branching, which the compiler turns into vector code.
fn plain_run(bytes: &[u8]) -> usize {
    const CHUNK: usize = 32;
    let mut run = 0;
    for chunk in bytes.chunks(CHUNK) {
        if chunk.len() == CHUNK && chunk.iter().fold(true, |all, &b| all & plain(b)) {
            run += CHUNK;
        } else {
            return run + chunk.iter().position(|&b| !plain(b)).unwrap_or(chunk.len());
        }
    }
    run
}

fn normalize_chars(input: &str) -> (String, Vec<u32>) {
    if plain_run(input.as_bytes()) == input.len() {
        return (input.to_string(), Vec::new());
    }
    let mut text = String::with_capacity(input.len());
    let mut map = Vec::with_capacity(input.len() + 1);
    let bytes = input.as_bytes();
    let mut at = 0;
    while at < input.len() {
        // Copy the run of plain bytes in one go; only the rest is read by char.
        let run = plain_run(&bytes[at..]);
        text.push_str(&input[at..at + run]);
        map.extend(at as u32..(at + run) as u32);
        at += run;
        let Some(ch) = input[at..].chars().next() else {
            break;
        };
        let offset = at as u32;
        at += ch.len_utf8();
        // CRLF is one line break.
        if ch == '\r' && bytes.get(at) == Some(&b'\n') {
            continue;
        }
        match replacement(ch) {
            Some(rep) => {
                text.push_str(rep);
                map.extend(std::iter::repeat_n(offset, rep.len()));
            }
            None => {
                text.push(ch);
                map.extend(std::iter::repeat_n(offset, ch.len_utf8()));
            }
        }
    }
    map.push(input.len() as u32);
    (text, map)
}

fn split_lines(text: &str) -> Vec<Line> {
    // First pass: every physical line, trimmed, blank or not.
    let bytes = text.as_bytes();
    let mut raw: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for end in line_feeds(bytes).chain([bytes.len()]) {
        let line = &bytes[start..end];
        let lead = line.iter().take_while(|&&b| b == b' ').count();
        let trail = line[lead..]
            .iter()
            .rev()
            .take_while(|&&b| b == b' ')
            .count();
        raw.push((start + lead, end - trail));
        start = end + 1;
    }
    let blank = |r: &(usize, usize)| r.0 == r.1;
    let non_blank = raw.iter().filter(|r| !blank(r)).count();
    // Double-spaced text: almost no two non-blank lines are adjacent.
    let adjacent = raw
        .windows(2)
        .filter(|w| !blank(&w[0]) && !blank(&w[1]))
        .count();
    let double_spaced = non_blank >= 4 && adjacent * 10 <= non_blank;
    let mut lines = Vec::with_capacity(non_blank);
    let mut blanks = 0usize;
    for r in &raw {
        if blank(r) {
            blanks += 1;
            continue;
        }
        // In double-spaced text one blank line is filler; a run of three is a break.
        let gap_before = if double_spaced {
            blanks >= 2
        } else {
            blanks >= 1
        };
        lines.push(Line {
            start: r.0,
            end: r.1,
            gap_before: gap_before && !lines.is_empty(),
        });
        blanks = 0;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_back_to_original_offsets() {
        let input = "Case\u{a0}Number:\r\n\u{200b}CM16\u{2013}0001\u{fb01}";
        let doc = Document::new(input);
        assert_eq!(doc.text, "Case Number:\nCM16-0001fi");
        let at = doc.text.find("0001").unwrap();
        let span = doc.span(at, at + 4);
        assert_eq!(&input[span.start..span.end], "0001");
        let fi = doc.text.find("fi").unwrap();
        assert_eq!(
            &input[doc.span(fi, fi + 2).start..doc.span(fi, fi + 2).end],
            "\u{fb01}"
        );
    }

    #[test]
    fn double_spacing_is_undone() {
        let doc = Document::new("a \n\nb \n\n \n\nc \n\nd \n\ne \n");
        let texts: Vec<_> = doc
            .lines
            .iter()
            .map(|l| (doc.line_text(l), l.gap_before))
            .collect();
        assert_eq!(
            texts,
            [
                ("a", false),
                ("b", false),
                ("c", true),
                ("d", false),
                ("e", false)
            ]
        );
    }
}
