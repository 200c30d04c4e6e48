//! Parser speed on the real corpus (../shared/corpus beside the repository).
//!
//! - `per_rendering`: every letter of one rendering parsed in turn; the
//!   throughput (bytes/s) is the headline figure, items/s gives letters/s.
//! - `per_letter`: one letter per sample, cycling through every letter of
//!   every rendering, so fastest/median/slowest are per-letter times.
//! - `linearity`: the whole corpus concatenated 1x, 4x and 16x into one input;
//!   a linear parser keeps the same bytes/s at every size.
//!
//! Run: `cargo bench -p imr-core --bench parse` (add `-- linearity` etc. to filter).

// Shared with the tests, which read more of a Letter than the benchmark does.
#[allow(dead_code)]
#[path = "../tests/support/corpus.rs"]
mod corpus;

use std::sync::LazyLock;

use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};

static LETTERS: LazyLock<Vec<corpus::Letter>> = LazyLock::new(corpus::all_letters);

fn main() {
    divan::main();
}

#[divan::bench(args = corpus::RENDERINGS)]
fn per_rendering(bencher: Bencher, rendering: &str) {
    let texts: Vec<&str> = LETTERS
        .iter()
        .filter(|letter| letter.rendering == rendering)
        .map(|letter| letter.text.as_str())
        .collect();
    let bytes: usize = texts.iter().map(|text| text.len()).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .counter(ItemsCount::new(texts.len()))
        .bench_local(|| {
            for text in &texts {
                black_box(imr_core::parse(black_box(text)));
            }
        });
}

#[divan::bench(sample_size = 1, sample_count = 2000)]
fn per_letter(bencher: Bencher) {
    let mut next = LETTERS.iter().map(|letter| letter.text.as_str()).cycle();
    bencher
        .with_inputs(move || next.next().unwrap_or_default())
        .input_counter(|text: &&str| BytesCount::of_str(*text))
        .bench_local_values(imr_core::parse);
}

#[divan::bench(args = [1, 4, 16], sample_size = 1, sample_count = 10)]
fn linearity(bencher: Bencher, copies: usize) {
    let corpus: String = LETTERS.iter().map(|letter| letter.text.as_str()).collect();
    let input = corpus.repeat(copies);
    bencher
        .counter(BytesCount::of_str(&input))
        .bench_local(|| imr_core::parse(black_box(&input)));
}
