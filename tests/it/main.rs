//! All integration tests in one binary: linking the crate and its dependencies once instead of
//! once per file is most of their compile time. Each module builds small fixture sites in
//! temporary folders (see `common`).

mod cli;
mod common;
mod fuzz;
mod handbook;
mod httpclient;
mod input;
mod instruments;
mod markdown;
mod output;
mod page_weight;
mod robustness;
mod schema;
mod search;
mod serve;
mod serve_http;
mod sitemap;
mod snapshots;
mod templates;
mod workshop;
mod workshop_server;
