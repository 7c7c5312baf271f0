//! Search: the Dutch text pipeline and the index the browser loads lazily.

pub mod index;
pub mod pipeline;
