//! The page's components, one per file.

mod case_panel;
mod date_value;
mod decision_card;
mod exports;
mod guideline_view;
mod letter_input;
mod outcome_badge;
mod overview;
mod patient_panel;
mod privacy_note;
mod reviewer_panel;
mod source_link;
mod source_text;
mod status_banner;
mod text_value;

pub use case_panel::CasePanel;
pub use date_value::DateValue;
pub use decision_card::DecisionCard;
pub use exports::Exports;
pub use guideline_view::GuidelineView;
pub use letter_input::LetterInput;
pub use outcome_badge::OutcomeBadge;
pub use overview::Overview;
pub use patient_panel::PatientPanel;
pub use privacy_note::PrivacyNote;
pub use reviewer_panel::ReviewerPanel;
pub use source_link::SourceLink;
pub use source_text::SourceText;
pub use status_banner::StatusBanner;
pub use text_value::TextValue;
