//! Layout detection: picks the letter layout and runs its extractor.
use crate::normalize::Document;
use crate::{CaseHeader, Determination, Format, Patient, Reviewer};

pub fn parse(doc: &Document) -> Determination {
    let _ = doc;
    Determination {
        format: Format::Unknown,
        format_confidence: 0.0,
        case: CaseHeader::default(),
        reviewer: Reviewer::default(),
        patient: Patient::default(),
        decisions: Vec::new(),
        diagnostics: Vec::new(),
    }
}
