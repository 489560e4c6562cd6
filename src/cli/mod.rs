//! Subcommands of the `sverka` binary, one file each.

pub mod align;
pub mod batch;
pub mod check;
pub mod output;
pub mod split;

/// Prints an error as one line on stderr: `sverka: <cause>: <cause>...`.
pub fn report_error(error: &anyhow::Error) {
    let message: Vec<String> = error.chain().map(|e| e.to_string()).collect();
    eprintln!("sverka: error: {}", message.join(": "));
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
