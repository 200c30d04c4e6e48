//! The real letters of the shared corpus (`../shared/corpus` beside the
//! repository, as in CI). Also compiled into the benchmark via `#[path]`.

use std::path::{Path, PathBuf};

/// The five text renderings of every DWC letter (see the corpus README).
pub const RENDERINGS: [&str; 5] = ["raw", "layout", "mutool", "pdfjs", "seedstyle"];

/// How many DWC letters each rendering folder holds.
pub const DWC_LETTERS: usize = 131;

pub struct Letter {
    /// The file, for failure messages.
    pub path: PathBuf,
    /// "raw", "layout", ..., or "seed".
    pub rendering: &'static str,
    pub text: String,
}

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

fn read_letter(path: PathBuf, rendering: &'static str) -> Letter {
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read corpus letter {}: {e}", path.display()));
    Letter {
        path,
        rendering,
        text,
    }
}

/// The 2014-layout letter the project started from.
pub fn seed_letter() -> Letter {
    read_letter(corpus_dir().join("seed/000_7757b3c11355ef51.txt"), "seed")
}

/// Every DWC letter of one rendering, sorted by case number.
pub fn rendering_letters(rendering: &'static str) -> Vec<Letter> {
    let dir = corpus_dir().join("dwc").join(rendering);
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("corpus folder {} unreadable: {e}", dir.display()));
    let mut paths: Vec<PathBuf> = entries
        .map(|entry| entry.expect("corpus folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), DWC_LETTERS, "letters in {}", dir.display());
    paths
        .into_iter()
        .map(|path| read_letter(path, rendering))
        .collect()
}

/// Every rendering of every DWC letter, then the seed letter.
pub fn all_letters() -> Vec<Letter> {
    let mut letters: Vec<Letter> = RENDERINGS
        .iter()
        .flat_map(|rendering| rendering_letters(rendering))
        .collect();
    letters.push(seed_letter());
    letters
}
