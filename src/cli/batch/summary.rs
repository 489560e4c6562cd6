//! Counts per pair and for the whole run, and the summary printed at the end.

use std::process::ExitCode;
use std::time::Duration;

use sverka::Alignment;

/// Counts for one aligned pair.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PairStats {
    pub en_sentences: usize,
    pub ru_sentences: usize,
    pub beads: usize,
    pub links: usize,
    /// English sentences in links (beads with both sides non-empty).
    pub en_linked: usize,
    /// Russian sentences in links.
    pub ru_linked: usize,
}

impl PairStats {
    pub fn of(alignment: &Alignment) -> PairStats {
        let linked = alignment.linked_sentences();
        PairStats {
            en_sentences: alignment.en.len(),
            ru_sentences: alignment.ru.len(),
            beads: alignment.beads.len(),
            links: alignment.links().count(),
            en_linked: linked.en,
            ru_linked: linked.ru,
        }
    }
}

/// Totals of a run, printed at the end.
#[derive(Debug, Default)]
pub struct Summary {
    pub pairs: usize,
    pub aligned: usize,
    pub failed: usize,
    /// Pairs whose output was already there (`--skip-existing`).
    pub skipped: usize,
    /// Pairs left when the run was interrupted.
    pub not_started: usize,
    pub totals: PairStats,
}

impl Summary {
    pub fn add(&mut self, stats: &PairStats) {
        self.aligned += 1;
        let t = &mut self.totals;
        t.en_sentences += stats.en_sentences;
        t.ru_sentences += stats.ru_sentences;
        t.beads += stats.beads;
        t.links += stats.links;
        t.en_linked += stats.en_linked;
        t.ru_linked += stats.ru_linked;
    }

    pub fn exit_code(&self) -> ExitCode {
        if self.failed == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }

    pub fn print(&self, elapsed: Duration, threads: usize) {
        let t = &self.totals;
        let failures = match self.failed {
            0 => "none".to_string(),
            n => format!("{n} (listed above)"),
        };
        let skipped = match self.skipped {
            0 => String::new(),
            n => format!(", {n} skipped: already written"),
        };
        let skipped = match self.not_started {
            0 => skipped,
            n => format!("{skipped}, {n} not started: interrupted"),
        };
        eprintln!(
            "sverka batch summary\n  pairs      {} ({} aligned, {} failed{skipped})\n  sentences  {} English, {} Russian\n  beads      {} ({} links, {} one-sided)\n  coverage   {} of English, {} of Russian sentences in links\n  failures   {failures}\n  time       {:.2} s on {threads} threads",
            self.pairs,
            self.aligned,
            self.failed,
            t.en_sentences,
            t.ru_sentences,
            t.beads,
            t.links,
            t.beads - t.links,
            percent(t.en_linked, t.en_sentences),
            percent(t.ru_linked, t.ru_sentences),
            elapsed.as_secs_f64(),
        );
    }
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "n/a".into()
    } else {
        format!("{:.1}%", 100.0 * part as f64 / whole as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sverka::Bead;

    #[test]
    fn coverage_counts_sentences_in_links_only() {
        let alignment = Alignment {
            en: Vec::new(),
            ru: Vec::new(),
            beads: vec![
                Bead {
                    en: 0..2,
                    ru: 0..1,
                    score: 1.0,
                },
                Bead {
                    en: 2..3,
                    ru: 1..1,
                    score: 1.0,
                },
            ],
        };
        let stats = PairStats::of(&alignment);
        assert_eq!((stats.links, stats.en_linked, stats.ru_linked), (1, 2, 1));
    }
}
