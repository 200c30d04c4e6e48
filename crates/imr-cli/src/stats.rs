//! `imr stats`: overturn-rate trends over many letters, as text tables or
//! JSON. The numbers come from `imr_core::stats`, so the page and the CLI
//! agree by construction.

use std::io::{self, Write};
use std::process::ExitCode;

pub const STATS_AFTER_HELP: &str = concat!(
    "Trends over all the letters given: items, upheld, overturned and the overturn rate
(overturned / (upheld + overturned)), overall and by treatment category, drug group
(pharmaceuticals), reviewer specialty, MTUS basis, guideline cited and decision month.
A rate from fewer than 10 upheld or overturned items is marked * (\"small_sample\": true in
JSON): it says little. A reviewer with two specialties, or a decision citing two
guidelines, counts in each of their rows. The categories: docs/classifier.md.

",
    exit_status_help!(),
    "

Examples:
  imr stats letters/*.txt              tables for a terminal
  imr stats --json letters/*.txt       the same numbers as one JSON object"
);

/// Parses every readable file and prints the trends of all of them.
/// Unreadable files are reported on stderr and left out; they make the exit
/// status 2.
pub fn run(json: bool, files: &[String], out: &mut impl Write) -> (io::Result<()>, ExitCode) {
    let mut status = ExitCode::SUCCESS;
    let mut letters = Vec::with_capacity(files.len());
    for source in files {
        match crate::read_input(source) {
            Ok(text) => letters.push(imr_core::parse(&text)),
            Err(e) => {
                eprintln!("imr: cannot read {source}: {e}");
                status = ExitCode::from(2);
            }
        }
    }
    let trends = imr_core::stats::trends(&letters);
    let written = if json {
        serde_json::to_string_pretty(&trends)
            .map_err(io::Error::other)
            .and_then(|text| writeln!(out, "{text}"))
    } else {
        out.write_all(trends.to_text().as_bytes())
    };
    (written, status)
}
