//! Subcommands of the `sverka` binary, one file each.

pub mod align;
pub mod input;
pub mod output;
pub mod split;

/// Prints an error as one line on stderr: `sverka: <cause>: <cause>...`.
pub fn report_error(error: &anyhow::Error) {
    let message: Vec<String> = error.chain().map(|e| e.to_string()).collect();
    eprintln!("sverka: error: {}", message.join(": "));
}
