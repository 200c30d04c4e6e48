//! Arbitrary bytes, decoded lossily as the CLI does, must parse without a
//! panic into a result whose spans slice the input and whose export forms
//! render (see the shared checker).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/imr-core/tests/support/soundness.rs"]
mod soundness;

fuzz_target!(|data: &[u8]| {
    soundness::parse_soundly(&String::from_utf8_lossy(data));
});
