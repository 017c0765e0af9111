"""The trainers' PDF handouts: one per training module (DESIGN section 8).

`make_handouts` gathers each module's content (its protocols, and the glossary terms its
text uses, from the engine's one scan of the handbook) and renders what the cache does
not already hold; `publish_made` writes `<module-id>.pdf` into a folder (`build_handouts`
does both). Two front doors:

- the plugin makes them before the pages, and `publish_handouts(context, site_dir, emit,
  made)` publishes them at `on_post_build` into `site_dir/handouts`; it returns a message
  when the build must fail;
- `run_handouts(config, output)`: `handbook handouts`, without the site.

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
import sys
import time
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO

from ..config import ConfigError, HandbookConfig
from ..file_names import shown_name
from ..model.modules import module_files
from ..model.snippets import expand_snippets
from ..model.types import Module
from ..report.encoding import in_utf8_text
from ..rules.base import CheckContext
from ..rules.protocol_review import RULE as OVERDUE_RULE
from . import handout_render
from .handout_cache import HandoutCache, cache_key, read_files, write_atomically
from .handout_held_back import held_back_by_errors
from .handout_key_terms import module_key_terms
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


def handout_content(
    context: CheckContext, module: Module, unpublished: frozenset[str] = frozenset()
) -> HandoutContent:
    """Everything that goes into `module`'s handout (protocols it names that do not exist
    are left out: module.reference reports them). A link to the handout of a module in
    `unpublished`, which the run cannot publish, leads nowhere on the site."""
    handbook, config = context.handbook, context.config
    key_terms = sort_key_terms(
        (
            handbook.terms[term_id]
            for term_id in module_key_terms(context, module)
            if term_id in handbook.terms
        ),
        config.language,
    )
    return HandoutContent(
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
        replacements=tuple(
            (term.id, handbook.terms[replacement].term)
            for term in key_terms
            if term.status == "deprecated"
            and (replacement := term.replaced_by) is not None
            and replacement in handbook.terms
        ),
    )


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
            published.results.append(replace(result, path=_keep_published(target, cache)))
            continue
        write_atomically(target, result.pdf)
        published.results.append(replace(result, path=target, pdf=None))
    return published


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


def _keep_published(target: Path, cache: HandoutCache) -> Path | None:
    """The handout at `target` that a module whose handout is not made keeps: the one
    there, else its last good PDF from the cache (a fresh output folder), else None."""
    if target.is_file():
        return target
    last_good = cache.last_good_pdf(target.stem)
    if last_good is None:
        return None
    write_atomically(target, last_good)
    return target


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


def run_handouts(config: HandbookConfig, output: Path | None) -> int:
    """`handbook handouts`: one line per PDF on stdout, problems on stderr. Exit 0, or 1
    when a handout could not be made (or the handbook has errors)."""
    from ..check import run_checks

    site_dir = config.site_dir or config.root / "site"  # MkDocs' default
    output_dir = output if output is not None else site_dir / HANDOUTS_DIR
    _refuse_a_file_in_the_way(output_dir, config, given=output is not None)
    if not config.handouts:
        _say(
            "handbook: the plugin's option handouts is false, so the site's build makes "
            "no handout; making them here, as asked"
        )
    if config.site_url_refused:
        # Once, before the handouts: each of them links to no page of the site.
        _say(config.site_url_refused)
    # Every check, as `handbook check` runs them: a module with a structure or reference
    # error would print without its sections or its protocols' steps.
    checked = run_checks(config)
    # Every module file, also one with problems: its published handout stays.
    module_paths = module_files(config)
    modules = {path.stem for path in module_paths}
    left_out = left_out_modules(config, modules)
    errors = checked.failing(strict=False)
    for finding in errors:
        _say(f"{finding.location()}: error {finding.rule} {finding.message}")
    # A protocol past its review date still prints: the trainer is told, as the site
    # marks it (audit: the PDF said nothing, and `handbook handouts` neither).
    handbook = checked.context.handbook
    printed = {
        handbook.protocols[protocol_id].origin.path
        for module in handbook.modules.values()
        if module.id not in left_out
        for protocol_id in module.protocols
        if protocol_id in handbook.protocols
    }
    for finding in checked.findings:
        if finding.rule == OVERDUE_RULE and finding.path in printed and finding not in errors:
            _say(f"{finding.location()}: {finding.severity} {finding.rule} {finding.message}")
    try:
        held_back = held_back_by_errors(checked.context, {finding.path for finding in errors})
        report = build_handouts(
            checked.context, output_dir, held_back, say=lambda line: _say(f"handbook: {line}")
        )
    except OSError as error:
        _say(f"handbook: cannot write the handouts: {error}")
        return 1
    if report.cache_unwritable is not None:
        _say(f"handbook: {cache_unwritable_message(report.cache_unwritable, config)}")
    if not_removed := remove_retired_from_cache(checked.context):
        _say(f"handbook: {not_removed}")
    for result in report.results:
        if result.outcome == "failed":
            _say(describe_failure(result, shown_name))
        else:
            _say(describe(result, shown_name), sys.stdout)
        for problem in result.printing_problems:
            _say(printing_problem_message(result, problem))
    # A module file whose front matter does not fit (or cannot be read) made no module:
    # it keeps its published handout, as a module with errors does.
    made = {module.id for module in checked.context.handbook.modules.values()}
    unread = [path for path in module_paths if path.stem not in made | left_out]
    cache = HandoutCache.beside(config.root, config.config_name)
    for path in unread:
        kept = _keep_published(output_dir / f"{path.stem}.pdf", cache)
        shown = f"kept the previous {shown_name(kept)}" if kept else "no handout published"
        _say(f"{config.relative(path)}: handout not made: the module has errors; {shown}")
    for path in module_paths:
        if path.stem in left_out:
            _say(_left_out(config, path, output_dir / f"{path.stem}.pdf"))
    if report.unavailable is not None:
        _say(f"handbook: {report.unavailable}")
    for stale in _retired_handouts(output_dir, modules):
        _say(
            f"handbook: {shown_name(stale)} is no module's handout (left as it is); if "
            "it is a retired or renamed module's, delete it, so that no one prints it"
        )
    if not module_paths:
        # Silence read as success (audit: a new handbook whose modules sat elsewhere).
        _say(
            f"handbook: no training module in {shown_name(config.modules_dir)}/, so no "
            "handout to make (the plugin's option modules_dir names the folder, in docs_dir)"
        )
    if errors:
        # The command fails on any error, as `handbook check` does; say whether a handout
        # was held back, since an error in a page no handout prints holds back none.
        outcome = (
            "a module with errors, or printing from a file with errors, gets no new handout"
            if held_back or unread
            else "none is in a file a handout prints from, so every handout was made"
        )
        _say(f"handbook: {len(errors)} error(s) in the handbook; {outcome} (run `handbook check`)")
    return 1 if report.failed or unread or errors else 0


def _left_out(config: HandbookConfig, module_path: Path, pdf: Path) -> str:
    """The line of a module that the site leaves out (exclude_docs): no handout made for
    it, and one made before is named, to be deleted (left as it is, as a retired one)."""
    line = (
        f"{config.relative(module_path)}: no handout: exclude_docs leaves the module out "
        "of the site"
    )
    if pdf.is_file():
        line += (
            f"; {shown_name(pdf)} was made before (left as it is): delete it, so that no "
            "one prints it"
        )
    return line


def _refuse_a_file_in_the_way(output_dir: Path, config: HandbookConfig, *, given: bool) -> None:
    """A `ConfigError` (exit 2, before any check runs) when a file stands where the PDFs'
    folder, or a folder above it, must be: `-o notes.txt`, or a file named `site`."""
    for folder in (output_dir, *output_dir.parents):
        if folder.is_dir():
            return
        if folder.exists() or folder.is_symlink():
            # As typed after -o; the site's folder as the PDFs' lines name it.
            shown = str(folder) if given else shown_name(folder)
            wanted = str(output_dir) if given else shown_name(output_dir)
            what = "a file" if folder.exists() else "a link to nothing"
            raise ConfigError(
                f"{shown} is {what}, where a folder must be for the PDFs to go into "
                f"{wanted}; move it away, or name another folder with -o"
            )


def _say(line: str, stream: TextIO | None = None) -> None:
    """Print a line of `handbook handouts` (to stderr unless told), a file name's byte
    that is not UTF-8 shown as `\\xe9`, as the other commands show it."""
    print(in_utf8_text(line), file=stream or sys.stderr)


def _retired_handouts(output_dir: Path, modules: Collection[str]) -> list[Path]:
    """The PDFs in `output_dir` named after no module file: written for a module since
    retired or renamed, or some other PDF (`mkdocs build` empties the site folder first;
    `handbook handouts` writes into a folder that may hold them)."""
    try:
        return sorted(path for path in output_dir.glob("*.pdf") if path.stem not in modules)
    except OSError:
        return []


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
