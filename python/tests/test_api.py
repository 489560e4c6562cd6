"""The Python API: align, split, check, Aligner, errors, the GIL."""

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import sverka
from conftest import REPO


def test_align_pairs_sentences_into_beads():
    beads = sverka.align("It rained. We stayed at home.", "Шёл дождь. Мы остались дома.")
    assert [(b["type"], b["en_text"], b["ru_text"]) for b in beads] == [
        ("1-1", "It rained.", "Шёл дождь."),
        ("1-1", "We stayed at home.", "Мы остались дома."),
    ]
    assert all(0.0 <= b["score"] <= 1.0 for b in beads)


def test_every_sentence_is_in_exactly_one_bead_in_order(sample):
    en, ru = sample
    beads = sverka.align(en, ru)
    for side, text, lang in (("en", en, "en"), ("ru", ru, "ru")):
        indices = [s["index"] for b in beads for s in b[side]]
        assert indices == list(range(len(sverka.split(text, lang))))


def test_offsets_are_character_offsets_into_the_input(sample):
    en, ru = sample
    for bead in sverka.align(en, ru):
        for side, text in (("en", en), ("ru", ru)):
            for s in bead[side]:
                assert text[s["start"]:s["end"]] == s["text"]
                assert text.count("\n", 0, s["start"]) + 1 == s["line"]


def test_jsonl_names_are_aliases(sample):
    for bead in sverka.align(*sample):
        assert bead["bead"] == bead["type"]
        for s in bead["en"] + bead["ru"]:
            assert s["id"] == s["index"]
    assert [s["id"] for s in sverka.split("One. Two.", "en")] == [0, 1]


def test_bead_type_counts_its_sentences(sample):
    en, _ = sample
    for bead in sverka.align(*sample):
        assert bead["type"] == f'{len(bead["en"])}-{len(bead["ru"])}'
        if bead["en"]:
            # The segment is the input as written; a run of white space
            # holding a line break becomes one space.
            written = en[bead["en"][0]["start"]:bead["en"][-1]["end"]]
            one_line = re.sub(r"\s*[\n\r\x0b\x0c\x85\u2028\u2029]\s*", " ", written)
            assert bead["en_text"] == one_line


def test_presplit_takes_one_sentence_per_line(sample_sents):
    en, ru, gold = sample_sents
    beads = sverka.align(en, ru, presplit=True)
    assert sum(len(b["en"]) for b in beads) == len(en.splitlines())
    assert sum(len(b["ru"]) for b in beads) == len(ru.splitlines())
    found = {(tuple(s["index"] for s in b["en"]), tuple(s["index"] for s in b["ru"])) for b in beads}
    links = [(tuple(e), tuple(r)) for e, r in gold if e and r]
    assert sum(link in found for link in links) >= 0.9 * len(links)


def test_split_keeps_the_text_as_written():
    text = "Mr. Smith arrived.  He   said: «Да».\n\nNew paragraph here."
    sentences = sverka.split(text, "en")
    assert [s["text"] for s in sentences] == ["Mr. Smith arrived.", "He   said: «Да».", "New paragraph here."]
    assert [s["paragraph"] for s in sentences] == [0, 0, 1]
    assert all(text[s["start"]:s["end"]] == s["text"] for s in sentences)


def test_split_russian_keeps_initials_with_the_surname():
    sentences = sverka.split("Это сказал С.В.Лавров. Он прав.", "ru")
    assert [s["text"] for s in sentences] == ["Это сказал С.В.Лавров.", "Он прав."]


def test_split_reads_through_characters_a_reader_does_not_see():
    # A zero-width space after a full stop, a no-break space after the
    # author's colon: the sentences end where they do without them, and
    # keep them as written.
    text = "Он ушёл.\u200b Она сказала:\u00a0— Хорошо."
    sentences = sverka.split(text, "ru")
    assert [s["text"] for s in sentences] == ["Он ушёл.\u200b", "Она сказала:", "— Хорошо."]
    assert all(text[s["start"]:s["end"]] == s["text"] for s in sentences)


def test_split_rejects_an_unknown_language():
    with pytest.raises(sverka.Error, match='lang must be "en" or "ru"'):
        sverka.split("Hallo.", "de")


def test_check_reports_coverage(sample):
    report = sverka.check(*sample)
    assert set(report) >= {"en", "ru", "beads", "links", "untranslated", "low_confidence", "number_mismatches"}
    # The Russian page is a summary of the English interview: most English is untranslated.
    assert report["en"]["sentence_percent"] < 50 < report["ru"]["sentence_percent"]
    assert report["en"]["sentences"] == len(sverka.split(sample[0], "en"))
    assert all(u["lang"] in ("en", "ru") for u in report["untranslated"])


def test_check_rejects_a_bad_threshold():
    with pytest.raises(sverka.Error, match="low_score"):
        sverka.check("It rained.", "Шёл дождь.", low_score=2)


@pytest.mark.parametrize("en, ru, message", [
    ("", "Шёл дождь.", "en: text is empty"),
    ("It rained.", "  \n ", "ru: text is empty"),
    ("Шёл дождь. Мы остались дома.", "It rained. We stayed at home.", "did you swap them"),
    ("Шёл дождь. Мы остались дома.", "Шёл дождь.", "en: expected English text but it looks Russian"),
])
def test_bad_input_raises_sverka_error_with_its_message(en, ru, message):
    with pytest.raises(sverka.Error, match=re.escape(message)) as raised:
        sverka.align(en, ru)
    assert isinstance(raised.value, ValueError)
    assert "--" not in str(raised.value)  # advice names the Python argument, not a CLI flag


MINISTERS_EN = (
    "The ministers met in Kazan on 14 May 2022. They discussed trade, which reached "
    "12 billion dollars in 2021, and a new bridge across the river. Both sides agreed to "
    "resume regular flights between the two capitals. The President thanked the government "
    "for its work on the new law."
)
SNOW_RU = (
    "Весной в горах выпало много снега. Туристы не смогли подняться на перевал и вернулись "
    "в деревню. Местные жители угостили их горячим чаем с мёдом. Вечером все вместе пели "
    "песни у костра, а утром погода наконец улучшилась."
)


def test_a_pair_too_large_for_one_pass_raises_sverka_error():
    # max_band_cells lowers the limit (the band's u32 offsets) that only
    # hundreds of megabytes of tiny sentences reach: a full table of 3 by 3.
    message = ("en, ru: too many sentences to align in one pass (2 and 2 sentences, "
               "a band of 9 cells, limit 4); split the texts into parts")
    with pytest.raises(sverka.Error, match=re.escape(message)):
        sverka.align("It rained. We stayed at home.", "Шёл дождь. Мы остались дома.",
                     max_band_cells=4)


def test_texts_that_do_not_translate_each_other_raise_not_a_pair_unless_forced():
    with pytest.raises(sverka.NotAPair, match="do not look like translations") as raised:
        sverka.align(MINISTERS_EN, SNOW_RU)
    assert isinstance(raised.value, sverka.Error)
    assert "force_pair=True" in str(raised.value) and "--" not in str(raised.value)
    with pytest.raises(sverka.NotAPair):
        sverka.check(MINISTERS_EN, SNOW_RU)
    beads = sverka.align(MINISTERS_EN, SNOW_RU, force_pair=True)
    assert sum(len(b["en"]) for b in beads) == 4


def test_the_verdict_reads_the_dictionaries_the_aligner_reads(tmp_path):
    # Invented words: too few the built-in lexicon knows to judge, so the
    # pair is aligned; with a dictionary that knows them all, none of them
    # finds its translation, and the pair is refused as `align --dict` does.
    en = "The florp met the blix near the wugga. A dornel saw the quimble and the snarf."
    ru = "Вдоль реки шумел густой бурьян. Старый мельник смотрел на закат и молчал."
    dictionary = tmp_path / "made-up.tsv"
    dictionary.write_text("".join(f"{e}\t{r}\n" for e, r in [
        ("florp", "заркун"), ("blix", "бликсан"), ("wugga", "вугала"), ("dornel", "дорнец"),
        ("quimble", "квимбель"), ("snarf", "снарфик"), ("met", "встретил"), ("saw", "увидел"),
    ]), "utf-8")
    assert sverka.align(en, ru)
    with pytest.raises(sverka.NotAPair):
        sverka.align(en, ru, dictionaries=[dictionary])


def test_sentences_are_the_input_as_written_whatever_the_reader_normalises():
    # A lone carriage return is a line break to the reader; the sentence
    # handed back still holds it, at its offsets in the str passed in.
    en, ru = "It rained\rall day. We stayed at home.", "Весь день\rшёл дождь. Мы остались дома."
    beads = sverka.align(en, ru)
    sentences = [s for b in beads for s in b["en"]] + [s for b in beads for s in b["ru"]]
    for s in sentences[:2]:
        assert en[s["start"]:s["end"]] == s["text"]
    for s in sentences[2:]:
        assert ru[s["start"]:s["end"]] == s["text"]
    assert sentences[0]["text"] == "It rained\rall day."
    assert sentences[2]["text"] == "Весь день\rшёл дождь."


def test_lang_check_false_aligns_any_script():
    beads = sverka.align("Шёл дождь.", "Шёл дождь.", lang_check=False)
    assert [b["type"] for b in beads] == ["1-1"]


def test_settings_are_keyword_arguments():
    en, ru = "It rained. We stayed at home.", "Шёл дождь. Мы остались дома."
    assert len(sverka.align(en, ru, omission_cost=3.0, temperature=2)) == 2
    with pytest.raises(TypeError, match="unknown aligner setting"):
        sverka.align(en, ru, omision_cost=3.0)
    with pytest.raises(TypeError, match="expected a number"):
        sverka.align(en, ru, omission_cost="high")


def test_dictionaries_are_read_and_their_errors_raised(tmp_path):
    dictionary = tmp_path / "extra.dic"
    dictionary.write_text("квокка @ quokka\n", "utf-8")
    beads = sverka.align("A quokka smiled.", "Квокка улыбнулась.", dictionaries=[dictionary])
    assert [b["type"] for b in beads] == ["1-1"]
    with pytest.raises(sverka.Error, match="cannot read"):
        sverka.align("A quokka smiled.", "Квокка улыбнулась.", dictionaries=[tmp_path / "missing.dic"])


def test_one_aligner_serves_many_threads(sample):
    aligner = sverka.Aligner()
    en, ru = sample
    pairs = [(en, ru)] * 6 + [("It rained.", "Шёл дождь.")] * 6
    with ThreadPoolExecutor(4) as pool:
        parallel = list(pool.map(lambda p: aligner.align(*p), pairs))
    assert parallel == [aligner.align(*p) for p in pairs]


def test_align_releases_the_gil(sample):
    en, ru = sample
    en, ru = "\n\n".join([en] * 40), "\n\n".join([ru] * 40)
    count, stop = [0], threading.Event()

    def spin():
        while not stop.is_set():
            count[0] += 1

    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        before = count[0]
        sverka.align(en, ru)
        during = count[0] - before
    finally:
        stop.set()
        spinner.join()
    # Holding the GIL for the whole call would leave the other thread no turn.
    assert during > 0


def readme_examples():
    """The ```python blocks of python/README.md and the README's Python section."""
    python_readme = (REPO / "python" / "README.md").read_text("utf-8")
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("\n## Python", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", python_readme + section, re.S)


@pytest.mark.parametrize("code", readme_examples())
def test_readme_examples_run(code, capsys):
    exec(compile(code, "README example", "exec"), {})
    assert capsys.readouterr().out
