"""A Spark job in local mode: 300 statement-size pairs through sverka.align in
mapInPandas (sverka.spark.align_pairs), written to Parquet, no row lost; a bad
pair becomes an error row."""

import json
import os
import sys

import pytest

import sverka
from conftest import REPO
from sverka.spark import BEAD_SCHEMA, align_pairs

pyspark = pytest.importorskip("pyspark")
from pyspark.sql import SparkSession  # noqa: E402

PAIRS = 300


def statement_pairs(sample_sents):
    """PAIRS pairs of 2 to 7 consecutive gold links of the sample, as raw text
    (paragraphs of sentences): each pair a short statement and its translation."""
    en, ru, gold = sample_sents
    en_lines, ru_lines = en.splitlines(), ru.splitlines()
    links = [(e, r) for e, r in gold if e and r]
    pairs = []
    for n in range(PAIRS):
        size = 2 + n % 6
        chosen = [links[(n + k) % len(links)] for k in range(size)]
        en_text = "\n\n".join(" ".join(en_lines[i] for i in e) for e, _ in chosen)
        ru_text = "\n\n".join(" ".join(ru_lines[i] for i in r) for _, r in chosen)
        pairs.append((f"pair-{n:03}", en_text, ru_text))
    return pairs


@pytest.fixture(scope="module")
def spark():
    # The workers must run this interpreter (the virtualenv with sverka in it).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("sverka-test")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_align_pairs_in_map_in_pandas_loses_no_row(spark, sample_sents, tmp_path):
    pairs = statement_pairs(sample_sents)
    bad = ("bad-empty", "The Russian side of this pair is missing.", "   ")
    rows = pairs[:150] + [bad] + pairs[150:]
    frame = spark.createDataFrame(rows, "id string, en string, ru string").repartition(4)

    out = str(tmp_path / "aligned.parquet")
    align_pairs(frame).write.parquet(out)
    result = spark.read.parquet(out)

    assert result.schema.simpleString() == spark.createDataFrame([], BEAD_SCHEMA).schema.simpleString()
    got = {}
    for row in result.collect():
        got.setdefault(row["id"], []).append(row)
    assert set(got) == {pair_id for pair_id, _, _ in rows}

    # The bad pair: one error row carrying sverka's message, no beads.
    (error_row,) = got.pop("bad-empty")
    assert error_row["error"] == "ru: text is empty (or only whitespace)"
    assert error_row["bead"] is None and error_row["score"] is None

    # Every good pair: exactly the beads sverka.align gives on the driver.
    for pair_id, en, ru in pairs:
        expected = sverka.align(en, ru)
        beads = sorted(got[pair_id], key=lambda r: r["bead"])
        assert [r["error"] for r in beads] == [None] * len(expected)
        assert [(r["bead"], r["type"], r["en"], r["ru"]) for r in beads] == [
            (n, b["type"], b["en_text"], b["ru_text"]) for n, b in enumerate(expected)
        ]
        assert [r["score"] for r in beads] == pytest.approx([b["score"] for b in expected])


def test_null_and_non_string_sides_become_error_rows(spark):
    rows = [(1, None, "Шёл дождь."), (2, "It rained.", "Шёл дождь.")]
    frame = spark.createDataFrame(rows, "key long, english string, russian string")
    result = align_pairs(frame, id="key", en="english", ru="russian").collect()
    by_id = {r["id"]: r for r in result}
    assert by_id["1"]["error"] == "en: no text (null or not a string)"
    assert by_id["2"]["error"] is None and by_id["2"]["type"] == "1-1"


def test_options_reach_the_aligner(spark):
    text = "It rained all day. We stayed at home and read the papers."
    frame = spark.createDataFrame([("a", text, text)], "id string, en string, ru string")
    (checked,) = align_pairs(frame).collect()
    assert "expected Russian text" in checked["error"]
    unchecked = align_pairs(frame, lang_check=False).collect()
    assert [r["error"] for r in unchecked] == [None, None]
    assert [r["type"] for r in unchecked] == ["1-1", "1-1"]


def test_a_mismatched_pair_becomes_an_error_row_unless_forced(spark):
    from test_api import MINISTERS_EN, SNOW_RU

    frame = spark.createDataFrame([("m", MINISTERS_EN, SNOW_RU)], "id string, en string, ru string")
    (refused,) = align_pairs(frame).collect()
    assert refused["error"].startswith("the two texts do not look like translations of each other")
    assert refused["bead"] is None
    forced = align_pairs(frame, force_pair=True).collect()
    assert forced and all(r["error"] is None for r in forced)


def code_block(path, after):
    """The first ```python block after the line starting with `after` in `path`."""
    text = path.read_text("utf-8")
    section = text[text.index(after):]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def sverka_binary():
    path = os.environ.get("SVERKA_BIN") or str(REPO / "target" / "release" / "sverka")
    if not os.access(path, os.X_OK):
        if os.environ.get("SVERKA_REQUIRE_TOOLS", "0") != "0":
            pytest.fail(f"no sverka binary at {path} (set SVERKA_BIN)")
        pytest.skip(f"no sverka binary at {path} (set SVERKA_BIN or cargo build --release)")
    return path


def test_cli_pipe_recipe_in_docs_runs_as_written(spark, sample_sents, tmp_path):
    binary = sverka_binary()
    pairs = statement_pairs(sample_sents)[:40]
    jsonl = tmp_path / "pairs.jsonl"
    with jsonl.open("w", encoding="utf-8") as out:
        for n, (pair_id, en, ru) in enumerate(pairs):
            out.write(json.dumps({"id": pair_id, "en": en, "ru": ru}, ensure_ascii=False) + "\n")
            if n == 20:
                out.write(json.dumps({"id": "bad-empty", "en": "Nothing opposite.", "ru": ""}) + "\n")
    code = code_block(REPO / "docs" / "batch.md", "**Spark.**")
    code = (code.replace("/usr/local/bin/sverka", binary)
                .replace("hdfs:///corpora/pairs.jsonl", str(jsonl))
                .replace("hdfs:///corpora/aligned", str(tmp_path / "aligned")))
    exec(compile(code, "docs/batch.md Spark recipe", "exec"), {})

    rows = spark.read.parquet(str(tmp_path / "aligned")).collect()
    got = {}
    for row in rows:
        got.setdefault(row["id"], []).append(row)
    assert set(got) == {p[0] for p in pairs} | {"bad-empty"}
    (error_row,) = got.pop("bad-empty")
    assert error_row["error"].endswith('"ru" is empty') and error_row["bead"] is None
    for pair_id, en, ru in pairs:
        beads = sorted(got[pair_id], key=lambda r: r["bead"])
        expected = sverka.align(en, ru)
        assert [(r["type"], r["en"], r["ru"], r["error"]) for r in beads] == [
            (b["type"], " ".join(s["text"] for s in b["en"]), " ".join(s["text"] for s in b["ru"]), None)
            for b in expected
        ]


def test_cli_pipe_recipe_fails_the_task_when_the_command_is_missing(spark, tmp_path):
    jsonl = tmp_path / "pairs.jsonl"
    jsonl.write_text('{"id": 1, "en": "It rained.", "ru": "Шёл дождь."}\n', "utf-8")
    code = code_block(REPO / "docs" / "batch.md", "**Spark.**")
    code = (code.replace("/usr/local/bin/sverka", str(tmp_path / "no-such-sverka"))
                .replace("hdfs:///corpora/pairs.jsonl", str(jsonl))
                .replace("hdfs:///corpora/aligned", str(tmp_path / "aligned")))
    # The shell's status 127 (command not found) fails the task, and the job.
    with pytest.raises(Exception, match="PIPE_FUNCTION_EXITED"):
        exec(compile(code, "docs/batch.md Spark recipe", "exec"), {})


def test_readme_spark_example_runs(spark, tmp_path, capsys):
    code = code_block(REPO / "README.md", "## Spark")
    code = code.replace("/tmp/aligned.parquet", str(tmp_path / "aligned.parquet"))
    exec(compile(code, "README Spark example", "exec"), {})
    assert "doc-18" in capsys.readouterr().out
    rows = spark.read.parquet(str(tmp_path / "aligned.parquet")).collect()
    assert sorted((r["id"], r["type"]) for r in rows) == [
        ("doc-17", "1-1"), ("doc-17", "1-1"), ("doc-18", None)]
