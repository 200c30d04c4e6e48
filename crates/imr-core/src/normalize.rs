//! Normalization (in progress).
pub struct Document<'a> {
    pub original: &'a str,
}
impl<'a> Document<'a> {
    pub fn new(original: &'a str) -> Self {
        Document { original }
    }
}
