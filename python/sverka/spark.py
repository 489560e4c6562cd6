"""Aligning a Spark DataFrame of document pairs with sverka.

    from sverka.spark import align_pairs

    pairs = spark.read.parquet("hdfs:///corpora/pairs")   # columns id, en, ru
    beads = align_pairs(pairs)                             # one row per bead
    beads.write.parquet("hdfs:///corpora/aligned")

Each partition is aligned by :func:`align_batches` inside ``mapInPandas``, in
the Python workers (the ``sverka`` package must be installed on every worker).
A pair that cannot be aligned (an empty or missing side, a text in the wrong
script) yields one row with ``error`` set and the bead columns null: no pair is
dropped silently. Needs ``pyspark``, ``pandas`` and ``pyarrow``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from . import Aligner

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    from pyspark.sql import DataFrame

#: The rows :func:`align_pairs` returns: one per bead, or one per failed pair.
BEAD_SCHEMA = (
    "id string, bead int, type string, en string, ru string, score double, error string"
)

_COLUMNS = ["id", "bead", "type", "en", "ru", "score", "error"]


def align_batches(
    batches: Iterable["pandas.DataFrame"], **options: Any
) -> Iterator["pandas.DataFrame"]:
    """Aligns pandas batches of pairs (columns ``id``, ``en``, ``ru``).

    The function ``mapInPandas`` calls; one :class:`sverka.Aligner` per
    partition. Yields one frame per input batch, with the columns of
    :data:`BEAD_SCHEMA`: ``bead`` is the bead's 0-based index in its pair,
    ``en`` and ``ru`` its texts (``""`` on the empty side of a 1-0 or 0-1
    bead), ``score`` its confidence. ``options`` go to :class:`sverka.Aligner`.
    """
    import pandas

    aligner = Aligner(**options)
    for batch in batches:
        rows = []
        for pair_id, en, ru in zip(batch["id"], batch["en"], batch["ru"]):
            pair_id = None if pair_id is None else str(pair_id)
            try:
                if not isinstance(en, str) or not isinstance(ru, str):
                    missing = "en" if not isinstance(en, str) else "ru"
                    raise TypeError(f"{missing}: no text (null or not a string)")
                beads = aligner.align(en, ru)
            except Exception as error:  # noqa: BLE001 - every failure becomes a row
                rows.append((pair_id, None, None, None, None, None, str(error) or repr(error)))
                continue
            for n, b in enumerate(beads):
                rows.append((pair_id, n, b["type"], b["en_text"], b["ru_text"], b["score"], None))
        frame = pandas.DataFrame.from_records(rows, columns=_COLUMNS)
        yield frame.astype({"bead": "Int32", "score": "float64"})


def align_pairs(
    pairs: "DataFrame",
    *,
    id: str = "id",
    en: str = "en",
    ru: str = "ru",
    **options: Any,
) -> "DataFrame":
    """Aligns every pair of a DataFrame; returns one row per bead (:data:`BEAD_SCHEMA`).

    ``id``, ``en`` and ``ru`` name the input's columns (the id is cast to a
    string). Failed pairs give a row with ``error`` set. ``options`` go to
    :class:`sverka.Aligner`. Keep only the translations with
    ``.where("en != '' AND ru != ''")``.
    """
    from pyspark.sql import functions as F

    selected = pairs.select(
        F.col(id).cast("string").alias("id"), F.col(en).alias("en"), F.col(ru).alias("ru")
    )
    work = functools.partial(align_batches, **options)
    return selected.mapInPandas(work, schema=BEAD_SCHEMA)
