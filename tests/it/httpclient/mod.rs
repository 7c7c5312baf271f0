//! A small blocking HTTP/1.1 client over plain sockets for the server tests: keep-alive,
//! exact control over every byte sent, and a read timeout so that a stalled response is a
//! test failure instead of a hang. Plus a helper that starts the real binary.

#![allow(dead_code)]

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Longest wait for any byte of a response before it counts as stalled.
pub const STALL: Duration = Duration::from_secs(10);

pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One keep-alive connection.
pub struct Conn {
    pub addr: SocketAddr,
    reader: BufReader<TcpStream>,
    writer: TcpStream,
    /// Requests answered on this connection; a reused connection may have been closed by the
    /// server's idle timeout, which a browser answers by retrying on a new one.
    served: usize,
}

impl Conn {
    pub fn open(addr: SocketAddr) -> io::Result<Conn> {
        let stream = TcpStream::connect_timeout(&addr, STALL)?;
        stream.set_read_timeout(Some(STALL))?;
        stream.set_write_timeout(Some(STALL))?;
        Ok(Conn {
            addr,
            writer: stream.try_clone()?,
            reader: BufReader::new(stream),
            served: 0,
        })
    }

    /// A connection from a given loopback address (127.x.y.z), so that tests can play many
    /// devices against a per-address limit.
    pub fn open_from(addr: SocketAddr, local: std::net::IpAddr) -> io::Result<Conn> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .build()?;
        let stream = runtime.block_on(async {
            let socket = tokio::net::TcpSocket::new_v4()?;
            socket.bind(SocketAddr::new(local, 0))?;
            socket.connect(addr).await
        })?;
        let stream = runtime.block_on(async { stream.into_std() })?;
        stream.set_nonblocking(false)?;
        stream.set_read_timeout(Some(STALL))?;
        stream.set_write_timeout(Some(STALL))?;
        Ok(Conn {
            addr,
            writer: stream.try_clone()?,
            reader: BufReader::new(stream),
            served: 0,
        })
    }

    /// A POST of JSON with the right Host.
    pub fn post_json(&mut self, path: &str, body: &str) -> io::Result<Reply> {
        let host = self.addr.to_string();
        self.request(
            "POST",
            path,
            Some(&host),
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        )
    }

    /// A GET with the right Host, retried once on a fresh connection when a reused one turns
    /// out to be closed (as browsers do).
    pub fn get(&mut self, path: &str) -> io::Result<Reply> {
        let host = self.addr.to_string();
        self.request_retrying("GET", path, &host, &[], b"")
    }

    pub fn request_retrying(
        &mut self,
        method: &str,
        path: &str,
        host: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> io::Result<Reply> {
        match self.request(method, path, Some(host), headers, body) {
            Err(e) if self.served > 0 && is_closed(&e) => {
                *self = Conn::open(self.addr)?;
                self.request(method, path, Some(host), headers, body)
            }
            other => other,
        }
    }

    pub fn request(
        &mut self,
        method: &str,
        path: &str,
        host: Option<&str>,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> io::Result<Reply> {
        let mut head = format!("{method} {path} HTTP/1.1\r\n");
        if let Some(host) = host {
            head.push_str(&format!("Host: {host}\r\n"));
        }
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if !body.is_empty() || method == "POST" || method == "PUT" {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        // One write: head and body in two small writes wait for each other (Nagle's
        // algorithm against delayed acknowledgement, 40 ms a request).
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(body);
        self.writer.write_all(&bytes)?;
        let reply = self.read_reply(method == "HEAD")?;
        self.served += 1;
        Ok(reply)
    }

    /// Send raw bytes (for malformed requests).
    pub fn send_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.writer.write_all(bytes)
    }

    pub fn read_reply(&mut self, head_only: bool) -> io::Result<Reply> {
        let mut line = String::new();
        if self.reader.read_line(&mut line)? == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "closed"));
        }
        let status = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| io::Error::other(format!("bad status line {line:?}")))?;
        let mut headers = Vec::new();
        loop {
            line.clear();
            self.reader.read_line(&mut line)?;
            let trimmed = line.trim_end();
            if trimmed.is_empty() {
                break;
            }
            if let Some((n, v)) = trimmed.split_once(':') {
                headers.push((n.trim().to_string(), v.trim().to_string()));
            }
        }
        let mut reply = Reply {
            status,
            headers,
            body: Vec::new(),
        };
        if head_only || status == 204 || status == 304 {
            return Ok(reply);
        }
        if let Some(len) = reply.header("content-length") {
            let len: usize = len.parse().map_err(io::Error::other)?;
            let mut body = vec![0; len];
            self.reader.read_exact(&mut body)?;
            reply.body = body;
        } else if reply
            .header("transfer-encoding")
            .is_some_and(|t| t.contains("chunked"))
        {
            reply.body = self.read_chunked()?;
        } else {
            self.reader.read_to_end(&mut reply.body)?;
        }
        Ok(reply)
    }

    fn read_chunked(&mut self) -> io::Result<Vec<u8>> {
        let mut body = Vec::new();
        loop {
            let mut line = String::new();
            self.reader.read_line(&mut line)?;
            let size = usize::from_str_radix(line.trim(), 16).map_err(io::Error::other)?;
            let mut chunk = vec![0; size + 2];
            self.reader.read_exact(&mut chunk)?;
            if size == 0 {
                return Ok(body);
            }
            body.extend_from_slice(&chunk[..size]);
        }
    }

    /// True when the server closed the connection within `within` without sending anything.
    pub fn closed_by_server_within(mut self, within: Duration) -> bool {
        let started = Instant::now();
        let _ = self.writer.set_read_timeout(Some(within));
        let mut buf = [0u8; 512];
        loop {
            match self.reader.read(&mut buf) {
                Ok(0) => return started.elapsed() <= within,
                Ok(_) => continue, // an error answer (408/400) before closing is fine
                Err(e) if e.kind() == io::ErrorKind::ConnectionReset => return true,
                Err(_) => return false,
            }
        }
    }
}

fn is_closed(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::UnexpectedEof
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::BrokenPipe
            | io::ErrorKind::ConnectionAborted
    )
}

/// One GET on a new connection.
pub fn get(addr: SocketAddr, path: &str) -> Reply {
    Conn::open(addr)
        .and_then(|mut c| c.get(path))
        .unwrap_or_else(|e| panic!("GET {path}: {e}"))
}

/// The real binary, running until dropped.
pub struct Running {
    child: Child,
    pub addr: SocketAddr,
    /// Everything it printed before the address line (and that line).
    pub banner: String,
}

impl Running {
    /// Start `leerrecht ARGS` in `dir` and wait until it prints `http://127.0.0.1:PORT`.
    pub fn start(dir: &std::path::Path, args: &[&str]) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_leerrecht"))
            .args(args)
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start leerrecht");
        // The address is printed on stdout (workshop) or stderr (serve); read both.
        let (tx, rx) = std::sync::mpsc::channel::<String>();
        for stream in [
            child
                .stdout
                .take()
                .map(|s| Box::new(s) as Box<dyn Read + Send>),
            child
                .stderr
                .take()
                .map(|s| Box::new(s) as Box<dyn Read + Send>),
        ]
        .into_iter()
        .flatten()
        {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    let _ = tx.send(line);
                }
            });
        }
        let mut banner = String::new();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = match rx.recv_timeout(left) {
                Ok(line) => line,
                Err(_) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    panic!("leerrecht printed no address:\n{banner}");
                }
            };
            banner.push_str(&line);
            banner.push('\n');
            if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let addr = format!("127.0.0.1:{port}").parse().expect("address");
                return Running {
                    child,
                    addr,
                    banner,
                };
            }
        }
    }

    /// Stop the process (SIGKILL: as a crash or a pulled plug would).
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
