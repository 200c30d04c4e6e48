//! FNV-1a hashing for the tables keyed by the parser's own fixed names.
//!
//! For keys of a few bytes it is many times cheaper than the standard
//! SipHash, and since every key is a fixed name (looked up with words of a
//! letter, never inserted from one), no input can flood a table.

use std::hash::{BuildHasherDefault, Hasher};

/// The hasher of a table whose keys are fixed names.
pub type FixedKeys = BuildHasherDefault<Fnv>;

pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}
