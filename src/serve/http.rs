//! The HTTP stack both servers share (`serve` on loopback, `workshop` on the room's network):
//! hyper's HTTP/1.1 on tokio with axum for routing, and the limits a server needs when the
//! devices talking to it are not under our control.
//!
//! - A connection limit: past it, new connections are closed at once instead of queueing
//!   threads (the old server kept 345 threads for 400 idle connections).
//! - One idle timeout: hyper's header-read timer runs from the moment a connection waits for a
//!   request, so it also drops a client that connects and sends nothing, and a keep-alive
//!   connection that stays quiet. A pending response (the reload long poll) is not idle.
//! - Bounded headers; bodies are bounded by the handlers that read them.
//! - A Host check against DNS rebinding, and the same headers (CSP and friends) on every answer.

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::render::templates::CSP;

#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Open connections at most; more are closed as soon as they are accepted.
    pub max_connections: usize,
    /// Open connections per client address at most (loopback excepted), so that one device
    /// cannot take the whole room's share; None for no such limit.
    pub per_address: Option<usize>,
    /// How long a connection may wait for (the rest of) a request's headers.
    pub idle: Duration,
    /// Request line and headers together, in bytes.
    pub max_header_bytes: usize,
}

impl Limits {
    /// A browser opens up to six connections per server; a few tabs of an editor's browser
    /// stay far below this.
    pub const LOOPBACK: Limits = Limits {
        max_connections: 256,
        per_address: None,
        idle: Duration::from_secs(5),
        max_header_bytes: 16 * 1024,
    };

    /// A room of up to a few hundred phones, each opening a handful of connections.
    pub const ROOM: Limits = Limits {
        max_connections: 512,
        per_address: Some(32),
        idle: Duration::from_secs(5),
        max_header_bytes: 16 * 1024,
    };
}

/// The address of the client of a request, put into every request's extensions.
#[derive(Clone, Copy, Debug)]
pub struct Peer(pub SocketAddr);

/// Accept connections on every listener, each connection on its own task, sharing one
/// connection limit. Runs until the process ends.
pub async fn run(listeners: Vec<TcpListener>, app: Router, limits: Limits) {
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let per_address = Arc::new(PerAddress::default());
    let mut loops = tokio::task::JoinSet::new();
    for listener in listeners {
        loops.spawn(accept(
            listener,
            app.clone(),
            limits,
            Arc::clone(&permits),
            Arc::clone(&per_address),
        ));
    }
    while loops.join_next().await.is_some() {}
}

/// Open connections per client address.
#[derive(Default)]
struct PerAddress(Mutex<HashMap<IpAddr, usize>>);

/// One connection counted in [`PerAddress`]; uncounted when dropped.
struct AddressSlot {
    table: Arc<PerAddress>,
    address: IpAddr,
}

impl PerAddress {
    fn take(table: &Arc<PerAddress>, address: IpAddr, max: usize) -> Option<AddressSlot> {
        let mut open = table.0.lock().unwrap_or_else(|e| e.into_inner());
        let count = open.entry(address).or_insert(0);
        if *count >= max {
            return None;
        }
        *count += 1;
        Some(AddressSlot {
            table: Arc::clone(table),
            address,
        })
    }
}

impl Drop for AddressSlot {
    fn drop(&mut self) {
        let mut open = self.table.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(count) = open.get_mut(&self.address) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.address);
            }
        }
    }
}

async fn accept(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    permits: Arc<Semaphore>,
    per_address: Arc<PerAddress>,
) {
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                // Out of file descriptors and the like: wait instead of spinning.
                eprintln!("waarschuwing: verbinding niet aangenomen: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let slot = match limits.per_address {
            Some(max) if !peer.ip().is_loopback() => {
                match PerAddress::take(&per_address, peer.ip(), max) {
                    Some(slot) => Some(slot),
                    None => continue, // dropping the stream closes it
                }
            }
            _ => None,
        };
        let Ok(permit) = Arc::clone(&permits).try_acquire_owned() else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        tokio::spawn(connection(
            stream,
            peer,
            app.clone(),
            limits,
            (permit, slot),
        ));
    }
}

async fn connection(
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    app: Router,
    limits: Limits,
    // Held for the connection's life: its place under both limits.
    _places: (tokio::sync::OwnedSemaphorePermit, Option<AddressSlot>),
) {
    let service = hyper::service::service_fn(move |mut request: Request<_>| {
        request.extensions_mut().insert(Peer(peer));
        tower::ServiceExt::oneshot(app.clone(), request)
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.idle)
        .max_header_size(limits.max_header_bytes)
        .max_headers(64);
    // Errors here are the client's (it went away, timed out, sent garbage); the connection
    // is closed either way.
    let stream = WriteDeadline::new(stream, WRITE_STALL);
    let _ = builder
        .serve_connection(TokioIo::new(stream), service)
        .await;
}

/// A client that stops reading (a phone that left the room's wifi mid-answer) would keep its
/// connection until TCP gives up, a quarter of an hour later; this is how long a write may
/// wait instead.
const WRITE_STALL: Duration = Duration::from_secs(20);

/// A stream whose writes fail with `TimedOut` once one has waited longer than a limit.
struct WriteDeadline<T> {
    inner: T,
    limit: Duration,
    waiting: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl<T> WriteDeadline<T> {
    fn new(inner: T, limit: Duration) -> WriteDeadline<T> {
        WriteDeadline {
            inner,
            limit,
            waiting: None,
        }
    }

    /// Pass a ready result on (and stop the clock); on Pending, start or check the clock.
    fn watch<R>(&mut self, cx: &mut Context<'_>, poll: Poll<io::Result<R>>) -> Poll<io::Result<R>> {
        match poll {
            Poll::Ready(result) => {
                self.waiting = None;
                Poll::Ready(result)
            }
            Poll::Pending => {
                let limit = self.limit;
                let sleep = self
                    .waiting
                    .get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
                match sleep.as_mut().poll(cx) {
                    Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "de client leest niet meer",
                    ))),
                    Poll::Pending => Poll::Pending,
                }
            }
        }
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for WriteDeadline<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for WriteDeadline<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let poll = Pin::new(&mut self.inner).poll_write(cx, buf);
        self.watch(cx, poll)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let poll = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        self.watch(cx, poll)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let poll = Pin::new(&mut self.inner).poll_flush(cx);
        self.watch(cx, poll)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// The host names a server answers to. A browser sends the name from the address bar; a page
/// of a DNS-rebinding attack sends its own name, and is refused.
#[derive(Clone, Debug)]
pub struct Hosts {
    names: Vec<String>,
    port: u16,
    /// The address shown to the user, for the refusal message.
    shown: String,
}

impl Hosts {
    /// The loopback names with the given port.
    pub fn loopback(port: u16) -> Hosts {
        Hosts {
            names: vec!["127.0.0.1".into(), "localhost".into(), "[::1]".into()],
            port,
            shown: format!("http://127.0.0.1:{port}/"),
        }
    }

    /// Loopback names and one more address (the workshop's address on the local network).
    pub fn loopback_and(address: IpAddr, port: u16) -> Hosts {
        let mut hosts = Hosts::loopback(port);
        let name = host_name(address);
        hosts.shown = format!("http://{name}:{port}/");
        if !hosts.names.contains(&name) {
            hosts.names.push(name);
        }
        hosts
    }

    pub fn allows(&self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        let (name, port) = split_host(&host);
        // A browser names the port whenever it is not 80; a bare name is harmless here,
        // since a rebinding page's Host is its own name, never one of ours.
        let port_ok = port.is_none_or(|p| p.parse::<u16>().ok() == Some(self.port));
        port_ok && self.names.iter().any(|n| n == name)
    }
}

/// An address as it appears in a URL's host part.
pub fn host_name(address: IpAddr) -> String {
    match address {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
    }
}

fn split_host(host: &str) -> (&str, Option<&str>) {
    if host.starts_with('[') {
        match host.find(']') {
            Some(end) => {
                let (name, rest) = host.split_at(end + 1);
                (name, rest.strip_prefix(':'))
            }
            None => (host, None),
        }
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        }
    }
}

/// Middleware for every request: refuse a foreign Host, and put the security headers on
/// every answer.
pub async fn guard(State(hosts): State<Arc<Hosts>>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    let mut response = match host {
        None => text(
            StatusCode::BAD_REQUEST,
            "Het verzoek noemt geen server (de kop Host ontbreekt).",
        ),
        Some(host) if !hosts.allows(host) => text(
            StatusCode::MISDIRECTED_REQUEST,
            &format!(
                "Deze server antwoordt alleen op het adres dat leerrecht in de terminal toont: \
                 open {} in de browser.",
                hosts.shown
            ),
        ),
        Some(_) => next.run(request).await,
    };
    security_headers(response.headers_mut());
    response
}

fn security_headers(headers: &mut HeaderMap) {
    // The policy the pages carry in their `<meta>`, sent as a header too, so that answers that
    // are not pages (the error page, JSON, SVG) are covered as well.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
}

/// A plain Dutch text answer.
pub fn text(status: StatusCode, body: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("{body}\n"),
    )
        .into_response()
}

/// 405 with the methods that do work here.
pub fn method_not_allowed(allow: &'static str) -> Response {
    let mut response = text(
        StatusCode::METHOD_NOT_ALLOWED,
        &format!("Deze methode kan hier niet; wel: {allow}."),
    );
    response
        .headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static(allow));
    response
}

/// A body with a content type.
pub fn typed(status: StatusCode, content_type: &'static str, body: impl Into<Body>) -> Response {
    (status, [(header::CONTENT_TYPE, content_type)], body.into()).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_names_and_port_of_this_server_pass() {
        let hosts = Hosts::loopback(1111);
        for ok in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST:1111",
            "[::1]:1111",
            "127.0.0.1",
            "[::1]",
        ] {
            assert!(hosts.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example:1111",
            "127.0.0.1:1112",
            "localhost.evil.example:1111",
            "127.0.0.1:1111:1111",
            "",
        ] {
            assert!(!hosts.allows(bad), "{bad}");
        }
        let lan = Hosts::loopback_and("192.168.1.20".parse().unwrap(), 8080);
        assert!(lan.allows("192.168.1.20:8080"));
        assert!(lan.allows("127.0.0.1:8080"));
        assert!(!lan.allows("192.168.1.21:8080"));
    }
}
