"""Whether Python-Markdown renders a text within the stack a site build leaves it, and,
where it does not, the block of HTML that Markdown is read in (md_in_html) nested deepest.

Python-Markdown renders some markup by calling itself again for each level of it: the
elements of HTML that Markdown is read in above all. How deep it goes depends on how it
reads the HTML (which end tags it leaves out, which tags start a block), which no model
of ours gets right in every case (reviews), so it renders the text itself, with the
site's extensions, and is asked whether it ran out of stack.

The build calls Python-Markdown with some 12 of Python's 1,000 frames in use (`mkdocs
build`'s command and page loop; more under a test runner), and its extensions add few
(a page of `<div markdown>` 329 deep builds, 330 do not); so the render is given
`RENDER_FRAMES` of them, however deep its caller is, in a thread of its own where as
many calls as take up the rest come first. Python's recursion limit, which other threads
share (`mkdocs serve`'s), is left as it is. A handout is rendered so too
(`with_frames`): WeasyPrint lays out each level of nested elements by calling itself
again, and how deep a module may nest (`site.handout_depth`) holds only if every
render has the same frames, whoever calls it.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import markdown

# The frames a render may take, its own call included: what Python's default limit
# (1,000) leaves once a build's calls below it take theirs, with room to spare for
# plugins' and test runners' calls.
RENDER_FRAMES = 700
# The frames a handout is laid out with: nearly all that Python's default limit (1,000)
# gives a thread of its own (`with_frames`).
HANDOUT_FRAMES = 950
# The C stack the thread is given, in bytes: glibc's usual default. musl's (Alpine's
# Python images) is 128 KiB, and WeasyPrint laid out 101 nested `<div>` there and
# crashed the process at 129 (SIGSEGV, no RecursionError), where the main thread it ran
# in before has 8 MiB.
THREAD_STACK_BYTES = 8 * 1024 * 1024
_STACK_SIZE_LOCK = threading.Lock()


def renders_within_the_stack(text: str) -> bool:
    """Whether Python-Markdown, with the site's extensions, renders `text` in
    `RENDER_FRAMES` frames. An error other than running out of stack is no answer about
    the stack: the text counts as rendered."""
    outcome: list[bool] = []

    def render() -> None:
        try:
            _converter().convert(text)
        except RecursionError:
            outcome.append(False)
        except Exception:  # not the stack's doing: for other checks (or the build) to say
            outcome.append(True)
        else:
            outcome.append(True)

    _in_a_thread_with_room(render, RENDER_FRAMES)
    return outcome == [True]


Result = TypeVar("Result")


def with_frames(call: Callable[[], Result], frames: int) -> Result:
    """`call()` run in a thread of its own with `frames` frames of Python's recursion
    limit left for it (fewer only where the limit leaves fewer): what it returns, or the
    exception it raises, raised here."""
    outcome: list[Result] = []
    raised: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as error:  # raised again in the caller's thread
            raised.append(error)

    _in_a_thread_with_room(run, frames)
    if raised:
        raise raised[0]
    return outcome[0]


def deepest_markdown_block(text: str) -> int | None:
    """The offset of the first tag of the outermost element with a `markdown` attribute
    whose elements Python-Markdown's reader of HTML nests deepest in `text`, if it nests
    any: the block that renders out of stack when one does."""
    blocks = markdown_blocks(text)
    if not blocks:
        return None
    # The first of the deepest: max() keeps the first of equals.
    return max(blocks, key=lambda block: block[1])[0]


def markdown_blocks(text: str) -> list[tuple[int, int]]:
    """(offset of its first tag, the most elements open in it at once) of each block of
    HTML that Markdown is read in, as md_in_html's reader of HTML reads `text` (it makes
    no recursive call: the elements are nested later)."""
    from markdown.extensions.md_in_html import HTMLExtractorExtra

    class BlockDepths(HTMLExtractorExtra):
        """md_in_html's reader, noting where each outermost block starts and how many
        elements it holds open at most."""

        def reset(self) -> None:
            self.blocks: list[tuple[int, int]] = []
            super().reset()

        def handle_starttag(self, tag: str, attrs: Any) -> None:
            outside = not self.mdstack
            offset = self.line_offset + self.offset
            super().handle_starttag(tag, attrs)
            if outside and self.mdstack:
                self.blocks.append((offset, 1))
            elif self.mdstack and self.blocks:
                start, deepest = self.blocks[-1]
                self.blocks[-1] = (start, max(deepest, len(self.mdstack)))

    reader = BlockDepths(_converter())
    reader.feed(text)
    reader.close()
    return reader.blocks


def _converter() -> markdown.Markdown:
    """A new Python-Markdown with the site's extensions (those mkdocs.yml lists, which
    the handouts use too): one a thread, as a converter keeps the text it reads."""
    import markdown

    from .site.handout_render import MARKDOWN_CONFIG, MARKDOWN_EXTENSIONS

    return markdown.Markdown(
        extensions=list(MARKDOWN_EXTENSIONS),
        extension_configs={name: dict(config) for name, config in MARKDOWN_CONFIG.items()},
    )


def _in_a_thread_with_room(call: Callable[[], None], frames: int) -> None:
    """Run `call` in a new thread with `frames` frames of Python's recursion limit left
    for it: below as many calls as take up the rest."""

    def padded() -> None:
        _after_calls(sys.getrecursionlimit() - _depth() - frames, call)

    thread = threading.Thread(target=padded, name="handbook-stack-room", daemon=True)
    # The size is the process's for threads started next: set for this one alone.
    with _STACK_SIZE_LOCK:
        before = threading.stack_size()
        # A platform that sets no size (RuntimeError) or not this one: its own.
        with suppress(ValueError, RuntimeError):
            threading.stack_size(max(before, THREAD_STACK_BYTES))
        try:
            thread.start()
        finally:
            threading.stack_size(before)
    thread.join()


def _after_calls(calls: int, call: Callable[[], None]) -> None:
    """`call()`, `calls` frames deeper than this one (none if `calls` is not positive)."""
    if calls <= 0:
        call()
    else:
        _after_calls(calls - 1, call)


def _depth() -> int:
    """How many frames are on this thread's stack, the caller's included."""
    frame = sys._getframe(1)
    depth = 0
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return depth
