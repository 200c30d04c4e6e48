//! Trends over many letters: overturn rates overall and broken down by
//! treatment category, drug group, reviewer specialty, guideline and decision
//! month, each with its counts, as JSON ([`Trends`] serializes) or as a text
//! table ([`Trends::to_text`]). The CLI's `imr stats` and the page print these.

use crate::{
    Decision, Determination, DrugGroup, Guideline, GuidelineSource, Outcome, TreatmentCategory,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A rate from fewer decided items than this is flagged `small_sample`: below
/// ten, a single item moves the rate by more than ten points, which is more
/// than the differences between most categories (the DWC reports overturn
/// rates of about 10% overall).
pub const SMALL_SAMPLE: usize = 10;

/// The counts and overturn rate of one group of items.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// A stable id: a category or drug-group id, a specialty, "2017-02", ...
    pub key: String,
    /// The same for people.
    pub label: String,
    /// Every item in the group, whatever its outcome.
    pub items: usize,
    pub upheld: usize,
    pub overturned: usize,
    /// overturned / (upheld + overturned), from 0 to 1; null when no item of
    /// the group was upheld or overturned.
    pub overturn_rate: Option<f64>,
    /// Fewer than [`SMALL_SAMPLE`] items were upheld or overturned: the rate
    /// says little.
    pub small_sample: bool,
}

/// Overturn rates of a set of letters. Each breakdown lists the groups that
/// have items, the largest first (months in calendar order). An item counts
/// once in every group it belongs to, so the rows of `by_reviewer_specialty`
/// (a reviewer may hold several) and `by_guideline` (a decision may cite
/// several) can add up to more than `overall`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trends {
    pub letters: usize,
    pub overall: Row,
    pub by_category: Vec<Row>,
    /// Pharmaceutical items only.
    pub by_drug_group: Vec<Row>,
    pub by_reviewer_specialty: Vec<Row>,
    /// Whether the reviewer's decision was based on the MTUS.
    pub by_mtus: Vec<Row>,
    /// The guidelines the reviewer's decision cites: each MTUS part by name
    /// (editions merged), other guidelines by family (ODG, ACOEM, other).
    pub by_guideline: Vec<Row>,
    /// The decision date's year and month.
    pub by_decision_month: Vec<Row>,
}

#[derive(Default)]
struct Tally {
    label: String,
    items: usize,
    upheld: usize,
    overturned: usize,
}

impl Tally {
    fn add(&mut self, outcome: &Outcome) {
        self.items += 1;
        match outcome {
            Outcome::Upheld => self.upheld += 1,
            Outcome::Overturned => self.overturned += 1,
            Outcome::Other(_) => {}
        }
    }

    fn row(self, key: String) -> Row {
        let decided = self.upheld + self.overturned;
        Row {
            key,
            label: self.label,
            items: self.items,
            upheld: self.upheld,
            overturned: self.overturned,
            overturn_rate: (decided > 0).then(|| self.overturned as f64 / decided as f64),
            small_sample: decided < SMALL_SAMPLE,
        }
    }
}

/// The groups of one breakdown, by key.
#[derive(Default)]
struct Breakdown(BTreeMap<String, Tally>);

impl Breakdown {
    fn add(&mut self, key: &str, label: &str, outcome: &Outcome) {
        let tally = self.0.entry(key.to_string()).or_insert_with(|| Tally {
            label: label.to_string(),
            ..Tally::default()
        });
        tally.add(outcome);
    }

    /// Rows in key order.
    fn rows(self) -> Vec<Row> {
        self.0.into_iter().map(|(key, t)| t.row(key)).collect()
    }

    /// Rows with the most items first, ties in key order.
    fn largest_first(self) -> Vec<Row> {
        let mut rows = self.rows();
        rows.sort_by_key(|r| std::cmp::Reverse(r.items));
        rows
    }
}

const NOT_STATED: (&str, &str) = ("not_stated", "Not stated");

/// The id serde gives a unit enum variant ("diagnostic_imaging").
fn id(value: impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// One disputed item reduced to what a table or the trends of many letters
/// use: small enough to keep for ten thousand letters (the page's batch view
/// holds these, not whole determinations).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub case_number: Option<String>,
    /// ISO 8601 (so that it sorts as text).
    pub decision_date: Option<String>,
    pub treatment: String,
    pub category: TreatmentCategory,
    pub drug_group: Option<DrugGroup>,
    pub outcome: Outcome,
    /// The reviewer's specialties, each once; empty when the letter does not say.
    pub reviewer_specialty: Vec<String>,
    /// Whether the reviewer's decision was based on the MTUS; null when not stated.
    pub mtus: Option<bool>,
    /// The guidelines the reviewer cites, by family (see [`Trends::by_guideline`]).
    pub guidelines: Vec<String>,
    pub modified_request: bool,
}

impl Item {
    /// Its single-valued fields as text (empty when absent), in this order:
    /// case number, decision date, treatment, category, drug group, outcome.
    /// The CSV export and the page's worker both write these.
    pub fn text_fields(&self) -> [&str; 6] {
        [
            self.case_number.as_deref().unwrap_or(""),
            self.decision_date.as_deref().unwrap_or(""),
            &self.treatment,
            self.category.label(),
            self.drug_group.map_or("", |g| g.label()),
            self.outcome.as_str(),
        ]
    }
}

/// The items of one letter, in the letter's order.
pub fn items(det: &Determination) -> Vec<Item> {
    let mut specialties: Vec<String> = Vec::new();
    for s in &det.reviewer.specialty {
        if !specialties.contains(&s.value) {
            specialties.push(s.value.clone());
        }
    }
    let case_number = det.case.case_number.as_ref().map(|c| c.value.clone());
    let decision_date = det.case.decision_date.as_ref().map(|d| d.value.to_string());
    det.decisions
        .iter()
        .map(|d| Item {
            case_number: case_number.clone(),
            decision_date: decision_date.clone(),
            treatment: d.treatment.value.clone(),
            category: d.category,
            drug_group: d.drug_group,
            outcome: d.outcome.value.clone(),
            reviewer_specialty: specialties.clone(),
            mtus: d.reviewer_guideline.as_ref().and_then(|g| g.mtus),
            guidelines: guideline_families(d),
            modified_request: d.modified_request,
        })
        .collect()
}

/// The trends of every decision of `letters`.
pub fn trends<'a>(letters: impl IntoIterator<Item = &'a Determination>) -> Trends {
    let mut count = 0;
    let mut all = Vec::new();
    for det in letters {
        count += 1;
        all.extend(items(det));
    }
    trends_of_items(count, &all)
}

/// The trends of `items`, taken from `letters` letters.
pub fn trends_of_items<'a>(letters: usize, items: impl IntoIterator<Item = &'a Item>) -> Trends {
    let mut overall = Tally {
        label: "All items".into(),
        ..Tally::default()
    };
    let [mut category, mut drug_group, mut specialty, mut mtus, mut guideline, mut month] =
        std::array::from_fn(|_| Breakdown::default());
    for item in items {
        let outcome = &item.outcome;
        overall.add(outcome);
        category.add(&id(item.category), item.category.label(), outcome);
        if let Some(group) = item.drug_group {
            drug_group.add(&id(group), group.label(), outcome);
        }
        if item.reviewer_specialty.is_empty() {
            specialty.add(NOT_STATED.1, NOT_STATED.1, outcome);
        }
        for s in &item.reviewer_specialty {
            specialty.add(s, s, outcome);
        }
        let (key, label) = match item.mtus {
            Some(true) => ("mtus", "Based on the MTUS"),
            Some(false) => ("not_mtus", "Not based on the MTUS"),
            None => NOT_STATED,
        };
        mtus.add(key, label, outcome);
        for family in &item.guidelines {
            guideline.add(family, family, outcome);
        }
        let decided_in = item.decision_date.as_deref().and_then(|d| d.get(..7));
        let (key, label) = decided_in.map_or(NOT_STATED, |m| (m, m));
        month.add(key, label, outcome);
    }
    Trends {
        letters,
        overall: overall.row("all".into()),
        by_category: category.largest_first(),
        by_drug_group: drug_group.largest_first(),
        by_reviewer_specialty: specialty.largest_first(),
        by_mtus: mtus.largest_first(),
        by_guideline: guideline.largest_first(),
        by_decision_month: month.rows(),
    }
}

/// The guideline families one decision's reviewer cites, each once.
fn guideline_families(d: &Decision) -> Vec<String> {
    let citations = d
        .reviewer_guideline
        .as_ref()
        .map_or(&[][..], |g: &Guideline| &g.citations[..]);
    let mut families: Vec<String> = citations
        .iter()
        .map(|c| match c.source {
            GuidelineSource::Mtus => mtus_part(&c.name.value),
            GuidelineSource::Acoem => "ACOEM (outside the MTUS)".into(),
            GuidelineSource::Odg => "ODG".into(),
            GuidelineSource::Other => "Other evidence".into(),
        })
        .collect();
    families.sort();
    families.dedup();
    if families.is_empty() {
        families.push("No guideline cited".into());
    }
    families
}

/// "MTUS Chronic Pain Medical Treatment 2016 Guidelines" → "MTUS Chronic
/// Pain Medical Treatment": the editions of one MTUS part are one family.
fn mtus_part(name: &str) -> String {
    let name = name.trim_end_matches(|c: char| !c.is_alphanumeric());
    let name = name.strip_suffix("Guidelines").unwrap_or(name).trim_end();
    let name = name
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    name.to_string()
}

impl Trends {
    /// Plain-text tables for a terminal: one per breakdown, rates in percent,
    /// small samples marked with `*`.
    pub fn to_text(&self) -> String {
        let o = &self.overall;
        let mut s = format!(
            "IMR trends: {} items in {} letters, {} upheld, {} overturned; overturn rate {}\n\
             * marks a rate from fewer than {SMALL_SAMPLE} upheld or overturned items: it says little.\n",
            o.items,
            self.letters,
            o.upheld,
            o.overturned,
            percent(o)
        );
        let sections: [(&str, &[Row]); 6] = [
            ("Treatment category", &self.by_category),
            ("Drug group (pharmaceuticals)", &self.by_drug_group),
            ("Reviewer specialty", &self.by_reviewer_specialty),
            ("MTUS", &self.by_mtus),
            ("Guideline cited", &self.by_guideline),
            ("Decision month", &self.by_decision_month),
        ];
        for (title, rows) in sections {
            table(&mut s, title, rows);
        }
        s
    }
}

/// The row's overturn rate in percent ("12.5%"), marked `*` when from a small
/// sample, "-" when no item was decided.
pub fn percent(row: &Row) -> String {
    let mark = if row.small_sample { "*" } else { "" };
    row.overturn_rate
        .map_or_else(|| "-".into(), |r| format!("{:.1}%{mark}", r * 100.0))
}

fn table(s: &mut String, title: &str, rows: &[Row]) {
    use std::fmt::Write;
    let width = rows
        .iter()
        .map(|r| r.label.chars().count())
        .chain([title.len()])
        .max()
        .unwrap_or(0);
    let _ = writeln!(
        s,
        "\n{title:<width$}  {:>5}  {:>6}  {:>10}  {:>13}",
        "Items", "Upheld", "Overturned", "Overturn rate"
    );
    if rows.is_empty() {
        let _ = writeln!(s, "(none)");
    }
    for r in rows {
        let _ = writeln!(
            s,
            "{:<width$}  {:>5}  {:>6}  {:>10}  {:>13}",
            r.label,
            r.items,
            r.upheld,
            r.overturned,
            percent(r)
        );
    }
}
