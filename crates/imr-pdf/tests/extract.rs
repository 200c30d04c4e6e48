//! `imr_pdf::text` on real letters (the corpus PDFs) and on hand-built files
//! for each error (`tests/fixtures/make_fixtures.py` writes them).

use std::path::{Path, PathBuf};

use imr_pdf::{is_pdf, text, PdfError};

/// The shared corpus sits beside the repository (`../shared`), in CI too.
fn corpus_pdfs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/dwc/pdf");
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("corpus folder {}: {e}", dir.display()))
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    pdfs.sort();
    pdfs
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .expect("the fixture exists")
}

#[test]
fn every_corpus_pdf_opens_despite_its_encryption_and_gives_its_case_number() {
    let pdfs = corpus_pdfs();
    assert_eq!(pdfs.len(), 131);
    for pdf in pdfs {
        let bytes = std::fs::read(&pdf).expect("corpus PDFs are readable");
        // The DWC letters are encrypted (empty user password, no-copy flag).
        assert!(
            bytes.windows(8).any(|w| w == b"/Encrypt"),
            "{}",
            pdf.display()
        );
        let letter = text(&bytes).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
        let case = pdf.file_stem().unwrap().to_str().unwrap();
        assert!(
            letter.contains(case),
            "{} lacks its case number",
            pdf.display()
        );
        assert!(letter.contains("HOW THE IMR FINAL DETERMINATION WAS MADE"));
    }
}

#[test]
fn a_scan_without_a_text_layer_says_so() {
    assert_eq!(text(&fixture("scanned.pdf")), Err(PdfError::NoText));
    assert!(PdfError::NoText.to_string().contains("no text layer"));
    assert!(PdfError::NoText.to_string().contains("scanned"));
}

#[test]
fn a_pdf_locked_with_a_password_says_so() {
    // Encrypted like the DWC letters, but with a user password that is not empty.
    assert_eq!(text(&fixture("password.pdf")), Err(PdfError::Password));
    assert!(PdfError::Password.to_string().contains("password"));
}

#[test]
fn a_panic_inside_the_extractor_becomes_an_error() {
    // pdf-extract 0.12 unwraps the missing font object and panics.
    assert_eq!(text(&fixture("broken-font.pdf")), Err(PdfError::Failed));
}

#[test]
fn a_damaged_pdf_is_an_error_not_a_crash() {
    let letter = std::fs::read(&corpus_pdfs()[0]).unwrap();
    for len in [10, 200, letter.len() / 2] {
        assert!(text(&letter[..len]).is_err(), "{len} bytes");
    }
    assert_eq!(text(b"%PDF-1.7\n%\xe2\xe3\n"), Err(PdfError::Failed));
}

#[test]
fn pdfs_are_recognized_by_content_not_by_name() {
    assert!(is_pdf(b"%PDF-1.6\r%\xe2\xe3"));
    // Readers accept a little junk before the header.
    assert!(is_pdf(b"\r\n%PDF-1.4\n"));
    // Text that only mentions the header further on is text.
    let text_mentioning_pdf = format!("{}%PDF-1.4", "Case Number: CM16-0221706\n".repeat(50));
    assert!(!is_pdf(text_mentioning_pdf.as_bytes()));
    assert!(!is_pdf(b""));
    assert_eq!(text(b"Case Number: CM16-0221706"), Err(PdfError::NotPdf));
}
