"""`handbook handouts`: the trainers' PDF handouts without the site (DESIGN section 8).

Runs every check first, as `handbook check` does, makes the handouts that no error holds
back (`build_handouts`), and says on stdout what it wrote and on stderr what it could not.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Collection
from pathlib import Path
from typing import TextIO

from ..cli import EXIT_FAILING, EXIT_USAGE
from ..config import ConfigError, HandbookConfig
from ..file_names import shown_name
from ..model.modules import module_files
from ..model.pages import left_out_of_site
from ..refused_writes import refused_write, refused_write_reason
from ..report.encoding import in_utf8_text
from ..report.text import one_line
from ..rules.protocol_review import RULE as OVERDUE_RULE
from .handout_cache import HandoutCache
from .handout_held_back import held_back_by_errors
from .handout_links import left_out_modules, module_src_uri
from .handout_messages import (
    cache_unwritable_message,
    describe,
    describe_failure,
    printing_problem_message,
)
from .handouts import (
    build_handouts,
    in_the_way,
    in_the_way_text,
    keep_published,
    remove_retired_from_cache,
)
from .urls import HANDOUTS_DIR


def run_handouts(config: HandbookConfig, output: Path | None) -> int:
    """`handbook handouts`: one line per PDF on stdout, problems on stderr. Exit 0, or 1
    when a handout could not be made (or the handbook has errors)."""
    from ..check import run_checks

    site_dir = config.site_dir or config.root / "site"  # MkDocs' default
    output_dir = _as_meant(output) if output is not None else site_dir / HANDOUTS_DIR
    _refuse_a_file_in_the_way(output_dir, config, given=output is not None)
    _refuse_a_record_folder(output_dir, config)
    _refuse_an_unwritable_folder(output_dir, given=output is not None)
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
        if (refused := refused_write(error)) is None:
            _say(f"handbook: cannot write the handouts: {error}")
            return EXIT_FAILING
        # Exit 2, as the CLI's other writes the machine refuses (`handbook new`, a report
        # to a full disk): the machine's setup stopped the run, not the handbook.
        reason = refused_write_reason(refused, lambda path: shown_name(Path(path)))
        what = "" if refused.filename else "the handouts: "  # a full disk names no file
        _say(
            f"handbook: cannot write {what}{reason}; "
            "the handouts published before are left in place"
        )
        return EXIT_USAGE
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
        kept = keep_published(output_dir / f"{path.stem}.pdf", cache)
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
    """The line of a module that the site leaves out (exclude_docs, or draft_docs as
    `mkdocs build` reads it): no handout made for it, and one made before is named, to be
    deleted (left as it is, as a retired one)."""
    src_uri = module_src_uri(config, module_path.stem)
    excluded = src_uri is not None and left_out_of_site(src_uri, config.exclude_docs)
    setting = "exclude_docs" if excluded else "draft_docs"
    line = (
        f"{config.relative(module_path)}: no handout: {setting} leaves the module out of the site"
    )
    if pdf.is_file():
        line += (
            f"; {shown_name(pdf)} was made before (left as it is): delete it, so that no "
            "one prints it"
        )
    return line


def _as_meant(output: Path) -> Path:
    """`output` as typed after -o, each `folder/..` in it taken out as the system reads
    it: of `-o out/../x` the PDFs' folder is `x`, and an empty `out` was made, to be
    passed through, and left (a leftover of task site63); `link/..` goes up from where
    the link leads (Python's temporary files read it as written, and every write failed
    with "No such file or directory")."""
    kept: list[str] = []
    for part in output.parts:
        if part != ".." or not kept or kept[-1] in ("..", output.anchor):
            kept.append(part)
            continue
        folder = Path(*kept)
        if not os.path.lexists(folder):
            kept.pop()  # not there: its parent is the folder above
        elif not folder.is_dir():
            kept.append(part)  # a file, a link to nothing: as typed, for the checks to name
        elif (real := folder.resolve()) != Path(os.path.abspath(folder)):  # noqa: PTH100 (as written)
            kept = list(real.parent.parts)  # through a link
        else:
            kept.pop()
    return Path(*kept) if kept else Path()


def _refuse_a_file_in_the_way(output_dir: Path, config: HandbookConfig, *, given: bool) -> None:
    """A `ConfigError` (exit 2, before any check runs) when a file stands where the PDFs'
    folder, or a folder above it, must be: `-o notes.txt`, or a file named `site`."""
    folder = in_the_way(output_dir)
    if folder is not None:
        # As typed after -o; the site's folder as the PDFs' lines name it.
        shown = str(folder) if given else shown_name(folder)
        wanted = str(output_dir) if given else shown_name(output_dir)
        raise ConfigError(
            f"{in_the_way_text(folder, shown, wanted)}, or name another folder with -o"
        )


def _refuse_an_unwritable_folder(output_dir: Path, *, given: bool) -> None:
    """A `ConfigError` (exit 2, before the checks and renders of a minute) when the PDFs'
    folder cannot be made or written: `-o /proc/x`, a read-only mount, a folder the user
    may not write (audit: found only after every render, `-o /proc/x` said `[Errno 2]` and
    exited 1, as if the handbook had failed). A folder made to try is removed again."""
    made = [folder for folder in (output_dir, *output_dir.parents) if not folder.is_dir()]
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=output_dir):
            pass
    except OSError as error:
        shown = str(output_dir) if given else shown_name(output_dir)
        if (refused := refused_write(error)) is not None:
            reason = f"{refused.strerror}; make it writable, or name another folder with -o"
        else:
            reason = f"{error.strerror or error}; name another folder with -o"
        raise ConfigError(f"cannot write the PDFs into {shown}: {reason}") from error
    finally:
        for folder in made:  # deepest first; the PDFs' writes make them again
            try:
                folder.rmdir()
            except OSError:
                break


def _refuse_a_record_folder(output_dir: Path, config: HandbookConfig) -> None:
    """A `ConfigError` (exit 2, nothing written) when the PDFs' folder is glossary_dir or
    protocols_dir (audit: `-o glossary` put them beside the term files, and every check
    after failed on each: "is not read: this folder holds only <id>.yml term files")."""
    folder = output_dir.resolve()
    for option, records in (
        ("glossary_dir", config.glossary_dir),
        ("protocols_dir", config.protocols_dir),
    ):
        if folder == records.resolve():
            raise ConfigError(
                f"{output_dir} is {option} '{config.relative(records)}', which holds "
                "only its <id>.yml files: the PDFs there would fail every check; name "
                "another folder with -o"
            )


def _say(line: str, stream: TextIO | None = None) -> None:
    """Print a line of `handbook handouts` (to stderr unless told), a file name's byte
    that is not UTF-8 shown as `\\xe9`, as the other commands show it; on one line
    (`one_line`), as `handbook check` writes a finding: a module of a pull request named
    with a line break started a line of CI's log with a workflow command (review rv37)."""
    print(one_line(in_utf8_text(line)), file=stream or sys.stderr)


def _retired_handouts(output_dir: Path, modules: Collection[str]) -> list[Path]:
    """The PDFs in `output_dir` named after no module file: written for a module since
    retired or renamed, or some other PDF (`mkdocs build` empties the site folder first;
    `handbook handouts` writes into a folder that may hold them)."""
    try:
        return sorted(path for path in output_dir.glob("*.pdf") if path.stem not in modules)
    except OSError:
        return []
