"""What WeasyPrint could not put on paper, said to the trainer with the file and line.

WeasyPrint logs a picture it cannot load, and text no font here can show, and goes on:
the PDF has the picture's description in its place, or empty boxes for the characters
(audit: a missing map of exits and a phone emoji vanished without a word). It logs a
picture without a description (`![](exits.png)`, `alt=""`) too: the tagged PDF gives
screen readers nothing to say of it (audit: a blind volunteer's handout), unless the
picture is decoration or its figure's caption describes it (`needing_no_description`,
read from the document before it renders). Its logger
has no handler of ours, so nothing reached the reader. `collected` listens while one
handout renders; `described` turns what it heard into problems, each with the texts it
is about (for a picture that a drawing, an SVG file, shows: the drawing's name, which is
what the module writes); `placed` finds the first line of the module, a protocol it
prints or a key term's file that holds one, each time it is reported: a problem kept
with a cached PDF is placed in the files as they are now (review: a key term's file may
have moved the line, which the cache key does not see). Other messages (CSS the
stylesheet's author may have meant) are left to WeasyPrint's log.
"""

from __future__ import annotations

import logging
import os
import re
import xml.etree.ElementTree as etree
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..character_references import unescape
from ..model.types import Origin
from .handout_table_lines import table_lines

_FAILED_IMAGE = re.compile(r"Failed to (?:load|render SVG) image (?:at )?'?(?P<url>[^' ]+)'?:?")
# A picture's address in an SVG file: `href="..."`, `xlink:href='...'`.
_HREF = re.compile(r"""\bhref\s*=\s*(?P<quote>["'])(?P<href>.*?)(?P=quote)""", re.DOTALL)
# How WeasyPrint words an error it caught: `ValueError: ...` (weasyprint.urls).
_EXCEPTION_NAME = re.compile(r"^(?:\w+\.)*\w*(?:Error|Exception): ")
_NO_GLYPH = re.compile(r'\.notdef glyph rendered for Unicode string unsupported by fonts: "(.*)"')
# Said of a picture the tagged PDF gives no description (`alt`): a screen reader reading
# the handout says nothing of it (WeasyPrint's `pdf/tags.py`).
# WAI-ARIA's roles of a picture that is decoration: screen readers skip it.
_DECORATIVE_ROLES = frozenset({"presentation", "none"})
_NO_DESCRIPTION = re.compile(r'Image "(?P<src>.*)" has no required alt description$')


@dataclass(frozen=True)
class HandoutProblem:
    """Something the handout shows otherwise than its source says, and where."""

    path: str
    line: int
    message: str


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def collected() -> Iterator[list[str]]:
    """The messages WeasyPrint logs at WARNING or above inside the `with` block."""
    logger = logging.getLogger("weasyprint")
    collector = _Collector()
    logger.addHandler(collector)
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)


@dataclass(frozen=True)
class Unplaced:
    """A problem and the texts it is about, most telling first (a picture's address as
    written, then its file name; characters no font has)."""

    needles: tuple[str, ...]
    message: str
    # A table's problem: its `handout_table_lines.table_key`, how many tables alike come
    # before it in the handout, and its row the problem is about (0, its first).
    table: tuple[str, int, int] | None = None

    def as_json(self) -> list[object]:
        written: list[object] = [list(self.needles), self.message]
        return written if self.table is None else [*written, list(self.table)]

    @classmethod
    def from_json(cls, data: object) -> Unplaced | None:
        """The problem `as_json` wrote, or None for what it did not write."""
        if not (isinstance(data, list) and len(data) in (2, 3) and isinstance(data[1], str)):
            return None
        needles = data[0]
        if not isinstance(needles, list) or not all(isinstance(n, str) for n in needles):
            return None
        table = data[2] if len(data) == 3 else None
        if table is not None and not (
            isinstance(table, list)
            and len(table) == 3
            and isinstance(table[0], str)
            and all(type(number) is int and number >= 0 for number in table[1:])
        ):
            return None
        return cls(tuple(needles), data[1], None if table is None else tuple(table))


def described(
    messages: Iterable[str],
    module_folder: Path,
    handbook_folders: Sequence[Path] = (),
    files_read: Iterable[Path] = (),
    needing_none: Collection[str] = (),
) -> list[Unplaced]:
    """The problems among `messages`, once each, in order. A picture in one of
    `handbook_folders` is named from `module_folder`, as the module's Markdown names it;
    another by its whole path (the handout reads no other). A picture that one of the
    drawings among `files_read` shows is placed where the drawing is (audit: a map's
    picture from another host was reported at the module's line 1). A picture without a
    description whose `src` is among `needing_none` (`needing_no_description`) is fine."""
    messages = list(messages)
    # Read only where a picture is missing: most renders miss none.
    missing_pictures = any(_FAILED_IMAGE.match(message) for message in messages)
    drawings = _drawings(files_read) if missing_pictures else {}
    problems: dict[Unplaced, None] = {}
    for message in messages:
        if image := _FAILED_IMAGE.match(message):
            name = _image_name(image["url"], module_folder, handbook_folders)
            reason = _reason(message[image.end() :])
            drawing = _drawing_showing(image["url"], drawings)
            if drawing is None:
                problem = Unplaced(
                    (name, PurePosixPath(name).name),
                    f"the picture {name} is not in the handout ({reason}); its description "
                    "prints in its place",
                )
            else:
                shown = _image_name(drawing.as_uri(), module_folder, handbook_folders)
                problem = Unplaced(
                    (shown, PurePosixPath(shown).name),
                    f"the picture {name} that {shown} shows is not in the handout "
                    f"({reason}); {shown} prints without it",
                )
        elif picture := _NO_DESCRIPTION.match(message):
            src = picture["src"]
            if src in needing_none:
                continue
            name = _image_name(src, module_folder, handbook_folders)
            problem = Unplaced(
                (*_undescribed(src), name, PurePosixPath(name).name),
                f"the picture {name} has no description (alt text): a screen reader "
                "reading the handout says nothing of what it shows",
            )
        elif glyph := _NO_GLYPH.match(message):
            missing = glyph[1]
            problem = Unplaced((missing, *missing), _no_font_message(missing))
        else:
            continue
        problems[problem] = None
    return list(problems)


def needing_no_description(root: etree.Element) -> frozenset[str]:
    """The `src` of the pictures of the document `root` written without a description
    (`alt=""`) that need none wherever it shows them so: marked as decoration, which
    screen readers skip (`role="presentation"` or `"none"`, `aria-hidden="true"`), or in a
    `<figure>` whose `<figcaption>` says what it shows. HTML says a decorative picture
    with `alt=""`, and the warning left no way to (review rv20)."""
    captioned = {
        id(picture)
        for figure in root.iter("figure")
        if _caption_of(figure)
        for picture in figure.iter("img")
    }
    fine: set[str] = set()
    undescribed: set[str] = set()
    for picture in root.iter("img"):
        if picture.get("alt"):  # as WeasyPrint reads it: any text at all describes it
            continue
        src = picture.get("src", "unknown")
        role = picture.get("role", "").strip().lower()
        hidden = picture.get("aria-hidden", "").strip().lower() == "true"
        decorative = role in _DECORATIVE_ROLES or hidden
        (fine if decorative or id(picture) in captioned else undescribed).add(src)
    return frozenset(fine - undescribed)


def _caption_of(figure: etree.Element) -> str:
    caption = figure.find("figcaption")
    return "" if caption is None else "".join(caption.itertext()).strip()


def _undescribed(src: str) -> tuple[str, ...]:
    """How a module writes the picture `src` without a description, as Markdown and as
    HTML (with no other attribute first: one that a role marks as decoration needs no
    description): found before `src` alone, which may be where the module shows it with
    one (review rv20: the warning stood at the described picture)."""
    html = (f'src="{src}" alt=""', f'alt="" src="{src}"')
    return (f"![]({src}", *(f"{tag}>" for tag in html), *(f"{tag} />" for tag in html), *html)


def _no_font_message(missing: str) -> str:
    codes = ", ".join(f"U+{ord(char):04X}" for char in dict.fromkeys(missing))
    return f"'{missing}' prints as empty boxes: no font here has {codes}"


def wants_a_font(problem: Unplaced) -> bool:
    """Whether `problem` is characters no font had: a font installed since prints them."""
    return bool(problem.needles) and problem.message == _no_font_message(problem.needles[0])


def _drawings(files_read: Iterable[Path]) -> dict[Path, list[str]]:
    """The addresses of the pictures each SVG file among `files_read` shows (its `href`
    and `xlink:href` values), once each; a file that cannot be read is left out."""
    drawings: dict[Path, list[str]] = {}
    for path in files_read:
        if path.suffix.lower() != ".svg" or path in drawings:
            continue
        try:
            text = path.read_bytes().decode("utf-8", "replace")
        except OSError:
            continue
        drawings[path] = [unescape(found["href"].strip()) for found in _HREF.finditer(text)]
    return drawings


def _drawing_showing(url: str, drawings: Mapping[Path, list[str]]) -> Path | None:
    """The first of `drawings` that shows the picture WeasyPrint could not load from
    `url`: one that names it so (an address on another host), or by a path that leads to
    it from the drawing's folder; None where none does (the module shows it itself)."""
    parts = urlsplit(url)
    picture = _real(Path(unquote(parts.path))) if parts.scheme == "file" else None
    for path, hrefs in drawings.items():
        for href in hrefs:
            if href == url:
                return path
            written = urlsplit(href)
            if picture is None or path == picture or written.scheme or written.netloc:
                continue
            if written.path and _real(path.parent / unquote(written.path)) == picture:
                return path
    return None


def _real(path: Path) -> Path | None:
    """`path` resolved, or None where it cannot be (a NUL byte written as `%00`)."""
    try:
        return path.resolve()
    except (OSError, ValueError):
        return None


def _image_name(url: str, module_folder: Path, handbook_folders: Sequence[Path]) -> str:
    """The picture's address from the module's folder (`../img/exits.png`) where it is in
    the handbook: no path of this machine to keep in the cache (review); its whole path
    where it is elsewhere."""
    parts = urlsplit(url)
    if parts.scheme != "file":
        return url
    path = Path(unquote(parts.path))
    if any(path.is_relative_to(folder.resolve()) for folder in handbook_folders):
        return Path(os.path.relpath(path, module_folder.resolve())).as_posix()
    return path.as_posix()


def _reason(text: str) -> str:
    """Why WeasyPrint could not load a picture, as a reader says it: without the name
    of the exception it wraps (`ValueError: `), which tells a trainer nothing."""
    text = _EXCEPTION_NAME.sub("", " ".join(text.split()).removeprefix(": "))
    if "No such file" in text:
        return "no such file"
    return text.rstrip(".") or "it could not be read"


def placed(problem: Unplaced, sources: Sequence[Origin]) -> HandoutProblem:
    """`problem` at its table's row, where it is a table's and `sources` (the module
    first) write that table; else at the first line of `sources` that holds the first of
    its texts found there; at the module's first line where none does."""
    if problem.table is not None and (found := _table_row(problem.table, sources)):
        return HandoutProblem(found[0], found[1], problem.message)
    for needle in problem.needles:
        for origin in sources:
            offset = origin.text.find(needle) if needle else -1
            if offset >= 0:
                line = origin.text.count("\n", 0, offset) + 1
                return HandoutProblem(origin.path, line, problem.message)
    return HandoutProblem(sources[0].path, 1, problem.message)


def _table_row(table: tuple[str, int, int], sources: Sequence[Origin]) -> tuple[str, int] | None:
    """(path, line) of the row `table` names, in the first of `sources` that write as
    many tables alike before it, or None."""
    key, before, row = table
    for origin in sources:
        lines = table_lines(origin).get(key, ())
        if before < len(lines):
            # The delimiter row is the table's second line, and no row of it.
            return origin.path, lines[before] + row + (row > 0)
        before -= len(lines)
    return None
