//! Trends over the whole corpus: the parsed letters' statistics must equal
//! the ones computed straight from the gold files, in every rendering.

#[path = "classify/corpus_gold.rs"]
mod corpus_gold;
mod support;

use std::collections::BTreeMap;

use imr_core::stats::{items, trends, trends_of_items, Item, Row, Trends, SMALL_SAMPLE};
use imr_core::{classify_treatment, Determination};
use serde_json::Value;
use support::corpus::{rendering_letters, RENDERINGS};

fn parsed(rendering: &'static str) -> Vec<Determination> {
    rendering_letters(rendering)
        .iter()
        .map(|letter| imr_core::parse(&letter.text))
        .collect()
}

/// (items, upheld, overturned) per key, as the rows of a breakdown say.
fn counts(rows: &[Row]) -> BTreeMap<String, (usize, usize, usize)> {
    rows.iter()
        .map(|r| (r.key.clone(), (r.items, r.upheld, r.overturned)))
        .collect()
}

/// The same tallies computed from the gold, for a key derived per decision.
fn gold_counts(
    gold: &[Value],
    keys: impl Fn(&Value, &Value) -> Vec<String>,
) -> BTreeMap<String, (usize, usize, usize)> {
    let mut map = BTreeMap::new();
    for letter in gold {
        for d in letter["decisions"].as_array().expect("decisions") {
            for key in keys(letter, d) {
                let entry = map.entry(key).or_insert((0, 0, 0));
                entry.0 += 1;
                match d["outcome"].as_str() {
                    Some("upheld") => entry.1 += 1,
                    Some("overturned") => entry.2 += 1,
                    _ => {}
                }
            }
        }
    }
    map
}

fn id(value: impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .expect("id")
        .as_str()
        .expect("string id")
        .to_string()
}

#[test]
fn corpus_trends_equal_the_gold_counts() {
    let gold: Vec<Value> = corpus_gold::gold_letters()
        .into_iter()
        .map(|(_, g)| g)
        .collect();
    let dets = parsed("raw");
    let t = trends(&dets);

    let all = gold_counts(&gold, |_, _| vec!["all".into()]);
    assert_eq!(t.letters, gold.len());
    assert_eq!(counts(std::slice::from_ref(&t.overall)), all);

    let category = gold_counts(&gold, |_, d| {
        vec![id(classify_treatment(
            d["treatment"].as_str().expect("treatment"),
        )
        .category)]
    });
    assert_eq!(counts(&t.by_category), category);

    let drug_group = gold_counts(&gold, |_, d| {
        let class = classify_treatment(d["treatment"].as_str().expect("treatment"));
        class.drug_group.map(id).into_iter().collect()
    });
    assert_eq!(counts(&t.by_drug_group), drug_group);

    let specialty = gold_counts(&gold, |letter, _| {
        let list: Vec<String> = letter["reviewer"]["specialty"]
            .as_array()
            .expect("specialty list")
            .iter()
            .map(|s| s.as_str().expect("specialty").to_string())
            .collect();
        if list.is_empty() {
            vec!["Not stated".into()]
        } else {
            list
        }
    });
    assert_eq!(counts(&t.by_reviewer_specialty), specialty);

    let month = gold_counts(&gold, |letter, _| {
        vec![letter["case"]["decision_date"]
            .as_str()
            .map_or("not_stated".into(), |d| d[..7].to_string())]
    });
    assert_eq!(counts(&t.by_decision_month), month);
}

#[test]
fn every_breakdown_accounts_for_every_item() {
    let t = trends(&parsed("raw"));
    let total = t.overall.items;
    let sum = |rows: &[Row]| rows.iter().map(|r| r.items).sum::<usize>();
    assert_eq!(sum(&t.by_category), total);
    assert_eq!(sum(&t.by_mtus), total);
    assert_eq!(sum(&t.by_decision_month), total);
    let pharmacy = t.by_category.iter().find(|r| r.key == "pharmaceuticals");
    assert_eq!(sum(&t.by_drug_group), pharmacy.map_or(0, |r| r.items));
    // A decision may cite several guideline families, never none.
    assert!(sum(&t.by_guideline) >= total);
    assert!(t.by_guideline.iter().all(|r| r.items <= total));
    assert!(t
        .by_guideline
        .iter()
        .any(|r| r.key == "MTUS Chronic Pain Medical Treatment"));
}

fn all_rows(t: &Trends) -> Vec<&Row> {
    std::iter::once(&t.overall)
        .chain(&t.by_category)
        .chain(&t.by_drug_group)
        .chain(&t.by_reviewer_specialty)
        .chain(&t.by_mtus)
        .chain(&t.by_guideline)
        .chain(&t.by_decision_month)
        .collect()
}

#[test]
fn rates_and_small_sample_flags_follow_the_counts() {
    let t = trends(&parsed("raw"));
    let rows = all_rows(&t);
    for r in &rows {
        let decided = r.upheld + r.overturned;
        assert_eq!(r.small_sample, decided < SMALL_SAMPLE, "{r:?}");
        assert_eq!(
            r.overturn_rate,
            (decided > 0).then(|| r.overturned as f64 / decided as f64),
            "{r:?}"
        );
    }
    // The corpus has both kinds, so the flag is exercised both ways.
    assert!(rows.iter().any(|r| r.small_sample));
    assert!(rows.iter().any(|r| !r.small_sample));
}

#[test]
fn every_rendering_gives_the_same_trends() {
    let raw = trends(&parsed("raw"));
    for rendering in RENDERINGS {
        assert_eq!(trends(&parsed(rendering)), raw, "{rendering}");
    }
}

/// The page's batch view keeps only each letter's items, sent from its worker
/// as JSON: its trends must be the trends of the whole determinations.
#[test]
fn items_sent_as_json_give_the_same_trends() {
    let letters = parsed("mutool");
    let json = serde_json::to_string(&letters.iter().flat_map(items).collect::<Vec<_>>())
        .expect("items serialize");
    let received: Vec<Item> = serde_json::from_str(&json).expect("items deserialize");
    let decisions: usize = letters.iter().map(|d| d.decisions.len()).sum();
    assert_eq!(received.len(), decisions);
    assert_eq!(trends_of_items(letters.len(), &received), trends(&letters));
}

#[test]
fn items_csv_has_a_row_per_item_and_guards_formulas() {
    let letters = parsed("raw");
    let mut all: Vec<Item> = letters.iter().flat_map(items).collect();
    all[0].treatment = "=HYPERLINK(\"x\")".into();
    let csv = imr_core::export::items_to_csv(all.iter().map(|i| ("letter.txt", i)));
    assert!(csv.starts_with("\u{feff}source,case_number,decision_date,treatment,"));
    // No treatment of the corpus holds a line break, so records are lines.
    assert_eq!(csv.matches("\r\n").count(), all.len() + 1);
    assert!(
        csv.contains(",\"'=HYPERLINK(\"\"x\"\")\","),
        "{}",
        &csv[..300]
    );
}

#[test]
fn text_and_json_show_every_row() {
    let t = trends(&parsed("raw"));
    let text = t.to_text();
    let o = &t.overall;
    assert!(
        text.starts_with(&format!(
            "IMR trends: {} items in {} letters, {} upheld, {} overturned",
            o.items, t.letters, o.upheld, o.overturned
        )),
        "{text}"
    );
    for r in all_rows(&t).into_iter().skip(1) {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{}  ", r.label)))
            .unwrap_or_else(|| panic!("no line for {:?} in\n{text}", r.label));
        assert_eq!(
            line.ends_with('*'),
            r.small_sample && r.overturn_rate.is_some(),
            "{line}"
        );
    }
    let json = serde_json::to_value(&t).expect("trends serialize");
    assert_eq!(json["overall"]["items"], o.items);
    assert_eq!(
        json["by_category"].as_array().map(Vec::len),
        Some(t.by_category.len())
    );
}

#[test]
fn no_letters_give_empty_trends() {
    let t = trends(&[]);
    assert_eq!(t.overall.items, 0);
    assert_eq!(t.overall.overturn_rate, None);
    assert!(t.overall.small_sample);
    assert!(t.by_category.is_empty() && t.by_decision_month.is_empty());
    assert!(t.to_text().contains("(none)"));
}
