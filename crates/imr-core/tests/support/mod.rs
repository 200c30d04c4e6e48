//! Helpers shared by the integration tests in this folder (`mod support;`).
//! Each test file is its own crate and uses only part of this, hence the
//! dead-code allowance.
#![allow(dead_code)]

pub mod corpus;
pub mod gold;
pub mod soundness;
