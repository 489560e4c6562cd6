"""Type hints of the native module (the functions are re-exported by ``sverka``)."""

from typing import Any, Dict, List, Sequence

from . import Bead, Sentence

__version__: str

class Error(ValueError):
    """Input sverka cannot align; the message is sverka's own explanation."""

class NotAPair(Error):
    """The two texts do not look like translations of each other (``force_pair=True`` aligns them anyway)."""

class Aligner:
    """A reusable aligner: options and dictionaries are read once.

    Safe to share between threads; each call releases the GIL.
    """

    def __init__(
        self,
        *,
        presplit: bool = False,
        lang_check: bool = True,
        force_pair: bool = False,
        dictionaries: Sequence[str] = (),
        self_train: bool = False,
        **weights: float,
    ) -> None: ...
    def align(self, en: str, ru: str) -> List[Bead]:
        """Splits both texts into sentences and aligns them; returns the beads."""
    def check(self, en: str, ru: str, *, low_score: float = 0.5) -> Dict[str, Any]:
        """Aligns both texts and returns the coverage report (see ``sverka.check``)."""

def split(text: str, lang: str, *, presplit: bool = False) -> List[Sentence]:
    """Splits ``text`` into sentences by the rules of ``lang`` ("en" or "ru")."""
