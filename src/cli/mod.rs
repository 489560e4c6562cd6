//! Subcommands of the `sverka` binary, one file each.

pub mod align;
pub mod input;
pub mod output;
pub mod split;

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
