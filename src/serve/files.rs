//! Serving the output folder: only files inside it, with the right content types.

use std::io::Cursor;
use std::path::{Component, Path, PathBuf};

use tiny_http::{Response, StatusCode};

use super::header;
use crate::markdown::html_escape;

type Reply = Response<Cursor<Vec<u8>>>;

pub fn respond(out: &Path, url_path: &str, build_error: Option<&str>) -> Reply {
    let Some(rel) = safe_relative(url_path) else {
        return plain(400, "Ongeldig pad.");
    };
    let mut file = out.join(&rel);
    if file.is_dir() {
        file = file.join("index.html");
    }
    let is_page = file.extension().is_none_or(|e| e == "html");
    if let (Some(error), true) = (build_error, is_page) {
        return error_page(error);
    }
    match std::fs::read(&file) {
        Ok(bytes) => Response::from_data(bytes)
            .with_header(header("Content-Type", content_type(&file)))
            .with_header(header("Cache-Control", "no-store")),
        Err(_) => match std::fs::read(out.join("404.html")) {
            Ok(bytes) => Response::from_data(bytes)
                .with_status_code(StatusCode(404))
                .with_header(header("Content-Type", "text/html; charset=utf-8")),
            Err(_) => plain(404, "Niet gevonden."),
        },
    }
}

/// The URL path as a relative path inside the output folder, or None when it tries to leave
/// it (`..`, an absolute or Windows path, a NUL byte).
pub fn safe_relative(url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    if decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let mut rel = PathBuf::new();
    for part in Path::new(decoded.trim_start_matches('/')).components() {
        match part {
            Component::Normal(p) => rel.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(rel)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "txt" | "md" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn plain(code: u16, body: &str) -> Reply {
    Response::from_data(body.as_bytes().to_vec())
        .with_status_code(StatusCode(code))
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

fn error_page(error: &str) -> Reply {
    let html = format!(
        "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Fout in de build</title>\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<style>body{{font:1rem/1.5 system-ui,sans-serif;margin:2rem;color:#1a1a1a}}pre{{white-space:pre-wrap;background:#fdf2f2;border-left:.4rem solid #b00020;padding:1rem;overflow-x:auto}}</style>\
<script src=\"/__leerrecht/reload.js\" defer></script></head><body><main><h1>De laatste wijziging bouwt niet</h1>\
<p>Verbeter de fout hieronder en sla op: deze pagina laadt dan vanzelf opnieuw.</p><pre>{}</pre></main></body></html>\n",
        html_escape(error)
    );
    Response::from_data(html.into_bytes())
        .with_status_code(StatusCode(500))
        .with_header(header("Content-Type", "text/html; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_output_are_refused() {
        assert_eq!(
            safe_relative("/regio/a.html"),
            Some(PathBuf::from("regio/a.html"))
        );
        assert_eq!(safe_relative("/"), Some(PathBuf::new()));
        assert_eq!(safe_relative("/../etc/passwd"), None);
        assert_eq!(safe_relative("/%2e%2e/etc/passwd"), None);
        assert_eq!(safe_relative("/a/..%2f..%2fgeheim"), None);
        assert_eq!(safe_relative("/a%00b"), None);
        assert_eq!(safe_relative("/%zz"), None);
    }
}
