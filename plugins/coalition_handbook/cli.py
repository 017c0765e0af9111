"""The `handbook` command: check, diff, new, handouts. `main(argv) -> int`; no MkDocs.

Exit codes: 0 nothing failing, 1 failing findings (or a refused action), 2 usage or
configuration error, with the message on stderr and never a traceback.
"""

from __future__ import annotations

import argparse
import codecs
import functools
import os
import shlex
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .config import ConfigError, HandbookConfig, load_config
from .config.zensical_toml import ZENSICAL_CONFIG, lone_zensical_config
from .file_names import shown_name

if TYPE_CHECKING:  # for type hints alone: each command imports its own code when run
    from .findings import Finding

EXIT_OK = 0
EXIT_FAILING = 1
EXIT_USAGE = 2


class OutputError(Exception):
    """The report cannot be written (a full disk, a closed terminal)."""


def write_stdout(text: str, *, encoding: str | None = None, what: str = "the report") -> None:
    """Write `text` to stdout, flushed. A reader that stopped reading (`| head`) is no
    error: the rest is dropped and the exit code still says whether anything failed; any
    other failure to write is an `OutputError` naming `what` was lost. With `encoding`,
    `text` goes out as its bytes in that encoding, whatever stdout's: JSON is UTF-8 or
    ASCII, never UTF-16, and GitHub reads workflow commands as UTF-8 whatever code page
    a Windows runner's Python writes in. A lone surrogate (a file name's byte that is
    not UTF-8) shows as the findings show it, `\\xe9`, in every command's report."""
    from .report.encoding import in_utf8_text

    text = in_utf8_text(text)
    if sys.stdout is None:  # started with its standard output closed (`>&-`)
        raise OutputError(f"cannot write {what}: standard output is closed")
    try:
        buffer = getattr(sys.stdout, "buffer", None) if encoding else None
        if buffer is None:
            sys.stdout.write(text)
        else:
            sys.stdout.flush()
            buffer.write(text.encode(encoding))
        sys.stdout.flush()
    except BrokenPipeError:
        _drop_stdout()
    except OSError as error:
        reason = error.strerror or str(error)
        raise OutputError(f"cannot write {what} to standard output: {reason}") from None


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose help and version, on stdout, are written as a report is:
    argparse drops a failed write, so `handbook --help > /dev/full` exited 0 with the
    text lost and not a word said (badux3)."""

    def _print_message(self, message: str, file: object = None) -> None:
        if message and file is sys.stdout:
            version = message.rstrip("\n") == f"{self.prog} {__version__}"
            write_stdout(message, what="the version" if version else "the help")
        else:
            super()._print_message(message, file)  # type: ignore[arg-type]

    _intermixing = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """A command's options go anywhere among its words, as git's and mkdocs' do:
        `handbook diff main -f sub/mkdocs.yml HEAD` was refused with "unrecognized
        arguments: HEAD", argparse having given HEAD nothing before `-f` (edit57). The
        top level, whose COMMAND takes the rest, reads its words in order."""
        commands = any(isinstance(action, argparse._SubParsersAction) for action in self._actions)
        if commands:
            return super().parse_known_args(args, namespace)
        if self._intermixing:  # Python 3.11's intermixed parse calls this again, twice
            namespace, extras = super().parse_known_args(args, namespace)
            return namespace, self._with_its_double_dash(args, extras)
        self._intermixing = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False

    def _with_its_double_dash(self, args: Sequence[str] | None, extras: list[str]) -> list[str]:
        """The words left by the intermixed parse's first pass (options alone), with the
        `--` before the words after it, which Python 3.11's pass drops where no word but
        options comes before it: `handbook diff -- -x` then read -x as an option, and
        `handbook new -- protocol -x` refused -x as one (review rv57d)."""
        positionals = self._get_positional_actions()
        first_pass = any(action.nargs == argparse.SUPPRESS for action in positionals)
        if not first_pass or args is None or "--" not in args:
            return extras
        after = list(args)[list(args).index("--") + 1 :]
        if not after or extras[len(extras) - len(after) :] != after:
            return extras
        before = extras[: len(extras) - len(after)]
        return extras if before[-1:] == ["--"] else [*before, "--", *after]


def _parse_arguments(
    parser: argparse.ArgumentParser, argv: Sequence[str] | None
) -> argparse.Namespace:
    """The arguments; an unknown one is refused with its command's usage, not the top
    level's (argparse leaves those to the top-level parser)."""
    args, unknown = parser.parse_known_args(argv)
    (commands,) = [
        action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
    ]
    if args.command == "new" and args.name is None:
        commands.choices["new"].error(_name_missing(args.kind, unknown, args.config_file))
    if unknown:
        message = f"unrecognized arguments: {' '.join(unknown)}"
        if args.command == "new" and not any(word.startswith("-") for word in unknown):
            message += ' (a name of several words goes in quotes: "T visa")'
        if args.command == "diff" and any(word.split("=")[0] == "--format" for word in unknown):
            # As check's: the report is Markdown alone, for a pull request (review).
            message += (
                " (handbook diff writes a Markdown report alone: --format is handbook check's)"
            )
        commands.choices[args.command].error(message)
    return args


def _name_missing(kind: str, unknown: Sequence[str], config_file: Path | None) -> str:
    """Why `new` has no NAME: argparse reads a name that starts with '-' as an option,
    and one after a -f that names no file as -f's (`new term -f "T visa"`)."""
    dashed = next((word for word in unknown if word.startswith("-")), None)
    # Not said of a YAML file's name, nor of a config named otherwise that is there.
    if (
        dashed is None
        and config_file is not None
        and config_file.suffix not in (".yml", ".yaml")
        and not config_file.is_file()
    ):  # review rv57d
        name = str(config_file)
        quoted = f'"{name}"' if not set(name) & set('"$`\\!') else shlex.quote(name)
        return (
            f"{name!r} is read as -f's FILE, and NAME is missing: -f names the site's "
            f"mkdocs.yml, as in handbook new {kind} -f mkdocs.yml {quoted}"
        )
    if dashed is None:
        return "the following arguments are required: NAME"
    if kind == "term":  # a term's form starts with a letter or digit: no '--' helps it
        return (
            f"{dashed!r} is read as an option, and NAME is missing: a term starts with a "
            'letter or a digit, as in handbook new term "T visa"'
        )
    # In double quotes, as names are typed, where no shell reads anything in them.
    quoted = f'"{dashed}"' if not set(dashed) & set('"$`\\!') else shlex.quote(dashed)
    return (
        f"{dashed!r} is read as an option, and NAME is missing: a name that starts with '-' "
        f"goes after --, as in handbook new {kind} -- {quoted}"
    )


def build_parser() -> argparse.ArgumentParser:
    # No abbreviated options (`--form` for `--format`): a CI script that relies on one
    # would break the day another option shares its start.
    parser = _Parser(
        prog="handbook",
        description="Check, compare and publish a coalition handbook.",
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    check = commands.add_parser(
        "check", help="check every page, term, protocol and module", allow_abbrev=False
    )
    _add_config_option(check)
    check.add_argument(
        "--format",
        choices=("text", "json", "github", "sarif"),
        default="text",
        help="output format (default: text)",
    )
    check.add_argument(
        "--strict", action="store_true", help="warnings fail too (as `strict: true` in mkdocs.yml)"
    )

    diff = commands.add_parser(
        "diff", help="Markdown report of changes between git revisions", allow_abbrev=False
    )
    _add_config_option(diff)
    diff.add_argument(
        "base",
        metavar="BASE",
        help="the git revision to compare against; BASE...HEAD compares with where HEAD "
        "left BASE (their merge base), as a pull request does; BASE..HEAD is BASE HEAD. "
        "Unlike git's, BASE.. and BASE... compare with the working tree, as BASE alone "
        "does (uncommitted edits included)",
    )
    diff.add_argument(
        "head",
        metavar="HEAD",
        nargs="?",
        help="default: the working tree, uncommitted edits included (give HEAD for the "
        "last commit)",
    )

    new = commands.add_parser(
        "new", help="scaffold a new term, protocol or module", allow_abbrev=False
    )
    _add_config_option(new)
    new.add_argument("kind", choices=("term", "protocol", "module"))
    # Optional to argparse alone, so that a name read as an option ("-x") is told apart
    # from none (`_name_missing`); the usage says it is required.
    new.add_argument(
        "name", metavar="NAME", nargs="?", help='the preferred form or title, e.g. "T visa"'
    )
    new.usage = "%(prog)s [-h] [-f FILE] {term,protocol,module} NAME"

    handouts = commands.add_parser(
        "handouts", help="build the PDF handouts alone", allow_abbrev=False
    )
    _add_config_option(handouts)
    handouts.add_argument(
        "-o",
        "--output",
        type=_output_folder,
        default=None,
        help="folder for the PDFs (default: handouts/ in mkdocs.yml's site_dir, site/)",
    )
    return parser


def _output_folder(text: str) -> Path:
    """`-o`'s folder; an empty name (`-o "$OUT"` with OUT unset) is refused: as a path it
    is the folder the command runs in, where the PDFs went beside mkdocs.yml unasked."""
    if not text:
        raise argparse.ArgumentTypeError(
            "an empty folder name: name the folder for the PDFs (-o . for this one)"
        )
    return Path(text)


def _add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=None,
        metavar="FILE",
        help="the site's mkdocs.yml (default: the first there is of "
        f"{', '.join(f'./{name}' for name in CONFIG_NAMES)}: MkDocs' names, then ProperDocs')",
    )


# MkDocs' names first, then ProperDocs' own (which it asks new sites to use).
CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")
# Those of them `zensical build` reads where there is no zensical.toml.
ZENSICAL_READS = ("mkdocs.yml", "mkdocs.yaml")


def default_config_file() -> Path:
    """The config file read when none is named: MkDocs' or else ProperDocs' name."""
    for name in CONFIG_NAMES:
        if Path(name).is_file():
            return Path(name)
    return Path("mkdocs.yml")


def _note_other_configs(read: Path) -> None:
    """Say on stderr which config is read where another is beside it: `mkdocs build`
    reads mkdocs.yml first, `properdocs build` properdocs.yml, so the check and one of
    the builds would read different settings without a word (audit)."""
    if not read.is_file():  # none of CONFIG_NAMES: the error names what is here
        return
    # `zensical build` reads zensical.toml first, which no -f makes the check read.
    names = (*CONFIG_NAMES, ZENSICAL_CONFIG)
    others = [name for name in names if name != read.name and Path(name).is_file()]
    if others:
        properdocs = any(name.startswith("properdocs") for name in others)
        zensical = ZENSICAL_CONFIG in others
        first = [
            *(["ProperDocs reads properdocs.yml first"] if properdocs else []),
            *([f"Zensical reads {ZENSICAL_CONFIG} first"] if zensical else []),
        ]
        advice = "keep one config, or name the one meant with -f"
        if zensical:  # which -f cannot make Zensical read
            advice = (
                f"keep one config, {read.name}, which Zensical reads too"
                if read.name in ZENSICAL_READS
                else f"keep one config; Zensical reads mkdocs.yml, not {read.name}"
            )
        print(
            f"handbook: note: reading {read.name}; {' and '.join(others)} "
            f"{'is' if len(others) == 1 else 'are'} here too"
            f"{''.join(f', and {said}' for said in first)}: {advice}",
            file=sys.stderr,
        )


def _escape_what_stdout_cannot_encode() -> None:
    """Have stdout write a character its encoding cannot hold (a report that a Windows
    code page writes to a file: `→`, a non-Latin folder name) as an escape (`\\u2192`),
    as stderr does, rather than end the command in a traceback (JSON and SARIF are
    written in ASCII there: see `run_check`)."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    # `surrogateescape` (a C locale's) writes back only the bytes a name was read with.
    if reconfigure is not None and sys.stdout.errors in ("strict", "surrogateescape"):
        reconfigure(errors="backslashreplace")


def _stdout_is_utf8() -> bool:
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"  # None: stdout closed
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def _drop_stdout() -> None:
    """Send what is left for stdout nowhere: Python would report the closed pipe again
    when it flushes stdout at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    _escape_what_stdout_cannot_encode()
    try:
        args = _parse_arguments(build_parser(), argv)
    except OutputError as error:  # the help or the version, asked for
        print(f"handbook: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        config_file = args.config_file or _default_config_here()
        # A first term may come before its folder, which `new` makes; a folder named in
        # mkdocs.yml otherwise than by default that is not there is a typo to the other
        # commands (`diff` would report every term removed). A diff may come before any
        # folder left at its default exists; a check needs one of them.
        # Named in messages as the editor named it: `sub/mkdocs.yml:7:1: ...`.
        shown_as = shown_name(config_file)
        notes: list[str] = []
        # MkDocs refuses to build with a `site_url` without its scheme, and the plugin
        # beside some other plugins: the check says so, as of any setting the build refuses.
        config = load_config(
            config_file,
            require_folders=args.command != "new",
            shown_as=shown_as,
            refuse_site_url=args.command == "check",
            refuse_plugins=args.command == "check",
            refuse_build_settings=args.command == "check",
            notes=notes,
        )
        for note in notes:  # a theme or plugin the build would not find here
            # "note:", as the check's other notes: no error, whose lines it looked like.
            print(f"handbook: note: {note}", file=sys.stderr)
        reads_handbook = args.command in ("check", "handouts")
        if reads_handbook:
            _require_a_handbook(config, shown_as)
            _say_when_no_page_is_read(config, shown_as)
            _say_when_the_plugin_is_not_listed(config, shown_as)
        exit_code = _COMMANDS[args.command](args, config)
        if reads_handbook:
            _say_when_the_caches_had_no_key()
        return exit_code
    except ConfigError as error:
        for problem in error.problems:  # each on a line of its own, as findings are
            print(f"handbook: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except OutputError as error:
        print(f"handbook: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `handbook new ... | head`: what it did is done
        _drop_stdout()
        return EXIT_FAILING
    except OSError as error:
        # What the commands do not report themselves (a full disk while `new` or
        # `handouts` prints): one line, never a traceback.
        where = f"{error.filename}: " if error.filename else ""
        print(f"handbook: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE


def _default_config_here() -> Path:
    """The config file a command run without -f reads, named on stderr where another
    is beside it; a `ConfigError` where it is not there (`load_config` names a file
    given with -f that is not there itself)."""
    config_file = default_config_file()
    _note_other_configs(config_file)
    if not config_file.exists():
        if config_file.is_symlink():  # here, but a link to nothing (audit)
            raise ConfigError(
                f"{config_file}: a symbolic link to {config_file.readlink()}, which "
                "does not exist: link it to the site's config, or name that with -f"
            )
        if (zensical := lone_zensical_config(Path.cwd())) is not None:
            raise ConfigError(f"{config_file.resolve()}: no such file; {zensical}")
        raise ConfigError(
            f"{config_file.resolve()}: no such file (run handbook in the folder of "
            "mkdocs.yml, or name it with -f)"
        )
    return config_file


def _require_a_handbook(config: HandbookConfig, shown_as: str) -> None:
    """A wrong -f (a term file, another project's config) names none of the handbook's
    folders: checking nothing, the check would pass, a CI step that can never fail."""
    folders = (config.docs_dir, config.glossary_dir, config.protocols_dir)
    if not any(folder.is_dir() for folder in folders):
        named = ", ".join(config.relative(folder) for folder in folders)
        raise ConfigError(
            f"{shown_as}: no handbook here: none of its folders ({named}) exists; "
            "is this the handbook's mkdocs.yml?"
        )


def _say_when_no_page_is_read(config: HandbookConfig, shown_as: str) -> None:
    """mkdocs.yml sets no docs_dir and there is no `docs` folder (a docs_dir set to a
    missing folder is an error of `load_config`): the glossary and protocols are still
    checked, but a check that read no page must not pass in silence."""
    if not config.docs_dir.is_dir():
        # Named as the default is, not as `docs_dir`, which resolves a link to nowhere.
        print(
            f"handbook: {shown_as} sets no docs_dir, and its default 'docs' is not a "
            "folder: no page is read (MkDocs refuses to build without it; set docs_dir to "
            "the pages' folder)",
            file=sys.stderr,
        )


def _say_when_the_plugin_is_not_listed(config: HandbookConfig, shown_as: str) -> None:
    """The check runs with the plugin's defaults all the same; but a handbook whose site
    is built without the plugin publishes no glossary and checks nothing."""
    if not config.plugin_listed:
        print(
            f"handbook: {shown_as} lists no 'handbook' plugin: checked with its "
            "default options, but `mkdocs build` would neither check the pages nor publish "
            "the glossary (add `- handbook` under `plugins`)",
            file=sys.stderr,
        )


def _say_when_the_caches_had_no_key() -> None:
    """The build logs it at INFO, which this command does not show: without it, every
    check is cold and no one is told why (review); and so a key that others may read."""
    from .cache_signature import unavailable_note

    if (note := unavailable_note()) is not None:
        print(note, file=sys.stderr)


def run_check(args: argparse.Namespace, config: HandbookConfig) -> int:
    from .check import run_checks
    from .parallel import two_processes_allowed
    from .report import FORMATTERS
    from .report.encoding import json_in_ascii
    from .report.github import not_shown_command
    from .report.sarif import left_out_note
    from .report.totals import totals_line
    from .report.workspace import FORMATS_READ_BY_GITHUB, from_workspace, workspace_folder
    from .site.left_out_records import left_out_notes

    with two_processes_allowed():  # this command owns its process: it may fork
        result = run_checks(config)
    findings = result.findings
    if args.format in FORMATS_READ_BY_GITHUB:
        findings = from_workspace(findings, workspace_folder(config.root))
    report = FORMATTERS[args.format](findings)
    encoding = None
    if args.format in ("json", "sarif") and not _stdout_is_utf8():
        report = json_in_ascii(report)  # JSON is UTF-8 (RFC 8259), or ASCII, which is too
        encoding = "ascii"
    elif args.format == "github":
        encoding = "utf-8"  # the Actions runner reads the commands as UTF-8
        # First, as GitHub drops notices past the tenth; on stderr, which the runner
        # reads commands from too: stdout holds a command a finding.
        if note := not_shown_command(findings):
            print(note, end="", file=sys.stderr, flush=True)
    write_stdout(report, encoding=encoding)
    if args.format == "sarif" and (note := left_out_note(findings)) is not None:
        print(f"handbook: {note}", file=sys.stderr)
    # Totals where a person reads the findings one a line; JSON has `counts`, SARIF is read
    # by code scanning, and stdout holds nothing but the findings (DESIGN section 6).
    if args.format in ("text", "github") and (totals := totals_line(findings)) is not None:
        print(f"handbook: {totals}", file=sys.stderr)
    # A record left out of the site with its schema rule off is no finding, but the
    # build warns of it: said here too, so the check tells what the build will.
    for note in left_out_notes(result.handbook.rejected, config):
        print(note, file=sys.stderr)
    strict = args.strict or config.strict  # as `mkdocs build` reads mkdocs.yml's `strict`
    return EXIT_FAILING if result.failing(strict=strict) else EXIT_OK


def run_diff(args: argparse.Namespace, config: HandbookConfig) -> int:
    config_file = args.config_file or default_config_file()
    # UTF-8 whatever stdout's encoding: CI appends the report to GitHub's step summary,
    # which is read as UTF-8 (a Windows runner's Python writes cp1252: audit).
    write = functools.partial(write_stdout, encoding="utf-8")
    return diff_command(config, args.base, args.head, write=write, config_file=config_file)


def diff_command(
    config: HandbookConfig,
    base: str,
    head: str | None,
    write: Callable[[str], object] | None = None,
    config_file: Path | None = None,
    environ: Mapping[str, str] = os.environ,
) -> int:
    """`handbook diff`: the report with `write` (default: to stdout), its notes and each
    reason it fails on stderr; the exit code (`editor.diff`'s module docstring)."""
    from .editor.diff import DiffError, compare_revisions

    try:
        outcome = compare_revisions(config, base, head, config_file, environ)
    except DiffError as error:
        for note in error.notes:
            print(f"handbook diff: {note}", file=sys.stderr)
        print(f"handbook diff: {error}", file=sys.stderr)
        return EXIT_USAGE
    for note in outcome.notes:
        print(f"handbook diff: {note}", file=sys.stderr)
    (write or sys.stdout.write)(outcome.report)
    tell_diff_failures(outcome.failures, config.root, environ)
    return outcome.exit_code


def tell_diff_failures(failures: Sequence[Finding], root: Path, environ: Mapping[str, str]) -> None:
    """Why the diff fails, on stderr (`editor.diff.failure_report`); under GitHub Actions
    in UTF-8, which GitHub reads workflow commands as, whatever stderr's encoding (a
    Windows runner's Python writes cp1252: review), as `check --format github`."""
    from .editor.diff import failure_report

    text = failure_report(failures, root, environ)
    buffer = getattr(sys.stderr, "buffer", None)
    if environ.get("GITHUB_ACTIONS") != "true" or buffer is None:
        sys.stderr.write(text)
        return
    sys.stderr.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def run_new(args: argparse.Namespace, config: HandbookConfig) -> int:
    from .editor.scaffold import run_new as new_command

    given = args.config_file
    default = default_config_file()
    if given is not None and given.exists() and default.exists() and given.samefile(default):
        given = None  # the file a check here finds by itself: no `-f` to advise
    return new_command(config, args.kind, args.name, given)


def run_handouts(args: argparse.Namespace, config: HandbookConfig) -> int:
    from .site.handout_command import run_handouts as handouts_command

    return handouts_command(config, args.output)


_COMMANDS = {"check": run_check, "diff": run_diff, "new": run_new, "handouts": run_handouts}


if __name__ == "__main__":
    sys.exit(main())
