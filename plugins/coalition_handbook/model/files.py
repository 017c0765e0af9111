"""The files of docs_dir that MkDocs publishes as they are, not as pages, and whose
content is text: a volunteers' list (`files/volunteers.csv`), an exported flyer
(`flyer.html`), notes, a contact card. Only `privacy.pii` reads them: a phone number in
one is published as surely as one in a page.

Which files are text is decided by the name's extension alone (`TEXT_FILE_SUFFIXES`, in
any case): scripts, stylesheets, images and PDFs are not read. They are listed by the
walk that lists the pages (`pages.markdown_file_paths`), so that the same files are left
out: hidden ones, MkDocs' `templates` folder, the site's `exclude_docs`; here also the
files of the term and protocol folders kept in docs_dir, which the site publishes as
their pages instead. Drafts (`draft_docs`) are read, as pages are: `mkdocs serve` shows
them, and they are written to be published.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from ..cache import RunCache
from ..config import HandbookConfig
from ..markdown import LineIndex
from ..utf8 import UTF16_BOMS, decode_utf8
from .source import MARKDOWN_SUFFIXES, outside_docs, read_bytes, relative_path, unreadable
from .types import Origin, TextFile

# What is text, and may hold personal data a reader of the site gets: plain text and
# tables, web pages and other markup (an SVG's text and links), data, calendars and
# contact cards, and other writers' markup; a Markdown file that is no page too
# (`NOTES.MD`: MkDocs takes only lower-case extensions for pages). Not scripts or
# stylesheets (code), nor images, PDFs or office files (binary).
# Markup whose tags are no text (`markup.readable_text`): web pages and SVG images,
# whose attributes are mostly layout, and XML data, whose attributes are data.
XML_DATA_SUFFIXES = (".xml", ".rss", ".atom", ".kml", ".gpx")
# Every extension a web host serves as HTML, XHTML or SVG (the types in the mime.types
# and mime-db lists web hosts use, GitHub Pages' too), whose scripts a browser runs:
# a `.shtml`, `.xht` or `.svgz` file written as text ran them unreported (security audit).
HTML_SUFFIXES = (".html", ".htm", ".shtml")
# Markup that a browser reads with its XML parser (served as an XML type), not as HTML.
XML_SUFFIXES = (".xhtml", ".xht", ".xhtm", ".svg", ".svgz", *XML_DATA_SUFFIXES)
MARKUP_SUFFIXES = (*HTML_SUFFIXES, *XML_SUFFIXES)
# The start of gzip data: a `.svgz` written so is compressed, which a web host serves
# as it is and a browser then cannot read as SVG; only one written as text is read.
_GZIP_MAGIC = b"\x1f\x8b"
TEXT_FILE_SUFFIXES = (
    *MARKUP_SUFFIXES,
    *(".txt", ".text", ".csv", ".tsv", ".json", ".geojson", ".yml", ".yaml", ".toml"),
    *(".vcf", ".vcard", ".ics", ".ical", ".rst", ".adoc", ".org", ".mdx", ".textile"),
    *(".log", *MARKDOWN_SUFFIXES),
)

# UTF-16 without a BOM (Excel's "Unicode text" export, a tool's UTF-16LE) is told from
# binary data by where its NUL bytes are: the high byte of every ASCII character (a
# digit, a comma, a line break) is one, so at least this share of the code units have a
# NUL on one side (the high byte's), and the other side many times fewer (U+3000, the
# ideographic space, and the like have one there). Text with fewer ASCII characters is
# not read: it is reported as binary, with how to save it.
_UTF16_LEAST_NUL_SHARE = 1 / 8
_UTF16_OTHER_SIDE_AT_MOST = 1 / 8
# What no text holds: control characters (but tabs, line and page breaks), unpaired
# halves of a character, private-use and unassigned code points. Binary data read as
# UTF-16 is full of them.
_NO_TEXT_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn"})
_TEXT_CONTROLS = frozenset("\t\n\v\f\r")


# Why a file an editor or Windows leaves beside a page (`records.editors_leftover`) is
# left out of the site: a warning, so that `--strict` CI has it deleted from the repository.
LEFTOVER_WHY = (
    "is left out of the site: it is what an editor, Windows, macOS or Word leaves beside a "
    "file (a backup or auto-save, Thumbs.db, desktop.ini, Finder's Icon file, a ~$ owner "
    "file), and a backup may "
    "hold what was since taken out of the page, personal data too; delete it, and list "
    "such names in .gitignore (to publish it, give it another name)"
)


def misnamed_page(path: str) -> str | None:
    """Why the text file at `path` is no page though written as one: its Markdown
    extension in other letters than lower case (`Tips.Md`, `night-staff.MD`, as an editor
    on Windows or a tool saves it), which MkDocs takes for no page and publishes as it is,
    its source and all; or None."""
    stem, dot, suffix = path.rpartition("/")[2].rpartition(".")
    extension = dot + suffix
    if not stem or extension.lower() not in MARKDOWN_SUFFIXES or extension in MARKDOWN_SUFFIXES:
        return None
    return (
        f"is no page: MkDocs makes pages only of files whose extension is in lower case "
        f"({extension.lower()}), and publishes this one's Markdown as it is, which the "
        f"checks read for personal data alone; rename it to {stem}{extension.lower()}"
    )


def is_text_file(name: str) -> bool:
    """Whether a file of docs_dir named `name` is read as text (`TEXT_FILE_SUFFIXES`)."""
    return name.lower().endswith(TEXT_FILE_SUFFIXES)


def published_files(config: HandbookConfig, paths: list[str]) -> list[str]:
    """Of the files the walk of docs_dir found (`paths`, not pages: text files, or the
    others), those the site publishes as they are: not the files of a term or protocol
    folder in docs_dir."""
    return [path for path in paths if not in_record_folder(config, path)]


def in_record_folder(config: HandbookConfig, path: str) -> bool:
    """Whether `path`, a file the walk of docs_dir found, is in the term or protocol
    folder (which the config may keep in docs_dir): the site publishes its records as
    their pages, and copies none of its files."""
    record_folders = tuple(
        str(folder) + os.sep for folder in (config.glossary_dir, config.protocols_dir)
    )
    return path.startswith(record_folders)


def load_text_file(path: Path, config: HandbookConfig, cache: RunCache | None) -> TextFile | None:
    """The file at `path` as privacy.pii reads it, or None where the site does not publish
    it: a symbolic link out of docs_dir (the walk of docs_dir reports it), a file that
    cannot be read (the plugin leaves it out of the site, with a warning), a `.svgz`
    compressed with gzip (no text: a browser shows none of it as the site serves it)."""
    if outside_docs(path, config) is not None:
        return None
    try:
        raw = read_bytes(path, cache)
    except OSError:
        return None
    if path.name.lower().endswith(".svgz") and raw.startswith(_GZIP_MAGIC):
        return None  # compressed: no text a browser reads as it is
    relative = relative_path(config, path)
    markup = path.name.lower().endswith(MARKUP_SUFFIXES)
    text, problem, note = _decoded(raw)
    return TextFile(relative, Origin(path=relative, text=text), markup, problem, note)


def load_included_code(path: Path, config: HandbookConfig, cache: RunCache | None) -> TextFile:
    """A file that pymdownx.snippets includes in code blocks only (`model.snippets`),
    wherever it is: shown as written, line by line, as a text file is read."""
    relative = relative_path(config, path)
    try:
        text, problem, note = _decoded(read_bytes(path, cache))
    except OSError as error:
        text, problem, note = "", (1, 1, unreadable(error)), None
    return TextFile(relative, Origin(path=relative, text=text), False, problem, note)


Place = tuple[int, int, str]


def _decoded(raw: bytes) -> tuple[str, Place | None, Place | None]:
    """The text of a file's bytes: UTF-8 (BOM removed) or UTF-16 with its BOM (as Windows
    Notepad saves "Unicode") or without it (`utf16_without_bom`); and where it cannot be
    read (a NUL byte: binary data, not read at all), or is read with U+FFFD for each byte
    that is no UTF-8, or as UTF-16 without a BOM."""
    utf16 = read_as_utf16(raw)
    if utf16 is not None:
        text, encoding, with_bom = utf16
        if with_bom:
            return text, None, None
        message = (
            f'is UTF-16 ({encoding}) without a byte order mark, as Excel saves "Unicode '
            'text": it was read as such and checked for personal data, but a browser or a '
            "spreadsheet may show it garbled; save it as UTF-8"
        )
        return text, None, (1, 1, message)
    nul = raw.find(b"\0")
    if nul < 0:
        return _decoded_utf8(raw)
    before = decode_utf8(raw[:nul])[0]
    line, column = LineIndex.of(before).position(len(before))
    message = (
        f"holds binary data (a NUL byte at line {line}), not text, so it is not checked "
        'for personal data; if it is text saved as UTF-16 or "Unicode text" (Excel, '
        "Notepad), save it as UTF-8; otherwise give it the extension of what it is, or "
        "leave it out of the site (exclude_docs)"
    )
    return "", (line, column, message), None


def read_as_utf16(raw: bytes) -> tuple[str, str, bool] | None:
    """`raw` read as UTF-16, as Windows tools save "Unicode" text: (its text, its byte
    order, whether it starts with a byte order mark), or None where it is no UTF-16. With
    a BOM (Notepad) it is UTF-16 if it decodes; without one (Excel's "Unicode text"), if
    `utf16_without_bom` says so."""
    if order := UTF16_BOMS.get(raw[:2]):
        try:
            return raw.decode("utf-16"), order, True
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: perhaps one without a BOM
    if b"\0" not in raw:
        return None
    found = utf16_without_bom(raw)
    return None if found is None else (*found, False)


def utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """The text of `raw` and its encoding ("little-endian" or "big-endian") if it is
    UTF-16 without a BOM: its NUL bytes on one side of its code units (the high byte of
    each ASCII character), and it reads as text, no control character or unassigned code
    point in it; or None."""
    if len(raw) % 2:
        return None
    units = len(raw) // 2
    nuls_first, nuls_second = raw[0::2].count(0), raw[1::2].count(0)
    if nuls_second >= nuls_first:
        codec, encoding, high, low = "utf-16-le", "little-endian", nuls_second, nuls_first
    else:
        codec, encoding, high, low = "utf-16-be", "big-endian", nuls_first, nuls_second
    if high < units * _UTF16_LEAST_NUL_SHARE or low > high * _UTF16_OTHER_SIDE_AT_MOST:
        return None
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:  # half a character left unpaired
        return None
    if any(_is_no_text(character) for character in set(text)):
        return None
    return text, encoding


def _is_no_text(character: str) -> bool:
    return (
        unicodedata.category(character) in _NO_TEXT_CATEGORIES and character not in _TEXT_CONTROLS
    )


def _decoded_utf8(raw: bytes) -> tuple[str, Place | None, Place | None]:
    """The text of a file's bytes, which hold no NUL byte, read as UTF-8."""
    text, problem = decode_utf8(raw)
    if problem is None:
        return text, None, None
    line, column, message = problem
    message += (
        "; it was checked for personal data with every byte that is no UTF-8 read as "
        "U+FFFD, so what such bytes spell may be missed"
    )
    return text, None, (line, column, message)
