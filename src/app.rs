use crate::batch_state::Batch;
use crate::browser;
use crate::components::{
    BatchView, CasePanel, DecisionCard, Exports, LetterInput, Overview, PatientPanel, PrivacyNote,
    ReviewerPanel, SeveralLetters, SourceText, StatusBanner, View, ViewTabs,
};
use crate::letter::{Letter, EXAMPLE};
use crate::present::{self, MAX_TEXT_BYTES};
use imr_core::{export, Determination, Format, Span};
use leptos::prelude::*;

/// The whole page: the letter's text on one side, what it says on the other.
#[component]
pub fn App() -> impl IntoView {
    let remembered = browser::remembered_text();
    let remember = RwSignal::new(remembered.is_some());
    let letter = Letter::new(remembered.unwrap_or_default());
    provide_context(letter);
    let notice = RwSignal::new(None::<String>);
    let batch = Batch::new();
    provide_context(batch);
    let view_shown = RwSignal::new(View::One);

    // Derived from the text: where its letters are (usually one), and the
    // parse of the first (None when the text is too long to parse).
    let letters: Memo<Vec<Span>> = Memo::new(move |_| {
        letter.text.with(|t| {
            if t.len() <= MAX_TEXT_BYTES {
                imr_core::split_letters(t)
            } else {
                Vec::new()
            }
        })
    });
    let parsed: Memo<Option<Determination>> = Memo::new(move |_| {
        letters.with(|spans| {
            let first = spans.first()?;
            Some(letter.text.with(|t| imr_core::parse(&t[..first.end])))
        })
    });
    let open_letter = Callback::new(move |index: usize| {
        let chosen: Option<(String, String)> = batch
            .letters
            .with_untracked(|all| all.get(index).map(|l| (l.text.clone(), l.source.clone())));
        if let Some((text, source)) = chosen {
            letter.replace(text, &source);
            view_shown.set(View::One);
        }
    });
    let open_batch = Callback::new(move |()| view_shown.set(View::Many));
    let several = move || {
        let n = letters.with(Vec::len);
        (n > 1).then(|| view! { <SeveralLetters letters=n open_batch/> })
    };

    // The parser compiles its patterns on first use (about 0.3 s in wasm): do that
    // once the page is idle, while it is being read, so the first paste renders at once.
    request_idle_callback(|| drop(imr_core::parse(EXAMPLE)));

    // Sync with the outside world: keep the text on this device only while opted in.
    Effect::new(move |_| {
        if !remember.get() {
            browser::forget_text();
        } else if letter.text.with(|t| browser::remember_text(t)).is_err() {
            notice.set(Some(
                "This browser could not remember the text (it may be too long for its storage, \
                 or storage is blocked). The text is still here."
                    .into(),
            ));
        }
    });

    let result = move || {
        let text_bytes = letter.text.with(String::len);
        parsed.with(|det| {
            let status = present::status(text_bytes, det.as_ref());
            let body = det
                .as_ref()
                .filter(|d| d.format != Format::Unknown || !export::provenance(d).is_empty())
                .map(|d| {
                    let decisions = d
                        .decisions
                        .iter()
                        .enumerate()
                        .map(|(i, decision)| view! { <DecisionCard index=i decision=decision.clone()/> })
                        .collect_view();
                    view! {
                        <Overview det=d.clone()/>
                        <div class="people">
                            <ReviewerPanel reviewer=d.reviewer.clone()/>
                            <PatientPanel patient=d.patient.clone() date_of_injury=d.date_of_injury().cloned()/>
                        </div>
                        <CasePanel patient=d.patient.clone() timeline=d.timeline.clone()/>
                        <section class="decisions" aria-labelledby="decisions-h">
                            <h3 id="decisions-h">"Disputed items (" {d.decisions.len()} ")"</h3>
                            {decisions}
                        </section>
                    }
                });
            view! { <StatusBanner status/> {several} {body} }
        })
    };

    view! {
        <a class="skip" href="#result-h">"Skip to the result"</a>
        <header class="top">
            <h1>"IMR Lens"</h1>
            <p class="tagline">
                "Read a California DWC Independent Medical Review (IMR) Final Determination at a glance."
            </p>
            <PrivacyNote/>
        </header>
        <ViewTabs view=view_shown/>
        <Show when=move || view_shown.get() == View::Many>
            <main class="batch-layout">
                <BatchView open_letter/>
            </main>
        </Show>
        <main class="layout" hidden=move || view_shown.get() != View::One>
            <div class="work">
                <LetterInput remember notice/>
                <section class="result" aria-labelledby="result-h" data-testid="result">
                    <div class="result-head">
                        <h2 id="result-h" tabindex="-1">"Result"</h2>
                        <Exports parsed/>
                    </div>
                    {result}
                </section>
            </div>
            <SourceText/>
        </main>
    }
}
