"""The names the user guides quote (README.md, ADOPTING.md, CONTRIBUTING.md and the
handbook's own pages) against the code: a command's option or a rule id that a guide
names and the tool does not know sends a coordinator, who follows the guide as written,
to an error ("unrecognized arguments") or to a `rules:` entry the check refuses."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from coalition_handbook.cli import build_parser
from coalition_handbook.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
GUIDES = [ROOT / "README.md", ROOT / "ADOPTING.md", ROOT / "CONTRIBUTING.md"]

# A `handbook` command as a guide writes it, in code or in a fenced block, up to the end
# of the code span or line: `handbook check -f mkdocs.es.yml --format github --strict`,
# or as `python -m coalition_handbook check ...`.
COMMAND = re.compile(r"(?:\b|python -m coalition_)handbook (check|diff|new|handouts)\b([^`\n#]*)")
OPTION = re.compile(r"(?<![\w-])(--?[a-zA-Z][\w-]*)")

# Names of the rules' form (`prefix.name`) that the guides quote and are no rule: the
# plugin's settings, and the made-up rules CONTRIBUTING.md's examples name (one to add,
# one misspelt to show the check's answer), a file name and a standard library module.
NOT_RULES = {
    "privacy.allow", "privacy.countries", "page.todo", "term.avoidd", "page.html", "html.parser",
}  # fmt: skip
RULE_PREFIXES = "|".join(sorted({rule.split(".")[0] for rule in RULES}))
QUOTED_RULE = re.compile(rf"`({RULE_PREFIXES})\.([a-z][a-z-]*[a-z])`")


def guides() -> list[Path]:
    return GUIDES + sorted((ROOT / "content").rglob("*.md"))


def subcommand_options() -> dict[str, set[str]]:
    """Each subcommand's option strings (`-f`, `--config-file`, `--strict`...)."""
    commands = next(
        action
        for action in build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    return {
        name: {option for action in parser._actions for option in action.option_strings}
        for name, parser in commands.choices.items()
    }


def test_every_option_a_guide_gives_a_handbook_command_exists() -> None:
    options = subcommand_options()
    unknown = []
    for guide in guides():
        for number, line in enumerate(guide.read_text(encoding="utf-8").splitlines(), 1):
            for command in COMMAND.finditer(line):
                for option in OPTION.findall(command[2]):
                    if option not in options[command[1]]:
                        unknown.append(f"{guide.name}:{number}: handbook {command[1]} {option}")
    assert unknown == []


def test_every_rule_id_a_guide_quotes_is_a_rule() -> None:
    unknown = []
    for guide in guides():
        for number, line in enumerate(guide.read_text(encoding="utf-8").splitlines(), 1):
            for quoted in QUOTED_RULE.finditer(line):
                rule = f"{quoted[1]}.{quoted[2]}"
                if rule not in RULES and rule not in NOT_RULES:
                    unknown.append(f"{guide.name}:{number}: {rule}")
    assert unknown == []


# A shell block of a guide: ```sh ... ```, indented as a list item's.
SHELL_BLOCK = re.compile(r"^( *)```(?:sh|bash|console|shell)\n(?P<text>.*?)^\1```", re.M | re.S)


def typed_commands(block: str) -> list[str]:
    """The commands a reader types from a shell block: its `$ ` lines where it shows a
    prompt (the others are output), else every line."""
    lines = [line.strip() for line in block.splitlines()]
    prompted = [line.removeprefix("$ ") for line in lines if line.startswith("$ ")]
    return prompted if prompted else lines


def test_every_command_a_guide_has_typed_runs_the_installed_tools() -> None:
    """The editors' page had `handbook check --strict` to type: the tools are installed in
    `.venv` (`make install`), and a coordinator typing it as written got "command not
    found" (audit). Typed commands name `.venv/bin/handbook` and `.venv/bin/mkdocs`."""
    bare = [
        f"{guide.name}: {command}"
        for guide in guides()
        for block in SHELL_BLOCK.finditer(guide.read_text(encoding="utf-8"))
        for command in typed_commands(block["text"])
        if re.match(r"(handbook|mkdocs) ", command)
    ]
    assert bare == []


def test_the_readme_gives_the_cli_as_a_module_where_it_introduces_it() -> None:
    """`python -m coalition_handbook` is the `handbook` command where its script is not on
    the PATH (a venv not activated, a CI step running the interpreter by its path); the
    README named only the script (review, session 60). Its line follows the block that
    introduces the CLI, and the command it shows runs."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    introduced = readme.index(".venv/bin/handbook check --strict")
    module = re.search(r"`(\.venv/bin/python) -m coalition_handbook (check[^`]*)`", readme)
    assert module is not None and introduced < module.start() < introduced + 600
    ran = subprocess.run(
        [sys.executable, "-m", "coalition_handbook", *module[2].split(), "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ran.returncode == 0 and "--strict" in ran.stdout, ran.stderr
