//! Runs the built `imr` binary on real letters from the shared corpus and
//! checks what it prints against the core library's own export functions.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use imr_core::export;
use serde_json::Value;

/// The shared corpus sits beside the repository (`../shared`), in CI too.
fn corpus(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(relative);
    assert!(path.is_file(), "corpus file missing: {}", path.display());
    path.to_str().expect("corpus paths are UTF-8").to_owned()
}

fn seed_letter() -> String {
    corpus("seed/000_7757b3c11355ef51.txt")
}

/// Three different real letters: the seed and two renderings of DWC letters.
fn three_letters() -> Vec<String> {
    vec![
        seed_letter(),
        corpus("dwc/raw/CM16-0221706.txt"),
        corpus("dwc/layout/CM16-0228949.txt"),
    ]
}

fn imr(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_imr"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("imr runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin)
        .expect("stdin accepts the input");
    child.wait_with_output().expect("imr finishes")
}

fn stdout_text(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("imr prints UTF-8")
}

/// The JSON line the core library makes for this text and source name.
fn expected_line(text: &str, source: &str) -> String {
    export::to_json_line(&imr_core::parse(text), Some(source))
}

fn read_text(path: &str) -> String {
    std::fs::read_to_string(path).expect("corpus letters are UTF-8 text")
}

/// A scratch file under Cargo's per-target temporary directory.
fn scratch_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, bytes).expect("scratch file is writable");
    path
}

#[test]
fn jsonl_prints_one_line_per_input_in_order_with_its_source() {
    let files = three_letters();
    let args: Vec<&str> = ["parse"]
        .into_iter()
        .chain(files.iter().map(String::as_str))
        .collect();
    let output = imr(&args, b"");
    assert!(output.status.success(), "{output:?}");
    let stdout = stdout_text(&output);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), files.len());
    for (line, file) in lines.iter().zip(&files) {
        assert_eq!(*line, expected_line(&read_text(file), file));
    }
}

#[test]
fn jsonl_flag_prints_the_same_as_the_default() {
    let seed = seed_letter();
    let default = imr(&["parse", &seed], b"");
    let explicit = imr(&["parse", "--jsonl", &seed], b"");
    assert!(explicit.status.success());
    assert_eq!(default.stdout, explicit.stdout);
    assert_eq!(
        stdout_text(&explicit),
        format!("{}\n", expected_line(&read_text(&seed), &seed))
    );
}

#[test]
fn missing_file_is_named_on_stderr_exits_2_and_the_others_are_still_printed() {
    let files = three_letters();
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("no-such-letter.txt")
        .to_string_lossy()
        .into_owned();
    let output = imr(&["parse", &files[0], &missing, &files[1], &files[2]], b"");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&missing), "stderr: {stderr}");
    let sources: Vec<String> = stdout_text(&output)
        .lines()
        .map(|line| {
            let object: Value = serde_json::from_str(line).expect("each line is JSON");
            object["source"]
                .as_str()
                .expect("source is a string")
                .to_owned()
        })
        .collect();
    assert_eq!(sources, files);
}

/// A hand-built PDF from imr-pdf's test fixtures (see make_fixtures.py there).
fn pdf_fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../imr-pdf/tests/fixtures")
        .join(name);
    path.to_str().expect("fixture paths are UTF-8").to_owned()
}

#[test]
fn pdfs_are_read_by_content_and_one_without_text_is_named_with_why() {
    let pdf = corpus("dwc/pdf/CM16-0221706.pdf");
    let pdf_bytes = std::fs::read(&pdf).expect("corpus PDF");
    // A PDF saved under a text name is still a PDF.
    let disguised = scratch_file("CM16-0221706-saved-as.txt", &pdf_bytes);
    let disguised = disguised.to_str().unwrap();
    let text = corpus("dwc/raw/CM16-0228949.txt");
    let (scan, broken) = (pdf_fixture("scanned.pdf"), pdf_fixture("broken-font.pdf"));
    let output = imr(
        &["parse", "--jsonl", &pdf, &scan, &text, &broken, disguised],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "imr: cannot read {scan}: the PDF has no text layer: it is a scanned image"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "imr: cannot read {broken}: the PDF's text could not be extracted"
        )),
        "{stderr}"
    );
    // Only the two messages: the extractor's panic is not printed.
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    let letter = imr_pdf::text(&pdf_bytes).expect("the corpus PDF has text");
    let stdout = stdout_text(&output);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            expected_line(&letter, &pdf),
            expected_line(&read_text(&text), &text),
            expected_line(&letter, disguised)
        ]
    );
    let parsed: Value = serde_json::from_str(lines[0]).expect("JSON");
    assert_eq!(parsed["case"]["case_number"], "CM16-0221706");
    assert_eq!(parsed["decisions"].as_array().map(Vec::len), Some(1));
}

#[test]
fn dash_reads_the_letter_from_stdin() {
    let text = read_text(&seed_letter());
    let output = imr(&["parse", "-"], text.as_bytes());
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        stdout_text(&output),
        format!("{}\n", expected_line(&text, "-"))
    );
}

#[test]
fn invalid_utf8_is_replaced_not_fatal() {
    let text = read_text(&seed_letter());
    let middle = text.len() / 2;
    let cut = (middle..text.len())
        .find(|&i| text.is_char_boundary(i))
        .expect("the letter has a char boundary after its middle");
    let mut bytes = text.as_bytes()[..cut].to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, 0xc3]);
    bytes.extend_from_slice(&text.as_bytes()[cut..]);
    let path = scratch_file("invalid-utf8-letter.txt", &bytes);
    let path = path.to_str().expect("temp path is UTF-8");

    let output = imr(&["parse", path], b"");
    assert!(output.status.success(), "{output:?}");
    let replaced = String::from_utf8_lossy(&bytes);
    assert!(replaced.contains('\u{fffd}'));
    assert_eq!(
        stdout_text(&output),
        format!("{}\n", expected_line(&replaced, path))
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains(path));
}

#[test]
fn json_prints_an_array_of_the_jsonl_objects() {
    let files = three_letters();
    let output = imr(&["parse", "--json", &files[0], &files[1], &files[2]], b"");
    assert!(output.status.success(), "{output:?}");
    let array: Value = serde_json::from_slice(&output.stdout).expect("stdout is one JSON value");
    let expected: Vec<Value> = files
        .iter()
        .map(|file| export::to_json(&imr_core::parse(&read_text(file)), Some(file)))
        .collect();
    assert_eq!(array, Value::Array(expected));
}

#[test]
fn csv_has_bom_crlf_and_one_row_per_decision() {
    let files = three_letters();
    let output = imr(&["parse", "--csv", &files[0], &files[1], &files[2]], b"");
    assert!(output.status.success(), "{output:?}");
    let csv = stdout_text(&output);
    assert!(csv.starts_with("\u{feff}source,format,case_number,"));
    assert!(csv.ends_with("\r\n"));
    assert!(!csv.replace("\r\n", "").contains('\r'));

    let determinations: Vec<_> = files
        .iter()
        .map(|file| imr_core::parse(&read_text(file)))
        .collect();
    let rows_per_letter = determinations.iter().map(|d| d.decisions.len().max(1));
    let header = 1;
    // A cell may hold a line break, so count records the way a CSV reader would.
    assert_eq!(
        csv_record_count(&csv),
        header + rows_per_letter.sum::<usize>()
    );
    let letters = files
        .iter()
        .map(String::as_str)
        .map(Some)
        .zip(&determinations);
    assert_eq!(csv, export::to_csv(letters));
}

/// The number of CSV records: CRLFs outside quoted cells.
fn csv_record_count(csv: &str) -> usize {
    let mut in_quotes = false;
    let mut records = 0;
    let mut chars = csv.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '"' => in_quotes = !in_quotes,
            '\r' if !in_quotes && chars.peek() == Some(&'\n') => records += 1,
            _ => {}
        }
    }
    records
}

#[test]
fn format_flags_are_mutually_exclusive() {
    let output = imr(&["parse", "--json", "--csv", &seed_letter()], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
}

#[test]
fn parse_without_files_is_a_usage_error() {
    let output = imr(&["parse"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("<FILE>"));
}

#[test]
fn schema_prints_the_core_schema() {
    let output = imr(&["schema"], b"");
    assert!(output.status.success(), "{output:?}");
    let printed: Value = serde_json::from_slice(&output.stdout).expect("schema is JSON");
    assert_eq!(printed, export::json_schema());
}

#[test]
fn help_explains_formats_exit_codes_and_examples() {
    let top = stdout_text(&imr(&["--help"], b""));
    assert!(top.contains("Independent Medical Review"));
    assert!(top.contains("parse") && top.contains("schema"));
    let parse = stdout_text(&imr(&["parse", "--help"], b""));
    for needle in [
        "--jsonl",
        "--json",
        "--csv",
        "Exit status",
        "Examples",
        "stdin",
    ] {
        assert!(parse.contains(needle), "`imr parse --help` lacks {needle}");
    }
}

/// Every letter of one corpus rendering, sorted.
fn rendering_files(rendering: &str) -> Vec<String> {
    let dir = Path::new(&corpus("dwc/raw/CM16-0221706.txt"))
        .parent()
        .and_then(Path::parent)
        .expect("corpus dwc folder")
        .join(rendering);
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("corpus rendering folder")
        .map(|entry| entry.expect("entry").path().to_string_lossy().into_owned())
        .filter(|path| path.ends_with(".txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn stats_prints_the_core_trends_of_every_letter_as_text_or_json() {
    let files = rendering_files("raw");
    let letters: Vec<_> = files
        .iter()
        .map(|f| imr_core::parse(&read_text(f)))
        .collect();
    let trends = imr_core::stats::trends(&letters);
    let args = |json: bool| -> Vec<&str> {
        let flags: &[&str] = if json {
            &["stats", "--json"]
        } else {
            &["stats"]
        };
        flags
            .iter()
            .copied()
            .chain(files.iter().map(String::as_str))
            .collect()
    };
    let help = stdout_text(&imr(&["stats", "--help"], b""));
    assert!(
        help.contains("fewer than 10") && help.contains("Exit status"),
        "{help}"
    );
    let text = imr(&args(false), b"");
    assert!(text.status.success(), "{text:?}");
    assert_eq!(stdout_text(&text), trends.to_text());
    let json = imr(&args(true), b"");
    assert!(json.status.success(), "{json:?}");
    assert_eq!(
        stdout_text(&json),
        format!(
            "{}\n",
            serde_json::to_string_pretty(&trends).expect("trends serialize")
        )
    );
    let printed: Value = serde_json::from_slice(&json.stdout).expect("stats --json is JSON");
    assert_eq!(
        printed["overall"]["items"],
        letters.iter().map(|l| l.decisions.len()).sum::<usize>()
    );
}

#[test]
fn stats_names_a_missing_file_exits_2_and_counts_the_others() {
    let letter = seed_letter();
    let output = imr(&["stats", "no-such-letter.txt", &letter], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no-such-letter.txt"));
    let only = imr_core::stats::trends([&imr_core::parse(&read_text(&letter))]);
    assert_eq!(stdout_text(&output), only.to_text());
}
