//! The corpus gold files, for the classifier and trend tests (included by
//! both with `#[path]`; they need the raw JSON, not the comparison helpers
//! of `support::gold`).

use serde_json::Value;

/// Every gold file as (case number, JSON), sorted by case number.
pub fn gold_letters() -> Vec<(String, Value)> {
    let dir = crate::support::corpus::corpus_dir().join("dwc/gold");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("gold entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text =
                std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let case = path.file_stem().and_then(|s| s.to_str()).expect("case");
            (
                case.to_string(),
                serde_json::from_str(&text).expect("gold is JSON"),
            )
        })
        .collect()
}
