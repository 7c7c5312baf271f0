//! `leerrecht workshop`: the handbook, read-only, on the room's network for one session, and
//! the answers of the participants' phones collected on the trainer's laptop, on disk after
//! every submission. No cloud, no accounts: the laptop is the server.

mod api;
pub mod instruments;
pub mod net;
mod rate;
pub mod session;
pub mod submission;

use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tokio::net::TcpListener;

use super::http::{self, host_name, Hosts, Limits};
use session::{Start, Store};

pub struct WorkshopOptions {
    /// The handbook to build (ignored with `out`).
    pub root: PathBuf,
    /// An existing build to serve as it is.
    pub out: Option<PathBuf>,
    /// The address phones use; found by itself when None.
    pub host: Option<IpAddr>,
    /// 0 picks a free port.
    pub port: u16,
    /// Where sessions are kept; the user's data folder when None.
    pub data: Option<PathBuf>,
    /// The instrument of the QR code in the terminal; the list of instruments when None.
    pub instrument: Option<String>,
    /// Start a new session even when the data folder holds an open one.
    pub fresh: bool,
}

/// Submissions per second per device, and the burst allowed.
const RATE: (f64, f64) = (10.0, 20.0);

pub fn workshop(options: WorkshopOptions) -> io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(run(options))
}

async fn run(options: WorkshopOptions) -> io::Result<()> {
    let data = match &options.data {
        Some(dir) => dir.clone(),
        None => default_data_dir()?,
    };
    let out = match &options.out {
        Some(out) => existing_build(out)?,
        None => build(&options.root, &data.join("handboek"))?,
    };
    let instruments = instruments::load(&out)?;
    if let Some(id) = &options.instrument {
        if !instruments.contains_key(id) {
            let known: Vec<&str> = instruments.keys().map(String::as_str).collect();
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "--instrument {id}: dat instrument staat niet in deze build; kies uit: {}",
                    known.join(", ")
                ),
            ));
        }
    }
    let (store, start) = Store::open(&data.join("sessies"), options.fresh, &instruments)?;
    let public = match options.host {
        Some(ip) if ip.is_unspecified() => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "--host: geef het adres van deze laptop in het netwerk (bijvoorbeeld 192.168.1.20), niet 0.0.0.0",
            ))
        }
        Some(ip) => Some(ip),
        None => net::lan_address(),
    };
    let (listeners, port) = bind(public, options.port).await?;
    let shown = public.filter(|ip| !ip.is_loopback());
    let public_base = format!(
        "http://{}:{port}",
        host_name(shown.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST)))
    );
    let trainer_base = format!("http://127.0.0.1:{port}");
    let mut origins: Vec<String> = ["127.0.0.1", "localhost", "[::1]"]
        .iter()
        .map(|n| format!("http://{n}:{port}"))
        .collect();
    origins.push(public_base.clone());
    let seq = store.seq();
    let workshop = Arc::new(api::Workshop {
        out,
        instruments,
        store: Mutex::new(store),
        changes: tokio::sync::watch::Sender::new(seq),
        limit: rate::RateLimit::new(RATE.0, RATE.1),
        public_base,
        trainer_base,
        origins,
    });
    let hosts = match shown {
        Some(ip) => Hosts::loopback_and(ip, port),
        None => Hosts::loopback(port),
    };
    print_banner(
        &workshop,
        start,
        shown.is_some(),
        options.instrument.as_deref(),
    );
    http::run(listeners, api::router(workshop, hosts), Limits::ROOM).await;
    Ok(())
}

/// Listen on loopback (the trainer) and on the network address (the phones), on one port.
async fn bind(public: Option<IpAddr>, port: u16) -> io::Result<(Vec<TcpListener>, u16)> {
    let refused = |address: String, e: io::Error| {
        io::Error::new(
            e.kind(),
            format!("kan niet luisteren op {address}: {e}; kies een andere poort met --port of een ander adres met --host"),
        )
    };
    let loopback = TcpListener::bind((Ipv4Addr::LOCALHOST, port))
        .await
        .map_err(|e| refused(format!("127.0.0.1:{port}"), e))?;
    let port = loopback.local_addr()?.port();
    let mut listeners = vec![loopback];
    if let Some(ip) = public.filter(|ip| !ip.is_loopback()) {
        let address = SocketAddr::new(ip, port);
        let lan = TcpListener::bind(address)
            .await
            .map_err(|e| refused(address.to_string(), e))?;
        listeners.push(lan);
    }
    Ok((listeners, port))
}

fn print_banner(w: &api::Workshop, start: Start, network: bool, instrument: Option<&str>) {
    let (code, data_file, closed) = {
        let store = w.store.lock().unwrap_or_else(|e| e.into_inner());
        (store.code().clone(), store.data_file(), !store.is_open())
    };
    match start {
        Start::New => println!("Nieuwe workshopsessie {}.", code.grouped()),
        Start::Resumed {
            submissions,
            skipped,
        } => {
            println!(
                "Workshopsessie {} gaat verder met {submissions} inzending(en){}. Een nieuwe sessie begin je met --nieuwe-sessie.",
                code.grouped(),
                if closed { "; ze is gesloten" } else { "" }
            );
            if skipped > 0 {
                println!(
                    "Let op: {skipped} regel(s) in {} waren niet te lezen of horen niet bij deze build; ze tellen niet mee.",
                    data_file.display()
                );
            }
        }
    }
    if !network {
        println!(
            "Let op: geen netwerk gevonden. Telefoons kunnen nu niet meedoen. Zet wifi of de hotspot van je telefoon aan en start opnieuw, of geef het adres met --host."
        );
    }
    let url = w.participant_url(instrument);
    println!("\nDeelnemers openen (of scannen):\n  {url}\n");
    match net::terminal_qr(&url) {
        Some(qr) => println!("{qr}"),
        None => println!("(De QR-code past niet; geef de deelnemers het adres.)"),
    }
    println!(
        "Trainer, op deze laptop: {}/workshop.html?sessie={}",
        w.trainer_base,
        code.as_str()
    );
    println!(
        "Inzendingen worden na elke inzending bewaard in {}",
        data_file.display()
    );
    println!("Stop met Ctrl+C; start je opnieuw met dezelfde --data, dan gaat deze sessie verder.");
}

/// `$XDG_DATA_HOME/leerrecht/workshops`, else `~/.local/share/leerrecht/workshops`.
fn default_data_dir() -> io::Result<PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")));
    base.map(|b| b.join("leerrecht").join("workshops"))
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::NotFound,
                "er is geen map voor gegevens (HOME ontbreekt); kies er een met --data MAP",
            )
        })
}

fn existing_build(out: &Path) -> io::Result<PathBuf> {
    if out.join("index.html").is_file() && out.join("instrumenten").is_dir() {
        Ok(out.to_path_buf())
    } else {
        Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!(
                "{} is geen build van een handboek (index.html of instrumenten/ ontbreekt); bouw eerst met leerrecht build --out {}",
                out.display(),
                out.display()
            ),
        ))
    }
}

/// Build the handbook into the data folder, without the live-reload script.
fn build(root: &Path, out: &Path) -> io::Result<PathBuf> {
    match crate::build(root, out, crate::RenderOptions::default()) {
        Ok(report) => {
            println!("{}", report.summary("Gebouwd", Some(out)));
            Ok(out.to_path_buf())
        }
        Err(diagnostics) => {
            eprint!("{}", diagnostics.render());
            Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "het handboek bouwt niet; verbeter de fouten hierboven, of geef met --out een eerdere build",
            ))
        }
    }
}
