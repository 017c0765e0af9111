"""lemminflect's lexicon of inflections, each word's entry read when it is looked up.

At its first lookup lemminflect reads its whole lexicon (some 40,000 lines: every noun,
verb, adjective and adverb it knows) into a dictionary, parsing every line: about 0.12 s,
a twentieth of a cold `handbook check`, which looks up a few thousand words.
`get_inflection()` gives lemminflect a `LexiconOnDemand` instead: the same file's lines,
in the sorted order they are written in, each word's lines parsed by lemminflect's own
codec when the word is looked up, as its reader would merge them. The answers are the same.
Only for the lemminflect versions whose reader this mirrors (`MIRRORED_VERSIONS`); any
other reads its lexicon its own way.

A word the lexicon lacks ("tier1", a name) is inflected by rules whose style a small
model chooses from the word's last letters: about 0.1 ms a word, a twentieth of a cold
check of 2,000 terms, most of whose forms end in words alike to the model ("tier1",
"tier2"). `StylesByLetters` keeps each style by what the model reads of the word.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import cache
from typing import Any

Forms = dict[str, tuple[str, ...]]

# The lemminflect versions whose reader (`InflectionLUCodec.load`, `Inflections.infl_dict`
# and `infl_lu_fn`) `LexiconOnDemand` is checked against word for word by the tests; another
# may name, merge or look up its lexicon otherwise (review rv44).
MIRRORED_VERSIONS = frozenset({"0.2.3"})


class LexiconOnDemand:
    """What `InflectionLUCodec.load` reads from a lexicon file, looked up one word at a
    time (`get`, the one method lemminflect's `Inflections` calls on it)."""

    def __init__(self, lines: list[str]) -> None:
        from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec

        self._lines = lines  # sorted: a word's lines are together, found by bisection
        self._parse = InflectionLUCodec.fromString
        # The auxiliaries and modals lemminflect writes over what the file says.
        self._fixed: dict[str, Forms] = InflectionLUCodec.updateForAuxMod({})
        self._read: dict[str, Forms | None] = {}

    @classmethod
    def read(cls, path: str) -> LexiconOnDemand | None:
        """The lexicon of the file at `path`; None if its lines are not sorted (a
        lemminflect that writes it otherwise), which only its own reader can read."""
        import gzip  # imported on first use: a check answered from the cache reads none

        with gzip.open(path, "rb") as file:
            lines = file.read().decode().split("\n")  # as its reader's lines, `\n` only
        lines = [line for line in lines if line]
        return cls(lines) if lines == sorted(lines) else None

    def get(self, word: str, default: Forms | None = None) -> Forms | None:
        if word in self._fixed:
            return self._fixed[word]
        if word not in self._read:
            self._read[word] = self._entry(word)
        found = self._read[word]
        return default if found is None else found

    def _entry(self, word: str) -> Forms | None:
        """The forms of `word`'s lines merged in their order, as lemminflect's reader
        merges them; None if it has none."""
        if "," in word:
            # Its reader splits lines at commas: no word holds one, and "case,noun" is the
            # start of a line of "case", not a word (review rv44).
            return None
        prefix = word + ","
        index = bisect_left(self._lines, prefix)
        forms: Forms | None = None
        while index < len(self._lines) and self._lines[index].startswith(prefix):
            _, _, found = self._parse(self._lines[index])
            if forms is None:
                forms = found
            else:
                forms.update(found)
            index += 1
        return forms


@cache
def get_inflection() -> Callable[..., tuple[str, ...] | None]:
    """lemminflect's `getInflection(lemma, tag, inflect_oov=True)`, imported on first use
    (keeps start-up cheap), its lexicon read on demand (see the module docstring)."""
    import lemminflect
    from lemminflect import getInflection
    from lemminflect.core.Inflections import Inflections

    if getattr(lemminflect, "__version__", None) not in MIRRORED_VERSIONS:
        return getInflection
    inflections = Inflections()
    if not hasattr(inflections, "infl_dict"):  # not read in full already
        lexicon = LexiconOnDemand.read(inflections.infl_lu_fn)
        if lexicon is not None:
            inflections.infl_dict = lexicon
    if not hasattr(inflections, "morph_style_model"):  # `_getInflStyleModel` makes none
        inflections.morph_style_model = StylesByLetters()
    return getInflection


class StylesByLetters:
    """lemminflect's `MorphologyStyleModel` (made when first asked), each style it gives
    kept by what its `wordToVec` reads of a word: the part of speech, and the word's last
    eight characters in lower case, each a letter a-z or another character. Words alike
    in those are the same input to the model, so they get the same style."""

    # `ModelInflInData.WVEC_LEN` less the one row for the part of speech.
    LETTERS_READ = 8

    def __init__(self) -> None:
        self._model: Any = None
        self._styles: dict[tuple[str, str], str | None] = {}

    @classmethod
    def letters_read(cls, lemma: str) -> str:
        """What the model reads of `lemma`: its last characters in lower case, the last
        first, "?" for each that is no letter a-z."""
        return "".join(
            character if "a" <= character <= "z" else "?"
            for character in lemma.lower()[::-1][: cls.LETTERS_READ]
        )

    def getStyle(self, lemma: str, upos: str) -> str | None:  # lemminflect names it
        key = (upos, self.letters_read(lemma))
        if key not in self._styles:
            if self._model is None:
                from lemminflect.core.InflectionRules import MorphologyStyleModel

                self._model = MorphologyStyleModel()
            self._styles[key] = self._model.getStyle(lemma, upos)
        return self._styles[key]
