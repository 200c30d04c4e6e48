//! IMR Lens core: a pure, total parser for California DWC Independent Medical
//! Review (IMR) Final Determination letters.
//!
//! [`parse`] takes the text a user pasted (from any PDF rendering) and always
//! returns a [`Determination`]: whatever could be extracted, plus
//! [`Diagnostic`]s saying what was missing or odd. It never panics and never
//! fails. Every extracted value is a [`Spanned`] value that carries the byte
//! range of the *original* input it came from, so a viewer can highlight it.
//!
//! The crate does no IO and has no web dependencies; the browser page and the
//! `imr` CLI are thin layers over it. [`export`] turns results into the JSON,
//! CSV and plain-text forms both of them offer.

mod anatomy;
mod classify;
mod dates;
mod decisions;
mod diagnoses;
mod documents;
mod drugs;
pub mod export;
mod fnv;
mod guideline;
mod header;
mod layouts;
mod letters;
mod medications;
mod normalize;
mod patient;
mod reviewer;
pub mod stats;
mod summary;
mod text;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use dates::Date;

/// A byte range `[start, end)` of the original input text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, JsonSchema,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    pub fn is_empty(self) -> bool {
        self.start >= self.end
    }
}

/// An extracted value and the span of the original text it came from.
///
/// Serializes as the bare value; the spans of a whole [`Determination`] are
/// listed together by [`export::provenance`] (keyed by JSON pointer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl<T: JsonSchema> JsonSchema for Spanned<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

/// Which letter layout the text was recognized as.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// DWC IMR Final Determination with the header table (Case Number, Date
    /// Assigned, ...), as issued 2015–2017.
    DwcFinalDetermination,
    /// DWC IMR Final Determination without a header table (2014), the seed
    /// letter's layout.
    #[serde(rename = "dwc_final_determination_2014")]
    DwcFinalDetermination2014,
    /// DWC "Notice of Independent Medical Review Determination" (2013):
    /// numbered items "has determined the request for X is not medically
    /// necessary and appropriate".
    #[serde(rename = "dwc_notice_2013")]
    DwcNotice2013,
    /// MAXIMUS "Independent Medical Review" with "DOCUMENTS REVIEWED" and
    /// "IMR DECISION(S) AND RATIONALE(S)".
    MaximusImr,
    /// "MEDICAL PROFESSIONAL REVIEW": one issue at dispute, guidelines relied
    /// upon and why, rationale, reviewer qualifications.
    MedicalProfessionalReview,
    /// California DMHC (health plan) IMR findings.
    DmhcImr,
    /// Not recognized as an IMR determination.
    #[default]
    Unknown,
}

impl Format {
    /// A short human description, for messages and the page.
    pub fn describe(self) -> &'static str {
        match self {
            Format::DwcFinalDetermination => "DWC IMR Final Determination (with header table)",
            Format::DwcFinalDetermination2014 => {
                "DWC IMR Final Determination (2014 layout, no header table)"
            }
            Format::DwcNotice2013 => "DWC Notice of IMR Determination (2013 layout)",
            Format::MaximusImr => {
                "MAXIMUS Independent Medical Review (documents reviewed, decisions and rationales)"
            }
            Format::MedicalProfessionalReview => "Medical Professional Review",
            Format::DmhcImr => "DMHC Independent Medical Review (health plan)",
            Format::Unknown => "not an IMR determination",
        }
    }
}

/// The result of [`parse`]: everything extracted from one letter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Determination {
    /// The recognized layout.
    pub format: Format,
    /// How sure the layout detection is, from 0 (a guess) to 1 (every marker found).
    pub format_confidence: f32,
    pub case: CaseHeader,
    pub reviewer: Reviewer,
    pub patient: Patient,
    /// One entry per disputed item or service, in letter order.
    pub decisions: Vec<Decision>,
    /// The documents the reviewer lists as reviewed, where the layout has such a list.
    pub documents_reviewed: Vec<Spanned<String>>,
    /// The kind of review, where the letter states it (DMHC: "Medical
    /// Necessity", "Experimental/Investigational", "Urgent Care").
    pub review_type: Option<Spanned<String>>,
    /// Every dated event of the case summary, in date order.
    pub timeline: Vec<TimelineEvent>,
    /// What was missing, odd or doubtful, in text order.
    pub diagnostics: Vec<Diagnostic>,
}

/// The case header (the table at the top of 2015–2017 letters). Dates are ISO 8601.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct CaseHeader {
    /// e.g. "CM16-0213037".
    pub case_number: Option<Spanned<String>>,
    pub date_assigned: Option<Spanned<Date>>,
    pub decision_date: Option<Spanned<Date>>,
    /// "Standard" or "Expedited" as printed.
    pub priority: Option<Spanned<String>>,
    /// From the header table, or else from the case summary's prose.
    pub date_of_injury: Option<Spanned<Date>>,
    pub ur_denial_date: Option<Spanned<Date>>,
    pub application_received: Option<Spanned<Date>>,
}

/// The expert reviewer's credentials.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Reviewer {
    /// States of licensure, e.g. ["California", "North Carolina"].
    pub licensure: Vec<Spanned<String>>,
    /// Board certifications / specialties, e.g. ["Family Practice"].
    pub specialty: Vec<Spanned<String>>,
}

/// The injured worker and the injury, as the clinical case summary describes them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Patient {
    pub age: Option<Spanned<u32>>,
    pub sex: Option<Spanned<Sex>>,
    /// The date of injury as the prose gives it (may differ from the header's).
    pub date_of_injury: Option<Spanned<Date>>,
    /// The job, when the summary states it ("works as a warehouse clerk").
    pub occupation: Option<Spanned<String>>,
    /// How the injury happened, as written ("lifting boxes", "a fall").
    pub mechanism: Option<Spanned<String>>,
    /// Every body part the summary names as injured, painful, examined, imaged or treated.
    pub body_parts: Vec<BodyPart>,
    /// The diagnoses as the letter lists them, one per item.
    pub diagnoses: Vec<Spanned<String>>,
    /// ICD codes printed next to diagnoses.
    pub diagnosis_codes: Vec<DiagnosisCode>,
    pub medications: Vec<Medication>,
    /// Imaging and diagnostic studies reported with findings.
    pub studies: Vec<Study>,
    /// Treatments to date ("Treatment to date has included ...").
    pub treatments: Vec<PriorTreatment>,
    /// The work status as written (the last one the summary gives).
    pub work_status: Option<Spanned<String>>,
    /// Pain ratings as written ("rated 6-8 on a 10-point scale" gives "6-8 on a 10-point scale").
    pub pain_scores: Vec<Spanned<String>>,
    /// Date-like text that is not a valid full date ("March 2015", "0105-2017"):
    /// reported, never guessed.
    pub doubtful_dates: Vec<Spanned<String>>,
}

/// An ICD code printed next to a diagnosis.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DiagnosisCode {
    /// Index into `diagnoses`.
    pub diagnosis: usize,
    /// As printed, e.g. "M54.5".
    pub code: Spanned<String>,
}

/// A body part with its side. Spine regions never have a side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct BodyPart {
    /// Canonical part: "lumbar spine", "shoulder", "knee", ... (docs/annotation-guidelines.md §3).
    pub part: String,
    pub laterality: Option<Laterality>,
    /// The first mention (listed under `provenance` in the JSON).
    #[serde(skip)]
    #[schemars(skip)]
    pub span: Span,
}

impl BodyPart {
    /// "right shoulder", "lumbar spine".
    pub fn label(&self) -> String {
        match self.laterality {
            Some(side) => format!("{} {}", side.as_str(), self.part),
            None => self.part.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Laterality {
    Left,
    Right,
    Bilateral,
}

impl Laterality {
    pub fn as_str(self) -> &'static str {
        match self {
            Laterality::Left => "left",
            Laterality::Right => "right",
            Laterality::Bilateral => "bilateral",
        }
    }
}

/// A drug the summary names, with what it says about it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Medication {
    /// As first written (brand or generic).
    pub name: Spanned<String>,
    /// The generic name, when `name` is a brand ("Norco" -> "hydrocodone/acetaminophen").
    pub generic: Option<String>,
    /// "300mg", "10-325mg", "5%".
    pub strength: Option<Spanned<String>>,
    /// "#60", "120 g", "1 month supply".
    pub quantity: Option<Spanned<String>>,
    /// "twice a day as needed", "every 12 hours".
    pub frequency: Option<Spanned<String>>,
    /// "by mouth", "topical".
    pub route: Option<Spanned<String>>,
    pub status: MedicationStatus,
}

/// Whether a drug is requested, taken now, or taken before (the strongest
/// of its mentions: requested > current > prior > unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum MedicationStatus {
    Unknown,
    Prior,
    Current,
    Requested,
}

/// An imaging or diagnostic study the summary reports.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Study {
    /// "MRI", "X-ray", "CT", "EMG/NCS", "Ultrasound", "Bone scan", "Cardiac test".
    pub kind: String,
    pub date: Option<Spanned<Date>>,
    /// What it showed, as written.
    pub findings: Option<Spanned<String>>,
    /// The whole sentence.
    pub text: Spanned<String>,
}

/// A treatment the worker has had, as listed, with its category.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PriorTreatment {
    pub category: TreatmentCategory,
    pub text: Spanned<String>,
}

/// A dated event of the case summary.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TimelineEvent {
    pub date: Spanned<Date>,
    pub kind: EventKind,
    /// The sentence that tells it.
    pub text: Spanned<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Injury,
    Visit,
    Study,
    Surgery,
    Request,
    UtilizationReview,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    Male,
    Female,
}

/// One disputed item or service and the reviewer's decision on it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Decision {
    /// The item still in dispute (for a modified request: the remaining part).
    pub treatment: Spanned<String>,
    pub outcome: Spanned<Outcome>,
    /// True when the claims administrator authorized part of the request.
    pub modified_request: bool,
    /// The modified-request story, when the letter tells one.
    pub modification: Option<Modification>,
    pub claims_administrator_guideline: Option<Guideline>,
    pub reviewer_guideline: Option<Guideline>,
    pub rationale: Option<Spanned<String>>,
    /// "3 of 3 reviewers determined ...", where the letter counts reviewers.
    pub votes: Option<Spanned<Votes>>,
    /// What kind of treatment this is: `classify_treatment` of the treatment text.
    pub category: TreatmentCategory,
    /// For pharmaceuticals, the drug group; null for everything else.
    pub drug_group: Option<DrugGroup>,
    /// The whole item, heading to the end of its rationale.
    pub span: Span,
}

/// The kind of a disputed treatment, close to the categories of the DWC's IMR
/// reports and the CWCI's IMR studies (see docs/classifier.md for the mapping).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TreatmentCategory {
    /// Drugs: prescriptions, topical and compounded products.
    Pharmaceuticals,
    /// Physical and occupational therapy and other physical-medicine modalities.
    PhysicalTherapy,
    /// Chiropractic care, manipulation and chiropractic physiotherapy.
    Chiropractic,
    /// Acupuncture and electro-acupuncture.
    Acupuncture,
    /// MRI, CT, x-ray, ultrasound, bone scan.
    DiagnosticImaging,
    /// EMG, nerve conduction studies, evoked potentials.
    Electrodiagnostics,
    /// Epidural, facet, joint and trigger point injections, nerve blocks, PRP.
    Injections,
    /// Operations and the items named as part of one that fit nowhere else.
    Surgery,
    /// Braces, supports, TENS and cold therapy units, wheelchairs, ...
    DurableMedicalEquipment,
    /// Home health aides and visiting nurses.
    HomeHealth,
    /// Psychological evaluation, testing and treatment.
    PsychologicalServices,
    /// Office visits, consultations, referrals, medical clearance.
    EvaluationAndManagement,
    /// Functional restoration, work hardening and other multi-week programs.
    Programs,
    /// Laboratory tests (urine drug screens, blood work).
    Labs,
    /// Rides, taxis, mileage to medical appointments.
    Transportation,
    /// Anything else, such as gym memberships, and texts no rule recognizes.
    Other,
}

impl TreatmentCategory {
    /// Every category, in declaration order.
    pub const ALL: [TreatmentCategory; 16] = [
        TreatmentCategory::Pharmaceuticals,
        TreatmentCategory::PhysicalTherapy,
        TreatmentCategory::Chiropractic,
        TreatmentCategory::Acupuncture,
        TreatmentCategory::DiagnosticImaging,
        TreatmentCategory::Electrodiagnostics,
        TreatmentCategory::Injections,
        TreatmentCategory::Surgery,
        TreatmentCategory::DurableMedicalEquipment,
        TreatmentCategory::HomeHealth,
        TreatmentCategory::PsychologicalServices,
        TreatmentCategory::EvaluationAndManagement,
        TreatmentCategory::Programs,
        TreatmentCategory::Labs,
        TreatmentCategory::Transportation,
        TreatmentCategory::Other,
    ];

    /// The category as people read it.
    pub fn label(self) -> &'static str {
        match self {
            TreatmentCategory::Pharmaceuticals => "Pharmaceuticals",
            TreatmentCategory::PhysicalTherapy => "Physical / occupational therapy",
            TreatmentCategory::Chiropractic => "Chiropractic",
            TreatmentCategory::Acupuncture => "Acupuncture",
            TreatmentCategory::DiagnosticImaging => "Diagnostic imaging",
            TreatmentCategory::Electrodiagnostics => "Electrodiagnostics (EMG / NCS)",
            TreatmentCategory::Injections => "Injections",
            TreatmentCategory::Surgery => "Surgery",
            TreatmentCategory::DurableMedicalEquipment => "Durable medical equipment",
            TreatmentCategory::HomeHealth => "Home health / nursing",
            TreatmentCategory::PsychologicalServices => "Psychological services",
            TreatmentCategory::EvaluationAndManagement => "Evaluation and management",
            TreatmentCategory::Programs => "Programs",
            TreatmentCategory::Labs => "Labs",
            TreatmentCategory::Transportation => "Transportation",
            TreatmentCategory::Other => "Other",
        }
    }
}

/// The group of a pharmaceutical, as the CWCI's IMR studies group drugs.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DrugGroup {
    /// Tramadol, hydrocodone, oxycodone, ... (including opioid patches).
    Opioids,
    /// Oral NSAIDs: naproxen, diclofenac, celecoxib, ...
    Nsaids,
    /// Cyclobenzaprine, tizanidine, baclofen, orphenadrine, ...
    MuscleRelaxants,
    /// Gabapentin, pregabalin, topiramate, ...
    Anticonvulsants,
    /// Duloxetine, venlafaxine, bupropion, amitriptyline, ...
    Antidepressants,
    /// Creams, ointments, gels, patches and compounded products, whatever
    /// their ingredients (a ketoprofen cream is here, not under NSAIDs).
    TopicalCompounded,
    /// Omeprazole, pantoprazole, lansoprazole, ... (not H2 blockers).
    ProtonPumpInhibitors,
    /// Zolpidem, eszopiclone, ...
    SleepAids,
    /// Any other drug: H2 blockers, benzodiazepines, antiemetics, ...
    Other,
}

impl DrugGroup {
    /// Every drug group, in declaration order.
    pub const ALL: [DrugGroup; 9] = [
        DrugGroup::Opioids,
        DrugGroup::Nsaids,
        DrugGroup::MuscleRelaxants,
        DrugGroup::Anticonvulsants,
        DrugGroup::Antidepressants,
        DrugGroup::TopicalCompounded,
        DrugGroup::ProtonPumpInhibitors,
        DrugGroup::SleepAids,
        DrugGroup::Other,
    ];

    /// The group as people read it.
    pub fn label(self) -> &'static str {
        match self {
            DrugGroup::Opioids => "Opioids",
            DrugGroup::Nsaids => "NSAIDs",
            DrugGroup::MuscleRelaxants => "Muscle relaxants",
            DrugGroup::Anticonvulsants => "Anticonvulsants",
            DrugGroup::Antidepressants => "Antidepressants",
            DrugGroup::TopicalCompounded => "Topical and compounded",
            DrugGroup::ProtonPumpInhibitors => "Proton pump inhibitors",
            DrugGroup::SleepAids => "Sleep aids",
            DrugGroup::Other => "Other drugs",
        }
    }
}

/// What [`classify_treatment`] makes of a treatment text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Classification {
    pub category: TreatmentCategory,
    /// For pharmaceuticals, the drug group; None for everything else.
    pub drug_group: Option<DrugGroup>,
    /// Why the classification is doubtful, when it is: the text fits more
    /// than one category, or no rule knew it (docs/classifier.md lists them).
    pub unsure: Option<&'static str>,
}

/// How many of the reviewers agreed with the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Votes {
    pub agreeing: u32,
    pub total: u32,
}

/// The decision on one item.
#[derive(Debug, Clone, PartialEq, Eq, JsonSchema)]
#[schemars(with = "String")]
pub enum Outcome {
    /// The denial stands: the item is not medically necessary.
    Upheld,
    /// The denial is reversed: the item is medically necessary.
    Overturned,
    /// Any other wording the letter uses, lowercased.
    Other(String),
}

impl Outcome {
    /// The outcome a letter's word for it means ("Upheld", "overturned", ...).
    /// Allocates only for another word: most are one of the two.
    pub fn from_word(word: &str) -> Outcome {
        if word.eq_ignore_ascii_case("upheld") {
            Outcome::Upheld
        } else if word.eq_ignore_ascii_case("overturned") {
            Outcome::Overturned
        } else {
            Outcome::Other(word.to_ascii_lowercase())
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Outcome::Upheld => "upheld",
            Outcome::Overturned => "overturned",
            Outcome::Other(s) => s,
        }
    }
}

impl Serialize for Outcome {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Outcome {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(|word| Outcome::from_word(&word))
    }
}

/// "X was the original request. Y was authorized by the Claims
/// Administrator. The remaining IMR eligible portion ..., Z is: Upheld".
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Modification {
    pub original_request: Option<Spanned<String>>,
    /// What the claims administrator authorized.
    pub authorized: Option<Spanned<String>>,
    /// The part still in dispute (equals the original request when the
    /// letter says "leaving the original request IMR eligible").
    pub disputed: Option<Spanned<String>>,
}

/// A guideline paragraph ("Claims Administrator guideline: ..." or
/// "MAXIMUS guideline: ..."), as text and as structure.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Guideline {
    /// The paragraph after the label, whitespace squashed.
    pub text: Spanned<String>,
    /// Whether the decision was based on the MTUS; None when the text does not say.
    pub mtus: Option<bool>,
    /// "did not cite any medical evidence for its decision".
    pub no_evidence_cited: bool,
    pub citations: Vec<Citation>,
}

/// One guideline the decision was based on.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Citation {
    /// The family of guideline.
    pub source: GuidelineSource,
    /// The guideline's name as cited, e.g. "MTUS Chronic Pain Medical
    /// Treatment 2016", "ACOEM Chapter 12 Low Back Complaints", "ODG Pain chapter".
    pub name: Spanned<String>,
    pub sections: Vec<String>,
    pub pages: Vec<String>,
    pub urls: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum GuidelineSource {
    /// California Medical Treatment Utilization Schedule (includes its ACOEM chapters).
    Mtus,
    /// ACOEM Practice Guidelines cited outside the MTUS.
    Acoem,
    /// Official Disability Guidelines.
    Odg,
    /// Anything else: UpToDate, journal articles, web pages, ...
    Other,
}

/// Something the parser wants the reader to know.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable machine-readable code, e.g. "missing_field", "truncated".
    pub code: String,
    /// A plain-language message for people.
    pub message: String,
    /// Where in the original text, when it concerns a place.
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational: which format was detected, a value taken from a fallback.
    Info,
    /// Something expected is missing or doubtful.
    Warning,
    /// The text could not be read as a determination.
    Error,
}

impl Determination {
    /// Days from assignment to the reviewer to the decision, when both dates are known.
    pub fn days_to_decision(&self) -> Option<i64> {
        let a = self.case.date_assigned.as_ref()?.value;
        let d = self.case.decision_date.as_ref()?.value;
        Some(d.days_since_epoch() - a.days_since_epoch())
    }

    /// An estimate of the last day to appeal: a petition is due within 30 days
    /// of service of the determination (Labor Code 4610.6(h)); service follows
    /// the decision date, so this is the decision date plus 30 days.
    pub fn appeal_deadline_estimate(&self) -> Option<Date> {
        Some(self.case.decision_date.as_ref()?.value.add_days(30))
    }

    /// Number of decisions with the given outcome.
    pub fn count_outcome(&self, outcome: &Outcome) -> usize {
        self.decisions
            .iter()
            .filter(|d| &d.outcome.value == outcome)
            .count()
    }

    /// The date of injury from the header table, else from the prose.
    pub fn date_of_injury(&self) -> Option<&Spanned<Date>> {
        self.case
            .date_of_injury
            .as_ref()
            .or(self.patient.date_of_injury.as_ref())
    }
}

/// The category (and, for drugs, the drug group) of a treatment text such as
/// "Norco 10/325mg #60" or "MRI of the lumbar spine". Total and cheap: keyword
/// rules compiled once; see docs/classifier.md.
pub fn classify_treatment(text: &str) -> Classification {
    classify::classify(text)
}

/// The byte ranges of the letters in a text that holds several one after
/// another (files concatenated, or pasted together), in order, covering the
/// whole text. A text with one letter (or none) gives one range. Parse each
/// range's text on its own (its spans are then relative to the range).
pub fn split_letters(text: &str) -> Vec<Span> {
    letters::split(text)
}

/// Parses the text of one determination letter. Total: any input gives a
/// result; problems are reported as [`Diagnostic`]s.
pub fn parse(input: &str) -> Determination {
    let doc = normalize::Document::new(input);
    layouts::parse(&doc)
}
