"""sverka: sentence alignment of English and Russian texts.

>>> import sverka
>>> beads = sverka.align("It rained. We stayed at home.", "Шёл дождь. Мы остались дома.")
>>> [(b["type"], b["en_text"], b["ru_text"]) for b in beads]
[('1-1', 'It rained.', 'Шёл дождь.'), ('1-1', 'We stayed at home.', 'Мы остались дома.')]

* :func:`align` splits two texts into sentences and pairs them into *beads*:
  groups of sentences that translate each other (1-1, 2-1, 1-2, ...) or have
  no counterpart (1-0, 0-1). Every sentence of both texts is in exactly one bead.
* :func:`split` cuts one text into sentences.
* :func:`check` says whether each text is a complete translation of the other.
* :class:`Aligner` keeps options (and dictionaries) for many pairs.
* :mod:`sverka.spark` aligns a Spark DataFrame of pairs.

The work runs in Rust with the GIL released, so threads align in parallel.
Bad input raises :class:`sverka.Error` (a ``ValueError``) with sverka's message;
two texts that do not look like translations of each other raise
:class:`sverka.NotAPair` (an ``Error``), as ``sverka align`` refuses them,
unless ``force_pair=True``.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Dict, List, Sequence, Union

from ._sverka import Aligner, Error, NotAPair, __version__, split

if sys.version_info >= (3, 8):
    from typing import TypedDict
else:  # pragma: no cover
    TypedDict = dict

__all__ = ["Aligner", "Bead", "Error", "NotAPair", "Sentence", "align", "check", "split", "__version__"]


class Sentence(TypedDict):
    """One sentence of an input text.

    The fields are those of a sentence in sverka's JSON Lines output
    (``sverka batch --jsonl``, ``docs/batch.md``), with three differences:

    * ``start`` and ``end`` count **characters** of the ``str`` you passed (so
      ``input[start:end]`` slices the sentence out), where the JSON Lines
      count **bytes** of the input file;
    * ``text`` is the sentence exactly as in the input, line breaks included,
      where the JSON Lines ``text`` makes a run of white space holding a line
      break one space (as ``Bead.en_text`` does);
    * the position is named ``index``; ``id``, the JSON Lines name, is there
      too, holding the same number.
    """

    index: int
    """0-based position of the sentence on its side."""
    id: int
    """The same as ``index``: the JSON Lines schema's name for it."""
    text: str
    """The sentence as written in the input (no surrounding whitespace)."""
    start: int
    """Character offset of its first character: ``input[start:end] == text``."""
    end: int
    """Character offset one past its last character."""
    paragraph: int
    """0-based paragraph (blank-line separated block) it belongs to."""
    line: int
    """1-based line of its first character."""


class Bead(TypedDict):
    """One aligned group of English and Russian sentences.

    Like a bead of sverka's JSON Lines output, except that ``type`` is the
    JSON Lines ``bead`` (both keys are there, with the same value), ``score``
    is not rounded (the JSON Lines round it to three decimals), and
    ``en_text``/``ru_text`` are extra; sentences differ as :class:`Sentence` says.
    """

    type: str
    """``"n-m"``: English and Russian sentence counts, e.g. ``"1-1"``, ``"2-1"``, ``"0-1"``."""
    bead: str
    """The same as ``type``: the JSON Lines schema's name for it."""
    score: float
    """Confidence that the bead is right, 0 to 1 (its posterior probability)."""
    en: List[Sentence]
    """The English sentences of the bead (empty for 0-1)."""
    ru: List[Sentence]
    """The Russian sentences of the bead (empty for 1-0)."""
    en_text: str
    """The English sentences joined by one space (runs of whitespace made one space)."""
    ru_text: str
    """The Russian sentences joined the same way."""


PathLike = Union[str, "os.PathLike[str]"]


def _aligner(
    presplit: bool,
    lang_check: bool,
    force_pair: bool,
    dictionaries: Sequence[PathLike],
    self_train: bool,
    weights: Dict[str, float],
) -> Aligner:
    """The :class:`Aligner` of one call of :func:`align` or :func:`check`."""
    return Aligner(
        presplit=presplit,
        lang_check=lang_check,
        force_pair=force_pair,
        dictionaries=[os.fspath(d) for d in dictionaries],
        self_train=self_train,
        **weights,
    )


def align(
    en: str,
    ru: str,
    *,
    presplit: bool = False,
    lang_check: bool = True,
    force_pair: bool = False,
    dictionaries: Sequence[PathLike] = (),
    self_train: bool = False,
    **weights: float,
) -> List[Bead]:
    """Splits ``en`` and ``ru`` into sentences and aligns them.

    Args:
        en: the English text.
        ru: the Russian text.
        presplit: the texts hold one sentence per line (a blank line between
            paragraphs), as hunalign takes them; no splitting.
        lang_check: raise :class:`Error` when the English text is not in Latin
            or the Russian not in Cyrillic letters (raw text only, as the CLI).
        force_pair: align the texts even when they do not look like
            translations of each other (else :class:`NotAPair` is raised, as
            ``sverka align`` exits 3 without ``--force-pair``). Texts too short
            to judge (fewer than 8 checkable words on the shorter side) are
            aligned either way.
        dictionaries: bilingual dictionaries added to the built-in lexicon
            (hunalign's ``ru @ en`` lines, or ``en<TAB>ru``), as ``--dict``.
        self_train: align twice, learning word pairs from the first pass.
        **weights: aligner settings by name, as the CLI's ``--set``
            (``omission_cost``, ``match_reward``, ``mismatch_cost``,
            ``no_anchor_cost``, ``paragraph_cost``, ``temperature``, ``ratio``,
            ``variance``, ``outlier_share``).

    Returns:
        The beads in document order.

    Raises:
        NotAPair: the texts do not look like translations of each other
            (the message gives the share of checkable words that matched).
        Error: an empty text, a text in the wrong script, an unreadable dictionary.
        TypeError: an unknown setting.
    """
    aligner = _aligner(presplit, lang_check, force_pair, dictionaries, self_train, weights)
    return aligner.align(en, ru)


def check(
    en: str,
    ru: str,
    *,
    low_score: float = 0.5,
    presplit: bool = False,
    lang_check: bool = True,
    force_pair: bool = False,
    dictionaries: Sequence[PathLike] = (),
    self_train: bool = False,
    **weights: float,
) -> Dict[str, Any]:
    """Aligns the texts and checks each is a complete translation of the other.

    Returns the coverage report as ``sverka check --json`` prints it: ``en``
    and ``ru`` (sentences, translated sentences and characters, percentages),
    ``beads``, ``links``, ``untranslated`` (sentences with no counterpart),
    ``low_confidence`` (links scoring below ``low_score``) and
    ``number_mismatches`` (links whose numbers disagree).

    Other arguments as :func:`align`.
    """
    aligner = _aligner(presplit, lang_check, force_pair, dictionaries, self_train, weights)
    return aligner.check(en, ru, low_score=low_score)
