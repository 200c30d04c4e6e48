//! The page's state: the letter's text (the one source signal), where it came
//! from, the value chosen for highlighting, and the text a Clear or Load
//! replaced (so no paste is ever lost).

use imr_core::Span;
use leptos::prelude::*;

/// The seed letter, embedded at build time, and its file name.
pub const EXAMPLE: &str = include_str!("example_letter.txt");
pub const EXAMPLE_NAME: &str = "000_7757b3c11355ef51.txt";

/// The `source` label of text typed or pasted into the page.
pub const PASTED: &str = "pasted text";

#[derive(Clone, Copy)]
pub struct Letter {
    pub text: RwSignal<String>,
    /// The file name, or [`PASTED`]; it becomes the exports' `source`.
    pub name: RwSignal<String>,
    /// The span of the original text to highlight.
    pub selected: RwSignal<Option<Span>>,
    /// The text and name before the last Clear / Load, for Undo.
    pub previous: RwSignal<Option<(String, String)>>,
}

impl Letter {
    pub fn new(text: String) -> Letter {
        Letter {
            text: RwSignal::new(text),
            name: RwSignal::new(PASTED.into()),
            selected: RwSignal::new(None),
            previous: RwSignal::new(None),
        }
    }

    /// The user edited the text: spans of the old text no longer apply.
    pub fn edit(&self, text: String) {
        self.selected.set(None);
        self.text.set(text);
    }

    /// Replaces the whole text (Load example, a file, Clear), keeping what it
    /// replaced for Undo.
    pub fn replace(&self, text: String, name: &str) {
        let old_text = self.text.get_untracked();
        if !old_text.is_empty() && old_text != text {
            self.previous
                .set(Some((old_text, self.name.get_untracked())));
        }
        self.name.set(name.into());
        self.edit(text);
    }

    /// Brings back the text the last Clear / Load replaced.
    pub fn undo(&self) {
        if let Some((text, name)) = self.previous.get_untracked() {
            self.replace(text, &name);
        }
    }

    pub fn select(&self, span: Span) {
        self.selected.set(Some(span));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacing_keeps_the_old_text_for_undo() {
        let letter = Letter::new("my paste".into());
        letter.select(Span::new(0, 2));
        letter.replace(EXAMPLE.into(), EXAMPLE_NAME);
        assert_eq!(letter.text.get_untracked(), EXAMPLE);
        assert_eq!(letter.name.get_untracked(), EXAMPLE_NAME);
        assert_eq!(
            letter.selected.get_untracked(),
            None,
            "old spans no longer apply"
        );
        letter.undo();
        assert_eq!(letter.text.get_untracked(), "my paste");
        assert_eq!(letter.name.get_untracked(), PASTED);
        // Undo is itself undoable.
        letter.undo();
        assert_eq!(letter.text.get_untracked(), EXAMPLE);
    }

    #[test]
    fn clearing_an_empty_text_keeps_nothing_and_edits_keep_the_name() {
        let letter = Letter::new(String::new());
        letter.replace(String::new(), PASTED);
        assert_eq!(letter.previous.get_untracked(), None);
        letter.replace("a letter".into(), "CM16-1.txt");
        letter.select(Span::new(0, 1));
        letter.edit("a letter, edited".into());
        assert_eq!(letter.selected.get_untracked(), None);
        assert_eq!(letter.name.get_untracked(), "CM16-1.txt");
    }
}
