"""`handbook diff BASE [HEAD]`: a Markdown report of what a change does to the handbook.

Each side is loaded with the project's loader: HEAD defaults to the working tree as it is
(uncommitted edits included). `BASE...HEAD`, as git and GitHub write it, compares HEAD with
the commit where it left BASE (their merge base), so a branch that is behind BASE is shown
its own change, not BASE's newer ones reversed; `BASE...` does so for the working tree.
`BASE..HEAD` is `BASE HEAD`, and `BASE..` is BASE and the working tree, as HEAD omitted.
A revision's glossary, protocols and pages (the files the loader reads, not the
images or videos beside them) are exported with git plumbing into a temporary folder laid
out like the repository, and loaded from there with the current settings, from the
folders the revision's own mkdocs.yml names (where it has none that can be read, those
it names now, and the report says so). Under GitHub Actions, the report is kept within
what a step summary holds (`report_limits.ReportLimits`). Nothing here prints: the
comparison is a `DiffOutcome`, which the CLI writes out.

Exit codes: 0 the report is written; 1 an item changed without a version bump and a
matching history entry, or a term, protocol or module file does not load at HEAD, so
whether its change is recorded cannot be told (the report says which and where, and
stderr has a `path:line:` line for each; one that did not load at BASE either and is
unchanged fails no diff); 2 BASE or HEAD is not a revision here, or this is no git
repository (message on stderr, with the command that fetches a revision a shallow CI
clone lacks).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import posixpath
import re
import shlex
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..cache import read_regular_file
from ..config import ConfigError, HandbookConfig
from ..config.folders import configured_folders
from ..config_yml import inherited_file
from ..findings import Finding, Severity
from ..forms import inflection_language
from ..model import load_handbook
from ..model.files import MARKUP_SUFFIXES
from ..model.source import MARKDOWN_SUFFIXES
from ..model.types import Handbook
from ..report.github import not_shown_command, render_github
from ..report.text import one_line
from ..report.workspace import from_workspace, workspace_folder
from ..rules.glossary_duplicate import written_forms
from . import git, pull_request
from .advised_command import handbook_command
from .changes import compare
from .changes_model import Changes
from .changes_pages import gone_pages
from .check_settings import CheckSettings, known_form_key, settings_change
from .compare_base import compare_base
from .diff_report import (
    BaseAheadNote,
    ConfigNote,
    PluralsNote,
    ReportContext,
    UnloadedFiles,
    render,
)
from .left_out_pages import SitePages, publication_change, site_pages
from .moved_handbook import HandbookMoved, base_config_path
from .page_moves import SiteSettings, site_settings
from .report_limits import ReportLimits, step_summary_limits
from .report_masks import PersonalDataMask
from .report_suppressions import switched_off_by_change
from .usage import find_uses

EXIT_OK = 0
EXIT_UNRECORDED = 1
EXIT_USAGE = 2
# What git reads as a commit id (abbreviated to 4 characters at the least).
_COMMIT_ID = re.compile(r"[0-9a-fA-F]{4,64}")


class DiffError(Exception):
    """The comparison cannot be made; the message says why and what to do. `notes`: what
    was said of the sides read before it (`DiffOutcome.notes`), said first, as when each
    was printed as its side was read (review: the base's note was lost)."""

    def __init__(self, message: str, notes: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.notes = tuple(notes)


@dataclass(frozen=True)
class Side:
    """One side of the comparison: the loaded handbook, how to name it, and the content
    files it has that did not load (they are neither added nor removed, just unknown),
    with the first problem of each (`line:column`, message) and a digest of its bytes,
    which tells a file broken before the change and left as it was."""

    handbook: Handbook
    label: str
    unloaded: tuple[str, ...]
    problems: Mapping[str, tuple[str, str]] = dataclasses.field(default_factory=dict)
    digests: Mapping[str, str] = dataclasses.field(default_factory=dict)
    # Why the revision was read with the folders its config file names now, if it was,
    # or where it has the config file the head has elsewhere (a handbook moved).
    config_note: ConfigNote | HandbookMoved | None = None
    # The commit it was read from (None: the working tree), and the handbook's folders
    # there, from the top of the repository (`_folders`).
    commit: str | None = None
    folders: Mapping[str, str] = dataclasses.field(default_factory=dict)
    # The folder of its config file from the top ("": the top), where its paths start
    # (None: that of the config file read now, as for the working tree).
    site: str | None = None
    # What its config file says of pages that move: mkdocs-redirects' maps, `nav`.
    settings: SiteSettings = dataclasses.field(default_factory=SiteSettings)
    # The plugin's settings that decide what the checks report (None: not known).
    check_settings: CheckSettings | None = None
    # Its pages of docs_dir, by whether its mkdocs.yml publishes them.
    pages: SitePages = dataclasses.field(default_factory=SitePages)


def _side(handbook: Handbook, findings: Sequence[Finding], root: Path, label: str) -> Side:
    unloaded = tuple(sorted(handbook.rejected))
    problems: dict[str, tuple[str, str]] = {}
    for finding in sorted(findings, key=lambda finding: (finding.line, finding.column)):
        if finding.path in handbook.rejected and finding.severity is Severity.ERROR:
            place = f"{finding.line}:{finding.column}"
            problems.setdefault(finding.path, (place, finding.message))
    digests = {path: _digest(root / path) for path in unloaded}
    return Side(handbook, label, unloaded, problems, digests)


def _digest(path: Path) -> str:
    """A digest of the file's text, whatever its line endings: a checkout with git's
    `core.autocrlf` (Git for Windows' default) has CRLF where the commit has LF (review)."""
    try:  # a named pipe is refused, not waited on for ever
        return hashlib.sha256(read_regular_file(path).replace(b"\r\n", b"\n")).hexdigest()
    except OSError:  # gone, a folder or a pipe: nothing to tell it by
        return ""


@dataclass(frozen=True)
class DiffOutcome:
    """What `handbook diff` has to say: the Markdown `report` (for stdout), `notes` on
    how the sides were read (a line each, for stderr, as the report's own notes), and the
    `failures`, why it fails, if it does (`failure_report` writes them for stderr)."""

    report: str
    notes: tuple[str, ...] = ()
    failures: tuple[Finding, ...] = ()

    @property
    def exit_code(self) -> int:
        return EXIT_UNRECORDED if self.failures else EXIT_OK


def compare_revisions(
    config: HandbookConfig,
    base: str,
    head: str | None,
    config_file: Path | None = None,
    environ: Mapping[str, str] = os.environ,
) -> DiffOutcome:
    """The comparison of `base` with `head` (None: the working tree); see the module
    docstring for the exit codes. `config_file`, the mkdocs.yml `config` was read from,
    lets each revision name its own folders. Under GitHub Actions (`environ`), the
    report is kept within what a step summary holds, and names a pull request's base
    branch. A `DiffError` where the comparison cannot be made."""
    branch = pull_request.base_branch(environ)
    limits = _limits(environ, branch, config.root, config_file)
    return diff_report(config, base, head, config_file, limits, branch)


def failure_report(problems: Sequence[Finding], root: Path, environ: Mapping[str, str]) -> str:
    """Each reason the diff fails, a line each for stderr, `path:line: message`: CI
    writes the report to the run's summary, and the failed step's log said nothing but
    its exit code (audit). Under GitHub Actions, as `::error` workflow commands, which
    GitHub shows in the log and on the file in the pull request (their paths from the
    checkout); GitHub reads them as UTF-8."""
    if environ.get("GITHUB_ACTIONS") == "true":
        placed = from_workspace(list(problems), workspace_folder(root, environ))
        # Named in the message too: past ten a step's errors are log lines alone (review).
        named = [
            dataclasses.replace(problem, message=f"{problem.path}: {problem.message}")
            for problem in placed
        ]
        listed_by = "this step's log lists each, with its file"
        return not_shown_command(named, listed_by) + render_github(named)
    # Each on one line (`one_line`): a file of a pull request may be named with a line
    # break, which would start a line of the log with what follows it (review rv37).
    return "".join(
        f"{one_line(f'{problem.path}:{problem.line}: {problem.message}')}\n" for problem in problems
    )


# The findings `handbook diff` fails for, in no rule of the check's (it has no base).
DIFF_RULE = "handbook-diff"


def _failures(
    changes: Changes, not_compared: Mapping[str, tuple[str, str] | None]
) -> list[Finding]:
    """Why the diff fails, one finding each, at the item's `version` (what to change) or
    at the first problem of a file that does not load."""
    failures: list[Finding] = []
    for change in changes.version_problems:
        line, column = change.item.origin.line_column("version")
        message = f"{change.kind} `{change.item.id}`: {change.version_problem}"
        failures.append(Finding(DIFF_RULE, Severity.ERROR, change.path, line, column, message))
    for path, problem in not_compared.items():
        line, column = (int(part) for part in problem[0].split(":")) if problem else (1, 1)
        why = f": {problem[1]}" if problem else ""
        message = f"does not load, so whether its change is recorded cannot be told{why}"
        failures.append(Finding(DIFF_RULE, Severity.ERROR, path, line, column, message))
    return failures


def _limits(
    environ: Mapping[str, str], base_branch: str | None, root: Path, config_file: Path | None
) -> ReportLimits | None:
    """Under GitHub Actions, the limits of a step summary, where CI writes the report
    (see `ReportLimits`); elsewhere none: a report run locally shows everything. What
    is left out is shown by the same diff run locally: for a pull request, against its
    `base_branch` (`pull_request.base_branch`, as the heading names it), with the
    config file CI read (`root`'s `config_file`)."""
    if environ.get("GITHUB_ACTIONS") != "true":
        return None
    base = [f"origin/{base_branch}..."] if base_branch else []
    rerun_config = _config_from_the_top(_repository(root), config_file)
    return step_summary_limits(handbook_command("diff", rerun_config, *base))


def _config_from_the_top(repository: Path, config_file: Path | None) -> str | None:
    """`config_file` as `-f` names it from the top of the repository, where a command
    given in the report is typed, or None where none is needed there (./mkdocs.yml).
    A handbook in a folder was told to rerun a diff that found no mkdocs.yml (audit)."""
    if config_file is None:
        return None
    try:
        path = config_file.resolve().relative_to(repository).as_posix()
    except ValueError:  # outside the repository: only its full path names it
        return str(config_file.resolve())
    return None if path == "mkdocs.yml" else path


def diff_report(
    config: HandbookConfig,
    base: str,
    head: str | None,
    config_file: Path | None = None,
    limits: ReportLimits | None = None,
    pull_request_base: str | None = None,
) -> DiffOutcome:
    """The Markdown report, its notes, and why it fails, if it does: an item changed
    without a version bump, or an item's file does not load at the head (its bump cannot
    be shown). `limits`, how much the report may hold; whether it fails is told of the
    whole comparison. `pull_request_base`, the base branch of a pull request's run,
    names the sides for its reviewers (`pull_request`)."""
    repository = _repository(config.root)
    base, head, base_label = _revisions(repository, base, head)
    with tempfile.TemporaryDirectory(prefix="handbook-diff-") as scratch:
        head_side = HeadSide(head)
        old = load_revision(
            config, repository, base, Path(scratch) / "base", base_label, config_file, head_side
        )
        try:
            if head is None:
                new = load_working_tree(config, config_file)
            else:
                new = load_revision(
                    config, repository, head, Path(scratch) / "head", None, config_file
                )
        except DiffError as error:
            raise DiffError(str(error), _said_of(old)) from None
    # An item whose file no longer loads is not "removed": leave it out, and say so. Its
    # forms keep what they were at the base, where another term now has one of them.
    unloaded = set(new.unloaded)
    before = _without(old.handbook, unloaded)
    changes = compare(
        before,
        new.handbook,
        use_directory_urls=config.use_directory_urls,
        forms=(old.handbook, new.handbook),
        language=config.language,
    )
    changes = _without_forms_of(changes, _term_ids(old.handbook, unloaded))
    # Both sides are read with the settings `handbook check` runs with here (the rules'
    # levels, known acronyms, def_list), as the revisions are loaded with them.
    uses = find_uses(
        changes.form_changes,
        before,
        new.handbook,
        config.rules,
        config.known_acronyms,
        definition_lists=config.definition_lists,
        language=inflection_language(config.language),
    )
    unloaded_files = _unloaded_files(old, new)
    notes: list[ConfigNote | HandbookMoved | BaseAheadNote | PluralsNote] = [
        side.config_note for side in (old, new) if side.config_note is not None
    ]
    base_language = old.settings.language
    if base_language is not None and inflection_language(base_language) != inflection_language(
        config.language
    ):
        notes.append(PluralsNote(base_language, config.language))
    said = [note.text() for note in notes]
    if base_label is None and (ahead := _base_ahead(repository, base, old.commit, head)):
        said.append(ahead.text())
        notes.insert(0, ahead)
    try:
        renamed = _renamed_files(repository, config, old, new)
    except DiffError as error:
        raise DiffError(str(error), said) from None
    moved_away = gone_pages(
        old.handbook, new.handbook, changes.moved_pages, renamed, config.use_directory_urls
    )
    changes = dataclasses.replace(changes, gone_pages=moved_away)
    switched_off = switched_off_by_change(
        old.handbook, new.handbook, renamed, definition_lists=config.definition_lists
    )
    loosened = settings_change(old.check_settings, new.check_settings, _form_keys(new.handbook))
    base_name = pull_request.base_label(repository, pull_request_base, old.commit, old.label)
    head_name = pull_request.head_label(pull_request_base, new.commit, new.label)

    context = ReportContext(
        base_name,
        head_name,
        limits,
        notes,
        switched_off,
        loosened,
        settings=new.settings,
        use_directory_urls=config.use_directory_urls,
        head_terms=new.handbook.terms,
        config_path=_config_path(repository, config, config_file),
        publication=publication_change(
            old.pages, new.pages, new.handbook, config.use_directory_urls
        ),
    )
    # The step summary outlives a leak's clean-up: personal data is shown masked.
    mask = PersonalDataMask.of(config)
    shown_changes, shown_uses = mask.changes(changes), mask.uses(changes, uses)
    # A load problem's message may quote the line it stops at (a YAML error's).
    shown_files = dataclasses.replace(
        unloaded_files,
        not_compared=mask.problems(unloaded_files.not_compared),
        broken_at_base=mask.problems(unloaded_files.broken_at_base),
    )
    shown_context = dataclasses.replace(context, publication=context.publication.masked(mask.text))
    report = render(shown_changes, shown_uses, shown_files, shown_context)
    # Said only where the report shows a text masked, not one of a field left unchanged.
    if mask.masked_any and report != render(changes, uses, unloaded_files, context):
        masked = dataclasses.replace(shown_context, personal_data_masked=True)
        report = render(shown_changes, shown_uses, shown_files, masked)
    failures = _failures(changes, unloaded_files.not_compared)
    return DiffOutcome(report, tuple(said), tuple(failures))


def _config_path(repository: Path, config: HandbookConfig, config_file: Path | None) -> str:
    """The config file from the top of the repository, named as `-f` names it."""
    name = "mkdocs.yml" if config_file is None else config_file.name
    site = _inside(repository, config.root, "the site")
    return name if site == "." else f"{site}/{name}"


def _said_of(side: Side) -> tuple[str, ...]:
    """The note on how `side` was read, if there is one, as stderr says it."""
    return () if side.config_note is None else (side.config_note.text(),)


def _unloaded_files(old: Side, new: Side) -> UnloadedFiles:
    """The content files that do not load on a side: those that did not at the base and
    do now; those that load at neither and are as they were; and the others, which do
    not load at the head, with the first problem of each. A file that did not load at
    the base either, and is as it was, is no part of this change: it is named, but
    fails the diff of no pull request that leaves it alone."""
    loaded_now = _item_paths(new.handbook)
    broken_at_base = {path: old.problems.get(path) for path in old.unloaded if path in loaded_now}
    untouched = [
        path
        for path in new.unloaded
        if path in old.unloaded and old.digests.get(path) == new.digests.get(path) != ""
    ]
    not_compared = {path: new.problems.get(path) for path in new.unloaded if path not in untouched}
    return UnloadedFiles(not_compared, broken_at_base, untouched)


def _base_ahead(
    repository: Path, base: str, base_commit: str | None, head: str | None
) -> BaseAheadNote | None:
    """A note where the base, compared two-dot, has commits the head (None: the working
    tree, whose commit is `HEAD`) lacks; None where it has none, or where that cannot be
    told (no common commit in a shallow clone)."""
    common = git.merge_base(repository, base, head or "HEAD")
    if base_commit is None or common is None or common == base_commit:
        return None
    return BaseAheadNote(base, head)


def load_working_tree(config: HandbookConfig, config_file: Path | None = None) -> Side:
    """The handbook as the working tree has it; `config_file` (default: mkdocs.yml beside
    it) says which redirects and `nav` it sets."""
    handbook, findings = load_handbook(config)
    side = _side(handbook, findings, config.root, "the working tree")
    config_file = config_file or config.root / "mkdocs.yml"
    return dataclasses.replace(
        side,
        settings=site_settings(config_file),
        check_settings=_check_settings(config_file),
        pages=site_pages(config, config.exclude_docs, config.draft_docs),
    )


def _check_settings(config_file: Path) -> CheckSettings | None:
    """The plugin's settings `config_file` gives, or None where it cannot be read (the
    report's note says so of a revision's; the working tree's was read to run at all)."""
    try:
        return CheckSettings.read(config_file)
    except (ConfigError, OSError):
        return None


def _revisions(repository: Path, base: str, head: str | None) -> tuple[str, str | None, str | None]:
    """(BASE, HEAD, how to name BASE) from the command line's `BASE...HEAD`, `BASE...`,
    `BASE..HEAD` or `BASE [HEAD]`."""
    for dots in ("...", ".."):
        if dots not in base:
            continue
        if head is not None:
            raise DiffError(f"give '{base}' alone, or BASE and HEAD as two arguments")
        left, _, right = base.partition(dots)
        if not left.strip():  # `"$BASE...$HEAD"` with BASE unset: HEAD against itself
            raise DiffError(
                f"'{one_line(base)}' names no revision before '{dots}': give one, such as "
                f"`main{dots}` or `origin/main{dots}`."
            )
        tip = right or "HEAD"
        if dots == "..":
            return left, right or None, None
        for revision in (left, tip):
            if git.resolve_commit(repository, revision) is None:
                raise DiffError(_unknown_revision(repository, revision))
        common = git.merge_base(repository, left, tip)
        if common is None:
            message = f"'{one_line(left)}' and '{one_line(tip)}' have no common commit here."
            if git.is_shallow(repository):
                message += (
                    " This is a shallow clone (as CI makes), which may not hold it: "
                    f"{_WHOLE_HISTORY}, or fetch more history."
                )
            else:
                message += " Their histories are unrelated: compare them as BASE HEAD."
            raise DiffError(message)
        return common, right or None, f"`{left}...{right}` (merge base {common[:12]})"
    return base, head, None


def load_revision(
    config: HandbookConfig,
    repository: Path,
    revision: str,
    into: Path,
    label: str | None = None,
    config_file: Path | None = None,
    base_of: HeadSide | None = None,
) -> Side:
    """The handbook as it is in `revision`, exported below `into` and loaded from there;
    `label` names it in the report (default: the revision and its commit). Its folders
    are those its own copy of `config_file` names, where it has one that can be read: a
    pull request may move the glossary, which is no change to any term. As the base of
    a comparison with `base_of`, a revision that has `config_file` elsewhere (the whole
    handbook moved) is read from there (`moved_handbook`)."""
    commit = git.resolve_commit(repository, revision)
    if commit is None:
        raise DiffError(_unknown_revision(repository, revision))
    if label is None:
        label = _revision_label(revision, commit)
    # Resolved as a link's target is (a temporary folder may be reached through a link,
    # as /var is on macOS): a link inside the handbook must be found inside it.
    into = into.resolve()
    folders = _folders(repository, config)
    site = _inside(repository, config.root, "the site")
    note: ConfigNote | HandbookMoved | None = None
    settings = SiteSettings()
    check_settings = None
    if config_file is not None:
        theirs = _revision_folders(repository, commit, config_file, into)
        moved = _moved_config(repository, commit, config_file, base_of, theirs)
        if moved is not None:
            theirs = _revision_folders(repository, commit, config_file, into, moved)
        if isinstance(theirs, ConfigNote):
            note = dataclasses.replace(theirs, side=label)
            if theirs.problem is None:  # none there (a first commit): the defaults
                check_settings = CheckSettings.of_defaults(config_file.name)
        else:
            folders = theirs
            # Its own copy, exported where mkdocs.yml is named (`_revision_folders`).
            folder = _inside(repository, config_file.parent, "the folder of mkdocs.yml")
            copy = Path(folder, config_file.name).as_posix()
            if moved is not None:  # read from where the revision has it, and said once
                copy, site = moved, posixpath.dirname(moved) or "."
                note = HandbookMoved(moved, _inside(repository, config_file, "mkdocs.yml"), label)
            settings = site_settings(into / copy)
            check_settings = _check_settings(into / copy)
    _export(repository, commit, folders, into)
    exported = dataclasses.replace(
        config,
        root=into / site,
        **{name: into / relative for name, relative in folders.items()},
    )
    handbook, findings = load_handbook(exported)
    empty = not any((handbook.terms, handbook.protocols, handbook.modules))
    if isinstance(note, HandbookMoved) and empty:
        # Another site's config file the change took away, not the handbook's: no move.
        unmoved = into.with_name(f"{into.name}-unmoved")
        return load_revision(config, repository, revision, unmoved, label, config_file)
    if isinstance(note, ConfigNote):
        note = dataclasses.replace(note, empty=empty)
    side = _side(handbook, findings, exported.root, label)
    # Its own config file's patterns, where it was read: else those of the one read now.
    exclude_docs = config.exclude_docs if settings.exclude_docs is None else settings.exclude_docs
    draft_docs = config.draft_docs if settings.draft_docs is None else settings.draft_docs
    return dataclasses.replace(
        side,
        config_note=note,
        commit=commit,
        folders=folders,
        site=site,
        settings=settings,
        check_settings=check_settings,
        pages=site_pages(exported, exclude_docs, draft_docs),
    )


def _revision_label(revision: str, commit: str) -> str:
    """How the report names `revision`, which is `commit`: by the commit alone where the
    revision is a commit id, whole or short (not a branch or tag whose name begins the
    id), else by both."""
    named_by_commit = _COMMIT_ID.fullmatch(revision) is not None and commit.startswith(
        revision.lower()
    )
    return f"`{commit[:12]}`" if named_by_commit else f"`{revision}` ({commit[:12]})"


def _export(repository: Path, commit: str, folders: Mapping[str, str], into: Path) -> None:
    """Export the handbook's `folders` (relative to the repository) as they are in
    `commit` below `into`; a `DiffError` if git cannot, or a folder leads out of the
    repository through a link above it."""
    try:
        git.export(
            repository,
            commit,
            sorted(set(folders.values())),
            into,
            links=True,
            wanted=_read_by_the_loader(folders),
        )
    except git.GitError as error:
        raise DiffError(str(error)) from None
    for name, relative in folders.items():
        if not (into / relative).resolve().is_relative_to(into):
            raise DiffError(f"{relative} in {commit[:12]} leads out of the repository ({name})")


def _renamed_files(
    repository: Path, config: HandbookConfig, old: Side, new: Side
) -> dict[str, str]:
    """The files of the handbook's folders (on either side) that git finds renamed
    between the two sides, new path -> old path, named as the handbook names them (from
    the folder of mkdocs.yml)."""
    assert old.commit is not None  # the base is always a commit
    new_folders = new.folders or _folders(repository, config)  # the working tree's: now
    searched = sorted({*old.folders.values(), *new_folders.values()})
    try:
        renamed = git.renamed_files(repository, old.commit, new.commit, searched)
    except git.GitError as error:
        raise DiffError(str(error)) from None
    site = _inside(repository, config.root, "the site")
    old_site, new_site = (site if side.site is None else side.site for side in (old, new))
    # A file that moved with the config file (a handbook moved) keeps its name.
    named = {
        posixpath.relpath(new_path, new_site): posixpath.relpath(old_path, old_site)
        for new_path, old_path in renamed.items()
    }
    return {new_name: old_name for new_name, old_name in named.items() if new_name != old_name}


def _read_by_the_loader(folders: Mapping[str, str]) -> Callable[[str], bool]:
    """Which files of a revision's handbook folders (paths from the top, with `/`) the
    loader reads, and so are exported: every file of the glossary and protocols folders
    (one that is no `<id>.yml` is named as not read, which the report shows, and a file
    that does not load is told unchanged by its bytes), and only the Markdown pages of
    docs_dir and the modules folder, whose images, PDFs and videos no check reads. Its
    markup files (a flyer, an SVG) too: they take suppression comments, which the report
    names (review: one added to a flyer was never listed); not its other text files
    (data exports, often large), which hold none."""
    whole = [folders["glossary_dir"], folders["protocols_dir"]]

    def wanted(path: str) -> bool:
        in_whole = any(folder in ("", ".") or path.startswith(f"{folder}/") for folder in whole)
        return in_whole or path.endswith(MARKDOWN_SUFFIXES) or _is_markup(path)

    return wanted


def _is_markup(path: str) -> bool:
    """Whether `path` names a markup file (`files.MARKUP_SUFFIXES`, in any case)."""
    return path.lower().endswith(MARKUP_SUFFIXES)


def _folders(top: Path, config: HandbookConfig) -> dict[str, str]:
    """The handbook's folders in `config`, relative to `top` (the repository's top, or
    where a revision is exported), with `/`."""
    return {
        name: _inside(top, path, name)
        for name, path in (
            ("glossary_dir", config.glossary_dir),
            ("protocols_dir", config.protocols_dir),
            ("docs_dir", config.docs_dir),
            ("modules_dir", config.modules_dir),
        )
    }


# Config files an old revision's mkdocs.yml may inherit in a chain, at the most.
_MOST_INHERITED = 10


@dataclass(frozen=True)
class HeadSide:
    """The side a base is compared with: its revision (None: the working tree), resolved
    only where the base has no config file where it is now (`_moved_config`): an ordinary
    diff runs no more git commands for it."""

    revision: str | None


def _moved_config(
    repository: Path,
    commit: str,
    config_file: Path,
    base_of: HeadSide | None,
    read: dict[str, str] | ConfigNote,
) -> str | None:
    """Where `commit`, the base of a comparison with `base_of`, has `config_file` when it
    has none where it is now (what `_revision_folders` `read` there says); None where it
    has it there, or none that was moved (`moved_handbook`), or this is no base."""
    if base_of is None or not isinstance(read, ConfigNote) or read.problem is not None:
        return None
    head = None
    if base_of.revision is not None:
        head = git.resolve_commit(repository, base_of.revision)
        if head is None:  # no such head, which its own load says: no move to tell of
            return None
    relative = _inside(repository, config_file, "mkdocs.yml")
    return base_config_path(repository, commit, head, relative)


def _revision_folders(
    repository: Path, commit: str, config_file: Path, into: Path, at: str | None = None
) -> dict[str, str] | ConfigNote:
    """The folders `commit`'s own copy of `config_file` (and the files it inherits) names;
    where it has none, or it cannot be read, or names a folder outside the repository,
    why: its handbook is then read with the current folders, and the reader is told so
    (a handbook moved into a folder would otherwise show as all added, without a word:
    audit). `into` is resolved (`load_revision`). `at`: where `commit` has the config
    file, from the top, if elsewhere (`_moved_config`)."""
    relative = _inside(repository, config_file, "mkdocs.yml")  # a link's target: git's file
    # Read where mkdocs.yml is named, a link or not, as MkDocs reads its folders.
    folder = _inside(repository, config_file.parent, "the folder of mkdocs.yml")
    named = Path(folder, config_file.name).as_posix()
    if at is not None:
        relative = named = at
    try:
        if not git.export(repository, commit, [relative], into):
            if git.git(repository, "ls-tree", commit, "--", relative).strip():
                raise DiffError(f"{relative} is no regular file there (a symbolic link?)")
            # A handbook older than the file, or moved since.
            return ConfigNote(path=relative)
        copy = into / named
        if named != relative:
            copy.parent.mkdir(parents=True, exist_ok=True)
            (into / relative).replace(copy)
        inherits = inherited_file(copy)
        for _ in range(_MOST_INHERITED):
            if inherits is None or not inherits.is_relative_to(into):
                break
            git.export(repository, commit, [inherits.relative_to(into).as_posix()], into)
            inherits = inherited_file(inherits) if inherits.is_file() else None
        else:
            if inherits is not None:
                raise DiffError(f"it inherits settings through more than {_MOST_INHERITED} files")
        # MkDocs reads the whole chain again: none of it may be a file of this machine.
        if inherits is not None and not inherits.resolve().is_relative_to(into):
            raise DiffError("it inherits settings from a file outside the repository")
        theirs = configured_folders(copy)
        return {name: _inside(into, path, name) for name, path in theirs.items()}
    except (git.GitError, ConfigError, DiffError, OSError) as error:
        return ConfigNote(path=relative, problem=str(error))


def _repository(root: Path) -> Path:
    try:
        return git.top_level(root)
    except git.GitError as error:
        if git.MISSING in str(error):
            raise DiffError(f"the revisions are read with git: {error}") from None
        raise DiffError(f"{root} is not in a git repository ({error})") from None


def _inside(repository: Path, path: Path, name: str) -> str:
    """`path` relative to the top of the repository, with `/`."""
    try:
        return path.resolve().relative_to(repository).as_posix()
    except ValueError:
        raise DiffError(
            f"{name} ({path}) is outside the git repository {repository}: git cannot show it"
        ) from None


# How a CI clone gets the whole history, on each CI the guide sets up: a GitLab adopter
# was told GitHub's `fetch-depth: 0` alone, no setting of GitLab's (audit gl65).
_WHOLE_HISTORY = (
    'check out the whole history (GitHub Actions: `fetch-depth: 0`; GitLab CI/CD: `GIT_DEPTH: "0"`)'
)


def _unknown_revision(repository: Path, revision: str) -> str:
    shown = one_line(revision)  # a line break could pass for a CI annotation of its own
    message = f"'{shown}' is not a commit in this repository."
    if not revision.strip():  # an empty variable in a CI script: `diff "$BASE"`
        return f"'{shown}' names no revision: give one, such as `main` or `origin/main`."
    if revision.startswith("-"):  # an option given where a revision belongs
        return f"{message} A revision never starts with '-'."
    if not git.has_commits(repository):  # `git init`, then a diff before any commit
        return (
            f"'{shown}' is not a commit: this repository has no commit yet. Commit the "
            "handbook first: `handbook diff` compares with a commit."
        )
    if shown != revision or "`" in revision:
        # No command to copy: one quoted over lines, or holding the backquote that ends
        # the message's code, would not be copied whole.
        return f"{message} Check the name."
    if any(mark in revision for mark in ("~", "^", "@{", ":")):
        # An expression (`HEAD~3`), not a name a remote has: nothing to fetch by it. In
        # a shallow clone, the commits before the one fetched are not there (the shipped
        # workflow compares with `HEAD^1`: audit).
        if git.is_shallow(repository):
            return (
                f"{message} This is a shallow clone (as CI makes), which holds no commits "
                f"before the ones fetched: {_WHOLE_HISTORY}, or fetch more history "
                "(`git fetch --deepen=50`)."
            )
        return f"{message} Check it with `git log {shlex.quote(revision)}`."
    remotes = git.git(repository, "remote").decode("utf-8").split()
    fetch = _fetch(revision, remotes)
    if fetch is None:  # no remote could have it: a fetch command would fail (review)
        return f"{message} {_no_remote_for(repository, revision, remotes)}"
    command, fetched = fetch
    compare = "" if fetched == revision else f" and compare with `{shlex.quote(fetched)}`"
    if git.is_shallow(repository):
        return (
            f"{message} This is a shallow clone (as CI makes), so it may just not be "
            f"fetched yet: run `{command}`{compare}, or {_WHOLE_HISTORY}."
        )
    return f"{message} Check the name; if it is on the remote, fetch it{compare}: `{command}`."


def _fetch(revision: str, remotes: list[str]) -> tuple[str, str] | None:
    """The command that fetches `revision` and the name it is then found by, or None
    where no remote could have it. A remote-tracking name (`origin/main`) is fetched
    from its remote into that name, a commit id as given, and a branch name (`main`) into
    the first remote's name for it (`origin/main`): fetched as given, it was still no
    commit here. With its history: `BASE...HEAD` needs the commit where the two split."""
    remote, _, branch = revision.partition("/")
    if branch and remote in remotes:
        return _fetch_command(remote, f"+{branch}:refs/remotes/{remote}/{branch}"), revision
    if not remotes:
        return None
    if _COMMIT_ID.fullmatch(revision):
        return _fetch_command(remotes[0], revision), revision
    if branch:  # `origin/main` with no remote `origin`: it asked for a branch `origin/main`
        return None
    tracking = f"{remotes[0]}/{revision}"
    return _fetch_command(remotes[0], f"+{revision}:refs/remotes/{tracking}"), tracking


def _fetch_command(remote: str, refspec: str) -> str:
    """`git fetch remote refspec`, each quoted for a shell: a branch name may hold `;`,
    `$(...)` or `|`, which a pull request's author chooses (security review sec64)."""
    return f"git fetch {shlex.quote(remote)} {shlex.quote(refspec)}"


def _no_remote_for(repository: Path, revision: str, remotes: list[str]) -> str:
    """Why no fetch brings `revision`, and the branch this repository compares with."""
    if remotes:
        listed = ", ".join(f"`{name}`" for name in remotes)
        why = f"`{revision.partition('/')[0]}` is none of this repository's remotes ({listed})"
    else:
        why = "this repository has no remote to fetch it from"
    base = compare_base(repository)
    if base is None or base == revision:
        return f"Check the name: {why}."
    return f"Check the name: {why}. The branch to compare with here is likely `{base}`."


def _without(handbook: Handbook, paths: set[str]) -> Handbook:
    """`handbook` less the items that come from `paths`."""
    if not paths:
        return handbook
    return dataclasses.replace(
        handbook,
        terms={key: item for key, item in handbook.terms.items() if item.origin.path not in paths},
        protocols={
            key: item for key, item in handbook.protocols.items() if item.origin.path not in paths
        },
        modules={
            key: item for key, item in handbook.modules.items() if item.origin.path not in paths
        },
    )


def _term_ids(handbook: Handbook, paths: set[str]) -> set[str]:
    return {term.id for term in handbook.terms.values() if term.origin.path in paths}


def _without_forms_of(changes: Changes, term_ids: set[str]) -> Changes:
    """`changes` less the forms of `term_ids` (terms whose files do not load at the head)
    that no term has there: not known to be gone, only unread."""
    if not term_ids:
        return changes
    kept = tuple(
        change
        for change in changes.form_changes
        if not (change.new is None and change.old is not None and change.old.term in term_ids)
    )
    return dataclasses.replace(changes, form_changes=kept)


def _item_paths(handbook: Handbook) -> set[str]:
    """The files the handbook's terms, protocols and modules were loaded from."""
    return {
        item.origin.path
        for items in (handbook.terms, handbook.protocols, handbook.modules)
        for item in items.values()
    }


def _form_keys(handbook: Handbook) -> frozenset[str]:
    """Every form of the handbook's terms as the matcher finds it (`known_form_key`)."""
    return frozenset(
        known_form_key(form, term.case_sensitive)
        for term in handbook.terms.values()
        for _, _, form in written_forms(term)
    )
