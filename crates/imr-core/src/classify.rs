//! Treatment classification: the category of a disputed item and, for drugs,
//! the drug group, from the treatment text alone, by ordered keyword rules.
//!
//! The rules are data ([`RULES`], and the drug lexicon of drugs.rs, which
//! gives each drug its group); docs/classifier.md explains the
//! categories and every choice. A treatment text names one thing but often
//! mentions others ("Associated surgical service: Physical therapy",
//! "Consult with hip replacement specialist"), so the order of the rules is
//! the design: the first rule that matches decides. All patterns of all rules
//! run as one `RegexSet` pass, compiled once, so classifying is cheap enough
//! for every keystroke in the page.

use crate::drugs::{self, Drug};
use crate::text::{ascii_rules, is_pattern_space, pattern};
use crate::{Classification, DrugGroup, TreatmentCategory};
use regex::{Regex, RegexSet};
use std::sync::LazyLock;

use TreatmentCategory as C;

/// What a rule looks for.
enum Matcher {
    /// A case-insensitive regex.
    Pattern(&'static str),
    /// Any name of the drug lexicon (drugs.rs).
    DrugName,
}

struct Rule {
    category: TreatmentCategory,
    matcher: Matcher,
    /// Why an item this rule decides is doubtful; `None` for a clear rule.
    unsure: Option<&'static str>,
}

const fn clear(category: TreatmentCategory, pattern: &'static str) -> Rule {
    Rule {
        category,
        matcher: Matcher::Pattern(pattern),
        unsure: None,
    }
}

const fn doubtful(category: TreatmentCategory, pattern: &'static str, why: &'static str) -> Rule {
    Rule {
        category,
        matcher: Matcher::Pattern(pattern),
        unsure: Some(why),
    }
}

const INPATIENT_REHAB: &str =
    "an inpatient rehabilitation stay: a facility program, or physical therapy";
const FUNCTIONAL_TESTING: &str =
    "functional testing (capacity evaluation, grip strength, range of motion) has no category of its own; counted with evaluations";
const NON_LAB_TEST: &str =
    "a diagnostic test (EKG, sleep study, ...) but not a laboratory one; counted with labs";

/// In priority order: the first match decides. The order encodes which
/// mention names the service: programs, psychological services, home health
/// and transportation name who delivers it, so they come first; a consultation
/// or referral is the service even when it names a procedure; injections name
/// their drugs; drug names are unambiguous; imaging and electrodiagnostics
/// beat the "labs" a pre-operative work-up is filed under; the disciplines
/// (chiropractic, acupuncture, therapy) beat the generic words of surgery and
/// equipment they share ("myofascial release", "heat therapy pad"); a bare
/// "evaluation" or a dose without a known drug come last.
static RULES: [Rule; 29] = [
    doubtful(
        C::Programs,
        r"inpatient\s+rehab|rehab(?:ilitation)?\s+unit|acute\s+rehab",
        INPATIENT_REHAB,
    ),
    clear(
        C::Programs,
        r"functional\s+restoration|\bfrp\b|work\s+(?:hardening|conditioning)|\bhelp\s+program|(?:pain|weight\s+loss|brain\s+injury|interdisciplinary|multidisciplinary)\s+(?:management\s+)?program|\bdetox",
    ),
    doubtful(
        C::PsychologicalServices,
        r"partial\s+hospitali",
        "partial hospitalization is a psychiatric day program; also a program",
    ),
    clear(
        C::PsychologicalServices,
        r"psych|cognitive\s+behavio|\bcbt\b|biofeedback|counsel|mental\s+health|hypnotherap|stress\s+management|relaxation\s+training",
    ),
    clear(
        C::HomeHealth,
        r"home\s+(?:health|care|nurs|assist|aide)|\brn\b|\blvn\b|\bnurs(?:e|es|ing)\b|caregiver|\baides?\b|attendant\s+care|housekeep",
    ),
    clear(
        C::Transportation,
        r"transport|\btaxi|mileage|ambulance|\buber\b|\blyft\b|\brides?\b",
    ),
    doubtful(
        C::EvaluationAndManagement,
        r"functional\s+capacity|\bfce\b|grip\s+(?:strength\s+)?test|\bjamar\b|range\s+of\s+motion\b.*\btest|\brom\s+test|muscle\s+test",
        FUNCTIONAL_TESTING,
    ),
    clear(
        C::EvaluationAndManagement,
        r"consult|referral|\btoc\b|transfer\s+of\s+care|office\s+visit|follow[\s-]*up\s+(?:office\s+)?(?:visit|appointment|evaluation|exam)|clearance|second\s+opinion|(?:surgeon|specialist|physician|doctor|ologist|iatrist|orthop\w*|\bmd)\b[^.;]*\beval|\beval\w*\s+(?:with|by)\b",
    ),
    doubtful(
        C::Injections,
        r"neuroplasty|adhesiolysis|lysis\s+of\s+(?:epidural\s+)?adhesions",
        "percutaneous epidural neuroplasty (adhesiolysis) is an interventional procedure, not quite an injection nor surgery",
    ),
    clear(
        C::Injections,
        r"inject|epidural|\besi\b|facet|\bblocks?\b|medial\s+branch|trigger\s+point|radiofrequency|rhizotomy|ablation|platelet|\bprp\b|viscosupplement|synvisc|euflexxa|orthovisc|hyaluron|botox|botulinum|cortisone|neurolytic",
    ),
    Rule {
        category: C::Pharmaceuticals,
        matcher: Matcher::DrugName,
        unsure: None,
    },
    clear(
        C::Electrodiagnostics,
        r"\bemg\b|\bnc[vs]\b|nerve\s+conduction|electro-?\s*myograph|electrodiagnos|\bssep\b|evoked\s+potential",
    ),
    // Before imaging: "ultrasound" alone is a scan.
    clear(C::PhysicalTherapy, r"therapeutic\s+ultrasound|ultrasound\s+therap"),
    clear(
        C::DiagnosticImaging,
        r"\bmri\b|\bmra\b|magnetic\s+resonance|\bct\b|\bcat\s+scan|computed\s+tomograph|\bx-?\s?rays?\b|radiograph|ultrasound|sonogra|bone\s+(?:scan|density)|densitometr|scintigra|\bdexa\b|\bpet\b|myelogra|arthrogra|imaging",
    ),
    clear(
        C::Chiropractic,
        r"chiro|spinal\s+manipulat|osteopathic\s+manipulat|\b[co]mt\b",
    ),
    clear(C::Acupuncture, r"acupunct|acupress"),
    // A rented or bought device, before therapy: "TENS unit", "purchase of a chair".
    clear(C::DurableMedicalEquipment, r"\bunit\b|rental|\brent\b|purchase"),
    doubtful(
        C::PhysicalTherapy,
        r"shock\s*wave|\beswt\b",
        "shockwave therapy is a physical-medicine modality but also a procedure",
    ),
    clear(
        C::PhysicalTherapy,
        r"physical\s+therap|occupational\s+therap|physiotherap|\bpt\b|\bot\b|\brehab|aqua(?:tic)?\s+therap|pool\s+therap|massage|myofascial|infrared|\be-?stim\b|therapeutic\s+(?:exercise|activit)|iontophoresis|paraffin|manual\s+therap|dry\s+needling|home\s+exercise",
    ),
    // Any other program ("follow-up aftercare program"), after therapy's
    // "home exercise program".
    clear(C::Programs, r"\bprograms?\b|aftercare"),
    clear(
        C::Surgery,
        r"surgery|surgical\s+(?:procedure|intervention|repair|treatment)|arthroscop|arthroplast|arthrodesis|\bfusion\b|dis[ck]ectomy|laminotomy|foraminotomy|decompression|\brepair\b|reconstruct|\brelease\b|replacement|tenodesis|ectomy\b|otomy\b|\borif\b|excision|debridement|manipulation\s+under\s+anesthesia|\bmua\b|implant|hardware\s+removal|spinal\s+cord\s+stimulat|acromioplasty|amputation|kyphoplasty|vertebroplasty|transposition|graft",
    ),
    clear(
        C::DurableMedicalEquipment,
        r"brace|orthos[ie]s|orthotic|splint|\bsupport\b|pillow|sling|\bwrap\b|\bpads?\b|wheelchair|commode|\bchair\b|scooter|walker|\bcane\b|crutch|hearing\s+aids?|\btens\b|h-?wave|interferential|stimulator|cold\s+therapy|cryotherapy|hot/cold|\bice\b|\bcompression|mattress|\bbed\b|insoles?|collar|cushion|traction|\bkit\b|equipment|\bdme\b|\bcpap\b|grab\s+bar|toilet|glucose\s+monitor|glucometer|\bcgm\b",
    ),
    doubtful(
        C::Labs,
        r"\be[ck]g\b|electrocardiogra|echocardiogra|holter|stress\s+test|sleep\s+stud|polysomnogra|pulmonary\s+function|spirometr",
        NON_LAB_TEST,
    ),
    clear(
        C::Labs,
        r"\blabs?\b|laborator|urine|urinalysis|\budt\b|drug\s+(?:screen|test)|toxicolog|blood|\bcbc\b|\bpanel\b|serum|genetic\s+test",
    ),
    // Not medical services; the DWC reports list them under "other".
    clear(C::Other, r"membership|\bgym\b|\bymca\b"),
    clear(
        C::EvaluationAndManagement,
        r"\beval(?:uation)?\b|\bexam(?:ination)?\b|\bvisits?\b|assessment|follow[\s-]*ups?\b|appointment",
    ),
    doubtful(
        C::Pharmaceuticals,
        r"\d\s*(?:mg|mcg|ml|gm?|grams?|%|percent)\b|#\s*\d|\b(?:tabs?|tablets?|capsules?|by\s+mouth|orally|refills?|supply|ointment|cream|gel|lotion|patch|suspension|medications?)\b",
        "no known drug name: a pharmacy item by its dose, quantity or form",
    ),
    doubtful(
        C::Surgery,
        r"surgical\s+service|\bpost-?\s*op|\bpre-?\s*op|\bperi-?\s*op",
        "part of a surgery that no other rule recognized",
    ),
    // Last: anything at all, so every text gets a category.
    doubtful(C::Other, r"^", NO_RULE),
];

const NO_RULE: &str = "no rule matched";

/// Words that make a pharmacy item though they name no drug ("compounded
/// cream"); a compounded form counts as topical and compounded (`TOPICAL_FORM`).
const COMPOUNDING: [&str; 2] = ["compound", "compounded"];

/// Applied to a skin (or compounded) form, a drug counts as topical and
/// compounded, whatever its own group.
static TOPICAL_FORM: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)%|percent|mg/g|\b(?:cream|ointment|gels?|lotion|topical|transdermal|patch(?:es)?|compound(?:ed)?|roll-on|liniment)\b",
    )
    .expect("topical form")
});

/// Any name of the drug lexicon (a two-word name with any space between its
/// words) or a compounding word.
fn drug_alternation() -> String {
    let names: Vec<String> = drugs::NAMES
        .iter()
        .map(|(name, _)| name.replace(' ', r"\s+"))
        .chain(COMPOUNDING.map(String::from))
        .collect();
    format!(r"(?i)\b(?:{})\b", names.join("|"))
}

static DRUG_NAME: LazyLock<Regex> =
    LazyLock::new(|| pattern(&drug_alternation()).expect("drug names"));

/// Every rule but the catch-all last one, which is taken when none of these
/// matches (its empty match at the start, in the set, made every search
/// handle a match before reading a byte).
static RULE_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    let patterns = RULES[..RULES.len() - 1]
        .iter()
        .map(|rule| match rule.matcher {
            Matcher::Pattern(p) => ascii_rules(&format!("(?i){p}")),
            Matcher::DrugName => ascii_rules(&drug_alternation()),
        });
    RegexSet::new(
        patterns
            .collect::<Result<Vec<_>, _>>()
            .expect("classifier rules"),
    )
    .expect("classifier rules")
});

/// See [`crate::classify_treatment`].
pub fn classify(text: &str) -> Classification {
    let rule = RULE_SET
        .matches(text)
        .iter()
        .next()
        .map_or(&RULES[RULES.len() - 1], |i| &RULES[i]);
    let mut class = Classification {
        category: rule.category,
        drug_group: None,
        unsure: rule.unsure,
    };
    if rule.category == C::Pharmaceuticals {
        let (group, unsure) = drug_group(text);
        class.drug_group = Some(group);
        class.unsure = class.unsure.or(unsure);
    }
    class
}

/// The group of a pharmacy item, unless it is a skin or compounded form: an
/// opioid's if it names one (combinations such as "acetaminophen/hydrocodone"
/// count as opioids, as the reports count them), else the first named drug's
/// with a group of its own ("diclofenac/misoprostol" is an NSAID).
fn drug_group(text: &str) -> (DrugGroup, Option<&'static str>) {
    let rank = |d: &Drug| match d.group.group {
        DrugGroup::Opioids => 0,
        DrugGroup::Other => 2,
        _ => 1,
    };
    let named = DRUG_NAME
        .find_iter(text)
        .filter_map(|m| {
            let name = m.as_str();
            // A two-word name may be written with any space between its
            // words (one-word names, most, are looked up as they are).
            if !name.bytes().any(is_pattern_space) {
                return drugs::lookup(name);
            }
            let words: Vec<&str> = name.split_whitespace().collect();
            drugs::lookup(&words.join(" "))
        })
        .min_by_key(rank);
    let topical = TOPICAL_FORM.is_match(text);
    match named {
        Some(d) if topical && !d.group.systemic_patch => (DrugGroup::TopicalCompounded, None),
        Some(d) => (d.group.group, d.group.unsure),
        None if topical => (DrugGroup::TopicalCompounded, None),
        None => (DrugGroup::Other, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule pattern compiles on its own, so a broken one is named.
    #[test]
    fn every_rule_compiles() {
        for rule in &RULES {
            if let Matcher::Pattern(p) = rule.matcher {
                assert!(pattern(p).is_ok(), "{p}");
            }
        }
        assert_eq!(RULE_SET.len(), RULES.len() - 1);
    }
}
