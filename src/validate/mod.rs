//! Stage 2, validate: checks that need the whole site at once (links between pages, output
//! paths that collide, templates that pages ask for). Runs before anything is written.

pub mod instruments;
pub mod links;
pub mod outputs;
