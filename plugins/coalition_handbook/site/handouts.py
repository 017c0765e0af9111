"""The trainers' PDF handouts: one per training module (DESIGN section 8).

`make_handouts` gathers each module's content (its protocols, and the glossary terms its
text uses: `handout_key_terms`) and renders what the cache does not already hold;
`publish_made` writes `<module-id>.pdf` into a folder (`build_handouts` does both).
Two front doors:

- the plugin makes them before the pages, and `publish_handouts(context, site_dir, emit,
  made)` publishes them at `on_post_build` into `site_dir/handouts`; it returns a message
  when the build must fail;
- `handout_command.run_handouts(config, output)`: `handbook handouts`, without the
  site.

Where WeasyPrint cannot load (no Pango, or no font at all) the build says so once and goes
on without PDFs. The plugin makes the handouts before the pages (`make_handouts`), so a
module page whose PDF could not be made, for that reason or another, says so instead of
linking to it (`unpublished_handouts`); under `CI=true` a handout that could not be made
fails the build or the command.
"""

from __future__ import annotations

import logging
import math
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..config import HandbookConfig
from ..model.modules import module_files
from ..model.snippets import expand_snippets
from ..model.types import Module
from ..rules.base import CheckContext
from ..rules.privacy_allow import public_phone_keys
from . import handout_render
from .handout_cache import HandoutCache, cache_key, read_files, write_atomically
from .handout_held_phones import held_public_phones
from .handout_key_terms import chains_of_replacements, module_key_terms
from .handout_links import PublishedSite, left_out_modules, module_src_uri, published_site
from .handout_messages import (
    cache_unwritable_message,
    describe,
    describe_failure,
    printing_problem_message,
    unavailable_message,
)
from .handout_problems import HandoutProblem, Unplaced, placed
from .handout_render import (
    HandoutContent,
    HandoutError,
    HandoutsUnavailable,
    SiteLinks,
    sort_key_terms,
)
from .urls import HANDOUTS_DIR

if TYPE_CHECKING:  # a stop signal is given by `mkdocs serve`'s renders in the background only
    from threading import Event

Outcome = Literal["rendered", "cached", "failed"]


class HandoutsStopped(Exception):
    """`make_handouts` was told to stop (its `stop` was set): raised before the next
    module's handout, or before its render, so that the run returns nothing to publish."""


@dataclass(frozen=True)
class HandoutResult:
    """What became of one module's handout. A failed one may still have `path`: the
    previous good PDF, kept or restored from the cache."""

    module: Module
    outcome: Outcome
    path: Path | None
    seconds: float = 0.0
    problem: str | None = None
    # What the PDF shows otherwise than its source says, if so.
    printing_problems: tuple[HandoutProblem, ...] = ()
    # The PDF made, until it is published (`make_handouts`, `publish_made`).
    pdf: bytes | None = field(default=None, repr=False)
    # Where the PDF's links to the handbook lead: (page, href, address or None).
    site_links: tuple[tuple[str, str, str | None], ...] = field(default=(), repr=False)


@dataclass
class HandoutReport:
    # The handbook's folder, whose cache holds each module's last good PDF.
    root: Path
    # The name of its config file: the site whose last good PDFs are published.
    config_name: str
    results: list[HandoutResult] = field(default_factory=list)
    # Why no PDF can be rendered on this machine (no Pango, or no font), if so.
    unavailable: str | None = None
    # Where the handout cache could not be written, and why, if so (`HandoutCache`).
    cache_unwritable: tuple[Path, str] | None = None
    # The modules whose handout the run cannot publish: it failed, and no earlier PDF of
    # theirs is there to publish instead (`make_handouts`).
    unpublished: frozenset[str] = frozenset()
    # The modules whose handout the cache does not hold, left to render later
    # (`make_handouts(render=False)`: `mkdocs serve`'s rebuilds); not in `results`.
    pending: tuple[str, ...] = ()

    @property
    def failed(self) -> list[HandoutResult]:
        return [result for result in self.results if result.outcome == "failed"]

    def count(self, outcome: Outcome) -> int:
        return sum(result.outcome == outcome for result in self.results)

    def sizes(self) -> dict[str, int]:
        """Module id -> bytes of the PDF this run made (rendered or from the cache), which
        the build publishes: what its link tells a reader the download costs. Not a failed
        one's, whose earlier PDF is only chosen when published (`publish_made`)."""
        return {
            result.module.id: len(result.pdf) for result in self.results if result.pdf is not None
        }


def handout_content(
    context: CheckContext, module: Module, unpublished: frozenset[str] = frozenset()
) -> HandoutContent:
    """Everything that goes into `module`'s handout (protocols it names that do not exist
    are left out: module.reference reports them). A link to the handout of a module in
    `unpublished`, which the run cannot publish, leads nowhere on the site."""
    handbook, config = context.handbook, context.config
    use_now = chains_of_replacements(context).now
    key_terms = sort_key_terms(
        (
            handbook.terms[term_id]
            for term_id in module_key_terms(context, module)
            if term_id in handbook.terms
        ),
        config.language,
    )
    content = HandoutContent(
        module=module,
        protocols=tuple(
            handbook.protocols[protocol_id]
            for protocol_id in module.protocols
            if protocol_id in handbook.protocols
        ),
        key_terms=key_terms,
        paper_size=config.paper_size,
        site_name=config.site_name,
        language=config.language,
        site=_published_site(context, unpublished),
        phone_countries=config.privacy_countries,
        module_src_uri=module_src_uri(config, module.id),
        module_body=_as_published(module, config),
        # The term to use now, at the end of a chain of replacements, as the site says.
        replacements=tuple(
            (term.id, handbook.terms[replacement].term)
            for term in key_terms
            if (replacement := use_now.get(term.id)) is not None
        ),
    )
    public = context.shared("public_phone_keys", lambda: public_phone_keys(config.privacy_allow))
    return replace(content, public_phones=held_public_phones(_printed_texts(content), public))


def _printed_texts(content: HandoutContent) -> Iterator[str | None]:
    """The texts whose digits `content`'s handout prints: its records' sources and
    fields as read (YAML's `"\\u0039"` is a 9 printed), the key terms' fields it prints,
    its date, the site's name and address, and the steps' numbers (`held_public_phones`:
    what may hold a public number to link)."""
    for record in (content.module, *content.protocols):
        yield record.origin.text
        yield from (value for _, value in record.texts)
        yield str(record.version)
    yield content.module_body
    for protocol in content.protocols:
        yield " ".join(str(number) for number in range(1, len(protocol.steps) + 1))
    for term in content.key_terms:
        yield term.term
        yield term.definition
    for _, replacement in content.replacements:
        yield replacement
    yield content.updated.isoformat() if content.updated else None
    yield content.site_name
    yield content.site.url if content.site is not None else None


def _as_published(module: Module, config: HandbookConfig) -> str | None:
    """The module's body with what it includes with pymdownx.snippets in place, as its
    page publishes it; None when it includes nothing."""
    body = expand_snippets(module.body, config.snippets, config.root, module.origin.path)
    return None if body == module.body else body


def _published_site(context: CheckContext, unpublished: frozenset[str]) -> PublishedSite | None:
    """The site the handbook is published at (`published_site`), without the handouts
    of the modules in `unpublished`; once a run for each (a glossary of thousands of
    terms has as many pages)."""
    config, handbook = context.config, context.handbook
    site = context.shared("published_site", lambda: published_site(config, handbook))
    if site is None or not unpublished:
        return site
    key = f"published_site without {' '.join(sorted(unpublished))}"
    return context.shared(key, lambda: site.without_handouts(unpublished))


def build_handouts(
    context: CheckContext,
    output_dir: Path,
    held_back: Mapping[str, str] | None = None,
    say: Callable[[str], None] | None = None,
) -> HandoutReport:
    """Publish `<module-id>.pdf` for every module into `output_dir`, from the cache where
    nothing changed (`make_handouts`, then `publish_made`)."""
    return publish_made(make_handouts(context, held_back, output_dir, say), output_dir)


def make_handouts(
    context: CheckContext,
    held_back: Mapping[str, str] | None = None,
    output_dir: Path | None = None,
    say: Callable[[str], None] | None = None,
    *,
    render: bool = True,
    stop: Event | None = None,
) -> HandoutReport:
    """Every module's handout (but those the site leaves out: `left_out_modules`),
    rendered or from the cache, held in memory (`pdf`) until
    `publish_made` writes it: the plugin makes them before the pages, so that a page links
    to no PDF that failed (audit). Modules whose file is in `held_back` (see
    `held_back_by_errors`) fail so, with its reason, without being made.

    Nor does a handout link to another module's handout that the run cannot publish
    (`HandoutReport.unpublished`: it failed, and neither the cache nor `output_dir`,
    where the PDFs go, holds an earlier one): a handout that does is made again with that
    link printed as its text, as a link to nothing the site publishes. Should that fail
    (no PDF can be made on this machine), the one made first is kept.

    `say` is told, before it starts, of a render that will take long (`_long_render`).
    Without `render`, only the cache's handouts are made: the others are named in
    `HandoutReport.pending`, and left for a later run to render. Once `stop` is set, the
    run raises `HandoutsStopped` before its next module or render (a render under way
    ends first, into the cache: WeasyPrint cannot be interrupted)."""
    config = context.config
    cache = HandoutCache.beside(config.root, config.config_name)
    report = HandoutReport(config.root, config.config_name)
    left_out = left_out_modules(config, context.handbook.modules)
    modules = sorted(
        (module for module in context.handbook.modules.values() if module.id not in left_out),
        key=lambda module: module.id,
    )
    made = [
        _make(context, module, cache, report, held_back, say=say, render=render, stop=stop)
        for module in modules
    ]
    report.results = [result for result in made if result is not None]
    report.pending = tuple(
        module.id for module, result in zip(modules, made, strict=True) if result is None
    )
    report.unpublished = frozenset(
        result.module.id
        for result in report.failed
        if cache.last_good_pdf(result.module.id) is None
        and not (output_dir is not None and (output_dir / f"{result.module.id}.pdf").is_file())
    )
    site = _published_site(context, report.unpublished)
    if site is not None and report.unpublished:
        for index, result in enumerate(report.results):
            if result.outcome == "failed" or all(
                site.address(page, href) == address for page, href, address in result.site_links
            ):
                continue
            made_again = _make(
                context,
                result.module,
                cache,
                report,
                None,
                report.unpublished,
                render=render,
                stop=stop,
            )
            if made_again is not None and made_again.outcome != "failed":
                report.results[index] = made_again
    report.cache_unwritable = cache.unwritable
    return report


def _make(
    context: CheckContext,
    module: Module,
    cache: HandoutCache,
    report: HandoutReport,
    held_back: Mapping[str, str] | None,
    unpublished: frozenset[str] = frozenset(),
    say: Callable[[str], None] | None = None,
    *,
    render: bool = True,
    stop: Event | None = None,
) -> HandoutResult | None:
    """`module`'s handout, from the cache or rendered (see `make_handouts`); a render
    that finds no PDF can be made on this machine says why in `report.unavailable`.
    None: the cache does not hold it, and it is not to be rendered (`render`)."""
    _stop_if_told(stop)
    config = context.config
    reason = (held_back or {}).get(module.origin.path)
    if reason is not None:
        return HandoutResult(module, "failed", None, problem=reason)
    started = time.perf_counter()
    content = handout_content(context, module, unpublished)
    key = cache_key(content)
    cached = cache.get(module.id, key, config.root, content.site)
    if cached is not None:
        seconds = time.perf_counter() - started
        printing = _placed(cached.problems, content)
        return HandoutResult(
            module,
            "cached",
            None,
            seconds,
            printing_problems=printing,
            pdf=cached.pdf,
            site_links=cached.links,
        )
    if not render:
        return None
    _stop_if_told(stop)  # the module's content may have taken a while
    try:
        if report.unavailable is not None:
            raise HandoutsUnavailable(report.unavailable)
        if say is not None and (long_render := _long_render(content)) is not None:
            say(long_render)
        files_read: list[Path] = []
        problems: list[Unplaced] = []
        site_links: SiteLinks = {}
        pdf = handout_render.render_pdf(
            content,
            base_dir=(config.root / module.origin.path).parent,
            allowed_roots=(config.docs_dir,),
            files_read=files_read,
            problems=problems,
            site_links=site_links,
        )
    except HandoutsUnavailable as error:
        report.unavailable = str(error)
        # Why is said once, after every module (no Pango, or no font).
        return HandoutResult(module, "failed", None, problem="no PDF can be made on this machine")
    except HandoutError as error:
        return HandoutResult(module, "failed", None, problem=str(error))
    cache.put(module.id, key, pdf, read_files(config.root, files_read), problems, site_links)
    return HandoutResult(
        module,
        "rendered",
        None,
        time.perf_counter() - started,
        printing_problems=_placed(problems, content),
        pdf=pdf,
        site_links=tuple(
            sorted((page, href, address) for (page, href), address in site_links.items())
        ),
    )


def _stop_if_told(stop: Event | None) -> None:
    if stop is not None and stop.is_set():
        raise HandoutsStopped


# Printed text past which a handout takes long to render: WeasyPrint lays out some 30 to
# 50 KB a second (audit: 20 to 35 s a megabyte), with no word until it is done.
LONG_HANDOUT_CHARACTERS = 200_000


def _long_render(content: handout_render.HandoutContent) -> str | None:
    """What to say before rendering `content` if it prints more than
    `LONG_HANDOUT_CHARACTERS` (its module's file, its protocols' files and its key terms'
    definitions), else None: so that a long wait is not taken for a hang."""
    printed = (
        len(content.module.origin.text)
        + sum(len(protocol.origin.text) for protocol in content.protocols)
        + sum(len(term.definition) for term in content.key_terms)
    )
    if printed <= LONG_HANDOUT_CHARACTERS:
        return None
    # At the audit's 20 to 35 s a megabyte, rounded up to the next 5 s, what a trainer
    # can plan for (a busy machine is slower still).
    seconds = max(5, math.ceil(printed * 35 / 1_000_000 / 5) * 5)
    return (
        f"the handout of {content.module.origin.path} prints {printed // 1000:,} KB of "
        f"text: making its PDF may take {seconds} seconds or so"
    )


def publish_made(made: HandoutReport, output_dir: Path) -> HandoutReport:
    """`made` written into `output_dir`: each PDF made, and for each one that failed the
    PDF already there, or else the module's last good PDF from the cache (it is reported
    as failed either way)."""
    cache = HandoutCache.beside(made.root, made.config_name)
    published = replace(made, results=[])
    for result in made.results:
        target = output_dir / f"{result.module.id}.pdf"
        if result.pdf is None:
            published.results.append(replace(result, path=keep_published(target, cache)))
            continue
        _write_published(target, result.pdf)
        published.results.append(replace(result, path=target, pdf=None))
    return published


def in_the_way(output_dir: Path) -> Path | None:
    """What stands where the PDFs' folder `output_dir`, or a folder above it, must be: a
    file, or a link to nothing (which the PDFs' writes met as "File exists"); None."""
    for folder in (output_dir, *output_dir.parents):
        if folder.is_dir():
            return None
        if folder.exists() or folder.is_symlink():
            return folder
    return None


def in_the_way_text(found: Path, shown: str, wanted: str) -> str:
    """Why no PDF can go into the folder `wanted`: `found` (`shown` as the reader knows
    it) stands in the way."""
    what = "a file" if found.exists() else "a link to nothing"
    return (
        f"{shown} is {what}, where a folder must be for the PDFs to go into {wanted}; move it away"
    )


def unpublished_handouts(made: HandoutReport) -> frozenset[str]:
    """Ids of the modules of `made` whose handout a build here cannot publish: it failed,
    and the cache holds no PDF of theirs, not even an older one (which `publish_made`
    would publish instead; one whose bytes are not those written is none, as there).
    No page, and no other handout, may link to a PDF that will not be there."""
    return made.unpublished


def remove_retired_from_cache(context: CheckContext) -> str | None:
    """Remove from the handout cache this site's records of modules that are gone
    (deleted or renamed): those of every module file there is, also one with errors, and
    another site's, stay. Nothing
    is removed where the modules' folder cannot be read (no module is known to be gone).
    Returns what could not be removed, as a message, or None."""
    config = context.config
    try:
        next(config.modules_dir.iterdir(), None)
    except OSError:
        return None
    modules = {path.stem for path in module_files(config)} | set(context.handbook.modules)
    failed = HandoutCache.beside(config.root, config.config_name).remove_retired(modules)
    if not failed:
        return None
    listed = "; ".join(f"{config.relative(path)} ({reason})" for path, reason in failed)
    return (
        f"handouts: the cache of modules that are gone cannot be removed: {listed}; it "
        "is not used again, delete it"
    )


def keep_published(target: Path, cache: HandoutCache) -> Path | None:
    """The handout at `target` that a module whose handout is not made keeps: the one
    there, else its last good PDF from the cache (a fresh output folder), else None."""
    if target.is_file():
        return target
    last_good = cache.last_good_pdf(target.stem)
    if last_good is None:
        return None
    _write_published(target, last_good)
    return target


def _write_published(target: Path, pdf: bytes) -> None:
    """`write_atomically`, an error naming `target`: the PDF the reader knows, not the
    temporary file beside it that is gone by now, nor no file (a full disk fails the
    write, which Python names no file). The PDF there before stays, whole."""
    try:
        write_atomically(target, pdf)
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(target)) from error


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def publish_handouts(
    context: CheckContext,
    site_dir: Path,
    emit: Callable[[int, str], None],
    made: HandoutReport | None = None,
    *,
    full_build: bool = True,
) -> str | None:
    """The plugin's step: handouts into `site_dir/handouts` (those `made` before the
    pages, or made now), reported through `emit(level, message)`; a `full_build` (not
    `--dirty`) also removes gone modules' handouts from the cache. Returns why the build
    must fail (a missing PDF under CI=true), or None."""
    config = context.config
    made = made or make_handouts(context, say=lambda message: emit(logging.INFO, message))
    report = publish_made(made, site_dir / HANDOUTS_DIR)
    if report.cache_unwritable is not None:
        emit(logging.WARNING, cache_unwritable_message(report.cache_unwritable, config))
    if full_build and (not_removed := remove_retired_from_cache(context)):
        # INFO: a gone module's PDFs left in the cache change nothing published, and
        # must not fail a build under --strict.
        emit(logging.INFO, not_removed)
    for result in report.results:
        if result.outcome == "failed" and report.unavailable is None:
            emit(logging.WARNING, describe_failure(result, config.relative))
        else:
            emit(logging.DEBUG, describe(result, config.relative))
        for problem in result.printing_problems:
            emit(logging.WARNING, printing_problem_message(result, problem))
    if report.unavailable is not None:
        # Once for the whole build, not once per module; INFO so that a laptop without
        # Pango still publishes the site under --strict (CI fails below instead).
        emit(logging.INFO, unavailable_message(report, failing=in_ci()))
    if report.results:
        emit(
            logging.INFO,
            f"handouts: {report.count('rendered')} rendered, {report.count('cached')} from "
            f"the cache, {len(report.failed)} failed, in {HANDOUTS_DIR}/",
        )
    if report.failed and in_ci():
        return (
            f"{len(report.failed)} PDF handout(s) could not be made and CI=true requires "
            f"them: {', '.join(result.module.id for result in report.failed)}"
        )
    return None


def _placed(problems: Iterable[Unplaced], content: HandoutContent) -> tuple[HandoutProblem, ...]:
    """`problems` placed in the files the handout prints from, as they are now, by file
    and line as findings are: WeasyPrint reports them as it loads what they are about,
    not in the order they are written (audit: lines 51, 53, 59, 55)."""
    sources = handout_render.printed_from(content)
    return tuple(
        sorted(
            (placed(problem, sources) for problem in problems),
            key=lambda problem: (problem.path, problem.line),
        )
    )
