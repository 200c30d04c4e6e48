//! The committed JSON Schema (schema/determination.schema.json) is the
//! contract for consumers of `imr parse --json[l]`: it must match what the
//! code generates, and every corpus letter's JSON must validate against it.

mod support;

use std::path::{Path, PathBuf};

use imr_core::export;
use serde_json::Value;
use support::corpus;

const REGENERATE: &str =
    "regenerate it with: cargo run -q -p imr-cli -- schema > schema/determination.schema.json";

fn committed_schema_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/determination.schema.json")
}

fn committed_schema() -> Value {
    let path = committed_schema_path();
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} unreadable ({e}); {REGENERATE}", path.display()));
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not JSON ({e}); {REGENERATE}", path.display()))
}

#[test]
fn committed_schema_is_current() {
    assert!(
        committed_schema() == export::json_schema(),
        "{} differs from export::json_schema(); {REGENERATE}",
        committed_schema_path().display()
    );
}

#[test]
fn every_corpus_letter_validates_against_the_committed_schema() {
    let validator = jsonschema::validator_for(&committed_schema())
        .unwrap_or_else(|e| panic!("the committed schema is not a valid JSON Schema: {e}"));
    let letters = corpus::all_letters();
    assert_eq!(
        letters.len(),
        corpus::RENDERINGS.len() * corpus::DWC_LETTERS + 1
    );
    let mut failures = Vec::new();
    for letter in &letters {
        let source = letter.path.to_string_lossy();
        let json = export::to_json(&imr_core::parse(&letter.text), Some(&source));
        failures.extend(
            validator
                .iter_errors(&json)
                .map(|error| format!("{source}: {} at {}", error, error.instance_path())),
        );
    }
    assert!(
        failures.is_empty(),
        "{} schema violations, the first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}
