//! Normalization: turns pasted text from any PDF rendering into clean lines,
//! keeping a map from every normalized byte back to the original input.
//!
//! What pasting does and how it is undone: CRLF / CR / form feeds become
//! line breaks; non-breaking, zero-width and other odd spaces become plain
//! spaces or vanish; smart quotes, dashes and ligatures become ASCII; lines
//! are trimmed; and double-spaced text (every line followed by a blank line,
//! as in the seed letter) has its filler blank lines dropped.

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
    /// How normalized offsets map back to original ones, in text order.
    /// Empty when every normalized byte is at its original offset (nothing
    /// changed, or only one-byte characters were replaced by one byte).
    map: Vec<Stretch>,
    pub lines: Vec<Line>,
}

/// A stretch of the normalized text and the original offset it starts at.
/// A copied stretch follows the original byte for byte; every byte of a
/// replacement (one original character) maps to that character's start.
#[derive(Clone, Copy)]
struct Stretch {
    normalized: u32,
    original: u32,
    copied: bool,
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
        if normalized >= self.text.len() {
            return self.original.len();
        }
        let index = self
            .map
            .partition_point(|stretch| stretch.normalized as usize <= normalized);
        match index.checked_sub(1).map(|i| self.map[i]) {
            None => normalized,
            Some(stretch) if stretch.copied => {
                stretch.original as usize + (normalized - stretch.normalized as usize)
            }
            Some(stretch) => stretch.original as usize,
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

fn normalize_chars(input: &str) -> (String, Vec<Stretch>) {
    let bytes = input.as_bytes();
    let plain_prefix = plain_run(bytes);
    if plain_prefix == input.len() {
        return (input.to_string(), Vec::new());
    }
    let mut text = String::with_capacity(input.len());
    // The plain start is copied as found, each byte at its original offset
    // (which needs no stretch), rather than read again.
    text.push_str(&input[..plain_prefix]);
    let mut map: Vec<Stretch> = Vec::new();
    // Bytes copied from `original` on continue the last stretch when it is a
    // copied one that has reached there (at first, the identity), or start one.
    let copy_from = |map: &mut Vec<Stretch>, normalized: usize, original: usize| {
        let continues = map.last().map_or(normalized == original, |last| {
            last.copied
                && last.original as usize + (normalized - last.normalized as usize) == original
        });
        if !continues {
            map.push(Stretch {
                normalized: normalized as u32,
                original: original as u32,
                copied: true,
            });
        }
    };
    let mut at = plain_prefix;
    while at < input.len() {
        // Copy the run of plain bytes in one go; only the rest is read by char.
        let run = plain_run(&bytes[at..]);
        if run > 0 {
            copy_from(&mut map, text.len(), at);
            text.push_str(&input[at..at + run]);
            at += run;
        }
        let Some(ch) = input[at..].chars().next() else {
            break;
        };
        let offset = at;
        at += ch.len_utf8();
        // CRLF is one line break.
        if ch == '\r' && bytes.get(at) == Some(&b'\n') {
            continue;
        }
        let mut utf8 = [0; 4];
        let written = replacement(ch).unwrap_or_else(|| ch.encode_utf8(&mut utf8));
        if written.len() == 1 {
            // One byte maps to where its character starts, as a copied byte
            // would: a form feed that became a line feed needs no stretch.
            copy_from(&mut map, text.len(), offset);
        } else if !written.is_empty() {
            map.push(Stretch {
                normalized: text.len() as u32,
                original: offset as u32,
                copied: false,
            });
        }
        text.push_str(written);
    }
    (text, map)
}

fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    // Every non-blank line, trimmed, and how many blank lines came before it.
    let mut lines: Vec<Line> = Vec::with_capacity(bytes.len() / 32);
    let mut blanks_before: Vec<usize> = Vec::with_capacity(bytes.len() / 32);
    let mut blanks = 0;
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes).chain([bytes.len()]) {
        let line = &bytes[start..end];
        let lead = line.iter().take_while(|&&b| b == b' ').count();
        if lead == line.len() {
            blanks += 1;
        } else {
            let trail = line.iter().rev().take_while(|&&b| b == b' ').count();
            lines.push(Line {
                start: start + lead,
                end: end - trail,
                gap_before: false,
            });
            blanks_before.push(blanks);
            blanks = 0;
        }
        start = end + 1;
    }
    // Double-spaced text: almost no two non-blank lines are adjacent.
    let adjacent = blanks_before.iter().skip(1).filter(|&&b| b == 0).count();
    let double_spaced = lines.len() >= 4 && adjacent * 10 <= lines.len();
    // In double-spaced text one blank line is filler; a run of three is a break.
    let gap = if double_spaced { 2 } else { 1 };
    for (i, (line, &blanks)) in lines.iter_mut().zip(&blanks_before).enumerate() {
        line.gap_before = i > 0 && blanks >= gap;
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

    /// Every normalized offset maps to the original offset of the character
    /// it came from, with every kind of replacement next to every other.
    #[test]
    fn every_offset_maps_back() {
        let pieces = [
            "ab", "\r\n", "\r", "\u{c}", "\t", "\u{a0}", "\u{200b}", "\u{2019}", "\u{2026}",
            "\u{fb03}", "é", "\u{1}", "\n", "x",
        ];
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    let input = format!("{first}{second}{third}q");
                    let doc = Document::new(&input);
                    // Each original character and the normalized bytes it became.
                    let mut expected = Vec::new();
                    let mut chars = input.char_indices().peekable();
                    while let Some((offset, ch)) = chars.next() {
                        if ch == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n') {
                            continue;
                        }
                        let written = replacement(ch).map_or(ch.len_utf8(), str::len);
                        expected.extend(std::iter::repeat_n(offset, written));
                    }
                    expected.push(input.len());
                    let mapped: Vec<usize> = (0..=doc.text.len())
                        .map(|n| doc.original_offset(n))
                        .collect();
                    assert_eq!(mapped, expected, "{input:?}");
                }
            }
        }
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
