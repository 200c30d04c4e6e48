//! `imr`: IMR Lens on the command line. A thin layer over `imr_core`: it reads
//! files (or stdin), parses each as one letter and prints the core's export
//! forms. All extraction logic lives in the core so the CLI and the web page
//! give identical results.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use imr_core::export;

const ABOUT: &str = "IMR Lens: read California DWC Independent Medical Review (IMR) Final \
Determination letters and extract the case header, the expert reviewer's credentials, the \
patient, and every disputed item with its outcome, guidelines and rationale.";

const LONG_ABOUT: &str = "IMR Lens: read California DWC Independent Medical Review (IMR) Final \
Determination letters and extract the case header (case number, dates, priority), the expert \
reviewer's credentials, the patient (age, sex), and every disputed item with its outcome \
(upheld/overturned), the guidelines cited and the rationale.

Input is the letter's PDF (its text layer is extracted) or the plain text of a letter as \
copied or converted from the PDF (pdftotext, pdftotext -layout, mutool, a browser's PDF viewer). Parsing never fails: whatever could not be \
found is null in the output and explained in \"diagnostics\".";

/// The exit status table, shared by `imr --help` and `imr parse --help`.
macro_rules! exit_status_help {
    () => {
        "Exit status:
  0  every input was read (even if some were not recognized as IMR letters; see \"format\")
  1  the output could not be written
  2  an input could not be read (the others are still printed), or the command line is wrong"
    };
}

// After the macro, which its help text uses.
mod stats;

const PARSE_AFTER_HELP: &str = concat!(
    "Output formats:
  --jsonl  (default) one JSON object per input, one per line, in argument order. Each object
           has \"source\" (the path as given, \"-\" for stdin), \"format\", \"case\", \"reviewer\",
           \"patient\", \"decisions\", \"diagnostics\", and \"provenance\" (the byte span
           [start, end) of the input text behind every extracted value, keyed by JSON pointer).
  --json   the same objects as one pretty-printed JSON array.
  --csv    one row per decision (a letter without decisions still gets a row), UTF-8 with BOM,
           CRLF line ends, ready for Excel; cells that a spreadsheet would run as a formula are
           prefixed with '.
`imr schema` prints the JSON Schema the JSON objects follow.

A PDF (recognized by its content) gives its text layer; a scan without one is an error. Text is
read as UTF-8; invalid bytes are replaced by U+FFFD (with a note on stderr), and spans then refer
to the replaced text.

",
    exit_status_help!(),
    "

Examples:
  imr parse letter.txt                      one JSON line
  imr parse --jsonl a.pdf b.txt             PDFs are read too (their text layer)
  imr parse --csv letters/*.txt > imr.csv   a spreadsheet of every decision
  pdftotext letter.pdf - | imr parse -      parse from stdin
  imr parse --json a.txt b.txt | jq '.[].decisions[].outcome'"
);

#[derive(Parser)]
#[command(name = "imr", version, about = ABOUT, long_about = LONG_ABOUT, after_help = exit_status_help!())]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse letters and print the extracted data as JSON lines, a JSON array or CSV.
    #[command(after_help = PARSE_AFTER_HELP)]
    Parse {
        #[command(flatten)]
        format: OutputFormat,
        /// IMR letters, one per file: PDF or text; `-` reads stdin.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<String>,
    },
    /// Print overturn-rate trends over many letters: by treatment category, drug group,
    /// reviewer specialty, guideline and month.
    #[command(after_help = stats::STATS_AFTER_HELP)]
    Stats {
        /// One JSON object instead of text tables.
        #[arg(long)]
        json: bool,
        /// IMR letters, one per file: PDF or text; `-` reads stdin.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<String>,
    },
    /// Print the JSON Schema of the JSON objects `imr parse` prints.
    Schema,
}

#[derive(Args)]
#[group(multiple = false)]
struct OutputFormat {
    /// One JSON object per line (the default).
    #[arg(long)]
    jsonl: bool,
    /// A pretty-printed JSON array of the same objects.
    #[arg(long)]
    json: bool,
    /// CSV, one row per decision, for spreadsheets.
    #[arg(long)]
    csv: bool,
}

/// One input that could be read: the name it was given by and its parse.
struct ParsedLetter {
    source: String,
    determination: imr_core::Determination,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut stdout = io::stdout().lock();
    let (written, status) = match cli.command {
        Command::Schema => (write_schema(&mut stdout), ExitCode::SUCCESS),
        Command::Parse { format, files } => parse_command(&format, &files, &mut stdout),
        Command::Stats { json, files } => stats::run(json, &files, &mut stdout),
    };
    match written.and_then(|()| stdout.flush()) {
        Ok(()) => status,
        // A closed pipe (`imr parse ... | head`) is the reader's choice, not an error to report.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(1),
        Err(e) => {
            eprintln!("imr: cannot write output: {e}");
            ExitCode::from(1)
        }
    }
}

fn write_schema(out: &mut impl Write) -> io::Result<()> {
    let schema = serde_json::to_string_pretty(&export::json_schema()).map_err(io::Error::other)?;
    writeln!(out, "{schema}")
}

/// Parses every file in order, printing as it goes for JSON lines. Unreadable
/// files are reported on stderr and skipped; they make the exit status 2.
fn parse_command(
    format: &OutputFormat,
    files: &[String],
    out: &mut impl Write,
) -> (io::Result<()>, ExitCode) {
    let mut status = ExitCode::SUCCESS;
    let mut letters = Vec::new();
    for source in files {
        let text = match read_input(source) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("imr: cannot read {source}: {e}");
                status = ExitCode::from(2);
                continue;
            }
        };
        let determination = imr_core::parse(&text);
        if format.json || format.csv {
            letters.push(ParsedLetter {
                source: source.clone(),
                determination,
            });
        } else if let Err(e) = writeln!(
            out,
            "{}",
            export::to_json_line(&determination, Some(source))
        ) {
            return (Err(e), status);
        }
    }
    let written = if format.json {
        write_json_array(&letters, out)
    } else if format.csv {
        let rows = letters
            .iter()
            .map(|l| (Some(l.source.as_str()), &l.determination));
        out.write_all(export::to_csv(rows).as_bytes())
    } else {
        Ok(())
    };
    (written, status)
}

fn write_json_array(letters: &[ParsedLetter], out: &mut impl Write) -> io::Result<()> {
    let array: Vec<serde_json::Value> = letters
        .iter()
        .map(|l| export::to_json(&l.determination, Some(&l.source)))
        .collect();
    let text = serde_json::to_string_pretty(&array).map_err(io::Error::other)?;
    writeln!(out, "{text}")
}

/// Reads a file (or stdin for `-`) as text. A PDF (recognized by its `%PDF-`
/// header, whatever its name) gives its text layer; a PDF without one is an
/// error that says why. Invalid UTF-8 is replaced rather than refused: letters
/// pasted out of PDFs are often slightly mangled and the rest of the text is
/// still worth reading.
fn read_input(source: &str) -> io::Result<String> {
    let bytes = if source == "-" {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        bytes
    } else {
        std::fs::read(source)?
    };
    if imr_pdf::is_pdf(&bytes) {
        return imr_pdf::text(&bytes).map_err(io::Error::other);
    }
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            eprintln!(
                "imr: {source}: invalid UTF-8 replaced by U+FFFD; spans refer to the replaced text"
            );
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    })
}
