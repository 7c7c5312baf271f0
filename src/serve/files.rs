//! Serving the output folder: only regular files inside it, never through a symbolic link,
//! never a directory listing, with the right content types.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Component, Path, PathBuf};

use axum::http::{header, Method, StatusCode, Uri};
use axum::response::Response;

use super::http::{method_not_allowed, text, typed};
use crate::markdown::html_escape;

/// Files larger than this are not served (the handbook's largest, the search index of a
/// thousand pages, is a few MiB); a bound for every read.
const MAX_FILE: u64 = 256 * 1024 * 1024;

/// What a URL path names in the output folder.
#[derive(Debug)]
pub enum Found {
    File {
        bytes: Vec<u8>,
        path: PathBuf,
    },
    /// A folder asked for without its slash: relative links in its index.html need the slash.
    Folder {
        location: String,
    },
    Missing,
}

/// The answer to a request for a file. `build_error` replaces pages while the last build fails.
pub async fn respond(
    out: PathBuf,
    method: &Method,
    uri: &Uri,
    build_error: Option<String>,
) -> Response {
    let url_path = uri.path();
    if method != Method::GET && method != Method::HEAD {
        return method_not_allowed("GET, HEAD");
    }
    let Some(rel) = safe_relative(url_path) else {
        return not_found(out).await;
    };
    let is_page = rel.extension().is_none_or(|e| e == "html");
    if let (Some(error), true) = (build_error, is_page) {
        return error_page(&error);
    }
    let lookup_out = out.clone();
    let slash = url_path.ends_with('/');
    let found = tokio::task::spawn_blocking(move || lookup(&lookup_out, &rel, slash))
        .await
        .unwrap_or(Found::Missing);
    match found {
        Found::File { bytes, path } => typed(StatusCode::OK, content_type(&path), bytes),
        Found::Folder { mut location } => {
            // Keep the query: a workshop link's `?sessie=` must survive the redirect.
            if let Some(query) = uri.query() {
                location.push('?');
                location.push_str(query);
            }
            let mut response = text(StatusCode::MOVED_PERMANENTLY, "Deze pagina staat hier.");
            if let Ok(value) = location.parse() {
                response.headers_mut().insert(header::LOCATION, value);
            }
            response
        }
        Found::Missing => not_found(out).await,
    }
}

async fn not_found(out: PathBuf) -> Response {
    let page =
        tokio::task::spawn_blocking(move || lookup(&out, Path::new("404.html"), false)).await;
    match page {
        Ok(Found::File { bytes, .. }) => {
            typed(StatusCode::NOT_FOUND, "text/html; charset=utf-8", bytes)
        }
        _ => text(
            StatusCode::NOT_FOUND,
            "Niet gevonden. Kijk of het adres klopt, of begin op de beginpagina: /",
        ),
    }
}

/// Look a relative path up in `out` without following any symbolic link on the way.
/// `slash` tells whether the URL ended with one; a folder asked for without it is redirected.
pub fn lookup(out: &Path, rel: &Path, slash: bool) -> Found {
    let mut path = out.to_path_buf();
    for part in rel.components() {
        path.push(part);
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if !meta.file_type().is_symlink() => {}
            _ => return Found::Missing,
        }
    }
    let is_dir = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
    if is_dir {
        if !rel.as_os_str().is_empty() && !slash {
            return Found::Folder {
                location: folder_location(rel),
            };
        }
        path.push("index.html");
    }
    match read_regular(&path) {
        Ok(bytes) => Found::File { bytes, path },
        Err(_) => Found::Missing,
    }
}

/// Open without following a final symbolic link (O_NOFOLLOW; the earlier parts were checked
/// one by one), without blocking on a FIFO (O_NONBLOCK), and read it only when it is a
/// regular file of bounded size.
fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let mut file = File::options()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)?;
    let meta: Metadata = file.metadata()?;
    if !meta.is_file() || meta.len() > MAX_FILE {
        return Err(io::Error::other("geen gewoon bestand"));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.by_ref().take(MAX_FILE).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn folder_location(rel: &Path) -> String {
    let mut location = String::from("/");
    for part in rel.components() {
        for byte in part.as_os_str().as_encoded_bytes() {
            match byte {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    location.push(char::from(*byte))
                }
                _ => location.push_str(&format!("%{byte:02X}")),
            }
        }
        location.push('/');
    }
    location
}

/// The URL path as a relative path inside the output folder, or None when it tries to leave
/// it (`..`, also percent-encoded, an absolute or Windows path, a NUL byte).
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

pub fn content_type(path: &Path) -> &'static str {
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

/// The stylesheet of the error page: served by the server itself, because the CSP allows no
/// inline styles.
pub const ERROR_CSS: &str = "body{font:1rem/1.5 system-ui,sans-serif;margin:2rem;color:#1a1a1a}pre{white-space:pre-wrap;background:#fdf2f2;border-left:.4rem solid #b00020;padding:1rem;overflow-x:auto}\n";

fn error_page(error: &str) -> Response {
    let html = format!(
        "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Fout in de build</title>\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<link rel=\"stylesheet\" href=\"/__leerrecht/fout.css\">\
<script src=\"/__leerrecht/reload.js\" defer></script></head><body><main><h1>De laatste wijziging bouwt niet</h1>\
<p>Verbeter de fout hieronder en sla op: deze pagina laadt dan vanzelf opnieuw.</p><pre>{}</pre></main></body></html>\n",
        html_escape(error)
    );
    typed(
        StatusCode::INTERNAL_SERVER_ERROR,
        "text/html; charset=utf-8",
        html,
    )
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
        assert_eq!(safe_relative("/a%5c..%5cb"), None);
    }

    #[test]
    fn a_folder_without_its_slash_is_redirected_with_a_local_address() {
        assert_eq!(folder_location(Path::new("regio")), "/regio/");
        assert_eq!(folder_location(Path::new("evil.example")), "/evil.example/");
        assert_eq!(folder_location(Path::new("café")), "/caf%C3%A9/");
    }
}
