//! Subcommands of the `sverka` binary, one file each.

pub mod align;
pub mod apply;
pub mod args;
pub mod batch;
pub mod check;
pub mod input;
pub mod messages;
pub mod output;
pub mod review;
pub mod split;
pub mod verdict;
pub mod write;

/// Prints an error as one line on stderr: `sverka: error: <cause>: <cause>...`.
pub fn report_error(error: &anyhow::Error) {
    eprintln!("{}", messages::error(messages::one_line(error)));
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
