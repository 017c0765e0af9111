"""The editor-facing repository files: CI workflows, issue form, hooks, editor settings."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from coalition_handbook.cache_signature import KEY_FILE_VARIABLE, key_file
from coalition_handbook.cli import CONFIG_NAMES, build_parser
from coalition_handbook.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
VENV_BIN = Path(sys.executable).parent
SHELL_BUILTINS = {"test", "echo", "true"}
OTHER_PROGRAMS = {"git", "bash", "tee"}  # on every runner and in the Debian containers
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
FINDING_LINE = re.compile(
    r"^(?P<path>[\w./-]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info) "
    r"(?P<rule>[a-z]+\.[a-z-]+) \S.*$"
)


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the key `on` as True.
    return workflow.get("on", workflow.get(True))  # type: ignore[call-overload]


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", text, flags=re.MULTILINE))


def handbook_subcommands() -> set[str]:
    parser = build_parser()
    (commands,) = [action for action in parser._actions if action.dest == "command"]
    return set(commands.choices)  # type: ignore[arg-type]


def commands(script: str) -> list[list[str]]:
    """The simple commands of a shell script: split at `&&`, `||`, `;` and `|`, without
    redirections and their targets."""
    found: list[list[str]] = []
    for line in script.splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        current: list[str] = []
        skip_next = False
        for token in lexer:
            if skip_next:
                skip_next = False
            elif token in {"&&", "||", ";", "|"}:
                found.append(current)
                current = []
            elif token in {">", ">>", "<", "2>"}:
                skip_next = True
            else:
                current.append(token)
        if current:
            found.append(current)
    return [command for command in found if command]


def test_commands_splits_and_drops_redirections() -> None:
    script = 'a x > out || test $? -eq 1\nb "origin/$REF" >> "$SUMMARY"  # why\n'
    assert commands(script) == [["a", "x"], ["test", "$?", "-eq", "1"], ["b", "origin/$REF"]]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_run_step_calls_a_command_that_exists(path: Path) -> None:
    targets, subcommands = makefile_targets(), handbook_subcommands()
    for step in steps(load(path)):
        for command in commands(step.get("run", "")):
            program, *arguments = command
            if program == "sudo":
                program, *arguments = arguments
            if program == "make":
                assert set(arguments) <= targets, f"{path.name}: {command}"
            elif program == ".venv/bin/handbook":
                assert arguments[0] in subcommands, f"{path.name}: {command}"
                build_parser().parse_args(arguments)  # the options exist too
            elif program.startswith(".venv/bin/"):
                tool = program.removeprefix(".venv/bin/")
                assert (VENV_BIN / tool).exists(), f"{path.name}: {tool} is not installed"
            else:
                known = SHELL_BUILTINS | OTHER_PROGRAMS
                assert program in known, f"{path.name}: unknown command {command}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_by_commit_with_its_version(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    uses = [step["uses"] for step in steps(load(path)) if "uses" in step]
    assert uses
    for action in uses:
        assert PINNED.match(action), f"{path.name}: {action} is not pinned by a commit"
    lines = [line.strip() for line in text.splitlines() if "uses:" in line]
    for line in lines:
        assert VERSION_COMMENT.search(line), f"{path.name}: {line} has no `# vX.Y.Z` comment"


def test_pinned_actions_are_proposed_their_updates() -> None:
    """CI audit: every action is pinned by its commit, so none ever got a fix, security
    ones included, until someone noticed: Dependabot proposes them for the workflows'
    folder, on a schedule."""
    config = load(ROOT / ".github" / "dependabot.yml")
    assert config["version"] == 2
    (actions,) = [
        update for update in config["updates"] if update["package-ecosystem"] == "github-actions"
    ]
    # "/" is where Dependabot looks for .github/workflows.
    assert actions["directory"] == "/"
    assert actions["schedule"]["interval"] in {"daily", "weekly", "monthly"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_permissions_are_declared_and_least(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        writes = {key for key, value in job.get("permissions", {}).items() if value == "write"}
        allowed = {"security-events", "pages", "id-token"}
        if path.name == "reviews.yml":
            allowed.add("issues")  # to say which reviews fall due
        assert writes <= allowed, f"{path.name}: job {name} writes {writes - allowed}"
        assert "timeout-minutes" in job, f"{path.name}: job {name} has no timeout"


def test_check_workflow_runs_every_check_on_pull_requests() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "check.yml")
    assert "pull_request" in triggers(workflow)
    runs = [step.get("run", "") for step in steps(workflow)]
    assert ".venv/bin/handbook check --format github --strict" in runs
    (diff,) = [run for run in runs if "handbook diff" in run]
    # The merge commit's first parent: the base as the pull request was merged into it.
    # The merge read from the checkout: a symbolic link to a file outside glossary/
    # reads as the check reads it (review: exported from git, it was lost).
    assert "handbook diff HEAD^1 " in diff and '>> "$GITHUB_STEP_SUMMARY"' in diff
    assert "HEAD^1 HEAD" not in diff
    assert any("mkdocs build --strict" in run for run in runs)
    assert any("properdocs build --strict" in run for run in runs)
    assert any("linkchecker" in run for run in runs)
    assert "make test" in runs and "make system-deps" in runs
    (sarif,) = [step for step in steps(workflow) if "upload-sarif" in step.get("uses", "")]
    assert sarif["with"]["sarif_file"] == "handbook.sarif"
    assert any("--format sarif" in run and "> handbook.sarif" in run for run in runs)
    (checkout, *_) = [step for step in steps(workflow) if "checkout" in step.get("uses", "")]
    assert checkout["with"]["fetch-depth"] == 0  # the base branch is there for handbook diff
    # main is checked too: code scanning compares a pull request's findings with main's
    assert triggers(workflow)["push"]["branches"] == ["main"]
    (diff_step,) = [step for step in steps(workflow) if "handbook diff" in step.get("run", "")]
    assert "github.event_name == 'pull_request'" in diff_step["if"]  # a push has no base


def test_publish_workflow_deploys_pages_from_main() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "publish.yml")
    assert triggers(workflow)["push"]["branches"] == ["main"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["needs"] == "build"
    # Started by hand from another branch, it publishes nothing (audit).
    # The default branch, whatever its name, not a copied `main` (ADOPTING step 4).
    assert deploy["if"] == (
        "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"
    )
    used = " ".join(step.get("uses", "") for step in steps(workflow))
    assert "actions/upload-pages-artifact@" in used and "actions/deploy-pages@" in used


def test_the_published_site_knows_its_address(monkeypatch: pytest.MonkeyPatch) -> None:
    """The 404 page links from `site_url`: the publish workflow gives it the address
    GitHub Pages serves the site at, and mkdocs.yml reads it from there."""
    from mkdocs.config import load_config as load_mkdocs_config

    workflow = load(ROOT / ".github" / "workflows" / "publish.yml")
    job_steps = workflow["jobs"]["build"]["steps"]
    (pages,) = [step for step in job_steps if "actions/configure-pages@" in step.get("uses", "")]
    (build,) = [step for step in job_steps if "mkdocs build" in step.get("run", "")]
    # GitHub Pages says where it serves the site: a project's path, the owner's own
    # github.io, or a custom domain; the build reads it after asking.
    assert build["env"]["SITE_URL"] == "${{ steps." + pages["id"] + ".outputs.base_url }}/"
    assert job_steps.index(pages) < job_steps.index(build)
    monkeypatch.setenv("SITE_URL", "https://coalition.example.org/handbook/")
    config = load_mkdocs_config(str(ROOT / "mkdocs.yml"))
    assert config["site_url"] == "https://coalition.example.org/handbook/"
    monkeypatch.delenv("SITE_URL")
    assert load_mkdocs_config(str(ROOT / "mkdocs.yml"))["site_url"] is None


# The folder of the key that signs the cache's files (`cache_signature.key_file`, with no
# XDG_CACHE_HOME): without it, a restored cache is never read.
KEY_FOLDER = "~/.cache/coalition-handbook"


@pytest.mark.parametrize(
    ("path", "job", "folders", "key"),
    [
        ("check.yml", "handbook", {".cache/handbook", KEY_FOLDER}, "handbook-check-"),
        ("check.yml", "site", {".cache/handbook", ".cache/handouts", KEY_FOLDER}, "handbook-site-"),
        (
            "publish.yml",
            "build",
            {".cache/handbook", ".cache/handouts", KEY_FOLDER},
            "handbook-publish-",
        ),
    ],
)
def test_jobs_keep_the_handbook_cache_between_runs(
    path: str, job: str, folders: set[str], key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each job restores the folders its commands fill (the check's, and the handouts'
    where the site is built) and the folder of the key that signs them, before it runs
    them, under a key of its own, saved anew for each commit."""
    monkeypatch.delenv(KEY_FILE_VARIABLE, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert key_file().path.parent == Path(KEY_FOLDER).expanduser()
    workflow = load(ROOT / ".github" / "workflows" / path)
    job_steps = workflow["jobs"][job]["steps"]
    (cache,) = [step for step in job_steps if "actions/cache@" in step.get("uses", "")]
    assert set(cache["with"]["path"].split()) == folders
    assert cache["with"]["key"] == key + "${{ github.sha }}"
    assert cache["with"]["restore-keys"] == key
    first_use = min(
        index
        for index, step in enumerate(job_steps)
        if re.search(r"\b(handbook check|mkdocs build|make test)\b", step.get("run", ""))
    )
    assert job_steps.index(cache) < first_use


def _tool(name: str) -> str:
    """A linter the test extras install (a PyPI wheel that carries its binary): the
    venv's, else one on PATH (`which` adds Windows' `.exe`)."""
    found = shutil.which(name, path=str(VENV_BIN)) or shutil.which(name)
    assert found is not None, f"{name} is not installed: run `make install`"
    return str(found)


def _actionlint(*paths: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    # ShellCheck named, not looked for on PATH: without one there, actionlint leaves the
    # run: blocks unchecked and says nothing (CI audit: so it did on CI).
    command = [_tool("actionlint"), "-no-color", f"-shellcheck={_tool('shellcheck')}"]
    return subprocess.run(
        [*command, *map(str, paths)], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_actionlint_finds_nothing() -> None:
    completed = _actionlint(*WORKFLOWS)
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_actionlint_checks_the_run_blocks_with_shellcheck(tmp_path: Path) -> None:
    """The check above reads the shell in each run: block: one that splits a variable's
    value into words is reported."""
    workflow = tmp_path / ".github" / "workflows" / "w.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - run: echo $GITHUB_BASE_REF\n",
        encoding="utf-8",
    )
    completed = _actionlint(workflow, cwd=tmp_path)
    assert completed.returncode == 1 and "SC2086" in completed.stdout, completed.stdout


@pytest.mark.parametrize(
    "path", sorted((ROOT / ".github" / "scripts").glob("*.sh")), ids=lambda path: path.name
)
def test_shellcheck_finds_nothing_in_the_scripts(path: Path) -> None:
    completed = subprocess.run(
        [_tool("shellcheck"), path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_term_change_issue_form() -> None:
    form = load(ROOT / ".github" / "ISSUE_TEMPLATE" / "term-change.yml")
    assert {"name", "description", "body"} <= set(form)
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    # What a term file holds (DESIGN 3.1), a field each, and why.
    assert list(fields) == [
        "term",
        "change",
        "new-form",  # a rename needs the old form and the new (CI audit)
        "replacement",
        "other-terms",  # renaming, merging and splitting name another term (CI audit)
        "definition",
        "short",
        "aliases",
        "avoid",
        "related",
        "translations",
        "tags",
        "reason",
        "sources",
    ]
    assert fields["term"]["type"] == "input"
    assert fields["change"]["type"] == "dropdown"
    assert fields["change"]["attributes"]["multiple"] is True  # an alias and a form to avoid
    assert len(fields["change"]["attributes"]["options"]) >= 4
    for name, item in fields.items():
        required = name in {"term", "change", "reason"}
        assert item["validations"]["required"] is required, name
    assert "why" in fields["avoid"]["attributes"]["label"]  # a reason for each form to avoid
    # Each kind of change that names another term has a field for it (CI audit).
    options = " ".join(fields["change"]["attributes"]["options"]).lower()
    other = fields["other-terms"]["attributes"]["label"].lower()
    for kind in ("renam", "merg", "split"):
        assert kind in options and kind in other, kind
    assert fields["other-terms"]["type"] == "textarea"  # a split names two terms
    # A term file lists related terms by id: asked for so, with one in the example.
    assert "ids" in fields["related"]["attributes"]["description"]
    assert fields["related"]["attributes"]["placeholder"] == "e.g. human-trafficking"
    for item in form["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
    assert not _issue_form_problems(form)


def _issue_form_problems(form: dict[str, Any]) -> list[str]:
    """What GitHub refuses in an issue form beyond its schema ("Common validation errors
    when creating issue forms"): ids repeated or not of letters, digits, `-` and `_`;
    labels that read the same once case and all but letters and digits are set aside;
    a dropdown's options repeated, or the reserved option "None"."""
    problems: list[str] = []
    fields = [item for item in form["body"] if item["type"] != "markdown"]
    ids = [item["id"] for item in fields if "id" in item]
    problems += [f"id {name!r} repeated" for name in sorted(set(ids)) if ids.count(name) > 1]
    problems += [f"id {name!r}" for name in ids if not re.fullmatch(r"[A-Za-z0-9_-]+", name)]
    labels = [re.sub(r"[^a-z0-9]", "", item["attributes"]["label"].lower()) for item in fields]
    problems += [f"labels read as {key!r}" for key in sorted(set(labels)) if labels.count(key) > 1]
    for item in fields:
        options = [str(option) for option in item["attributes"].get("options", [])]
        if item["type"] == "dropdown" and len(set(options)) < len(options):
            problems.append(f"{item['id']}: an option repeated")
        if any(option.strip().lower() == "none" for option in options):
            problems.append(f"{item['id']}: the reserved option None")
    return problems


def test_issue_form_problems_are_found() -> None:
    """The checks above can fail: a form with each problem GitHub refuses it for."""
    body = [
        {"type": "input", "id": "term", "attributes": {"label": "Term"}},
        {"type": "textarea", "id": "term", "attributes": {"label": "Term?"}},
        {"type": "input", "id": "new form", "attributes": {"label": "New form"}},
        {"type": "dropdown", "id": "kind", "attributes": {"label": "Kind", "options": ["A", "A"]}},
        {"type": "dropdown", "id": "more", "attributes": {"label": "More", "options": ["None"]}},
    ]
    assert _issue_form_problems({"body": body}) == [
        "id 'term' repeated",
        "id 'new form'",
        "labels read as 'term'",
        "kind: an option repeated",
        "more: the reserved option None",
    ]


def test_pull_request_template_asks_for_the_version_bump() -> None:
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert "`version`" in text and "`history`" in text and "CONTRIBUTING.md" in text
    # Where reviewers find the report, and how to see it at home (audit).
    assert "**Summary**" in text and "handbook diff origin/main..." in text
    # A code contributor's line, pointing to the guide's part for developers (audit: the
    # checklist asked about content alone).
    assert "`make lint`" in text and '"Add a rule" in' in text
    assert "\n## Working on the code\n" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_pre_commit_hook() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "handbook-check"
    assert hook["entry"] == "handbook check --strict"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    # Every name `handbook check` reads its config from (audit: properdocs.yml was not).
    configs = [name for name in CONFIG_NAMES if files.search(name)]
    assert configs == list(CONFIG_NAMES)
    for path in ("glossary/t-visa.yml", "protocols/hotel-staff.yml", "content/modules/a.md"):
        assert files.search(path), path
    # Every file of the three folders: privacy.pii reads content/'s text files, and any
    # other file in glossary/ is an error (audit: a staged .csv alone ran no check).
    for path in (
        *("content/files/volunteers.csv", "content/flyer.html", "content/poster.svg"),
        *("content/NOTES.MD", "content/a.markdown", "content/card.vcf", "glossary/t-visa.md"),
    ):
        assert files.search(path), path
    for path in ("README.md", "plugins/coalition_handbook/cli.py", "tests/test_diff.py"):
        assert not files.search(path), path
    build_parser().parse_args(hook["entry"].split()[1:])


def test_the_guides_local_hook_runs_the_shipped_hook_from_the_venv() -> None:
    """A GitLab adopter's audit: pre-commit installs the shipped hook's package without
    constraints.txt, so its versions may not be CI's; the guide's local hook runs the
    handbook's .venv instead, on the same files as the shipped one."""
    (shipped,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    text = (ROOT / "ADOPTING.md").read_text(encoding="utf-8")
    (snippet,) = [
        snippet
        for snippet in re.findall(r"^```yaml\n(repos:\n.*?)^```$", text, flags=re.M | re.S)
        if "repo: local" in snippet
    ]
    (repo,) = yaml.safe_load(snippet)["repos"]
    (hook,) = repo["hooks"]
    assert hook["id"] == shipped["id"]
    assert hook["entry"] == f".venv/bin/{shipped['entry']}"
    assert hook["language"] == "system"
    assert hook["pass_filenames"] is shipped["pass_filenames"] is False
    assert hook["files"] == shipped["files"]


def test_the_docs_pin_this_repository_to_no_tag_it_does_not_have() -> None:
    """Audit: the pre-commit snippets said `rev: v0.1.0`, a tag this repository never had,
    so pre-commit failed for whoever copied them. There are no release tags yet: the docs
    ask for a commit with a placeholder (name a tag here once releases are made)."""
    revs = []
    for name in ("ADOPTING.md", "CONTRIBUTING.md", ".pre-commit-hooks.yaml"):
        text = (ROOT / name).read_text(encoding="utf-8")
        for snippet in re.findall(r"^[ #]*repos:\n(?:[ #]+ .*\n)+", text, flags=re.M):
            snippet = re.sub(r"^#", "", snippet, flags=re.M)  # the hook file's comment
            (repo,) = yaml.safe_load(snippet)["repos"]
            if repo["repo"] != "local":  # a local hook runs the .venv's, and has no rev
                revs.append((name, repo["rev"]))
        revs += [(name, rev) for rev in re.findall(r"git\+https://[^\s\"@]+@([^\s\"]+)", text)]
    assert {name for name, _ in revs} == {
        "ADOPTING.md",
        "CONTRIBUTING.md",
        ".pre-commit-hooks.yaml",
    }
    for name, rev in revs:
        assert re.fullmatch(r"<[^<>]*commit[^<>]*>", rev), f"{name}: {rev}"


def test_vscode_maps_the_schemas() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    assert set(map(tuple, schemas.values())) == {("glossary/*.yml",), ("protocols/*.yml",)}
    for schema in schemas:
        assert (ROOT / schema).is_file(), schema


def test_contributing_examples_use_the_finding_format() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    examples = [line for line in text.splitlines() if re.match(r"^[\w./-]+:\d+:", line)]
    assert len(examples) >= 8
    rules = set()
    for line in examples:
        match = FINDING_LINE.match(line)
        assert match, line
        assert match["rule"] in RULES, line
        rules.add(match["rule"])
    assert {"term.avoid", "glossary.schema", "glossary.history"} <= rules


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_jobs_in_a_container_let_git_read_the_checkout(path: Path) -> None:
    """A container job runs as root in a workspace of the runner's user: git refuses such a
    folder unless told, and the site's dates and the cache's guard read git."""
    for name, job in load(path)["jobs"].items():
        if "container" not in job:
            continue
        runs = [step.get("run", "") for step in job["steps"]]
        allowed = 'git config --global --add safe.directory "$GITHUB_WORKSPACE"'
        assert allowed in runs, f"{path.name}: job {name}"
        first_make = next(index for index, run in enumerate(runs) if run.startswith("make"))
        assert runs.index(allowed) < first_make, f"{path.name}: job {name}"


def test_findings_past_githubs_annotation_limit_are_listed() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "check.yml")
    all_steps = steps(workflow)
    (check,) = [step for step in all_steps if step.get("id") == "check"]
    assert "--format github" in check["run"]
    following = all_steps[all_steps.index(check) + 1]
    assert following["run"].startswith(".venv/bin/handbook check --strict")
    assert "--format" not in following["run"]  # the text format: path:line:column each
    # Also when the check passed: notices do not fail it, and GitHub shows ten of them.
    assert following["if"] == "${{ !cancelled() && steps.install.outcome == 'success' }}"


def test_reviews_falling_due_are_announced_a_month_ahead() -> None:
    """A weekly run checks the handbook as of 30 days on: it fails while a protocol's
    review_by date is that close, before pull requests' strict checks fail on the day."""
    workflow = load(ROOT / ".github" / "workflows" / "reviews.yml")
    assert triggers(workflow)["schedule"] and "workflow_dispatch" in triggers(workflow)
    runs = [step.get("run", "") for step in steps(workflow)]
    (today,) = [run for run in runs if "HANDBOOK_TODAY=" in run]
    assert "+30 days" in today and '>> "$GITHUB_ENV"' in today
    (check,) = [
        step for step in steps(workflow) if "handbook check --strict" in step.get("run", "")
    ]
    assert runs.index(today) < runs.index(check["run"])
    # Set before Install, which may fail: the issue then still names the day (CI audit).
    assert runs.index(today) < runs.index("make install")
    # Its output is kept for the issue; `shell: bash` runs it with pipefail, so `tee`
    # does not hide the check's failure.
    assert check["shell"] == "bash" and check["run"].endswith("| tee reviews.txt")
    # GitHub tells only whoever last edited the schedule of a failed run (audit): the
    # committee hears of it in an issue, opened or commented on.
    (tell,) = [step for step in steps(workflow) if step.get("if") == "failure()"]
    assert tell["run"] == "bash .github/scripts/announce-reviews.sh reviews.txt"
    assert tell["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert workflow["jobs"]["reviews"]["permissions"]["issues"] == "write"


def _announced(
    tmp_path: Path, report_text: str | None, open_issue: str = "", today: str | None = "2027-07-15"
) -> str:
    """What the announcing script asks of `gh` (a stand-in that records it), the body it
    posts included, given `report_text` as the check's output (None: the check never
    ran, and wrote none) and `today` as HANDBOOK_TODAY (None: unset)."""
    calls = tmp_path / "calls.txt"
    fake_gh = tmp_path / "bin" / "gh"
    fake_gh.parent.mkdir()
    fake_gh.write_text(
        "#!/bin/sh\n"
        f'echo "$@" >> "{calls}"\n'
        "for last; do :; done\n"
        f'[ "$2" = list ] && echo "{open_issue}"\n'
        'case "$*" in *--body-file*) cat "$last" >> "' + str(calls) + '";; esac\n'
        "exit 0\n",
        encoding="utf-8",
    )
    fake_gh.chmod(0o755)
    report = tmp_path / "reviews.txt"
    if report_text is not None:
        report.write_text(report_text, encoding="utf-8")
    # The body is written to a temporary file: it must not outlive the script (six
    # were left in /tmp by each run of these tests).
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    env = {
        **{name: value for name, value in os.environ.items() if name != "HANDBOOK_TODAY"},
        **({"HANDBOOK_TODAY": today} if today else {}),
        "PATH": f"{fake_gh.parent}{os.pathsep}{os.environ['PATH']}",
        "TITLE": "Protocol reviews due within 30 days",
        "GITHUB_REPOSITORY": "coalition/handbook",
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_RUN_ID": "1234",
        "TMPDIR": str(scratch),
    }
    script = ROOT / ".github" / "scripts" / "announce-reviews.sh"
    subprocess.run(["bash", str(script), str(report)], env=env, check=True)
    assert list(scratch.iterdir()) == []
    return calls.read_text(encoding="utf-8")


OVERDUE = (
    "protocols/hotel-employee.yml:6:12: warning protocol.review-overdue review of "
    "protocol 'hotel-employee' is due by 2027-06-30, 15 days before 2027-07-15, the day "
    "HANDBOOK_TODAY sets"
)
RUN = "https://github.com/coalition/handbook/actions/runs/1234"


@pytest.mark.parametrize("open_issue", ["", "42"], ids=["none open", "one open"])
def test_the_committee_hears_of_reviews_in_one_issue(tmp_path: Path, open_issue: str) -> None:
    """The announcing script opens an issue naming the reviews that fall due, or
    comments on the one open."""
    report = f"{OVERDUE}\nhandbook: 1 warning(s) under --strict\n"
    recorded = _announced(tmp_path, report, open_issue)
    if open_issue:
        assert "issue comment 42 --repo coalition/handbook --body-file" in recorded
    else:
        assert "issue create --repo coalition/handbook --title Protocol reviews due" in recorded
    assert "The weekly check as of 2027-07-15 (30 days from now) found:" in recorded
    assert f"```\n{OVERDUE}\n```\n" in recorded
    assert "other reasons" not in recorded


# A failing line of the report that is no review's, with the personal data it places.
PERSONAL = (
    "content/x.md:5:14: error privacy.pii '402-***-**42' looks like a personal phone "
    "number; remove it, or list it under privacy.allow if it is public"
)


@pytest.mark.parametrize("with_review", [False, True], ids=["no review", "a review too"])
def test_the_issue_never_quotes_the_rest_of_the_report(tmp_path: Path, with_review: bool) -> None:
    """Privacy audit: with no review falling due, the whole report was posted to the
    public issue (and mailed to every watcher), personal data and all. Now it names the
    run, where the report is."""
    report = f"{OVERDUE}\n" if with_review else ""
    report += f"{PERSONAL}\ncontent/y.md:2:1: info term.unknown-acronym 'XYZ' ...\n"
    recorded = _announced(tmp_path, report + "handbook: 1 error(s)\n")
    assert "privacy.pii" not in recorded and "402-" not in recorded and "XYZ" not in recorded
    if with_review:
        also = f"\n\nIt also failed for other reasons: see the run, {RUN}\n"
        assert f"```\n{OVERDUE}\n```{also}" in recorded
    else:
        assert (
            "The weekly check as of 2027-07-15 (30 days from now) found no review falling "
            f"due, but failed for other reasons: see the run, {RUN}\n"
        ) in recorded


@pytest.mark.parametrize("today", [None, "2027-07-15"], ids=["date unset", "date set"])
def test_the_committee_hears_when_a_step_before_the_check_fails(
    tmp_path: Path, today: str | None
) -> None:
    """CI audit: when Install failed, the script stopped at HANDBOOK_TODAY, unset, and
    no issue was opened: a broken install failed silently every week. Now the issue
    says the check did not run, and names the run."""
    recorded = _announced(tmp_path, None, today=today)
    assert "issue create --repo coalition/handbook --title Protocol reviews due" in recorded
    assert (
        f"The weekly check of protocol reviews did not run: a step before it failed. See "
        f"the run, {RUN}\n"
    ) in recorded
