//! Layouts other than the 2015–2017 DWC Final Determination: the real 2013
//! notice fragment from the shared corpus, and constructed letters of the
//! layouts no real sample exists for here (see tests/formats/README.md).

mod support;

use serde_json::json;
use support::corpus::corpus_dir;
use support::gold::{check, codes};

#[test]
fn dwc_2013_notice_fragment_gives_everything_it_holds() {
    let path = corpus_dir().join("formats/dwc-2013-notice.fragment.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    check(
        &text,
        &json!({
            "format": "dwc_notice_2013",
            "case": {"application_received": "2013-09-06", "ur_denial_date": "2013-08-30",
                     "date_assigned": "2013-09-23", "decision_date": "2013-09-26", "date_of_injury": "2001-08-28"},
            "reviewer": {"licensure": ["California"], "specialty": ["Occupational Medicine"]},
            "patient": {"age": 44, "sex": "female", "date_of_injury": "2001-08-28"},
            "decisions": [
                {"treatment": "28 day functional restoration program", "outcome": "upheld"},
                {"treatment": "6 month follow-up aftercare program", "outcome": "upheld"}
            ]
        }),
    );
    assert!(
        codes(&text).contains(&"truncated".to_string()),
        "{:?}",
        codes(&text)
    );
}

fn constructed(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/formats")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn maximus_layout_with_documents_reviewed() {
    check(
        &constructed("maximus-imr-decisions.txt"),
        &json!({
            "format": "maximus_imr",
            "case": {"case_number": "CM19-0123456", "date_assigned": "2019-03-04", "decision_date": "2019-03-29",
                     "date_of_injury": "2017-06-12", "ur_denial_date": "2019-02-20", "application_received": "2019-02-27"},
            "reviewer": {"licensure": ["California", "Oregon"], "specialty": ["Anesthesiology", "Pain Medicine"]},
            "patient": {"age": 52, "sex": "female"},
            "documents_reviewed": [
                "Application for Independent Medical Review, dated 02/27/2019",
                "Utilization Review Determination, dated 02/20/2019",
                "Progress report from the treating physician, dated 02/05/2019",
                "MRI of the lumbar spine, dated 11/14/2018"
            ],
            "decisions": [
                {"treatment": "Left L4-L5 transforaminal epidural steroid injection", "outcome": "upheld",
                 "reviewer_guideline": {"mtus": true}},
                {"treatment": "Physical therapy 8 sessions for the lumbar spine", "outcome": "overturned"}
            ]
        }),
    );
    assert_eq!(
        codes(&constructed("maximus-imr-decisions.txt")),
        ["format_detected"]
    );
}

#[test]
fn medical_professional_review_layout() {
    let text = constructed("medical-professional-review.txt");
    check(
        &text,
        &json!({
            "format": "medical_professional_review",
            "case": {"case_number": "CM18-0098765", "date_of_injury": "2015-09-03"},
            "reviewer": {"licensure": ["California"], "specialty": ["Orthopaedic Surgery"]},
            "patient": {"age": 38, "sex": "male"},
            "documents_reviewed": [
                "Utilization Review determination dated 05/02/2018",
                "Primary treating physician's progress report dated 04/20/2018",
                "Cervical spine x-ray report dated 10/01/2015"
            ],
            "decisions": [{
                "treatment": "MRI of the cervical spine without contrast",
                "outcome": "upheld",
                "claims_administrator_guideline": null,
                "reviewer_guideline": {"citations": [{"source": "mtus", "name": "MTUS Neck and Upper Back Complaints 2004"}]}
            }]
        }),
    );
    // No claims administrator's guideline is expected in this layout.
    assert_eq!(codes(&text), ["format_detected"]);
}

#[test]
fn dmhc_health_plan_findings() {
    let text = constructed("dmhc-imr.txt");
    check(
        &text,
        &json!({
            "format": "dmhc_imr",
            "case": {"case_number": "MN17-012345"},
            "review_type": "Medical Necessity",
            "reviewer": {"specialty": ["Endocrinology, Diabetes and Metabolism"]},
            "patient": {"age": 27, "sex": "female"},
            "decisions": [{
                "treatment": "continuous glucose monitoring",
                "outcome": "overturned",
                "votes": {"agreeing": 3, "total": 3}
            }]
        }),
    );
}

#[test]
fn a_letter_of_no_known_layout_is_reported_not_forced() {
    let memo = "MEMORANDUM\nTo: Claims staff\nRe: Holiday schedule\nThe office will be closed on 12/25/2026.\n";
    check(
        memo,
        &json!({"format": "unknown", "decisions": [], "diagnostics": [{"code": "not_a_determination"}]}),
    );
}
