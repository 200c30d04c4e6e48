//! The text layer of a PDF letter: bytes in, text or a typed error out.
//!
//! Users hold the PDF a letter came in, not its text. This crate turns those
//! bytes into the text `imr_core::parse` reads, with `pdf-extract` (pure Rust,
//! so the CLI runs it natively and the page runs it compiled to wasm through
//! `imr-pdf-web`). It is kept out of `imr-core`, which stays pure text-in.
//!
//! The published DWC letters are encrypted with an empty user password and a
//! no-copy flag; like any viewer, this opens them (reading is allowed, the flag
//! only asks viewers not to offer copying).
//!
//! `pdf-extract` can panic on unusual fonts. Natively that panic is caught here
//! and becomes [`PdfError::Failed`]. Compiled with `panic=abort` (the page's wasm)
//! nothing can be caught: there the whole instance dies, which is why the page
//! runs this in a worker of its own (see ARCHITECTURE.md, "The PDF path").

use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pdf_extract::encryption::DecryptionError;

/// Why a file gave no text. `Display` is a sentence a user can act on; it
/// never quotes the file's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfError {
    /// The bytes are not a PDF (no `%PDF-` header).
    NotPdf,
    /// The PDF needs a password to open.
    Password,
    /// The PDF opened but holds no text: a scan, pages of images.
    NoText,
    /// The PDF is damaged or uses something the extractor cannot read (or it panicked).
    Failed,
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PdfError::NotPdf => "it is not a PDF file (it does not start with %PDF-)",
            PdfError::Password => {
                "the PDF is protected by a password: open it in a PDF viewer with its \
                 password, then copy the text and paste it"
            }
            PdfError::NoText => {
                "the PDF has no text layer: it is a scanned image of the letter. IMR Lens \
                 reads text, not pictures; run the PDF through text recognition (OCR) first, \
                 or paste the text"
            }
            PdfError::Failed => {
                "the PDF's text could not be extracted (the file may be damaged or use an \
                 unusual font): open it in a PDF viewer, copy the text and paste it"
            }
        })
    }
}

impl std::error::Error for PdfError {}

/// How far into a file the `%PDF-` header may start. PDF readers accept some
/// junk before it (mail gateways and downloads sometimes prepend a line).
const HEADER_WINDOW: usize = 1024;

/// True when `bytes` is a PDF by its content (`%PDF-` near the start), whatever
/// the file is called.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(HEADER_WINDOW)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

/// The text of every page of the PDF in `bytes`, in reading order as the
/// extractor lays it out (pages separated by form feeds or blank lines).
pub fn text(bytes: &[u8]) -> Result<String, PdfError> {
    if !is_pdf(bytes) {
        return Err(PdfError::NotPdf);
    }
    let extracted = quietly(|| pdf_extract::extract_text_from_mem(bytes))?;
    let text = extracted.map_err(|e| match e {
        pdf_extract::OutputError::PdfError(pdf_extract::Error::Decryption(
            DecryptionError::IncorrectPassword,
        )) => PdfError::Password,
        _ => PdfError::Failed,
    })?;
    // A scan may still carry a stray space or page break per page: what
    // counts is whether any word was found.
    if text.chars().any(char::is_alphanumeric) {
        Ok(text)
    } else {
        Err(PdfError::NoText)
    }
}

/// Runs `f`, turning a panic into [`PdfError::Failed`]. The panic hook is
/// silenced meanwhile: the default one prints the extractor's internals and a
/// backtrace, which tell the user nothing the error does not (the hook is
/// process-wide, so a panic on another thread in that window is not printed
/// either; it still fails as usual).
fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, PdfError> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = catch_unwind(AssertUnwindSafe(f));
    std::panic::set_hook(hook);
    result.map_err(|_| PdfError::Failed)
}
