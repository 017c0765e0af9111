"""lexicon: lemminflect's lexicon read one word at a time gives what its reader gives."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

from lemminflect import config
from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec

from coalition_handbook.lexicon import LexiconOnDemand


def test_every_word_of_the_lexicon_reads_as_lemminflect_reads_it() -> None:
    whole = InflectionLUCodec.load(config.inflection_lu_fn)
    lexicon = LexiconOnDemand.read(config.inflection_lu_fn)
    assert lexicon is not None
    assert {word: lexicon.get(word) for word in whole} == whole
    # Words with lines of several parts of speech, merged; the auxiliaries written over.
    assert lexicon.get("Afghan") == whole["Afghan"]
    assert lexicon.get("be") == whole["be"]
    assert lexicon.get("no such word") is None
    assert lexicon.get("no such word", {}) == {}


def test_a_string_beside_a_word_reads_as_lemminflect_reads_it() -> None:
    # A line starts with its word and a comma: "case,noun" is no word, nor "case,"; a
    # word's prefix, or the word with more after it, is another word or none.
    whole = InflectionLUCodec.load(config.inflection_lu_fn)
    lexicon = LexiconOnDemand.read(config.inflection_lu_fn)
    assert lexicon is not None
    beside = {written for word in whole for written in (word + ",", word + ",noun", word[:-1])}
    assert {written: lexicon.get(written) for written in beside} == {
        written: whole.get(written) for written in beside
    }
    assert lexicon.get("case,noun") is None


def test_a_word_s_lines_are_merged_in_their_order(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.csv.gz"
    lines = "case,noun,cases\ncase,verb,cased,cased,casing,cases\nzebra,noun,zebras\n"
    path.write_bytes(gzip.compress(lines.encode()))
    lexicon = LexiconOnDemand.read(str(path))
    assert lexicon is not None
    assert lexicon.get("case") == InflectionLUCodec.load(str(path))["case"]
    assert lexicon.get("cas") is None  # a prefix of a word is no word


def test_an_unsorted_lexicon_is_left_to_lemminflect_s_reader(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.csv.gz"
    path.write_bytes(gzip.compress(b"zebra,noun,zebras\ncase,noun,cases\n"))
    assert LexiconOnDemand.read(str(path)) is None


def printed_by(script: str) -> list[str]:
    """What `script` prints, split at spaces, in a new interpreter: this one may have
    looked words up in lemminflect already."""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_a_glossary_s_inflections_read_the_lexicon_on_demand() -> None:
    script = (
        "from coalition_handbook.forms import plurals, singular\n"
        "from lemminflect.core.Inflections import Inflections\n"
        "print(plurals('case'), singular('children'), plurals('hotline'), "
        "type(Inflections().infl_dict).__name__)\n"
    )
    assert printed_by(script) == ["('cases',)", "child", "('hotlines',)", "LexiconOnDemand"]


def test_another_lemminflect_version_reads_its_lexicon_its_own_way() -> None:
    # Its reader may name, merge or look up the lexicon otherwise: it is not replaced.
    script = (
        "import lemminflect\n"
        "lemminflect.__version__ = '9.9.9'\n"
        "from coalition_handbook.forms import plurals\n"
        "from lemminflect.core.Inflections import Inflections\n"
        "print(plurals('case'), type(Inflections().infl_dict).__name__)\n"
    )
    assert printed_by(script) == ["('cases',)", "dict"]


def test_importing_the_forms_reads_no_lexicon() -> None:
    # A check answered from the cache looks no word up: it imports no gzip (review rv44).
    script = "import sys, coalition_handbook.forms\nprint('gzip' in sys.modules)\n"
    assert printed_by(script) == ["False"]


def test_a_style_kept_by_letters_is_the_model_s_style() -> None:
    # lemminflect's model reads a word's last eight letters, lower case, each of a-z or
    # "another character": words alike in those are given the style worked out once.
    from lemminflect.core.InflectionRules import MorphologyStyleModel

    from coalition_handbook.lexicon import StylesByLetters

    model = MorphologyStyleModel()
    styles = StylesByLetters()
    words = [
        "tier1", "tier2", "TIER9", "kind892", "kind-893", "bus", "agenda", "criterion",
        "alumnus", "thesis", "phenomenon", "x", "", "Überblick", "İstanbul", "ﬁle",
        "verylongwordending", "otherlongwordending", "fish", "café", "naïve",
    ]  # fmt: skip
    for upos in ("NOUN", "VERB", "ADJ", "ADV", "PROPN"):
        assert [styles.getStyle(word, upos) for word in words] == [
            model.getStyle(word, upos) for word in words
        ]
    assert StylesByLetters.letters_read("Kind-893") == "????dnik"
    assert StylesByLetters.letters_read("verylongwordending") == "gnidnedr"


def test_a_glossary_s_styles_are_kept_by_letters() -> None:
    script = (
        "from coalition_handbook.forms import plurals\n"
        "from lemminflect.core.Inflections import Inflections\n"
        "print(plurals('tier1'), plurals('tier2'), plurals('Zorbix'), "
        "type(Inflections()._getInflStyleModel()).__name__)\n"
    )
    assert printed_by(script) == ["('tier1s',)", "('tier2s',)", "('Zorbixes',)", "StylesByLetters"]
