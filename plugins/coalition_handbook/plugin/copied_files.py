"""Files of docs_dir that MkDocs copies into the site as they are: which of them stay out
of it (led out of docs_dir by a link, or unreadable, or term and protocol files), the
HTML ones, which get the pages' content policy once they are copied, and the stylesheets,
whose loads from other hosts the build names.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel

from ..cache import not_a_regular_file
from ..config import HandbookConfig
from ..model.files import HTML_SUFFIXES
from ..model.records import editors_leftover
from ..model.source import outside_docs
from ..rules.base import rule_level
from ..rules.page_source import RULE as PAGE_SOURCE_RULE
from ..site.content_policy import with_content_policy
from .build_log import error_text, log
from .other_host_reports import warn_of_redirects


def keep_copied_files_in_the_handbook(
    files: Files, config: MkDocsConfig, hb_config: HandbookConfig | None
) -> None:
    """A file of docs_dir that a symbolic link leads out of docs_dir, or into a `.git`
    folder, is not published, with a warning: a pull request could otherwise publish a
    file of the machine that builds the site (`notes.txt -> ~/.git-credentials`), or
    of the repository that is no page of it (`history -> ../.git`, `x.txt -> ../.env`).
    The checks say so first, and stop the build (`page.source`): this holds where that
    rule is turned off, for pages too. Files that cannot be read are left out too (MkDocs
    would end the build in a traceback, or wait for ever reading a named pipe saved as a
    page), and so are the term and protocol files that the config keeps in docs_dir, and
    what editors leave beside a file (`index.md~`, `Thumbs.db`): a backup may hold what was
    since taken out of the page, personal data too."""
    if hb_config is None:
        return
    docs = hb_config.relative(hb_config.docs_dir)
    # Term and protocol files kept in docs_dir are published as their pages, not as
    # they are (with an editor's comments in them).
    record_folders = [
        os.path.abspath(folder) + os.sep  # noqa: PTH100
        for folder in (hb_config.glossary_dir, hb_config.protocols_dir)
    ]
    sources_left_out = 0
    leftovers = 0
    for file in list(files):
        # Left out by MkDocs (a hidden name, exclude_docs): never copied.
        if file.src_dir != config.docs_dir or file.inclusion is InclusionLevel.EXCLUDED:
            continue
        # The rule the checks apply to the files they read (model/source.py).
        source = Path(file.abs_src_path or "")
        page = file.is_documentation_page()
        if not page and str(source).startswith(tuple(record_folders)):
            files.remove(file)
            sources_left_out += 1
            continue
        # The checks warn of each (page.source), as MkDocs leaves out hidden files.
        if not page and editors_leftover(source.name):
            files.remove(file)
            leftovers += 1
            continue
        outside = outside_docs(source, hb_config)
        if outside is not None:
            files.remove(file)
            log.warning(f"handbook: {docs}/{file.src_uri} {outside}: it is not published")
            continue
        problem = _not_copyable(source)
        if problem is not None:  # MkDocs' copy or reading of it would never end well
            files.remove(file)
            log.warning(f"handbook: {docs}/{file.src_uri} {problem}: it is not published")
    if leftovers and rule_level(hb_config.rules, PAGE_SOURCE_RULE) == "off":
        log.info(
            f"handbook: {leftovers} file(s) that editors leave beside others (backups, "
            f"Thumbs.db, ~$ owner files) in {docs}/ are left out of the site"
        )
    if sources_left_out:
        log.info(
            f"handbook: {sources_left_out} term or protocol file(s) in {docs}/ are "
            "published as their pages, not copied as they are"
        )


def copied_html_files(files: Files, config: MkDocsConfig) -> list[tuple[Path, str]]:
    """The HTML files of docs_dir that MkDocs copies as they are: (where, their path in the
    site)."""
    # .HTML, too, which MkDocs takes for no page (its own test is case-sensitive)
    return [
        (Path(file.abs_dest_path), file.dest_uri)
        for file in files
        if file.src_dir == config.docs_dir
        and not file.is_documentation_page()
        and file.src_uri.lower().endswith(HTML_SUFFIXES)
    ]


def copied_stylesheets(files: Files, config: MkDocsConfig) -> list[Path]:
    """The stylesheets of docs_dir that MkDocs copies as they are (those `extra_css`
    names, and any a page links to)."""
    return [
        Path(file.abs_src_path)
        for file in files
        if file.src_dir == config.docs_dir
        and file.abs_src_path
        and not file.inclusion.is_excluded()
        and file.src_uri.lower().endswith(".css")
    ]


def theme_stylesheets(files: Files, config: MkDocsConfig) -> list[tuple[Path, str]]:
    """The stylesheets of the theme's `custom_dir` that MkDocs copies into the site:
    (where, their URL in the site)."""
    custom_dir = config.theme.custom_dir
    return [
        (Path(file.abs_src_path), file.url)
        for file in files
        if custom_dir is not None
        and file.src_dir == custom_dir
        and file.abs_src_path
        and file.src_uri.lower().endswith(".css")
    ]


def add_policy_to_copied_html(
    copied_html: list[tuple[Path, str]],
    hb_config: HandbookConfig | None,
    content_policy: bool,
    live_reload: bool = False,
) -> None:
    """Give each of `copied_html` (where it is, its path in the site) the pages' content
    policy, where `content_policy` (`live_reload`: as `mkdocs serve` serves them), and
    warn of each other host it sends its reader on to."""
    for path, name in copied_html:
        if not path.is_file():  # left out of the site (exclude_docs, a draft)
            continue
        try:  # bytes in another encoding are kept as they are
            html = path.read_bytes().decode("utf-8", "surrogateescape")
            warn_of_redirects(html, None, name, hb_config)
            with_policy = (
                with_content_policy(html, live_reload=live_reload) if content_policy else html
            )
            if with_policy != html:
                path.write_bytes(with_policy.encode("utf-8", "surrogateescape"))
        except OSError as problem:
            raise PluginError(error_text([f"{path} gets no content policy: {problem}"])) from None


def _not_copyable(path: Path) -> str | None:
    """Why MkDocs could not copy or read the file at `path` (a link to nothing or a loop
    of links, a named pipe, no permission to read it), or None."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    if not stat.S_ISREG(mode):
        return f"is {not_a_regular_file(mode)}"
    if not os.access(path, os.R_OK):
        return "cannot be read (Permission denied)"
    return None
