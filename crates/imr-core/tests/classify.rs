//! The treatment classifier against the hand review of every treatment in the
//! corpus gold (tests/classify/expected.tsv), in the parser's output as well,
//! plus brand names and categories the corpus does not have.

#[path = "classify/corpus_gold.rs"]
mod corpus_gold;
mod support;

use std::collections::BTreeMap;

use corpus_gold::gold_letters;
use imr_core::{classify_treatment, Classification, DrugGroup, TreatmentCategory};
use serde_json::Value;
use support::corpus::{rendering_letters, RENDERINGS};

/// The corpus gold holds this many decisions.
const GOLD_DECISIONS: usize = 296;

/// One hand-reviewed line: category, drug group ("-" for none), and whether
/// the item is genuinely ambiguous (a reason is given).
#[derive(Debug, PartialEq)]
struct Expected {
    category: String,
    drug_group: String,
    unsure: bool,
}

fn expectations() -> BTreeMap<String, Expected> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/classify/expected.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut map = BTreeMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let cells: Vec<&str> = line.split('\t').collect();
        assert!(
            (3..=4).contains(&cells.len()),
            "expected.tsv: 3 or 4 cells wanted: {line}"
        );
        let expected = Expected {
            category: cells[1].to_string(),
            drug_group: cells[2].to_string(),
            unsure: cells.len() == 4,
        };
        assert!(
            map.insert(cells[0].to_string(), expected).is_none(),
            "expected.tsv lists {:?} twice",
            cells[0]
        );
    }
    map
}

/// The classification in the expectation file's terms (the JSON ids).
fn as_expected(class: &Classification) -> Expected {
    let id = |v: Value| v.as_str().unwrap_or("-").to_string();
    Expected {
        category: id(serde_json::to_value(class.category).expect("category id")),
        drug_group: id(serde_json::to_value(class.drug_group).expect("group id")),
        unsure: class.unsure.is_some(),
    }
}

/// Every gold decision's treatment, letter by letter (case number, treatments).
fn gold_treatments() -> Vec<(String, Vec<String>)> {
    gold_letters()
        .into_iter()
        .map(|(case, gold)| {
            let treatments = gold["decisions"]
                .as_array()
                .expect("gold decisions")
                .iter()
                .map(|d| d["treatment"].as_str().expect("gold treatment").to_string())
                .collect();
            (case, treatments)
        })
        .collect()
}

#[test]
fn every_corpus_treatment_is_classified_as_hand_reviewed() {
    let expected = expectations();
    let mut used = BTreeMap::new();
    let mut differences = Vec::new();
    let mut checked = 0;
    for (case, treatments) in gold_treatments() {
        for treatment in treatments {
            checked += 1;
            let got = as_expected(&classify_treatment(&treatment));
            match expected.get(&treatment) {
                None => differences.push(format!(
                    "{case}: {treatment:?} is not in expected.tsv; got {got:?}"
                )),
                Some(want) if *want != got => differences.push(format!(
                    "{case}: {treatment:?}\n    expected {want:?}\n    got      {got:?} ({:?})",
                    classify_treatment(&treatment).unsure
                )),
                Some(_) => {}
            }
            used.insert(treatment, ());
        }
    }
    assert_eq!(checked, GOLD_DECISIONS);
    let stale: Vec<&String> = expected.keys().filter(|t| !used.contains_key(*t)).collect();
    assert!(
        stale.is_empty(),
        "expected.tsv lines no gold treatment has: {stale:?}"
    );
    assert!(
        differences.is_empty(),
        "{} of {checked} corpus treatments differ from the hand review:\n{}",
        differences.len(),
        differences.join("\n")
    );
}

/// The parser sets each decision's category from its own treatment text, in
/// every rendering, and the JSON carries it.
#[test]
fn parsed_decisions_carry_the_hand_reviewed_category() {
    let expected = expectations();
    let gold: BTreeMap<String, Vec<String>> = gold_treatments().into_iter().collect();
    let mut differences = Vec::new();
    let mut checked = 0;
    for rendering in RENDERINGS {
        for letter in rendering_letters(rendering) {
            let case = letter
                .path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("case");
            let det = imr_core::parse(&letter.text);
            let json = imr_core::export::to_json(&det, None);
            for (i, (d, treatment)) in det.decisions.iter().zip(&gold[case]).enumerate() {
                checked += 1;
                let want = &expected[treatment];
                let got = as_expected(&Classification {
                    category: d.category,
                    drug_group: d.drug_group,
                    unsure: classify_treatment(&d.treatment.value).unsure,
                });
                if (&got.category, &got.drug_group) != (&want.category, &want.drug_group)
                    || json["decisions"][i]["category"] != want.category.as_str()
                {
                    differences.push(format!(
                        "{rendering}/{case} item {}: {treatment:?} got {got:?}",
                        i + 1
                    ));
                }
            }
        }
    }
    assert_eq!(checked, RENDERINGS.len() * GOLD_DECISIONS);
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

fn check(cases: &[(&str, TreatmentCategory, Option<DrugGroup>)]) {
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|&(text, category, group)| {
            let got = classify_treatment(text);
            (got.category != category || got.drug_group != group)
                .then(|| format!("{text:?}: expected {category:?}/{group:?}, got {got:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn brand_names_give_their_drug_group() {
    use DrugGroup::*;
    use TreatmentCategory::Pharmaceuticals as P;
    check(&[
        ("Norco 10/325mg #60", P, Some(Opioids)),
        ("Ultracet 37.5/325", P, Some(Opioids)),
        ("OxyContin 20mg", P, Some(Opioids)),
        ("Nucynta ER 100mg", P, Some(Opioids)),
        // Opioid patches act on the whole body: not topical.
        ("Duragesic 25mcg/hr patch #10", P, Some(Opioids)),
        ("Butrans 10mcg/hr transdermal patch", P, Some(Opioids)),
        // A compounded opioid cream is a compound.
        ("Tramadol 8% cream 240g", P, Some(TopicalCompounded)),
        ("Anaprox DS 550mg #60", P, Some(Nsaids)),
        ("Mobic 15mg", P, Some(Nsaids)),
        ("Voltaren gel 1%", P, Some(TopicalCompounded)),
        ("Zanaflex 4mg #90", P, Some(MuscleRelaxants)),
        ("Soma 350mg #30", P, Some(MuscleRelaxants)),
        ("Robaxin 750mg", P, Some(MuscleRelaxants)),
        ("Neurontin 600mg #90", P, Some(Anticonvulsants)),
        ("Lyrica 75mg #60", P, Some(Anticonvulsants)),
        ("Cymbalta 60mg #30", P, Some(Antidepressants)),
        ("Trazodone 50mg at bedtime", P, Some(Antidepressants)),
        ("Protonix 40mg", P, Some(ProtonPumpInhibitors)),
        ("Nexium 40mg #30", P, Some(ProtonPumpInhibitors)),
        ("Ambien 10mg #30", P, Some(SleepAids)),
        ("Lunesta 3mg", P, Some(SleepAids)),
        ("Lidoderm 5% patches #30", P, Some(TopicalCompounded)),
        ("Terocin lotion 120ml", P, Some(TopicalCompounded)),
        ("Xanax 0.5mg", P, Some(Other)),
        ("Colace 100mg", P, Some(Other)),
        // A combination with an opioid is an opioid, whichever name comes first.
        ("Acetaminophen/hydrocodone 325/10mg #60", P, Some(Opioids)),
        ("Tylenol with codeine #3", P, Some(Opioids)),
        // A dose without a known drug is still pharmacy.
        ("Xyzzinol 20mg #30", P, Some(Other)),
    ]);
    assert!(classify_treatment("Xanax 0.5mg").unsure.is_some());
    assert!(classify_treatment("Xyzzinol 20mg #30").unsure.is_some());
    assert!(classify_treatment("Norco 10/325mg #60").unsure.is_none());
}

#[test]
fn categories_the_corpus_lacks() {
    use TreatmentCategory::*;
    let cases = [
        ("Functional restoration program, 80 hours", Programs),
        ("Work hardening 10 sessions", Programs),
        // The 2013 notice's items (corpus/formats), not in the gold.
        ("28 day functional restoration program", Programs),
        ("6 month follow-up aftercare program", Programs),
        ("Home exercise program", PhysicalTherapy),
        (
            "Transportation to and from medical appointments",
            Transportation,
        ),
        ("Home health aide 4 hours a day, 5 days a week", HomeHealth),
        (
            "Cognitive behavioral therapy 6 sessions",
            PsychologicalServices,
        ),
        ("Biofeedback 4 sessions", PsychologicalServices),
        // A consultation is the service even when it names a procedure.
        (
            "Pain management consultation for epidural steroid injection",
            EvaluationAndManagement,
        ),
        ("Orthopedic surgeon evaluation", EvaluationAndManagement),
        ("Urine drug screen", Labs),
        ("Lumbar facet block L4-5", Injections),
        ("Spinal cord stimulator trial", Surgery),
        ("L4-5 fusion with laminectomy", Surgery),
        ("Ultrasound of the right shoulder", DiagnosticImaging),
        ("Therapeutic ultrasound to the low back", PhysicalTherapy),
        ("Aquatic therapy 12 sessions", PhysicalTherapy),
        ("Somatosensory evoked potentials", Electrodiagnostics),
        ("Bone scan", DiagnosticImaging),
        ("Bone density scan", DiagnosticImaging),
        ("Pain management follow-up", EvaluationAndManagement),
        ("Sleep study", Labs),
        ("H-wave device", DurableMedicalEquipment),
        ("continuous glucose monitoring", DurableMedicalEquipment),
        ("Gym membership for 6 months", Other),
    ];
    check(&cases.map(|(text, category)| (text, category, None)));
}

#[test]
fn unknown_and_empty_texts_are_other_and_unsure() {
    for text in ["", "   ", "Something else entirely", "\u{fffd}\u{0}"] {
        let class = classify_treatment(text);
        assert_eq!(class.category, TreatmentCategory::Other, "{text:?}");
        assert_eq!(class.drug_group, None, "{text:?}");
        assert!(class.unsure.is_some(), "{text:?}");
    }
}
