//! The `leerrecht` command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgAction, Parser, Subcommand};

use leerrecht::serve::workshop::{workshop, WorkshopOptions};
use leerrecht::serve::{serve, ServeOptions};
use leerrecht::RenderOptions;

mod dutch_cli;

/// Bouwt het handboek tegen thuiszitten uit Markdown en TOML tot een statische site die
/// werkt op elke webserver, in een submap en direct vanaf schijf of USB-stick.
#[derive(Parser)]
#[command(
    name = "leerrecht",
    version,
    about,
    long_about = None,
    disable_help_subcommand = true,
    disable_help_flag = true,
    disable_version_flag = true
)]
struct Cli {
    /// Map van het handboek (met site.toml, content/, templates/, static/) [standaard: de huidige map].
    #[arg(
        long,
        global = true,
        default_value = ".",
        hide_default_value = true,
        value_name = "MAP"
    )]
    root: PathBuf,
    /// Toon deze hulp.
    #[arg(short = 'h', long = "help", global = true, action = ArgAction::Help)]
    help: Option<bool>,
    /// Toon het versienummer.
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Bouw de site in de uitvoermap. Bij een fout blijft de vorige uitvoer staan.
    Build {
        /// Uitvoermap; wordt bij elke build in één keer vervangen [standaard: public in de map van het handboek].
        #[arg(long, value_name = "MAP")]
        out: Option<PathBuf>,
        /// Vervang de uitvoermap ook als leerrecht die niet heeft gemaakt.
        #[arg(long)]
        force: bool,
    },
    /// Bouw, toon de site op http://127.0.0.1:POORT en bouw opnieuw bij elke wijziging.
    Serve {
        /// Poort op 127.0.0.1.
        #[arg(long, default_value_t = 1111, value_name = "POORT")]
        port: u16,
        /// Uitvoermap [standaard: public in de map van het handboek].
        #[arg(long, value_name = "MAP")]
        out: Option<PathBuf>,
        /// Vervang de uitvoermap ook als leerrecht die niet heeft gemaakt.
        #[arg(long)]
        force: bool,
    },
    /// Toon het handboek aan een zaal: telefoons in het netwerk openen het en sturen hun
    /// antwoorden naar deze laptop. Alleen lezen; inzendingen blijven op deze laptop.
    Workshop {
        /// Toon een bestaande build in plaats van het handboek te bouwen.
        #[arg(long, value_name = "MAP")]
        out: Option<PathBuf>,
        /// Adres van deze laptop in het netwerk [standaard: zelf gevonden].
        #[arg(long, value_name = "ADRES")]
        host: Option<std::net::IpAddr>,
        /// Poort; 0 kiest een vrije.
        #[arg(long, default_value_t = 1112, value_name = "POORT")]
        port: u16,
        /// Map voor de sessie en de inzendingen [standaard: ~/.local/share/leerrecht/workshops].
        #[arg(long, value_name = "MAP")]
        data: Option<PathBuf>,
        /// Instrument voor de QR-code, bijvoorbeeld tien-punten [standaard: de lijst van instrumenten].
        #[arg(long, value_name = "ID")]
        instrument: Option<String>,
        /// Begin een nieuwe sessie, ook als er nog een open sessie in de map staat.
        #[arg(long)]
        nieuwe_sessie: bool,
    },
    /// Controleer alle invoer en links zonder iets te schrijven.
    Check,
    /// Maak een nieuw handboek in MAP, uit het ingebouwde voorbeeld.
    New {
        /// Nieuwe (of lege) map.
        #[arg(value_name = "MAP")]
        dir: PathBuf,
    },
}

/// `--force`: the editor says an output folder leerrecht did not make may be replaced.
fn guard_of(force: bool) -> leerrecht::OutputGuard {
    if force {
        leerrecht::OutputGuard::Force
    } else {
        leerrecht::OutputGuard::Marked
    }
}

fn main() -> ExitCode {
    let cli: Cli = dutch_cli::parse();
    // Without --out the output goes into the site folder; a given --out is taken like any
    // path on a command line, from the current folder.
    let out_of = |out: &Option<PathBuf>| {
        out.clone().unwrap_or_else(|| {
            if cli.root == std::path::Path::new(".") {
                PathBuf::from("public")
            } else {
                cli.root.join("public")
            }
        })
    };
    match &cli.command {
        Command::Build { out, force } => {
            let out = out_of(out);
            match leerrecht::build_into(&cli.root, &out, RenderOptions::default(), guard_of(*force))
            {
                Ok(report) => {
                    println!("{}", report.summary("Gebouwd", Some(&out)));
                    ExitCode::SUCCESS
                }
                Err(diagnostics) => {
                    eprint!("{}", diagnostics.render());
                    eprintln!(
                        "De build is gestopt; de vorige uitvoer in {} is niet aangeraakt.",
                        out.display()
                    );
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check => match leerrecht::check(&cli.root, RenderOptions::default()) {
            Ok((rendered, elapsed)) => {
                println!(
                    "Geen fouten: {} pagina's en {} secties gecontroleerd in {} ms; er is niets geschreven",
                    rendered.stats.pages,
                    rendered.stats.sections,
                    elapsed.as_millis()
                );
                ExitCode::SUCCESS
            }
            Err(diagnostics) => {
                eprint!("{}", diagnostics.render());
                ExitCode::FAILURE
            }
        },
        Command::Serve { port, out, force } => {
            let options = ServeOptions {
                root: cli.root.clone(),
                out: out_of(out),
                port: *port,
                guard: guard_of(*force),
            };
            match serve(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("fout: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Workshop {
            out,
            host,
            port,
            data,
            instrument,
            nieuwe_sessie,
        } => {
            let options = WorkshopOptions {
                root: cli.root.clone(),
                out: out.clone(),
                host: *host,
                port: *port,
                data: data.clone(),
                instrument: instrument.clone(),
                fresh: *nieuwe_sessie,
            };
            match workshop(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("fout: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::New { dir } => {
            match leerrecht::scaffold::new_site(dir) {
                Ok(n) => {
                    println!("Nieuw handboek in {} ({n} bestanden). Start het met: cd {} && leerrecht serve", dir.display(), dir.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("fout: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
