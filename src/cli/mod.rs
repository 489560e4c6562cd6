//! Subcommands of the `sverka` binary, one file each.

pub mod align;
pub mod batch;
pub mod check;
pub mod input;
pub mod output;
pub mod split;
pub mod verdict;

/// Prints an error as one line on stderr: `sverka: <cause>: <cause>...`.
pub fn report_error(error: &anyhow::Error) {
    let mut message = String::new();
    for cause in error.chain().map(|e| e.to_string()) {
        // Library errors already name their cause; do not say it twice.
        if !message.contains(&cause) {
            if !message.is_empty() {
                message.push_str(": ");
            }
            message.push_str(&cause);
        }
    }
    eprintln!("sverka: error: {message}");
}

/// Parses the command line; a usage error is printed as one line (exit 2),
/// help and version as clap prints them.
pub fn parse_args<T: clap::Parser>() -> T {
    use clap::error::ErrorKind;
    T::try_parse().unwrap_or_else(|error| {
        if matches!(
            error.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        ) {
            error.exit();
        }
        eprintln!(
            "sverka: error: {}; see --help",
            one_line_usage_error(&error.to_string())
        );
        std::process::exit(2);
    })
}

/// clap's message up to its usage block, on one line, without "error: ".
fn one_line_usage_error(rendered: &str) -> String {
    let lines: Vec<&str> = rendered
        .lines()
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let message = lines.join(" ");
    message
        .strip_prefix("error: ")
        .unwrap_or(&message)
        .trim_end_matches(':')
        .to_string()
}

/// Aligner options with the user's dictionaries (`--dict`) added to the
/// built-in lexicon.
pub fn align_options(dicts: &[std::path::PathBuf]) -> anyhow::Result<sverka::AlignOptions> {
    use sverka::anchor::lexicon::Lexicon;
    let mut options = sverka::AlignOptions::default();
    if !dicts.is_empty() {
        let mut lexicon = Lexicon::builtin().clone();
        for path in dicts {
            lexicon.extend(&Lexicon::from_path(path)?);
        }
        options.lexicon = Some(std::sync::Arc::new(lexicon));
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_error_becomes_one_line() {
        let rendered = "error: the following required arguments were not provided:\n  <RU>\n\nUsage: sverka align <EN> <RU>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line_usage_error(rendered),
            "the following required arguments were not provided: <RU>"
        );
    }
}
