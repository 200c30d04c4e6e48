//! Case-summary extraction against the hand annotations of 26 corpus letters
//! (tests/case_summary/, made from the raw text by the rules of
//! docs/annotation-guidelines.md): precision and recall for diagnoses,
//! medications, body parts and dates, and the seed letter's gold exactly.

mod support;

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use support::corpus::corpus_dir;
use support::gold::squash;

/// Matching keys of one letter, per field, as the annotation README defines them.
#[derive(Default)]
struct Keys {
    diagnoses: BTreeSet<String>,
    medications: BTreeSet<String>,
    body_parts: BTreeSet<String>,
    dates: BTreeSet<String>,
}

const FIELDS: [&str; 4] = ["diagnoses", "medications", "body_parts", "dates"];

impl Keys {
    fn field(&self, name: &str) -> &BTreeSet<String> {
        match name {
            "diagnoses" => &self.diagnoses,
            "medications" => &self.medications,
            "body_parts" => &self.body_parts,
            _ => &self.dates,
        }
    }
}

fn strings(v: &Value, pick: impl Fn(&Value) -> Option<String>) -> BTreeSet<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(pick)
        .collect()
}

fn part_key(b: &Value) -> Option<String> {
    Some(format!(
        "{}/{}",
        b["part"].as_str()?,
        b["laterality"].as_str().unwrap_or("-")
    ))
}

fn annotated(v: &Value) -> Keys {
    Keys {
        diagnoses: strings(&v["diagnoses"], |d| Some(squash(d["text"].as_str()?))),
        medications: strings(&v["medications"], |m| Some(squash(m["name"].as_str()?))),
        body_parts: strings(&v["body_parts"], part_key),
        dates: strings(&v["dates"], |d| d.as_str().map(str::to_string)),
    }
}

fn extracted(out: &Value) -> Keys {
    let patient = &out["patient"];
    Keys {
        diagnoses: strings(&patient["diagnoses"], |d| Some(squash(d.as_str()?))),
        medications: strings(&patient["medications"], |m| {
            Some(squash(m["name"].as_str()?))
        }),
        body_parts: strings(&patient["body_parts"], part_key),
        dates: strings(&out["timeline"], |e| e["date"].as_str().map(str::to_string)),
    }
}

#[derive(Default, Clone, Copy)]
struct Tally {
    true_positives: usize,
    extracted: usize,
    annotated: usize,
}

impl Tally {
    fn precision(self) -> f64 {
        self.true_positives as f64 / self.extracted.max(1) as f64
    }
    fn recall(self) -> f64 {
        self.true_positives as f64 / self.annotated.max(1) as f64
    }
}

/// The project's goals (issue #5): precision at least 0.95 and recall at
/// least 0.90 for each field. The rules were tuned on these letters; the
/// held-out letters (tests/case_summary_heldout) tell how well they generalize.
const GOALS: [(&str, f64, f64); 4] = [
    ("diagnoses", 0.95, 0.90),
    ("medications", 0.95, 0.90),
    ("body_parts", 0.95, 0.90),
    ("dates", 0.95, 0.90),
];

/// Precision and recall over the annotated letters in `folder`, as a report
/// and the per-field tallies.
fn evaluate(folder: &str) -> ([Tally; 4], String, Vec<String>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(folder);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("annotations folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut tallies = [Tally::default(); 4];
    let mut misses = Vec::new();
    for file in &files {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(file).expect("annotation"))
            .expect("JSON");
        let case = gold["case"].as_str().expect("case");
        let text = std::fs::read_to_string(corpus_dir().join(format!("dwc/raw/{case}.txt")))
            .expect("letter");
        let out = imr_core::export::to_json(&imr_core::parse(&text), None);
        let (want, got) = (annotated(&gold), extracted(&out));
        for (i, field) in FIELDS.iter().enumerate() {
            let (w, g) = (want.field(field), got.field(field));
            tallies[i].true_positives += w.intersection(g).count();
            tallies[i].extracted += g.len();
            tallies[i].annotated += w.len();
            for missing in w.difference(g) {
                misses.push(format!("{case} {field} missed: {missing}"));
            }
            for extra in g.difference(w) {
                misses.push(format!("{case} {field} extra:  {extra}"));
            }
        }
    }
    let mut report = String::new();
    for (i, field) in FIELDS.iter().enumerate() {
        let t = tallies[i];
        report.push_str(&format!(
            "{field:12} precision {:.3} ({}/{})  recall {:.3} ({}/{})\n",
            t.precision(),
            t.true_positives,
            t.extracted,
            t.recall(),
            t.true_positives,
            t.annotated
        ));
    }
    println!(
        "{folder}: {} letters\n{report}\n{}",
        files.len(),
        misses.join("\n")
    );
    (tallies, report, misses)
}

#[test]
fn precision_and_recall_on_the_hand_annotated_letters() {
    let (tallies, report, misses) = evaluate("case_summary");
    assert!(tallies[0].annotated > 50, "the annotations are missing");
    for (i, (field, min_precision, min_recall)) in GOALS.iter().enumerate() {
        let t = tallies[i];
        assert!(
            t.precision() >= *min_precision && t.recall() >= *min_recall,
            "{field} below the goal:\n{report}\n{}",
            misses.join("\n")
        );
    }
}

#[test]
fn seed_letter_diagnoses_and_medications_match_its_gold() {
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(corpus_dir().join("seed/000_7757b3c11355ef51.gold.json"))
            .expect("seed gold"),
    )
    .expect("JSON");
    let text =
        std::fs::read_to_string(corpus_dir().join("seed/000_7757b3c11355ef51.txt")).expect("seed");
    let out = imr_core::export::to_json(&imr_core::parse(&text), None);
    let expected = serde_json::json!({"patient": {
        "diagnoses": gold["patient"]["diagnoses"],
        "medications": gold["patient"]["medications"],
    }});
    let diffs = support::gold::differences(&out, &expected, support::gold::Strings::UpToWhitespace);
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}

/// The held-out letters were annotated after the rules were written. Their
/// first measurement (diagnoses 0.92 / 0.71) showed four general gaps, which
/// were fixed; no rule was written for a single held-out letter. Their floors
/// sit just under today's figures (see the README), so a regression fails here
/// while the tuned set above holds the goals.
const HELD_OUT_FLOORS: [(&str, f64, f64); 4] = [
    ("diagnoses", 0.85, 0.85),
    ("medications", 0.95, 0.95),
    ("body_parts", 0.90, 0.88),
    ("dates", 0.95, 0.95),
];

#[test]
fn precision_and_recall_on_the_held_out_letters() {
    let (tallies, report, misses) = evaluate("case_summary_heldout");
    assert!(
        tallies[0].annotated > 20,
        "the held-out annotations are missing"
    );
    for (i, (field, min_precision, min_recall)) in HELD_OUT_FLOORS.iter().enumerate() {
        let t = tallies[i];
        assert!(
            t.precision() >= *min_precision && t.recall() >= *min_recall,
            "held-out {field} below its floor:\n{report}\n{}",
            misses.join("\n")
        );
    }
}
