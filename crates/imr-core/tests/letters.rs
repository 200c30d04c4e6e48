//! `split_letters` on real letters pasted one after another: every rendering
//! of the whole corpus, the seed (no header table) and the other layouts'
//! samples. Each piece must be exactly one letter, with its own header.

mod support;

use imr_core::split_letters;
use support::corpus::{self, RENDERINGS};

/// Joins `letters` as a user's concatenation would (each file ends with a
/// newline, then the next begins), splits the result, and checks that every
/// piece is the corresponding letter, up to the blank lines between them.
fn check_split(letters: &[&str]) {
    let joined: String = letters
        .iter()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect();
    let pieces = split_letters(&joined);
    assert_eq!(
        pieces.len(),
        letters.len(),
        "letters found in a text of {}",
        letters.len()
    );
    for (i, (span, letter)) in pieces.iter().zip(letters).enumerate() {
        let piece = &joined[span.start..span.end];
        assert_eq!(
            piece.trim(),
            letter.trim(),
            "letter {} of {}: piece starts with {:?}",
            i + 1,
            letters.len(),
            piece.chars().take(120).collect::<String>()
        );
    }
}

#[test]
fn every_rendering_of_the_corpus_pasted_in_one_text() {
    for rendering in RENDERINGS {
        let letters = corpus::rendering_letters(rendering);
        let texts: Vec<&str> = letters.iter().map(|l| l.text.as_str()).collect();
        check_split(&texts);
    }
}

#[test]
fn renderings_mixed_and_the_seed_between_them() {
    let seed = corpus::seed_letter();
    let raw = corpus::rendering_letters("raw");
    let seedstyle = corpus::rendering_letters("seedstyle");
    check_split(&[&raw[0].text, &seed.text, &seedstyle[1].text, &seed.text]);
}

#[test]
fn other_layouts_pasted_together() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/formats");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("format sample");
    let samples = [
        read("dmhc-imr.txt"),
        read("maximus-imr-decisions.txt"),
        read("medical-professional-review.txt"),
        corpus::rendering_letters("layout")[5].text.clone(),
    ];
    let texts: Vec<&str> = samples.iter().map(String::as_str).collect();
    check_split(&texts);
}

#[test]
fn one_letter_or_none_is_one_piece() {
    let seed = corpus::seed_letter();
    assert_eq!(split_letters(&seed.text).len(), 1);
    assert_eq!(split_letters("").len(), 1);
    assert_eq!(split_letters("not a letter at all").len(), 1);
}
