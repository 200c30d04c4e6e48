//! Small hand-made inputs for the edges the corpus does not cover: what
//! pasting does to text, odd layouts of headings, and input that is not a
//! letter at all. Each test is one `check(input, expected)`: `expected` is a
//! subset of the JSON output that must match (strings up to whitespace).

mod support;

use serde_json::{json, Value};

use support::gold::codes;

fn check(input: &str, expected: Value) {
    support::gold::check(input, &expected);
}

/// A short but complete letter in the pdftotext -raw style.
const LETTER: &str = "Case Number:\nDate Assigned:\nDecision Date:\nPriority:\n\nCM16-0000001\n11/09/2016\n12/09/2016\nStandard\n\nDate of Injury:\nUR Denial Date:\nApplication\nReceived:\n\n10/13/2016\n11/03/2016\n11/03/2016\n\nHOW THE IMR FINAL DETERMINATION WAS MADE\nThe Expert Reviewer has the following credentials:\nState(s) of Licensure: California,North Carolina\nCertification(s)/Specialty: Family Practice\nCLINICAL CASE SUMMARY\nThe injured worker is a 48 year old male who sustained an industrial injury on 10-13-16.\nIMR ISSUES, DECISIONS AND RATIONALES\nThe Final Determination was based on decisions for the disputed items/services set forth below:\nMRI of the right shoulder without\ncontrast: Upheld\nClaims Administrator guideline: Decision based on MTUS Shoulder Complaints 2004.\nMAXIMUS guideline: Decision based on MTUS Shoulder Complaints 2004, Section(s): Special Studies.\nDecision rationale: The request is not medically necessary.\n";

fn letter_expected() -> Value {
    json!({
        "format": "dwc_final_determination",
        "case": {"case_number": "CM16-0000001", "date_assigned": "2016-11-09", "decision_date": "2016-12-09",
                 "priority": "Standard", "date_of_injury": "2016-10-13", "ur_denial_date": "2016-11-03",
                 "application_received": "2016-11-03"},
        "reviewer": {"licensure": ["California", "North Carolina"], "specialty": ["Family Practice"]},
        "patient": {"age": 48, "sex": "male", "date_of_injury": "2016-10-13"},
        "decisions": [{
            "treatment": "MRI of the right shoulder without contrast",
            "outcome": "upheld",
            "modified_request": false,
            "claims_administrator_guideline": {"text": "Decision based on MTUS Shoulder Complaints 2004.", "mtus": true,
                "citations": [{"source": "mtus", "name": "MTUS Shoulder Complaints 2004", "sections": []}]},
            "reviewer_guideline": {"citations": [{"name": "MTUS Shoulder Complaints 2004", "sections": ["Special Studies"]}]},
            "rationale": "The request is not medically necessary."
        }]
    })
}

#[test]
fn a_complete_letter() {
    check(LETTER, letter_expected());
    assert_eq!(codes(LETTER), ["format_detected"]);
}

#[test]
fn windows_line_ends_form_feeds_and_odd_spaces() {
    let pasted = LETTER
        .replace('\n', "\r\n")
        .replace("Case Number:", "Case\u{a0}Number:")
        .replace("HOW THE IMR", "\u{c}HOW THE IMR")
        .replace("Family Practice", "Family\u{200b} Practice")
        .replace("not medically", "not\u{2009}medically");
    check(&pasted, letter_expected());
}

#[test]
fn double_spaced_lines_with_trailing_spaces() {
    let seed_style: String = LETTER.lines().map(|line| format!("{line} \n\n")).collect();
    check(&seed_style, letter_expected());
}

#[test]
fn smart_quotes_and_ligatures_become_ascii() {
    let fancy = LETTER.replace(
        "The request is not medically necessary.",
        "The \u{201c}speci\u{fb01}c\u{201d} request isn\u{2019}t medically necessary.",
    );
    let mut expected = letter_expected();
    expected["decisions"][0]["rationale"] =
        json!("The \"specific\" request isn't medically necessary.");
    check(&fancy, expected);
}

#[test]
fn outcome_word_wrapped_onto_its_own_line() {
    let wrapped = LETTER.replace("contrast: Upheld", "contrast:\nUpheld");
    check(&wrapped, letter_expected());
}

#[test]
fn word_broken_by_a_hyphen_at_the_line_end() {
    let input = LETTER.replace(
        "MRI of the right shoulder without\ncontrast",
        "Electro-\nmyography of the arms",
    );
    let mut expected = letter_expected();
    expected["decisions"][0]["treatment"] = json!("Electro-myography of the arms");
    check(&input, expected);
}

#[test]
fn modified_request_leaving_the_original_request_eligible() {
    let input = LETTER.replace(
        "MRI of the right shoulder without\ncontrast: Upheld",
        "Purchase of a bath/shower chair was the original request. The Claims Administrator\nauthorized a bath/shower chair for 1 month, leaving the original request IMR eligible. The\noriginal request, purchase of a bath/shower chair is: Overturned",
    );
    check(
        &input,
        json!({"decisions": [{
            "treatment": "purchase of a bath/shower chair",
            "outcome": "overturned",
            "modified_request": true,
            "modification": {"original_request": "Purchase of a bath/shower chair",
                             "authorized": "a bath/shower chair for 1 month",
                             "disputed": "purchase of a bath/shower chair"}
        }]}),
    );
}

#[test]
fn modified_request_with_a_remaining_portion() {
    let input = LETTER.replace(
        "MRI of the right shoulder without\ncontrast: Upheld",
        "Cyclobenzaprine 7.5mg #90 was the original request. Cyclobenzaprine 7.5mg #63 was authorized by the\nClaims Administrator. The remaining IMR eligible portion of the original request,\nCyclobenzaprine 7.5mg #27: Upheld",
    );
    check(
        &input,
        json!({"decisions": [{
            "treatment": "Cyclobenzaprine 7.5mg #27",
            "modified_request": true,
            "modification": {"original_request": "Cyclobenzaprine 7.5mg #90", "authorized": "Cyclobenzaprine 7.5mg #63"}
        }]}),
    );
}

#[test]
fn header_table_side_by_side_as_in_pdftotext_layout() {
    let layout = "Case Number:          CM16-0000001\nDate Assigned:        11/09/2016                      Date of Injury:      10/13/2016\nDecision Date:        12/09/2016                      UR Denial Date:      11/03/2016\nPriority:             Standard                        Application          11/03/2016\n                                                      Received:\n";
    let input = format!(
        "{layout}{}",
        &LETTER[LETTER.find("HOW THE IMR").expect("heading")..]
    );
    check(&input, json!({"case": letter_expected()["case"].clone()}));
}

#[test]
fn credentials_written_as_a_sentence() {
    let input = LETTER.replace(
        "The Expert Reviewer has the following credentials:\nState(s) of Licensure: California,North Carolina\nCertification(s)/Specialty: Family Practice",
        "The expert reviewer is Board Certified in Internal Medicine and is licensed to practice in California. He/she has",
    );
    check(
        &input,
        json!({"reviewer": {"licensure": ["California"], "specialty": ["Internal Medicine"]}}),
    );
}

#[test]
fn date_of_injury_from_prose_when_there_is_no_header() {
    let body = &LETTER[LETTER.find("HOW THE IMR").expect("heading")..];
    let prose = body.replace(
        "sustained an industrial injury on 10-13-16",
        "a date of injury of April 19, 2011",
    );
    check(
        &prose,
        json!({"format": "dwc_final_determination_2014",
               "case": {"case_number": null, "date_of_injury": "2011-04-19"},
               "patient": {"date_of_injury": "2011-04-19"}}),
    );
}

#[test]
fn empty_input_says_so() {
    check(
        "",
        json!({"format": "unknown", "decisions": [], "diagnostics": [{"code": "empty", "severity": "error"}]}),
    );
    check(
        " \n\u{200b}\r\n",
        json!({"format": "unknown", "diagnostics": [{"code": "empty"}]}),
    );
}

#[test]
fn text_that_is_not_a_letter_says_what_was_expected() {
    let recipe = "Pancakes\n2 cups flour\n1 egg\nMix and fry.\n";
    check(
        recipe,
        json!({"format": "unknown", "decisions": [], "diagnostics": [{"code": "not_a_determination", "severity": "error"}]}),
    );
    let message = &imr_core::parse(recipe).diagnostics[0].message;
    assert!(message.contains("CLINICAL CASE SUMMARY"), "{message}");
}

#[test]
fn a_letter_cut_off_mid_rationale_keeps_what_it_has() {
    let cut = &LETTER[..LETTER.find("not medically").expect("rationale")];
    check(
        cut,
        json!({"case": {"case_number": "CM16-0000001"}, "decisions": [{"outcome": "upheld", "rationale": "The request is"}]}),
    );
    assert!(
        codes(cut).contains(&"truncated".to_string()),
        "{:?}",
        codes(cut)
    );
}

#[test]
fn a_letter_cut_off_before_its_decisions() {
    let cut = &LETTER[..LETTER.find("IMR ISSUES").expect("issues")];
    check(
        cut,
        json!({"case": {"decision_date": "2016-12-09"}, "patient": {"age": 48}, "decisions": []}),
    );
    let found = codes(cut);
    assert!(
        found.contains(&"truncated".to_string()) && found.contains(&"no_decisions".to_string()),
        "{found:?}"
    );
}

#[test]
fn a_header_value_left_out_is_reported_not_guessed() {
    let input = LETTER.replace("CM16-0000001\n", "");
    check(
        &input,
        json!({"case": {"case_number": null, "date_assigned": "2016-11-09", "priority": "Standard"}}),
    );
    let det = imr_core::parse(&input);
    let missing: Vec<_> = det
        .diagnostics
        .iter()
        .filter(|d| d.code == "missing_field")
        .map(|d| &d.message)
        .collect();
    assert_eq!(missing, ["No case number was found in the case header."]);
}

#[test]
fn non_mtus_citations_are_structured() {
    let input = LETTER.replace(
        "MAXIMUS guideline: Decision based on MTUS Shoulder Complaints 2004, Section(s): Special Studies.",
        "MAXIMUS guideline: The Expert Reviewer based their decision on recommendation(s) outside\nof the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines\n(ODG), Shoulder chapter, MRI. http://www.example.org/odg-shoulder.",
    );
    check(
        &input,
        json!({"decisions": [{"reviewer_guideline": {"mtus": false, "no_evidence_cited": false, "citations": [
            {"source": "odg", "urls": ["http://www.example.org/odg-shoulder"]}]}}]}),
    );
}

#[test]
fn no_medical_evidence_cited() {
    let input = LETTER.replace(
        "Claims Administrator guideline: Decision based on MTUS Shoulder Complaints 2004.",
        "Claims Administrator guideline: The Claims Administrator did not cite any medical evidence\nfor its decision.",
    );
    check(
        &input,
        json!({"decisions": [{"claims_administrator_guideline": {"mtus": null, "no_evidence_cited": true, "citations": []}}]}),
    );
}

#[test]
fn labels_with_words_run_together_by_the_pdf() {
    let glued = LETTER
        .replace("Decision rationale:", "Decisionrationale:")
        .replace("MAXIMUS guideline:", "MAXIMUSguideline:")
        .replace("State(s) of Licensure:", "State(s) ofLicensure:");
    check(&glued, letter_expected());
}

#[test]
fn icd_codes_printed_next_to_diagnoses_are_kept_apart() {
    let input = LETTER.replace(
        "The injured worker is a 48 year old male who sustained an industrial injury on 10-13-16.",
        "The injured worker is a 48 year old male who sustained an industrial injury on 10-13-16.\nDiagnoses included lumbago (M54.5), right shoulder strain [ICD-10: S46.911A] and M79.1 - myalgia.",
    );
    check(
        &input,
        json!({"patient": {
            "diagnoses": ["lumbago", "right shoulder strain", "myalgia"],
            "diagnosis_codes": [{"diagnosis": 0, "code": "M54.5"}, {"diagnosis": 1, "code": "S46.911A"}, {"diagnosis": 2, "code": "M79.1"}]
        }}),
    );
}
