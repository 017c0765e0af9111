"""One module's handout: its content gathered, rendered to HTML with Jinja2, then to PDF.

WeasyPrint is imported on first use behind `load_weasyprint()`, so the rest of the
handbook works (and tests can pretend) where Pango is missing. Nothing here reads the
network: fonts come from the system and a URL fetcher refuses every non-file URL.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import sys
import warnings
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import jinja2
import markdown
from jinja2.runtime import Context
from markupsafe import Markup

from .. import __version__
from ..extension_list import definition_lists_on
from ..file_names import on_disk
from ..imported_sources import imported_sources
from ..markdown.definitions import definition_as_shown
from ..model.source import where_it_leads
from ..model.types import Module, Origin, Protocol, Term
from ..rules.privacy_allow import without_trunk_zero
from ..slugs import a_to_z_key
from ..stack_room import HANDOUT_FRAMES, with_frames
from . import (
    handout_artifacts,
    handout_description_lists,
    handout_key_terms_gap,
    handout_languages,
    handout_link_tags,
    handout_narrow_tables,
    handout_phone_links,
    handout_phones,
    handout_problems,
)
from .handout_addresses import keep_addresses_unhyphenated
from .handout_link_areas import drop_inner_link_areas
from .handout_links import PublishedSite
from .handout_list_numbers import number_ordered_lists
from .handout_long_words import break_long_words
from .handout_problems import Unplaced
from .handout_text_direction import set_block_directions
from .homebrew_libraries import homebrew_libraries_found
from .languages import english_label, text_direction
from .phone_links import dialable, phone_href
from .print_only import remove_document_styling
from .printed_html import as_printed
from .urls import protocol_src_uri, term_src_uri

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "handout"
TEMPLATE_NAME = "handout.html.j2"
# A definition longer than this may run on to the next column or page: kept whole, one of
# half a page or more left a gap that size, or the box's heading alone at a page's foot.
LONG_DEFINITION_WORDS = 200
# So may a protocol's step longer than this (its title and detail): kept whole, a step of
# many paragraphs left most of a page blank before it (audit).
LONG_STEP_WORDS = 200
# The running header's module or protocol title is cut short at a word past this many
# characters (with "…"): the top margin holds some five lines of its 8 pt (trainer audit,
# task site63: a long title wrapped up to the paper's edge, where printers print nothing).
RUNNING_TITLE = 120
# The finest resolution of a picture in a handout: a photo from a phone went in as taken
# (8.7 MB, printed at 584 pixels an inch: audit); no printer needs more than this.
IMAGE_DPI = 300
STYLESHEET_NAME = "handout.css"
# Hex digits of a handout's edition (`HandoutContent.edition`), on every page's footer.
EDITION_DIGITS = 8
# What of a module, protocol or key term is not printed as text: where it was read from,
# the strings the checks read, its headings (its body is printed), and its history (the
# handout prints the dates it needs, in `updated` and each protocol's line).
_NOT_PRINTED = frozenset({"origin", "texts", "headings", "history"})

# CSS `size` values of the paper sizes the config allows.
PAGE_SIZES: Mapping[str, str] = {"A4": "A4", "Letter": "letter"}

# The site's Markdown extensions (mkdocs.yml), so a module reads the same on paper.
MARKDOWN_EXTENSIONS: tuple[str, ...] = (
    "admonition",
    "tables",
    "attr_list",
    "md_in_html",
    "footnotes",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
)
MARKDOWN_CONFIG: Mapping[str, Mapping[str, Any]] = {"pymdownx.tabbed": {"alternate_style": True}}
# Whether those run def_list: a definition's blocks indented after `:   ` are code on
# paper without it, whatever the site runs.
_DEFINITION_LISTS = definition_lists_on(list(MARKDOWN_EXTENSIONS))

PANGO_HINT = (
    "install Pango, e.g. `apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
    "libharfbuzz-subset0 fonts-dejavu-core` on Debian or Ubuntu, `brew install pango` on "
    "macOS (https://doc.courtbouillon.org/weasyprint/stable/first_steps.html)"
)

FONTS_HINT = (
    "install a font package, e.g. `apt-get install fonts-dejavu-core` on Debian or Ubuntu, "
    "`apk add font-dejavu` on Alpine"
)


TOO_DEEP = (
    "WeasyPrint ran out of stack: elements (HTML, quotes, lists, tables) nested too deep "
    "to lay out; `handbook check` names the line (markdown.nesting)"
)


class HandoutsUnavailable(Exception):
    """WeasyPrint cannot load here (no Pango), or cannot print (no font): no PDF can be
    made on this machine."""


class HandoutError(Exception):
    """One handout could not be rendered; the message says which and why."""


@dataclass(frozen=True)
class HandoutContent:
    """Everything that goes into one module's PDF (and so into its cache key)."""

    module: Module
    protocols: tuple[Protocol, ...]
    key_terms: tuple[Term, ...]
    paper_size: str
    site_name: str
    # (deprecated key term's id, the preferred form of the term that replaces it)
    replacements: tuple[tuple[str, str], ...] = ()
    language: str = "en"  # the site's, for screen readers
    # Where the site is published (mkdocs.yml's `site_url`), if it says: links to its
    # pages lead there, and the footer names it.
    site: PublishedSite | None = None
    # The countries whose national phone formats privacy.pii reads (privacy.countries):
    # their numbers print whole too (`handout_phones`).
    phone_countries: tuple[str, ...] = ()
    # privacy.allow's phone numbers and short codes (`public_phone_keys`) that the
    # handout's text may hold (`handout_held_phones`), sorted: links in the handout's
    # text, as on the site (`handout_phone_links`).
    public_phones: tuple[str, ...] = ()
    # The module's page by its source path, where the links in its text are resolved
    # from; None for a module without one.
    module_src_uri: str | None = None
    # The module's body as its page publishes it, the files it includes with
    # pymdownx.snippets in place (`expand_snippets`); None: as written.
    module_body: str | None = None

    @property
    def updated(self) -> dt.date | None:
        """The latest history date of what the handout prints: the module, its protocols
        and its key terms. Two printouts of one module version differ where a protocol or
        a key term changed between them (audit: both said the module's date alone)."""
        records = (self.module, *self.protocols, *self.key_terms)
        return max((entry.date for record in records for entry in record.history), default=None)

    @property
    def updated_elsewhere(self) -> bool:
        """Whether `updated` is a protocol's or a key term's date, later than the module's."""
        own = max((entry.date for entry in self.module.history), default=None)
        return self.updated is not None and (own is None or self.updated > own)

    @property
    def printed_body(self) -> str:
        """The Markdown of the module's text that the handout prints: its body as its page
        publishes it (`module_body`), without the `# Title` line the handout prints itself."""
        return _without_leading_title(
            self.module.body if self.module_body is None else self.module_body
        )

    @property
    def edition(self) -> str:
        """A short stamp of what the handout prints, on every page's footer: two printouts
        differ in it wherever they differ in text. Version and date cannot tell them apart
        where something was taken out: a key term deleted or merged away leaves no history
        entry, and the date can even go back (audit). Made of the printed fields, their
        Markdown as it is rendered for paper without the comments no one sees (audit: a
        Windows checkout's CRLF lines, or an editor's `<!-- note -->`, gave the same
        printout another edition); not of the site's name, address or paper (shown there
        as they are), nor of the template and stylesheet, so that the same text keeps its
        edition from build to build."""
        html = _html_writer(_site_without_address(self.site))

        def printed(text: str, src_uri: str | None) -> str:
            return as_printed(html(text, src_uri))

        module = _printed_fields(self.module)
        module["body"] = printed(self.printed_body, self.module_src_uri)
        protocols = []
        for protocol in self.protocols:
            fields = _printed_fields(protocol)
            page = protocol_src_uri(protocol.id)
            fields["summary"] = printed(protocol.summary, page)
            fields["steps"] = [[step.title, printed(step.detail, page)] for step in protocol.steps]
            protocols.append([fields, protocol.history[0].date if protocol.history else None])
        content = {
            "module": module,
            "protocols": protocols,
            "key_terms": [
                [
                    term.id,
                    term.term,
                    term.status,
                    printed(key_term_markdown(term.definition), term_src_uri(term.id)),
                ]
                for term in self.key_terms
            ],
            "replacements": self.replacements,
            "updated": self.updated,
        }
        # surrogatepass: a stamp for any text, as the cache key is made
        encoded = json.dumps(content, default=_json_value, ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256(encoded.encode("utf-8", "surrogatepass")).hexdigest()
        return digest[:EDITION_DIGITS]


def _site_without_address(site: PublishedSite | None) -> PublishedSite | None:
    """`site` at no address: its links to the handbook still lead to the pages they
    lead to, and to nothing where they do (so the edition follows what they print),
    but not to the site's own address, which is not part of the edition."""
    return None if site is None else dataclasses.replace(site, url="")


def _printed_fields(record: Module | Protocol) -> dict[str, object]:
    """The fields of `record` that a handout prints (`_NOT_PRINTED` left out)."""
    return {
        field.name: getattr(record, field.name)
        for field in dataclasses.fields(record)
        if field.name not in _NOT_PRINTED
    }


def _json_value(value: object) -> object:
    """A date, or a protocol's step or contact, as JSON writes it."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    raise TypeError(f"not printed: {type(value).__name__}")


def load_weasyprint() -> ModuleType:
    """WeasyPrint, imported on first use; `HandoutsUnavailable` where Pango cannot load,
    or where fontconfig finds no font: looked for at every call, so that a font installed
    while `mkdocs serve` runs is found at its next rebuild (review)."""
    weasyprint, problem = _import_weasyprint()
    if weasyprint is None:
        raise HandoutsUnavailable(problem)
    if not font_files():
        raise HandoutsUnavailable(
            "PDF handouts need a font, and fontconfig finds none here (Pango would crash "
            f"on the first line of text); {FONTS_HINT}"
        )
    return weasyprint


@cache
def _import_weasyprint() -> tuple[ModuleType | None, str]:
    """(WeasyPrint, "") or (None, why not), once a process: a failed import prints
    WeasyPrint's own banner about missing libraries, which a build must show once."""
    try:
        # Where fontconfig finds no font, WeasyPrint only warns (with a stack excerpt) and
        # Pango then kills the process at the first text it lays out (audit: a segmentation
        # fault mid-build, the PDF being replaced lost). `load_weasyprint` says so instead.
        with warnings.catch_warnings(), homebrew_libraries_found():
            warnings.filterwarnings("ignore", message=r".*FontConfig", category=UserWarning)
            import weasyprint
    except ImportError as error:
        return None, (
            f"PDF handouts need WeasyPrint, which is not installed ({error}); "
            "install it into the same environment as the handbook: pip install weasyprint"
        )
    except OSError as error:
        return None, (
            f"PDF handouts need WeasyPrint, which cannot load its Pango library here "
            f"({error}); {PANGO_HINT}"
        )
    return weasyprint, ""


def font_files() -> list[str]:
    """The font files fontconfig finds now, sorted (a font installed since counts), read
    through WeasyPrint's own bindings: call it once WeasyPrint is imported."""
    from weasyprint.text.ffi import ffi, fontconfig

    config = ffi.gc(fontconfig.FcInitLoadConfigAndFonts(), fontconfig.FcConfigDestroy)
    fonts = fontconfig.FcConfigGetFonts(config, fontconfig.FcSetSystem)
    if fonts == ffi.NULL:
        return []
    files = []
    found = ffi.new("FcChar8 **")
    for index in range(fonts.nfont):
        result = fontconfig.FcPatternGetString(fonts.fonts[index], b"file", 0, found)
        if result == fontconfig.FcResultMatch:
            files.append(ffi.string(found[0]).decode("utf-8", "surrogateescape"))
    return sorted(files)


def font_set_digest() -> str | None:
    """A digest of the fonts fontconfig finds now, each file with its size and time (a
    font upgraded in place may have the characters its older version lacked: review),
    None where WeasyPrint cannot load: a PDF with characters no font had is made again
    once it differs (`HandoutCache.get`)."""
    weasyprint, _ = _import_weasyprint()
    if weasyprint is None:
        return None
    digest = hashlib.sha256()
    for name in font_files():
        try:
            stat = os.stat(name)  # noqa: PTH116 (a name as fontconfig gives it)
        except OSError:
            continue
        digest.update(
            f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8", "surrogateescape")
        )
    return digest.hexdigest()


def sort_key_terms(terms: Iterable[Term], language: str) -> tuple[Term, ...]:
    """Key terms in the order a reader looks them up: by preferred form, as the
    glossary's A-Z index orders them in the site's `language` (case and accents ignored)."""
    return tuple(sorted(terms, key=lambda term: (*a_to_z_key(term.term, language), term.id)))


@cache
def renderer_digest() -> str:
    """A digest of what turns content into a PDF: templates, stylesheet, this code and
    every module of the package it imports, directly or not, with the packages' `__init__`
    modules that Python runs first (`imported_sources`): what it
    prints the author's HTML without (`print_only`), what it says it could not print
    (`handout_problems`, kept beside the PDF), how it finds the phone numbers it keeps
    whole (`handout_phones` and the privacy rule's finders, with the patterns they share:
    `soft_breaks`, `letters`), and what shows a definition as text (`markdown.definitions`
    and what it reads Markdown with). Read from the imports, not listed: a hand-kept list
    left out three of the finders' modules (review rv6)."""
    digest = hashlib.sha256()
    for name, path in sorted(imported_sources(sys.modules[__name__]).items()):
        digest.update(name.encode())
        digest.update(path.read_bytes())
    for path in sorted(TEMPLATE_DIR.iterdir()):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


# (the source path of the page a link is written on, the link's href) -> where it leads
# on the published site, or None: each link to the handbook a render resolved.
SiteLinks = MutableMapping[tuple[str, str], str | None]


def render_html(content: HandoutContent, site_links: SiteLinks | None = None) -> str:
    """The handout as one self-contained HTML document (styles inlined). Each link to
    the handbook resolved on the published site goes into `site_links`: the PDF changes
    with where it leads, which its text does not tell."""
    module = content.module
    to_html = _html_writer(content.site, site_links)
    updated = content.updated
    replacements = dict(content.replacements)
    return (
        _environment()
        .get_template(TEMPLATE_NAME)
        .render(
            module=module,
            body=to_html(content.printed_body, content.module_src_uri),
            # Objectives and step titles are plain text, as the site shows them: a
            # trainer's `<your local task force>` prints as typed (audit: it vanished).
            objectives=module.objectives,
            protocols=[
                {
                    "protocol": protocol,
                    # Written on the protocol's page: its links lead from there.
                    "summary": to_html(protocol.summary, protocol_src_uri(protocol.id)),
                    "steps": [
                        (
                            step.title,
                            to_html(step.detail, protocol_src_uri(protocol.id)),
                            len(f"{step.title} {step.detail}".split()) > LONG_STEP_WORDS,
                        )
                        for step in protocol.steps
                    ],
                }
                for protocol in content.protocols
            ],
            # Each term's definition as its page shows it (tags typed in it as text),
            # not the one-line `short` of tooltips: DESIGN section 8.
            key_terms=[
                (
                    term,
                    to_html(key_term_markdown(term.definition), term_src_uri(term.id)),
                    len(term.definition.split()) > LONG_DEFINITION_WORDS,
                    replacements.get(term.id),
                )
                for term in content.key_terms
            ],
            updated=updated.isoformat() if updated else "",
            updated_elsewhere=content.updated_elsewhere,
            edition=content.edition,
            page_size=PAGE_SIZES[content.paper_size],
            site_name=content.site_name,
            site_url=content.site.url if content.site is not None else "",
            language=content.language,
            right_to_left=text_direction(content.language) == "rtl",
            running_title=RUNNING_TITLE,
            package_version=__version__,
            stylesheet=Markup((TEMPLATE_DIR / STYLESHEET_NAME).read_text(encoding="utf-8")),
        )
    )


def key_term_markdown(definition: str) -> str:
    """A key term's `definition` as its handout prints it, as its page shows it
    (`definition_as_shown`: tags typed in it as text), its code read as the handouts'
    Markdown reads it (`MARKDOWN_EXTENSIONS`)."""
    return definition_as_shown(definition, definition_lists=_DEFINITION_LISTS)


def printed_text_html(markdown: str) -> str:
    """`markdown`, a module's text, as HTML for paper, as its handout prints it (links to
    the handbook printed as text: where they lead changes no element)."""
    return str(_html_writer(None)(markdown))


def _html_writer(
    site: PublishedSite | None, site_links: SiteLinks | None = None
) -> Callable[[str, str | None], Markup]:
    """What turns Markdown written on a page of the site into HTML for paper, its links to
    the handbook leading to `site` (each one resolved kept in `site_links`)."""
    converter = _markdown()
    for_paper = converter.treeprocessors[_ForPaper.NAME]
    assert isinstance(for_paper, _ForPaper)

    def to_html(text: str, src_uri: str | None = None) -> Markup:
        """`text`, written on the page `src_uri` of the site, as HTML for paper."""
        converter.reset()
        for_paper.address_of = _addresses(site, src_uri, site_links)
        # The author's Markdown, raw HTML included, exactly as the site publishes it (the
        # PDF leaves out what would restyle the whole handout: see `render_pdf`).
        return Markup(converter.convert(text))

    return to_html


def render_pdf(
    content: HandoutContent,
    base_dir: Path,
    allowed_roots: Iterable[Path],
    files_read: list[Path] | None = None,
    problems: list[Unplaced] | None = None,
    site_links: SiteLinks | None = None,
) -> bytes:
    """The handout as PDF bytes. `base_dir` resolves the module's relative images; only
    files under `allowed_roots` may be read, and each one read (an image) is added to
    `files_read`: the PDF changes with them, which its text does not tell; so it does
    with where its links to the handbook lead (`site_links`, see `render_html`). What
    could not be printed as written (a picture, characters no font has) goes into
    `problems`."""
    weasyprint = load_weasyprint()
    html = render_html(content, site_links)
    roots = tuple(allowed_roots)
    # Also where no one asks: a picture that a drawing read here shows is placed there.
    read: list[Path] = []
    fetcher = _local_fetcher(weasyprint, (TEMPLATE_DIR, *roots), read)
    base_url = base_dir.resolve().as_uri() + "/"

    def render() -> tuple[bytes, list[str], frozenset[str], list[Unplaced]]:
        with handout_problems.collected() as messages:
            document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher)
            # The tree WeasyPrint parsed and will lay out, without what of the author's
            # HTML would style the whole handout; a `<base>` of theirs had moved its base
            # URL already.
            remove_document_styling(document.etree_element)
            mark_wide_tables(document.etree_element)
            set_block_directions(document.etree_element)
            handout_phone_links.link_public_phones(
                document.etree_element, frozenset(content.public_phones)
            )
            mark_link_destinations(document.etree_element)
            number_ordered_lists(document.etree_element)  # `<ol start="3">`: 3. 4.
            handout_phones.keep_phone_numbers_whole(document.etree_element, content.phone_countries)
            keep_addresses_unhyphenated(document.etree_element)
            break_long_words(document.etree_element)
            document.base_url = base_url
            # Tagged: headings, lists and key terms keep their structure for screen readers,
            # a passage in another language says which (`handout_languages`), a term of a
            # description list is one item with its description
            # (`handout_description_lists`), and a link is one link (`handout_link_tags`).
            handout_languages.mark_languages(weasyprint)
            handout_description_lists.pair_descriptions(weasyprint)
            handout_link_tags.join_links(weasyprint)
            # The page margins' header, footer and page numbers are not read aloud.
            margins_as_artifacts = handout_artifacts.draw_margins_as_artifacts(weasyprint)
            needing_none = handout_problems.needing_no_description(document.etree_element)
            options = {"pdf_tags": True, "dpi": IMAGE_DPI, "optimize_images": True}
            laid_out = document.render(**options)
            if handout_key_terms_gap.close_the_gap(document.etree_element, laid_out.pages):
                read.clear()  # read again by the second layout
                laid_out = document.render(**options)
            narrow = handout_narrow_tables.narrow_tables(document.etree_element, laid_out.pages)
            drop_inner_link_areas(laid_out.pages)  # one clickable area a link's line
            if margins_as_artifacts:
                handout_artifacts.flag_page_margins(laid_out.pages)
            pdf = laid_out.write_pdf(**options)
        return pdf, messages, needing_none, narrow

    try:
        # With the same stack whoever asks (the build, the CLI, `mkdocs serve`'s thread):
        # how deep a module may nest (`handout_depth`) holds for every render.
        pdf, messages, needing_none, narrow = with_frames(render, HANDOUT_FRAMES)
    except RecursionError as error:
        raise HandoutError(TOO_DEEP) from error
    except Exception as error:  # WeasyPrint raises many kinds; each one means "no PDF"
        raise HandoutError(f"WeasyPrint failed: {type(error).__name__}: {error}") from error
    assert isinstance(pdf, bytes)
    if files_read is not None:
        files_read.extend(read)
    if problems is not None:
        problems.extend(handout_problems.described(messages, base_dir, roots, read, needing_none))
        problems.extend(narrow)
    return pdf


def printed_from(content: HandoutContent) -> list[Origin]:
    """The files a handout prints from, the module first: where its problems are placed."""
    return [
        content.module.origin,
        *(protocol.origin for protocol in content.protocols),
        *(term.origin for term in content.key_terms),
    ]


def _local_fetcher(
    weasyprint: ModuleType, roots: Iterable[Path], files_read: list[Path] | None = None
) -> Any:
    """A WeasyPrint URL fetcher that reads only files under `roots` (and `data:` URLs),
    none in a `.git` folder (`model.source.where_it_leads`): a handout never touches the
    network. Each file it reads outside the handout's own templates (whose digest is in
    every key) goes into `files_read`."""
    allowed = tuple(str(root.resolve()) for root in roots)
    templates = TEMPLATE_DIR.resolve()

    class LocalFetcher(weasyprint.urls.URLFetcher):  # type: ignore[name-defined,misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            # `file://host/...`: Python's file handler looks the host up in DNS, which
            # would tell a host a pull request chose that CI builds it (security audit).
            if parts.scheme == "file" and parts.netloc.lower() not in ("", "localhost"):
                raise ValueError("handouts load nothing from the network")
            if parts.scheme == "file":
                typed = Path(unquote(parts.path)).resolve()
                path = _as_on_disk(typed)
                if path != typed:  # read by its name on disk
                    url = urlunsplit(parts._replace(path=urlsplit(path.as_uri()).path))
                if where_it_leads(str(path), allowed) is not None:
                    # WeasyPrint's message names the URL: the reason does not again.
                    raise ValueError("handouts only read files of the handbook")
                if files_read is not None and not path.is_relative_to(templates):
                    files_read.append(path)
            elif parts.scheme != "data":
                raise ValueError("handouts load nothing from the network")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols={"file", "data"}, allow_redirects=False)


def _as_on_disk(path: Path) -> Path:
    """`path`, absolute, as it is on disk: a picture's link is typed with its accents
    composed, and a folder committed from a Mac may have them decomposed (on Linux, no
    such file by the typed name). Resolved again: the name on disk may be a link, which
    the check of where it leads must follow as it does the typed name's."""
    found = on_disk(Path(path.anchor), path.relative_to(path.anchor).as_posix())
    return path if found == path else found.resolve()


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["css_string"] = _css_string
    environment.filters["english"] = _english
    # A contact's numbers link as on its protocol's page (templates/site/protocol.md.j2).
    environment.filters["tel"] = phone_href
    environment.filters["sms"] = partial(phone_href, scheme="sms")
    environment.globals["dialable"] = dialable
    return environment


@jinja2.pass_context
def _english(context: Context, label: str) -> Markup:
    """The template's own English `label`, marked as English where the handout's
    language (the site's) is not."""
    return english_label(label, context["language"])


def _css_string(text: str) -> Markup:
    """`text` as a quoted CSS string inside a <style> element: quotes and backslashes are
    escaped, and so are `<`, `>` and `&`, so that no text can close the element."""
    return Markup('"' + "".join(_css_char(char) for char in str(text)) + '"')


def _css_char(char: str) -> str:
    if char in '"\\':
        return "\\" + char
    if char in "<>&" or ord(char) < 32:
        return f"\\{ord(char):x} "
    return char


def _without_leading_title(body: str) -> str:
    """The body without a leading `# Title` line: the handout prints the title itself."""
    stripped = body.lstrip()
    if stripped.startswith("# "):
        return stripped.partition("\n")[2]
    return body


def _addresses(
    site: PublishedSite | None, src_uri: str | None, resolved: SiteLinks | None
) -> Callable[[str], str | None]:
    """Where a link written on the page `src_uri` leads on the published `site` (None:
    nowhere paper can follow), each answer kept in `resolved`."""
    if site is None or src_uri is None:
        return _nowhere
    page, published = src_uri, site

    def address(href: str) -> str | None:
        found = published.address(page, href)
        if resolved is not None:
            resolved[(page, href)] = found
        return found

    return address


def _nowhere(href: str) -> None:
    return None


def _markdown() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[*MARKDOWN_EXTENSIONS, _PrintExtension()],
        extension_configs={name: dict(config) for name, config in MARKDOWN_CONFIG.items()},
    )


class _PrintExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Last, after inline patterns (20) and footnotes: it rewrites the finished tree.
        md.treeprocessors.register(_ForPaper(md), _ForPaper.NAME, 0)


class _ForPaper(markdown.treeprocessors.Treeprocessor):
    """Make the tree read on paper: links to other pages lead to the published site, or
    become text; every admonition has a visible label, and tab sets become one labelled
    block per tab."""

    NAME = "handout_for_paper"

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        # Where a link to the handbook leads on the published site: set for each text.
        self.address_of: Callable[[str], str | None] = _nowhere

    def run(self, root: etree.Element) -> None:
        for element in list(root.iter()):
            classes = element.get("class", "").split()
            if element.tag == "a":
                _unlink_if_local(element, self.address_of)
            elif element.tag == "div" and "admonition" in classes:
                _label_admonition(element, classes)
            elif element.tag == "div" and "tabbed-set" in classes:
                _flatten_tabs(element)
            elif element.tag == "table" and _too_wide(element):
                element.set("class", " ".join([*classes, "hb-wide"]))


def mark_wide_tables(root: etree.Element) -> None:
    """Give each table of the parsed document `root` too wide for the paper (`_too_wide`)
    its columns of even widths: a table written in HTML too, which Python-Markdown sets
    aside while `_ForPaper` reads the tree (40 columns ran 4,100 pt wide, past a page of
    660, with no word said)."""
    for table in root.iter("table"):
        classes = table.get("class", "").split()
        if "hb-wide" not in classes and _too_wide(table):
            table.set("class", " ".join([*classes, "hb-wide"]))


# A table wider than this many columns, or with a word longer than this many characters
# (an address), does not fit the paper as its words would lay it out.
_WIDE_COLUMNS = 6
_LONG_WORD = 30


def _too_wide(table: etree.Element) -> bool:
    """Whether `table` would run past the paper's edge laid out by its words (WeasyPrint
    cuts what does: 27 of 30 columns were missing, no word said): it then gets columns of
    even widths, its words broken where they must (`hb-wide` in handout.css)."""
    first_row = next(table.iter("tr"), None)
    if first_row is not None and len(first_row) > _WIDE_COLUMNS:
        return True
    return any(
        len(word) > _LONG_WORD
        for cell in table.iter()
        if cell.tag in ("td", "th")
        for word in "".join(cell.itertext()).split()
    )


def _unlink_if_local(
    link: etree.Element, address_of: Callable[[str], str | None] = _nowhere
) -> None:
    """A link to another page of the handbook (or a file of it) leads to it on the
    published site, its `address_of`, whose address `mark_link_destinations` then prints
    after it; with none (no `site_url`, nothing there), it becomes text: paper cannot
    follow it."""
    href = link.get("href", "")
    if href.startswith("#") or _destination(href) is not None:
        return
    address = address_of(href)
    if address is not None:
        link.set("href", address)
        return
    link.tag = "span"
    link.attrib.pop("href", None)


def mark_link_destinations(root: etree.Element) -> None:
    """Give each link of the document `root` that leads out of the handbook (a web
    address, a phone number, an e-mail address) where it leads, `data-print`, which the
    stylesheet prints after its text, unless its text says so already. On the parsed
    document, so that a link written in HTML has it too (review)."""
    for link in root.iter("a"):
        href = link.get("href", "")
        destination = _destination(href)
        if destination is None:
            if _leads_to_a_file(href):
                # Written in HTML, a link to a page of the handbook is not resolved as a
                # Markdown one is: WeasyPrint made it a link to the build machine's own
                # file (file:///home/...), path and all (review). Text, as on paper.
                link.tag = "span"
                link.attrib.pop("href", None)
            continue
        if not _says(" ".join("".join(link.itertext()).split()), href, destination):
            link.set("data-print", destination)


# The schemes of a link to a phone: to call it, or to text it (`sms:233733`).
_PHONE_SCHEMES = frozenset({"tel", "sms"})


def _destination(href: str) -> str | None:
    """What a reader of paper needs of `href`: the address, number or e-mail address; None
    for a link to a page of the handbook."""
    scheme = urlsplit(href).scheme.lower()
    if scheme in {"http", "https"}:
        return href
    if scheme in {"mailto", *_PHONE_SCHEMES}:
        return unquote(href.partition(":")[2].partition("?")[0])
    return None


def _leads_to_a_file(href: str) -> bool:
    """Whether `href` is relative (no scheme, not only a #fragment) or a `file:` link:
    the PDF would lead to a file of the machine that made it."""
    scheme = urlsplit(href).scheme.lower()
    return scheme == "file" or (not scheme and bool(href) and not href.startswith("#"))


def _says(text: str, href: str, destination: str) -> bool:
    """Whether a link's `text` already gives its destination (`<https://x.org>`, the
    number written out as the text of a `tel:` link, with or without its country code, or
    with a trunk `(0)` no one dials: `+44 (0)20 7946 0000` printed `(+442079460000)` after
    it, review rv59f)."""
    if urlsplit(href).scheme.lower() in _PHONE_SCHEMES:
        written, dialled = (
            re.sub(r"\D", "", value) for value in (without_trunk_zero(text), destination)
        )
        return bool(dialled) and (
            dialled in written
            # All but a country code (1 to 3 digits): no area code left out (review).
            or (
                len(written) >= 7 and dialled.endswith(written) and len(dialled) - len(written) <= 3
            )
        )
    return _bare_address(text) == _bare_address(destination)


def _bare_address(address: str) -> str:
    bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", address.strip().lower())
    return bare.rstrip("/")


def _label_admonition(admonition: etree.Element, classes: list[str]) -> None:
    first = admonition[0] if len(admonition) else None
    if first is not None and "admonition-title" in first.get("class", "").split():
        return
    kind = next((name for name in classes if name != "admonition"), "note")
    title = etree.Element("p", {"class": "admonition-title"})
    title.text = kind.replace("-", " ").capitalize()
    admonition.insert(0, title)


def _flatten_tabs(tab_set: etree.Element) -> None:
    labels = [
        "".join(label.itertext())
        for row in _children_with_class(tab_set, "tabbed-labels")
        for label in row
        if label.tag == "label"
    ]
    blocks = [
        block
        for content in _children_with_class(tab_set, "tabbed-content")
        for block in _children_with_class(content, "tabbed-block")
    ]
    for child in list(tab_set):
        tab_set.remove(child)
    tab_set.attrib.clear()
    tab_set.set("class", "hb-tabs")
    for label, block in zip(labels, blocks, strict=False):
        tab = etree.SubElement(tab_set, "div", {"class": "hb-tab"})
        title = etree.SubElement(tab, "p", {"class": "hb-tab-title"})
        title.text = label
        tab.extend(list(block))


def _children_with_class(parent: etree.Element, name: str) -> list[etree.Element]:
    return [child for child in parent if name in child.get("class", "").split()]
