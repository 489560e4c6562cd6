"""Shared fixtures: the sample statement pair from corpora/."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "corpora" / "lavrov-2021-03-23"


@pytest.fixture(scope="session")
def sample():
    """The sample pair as (English text, Russian text)."""
    return (SAMPLE / "en.txt").read_text("utf-8"), (SAMPLE / "ru.txt").read_text("utf-8")


@pytest.fixture(scope="session")
def sample_sents():
    """The sample pair one sentence per line, and its gold beads."""
    gold = []
    for line in (SAMPLE / "gold.beads").read_text("utf-8").splitlines():
        en, ru = line.split(":")
        gold.append(([int(i) for i in en.strip("[]").split(",") if i],
                     [int(i) for i in ru.strip("[]").split(",") if i]))
    return ((SAMPLE / "en.sents").read_text("utf-8"), (SAMPLE / "ru.sents").read_text("utf-8"), gold)
