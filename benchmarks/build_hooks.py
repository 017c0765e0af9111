"""Where a `mkdocs build`'s CPU time goes: each plugin's hooks, one by one, and the page
templates, in one build.

    python -m benchmarks.build_hooks path/to/mkdocs.yml            # without the cache
    python -m benchmarks.build_hooks path/to/mkdocs.yml --cached   # with it (a warm build)

The build runs in this process, as `mkdocs build -q` would (the handbook's check runs in
it too: a site build never forks). Each line is the CPU time summed over the build of one
event method of one plugin (MkDocs calls each of a `CombinedEvent`'s methods apart), of
one page template's renders, or of the build's stages around them (reading and rendering
each page's Markdown, writing it). Run it on a handbook built with the plugin and on the
same handbook without it (`benchmarks.generate`'s `plugin=False`): the lines the first
adds, and those it makes longer, are what the plugin costs. A figure here tells where to
look; a change is measured by paired old/new builds, never by these figures alone (one
build's template time on this shared machine varies by several per cent).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import PluginCollection

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.run import cache_off
from benchmarks.scan_stages import cpu_timed

# MkDocs' stages of a build, each timed apart (an event's methods run inside them).
STAGES = ("_populate_page", "_build_page", "_build_theme_template")


@contextmanager
def _replaced(owner: object, name: str, replacement: object) -> Iterator[None]:
    original = getattr(owner, name)
    setattr(owner, name, replacement)
    try:
        yield
    finally:
        setattr(owner, name, original)


def _run_event_timed(seconds: Counter[str], calls: Counter[str]) -> Callable[..., Any]:
    """`PluginCollection.run_event`, each method's CPU time under its event and name."""

    def run_event(plugins: PluginCollection, name: str, item: Any = None, **options: Any) -> Any:
        pass_item = item is not None  # as MkDocs: an event without one never gets one
        for method in plugins.events[name]:
            plugins._current_plugin = plugins._event_origins.get(method, "<unknown>")
            line = f"{name}: {getattr(method, '__qualname__', method)}"
            started = time.process_time()
            result = method(item, **options) if pass_item else method(**options)
            seconds[line] += time.process_time() - started
            calls[line] += 1
            if result is not None:
                item = result
        plugins._current_plugin = None
        return item

    return run_event


def _render_timed(seconds: Counter[str], calls: Counter[str]) -> Callable[..., Any]:
    """`jinja2.Template.render`, each template's own CPU time under its name (not that of
    a template rendered inside another's render: it is its caller's)."""
    render = jinja2.Template.render
    depth = [0]

    def timed_render(template: jinja2.Template, *arguments: Any, **options: Any) -> str:
        depth[0] += 1
        started = time.process_time()
        try:
            return render(template, *arguments, **options)
        finally:
            depth[0] -= 1
            if depth[0] == 0:
                line = f"template {template.name}"
                seconds[line] += time.process_time() - started
                calls[line] += 1

    return timed_render


def build_times(config_file: Path, cached: bool) -> tuple[float, Counter[str], Counter[str]]:
    """(the build's CPU time, each line's CPU time, each line's calls)."""
    seconds: Counter[str] = Counter()
    calls: Counter[str] = Counter()
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="handbook-hooks-") as site:
        run_event = _run_event_timed(seconds, calls)
        stack.enter_context(_replaced(PluginCollection, "run_event", run_event))
        stack.enter_context(_replaced(jinja2.Template, "render", _render_timed(seconds, calls)))
        for stage in STAGES:
            timed = cpu_timed(getattr(build, stage), f"stage {stage}", seconds, calls)
            stack.enter_context(_replaced(build, stage, timed))
        if not cached:
            stack.enter_context(cache_off())
        started = time.process_time()
        config = load_config(str(config_file), site_dir=site)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build.build(config)
        finally:
            config.plugins.on_shutdown()
        return time.process_time() - started, seconds, calls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config_file", type=Path, help="the handbook's mkdocs.yml")
    parser.add_argument("--cached", action="store_true", help="with the persistent cache")
    options = parser.parse_args(argv)
    try:
        total, seconds, calls = build_times(options.config_file, options.cached)
    except MkDocsException as error:  # as `mkdocs build` says it: a failing check, a typo
        print(f"{options.config_file}: the build failed: {error}", file=sys.stderr)
        return 1
    print(f"mkdocs build, CPU time: {total:.2f} s ({'with' if options.cached else 'no'} cache)")
    for line, spent in seconds.most_common():
        if spent >= 0.002:
            print(f"  {spent:7.3f} s  {spent / total:4.0%}  {calls[line] or '':>6}  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
