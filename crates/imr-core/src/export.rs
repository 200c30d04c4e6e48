//! Output forms shared by the CLI and the page: JSON (with provenance), CSV
//! for spreadsheets, and a plain-text summary for notes and emails.

use crate::stats::Item;
use crate::{BodyPart, Determination, Guideline, Span};
use serde_json::{json, Map, Value};

/// The JSON object for one letter: the [`Determination`] fields, `source`
/// (the file name or label the text came from, if any), and `provenance`:
/// a map from the JSON pointer of every extracted value to the byte span
/// `[start, end]` of the original text it came from.
///
/// This is exactly what `imr parse --jsonl` prints per line and what the
/// page's "Download JSON" saves.
pub fn to_json(det: &Determination, source: Option<&str>) -> Value {
    let mut obj = match serde_json::to_value(det) {
        Ok(Value::Object(map)) => map,
        // Serializing plain data types cannot fail; keep totality anyway.
        _ => Map::new(),
    };
    let prov: Map<String, Value> = provenance(det)
        .into_iter()
        .map(|(pointer, span)| (pointer, json!([span.start, span.end])))
        .collect();
    obj.insert("provenance".into(), Value::Object(prov));
    obj.insert(
        "source".into(),
        source.map_or(Value::Null, |s| Value::String(s.into())),
    );
    Value::Object(obj)
}

/// One line of JSON (no trailing newline).
pub fn to_json_line(det: &Determination, source: Option<&str>) -> String {
    to_json(det, source).to_string()
}

/// The JSON Schema of [`to_json`]'s output.
pub fn json_schema() -> Value {
    let mut schema =
        serde_json::to_value(schemars::schema_for!(Determination)).unwrap_or(Value::Null);
    if let Some(obj) = schema.as_object_mut() {
        obj.insert(
            "$id".into(),
            json!("https://imr-lens.invalid/schema/determination.json"),
        );
        if let Some(props) = obj.get_mut("properties").and_then(Value::as_object_mut) {
            props.insert(
                "source".into(),
                json!({"description": "The file name or label the text came from.", "type": ["string", "null"]}),
            );
            props.insert(
                "provenance".into(),
                json!({
                    "description": "JSON pointer of each extracted value -> [start, end) byte span in the original input.",
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2}
                }),
            );
        }
        if let Some(req) = obj.get_mut("required").and_then(Value::as_array_mut) {
            req.push(json!("source"));
            req.push(json!("provenance"));
        }
    }
    schema
}

/// Every extracted value's JSON pointer and span, in document order of the
/// JSON (case, reviewer, patient, decisions).
pub fn provenance(det: &Determination) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    let mut add = |pointer: String, span: Span| out.push((pointer, span));
    let c = &det.case;
    let header = [
        ("case_number", c.case_number.as_ref().map(|v| v.span)),
        ("date_assigned", c.date_assigned.as_ref().map(|v| v.span)),
        ("decision_date", c.decision_date.as_ref().map(|v| v.span)),
        ("priority", c.priority.as_ref().map(|v| v.span)),
        ("date_of_injury", c.date_of_injury.as_ref().map(|v| v.span)),
        ("ur_denial_date", c.ur_denial_date.as_ref().map(|v| v.span)),
        (
            "application_received",
            c.application_received.as_ref().map(|v| v.span),
        ),
    ];
    for (key, span) in header {
        if let Some(span) = span {
            add(format!("/case/{key}"), span);
        }
    }
    for (i, v) in det.reviewer.licensure.iter().enumerate() {
        add(format!("/reviewer/licensure/{i}"), v.span);
    }
    for (i, v) in det.reviewer.specialty.iter().enumerate() {
        add(format!("/reviewer/specialty/{i}"), v.span);
    }
    let p = &det.patient;
    let patient = [
        ("age", p.age.as_ref().map(|v| v.span)),
        ("sex", p.sex.as_ref().map(|v| v.span)),
        ("date_of_injury", p.date_of_injury.as_ref().map(|v| v.span)),
        ("occupation", p.occupation.as_ref().map(|v| v.span)),
        ("mechanism", p.mechanism.as_ref().map(|v| v.span)),
        ("work_status", p.work_status.as_ref().map(|v| v.span)),
    ];
    for (key, span) in patient {
        if let Some(span) = span {
            add(format!("/patient/{key}"), span);
        }
    }
    let lists: [(&str, Vec<Span>); 4] = [
        ("body_parts", p.body_parts.iter().map(|b| b.span).collect()),
        ("diagnoses", p.diagnoses.iter().map(|v| v.span).collect()),
        (
            "pain_scores",
            p.pain_scores.iter().map(|v| v.span).collect(),
        ),
        (
            "doubtful_dates",
            p.doubtful_dates.iter().map(|v| v.span).collect(),
        ),
    ];
    for (key, spans) in lists {
        for (i, span) in spans.into_iter().enumerate() {
            add(format!("/patient/{key}/{i}"), span);
        }
    }
    for (i, m) in p.medications.iter().enumerate() {
        add(format!("/patient/medications/{i}/name"), m.name.span);
        for (key, v) in [
            ("strength", &m.strength),
            ("quantity", &m.quantity),
            ("frequency", &m.frequency),
            ("route", &m.route),
        ] {
            if let Some(v) = v {
                add(format!("/patient/medications/{i}/{key}"), v.span);
            }
        }
    }
    for (i, study) in p.studies.iter().enumerate() {
        add(format!("/patient/studies/{i}/text"), study.text.span);
        if let Some(date) = &study.date {
            add(format!("/patient/studies/{i}/date"), date.span);
        }
        if let Some(findings) = &study.findings {
            add(format!("/patient/studies/{i}/findings"), findings.span);
        }
    }
    for (i, c) in p.diagnosis_codes.iter().enumerate() {
        add(format!("/patient/diagnosis_codes/{i}/code"), c.code.span);
    }
    for (i, t) in p.treatments.iter().enumerate() {
        add(format!("/patient/treatments/{i}/text"), t.text.span);
    }
    for (i, d) in det.documents_reviewed.iter().enumerate() {
        add(format!("/documents_reviewed/{i}"), d.span);
    }
    if let Some(t) = &det.review_type {
        add("/review_type".into(), t.span);
    }
    for (i, e) in det.timeline.iter().enumerate() {
        add(format!("/timeline/{i}/date"), e.date.span);
        add(format!("/timeline/{i}/text"), e.text.span);
    }
    for (i, d) in det.decisions.iter().enumerate() {
        let base = format!("/decisions/{i}");
        add(base.clone(), d.span);
        add(format!("{base}/treatment"), d.treatment.span);
        add(format!("{base}/outcome"), d.outcome.span);
        if let Some(m) = &d.modification {
            for (key, v) in [
                ("original_request", &m.original_request),
                ("authorized", &m.authorized),
                ("disputed", &m.disputed),
            ] {
                if let Some(v) = v {
                    add(format!("{base}/modification/{key}"), v.span);
                }
            }
        }
        for (key, g) in [
            (
                "claims_administrator_guideline",
                &d.claims_administrator_guideline,
            ),
            ("reviewer_guideline", &d.reviewer_guideline),
        ] {
            if let Some(g) = g {
                add(format!("{base}/{key}/text"), g.text.span);
                for (j, c) in g.citations.iter().enumerate() {
                    add(format!("{base}/{key}/citations/{j}/name"), c.name.span);
                }
            }
        }
        if let Some(r) = &d.rationale {
            add(format!("{base}/rationale"), r.span);
        }
        if let Some(v) = &d.votes {
            add(format!("{base}/votes"), v.span);
        }
    }
    out
}

/// The CSV columns, one row per decision.
pub const CSV_COLUMNS: [&str; 26] = [
    "source",
    "format",
    "case_number",
    "date_assigned",
    "decision_date",
    "priority",
    "date_of_injury",
    "ur_denial_date",
    "application_received",
    "reviewer_specialty",
    "reviewer_licensure",
    "patient_diagnoses",
    "patient_medications",
    "patient_body_parts",
    "patient_studies",
    "patient_treatments_to_date",
    "patient_work_status",
    "patient_pain_scores",
    "item",
    "treatment",
    "category",
    "drug_group",
    "outcome",
    "modified_request",
    "claims_administrator_guideline",
    "reviewer_guideline",
];

/// A CSV document (UTF-8 BOM, CRLF, RFC 4180 quoting) with one row per
/// decision of every letter given, ready for Excel. A letter with no
/// decisions still gets one row so nothing silently disappears. Cells that a
/// spreadsheet would run as a formula are neutralised with a leading `'`.
pub fn to_csv<'a>(
    letters: impl IntoIterator<Item = (Option<&'a str>, &'a Determination)>,
) -> String {
    let mut out = String::from("\u{feff}");
    write_row(&mut out, CSV_COLUMNS.iter().copied());
    for (source, det) in letters {
        let c = &det.case;
        let date = |d: &Option<crate::Spanned<crate::Date>>| {
            d.as_ref().map(|d| d.value.to_string()).unwrap_or_default()
        };
        let fixed = [
            source.unwrap_or("").to_string(),
            format_id(det),
            c.case_number
                .as_ref()
                .map(|v| v.value.clone())
                .unwrap_or_default(),
            date(&c.date_assigned),
            date(&c.decision_date),
            c.priority
                .as_ref()
                .map(|v| v.value.clone())
                .unwrap_or_default(),
            det.date_of_injury()
                .map(|d| d.value.to_string())
                .unwrap_or_default(),
            date(&c.ur_denial_date),
            date(&c.application_received),
            join(det.reviewer.specialty.iter().map(|v| v.value.as_str())),
            join(det.reviewer.licensure.iter().map(|v| v.value.as_str())),
            join(det.patient.diagnoses.iter().map(|v| v.value.as_str())),
            det.patient
                .medications
                .iter()
                .map(|m| match &m.strength {
                    Some(strength) => format!("{} {}", m.name.value, strength.value),
                    None => m.name.value.clone(),
                })
                .collect::<Vec<_>>()
                .join("; "),
            det.patient
                .body_parts
                .iter()
                .map(BodyPart::label)
                .collect::<Vec<_>>()
                .join("; "),
        ];
        if det.decisions.is_empty() {
            let blanks = std::iter::repeat_n(String::new(), CSV_COLUMNS.len() - fixed.len());
            let row: Vec<String> = fixed.iter().cloned().chain(blanks).collect();
            write_row(&mut out, row.iter().map(String::as_str));
        }
        for (i, d) in det.decisions.iter().enumerate() {
            let guideline = |g: &Option<Guideline>| {
                g.as_ref().map(|g| g.text.value.clone()).unwrap_or_default()
            };
            let item = [
                (i + 1).to_string(),
                d.treatment.value.clone(),
                d.category.label().to_string(),
                d.drug_group.map_or("", |g| g.label()).to_string(),
                d.outcome.value.as_str().to_string(),
                d.modified_request.to_string(),
                guideline(&d.claims_administrator_guideline),
                guideline(&d.reviewer_guideline),
            ];
            write_row(
                &mut out,
                fixed.iter().chain(item.iter()).map(String::as_str),
            );
        }
    }
    out
}

/// The columns of [`items_to_csv`]: the page's batch table.
pub const ITEM_CSV_COLUMNS: [&str; 11] = [
    "source",
    "case_number",
    "decision_date",
    "treatment",
    "category",
    "drug_group",
    "outcome",
    "reviewer_specialty",
    "mtus_basis",
    "reviewer_guidelines",
    "modified_request",
];

/// A CSV document (as [`to_csv`]: BOM, CRLF, quoting, formula guard) with one
/// row per item, each with the name of the letter it came from: what the
/// page's batch table shows.
pub fn items_to_csv<'a>(items: impl IntoIterator<Item = (&'a str, &'a Item)>) -> String {
    let mut out = String::from("\u{feff}");
    write_row(&mut out, ITEM_CSV_COLUMNS.iter().copied());
    for (source, item) in items {
        let mtus = match item.mtus {
            Some(true) => "MTUS",
            Some(false) => "not MTUS",
            None => "",
        };
        let specialty = join(item.reviewer_specialty.iter().map(String::as_str));
        let guidelines = join(item.guidelines.iter().map(String::as_str));
        let modified = if item.modified_request {
            "true"
        } else {
            "false"
        };
        let rest = [specialty.as_str(), mtus, &guidelines, modified];
        let cells = std::iter::once(source)
            .chain(item.text_fields())
            .chain(rest);
        write_row(&mut out, cells);
    }
    out
}

fn format_id(det: &Determination) -> String {
    match serde_json::to_value(det.format) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join("; ")
}

fn write_row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_cell(out, cell);
    }
    out.push_str("\r\n");
}

fn write_cell(out: &mut String, cell: &str) {
    let formula = matches!(
        cell.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\0')
    );
    let needs_quotes = formula || cell.contains([',', '"', '\n', '\r']);
    if needs_quotes {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for ch in cell.chars() {
        if ch == '"' {
            out.push('"');
        }
        out.push(ch);
    }
    if needs_quotes {
        out.push('"');
    }
}

/// A plain-text summary of the letter for an email or a case note.
pub fn summary(det: &Determination) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let c = &det.case;
    let val = |v: Option<String>| v.unwrap_or_else(|| "not stated".into());
    let _ = writeln!(
        s,
        "IMR determination: {}",
        val(c.case_number.as_ref().map(|v| v.value.clone()))
    );
    let _ = writeln!(
        s,
        "Decision date: {}",
        val(c.decision_date.as_ref().map(|v| v.value.to_string()))
    );
    let _ = writeln!(
        s,
        "Date of injury: {}",
        val(det.date_of_injury().map(|v| v.value.to_string()))
    );
    if let Some(p) = &c.priority {
        let _ = writeln!(s, "Priority: {}", p.value);
    }
    let upheld = det.count_outcome(&crate::Outcome::Upheld);
    let overturned = det.count_outcome(&crate::Outcome::Overturned);
    let _ = writeln!(
        s,
        "Items: {} ({upheld} upheld, {overturned} overturned)",
        det.decisions.len()
    );
    if let Some(deadline) = det.appeal_deadline_estimate() {
        let _ = writeln!(
            s,
            "Appeal: petition due within 30 days of service of the determination (Labor Code 4610.6(h)); estimated {deadline}"
        );
    }
    let p = &det.patient;
    if !p.diagnoses.is_empty() {
        let _ = writeln!(
            s,
            "Diagnoses: {}",
            join(p.diagnoses.iter().map(|v| v.value.as_str()))
        );
    }
    if !p.medications.is_empty() {
        let _ = writeln!(
            s,
            "Medications: {}",
            join(p.medications.iter().map(|m| m.name.value.as_str()))
        );
    }
    if !det.reviewer.specialty.is_empty() {
        let _ = writeln!(
            s,
            "Reviewer: {}",
            join(det.reviewer.specialty.iter().map(|v| v.value.as_str()))
        );
    }
    for (i, d) in det.decisions.iter().enumerate() {
        let _ = writeln!(
            s,
            "\n{}. {} - {}",
            i + 1,
            d.treatment.value,
            capitalize(d.outcome.value.as_str())
        );
        if d.modified_request {
            if let Some(a) = d.modification.as_ref().and_then(|m| m.authorized.as_ref()) {
                let _ = writeln!(s, "   Claims administrator authorized: {}", a.value);
            }
        }
        if let Some(g) = &d.reviewer_guideline {
            let _ = writeln!(s, "   Reviewer guideline: {}", g.text.value);
        }
    }
    s
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
