//! Parsing off the main thread. The page's own wasm runs a second time in a
//! Web Worker (the page's loader starts it from its own glue code and the
//! already compiled module: nothing is fetched, see
//! scripts/web-single-file.mjs); this module holds both sides: the functions
//! the worker calls, and [`Pipeline`], which feeds it letters in chunks.
//!
//! Chunks go one at a time, so the main thread gets a message between chunks
//! (progress, Cancel) and never holds more than one chunk's copy. If the worker
//! dies on a chunk (a parser bug would trap the wasm), the chunk's letters are
//! retried one by one in a fresh worker, and only the letter that kills it is
//! reported as failed: nothing is silently dropped.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;

/// Letters per message: big enough that messaging costs little next to
/// parsing, small enough that progress moves and Cancel acts at once.
const CHUNK: usize = 16;

/// Worker side: the batch reading of each text, encoded by [`crate::batch::encode`].
#[wasm_bindgen]
pub fn read_letters(texts: Vec<String>) -> String {
    let readings: Vec<_> = texts.iter().map(|t| crate::batch::read(t)).collect();
    crate::batch::encode(&readings)
}

/// Worker side: each letter's JSON line, exactly as `imr parse --jsonl` prints it.
#[wasm_bindgen]
pub fn letters_to_jsonl(sources: Vec<String>, texts: Vec<String>) -> String {
    sources
        .iter()
        .zip(&texts)
        .map(|(source, text)| {
            let mut line = imr_core::export::to_json_line(&imr_core::parse(text), Some(source));
            line.push('\n');
            line
        })
        .collect()
}

#[wasm_bindgen]
extern "C" {
    /// Starts a worker running this same wasm (defined by the page's loader).
    #[wasm_bindgen(js_name = imrLensWorker, catch)]
    fn start_worker() -> Result<web_sys::Worker, JsValue>;
}

/// What a worker job does with each letter.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Job {
    /// [`read_letters`].
    Read,
    /// [`letters_to_jsonl`].
    Jsonl,
}

/// Letters as (source, text).
pub type Letters = Vec<(String, String)>;

/// What a [`Pipeline`] reports.
pub enum Event {
    /// A chunk is done: its letters and the worker's output for them.
    Done(Letters, String),
    /// The worker died on this one letter, or could not start at all.
    Failed(Letters),
    /// Nothing is queued or running any more.
    Idle,
}

/// Feeds queued letters to a worker, one chunk at a time.
#[derive(Clone)]
pub struct Pipeline(Rc<Inner>);

struct Inner {
    job: Job,
    state: RefCell<State>,
    on_event: RefCell<Box<dyn FnMut(Event)>>,
}

#[derive(Default)]
struct State {
    /// Cancel was pressed: letters pushed meanwhile wait for `resume`.
    paused: bool,
    queue: VecDeque<Letters>,
    in_flight: Option<Letters>,
    running: Option<Running>,
}

/// A live worker and the handlers it calls (they must live as long as it).
struct Running {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl Pipeline {
    pub fn new(job: Job, on_event: impl FnMut(Event) + 'static) -> Pipeline {
        Pipeline(Rc::new(Inner {
            job,
            state: RefCell::default(),
            on_event: RefCell::new(Box::new(on_event)),
        }))
    }

    /// Queues letters and starts the worker if it is idle.
    pub fn push(&self, letters: Letters) {
        {
            let mut state = self.0.state.borrow_mut();
            let mut letters = letters.into_iter().peekable();
            while letters.peek().is_some() {
                state
                    .queue
                    .push_back(letters.by_ref().take(CHUNK).collect());
            }
        }
        self.pump();
    }

    /// Letters queued or being read.
    pub fn pending(&self) -> usize {
        let state = self.0.state.borrow();
        state.queue.iter().map(Vec::len).sum::<usize>()
            + state.in_flight.as_ref().map_or(0, Vec::len)
    }

    /// Stops the worker now; the letters not done, and any pushed from now
    /// on, stay queued for [`Pipeline::resume`].
    pub fn pause(&self) {
        let mut state = self.0.state.borrow_mut();
        state.paused = true;
        state.running = None;
        if let Some(chunk) = state.in_flight.take() {
            state.queue.push_front(chunk);
        }
    }

    pub fn resume(&self) {
        self.0.state.borrow_mut().paused = false;
        self.pump();
    }

    /// Stops the worker and forgets every letter not done; ready for more.
    pub fn discard(&self) {
        let mut state = self.0.state.borrow_mut();
        state.paused = false;
        state.running = None;
        state.in_flight = None;
        state.queue.clear();
    }

    /// Sends the next chunk if none is in flight; says Idle when all is done.
    fn pump(&self) {
        if !self.send_next() && !self.0.state.borrow().paused {
            self.emit(Event::Idle);
        }
    }

    /// Sends the next chunk if none is in flight. Whether one is in flight now.
    fn send_next(&self) -> bool {
        let unsent = {
            let mut state = self.0.state.borrow_mut();
            if state.in_flight.is_some() {
                return true;
            }
            if state.paused {
                return false;
            }
            let Some(chunk) = state.queue.pop_front() else {
                return false;
            };
            if state.running.is_none() {
                state.running = self.start().ok();
            }
            match &state.running {
                Some(running) if running.worker.post_message(&self.message(&chunk)).is_ok() => {
                    state.in_flight = Some(chunk);
                    return true;
                }
                _ => {
                    state.running = None;
                    chunk
                }
            }
        };
        // No worker (the browser refused one): report the letters, go on.
        self.emit(Event::Failed(unsent));
        self.send_next()
    }

    fn message(&self, chunk: &Letters) -> JsValue {
        let strings = |pick: fn(&(String, String)) -> &String| {
            chunk
                .iter()
                .map(|l| JsValue::from_str(pick(l)))
                .collect::<js_sys::Array>()
        };
        let message = js_sys::Object::new();
        let job = match self.0.job {
            Job::Read => "read",
            Job::Jsonl => "jsonl",
        };
        let _ = js_sys::Reflect::set(&message, &"job".into(), &job.into());
        let _ = js_sys::Reflect::set(&message, &"sources".into(), &strings(|l| &l.0));
        let _ = js_sys::Reflect::set(&message, &"texts".into(), &strings(|l| &l.1));
        message.into()
    }

    fn start(&self) -> Result<Running, JsValue> {
        let worker = start_worker()?;
        let weak = Rc::downgrade(&self.0);
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new({
            let weak = weak.clone();
            move |event: web_sys::MessageEvent| match event.data().as_string() {
                Some(output) => with_pipeline(&weak, |p| p.chunk_done(output)),
                // The worker reports a trap as a non-string message.
                None => with_pipeline(&weak, Pipeline::chunk_failed),
            }
        });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            with_pipeline(&weak, Pipeline::chunk_failed);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Running {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    fn chunk_done(&self, output: String) {
        let chunk = self.0.state.borrow_mut().in_flight.take();
        if let Some(chunk) = chunk {
            // The worker starts on the next chunk while this one is shown.
            let busy = self.send_next();
            self.emit(Event::Done(chunk, output));
            if !busy {
                self.emit(Event::Idle);
            }
        }
    }

    /// The worker died: retry the chunk's letters one by one in a new worker;
    /// a single letter that kills it is reported.
    fn chunk_failed(&self) {
        let failed = {
            let mut state = self.0.state.borrow_mut();
            state.running = None;
            match state.in_flight.take() {
                Some(chunk) if chunk.len() > 1 => {
                    for letter in chunk.into_iter().rev() {
                        state.queue.push_front(vec![letter]);
                    }
                    None
                }
                other => other,
            }
        };
        if let Some(chunk) = failed {
            self.emit(Event::Failed(chunk));
        }
        self.pump();
    }

    /// Events are emitted after state borrows end, so a handler may push or
    /// pause. (An event raised from inside a handler, by its own push, would
    /// find the handler busy: it is dropped, as the handler knows what it did.)
    fn emit(&self, event: Event) {
        if let Ok(mut handler) = self.0.on_event.try_borrow_mut() {
            handler(event);
        }
    }
}

fn with_pipeline(weak: &Weak<Inner>, f: impl FnOnce(&Pipeline)) {
    if let Some(inner) = weak.upgrade() {
        f(&Pipeline(inner));
    }
}
