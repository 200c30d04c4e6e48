//! Comparing parse output with expected values: gold files and fixtures give
//! a subset of the output's JSON; only their keys are checked.

use serde_json::Value;

/// How strictly strings must agree.
#[derive(Clone, Copy)]
pub enum Strings {
    /// Letters and digits only, case-folded: what the PDF renderings disagree on
    /// is whitespace, case and punctuation (the scorer's rule, without its similarity ratio).
    AlphanumericOnly,
    /// Equal up to runs of whitespace.
    UpToWhitespace,
}

pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn same(a: &str, b: &str, mode: Strings) -> bool {
    match mode {
        Strings::AlphanumericOnly => squash(a) == squash(b),
        Strings::UpToWhitespace => a.split_whitespace().eq(b.split_whitespace()),
    }
}

/// Differences between `got` and the expected subset `want`, one readable
/// line each, with the JSON path where they are.
pub fn differences(got: &Value, want: &Value, mode: Strings) -> Vec<String> {
    let mut diffs = Vec::new();
    compare("", got, want, mode, &mut diffs);
    diffs
}

fn compare(path: &str, got: &Value, want: &Value, mode: Strings, diffs: &mut Vec<String>) {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => {
            for (key, w_val) in w {
                compare(
                    &format!("{path}.{key}"),
                    g.get(key).unwrap_or(&Value::Null),
                    w_val,
                    mode,
                    diffs,
                );
            }
        }
        (Value::Array(g), Value::Array(w)) => {
            if g.len() != w.len() {
                diffs.push(format!("{path}: {} items, expected {}", g.len(), w.len()));
            }
            for (i, (g_item, w_item)) in g.iter().zip(w).enumerate() {
                compare(&format!("{path}[{i}]"), g_item, w_item, mode, diffs);
            }
        }
        (Value::String(g), Value::String(w)) if same(g, w, mode) => {}
        _ if got == want => {}
        _ => diffs.push(format!(
            "{path}: got {}, expected {}",
            short(got),
            short(want)
        )),
    }
}

/// A value's JSON, cut to a readable length.
pub fn short(v: &Value) -> String {
    let s = v.to_string();
    match s.char_indices().nth(90) {
        Some((at, _)) => format!("{}...", &s[..at]),
        None => s,
    }
}

/// Parses `input` (checking the soundness invariants) and asserts that the
/// JSON output contains `expected` (strings equal up to whitespace).
pub fn check(input: &str, expected: &Value) {
    let det = super::soundness::parse_soundly(input);
    let out = imr_core::export::to_json(&det, None);
    let diffs = differences(&out, expected, Strings::UpToWhitespace);
    assert!(
        diffs.is_empty(),
        "differences:\n{}\n\nfull output:\n{:#}",
        diffs.join("\n"),
        out
    );
}

/// The diagnostic codes of a parse, in order.
pub fn codes(input: &str) -> Vec<String> {
    imr_core::parse(input)
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect()
}
