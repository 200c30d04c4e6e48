//! `parse` is total: whatever text a user pastes — random bytes, random
//! Unicode, a letter cut short, shuffled, with headings repeated, or many
//! megabytes of it — it returns, with spans that slice the input (see
//! `support::soundness`). Case counts are small so this stays a few seconds
//! in a debug build; the fuzzer (fuzz/) explores the same property for longer.

mod support;

use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::sample::{select, Index};
use support::corpus::{self, Letter};
use support::soundness::parse_soundly;

/// A spread of real letters: every 16th of all renderings, and the seed.
static SAMPLE: LazyLock<Vec<Letter>> = LazyLock::new(|| {
    corpus::all_letters()
        .into_iter()
        .enumerate()
        .filter(|(i, letter)| i % 16 == 0 || letter.rendering == "seed")
        .map(|(_, letter)| letter)
        .collect()
});

/// Lines the parser keys on: headings, labels, outcome lines.
const LANDMARKS: [&str; 16] = [
    "Case Number:",
    "Date Assigned:",
    "Decision Date:",
    "Date of Injury:",
    "Application\nReceived:",
    "HOW THE IMR FINAL DETERMINATION WAS MADE",
    "State(s) of Licensure: California",
    "Certification(s)/Specialty: Internal Medicine",
    "CLINICAL CASE SUMMARY",
    "IMR ISSUES, DECISIONS AND RATIONALES",
    "The Final Determination was based on decisions for the disputed items/services set forth below:",
    "MRI of the lumbar spine: Upheld",
    "Overturned",
    "Claims Administrator guideline: Decision based on MTUS",
    "MAXIMUS guideline: Decision based on Non-MTUS Citation ODG",
    "Decision rationale:",
];

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // A failure is turned into a named test in tests/regressions.rs by
        // hand, not into a file proptest writes beside the tests.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn sample_letter(index: &Index) -> &'static str {
    &index.get(&SAMPLE).text
}

/// A sample letter split into pieces by `split`, with the pieces shuffled.
fn shuffled_pieces(split: fn(&str) -> Vec<&str>) -> impl Strategy<Value = String> {
    any::<Index>().prop_flat_map(move |index| {
        Just(split(sample_letter(&index)))
            .prop_shuffle()
            .prop_map(|pieces| pieces.concat())
    })
}

fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// Sections start at a line in capitals of two words or more ("CLINICAL CASE SUMMARY").
fn sections(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        let heading = trimmed.contains(' ')
            && trimmed.chars().any(char::is_alphabetic)
            && !trimmed.chars().any(char::is_lowercase);
        if heading && offset > start {
            pieces.push(&text[start..offset]);
            start = offset;
        }
        offset += line.len();
    }
    pieces.push(&text[start..]);
    pieces
}

/// Text made of letter vocabulary, stray characters and line breaks.
fn letter_like_text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        select(&LANDMARKS[..]).prop_map(String::from),
        any::<char>().prop_map(String::from),
        Just("\n".to_string()),
        Just(": ".to_string()),
        (1u32..13, 1u32..32, 2000u32..2030).prop_map(|(m, d, y)| format!("{m}/{d}/{y} ")),
    ];
    prop::collection::vec(token, 0..200).prop_map(|tokens| tokens.concat())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn random_bytes_decoded_lossily(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        parse_soundly(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn random_unicode_text(chars in prop::collection::vec(any::<char>(), 0..1024)) {
        parse_soundly(&chars.into_iter().collect::<String>());
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn letter_vocabulary_in_random_order(text in letter_like_text()) {
        parse_soundly(&text);
    }

    #[test]
    fn letter_with_shuffled_lines(text in shuffled_pieces(lines)) {
        parse_soundly(&text);
    }

    #[test]
    fn letter_with_shuffled_sections(text in shuffled_pieces(sections)) {
        parse_soundly(&text);
    }

    #[test]
    fn letter_with_repeated_headings(
        letter in any::<Index>(),
        insertions in prop::collection::vec((any::<Index>(), select(&LANDMARKS[..]), 1usize..4), 1..24),
    ) {
        let mut lines = lines(sample_letter(&letter))
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>();
        for (at, landmark, copies) in insertions {
            let at = at.index(lines.len() + 1);
            for _ in 0..copies {
                lines.insert(at, format!("{landmark}\n"));
            }
        }
        parse_soundly(&lines.concat());
    }
}

/// Every rendering's first letter and the seed, cut at many char boundaries:
/// kept from the start (a paste that stopped early) and from the end (one
/// that started late).
#[test]
fn letters_cut_at_char_boundaries() {
    const CUTS_PER_LETTER: usize = 120;
    let letters = corpus::RENDERINGS
        .iter()
        .map(|rendering| corpus::rendering_letters(rendering).swap_remove(0))
        .chain([corpus::seed_letter()]);
    for letter in letters {
        let text = &letter.text;
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let step = (boundaries.len() / CUTS_PER_LETTER).max(1);
        for &cut in boundaries.iter().step_by(step) {
            parse_soundly(&text[..cut]);
            parse_soundly(&text[cut..]);
        }
    }
}

/// Ten megabytes: every corpus letter, over and over, with odd lines between.
#[test]
fn ten_megabytes_of_letters_and_noise() {
    const SIZE: usize = 10 * 1024 * 1024;
    const NOISE: [&str; 6] = [
        "\u{feff}\u{fffd}\u{fffd}  ",
        "\t|\t|\t:",
        "Página 2 de 3 — “confidential” \u{200b}",
        "\r\r\r",
        "日本語のテキスト: Upheld",
        "\u{1F600}:\n",
    ];
    let letters = corpus::all_letters();
    let mut input = String::with_capacity(SIZE + 64 * 1024);
    for (i, letter) in letters.iter().cycle().enumerate() {
        if input.len() >= SIZE {
            break;
        }
        input.push_str(&letter.text);
        input.push_str(NOISE[i % NOISE.len()]);
        input.push('\n');
    }
    parse_soundly(&input);
}
