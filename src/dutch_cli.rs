//! The command line in Dutch: clap's own headings ("Usage", "Commands", "Options", "[default: …]")
//! and its error messages are English, while every other message of leerrecht is Dutch.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};

/// The help in Dutch: clap's own headings ("Usage", "Commands", "Options") are English.
const HELP: &str = "{about-with-newline}\nGebruik: {usage}\n\n{all-args}{after-help}";

/// Under the Dutch heading, with clap's "[default: …]" said in Dutch.
fn dutch_arg(arg: clap::Arg) -> clap::Arg {
    let arg = arg.help_heading("Opties");
    let default: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if default.is_empty() || arg.is_hide_default_value_set() {
        return arg;
    }
    let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
    let help = format!(
        "{} [standaard: {}]",
        help.trim_end_matches('.'),
        default.join(", ")
    );
    arg.hide_default_value(true)
        .help(help.trim_start().to_string())
}

pub fn parse<T: CommandFactory + FromArgMatches>() -> T {
    let command = T::command()
        .help_template(HELP)
        .subcommand_help_heading("Opdrachten")
        .override_usage("leerrecht [OPTIES] <OPDRACHT>")
        .mut_args(dutch_arg)
        .mut_subcommands(|sub| {
            let positionals: String = sub
                .get_positionals()
                .map(|a| {
                    let name = a.get_value_names().and_then(|v| v.first());
                    let name = name.map_or_else(|| a.get_id().to_string(), |n| n.to_string());
                    format!(" <{name}>")
                })
                .collect();
            let usage = format!("leerrecht {} [OPTIES]{positionals}", sub.get_name());
            sub.help_template(HELP)
                .override_usage(usage)
                .mut_args(dutch_arg)
        });
    let parsed = command
        .clone()
        .try_get_matches()
        .and_then(|matches| T::from_arg_matches(&matches));
    parsed.unwrap_or_else(|e| exit_with(&e, &command))
}

/// Help and version go out as clap prints them (through our Dutch templates); a wrong command
/// line gets a Dutch message on stderr and exit code 2, as clap's own errors have.
fn exit_with(e: &clap::Error, command: &clap::Command) -> ! {
    match e.kind() {
        // clap leaves the last line of a help text without its newline.
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            println!("{}", e.render().to_string().trim_end());
            std::process::exit(0)
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprintln!("{}", e.render().to_string().trim_end());
            std::process::exit(2)
        }
        _ => {
            eprint!("{}", dutch_error(e, verb_of(command)));
            std::process::exit(2)
        }
    }
}

/// The verb on the command line (`build`, `serve`, …), for the line that points to its help.
fn verb_of(command: &clap::Command) -> Option<String> {
    std::env::args()
        .skip(1)
        .find(|arg| command.find_subcommand(arg).is_some())
}

/// A piece of clap's error context as plain text.
fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// What went wrong, in one Dutch line.
fn what(e: &clap::Error) -> String {
    let get = |kind| context(e, kind).unwrap_or_default();
    match e.kind() {
        ErrorKind::InvalidSubcommand => {
            format!(
                "onbekende opdracht '{}'",
                get(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::UnknownArgument => format!("onbekende optie '{}'", get(ContextKind::InvalidArg)),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => format!(
            "ongeldige waarde '{}' bij {}{}",
            get(ContextKind::InvalidValue),
            get(ContextKind::InvalidArg),
            expected(e)
        ),
        ErrorKind::MissingRequiredArgument => format!("{} ontbreekt", get(ContextKind::InvalidArg)),
        ErrorKind::MissingSubcommand => "geen opdracht gegeven".to_string(),
        ErrorKind::ArgumentConflict => format!(
            "{} gaat niet samen met {}",
            get(ContextKind::InvalidArg),
            get(ContextKind::PriorArg)
        ),
        ErrorKind::NoEquals => format!("{} vraagt een waarde na '='", get(ContextKind::InvalidArg)),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!(
                "verkeerd aantal waarden bij {}",
                get(ContextKind::InvalidArg)
            )
        }
        _ => "deze opdrachtregel klopt niet".to_string(),
    }
}

/// What a value should have looked like, for the value types our options use.
fn expected(e: &clap::Error) -> &'static str {
    let Some(source) = std::error::Error::source(e) else {
        return "";
    };
    if source.is::<std::num::ParseIntError>() {
        " (verwacht een heel getal, bijvoorbeeld 1111)"
    } else if source.is::<std::net::AddrParseError>() {
        " (verwacht een IP-adres, bijvoorbeeld 192.168.1.20)"
    } else {
        ""
    }
}

/// The whole message: what went wrong, clap's suggestion, the usage line and where to find help.
fn dutch_error(e: &clap::Error, verb: Option<String>) -> String {
    let mut out = format!("fout: {}\n", what(e));
    for kind in [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg] {
        if let Some(suggestion) = context(e, kind) {
            out.push_str(&format!("  bedoel je '{suggestion}'?\n"));
        }
    }
    if let Some(valid) = context(e, ContextKind::ValidSubcommand) {
        out.push_str(&format!("  opdrachten: {valid}\n"));
    }
    if let Some(valid) = context(e, ContextKind::ValidValue) {
        out.push_str(&format!("  mogelijke waarden: {valid}\n"));
    }
    // clap renders its usage with an English heading; ours is "Gebruik".
    let usage = context(e, ContextKind::Usage).unwrap_or_default();
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    if !usage.is_empty() {
        out.push_str(&format!("\nGebruik: {usage}\n"));
    }
    let help = verb.map_or("leerrecht --help".to_string(), |v| {
        format!("leerrecht {v} --help")
    });
    out.push_str(&format!("Meer hulp: {help}\n"));
    out
}
