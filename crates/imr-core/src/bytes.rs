//! Byte searches eight bytes at a time: line breaks, runs of spaces and
//! sentence marks found with word arithmetic instead of a test per byte.
//!
//! A letter is a few thousand bytes with a line break every fifty or so; a
//! byte-by-byte loop costs several instructions a byte, these about one.

/// Eight copies of `byte`, one per byte of a word.
const fn repeated(byte: u8) -> u64 {
    u64::from_ne_bytes([byte; 8])
}

const LOW7: u64 = repeated(0x7f);

/// 0x80 in each byte of `word` that is zero, 0 in every other bit. Exact for
/// every byte (the shorter `(x - 0x01..) & !x` trick is not above a zero byte).
const fn zero_bytes(word: u64) -> u64 {
    !(((word & LOW7) + LOW7) | word | LOW7)
}

/// 0x80 in each byte of `word` that equals `byte`.
pub const fn equal_bytes(word: u64, byte: u8) -> u64 {
    zero_bytes(word ^ repeated(byte))
}

/// The offsets, from `from` on, of the bytes that `flags` marks, in order.
/// `flags` gets eight bytes as a little-endian word and the byte after them
/// (0 past the end), and returns 0x80 in each byte it marks. The last word
/// may be short: it is padded with zero bytes, which are never reported.
pub fn flagged<F: Fn(u64, u8) -> u64>(bytes: &[u8], from: usize, flags: F) -> Flagged<'_, F> {
    Flagged {
        bytes,
        next: from,
        word_start: from,
        marks: 0,
        flags,
    }
}

/// The iterator of [`flagged`].
pub struct Flagged<'a, F> {
    bytes: &'a [u8],
    /// Where the next word starts.
    next: usize,
    /// Where the word of `marks` starts.
    word_start: usize,
    /// The marks of the current word not reported yet.
    marks: u64,
    flags: F,
}

impl<F: Fn(u64, u8) -> u64> Iterator for Flagged<'_, F> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.marks == 0 {
            let rest = self.bytes.get(self.next..)?;
            self.word_start = self.next;
            if let Some(eight) = rest.first_chunk::<8>() {
                let after = rest.get(8).copied().unwrap_or(0);
                self.next += 8;
                self.marks = (self.flags)(u64::from_le_bytes(*eight), after);
            } else if rest.is_empty() {
                return None;
            } else {
                let mut padded = [0u8; 8];
                padded[..rest.len()].copy_from_slice(rest);
                let real = u64::MAX >> (64 - 8 * rest.len());
                self.next = self.bytes.len();
                self.marks = (self.flags)(u64::from_le_bytes(padded), 0) & real;
            }
        }
        let at = self.word_start + (self.marks.trailing_zeros() / 8) as usize;
        self.marks &= self.marks - 1;
        Some(at)
    }
}

/// The offsets of the line feeds of `bytes`.
pub fn line_feeds(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    flagged(bytes, 0, |word, _| equal_bytes(word, b'\n'))
}

/// The first place at or after `from` where text stops being words with
/// single spaces between them: a line feed, or the first of two spaces.
pub fn next_break(bytes: &[u8], from: usize) -> Option<usize> {
    flagged(bytes, from, |word, after| {
        let spaces = equal_bytes(word, b' ');
        // Each byte's flag moved onto the byte before it: "the next one is a space".
        let next_is_space = (spaces >> 8) | (u64::from(after == b' ') << 63);
        equal_bytes(word, b'\n') | (spaces & next_is_space)
    })
    .next()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value in every position of a word, against a plain search.
    #[test]
    fn equal_bytes_is_exact() {
        for byte in 0..=255u8 {
            for position in 0..8 {
                for filler in [0u8, 0x01, 0x7f, 0x80, 0xff, byte ^ 1] {
                    let mut word = [filler; 8];
                    word[position] = byte;
                    let found = flagged(&word, 0, |w, _| equal_bytes(w, byte));
                    let expected = (0..8).filter(|&i| word[i] == byte);
                    assert!(
                        found.eq(expected),
                        "{byte:#x} at {position} among {filler:#x}"
                    );
                }
            }
        }
    }

    /// Line feeds and breaks from every starting point of texts that put
    /// them at every place in a word and across words, against plain scans.
    #[test]
    fn finds_line_feeds_and_breaks() {
        let texts: [&[u8]; 6] = [
            b"one two\nthree  four five six seven eight nine ten\n\nx  ",
            b"abcdefg  h",
            b"a b c d e f g h i j k",
            b"       \n \n\n  ",
            b"seven. \nEight",
            b"",
        ];
        for text in texts {
            let feeds: Vec<usize> = (0..text.len()).filter(|&i| text[i] == b'\n').collect();
            assert_eq!(line_feeds(text).collect::<Vec<_>>(), feeds);
            for from in 0..=text.len() + 1 {
                let expected = (from..text.len()).find(|&i| {
                    text[i] == b'\n' || (text[i] == b' ' && text.get(i + 1) == Some(&b' '))
                });
                assert_eq!(next_break(text, from), expected, "{:?} from {from}", text);
            }
        }
    }
}
