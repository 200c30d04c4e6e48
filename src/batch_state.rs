//! The batch view's state: the letters loaded (the batch's one source
//! signal), the worker pipeline reading them, and its progress. Created once
//! by the App, so it lives on while the user looks at one letter.

use crate::batch::{BatchLetter, Reading};
use crate::browser;
use crate::worker::{Event, Job, Letters, Pipeline};
use leptos::prelude::*;

/// Where the reading stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Letters read (or failed) so far.
    pub done: usize,
    /// Letters given so far, read or not.
    pub total: usize,
    /// The user pressed Cancel: the rest waits for Continue or Discard.
    pub paused: bool,
    /// Runs of files still being opened (more letters are coming).
    pub opening: usize,
}

impl Progress {
    pub fn running(&self) -> bool {
        (self.done < self.total || self.opening > 0) && !self.paused
    }
}

#[derive(Clone, Copy)]
pub struct Batch {
    pub letters: RwSignal<Vec<BatchLetter>>,
    pub progress: RwSignal<Progress>,
    /// Texts that held several letters one after another, and how many letters they held.
    pub split: RwSignal<(usize, usize)>,
    /// How far a JSON Lines export has got (letters done, of), while one runs.
    pub exporting: RwSignal<Option<(usize, usize)>>,
    /// What went wrong with the last export, if anything.
    pub export_error: RwSignal<Option<String>>,
    pipeline: StoredValue<Option<Pipeline>, LocalStorage>,
    /// Letters read but not yet shown: they join `letters` together, a few
    /// times a second, since each change re-sorts the table and recounts the
    /// trends over every letter (per chunk, that would grow quadratically).
    arrived: StoredValue<Vec<BatchLetter>>,
    flush_due: StoredValue<bool>,
    /// Counts Discards and Clears: files still being opened from before one
    /// are dropped rather than read (see [`Batch::intake`]).
    generation: StoredValue<u32>,
}

impl Batch {
    pub fn new() -> Batch {
        let batch = Batch {
            letters: RwSignal::new(Vec::new()),
            progress: RwSignal::new(Progress::default()),
            split: RwSignal::new((0, 0)),
            exporting: RwSignal::new(None),
            export_error: RwSignal::new(None),
            pipeline: StoredValue::new_local(None),
            arrived: StoredValue::new(Vec::new()),
            flush_due: StoredValue::new(false),
            generation: StoredValue::new(0),
        };
        let pipeline = Pipeline::new(Job::Read, move |event| batch.on_event(event));
        batch.pipeline.set_value(Some(pipeline));
        batch
    }

    fn with_pipeline(&self, f: impl FnOnce(&Pipeline)) {
        self.pipeline.with_value(|p| {
            if let Some(p) = p {
                f(p)
            }
        });
    }

    /// A token for a run of files being opened: [`Batch::is_current`] stays
    /// true until the user discards or clears.
    pub fn intake(&self) -> u32 {
        self.generation.get_value()
    }

    pub fn is_current(&self, intake: u32) -> bool {
        self.generation.get_value() == intake
    }

    /// Adds the letters of one file or text (split where it holds several).
    pub fn add_text(&self, source: &str, text: &str) {
        self.add(self.letters_of(source, text.to_string()));
    }

    /// The letters of one file or text, counting the texts that held several.
    pub fn letters_of(&self, source: &str, text: String) -> Letters {
        let letters = crate::batch::letters_of(source, text);
        if letters.len() > 1 {
            self.split.update(|(texts, held)| {
                *texts += 1;
                *held += letters.len();
            });
        }
        letters
    }

    /// Adds letters to read.
    pub fn add(&self, letters: Letters) {
        if letters.is_empty() {
            return;
        }
        self.progress.update(|p| p.total += letters.len());
        self.with_pipeline(|p| p.push(letters));
    }

    /// Lists a file that could not be opened at all, with the reason.
    pub fn add_unreadable(&self, source: String, problem: String) {
        self.progress.update(|p| p.total += 1);
        self.receive(vec![BatchLetter {
            source,
            text: String::new(),
            items: Vec::new(),
            problem: Some(problem),
        }]);
    }

    fn on_event(&self, event: Event) {
        match event {
            Event::Done(chunk, output) => {
                let mut readings = crate::batch::decode(&output).into_iter();
                let letters = chunk
                    .into_iter()
                    .map(|(source, text)| {
                        let reading = readings.next().unwrap_or_else(|| Reading {
                            items: Vec::new(),
                            problem: Some(FAILED.into()),
                        });
                        BatchLetter {
                            source,
                            text,
                            items: reading.items,
                            problem: reading.problem,
                        }
                    })
                    .collect();
                self.receive(letters);
            }
            Event::Failed(chunk) => {
                let letters = chunk
                    .into_iter()
                    .map(|(source, text)| BatchLetter {
                        source,
                        text,
                        items: Vec::new(),
                        problem: Some(FAILED.into()),
                    })
                    .collect();
                self.receive(letters);
            }
            Event::Idle => self.flush(),
        }
    }

    /// Letters read: shown at the next flush.
    fn receive(&self, letters: Vec<BatchLetter>) {
        self.arrived.update_value(|a| a.extend(letters));
        if !self.flush_due.get_value() {
            self.flush_due.set_value(true);
            let batch = *self;
            set_timeout(move || batch.flush(), FLUSH_EVERY);
        }
    }

    /// Shows the letters read since the last flush (progress counts them then,
    /// so the status and the table always agree).
    fn flush(&self) {
        self.flush_due.set_value(false);
        let arrived = self
            .arrived
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        if arrived.is_empty() {
            return;
        }
        let n = arrived.len();
        self.letters.update(|all| all.extend(arrived));
        self.progress.update(|p| p.done += n);
    }

    /// Cancel: stops reading now; what is read stays.
    pub fn pause(&self) {
        self.with_pipeline(Pipeline::pause);
        self.flush();
        self.progress.update(|p| p.paused = true);
    }

    pub fn resume(&self) {
        self.progress.update(|p| p.paused = false);
        self.with_pipeline(Pipeline::resume);
    }

    /// Forgets the letters not read yet.
    pub fn discard_rest(&self) {
        self.generation.update_value(|g| *g += 1);
        self.with_pipeline(Pipeline::discard);
        self.flush();
        self.progress.update(|p| {
            p.total = p.done;
            p.paused = false;
            p.opening = 0;
        });
    }

    /// Empties the batch.
    pub fn clear(&self) {
        self.generation.update_value(|g| *g += 1);
        self.with_pipeline(Pipeline::discard);
        self.arrived.set_value(Vec::new());
        self.letters.set(Vec::new());
        self.progress.set(Progress::default());
        self.split.set((0, 0));
    }

    /// Every letter as JSON Lines (the CLI's format), made in a worker of its
    /// own, then downloaded.
    pub fn export_jsonl(&self) {
        if self.exporting.get_untracked().is_some() {
            return;
        }
        let letters: Letters = self.letters.with_untracked(|all| {
            all.iter()
                .filter(|l| !l.text.is_empty())
                .map(|l| (l.source.clone(), l.text.clone()))
                .collect()
        });
        let total = letters.len();
        self.exporting.set(Some((0, total)));
        self.export_error.set(None);
        let out = StoredValue::new(String::new());
        let batch = *self;
        let job: StoredValue<Option<Pipeline>, LocalStorage> = StoredValue::new_local(None);
        let pipeline = Pipeline::new(Job::Jsonl, move |event| match event {
            Event::Done(chunk, lines) => {
                out.update_value(|o| o.push_str(&lines));
                batch
                    .exporting
                    .update(|e| *e = e.map(|(done, of)| (done + chunk.len(), of)));
            }
            Event::Failed(chunk) => {
                for (source, _) in chunk {
                    let line = serde_json::json!({ "source": source, "error": FAILED });
                    out.update_value(|o| o.push_str(&format!("{line}\n")));
                }
            }
            Event::Idle => {
                let lines = out.with_value(String::clone);
                if browser::download("imr-letters.jsonl", "application/x-ndjson", &lines).is_err() {
                    batch
                        .export_error
                        .set(Some("The browser did not save the file.".into()));
                }
                batch.exporting.set(None);
                // The pipeline's worker goes with it (terminated on drop).
                job.set_value(None);
            }
        });
        job.set_value(Some(pipeline.clone()));
        pipeline.push(letters);
    }
}

/// How often letters read join the table while a batch is being read.
const FLUSH_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

/// Why a letter that stopped the parser has no rows.
const FAILED: &str = "IMR Lens could not read this letter: its parser stopped on it.";
