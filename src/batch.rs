//! The batch view's model: many letters, each reduced to its items (what the
//! table and the trends need), and the table's filters, search and sort. Pure
//! data and functions, tested natively; the worker and the components use them.

use imr_core::stats::{self, Item};
use imr_core::{Determination, DrugGroup, Format, Outcome, TreatmentCategory};
use std::cmp::Ordering;

/// One letter of a batch. The text stays (for the letter's full view and the
/// JSON Lines export); of its parse only the items are kept.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchLetter {
    /// The file name, "pasted text", with "(letter 2 of 3)" when a text held several.
    pub source: String,
    pub text: String,
    pub items: Vec<Item>,
    /// Why the letter could not be read; `None` when it was.
    pub problem: Option<String>,
}

/// What the worker sends back for one letter's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub items: Vec<Item>,
    pub problem: Option<String>,
}

// Readings cross from the worker as plain text with ASCII separators, not
// JSON: decoding JSON into these types (serde's deserializer) would add about
// 10 KB gzipped to the page. Separators found in the letters' own text (there
// is no reason for them there) become spaces.
const LETTER: char = '\u{1c}';
const ITEM: char = '\u{1e}';
const FIELD: char = '\u{1f}';
const LIST: char = '\u{1d}';

fn put(out: &mut String, text: &str) {
    out.extend(text.chars().map(|c| {
        if matches!(c, LETTER | ITEM | FIELD | LIST) {
            ' '
        } else {
            c
        }
    }));
}

fn put_list(out: &mut String, list: &[String]) {
    for (i, s) in list.iter().enumerate() {
        if i > 0 {
            out.push(LIST);
        }
        put(out, s);
    }
}

/// The readings as the worker sends them; [`decode`] reads them back.
pub fn encode(readings: &[Reading]) -> String {
    let mut out = String::new();
    for (l, reading) in readings.iter().enumerate() {
        if l > 0 {
            out.push(LETTER);
        }
        put(&mut out, reading.problem.as_deref().unwrap_or(""));
        for item in &reading.items {
            out.push(ITEM);
            let flag = |b: Option<bool>| match b {
                Some(true) => "y",
                Some(false) => "n",
                None => "",
            };
            for field in item.text_fields() {
                put(&mut out, field);
                out.push(FIELD);
            }
            put_list(&mut out, &item.reviewer_specialty);
            out.push(FIELD);
            out.push_str(flag(item.mtus));
            out.push(FIELD);
            put_list(&mut out, &item.guidelines);
            out.push(FIELD);
            out.push_str(flag(Some(item.modified_request)));
        }
    }
    out
}

/// The readings [`encode`] wrote (of an empty list, one reading, empty: the
/// caller matches readings to the letters it sent, and a missing one is reported).
pub fn decode(text: &str) -> Vec<Reading> {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let list = |s: &str| -> Vec<String> {
        if s.is_empty() {
            Vec::new()
        } else {
            s.split(LIST).map(str::to_string).collect()
        }
    };
    text.split(LETTER)
        .map(|letter| {
            let mut parts = letter.split(ITEM);
            let problem = parts.next().and_then(some);
            let items = parts
                .filter_map(|item| {
                    let f: Vec<&str> = item.split(FIELD).collect();
                    let [case, date, treatment, category, group, outcome, specialty, mtus, guidelines, modified] =
                        f[..]
                    else {
                        return None;
                    };
                    Some(Item {
                        case_number: some(case),
                        decision_date: some(date),
                        treatment: treatment.to_string(),
                        category: TreatmentCategory::ALL
                            .into_iter()
                            .find(|c| c.label() == category)
                            .unwrap_or(TreatmentCategory::Other),
                        drug_group: DrugGroup::ALL.into_iter().find(|g| g.label() == group),
                        outcome: Outcome::from_word(outcome),
                        reviewer_specialty: list(specialty),
                        mtus: match mtus {
                            "y" => Some(true),
                            "n" => Some(false),
                            _ => None,
                        },
                        guidelines: list(guidelines),
                        modified_request: modified == "y",
                    })
                })
                .collect();
            Reading { items, problem }
        })
        .collect()
}

/// Reads one letter as the batch view needs it.
pub fn read(text: &str) -> Reading {
    let det = imr_core::parse(text);
    Reading {
        items: stats::items(&det),
        problem: problem(text, &det),
    }
}

/// Why a letter gives no row to the table, in words; `None` when it gives rows.
fn problem(text: &str, det: &Determination) -> Option<String> {
    if text.trim().is_empty() {
        Some("The file is empty.".into())
    } else if det.format == Format::Unknown {
        Some("Not recognized as an IMR determination letter.".into())
    } else if det.decisions.is_empty() {
        Some(format!(
            "Read as a {}, but no disputed item was found (is the text cut off?).",
            det.format.describe()
        ))
    } else {
        None
    }
}

/// The letters of one file or pasted text: one, or several when the text holds
/// several letters one after another (then each is named "name (letter i of n)").
/// Takes the text so that the usual single letter is kept without a copy.
pub fn letters_of(source: &str, text: String) -> Vec<(String, String)> {
    let spans = imr_core::split_letters(&text);
    let n = spans.len();
    if n == 1 {
        return vec![(source.to_string(), text)];
    }
    spans
        .into_iter()
        .enumerate()
        .map(|(i, span)| {
            let name = format!("{source} (letter {} of {n})", i + 1);
            (name, text[span.start..span.end].to_string())
        })
        .collect()
}

/// A row of the table: the letter's index and the item's index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RowRef {
    pub letter: usize,
    pub item: usize,
}

/// The table's columns, which are also its sort keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Case,
    Date,
    Treatment,
    Category,
    Outcome,
    Specialty,
    Guideline,
    Modified,
}

impl Column {
    pub const ALL: [Column; 8] = [
        Column::Case,
        Column::Date,
        Column::Treatment,
        Column::Category,
        Column::Outcome,
        Column::Specialty,
        Column::Guideline,
        Column::Modified,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Column::Case => "Case number",
            Column::Date => "Decision date",
            Column::Treatment => "Treatment",
            Column::Category => "Category",
            Column::Outcome => "Outcome",
            Column::Specialty => "Reviewer specialty",
            Column::Guideline => "Guideline basis",
            Column::Modified => "Modified request",
        }
    }
}

/// The table's sort: a column and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

impl Default for Sort {
    /// Newest decisions first, as a reader of a year's letters expects.
    fn default() -> Sort {
        Sort {
            column: Column::Date,
            descending: true,
        }
    }
}

/// What the table shows: every filter is optional; empty text means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// A category id ("pharmaceuticals"), as [`category_id`] gives.
    pub category: String,
    /// "upheld", "overturned" or another outcome word.
    pub outcome: String,
    pub specialty: String,
    /// "mtus", "not_mtus", or a guideline family ("ODG").
    pub guideline: String,
    /// Decision dates from and to (ISO 8601, inclusive).
    pub from: String,
    pub to: String,
    /// Free text, matched case-insensitively against every column and the source.
    pub search: String,
}

/// One of the [`Filters`], for a control that shows and sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    Category,
    Outcome,
    Specialty,
    Guideline,
    From,
    To,
    Search,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    pub fn get(&self, filter: Filter) -> &str {
        match filter {
            Filter::Category => &self.category,
            Filter::Outcome => &self.outcome,
            Filter::Specialty => &self.specialty,
            Filter::Guideline => &self.guideline,
            Filter::From => &self.from,
            Filter::To => &self.to,
            Filter::Search => &self.search,
        }
    }

    pub fn set(&mut self, filter: Filter, value: String) {
        let field = match filter {
            Filter::Category => &mut self.category,
            Filter::Outcome => &mut self.outcome,
            Filter::Specialty => &mut self.specialty,
            Filter::Guideline => &mut self.guideline,
            Filter::From => &mut self.from,
            Filter::To => &mut self.to,
            Filter::Search => &mut self.search,
        };
        *field = value;
    }

    fn keeps(&self, source: &str, item: &Item, search: &str) -> bool {
        let date = item.decision_date.as_deref().unwrap_or("");
        (self.category.is_empty() || category_id(item) == self.category)
            && (self.outcome.is_empty() || item.outcome.as_str() == self.outcome)
            && (self.specialty.is_empty() || item.reviewer_specialty.contains(&self.specialty))
            && (self.guideline.is_empty() || guideline_keys(item).any(|k| k == self.guideline))
            && (self.from.is_empty() || (!date.is_empty() && date >= self.from.as_str()))
            && (self.to.is_empty() || (!date.is_empty() && date <= self.to.as_str()))
            && (search.is_empty() || matches_search(source, item, search))
    }
}

/// The id of an item's category ("physical_therapy").
pub fn category_id(item: &Item) -> String {
    serde_json::to_value(item.category)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The guideline filter's keys an item matches: its MTUS basis and each family cited.
fn guideline_keys(item: &Item) -> impl Iterator<Item = &str> {
    let basis = match item.mtus {
        Some(true) => Some("mtus"),
        Some(false) => Some("not_mtus"),
        None => None,
    };
    basis
        .into_iter()
        .chain(item.guidelines.iter().map(String::as_str))
}

/// `needle` is already lowercase.
fn matches_search(source: &str, item: &Item, needle: &str) -> bool {
    let has = |s: &str| s.to_lowercase().contains(needle);
    has(&item.treatment)
        || has(source)
        || item.case_number.as_deref().is_some_and(has)
        || item
            .decision_date
            .as_deref()
            .is_some_and(|d| d.contains(needle))
        || has(item.category.label())
        || item.drug_group.is_some_and(|g| has(g.label()))
        || item.outcome.as_str().contains(needle)
        || item.reviewer_specialty.iter().any(|s| has(s))
        || item.guidelines.iter().any(|g| has(g))
}

/// The guideline basis as the table words it: "MTUS: ODG" / "Not MTUS: ODG".
pub fn guideline_text(item: &Item) -> String {
    let basis = match item.mtus {
        Some(true) => "MTUS",
        Some(false) => "Not MTUS",
        None => "Basis not stated",
    };
    format!("{basis}: {}", item.guidelines.join(", "))
}

/// The rows `filters` keeps, in `sort` order (ties in letter order).
pub fn rows(letters: &[BatchLetter], filters: &Filters, sort: Sort) -> Vec<RowRef> {
    let search = filters.search.trim().to_lowercase();
    let search = search.as_str();
    let mut rows: Vec<RowRef> = letters
        .iter()
        .enumerate()
        .flat_map(|(l, letter)| {
            letter
                .items
                .iter()
                .enumerate()
                .filter_map(move |(i, item)| {
                    filters
                        .keeps(&letter.source, item, search)
                        .then_some(RowRef { letter: l, item: i })
                })
        })
        .collect();
    let item = |r: &RowRef| &letters[r.letter].items[r.item];
    rows.sort_by(|a, b| {
        let order = compare(sort.column, item(a), item(b));
        let order = if sort.descending {
            order.reverse()
        } else {
            order
        };
        order.then((a.letter, a.item).cmp(&(b.letter, b.item)))
    });
    rows
}

fn compare(column: Column, a: &Item, b: &Item) -> Ordering {
    match column {
        Column::Case => a.case_number.cmp(&b.case_number),
        Column::Date => a.decision_date.cmp(&b.decision_date),
        Column::Treatment => a.treatment.to_lowercase().cmp(&b.treatment.to_lowercase()),
        Column::Category => a.category.label().cmp(b.category.label()),
        Column::Outcome => a.outcome.as_str().cmp(b.outcome.as_str()),
        Column::Specialty => a.reviewer_specialty.cmp(&b.reviewer_specialty),
        Column::Guideline => guideline_text(a).cmp(&guideline_text(b)),
        Column::Modified => a.modified_request.cmp(&b.modified_request),
    }
}

/// The choices each filter offers: the values present in the loaded letters,
/// as (key, label) pairs, sorted by label.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Choices {
    pub categories: Vec<(String, String)>,
    pub outcomes: Vec<(String, String)>,
    pub specialties: Vec<(String, String)>,
    pub guidelines: Vec<(String, String)>,
}

pub fn choices(letters: &[BatchLetter]) -> Choices {
    use std::collections::BTreeMap;
    let mut c: [BTreeMap<String, String>; 4] = Default::default();
    for item in letters.iter().flat_map(|l| &l.items) {
        c[0].insert(category_id(item), item.category.label().into());
        let outcome = item.outcome.as_str();
        c[1].insert(outcome.into(), crate::present::capitalize(outcome));
        for s in &item.reviewer_specialty {
            c[2].insert(s.clone(), s.clone());
        }
        for key in guideline_keys(item) {
            let label = match key {
                "mtus" => "Based on the MTUS",
                "not_mtus" => "Not based on the MTUS",
                family => family,
            };
            c[3].insert(key.into(), label.into());
        }
    }
    let [categories, outcomes, specialties, guidelines] = c.map(|m| {
        let mut pairs: Vec<(String, String)> = m.into_iter().collect();
        pairs.sort_by(|a, b| a.1.cmp(&b.1));
        pairs
    });
    Choices {
        categories,
        outcomes,
        specialties,
        guidelines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use imr_core::Outcome;

    fn item(treatment: &str, date: &str, outcome: Outcome) -> Item {
        Item {
            case_number: Some(format!("CM17-{date}")),
            decision_date: Some(date.into()),
            treatment: treatment.into(),
            category: imr_core::classify_treatment(treatment).category,
            drug_group: imr_core::classify_treatment(treatment).drug_group,
            outcome,
            reviewer_specialty: vec!["Orthopedic Surgery".into()],
            mtus: Some(true),
            guidelines: vec!["ODG".into()],
            modified_request: false,
        }
    }

    fn letters() -> Vec<BatchLetter> {
        let letter = |source: &str, items| BatchLetter {
            source: source.into(),
            text: String::new(),
            items,
            problem: None,
        };
        vec![
            letter(
                "a.txt",
                vec![
                    item("Norco 10/325mg #60", "2017-01-05", Outcome::Upheld),
                    item("MRI of the lumbar spine", "2017-03-01", Outcome::Overturned),
                ],
            ),
            letter(
                "b.txt",
                vec![item("Physical therapy x 12", "2016-12-20", Outcome::Upheld)],
            ),
        ]
    }

    fn treatments(letters: &[BatchLetter], rows: &[RowRef]) -> Vec<String> {
        rows.iter()
            .map(|r| letters[r.letter].items[r.item].treatment.clone())
            .collect()
    }

    fn check(filters: Filters, sort: Sort, expected: &[&str]) {
        let letters = letters();
        assert_eq!(
            treatments(&letters, &rows(&letters, &filters, sort)),
            expected,
            "{filters:?}"
        );
    }

    #[test]
    fn default_sort_is_newest_first() {
        check(
            Filters::default(),
            Sort::default(),
            &[
                "MRI of the lumbar spine",
                "Norco 10/325mg #60",
                "Physical therapy x 12",
            ],
        );
    }

    #[test]
    fn filters_and_search_narrow_the_rows() {
        let by = |f: fn(&mut Filters)| {
            let mut filters = Filters::default();
            f(&mut filters);
            filters
        };
        let asc = Sort {
            column: Column::Treatment,
            descending: false,
        };
        let cases: [(fn(&mut Filters), &[&str]); 9] = [
            (
                |f| f.outcome = "upheld".into(),
                &["Norco 10/325mg #60", "Physical therapy x 12"],
            ),
            (
                |f| f.category = "pharmaceuticals".into(),
                &["Norco 10/325mg #60"],
            ),
            (
                |f| f.search = "  LUMBAR ".into(),
                &["MRI of the lumbar spine"],
            ),
            (|f| f.search = "b.txt".into(), &["Physical therapy x 12"]),
            (
                |f| f.from = "2017-01-01".into(),
                &["MRI of the lumbar spine", "Norco 10/325mg #60"],
            ),
            (
                |f| f.to = "2017-01-05".into(),
                &["Norco 10/325mg #60", "Physical therapy x 12"],
            ),
            (|f| f.guideline = "not_mtus".into(), &[]),
            (
                |f| f.guideline = "ODG".into(),
                &[
                    "MRI of the lumbar spine",
                    "Norco 10/325mg #60",
                    "Physical therapy x 12",
                ],
            ),
            (|f| f.specialty = "Psychiatry".into(), &[]),
        ];
        for (filter, expected) in cases {
            check(by(filter), asc, expected);
        }
    }

    #[test]
    fn choices_list_what_is_loaded() {
        let c = choices(&letters());
        assert_eq!(
            c.outcomes,
            vec![
                ("overturned".into(), "Overturned".into()),
                ("upheld".into(), "Upheld".into())
            ]
        );
        assert!(c.categories.iter().any(|(k, _)| k == "diagnostic_imaging"));
        assert_eq!(c.guidelines[0], ("mtus".into(), "Based on the MTUS".into()));
    }

    #[test]
    fn a_text_with_several_letters_gives_named_parts() {
        let one = crate::letter::EXAMPLE;
        let two = format!("{one}\n{one}");
        let parts = letters_of("both.txt", two);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[1].0, "both.txt (letter 2 of 2)");
        assert_eq!(parts[1].1.trim(), one.trim());
        assert_eq!(letters_of("one.txt", one.to_string())[0].0, "one.txt");
    }

    #[test]
    fn readings_cross_from_the_worker_unchanged() {
        let seed = read(crate::letter::EXAMPLE);
        let mut odd = seed.clone();
        odd.items[0].case_number = Some("CM17-1".into());
        odd.items[0].decision_date = Some("2017-02-03".into());
        odd.items[0].drug_group = Some(DrugGroup::Opioids);
        odd.items[0].mtus = None;
        odd.items[0].modified_request = true;
        odd.items[1].reviewer_specialty.clear();
        odd.items[1].guidelines = vec!["ODG".into(), "Other evidence".into()];
        odd.items[1].outcome = Outcome::Other("partially overturned".into());
        let unread = read("not a letter");
        let readings = vec![seed, odd, unread];
        assert_eq!(decode(&encode(&readings)), readings);
        // Separators inside the letters' text do not break the record.
        let mut sneaky = read(crate::letter::EXAMPLE);
        sneaky.items[0].treatment = "a\u{1e}b\u{1f}c\u{1c}d\u{1d}e".into();
        let back = decode(&encode(std::slice::from_ref(&sneaky)));
        assert_eq!(back[0].items[0].treatment, "a b c d e");
        assert_eq!(back[0].items.len(), 2);
    }

    #[test]
    fn unreadable_letters_say_why() {
        assert_eq!(read("").problem.as_deref(), Some("The file is empty."));
        assert!(read("a shopping list")
            .problem
            .unwrap()
            .starts_with("Not recognized"));
        let seed = read(crate::letter::EXAMPLE);
        assert_eq!((seed.items.len(), seed.problem), (2, None));
    }
}
