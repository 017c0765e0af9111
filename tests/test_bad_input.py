"""DESIGN section 11: every kind of bad input is a finding naming the file and line."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from helpers_model import (
    MODULE_BODY,
    MODULE_FRONT,
    PROTOCOL,
    load,
    module_md,
    term_yaml,
    write_files,
)

from coalition_handbook.config import HandbookConfig

TERM_FILE = "glossary/survivor.yml"
PROTOCOL_FILE = "protocols/hotel-staff.yml"
MODULE_FILE = "content/modules/hotel-staff.md"


def billion_laughs(levels: int = 9) -> str:
    names = [f"l{level}" for level in range(levels + 1)]
    lines = [f"{names[0]}: &{names[0]} [{', '.join(['lol'] * 9)}]"]
    for previous, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    return "\n".join(lines) + "\n"


# (case id, file, content, rule, line, fragments the message must contain)
CASES: list[tuple[str, str, str | bytes, str, int, tuple[str, ...]]] = [
    (
        "yaml-syntax",
        TERM_FILE,
        "term: [unclosed\nversion: 1\n",
        "glossary.schema",
        2,
        ("not valid YAML",),
    ),
    (
        "duplicate-key",
        TERM_FILE,
        term_yaml().replace("version: 1\n", "version: 1\nversion: 2\n", 1),
        "glossary.schema",
        3,
        ("duplicate key 'version'", "line 2"),
    ),
    (
        "duplicate-key-nested",
        TERM_FILE,
        term_yaml(extra="avoid:\n  - text: a\n    text: b\n"),
        "glossary.schema",
        6,
        ("duplicate key 'text'",),
    ),
    (
        "unknown-field",
        TERM_FILE,
        term_yaml(extra="aliasses: [x]\n"),
        "glossary.schema",
        4,
        ("unknown field 'aliasses' (did you mean 'aliases'?)",),
    ),
    (
        "unknown-nested-field",
        TERM_FILE,
        term_yaml(extra="avoid:\n  - text: x\n    reasn: y\n"),
        "glossary.schema",
        6,
        ("unknown field 'reasn' in avoid item 1 (did you mean 'reason'?)",),
    ),
    (
        "wrong-type",
        TERM_FILE,
        term_yaml().replace("version: 1\n", "version: one\n", 1),
        "glossary.schema",
        2,
        ("'version' must be a whole number", "'one'"),
    ),
    (
        "wrong-type-bool",
        TERM_FILE,
        term_yaml(extra="short: yes\n"),
        "glossary.schema",
        4,
        ("'short' must be a string", "quotes"),
    ),
    (
        "string-where-list",
        TERM_FILE,
        term_yaml(extra="aliases: TIP\n"),
        "glossary.schema",
        4,
        ("'aliases' must be a list",),
    ),
    ("empty-file", TERM_FILE, "", "glossary.schema", 1, ("is empty",)),
    ("comments-only", TERM_FILE, "# nothing yet\n", "glossary.schema", 1, ("is empty",)),
    (
        "list-not-mapping",
        TERM_FILE,
        "- term: survivor\n  version: 1\n",
        "glossary.schema",
        1,
        ("must be a mapping", "found a list"),
    ),
    (
        "list-where-avoid-item",
        TERM_FILE,
        term_yaml(extra="avoid:\n  - [victim]\n"),
        "glossary.schema",
        5,
        ("avoid item 1 must be a string or a mapping", "found a list"),
    ),
    (
        "non-utf8",
        TERM_FILE,
        term_yaml().replace("A person", "A caf\udce9 person").encode("utf-8", "surrogateescape"),
        "glossary.schema",
        3,
        ("not UTF-8", "0xE9"),
    ),
    (
        "tab-indentation",
        TERM_FILE,
        "term: x\nversion: 1\n\tdefinition: y\n",
        "glossary.schema",
        3,
        ("tabs",),
    ),
    (
        # PyYAML's own message here names no tab: "cannot start any token".
        "tab-indented-list-item",
        TERM_FILE,
        term_yaml(extra="aliases:\n\t- tabbed\n"),
        "glossary.schema",
        5,
        ("cannot start any token", "indent YAML with spaces, not tabs"),
    ),
    (
        # Audit: not indentation, but the gap after '- ' (valid YAML 1.2; PyYAML refuses it).
        "tab-after-a-list-dash",
        TERM_FILE,
        term_yaml(extra="aliases:\n  - \ttabbed\n"),
        "glossary.schema",
        5,
        ("a tab after '- ': write a space instead",),
    ),
    (
        "tab-after-a-nested-list-dash",
        TERM_FILE,
        term_yaml(extra="aliases:\n  - - \tnested\n"),
        "glossary.schema",
        5,
        ("a tab after '- ': write a space instead",),
    ),
    (
        "tab-right-after-a-list-dash",
        TERM_FILE,
        term_yaml(extra="aliases:\n  -\ttabbed\n"),
        "glossary.schema",
        5,
        ("a tab after '-': write a space instead",),
    ),
    (
        "module-tab-indented-objective",
        MODULE_FILE,
        module_md(front=MODULE_FRONT.replace("objectives:\n", "objectives:\n\t- Tabbed.\n", 1)),
        "module.schema",
        7,
        ("indent YAML with spaces, not tabs",),
    ),
    ("alias-bomb", TERM_FILE, billion_laughs(), "glossary.schema", 1, ("refused", "aliases")),
    (
        "control-character",
        TERM_FILE,
        term_yaml().replace("A person", "A \x1b person"),
        "glossary.schema",
        3,
        ("U+001B",),
    ),
    (
        "id-not-a-slug",
        "glossary/Survivor_Term.yml",
        term_yaml("survivor term"),
        "glossary.schema",
        1,
        ("'Survivor_Term'", "not a slug", "'survivor-term'"),
    ),
    (  # Python's `$` also matched before a final line break (found in review)
        "id-ending-in-a-line-break",
        "glossary/survivor\n.yml",
        term_yaml("survivor"),
        "glossary.schema",
        1,
        ("not a slug", "'survivor'"),
    ),
    (
        "id-index-takes-the-glossary-index",
        "glossary/index.yml",
        term_yaml("vulnerability index"),
        "glossary.schema",
        1,
        ("'index'", "generated index page"),
    ),
    (
        "protocol-id-index",
        "protocols/index.yml",
        PROTOCOL,
        "protocol.schema",
        1,
        ("'index'", "generated index page"),
    ),
    (
        "id-with-accents",
        "glossary/café.yml",
        term_yaml("café"),
        "glossary.schema",
        1,
        ("not a slug", "'cafe'"),
    ),
    (
        "version-with-a-decimal-point",
        TERM_FILE,
        term_yaml().replace("version: 1\n", "version: 1.0\n", 1),
        "glossary.schema",
        2,
        ("'version' must be a whole number", "1.0"),
    ),
    (
        "unknown-field-far-from-any",
        TERM_FILE,
        term_yaml(extra="bogus: 1\n"),
        "glossary.schema",
        4,
        ("unknown field 'bogus' (valid fields: term, ",),
    ),
    (
        "form-too-long",
        TERM_FILE,
        term_yaml("x" * 100_000),
        "glossary.schema",
        1,
        ("'term' is 100000 characters long; at most 200",),
    ),
    (
        "tag-the-value-cannot-hold",
        TERM_FILE,
        term_yaml(extra="case_sensitive: !!bool maybe\n"),
        "glossary.schema",
        4,
        ("cannot read this value as bool",),
    ),
    (
        "empty-int",
        TERM_FILE,
        term_yaml().replace("version: 1\n", 'version: !!int ""\n', 1),
        "glossary.schema",
        2,
        ("cannot read this value as int",),
    ),
    (
        "escape-past-unicode",
        TERM_FILE,
        term_yaml(extra='short: "\\U00110000"\n'),
        "glossary.schema",
        4,
        ("not valid YAML",),
    ),
    (
        "javascript-url",
        TERM_FILE,
        term_yaml(extra="sources:\n  - title: x\n    url: javascript:alert(1)\n"),
        "glossary.schema",
        6,
        ("'url' of sources item 1", "javascript:alert(1)", "http"),
    ),
    (
        # It starts with https:// as the message asked: it says what else is wrong (audit).
        "url-with-a-space",
        TERM_FILE,
        term_yaml(extra="sources:\n  - title: x\n    url: https://example.org/a b\n"),
        "glossary.schema",
        6,
        ("'url' of sources item 1", "a host, with no spaces (write a space as %20)"),
    ),
    (
        # Security review: it reads as the law's page, and leads to evil.example; a user
        # name and password in a published address are no one's to read either.
        "url-with-a-user-before-its-host",
        TERM_FILE,
        term_yaml(
            extra="sources:\n  - title: x\n    url: https://www.law.cornell.edu@evil.example/x\n"
        ),
        "glossary.schema",
        6,
        ("'url' of sources item 1", "no user name or password before the host"),
    ),
    (
        "multiple-documents",
        TERM_FILE,
        term_yaml() + "---\n" + term_yaml("other"),
        "glossary.schema",
        8,
        ("second YAML document",),
    ),
    (
        # At the `status:` that asks for it, not at 1:1 (audit).
        "deprecated-without-replacement",
        TERM_FILE,
        term_yaml(extra="status: deprecated\n"),
        "glossary.schema",
        4,
        ("missing required field 'replaced_by'", "deprecated"),
    ),
    (
        # At the first field, not on the comment above it (audit).
        "missing-field-below-a-schema-comment",
        TERM_FILE,
        "# yaml-language-server: $schema=../schemas/term.schema.json\n\n"
        "term: x\nversion: 1\ndefinition: y\n",
        "glossary.schema",
        3,
        ("missing required field 'history'",),
    ),
    (
        "protocol-missing-field-below-a-comment",
        PROTOCOL_FILE,
        "# The hotel's steps.\n" + PROTOCOL.replace("review_by: 2027-01-01\n", ""),
        "protocol.schema",
        2,
        ("missing required field 'review_by'",),
    ),
    (
        "module-missing-field-below-a-comment",
        MODULE_FILE,
        module_md(front="# The module.\n" + MODULE_FRONT.replace("duration: 45 minutes\n", "")),
        "module.schema",
        3,
        ("missing required field 'duration'",),
    ),
    (
        "replacement-without-deprecated",
        TERM_FILE,
        term_yaml(extra="replaced_by: victim\n"),
        "glossary.schema",
        4,
        ("'replaced_by' is set", "'status' is not set", "set status: deprecated"),
    ),
    (
        "replacement-of-an-approved-term",
        TERM_FILE,
        term_yaml(extra="status: approved\nreplaced_by: victim\n"),
        "glossary.schema",
        5,
        ("'replaced_by' is set", "'status' is 'approved'", "remove replaced_by"),
    ),
    (
        "bad-status",
        TERM_FILE,
        term_yaml(extra="status: approvd\n"),
        "glossary.schema",
        4,
        ("'status'", "proposed, approved, deprecated"),
    ),
    (
        "version-zero",
        TERM_FILE,
        term_yaml().replace("version: 1\n", "version: 0\n", 1),
        "glossary.schema",
        2,
        ("'version' must be at least 1",),
    ),
    (
        "missing-history",
        TERM_FILE,
        "term: x\nversion: 1\ndefinition: y\n",
        "glossary.schema",
        1,
        ("missing required field 'history'",),
    ),
    (
        "empty-history",
        TERM_FILE,
        "term: x\nversion: 1\ndefinition: y\nhistory: []\n",
        "glossary.schema",
        4,
        ("'history' needs at least 1 item",),
    ),
    (
        "impossible-date",
        TERM_FILE,
        term_yaml().replace("2026-01-01", "2026-02-30"),
        "glossary.schema",
        6,
        ("2026-02-30",),
    ),
    (
        "impossible-quoted-date",
        TERM_FILE,
        term_yaml().replace("2026-01-01", "'2026-13-01'"),
        "glossary.schema",
        6,
        ("'date' of history item 1", "not a real date"),
    ),
    (
        "date-in-words",
        TERM_FILE,
        term_yaml().replace("2026-01-01", "January 1, 2026"),
        "glossary.schema",
        6,
        ("'date' of history item 1", "YYYY-MM-DD"),
    ),
    (
        "bad-language-code",
        TERM_FILE,
        term_yaml(extra="translations:\n  Spanish: sobreviviente\n"),
        "glossary.schema",
        5,
        ("'Spanish'", "language code"),
    ),
    (
        "related-not-an-id",
        TERM_FILE,
        term_yaml(extra="related: [Victim Services]\n"),
        "glossary.schema",
        4,
        ("related item 1 is", "term id"),
    ),
    (
        "yaml-extension",
        "glossary/survivor.yaml",
        term_yaml(),
        "glossary.schema",
        1,
        ("rename it to survivor.yml",),
    ),
    (
        "protocol-ftp-contact-url",
        PROTOCOL_FILE,
        PROTOCOL.replace("https://humantraffickinghotline.org/", "ftp://example.org/"),
        "protocol.schema",
        16,
        ("'url' of contacts item 1", "http"),
    ),
    (
        "protocol-no-steps",
        PROTOCOL_FILE,
        PROTOCOL.replace(
            PROTOCOL[PROTOCOL.index("steps:") : PROTOCOL.index("contacts:")], "steps: []\n"
        ),
        "protocol.schema",
        8,
        ("'steps' needs at least 1 item",),
    ),
    (
        "protocol-step-not-mapping",
        PROTOCOL_FILE,
        PROTOCOL.replace(
            "  - title: Stay safe\n    detail: Do not confront anyone.\n", "  - Stay safe\n"
        ),
        "protocol.schema",
        9,
        ("steps item 1 must be a mapping", "'Stay safe'"),
    ),
    (
        "protocol-missing-review-by",
        PROTOCOL_FILE,
        PROTOCOL.replace("review_by: 2027-01-01\n", ""),
        "protocol.schema",
        1,
        ("missing required field 'review_by'",),
    ),
    (  # a date, not "a string" as JSON Schema has it (audit)
        "protocol-empty-review-by",
        PROTOCOL_FILE,
        PROTOCOL.replace("review_by: 2027-01-01\n", "review_by:\n"),
        "protocol.schema",
        5,
        ("'review_by' must be a date, YYYY-MM-DD (found nothing)",),
    ),
    (
        "protocol-history-version",
        PROTOCOL_FILE,
        PROTOCOL.replace("version: 2\nowner", "version: 3\nowner"),
        "protocol.schema",
        18,
        ("the first history entry is for version 2 but version is 3",),
    ),
    (
        "module-no-front-matter",
        MODULE_FILE,
        MODULE_BODY,
        "module.schema",
        1,
        ("no front matter",),
    ),
    (
        "module-front-matter-never-closed",
        MODULE_FILE,
        "---\n" + MODULE_FRONT + "\n" + MODULE_BODY,
        "module.schema",
        1,
        ("its front matter is never closed: end it with a line of '---' before the text",),
    ),
    (
        "module-empty-front-matter",
        MODULE_FILE,
        module_md(front=""),
        "module.schema",
        1,
        ("is empty",),
    ),
    (
        "module-unknown-field",
        MODULE_FILE,
        module_md(front=MODULE_FRONT + "objective: one\n"),
        "module.schema",
        14,
        ("unknown field 'objective' (did you mean 'objectives'?)",),
    ),
    (
        "module-front-matter-syntax",
        MODULE_FILE,
        module_md(front=MODULE_FRONT.replace("duration: 45 minutes", "duration: [45")),
        "module.schema",
        6,
        ("not valid YAML",),
    ),
    (
        "module-objectives-string",
        MODULE_FILE,
        module_md(
            front=MODULE_FRONT.replace(
                "objectives:\n  - Recognise the signs.\n  - Respond safely.\n",
                "objectives: Recognise the signs.\n",
            )
        ),
        "module.schema",
        6,
        ("'objectives' must be a list",),
    ),
    (
        "module-id-not-a-slug",
        "content/modules/Hotel Staff.md",
        module_md(front=MODULE_FRONT.replace("protocols: [hotel-staff]\n", "")),
        "module.schema",
        1,
        ("not a slug", "'hotel-staff'"),
    ),
    (
        "module-non-utf8",
        MODULE_FILE,
        module_md().replace("Signs to", "Sign\udcff to").encode("utf-8", "surrogateescape"),
        "module.schema",
        24,
        ("not UTF-8", "0xFF"),
    ),
    (
        "module-history-order",
        MODULE_FILE,
        module_md(
            front=MODULE_FRONT.replace("version: 1\naudience", "version: 2\naudience")
            + "  - version: 2\n    date: 2026-02-01\n    summary: Newer.\n"
        ),
        "module.schema",
        11,
        ("the first history entry is for version 1 but version is 2",),
    ),
    (
        "page-non-utf8",
        "content/page.md",
        b"# A page\n\nA caf\xe9 with \xff bytes.\n",
        "page.source",
        3,
        ("not UTF-8", "0xE9"),
    ),
    (
        # Found by fuzzing: the bad byte's line was counted by line feeds alone.
        "page-non-utf8-after-a-lone-carriage-return",
        "content/page.md",
        b"# A page\n\nab\rcd\xff\n",
        "page.source",
        4,
        ("not UTF-8", "0xFF", "at line 4"),
    ),
    # A plain page's front matter: MkDocs publishes YAML it cannot read as the page's text,
    # and Material stops the build with a traceback on a wrong type (found by an audit).
    (
        "page-front-matter-syntax",
        "content/page.md",
        "---\ntitle: About\noops: a: b\n---\n\n# About\n",
        "page.front-matter",
        3,
        ("not valid YAML",),
    ),
    (
        "page-front-matter-duplicate-key",
        "content/page.md",
        "---\ntitle: One\ntitle: Two\n---\n\n# About\n",
        "page.front-matter",
        3,
        ("duplicate key 'title'",),
    ),
    (
        "page-front-matter-wrong-type",
        "content/page.md",
        "---\ntitle: About\nhide: 5\n---\n\n# About\n",
        "page.front-matter",
        3,
        ("'hide' must be a list",),
    ),
    (
        "page-front-matter-icon-not-a-name",
        "content/page.md",
        "---\nicon: 5\n---\n\n# About\n",
        "page.front-matter",
        2,
        ("'icon' must be a string",),
    ),
    (
        "page-front-matter-alias-bomb",
        "content/page.md",
        "---\na: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n\n# About\n",
        "page.front-matter",
        2,
        ("alias bombs are not expanded",),
    ),
    # Values Material prints as HTML, as they are (security audit): a tag ran script.
    (
        "page-front-matter-tag-with-a-tag",
        "content/page.md",
        "---\ntags: [coalition, '<img src=x onerror=alert(1)>']\n---\n\n# About\n",
        "page.front-matter",
        2,
        ("tags item 2 is '<img src=x onerror=alert(1)>'", "text without '<'", "tags plugin"),
    ),
    (
        "page-front-matter-revision-date-with-a-tag",
        "content/page.md",
        "---\ntitle: About\nrevision_date: <img src=x onerror=alert(1)>\n---\n\n# About\n",
        "page.front-matter",
        3,
        ("'revision_date' is '<img src=x onerror=alert(1)>'", "text without '<'"),
    ),
    (
        "page-front-matter-revision-date-a-list",
        "content/page.md",
        "---\ngit_revision_date_localized: ['<img src=x onerror=alert(1)>']\n---\n\n# About\n",
        "page.front-matter",
        2,
        ("'git_revision_date_localized' must be",),
    ),
    (
        "page-front-matter-category-with-a-tag",
        "content/page.md",
        "---\ncategories:\n  - News\n  - <script>alert(1)</script>\n---\n\n# About\n",
        "page.front-matter",
        4,
        ("categories item 2", "text without '<'", "blog plugin"),
    ),
    (
        "module-tag-with-a-tag",
        MODULE_FILE,
        module_md(front=MODULE_FRONT + "tags: ['<b onclick=alert(1)>b</b>']\n"),
        "module.schema",
        MODULE_FRONT.count("\n") + 2,
        ("tags item 1", "text without '<'"),
    ),
    (  # Material's redirect.html sends every reader there as the page opens
        "page-redirect-location-runs-script",
        "content/page.md",
        "---\ntemplate: redirect.html\nlocation: ' JavaScript:alert(1)'\n---\n\n# About\n",
        "link.unsafe",
        3,
        ("'location' sends every reader of the page on to a 'javascript:' address",),
    ),
    (
        "page-javascript-link",
        "content/page.md",
        "# A page\n\nSee [this](javascript:alert(1)).\n",
        "link.unsafe",
        3,
        ("'javascript:'",),
    ),
    (
        "page-javascript-link-glued-into-a-word",
        "content/page.md",
        "# A page\n\nSee the [link](javascript:alert)s.\n",
        "link.unsafe",
        3,
        ("'javascript:'",),
    ),
    (
        "page-javascript-attribute",
        "content/page.md",
        '# A page\n\n<a href="JavaScript:alert(1)">x</a>\n',
        "link.unsafe",
        3,
        ("'JavaScript:'",),
    ),
    (
        "page-javascript-reference",
        "content/page.md",
        "# A page\n\nSee [this][r].\n\n[r]: javascript:alert(1)\n",
        "link.unsafe",
        5,
        ("'javascript:'",),
    ),
    (
        "page-javascript-reference-on-the-next-line",
        "content/page.md",
        "# A page\n\nSee [this][r].\n\n[r]:\n  javascript:alert(1)\n",
        "link.unsafe",
        6,
        ("'javascript:'",),
    ),
    (
        "page-javascript-reference-on-the-next-line-crlf",
        "content/page.md",
        "# A page\r\n\r\nSee [this][r].\r\n\r\n[r]:\r\n  javascript:alert(1)\r\n",
        "link.unsafe",
        6,
        ("'javascript:'",),
    ),
    (
        "page-javascript-reference-at-the-margin-of-the-next-line",
        "content/page.md",
        "# A page\n\nSee [this][r].\n\n[r]:\njavascript:alert(1)\n",
        "link.unsafe",
        6,
        ("'javascript:'",),
    ),
    (
        "page-javascript-reference-on-the-next-quoted-line",
        "content/page.md",
        "# A page\n\n> See [this][r].\n>\n> [r]:\n> javascript:alert(1)\n",
        "link.unsafe",
        6,
        ("'javascript:'",),
    ),
    (
        "page-javascript-reference-in-a-numbered-item",
        "content/page.md",
        "# A page\n\n1. See [this][r].\n2. [r]: javascript:alert(1)\n",
        "link.unsafe",
        4,
        ("'javascript:'",),
    ),
    (
        "page-javascript-reference-in-a-quote",
        "content/page.md",
        "# A page\n\n> See [this][r].\n>\n> [r]: javascript:alert(1)\n",
        "link.unsafe",
        5,
        ("'javascript:'",),
    ),
    (
        "page-javascript-reference-in-a-list-item",
        "content/page.md",
        "# A page\n\n- See [this][r].\n- [r]: javascript:alert(1)\n",
        "link.unsafe",
        4,
        ("'javascript:'",),
    ),
    (
        "page-javascript-reference-in-a-note",
        "content/page.md",
        "# A page\n\n!!! note\n    See [this][r].\n\n    [r]:\n    javascript:alert(1)\n",
        "link.unsafe",
        7,
        ("'javascript:'",),
    ),
    (
        "page-javascript-character-references",
        "content/page.md",
        "# A page\n\nSee [this](&#106;avascript:alert(1)).\n",
        "link.unsafe",
        3,
        ("'&#106;avascript:'",),
    ),
    (
        "page-javascript-hex-reference-and-colon",
        "content/page.md",
        "# A page\n\nSee [this](JAVA&#X53;CRIPT&colon;x).\n",
        "link.unsafe",
        3,
        ("'JAVA&#X53;CRIPT&colon;'",),
    ),
    (
        "page-javascript-attribute-broken-by-a-tab",
        "content/page.md",
        '# A page\n\n<a href="jav&#x09;ascript:x">x</a>\n',
        "link.unsafe",
        3,
        ("'jav&#x09;ascript:'",),
    ),
    (
        "page-javascript-after-a-space-reference",
        "content/page.md",
        "# A page\n\nSee [this](&#32;javascript:alert(1)).\n",
        "link.unsafe",
        3,
        ("'&#32;javascript:'",),
    ),
    (
        "page-javascript-attribute-after-a-control-reference",
        "content/page.md",
        '# A page\n\n<a href="&#1;javascript:alert(1)">x</a>\n',
        "link.unsafe",
        3,
        ("'&#1;javascript:'",),
    ),
    (
        "page-javascript-reference-after-a-space-reference",
        "content/page.md",
        "# A page\n\nSee [this][r].\n\n[r]: &#x20;javascript:alert(1)\n",
        "link.unsafe",
        5,
        ("'&#x20;javascript:'",),
    ),
    (
        "definition-javascript-link",
        TERM_FILE,
        term_yaml(extra="definition: See [x](vbscript:msgbox).\n").replace(
            "definition: A person", "short: A person", 1
        ),
        "link.unsafe",
        4,
        ("'vbscript:'",),
    ),
    (
        "definition-javascript-after-a-space-reference",
        TERM_FILE,
        term_yaml(extra="definition: See [x](&#32;javascript:alert(1)).\n").replace(
            "definition: A person", "short: A person", 1
        ),
        "link.unsafe",
        4,
        ("'&#32;javascript:'",),
    ),
    # A whole document in a link (security audit): browsers refuse to open most as a page.
    (
        "page-data-link",
        "content/page.md",
        "# A page\n\nSee [this](data:text/html,<script>alert(1)</script>).\n",
        "link.unsafe",
        3,
        ("'data:' address holds a whole document", "a picture's data:image/... is fine"),
    ),
    (
        "page-data-attribute-spelt-with-references",
        "content/page.md",
        '# A page\n\n<a href="&#100;ata:text/html;base64,PHNjcmlwdD4=">x</a>\n',
        "link.unsafe",
        3,
        ("'&#100;ata:' address holds a whole document",),
    ),
    (
        "definition-data-reference",
        TERM_FILE,
        term_yaml(
            extra="definition: |\n  See [r].\n\n  [r]: data:text/html;base64,PHNjcmlwdD4=\n"
        ).replace("definition: A person", "short: A person", 1),
        "link.unsafe",
        7,
        ("'data:' address holds a whole document",),
    ),
    (
        "deeply-nested",
        TERM_FILE,
        "term: " + "[" * 2000 + "]" * 2000 + "\n",
        "glossary.schema",
        1,
        ("nested too deeply",),
    ),
    (  # at the line where it nests too deep, not at the file's first (audit)
        "deeply-nested-at-its-line",
        TERM_FILE,
        term_yaml(extra="tags: " + "[" * 2000 + "]" * 2000 + "\n"),
        "glossary.schema",
        4,
        ("nested too deeply",),
    ),
    (
        "module-deeply-nested",
        MODULE_FILE,
        module_md(front=MODULE_FRONT + "extra: " + "{a: " * 2000 + "1" + "}" * 2000 + "\n"),
        "module.schema",
        14,
        ("nested too deeply",),
    ),
    # Python reads no whole number of over 4,300 digits, and prints none either: found by
    # fuzzing, each was a traceback (when read, or when a message printed it)
    (
        "huge-number",
        TERM_FILE,
        term_yaml().replace("version: 1\n", f"version: {'9' * 5000}\n", 1),
        "glossary.schema",
        2,
        ("'version' is a number of 5000 characters, too long to read",),
    ),
    (
        "huge-hex-number",
        TERM_FILE,
        term_yaml().replace("version: 1\n", f"version: 0x{'f' * 4000}\n", 1),
        "glossary.schema",
        2,
        ("a number of 4002 characters",),
    ),
    (
        "module-huge-number",
        MODULE_FILE,
        module_md(front=MODULE_FRONT.replace("version: 1\n", f"version: {'9' * 5000}\n")),
        "module.schema",
        3,
        ("'version' is a number of 5000 characters, too long to read",),
    ),
]


@pytest.mark.parametrize(
    ("path", "content", "rule", "line", "fragments"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_bad_input_is_a_finding_with_file_and_line(
    tmp_path: Path,
    path: str,
    content: str | bytes,
    rule: str,
    line: int,
    fragments: tuple[str, ...],
) -> None:
    from helpers_model import run_rules

    files: dict[str, str | bytes] = {path: content}
    if path.startswith("content/modules/"):
        files[PROTOCOL_FILE] = PROTOCOL
    findings = run_rules(tmp_path, files)
    matching = [f for f in findings if (f.rule, f.path, f.line) == (rule, path, line)]
    assert matching, findings
    assert any(all(part in f.message for part in fragments) for f in matching), matching
    assert all(f.column >= 1 for f in findings)


def test_quotes_are_advised_only_where_text_alone_is_wanted(tmp_path: Path) -> None:
    """`short: 2026` is fixed by quotes; `hide: 5` is not (it wants a list, such as
    [toc]), and "put it in quotes" there led editors astray (found in an audit)."""
    from helpers_model import run_rules

    files: dict[str, str | bytes] = {
        TERM_FILE: term_yaml(extra="short: 2026\n"),
        "content/page.md": "---\nhide: 5\n---\n\n# About\n",
        "content/yes.md": "---\ntitle: Yes\n---\n\n# Yes\n",
    }
    messages = {f.path: f.message for f in run_rules(tmp_path, files)}
    quoted = "'short' must be a string (found the number 2026; put it in quotes)"
    assert messages[TERM_FILE] == quoted
    assert messages["content/page.md"] == "'hide' must be a list or a string (found the number 5)"
    # A string or a number: quotes are the fix (found in review).
    assert messages["content/yes.md"].endswith("(found true; put it in quotes)")


@pytest.mark.parametrize(("written", "number"), [("45", "45"), ("1.5", "1.5")])
def test_a_duration_without_its_unit_asks_for_the_unit_not_quotes(
    tmp_path: Path, written: str, number: str
) -> None:
    """`duration: 45` was told "put it in quotes": `"45"` then passed, and the handout
    printed a duration with no unit (session 60's audit). DESIGN 3: `45 minutes`."""
    from helpers_model import run_rules

    front = MODULE_FRONT.replace("duration: 45 minutes", f"duration: {written}")
    files: dict[str, str | bytes] = {PROTOCOL_FILE: PROTOCOL, MODULE_FILE: module_md(front=front)}
    [finding] = run_rules(tmp_path, files)
    assert (finding.rule, finding.line, finding.found) == ("module.schema", 5, written)
    assert finding.message == (
        "'duration' must be text with its unit, such as '45 minutes' or '1.5 hours' "
        f"(found the number {number}, with no unit)"
    )


@pytest.mark.parametrize(
    ("written", "message"),
    [
        # YAML 1.1 reads hours and minutes in sixties: the number 90 was all it said.
        (
            "1:30",
            "'duration' must be text with its unit: write '1 hour 30 minutes' or '90 minutes' "
            "(found '1:30', which YAML reads as the number 90, with no unit)",
        ),
        (
            "2:00",
            "'duration' must be text with its unit: write '2 hours' or '120 minutes' "
            "(found '2:00', which YAML reads as the number 120, with no unit)",
        ),
        # Quoted, a bare number passed, and the handout printed "Duration: 45".
        (
            '"45"',
            "'duration' must be text with its unit, such as '45 minutes' or '1.5 hours' "
            "(found '45', with no unit)",
        ),
        (
            '"1:30"',
            "'duration' must be text with its unit: write '1 hour 30 minutes' or '90 minutes' "
            "(found '1:30', with no unit)",
        ),
        (
            "0x2D",
            "'duration' must be text with its unit, such as '45 minutes' or '1.5 hours' "
            "(found '0x2D', which YAML reads as the number 45, with no unit)",
        ),
        ("2026-13-01", "(found '2026-13-01', with no unit)"),
        ("no", "'duration' must be a string (found 'no', which YAML reads as false; put it in"),
        ("~", "'duration' must be a string (found '~', which YAML reads as nothing)"),
    ],
)
def test_a_duration_yaml_reads_otherwise_is_quoted_as_written(
    tmp_path: Path, written: str, message: str
) -> None:
    """DESIGN 3.3: a duration such as `45 minutes`, which a handout prints as written;
    each message shows the text the editor wrote, not the value YAML 1.1 made of it."""
    from helpers_model import run_rules

    front = MODULE_FRONT.replace("duration: 45 minutes", f"duration: {written}")
    files: dict[str, str | bytes] = {PROTOCOL_FILE: PROTOCOL, MODULE_FILE: module_md(front=front)}
    [finding] = run_rules(tmp_path, files)
    assert (finding.rule, finding.line, finding.column) == ("module.schema", 5, 11)
    assert finding.message.startswith(message) or message in finding.message, finding.message


@pytest.mark.parametrize(
    "written", ["45 minutes", "1.5 hours", "half a day", "45 Minuten", "45 минут", "1h30", "90'"]
)
def test_a_duration_with_its_unit_in_any_language_passes(tmp_path: Path, written: str) -> None:
    from helpers_model import run_rules

    front = MODULE_FRONT.replace("duration: 45 minutes", f"duration: {written}")
    files: dict[str, str | bytes] = {PROTOCOL_FILE: PROTOCOL, MODULE_FILE: module_md(front=front)}
    assert run_rules(tmp_path, files) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("term: survivor", "term: no"),
            "'term' must be a string (found 'no', which YAML reads as false; put it in quotes)",
        ),
        (
            ("term: survivor", "term: 0x1F"),
            "'term' must be a string (found '0x1F', which YAML reads as the number 31; put it "
            "in quotes)",
        ),
        (
            ("term: survivor", "term: +15551234"),
            "'term' must be a string (found '+15551234', which YAML reads as the number "
            "15551234; put it in quotes)",
        ),
        (
            ("term: survivor", "term: .nan"),
            "'term' must be a string (found '.nan', which YAML reads as a number; put it in "
            "quotes)",
        ),
        # Octal: the history check said "version is 8" of a file that writes 010.
        (
            ("version: 1\n", "version: 010\n"),
            "'version' is 010, which YAML reads as 8 (a number starting with 0 is octal to "
            "YAML): write 10",
        ),
        (
            ("version: 1\n", "version: 1:30\n"),
            "'version' is 1:30, which YAML reads as 90 (YAML counts a number written with ':' "
            "in sixties): write the number in digits",
        ),
        (
            ("version: 1\n", "version: 08\n"),
            "'version' must be a whole number (found the string '08'; write 8, with no leading 0)",
        ),
        (
            ("version: 1\n", 'version: "1"\n'),
            "'version' must be a whole number (found the string '1'; write it without quotes)",
        ),
        (
            ("version: 1\n", "version: 00\n"),
            "'version' must be at least 1 (found '00', which YAML reads as the number 0)",
        ),
        (
            ("history:", 'case_sensitive: "yes"\nhistory:'),
            "'case_sensitive' must be true or false (found the string 'yes'; write true or "
            "false, without quotes)",
        ),
    ],
)
def test_a_term_value_yaml_reads_otherwise_is_quoted_as_written(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    """YAML 1.1 reads `no` as false, `0x1F` as 31, `010` as 8, `1:30` as 90: each message
    names what the file writes, once, and says what to write instead."""
    from helpers_model import run_rules

    findings = run_rules(tmp_path, {TERM_FILE: term_yaml().replace(*change, 1)})
    assert [(f.rule, f.message) for f in findings] == [("glossary.schema", message)]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("history:", "aliases: bonded labor, bonded labour\nhistory:"),
            "'aliases' must be a list (found the string 'bonded labor, bonded labour'; write "
            "each item on a line of its own, indented and starting with '- ', or all in "
            "brackets: [bonded labor, bonded labour])",
        ),
        (
            ("history:", "tags: legal\nhistory:"),
            "'tags' must be a list (found the string 'legal'; write each item on a line of its "
            "own, indented and starting with '- ', or all in brackets: [legal])",
        ),
        # Brackets would read the colon as a mapping's: the dash alone is advised.
        (
            ("history:", "aliases: TIP: trafficking\nhistory:"),
            "not valid YAML",
        ),
        (
            ("history:", "aliases: 'TIP: trafficking, TiP'\nhistory:"),
            "'aliases' must be a list (found the string 'TIP: trafficking, TiP'; write each item "
            "on a line of its own, indented and starting with '- ' (- TIP: trafficking))",
        ),
        (
            ("history:", "sources: https://example.org/law\nhistory:"),
            "'sources' must be a list (found the string 'https://example.org/law'; write each "
            "item on a line of its own, indented and starting with '- ', with its fields title "
            "and url)",
        ),
        (
            ("history:", "aliases:\n  - TIP: trafficking in persons\nhistory:"),
            "aliases item 1 must be a string (found a mapping; the ': ' after 'TIP' makes it a "
            "field and its value: remove the colon, or put the whole text in quotes)",
        ),
    ],
)
def test_a_list_written_as_one_text_says_how_to_write_a_list(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    from helpers_model import run_rules

    findings = run_rules(tmp_path, {TERM_FILE: term_yaml().replace(*change, 1)})
    assert [f.rule for f in findings] == ["glossary.schema"]
    assert findings[0].message.startswith(message), findings[0].message


@pytest.mark.parametrize(
    ("change", "fix"),
    [
        (("2026-01-01", "07/12/2026"), "(write 2026-12-07 if the day comes first, 2026-07-12 if"),
        (("2026-01-01", "15.01.2026"), "YYYY-MM-DD (write 2026-01-15)"),
        (("2026-01-01", "12/31/2026"), "YYYY-MM-DD (write 2026-12-31)"),
        (("2026-01-01", "2026/1/5"), "YYYY-MM-DD (write 2026-01-05)"),
        (("2026-01-01", "07/07/2026"), "YYYY-MM-DD (write 2026-07-07)"),
        (("2026-01-01", "31/31/2026"), "YYYY-MM-DD"),
        (
            ("history:", "related: [Forced Labor]\nhistory:"),
            "joined by hyphens (write forced-labor)",
        ),
        (("history:", "translations:\n  Spanish: trata\nhistory:"), "or pt-BR (write es)"),
        (("history:", "translations:\n  Brazilian Portuguese: t\nhistory:"), "(write pt-BR)"),
        (("history:", "translations:\n  ES: trata\nhistory:"), "or pt-BR (write es)"),
        (
            ("history:", "sources:\n  - title: T\n    url: www.example.org/law\nhistory:"),
            "before the host (user@); write https://www.example.org/law",
        ),
    ],
)
def test_a_text_of_the_wrong_shape_says_what_to_write_where_it_shows(
    tmp_path: Path, change: tuple[str, str], fix: str
) -> None:
    """A date written 07/12/2026, a name where an id goes, an address without https://:
    the message says what to write (ed63: only the expected shape was said)."""
    from helpers_model import run_rules

    findings = run_rules(tmp_path, {TERM_FILE: term_yaml().replace(*change, 1)})
    assert [f.rule for f in findings] == ["glossary.schema"]
    assert fix in findings[0].message, findings[0].message


@pytest.mark.parametrize("name", ["Москва shelter", "viсtim support"])  # a Cyrillic с
def test_a_name_whose_id_leaves_letters_out_is_told_no_id(tmp_path: Path, name: str) -> None:
    """`related: [Москва shelter]` was told "write shelter": an id naming another
    thing than the one the editor wrote."""
    from helpers_model import run_rules

    text = term_yaml().replace("history:", f"related: [{name}]\nhistory:", 1)
    [finding] = run_rules(tmp_path, {TERM_FILE: text})
    assert finding.message.endswith("lowercase words joined by hyphens"), finding.message


@pytest.mark.parametrize("key", ["ASL", "Spa", "Eng"])
def test_a_key_in_capitals_that_is_no_language_code_is_not_made_one(
    tmp_path: Path, key: str
) -> None:
    """`ASL` (American Sign Language, whose code is ase) was told "write asl", a code of
    no language: a key in capitals is made small only where CLDR knows the language."""
    from helpers_model import run_rules

    text = term_yaml().replace("history:", f"translations:\n  {key}: x\nhistory:", 1)
    [finding] = run_rules(tmp_path, {TERM_FILE: text})
    assert finding.message.endswith("expected a language code such as es, fr or pt-BR")


def test_a_protocol_date_yaml_reads_as_a_number_is_quoted_as_written(tmp_path: Path) -> None:
    from helpers_model import run_rules

    protocol = PROTOCOL.replace("review_by: 2027-01-01", "review_by: 12:30")
    [finding] = run_rules(tmp_path, {PROTOCOL_FILE: protocol})
    assert (finding.rule, finding.line, finding.message) == (
        "protocol.schema",
        5,
        "'review_by' must be a date, YYYY-MM-DD (found '12:30', which YAML reads as the number "
        "750)",
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("!!python/name:os.system", "the YAML tag '!!python/name:os.system' is not supported"),
        ("!!bool maybe", "cannot read this value as bool"),
        ('!!int ""', "cannot read this value as int"),
        # PyYAML refuses these too; they were read as text, silently (found by fuzzing).
        ("!!int 2a", "cannot read this value as int"),
        ("!!float abc", "cannot read this value as float"),
        ("!!float |\n    1e3\n    x", "cannot read this value as float"),
        ("!custom x", "the YAML tag '!custom' is not supported"),
    ],
)
def test_a_value_that_cannot_be_read_is_one_finding(
    tmp_path: Path, value: str, message: str
) -> None:
    """What stands in for an unreadable value is no value to judge: the schema said it
    was empty or of the wrong type on top of the YAML problem (found in an audit)."""
    from helpers_model import run_rules

    findings = run_rules(tmp_path, {TERM_FILE: term_yaml(extra=f"short: {value}\n")})
    assert [(f.rule, f.line) for f in findings] == [("glossary.schema", 4)], findings
    assert findings[0].message.startswith(message)


def test_a_file_with_problems_is_left_out_but_fully_reported(tmp_path: Path) -> None:
    text = term_yaml(extra="aliasses: [x]\nshort: 3\nrelated: [Bad Id]\n").replace(
        "version: 1\n", "version: 1\nversion: 1\n", 1
    )
    handbook, findings = load(tmp_path, {TERM_FILE: text})
    assert handbook.terms == {}
    assert handbook.rejected == {TERM_FILE}
    assert sorted((f.line, f.message.split(" ")[0]) for f in findings) == [
        (3, "duplicate"),
        (5, "unknown"),
        (6, "'short'"),
        (7, "related"),
    ]


def test_many_problems_of_many_files_in_one_run(tmp_path: Path) -> None:
    handbook, findings = load(
        tmp_path,
        {
            "glossary/a.yml": "term: [\n",
            "glossary/b.yml": "",
            "glossary/c.yml": term_yaml("c", extra="aliasses: [x]\ntagz: [y]\n"),
            "glossary/d.yml": term_yaml("d"),
            "glossary/e.yaml": term_yaml("e"),
            PROTOCOL_FILE: PROTOCOL.replace("owner: Hospitality committee\n", ""),
            MODULE_FILE: module_md(front="title: x\n"),
        },
    )
    assert list(handbook.terms) == ["d"]  # c: a misspelt field (aliasses) leaves it out
    per_file: dict[str, int] = {}
    for finding in findings:
        per_file[finding.path] = per_file.get(finding.path, 0) + 1
    assert per_file == {
        "glossary/a.yml": 1,
        "glossary/b.yml": 1,
        "glossary/c.yml": 2,
        "glossary/e.yaml": 1,
        PROTOCOL_FILE: 1,
        MODULE_FILE: 5,  # version, audience, duration, objectives, history missing
    }
    assert {page.path for page in handbook.pages} >= {MODULE_FILE}


def test_files_the_loader_skips_are_named(tmp_path: Path) -> None:
    """A term or protocol that would silently not be read (wrong extension, another kind
    of file, in a subfolder: audit) is a finding; hidden files and folders are left alone."""
    _, findings = load(
        tmp_path,
        {
            "glossary/d.yml": term_yaml("d"),
            "glossary/e.yaml": term_yaml("e"),
            "glossary/d.yaml": term_yaml("d"),  # beside d.yml: renamed, it would replace it
            "glossary/notes.txt": "to do\n",
            "glossary/.hidden.yaml": "x: 1\n",
            "glossary/drafts/f.yml": term_yaml("f"),
            "glossary/drafts/legal/d.yaml": term_yaml("d"),
            "glossary/drafts/notes.txt": "to do\n",
            "glossary/drafts/.old/g.yml": term_yaml("g"),
            "glossary/.git/h.yml": term_yaml("h"),
            "protocols/g.YML": PROTOCOL,
            PROTOCOL_FILE: PROTOCOL,
            # A term written in Markdown goes unread; the folder's README is its own.
            "glossary/t-visa.md": "# T visa\n",
            "protocols/notes.markdown": "Notes.\n",
            "glossary/README.md": "# Our glossary\n",
            "protocols/readme.md": "Notes.\n",
            # What editors leave while one edits a file: no finding, or the preview stops.
            "glossary/survivor.yml~": term_yaml(),
            "glossary/#survivor.yml#": term_yaml(),
            "glossary/4913": "",
            "protocols/hotel-staff.yml.bak": PROTOCOL,
            "protocols/hotel-staff.yml___jb_tmp___": PROTOCOL,
            # ... and what `git mergetool`, `patch`, Kate and nano leave (audit).
            "glossary/survivor.yml.orig": term_yaml(),
            "glossary/survivor.yml.rej": "@@ -1 +1 @@\n",
            "glossary/.survivor.yml.kate-swp": "",
            "glossary/survivor.yml.kate-swp": "",
            "protocols/hotel-staff.yml.save": PROTOCOL,
            "glossary/survivor_BACKUP_1234.yml": term_yaml(),
            "glossary/survivor_REMOTE_1234.yml": term_yaml(),
        },
    )
    markdown = (
        "is not read: {}s are written in YAML, as <id>.yml files (see `handbook new`); "
        "notes about the folder go in its README.md"
    )
    below = (
        "is not read: term files are read from glossary/ itself, not from its subfolders; "
        "to publish it, it belongs in glossary/ as {}.yml; to keep it as a draft, in a "
        "hidden subfolder (such as glossary/.drafts/), which is not looked into"
    )
    assert sorted((f.path, f.line, f.message) for f in findings) == [
        (
            "glossary/d.yaml",
            1,
            "is not read: term files end in .yml, and d.yml is there already; keep one of the two",
        ),
        ("glossary/drafts/f.yml", 1, below.format("f")),
        ("glossary/drafts/legal/d.yaml", 1, below.format("d")),
        ("glossary/e.yaml", 1, "is not read: term files end in .yml; rename it to e.yml"),
        ("glossary/notes.txt", 1, "is not read: this folder holds only <id>.yml term files"),
        # A change `patch` could not apply (review: not a leftover to pass over).
        ("glossary/survivor.yml.rej", 1, "is not read: this folder holds only <id>.yml term files"),
        ("glossary/t-visa.md", 1, markdown.format("term")),
        ("protocols/g.YML", 1, "is not read: protocol files end in .yml; rename it to g.yml"),
        ("protocols/notes.markdown", 1, markdown.format("protocol")),
    ]


def test_a_record_folder_inside_another_is_not_its_subfolder(tmp_path: Path) -> None:
    """Review: protocols kept in `data/terms/protocols`, beside terms in `data/terms`,
    were each reported as a term file in a subfolder."""
    handbook, findings = load(
        tmp_path,
        {
            "mkdocs.yml": "docs_dir: content\nplugins:\n  - handbook:\n"
            "      glossary_dir: data/terms\n      protocols_dir: data/terms/protocols\n",
            "data/terms/survivor.yml": term_yaml(),
            "data/terms/protocols/hotel-staff.yml": PROTOCOL,
            "data/terms/drafts/victim.yml": term_yaml("victim"),
        },
    )
    assert [(finding.path, finding.rule) for finding in findings] == [
        ("data/terms/drafts/victim.yml", "glossary.schema")
    ]
    assert set(handbook.protocols) == {"hotel-staff"}


def test_files_that_cannot_be_read_are_named(tmp_path: Path) -> None:
    """A folder, a broken link or a loop of links where a term file or a page belongs is
    a finding that names it, not a traceback and not silence."""
    config_root = tmp_path
    (config_root / "glossary" / "folder.yml").mkdir(parents=True)
    (config_root / "glossary" / "broken.yml").symlink_to(tmp_path / "nowhere.yml")
    (config_root / "glossary" / "loop-a.yml").symlink_to("loop-b.yml")
    (config_root / "glossary" / "loop-b.yml").symlink_to("loop-a.yml")
    (config_root / "content").mkdir()
    (config_root / "content" / "loop-a.md").symlink_to("loop-b.md")
    (config_root / "content" / "loop-b.md").symlink_to("loop-a.md")
    from helpers_model import run_rules

    findings = run_rules(tmp_path, {"content/index.md": "# Home\n"})
    assert [(f.rule, f.path, f.line, f.message.split(":")[0]) for f in findings] == [
        ("page.source", "content/loop-a.md", 1, "cannot be read"),
        ("page.source", "content/loop-b.md", 1, "cannot be read"),
        ("glossary.schema", "glossary/broken.yml", 1, "cannot be read"),
        ("glossary.schema", "glossary/folder.yml", 1, "cannot be read"),
        ("glossary.schema", "glossary/loop-a.yml", 1, "cannot be read"),
        ("glossary.schema", "glossary/loop-b.yml", 1, "cannot be read"),
    ]


def test_a_folder_of_pages_that_cannot_be_read_is_named_also_in_a_warm_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Audit: MkDocs leaves an unreadable folder's pages out of the site without a word,
    and the check said nothing either. (Unreadable as the machine's user sees it: a test
    may run as root, whom no mode keeps out, so the folder's listing fails here.)"""
    import errno
    import os

    from coalition_handbook.check import run_checks
    from coalition_handbook.config import load_config
    from coalition_handbook.model import pages

    config = write_files(
        tmp_path, {"content/index.md": "# Home\n", "content/private/a.md": "# A\n\nText.\n"}
    )
    private = str(tmp_path / "content" / "private")
    scandir = os.scandir

    def refusing(path: str) -> object:
        if os.fspath(path) == private:
            raise PermissionError(errno.EACCES, "Permission denied", private)
        return scandir(path)

    monkeypatch.setattr(pages.os, "scandir", refusing)
    message = (
        "a folder of pages that cannot be read: Permission denied; its pages are not "
        "checked, and MkDocs would leave them out of the site without a word"
    )
    for _ in range(2):  # the second run from the cache, as the first left it
        found = [(f.rule, f.path, f.line, f.message) for f in run_checks(config).findings]
        assert found == [("page.source", "content/private", 1, message)]
    monkeypatch.setattr(pages.os, "scandir", scandir)
    assert run_checks(config).findings == []  # readable again: not from the snapshot

    # A folder the site leaves out (exclude_docs) is no finding, readable or not (review).
    monkeypatch.setattr(pages.os, "scandir", refusing)
    config_file = tmp_path / "mkdocs.yml"
    settings = config_file.read_text(encoding="utf-8")
    config_file.write_text(settings + "exclude_docs: private/\n", encoding="utf-8")
    assert run_checks(load_config(config_file)).findings == []
    # ... unless a `!` pattern takes a page of it back, which MkDocs would publish.
    config_file.write_text(
        settings + "exclude_docs: |\n  private/\n  !private/a.md\n", encoding="utf-8"
    )
    found = [(f.rule, f.path) for f in run_checks(load_config(config_file)).findings]
    assert found == [("page.source", "content/private")]


def test_a_named_pipe_where_a_term_file_belongs_is_named_not_waited_on(tmp_path: Path) -> None:
    import os

    from helpers_model import run_rules

    (tmp_path / "glossary").mkdir()
    os.mkfifo(tmp_path / "glossary" / "pipe.yml")
    findings = run_rules(tmp_path, {"content/index.md": "# Home\n"})
    assert [(f.path, f.message) for f in findings] == [
        ("glossary/pipe.yml", "cannot be read: not a regular file (a named pipe)")
    ]


def test_a_named_pipe_saved_as_a_page_or_module_is_named(tmp_path: Path) -> None:
    """Audit: a named pipe saved as `content/*.md` was skipped by the check without a
    word, and MkDocs' build waited on it for ever. It is an error at its line 1 now,
    saying what it is."""
    from helpers_model import run_rules

    (tmp_path / "content" / "modules").mkdir(parents=True)
    os.mkfifo(tmp_path / "content" / "pipe.md")
    os.mkfifo(tmp_path / "content" / "modules" / "pipe-module.md")
    findings = run_rules(tmp_path, {"content/index.md": "# Home\n"})
    found = {(f.rule, f.path, f.line, f.column, f.message) for f in findings}
    named = "cannot be read: not a regular file (a named pipe)"
    assert ("page.source", "content/pipe.md", 1, 1, named) in found
    assert ("module.schema", "content/modules/pipe-module.md", 1, 1, named) in found
    assert {f.path for f in findings} == {"content/pipe.md", "content/modules/pipe-module.md"}


def test_script_addresses_in_prose_and_code_are_no_links(tmp_path: Path) -> None:
    from helpers_model import run_rules

    page = (
        "# A page\n\nNever open javascript: links. `[a](javascript:b)`\n\n"
        "    [r]: javascript:in-indented-code\n\n```\n[x](javascript:fenced)\n```\n\n"
        "Nor java&#115;cript: ones. [a guide](https://example.org/javascript:guide) "
        "[b](notjavascript:x) `&#106;avascript:`\n"
    )
    assert run_rules(tmp_path, {"content/page.md": page}) == []


def test_a_link_with_a_user_or_password_before_its_host_is_unsafe(tmp_path: Path) -> None:
    """Security review sec64: `[Law](https://www.law.cornell.edu@evil.example/x)` reads as
    the law's page and leads to evil.example, as a source's `url` did (a schema error);
    a password in one is published. Its message repeats no part of it (the CI log)."""
    from helpers_model import run_rules

    page = (
        "# A page\n\nSee [Law](https://www.law.cornell.edu@evil.example/x) and "
        "![p](HTTP://editor:s3cret@img.example/a.png).\n\n"
        '<a href="https://a:b@c.example/">x</a>\n\n[r]: ftp://anonymous@files.example/x\n\n'
        # Session 64: a destination keeps a pair of parentheses; the browser reads them
        # as the user's, and goes to evil.example.
        "[c](https://law.gov()@evil.example/x) [d](https://law.gov(a)@evil.example/x) "
        "[w](https://en.wikipedia.org/wiki/A_(b)) [p](https://example.org(a)/b@c)\n"
    )
    findings = run_rules(tmp_path, {"content/page.md": page})
    assert [(f.rule, f.line, f.column, f.found) for f in findings] == [
        ("link.unsafe", 3, 11, "https://www.law.cornell.edu@"),
        ("link.unsafe", 3, 64, "HTTP://editor:s3cret@"),
        ("link.unsafe", 5, 10, "https://a:b@"),
        ("link.unsafe", 7, 6, "ftp://anonymous@"),
        ("link.unsafe", 9, 5, "https://law.gov()@"),
        ("link.unsafe", 9, 43, "https://law.gov(a)@"),
    ]
    assert all("s3cret" not in f.message and "user name or password" in f.message for f in findings)


def test_a_user_before_a_host_written_as_a_reference_is_unsafe(tmp_path: Path) -> None:
    """Review rv65f: Python-Markdown writes `&#64;` into the `href` as it is, and the
    browser reads an `@`: `[Law](https://www.law.cornell.edu&#64;evil.example/x)` led to
    evil.example unreported. A reference after the host, or of another character, is none."""
    from helpers_model import run_rules

    page = (
        "# A page\n\n[Law](https://www.law.cornell.edu&#64;evil.example/x)\n\n"
        '<a href="https://law.example&#X40;evil.example/">a</a> '
        "[b](https://law.example&commat;evil.example)\n\n"
        "It&#8217;s [here](https://example.org/&#64;us?a=1&amp;b=2#&#64;x) "
        "[c](https://example.org&#640;x/)\n"
    )
    findings = run_rules(tmp_path, {"content/page.md": page})
    assert [(f.rule, f.line, f.column, f.found) for f in findings] == [
        ("link.unsafe", 3, 7, "https://www.law.cornell.edu&#64;"),
        ("link.unsafe", 5, 10, "https://law.example&#X40;"),
        ("link.unsafe", 5, 60, "https://law.example&commat;"),
    ]
    assert all("user name or password" in f.message for f in findings)


def test_an_at_sign_after_a_host_or_outside_a_link_is_no_user(tmp_path: Path) -> None:
    from helpers_model import run_rules

    page = (
        "# A page\n\nWrite to help@example.org, or see [us](https://example.org/@coalition), "
        "[search](https://example.org/s?q=a@b) [f](https://example.org#me@x) "
        "[p](https://example.org:8080/a@b) [m](mailto:help@example.org)\n\n"
        "`[c](https://user@code.example)` and https://user@bare.example in prose\n\n"
        "    [indented](https://user@code.example)\n\n```\n<a href='https://u@x.example'>\n```\n"
    )
    assert [
        f for f in run_rules(tmp_path, {"content/page.md": page}) if f.rule == "link.unsafe"
    ] == []


def test_a_source_url_s_password_is_masked_in_the_message(tmp_path: Path) -> None:
    """Security review sec64: the schema error quoted the whole address, password and
    all, into the message that `--format github` writes to the CI log."""
    from helpers_model import run_rules

    term = term_yaml(extra="sources:\n  - title: x\n    url: https://editor:s3cret@example.org/x\n")
    (finding,) = run_rules(tmp_path, {TERM_FILE: term})
    assert finding.rule == "glossary.schema"
    assert "'https://***@example.org/x'" in finding.message
    assert "s3cret" not in finding.message and "editor" not in finding.message
    assert finding.found == "https://editor:s3cret@example.org/x"  # as written


@pytest.mark.parametrize(
    "url",
    ["https://editor:Pa(ss)w0rd@example.org/x", " https://editor:it's@example.org/x"],
)
def test_a_password_with_a_bracket_or_quote_or_after_a_space_is_masked(
    tmp_path: Path, url: str
) -> None:
    """Review rv65f: the masking read a source's url as a link in a page's Markdown, so
    a password holding `(` or `'`, or a url after a space, was quoted into the CI log."""
    from helpers_model import run_rules

    term = term_yaml(extra=f'sources:\n  - title: x\n    url: "{url}"\n')
    (finding,) = run_rules(tmp_path, {TERM_FILE: term})
    assert finding.rule == "glossary.schema"
    assert "***@example.org/x'" in finding.message
    assert "editor" not in finding.message and "w0rd" not in finding.message
    assert "it's" not in finding.message


def test_a_pictures_data_address_and_the_word_data_are_no_unsafe_links(tmp_path: Path) -> None:
    from helpers_model import run_rules

    page = (
        "# A page\n\n![dot](data:image/png;base64,iVBORw0KGgo=) "
        '<img src="data:image/svg+xml,%3Csvg%2F%3E" alt=""> [pic](DATA: image/gif,x)\n\n'
        "Our data: what we keep. [metadata](https://example.org/data:x) `[a](data:,b)`\n\n"
        # An SVG shown as a picture runs no script.
        "![a [b] c](data:image/svg+xml,%3Csvg%2F%3E) ![x](a.png){: src='data:image/svg+xml,x' }\n"
        '<svg><image xlink:href="data:image/svg+xml,x"/></svg> <video poster=data:image/svg,x>\n'
        "<style>p { background: url( data:image/svg+xml,x) }</style>\n"
    )
    assert run_rules(tmp_path, {"content/page.md": page}) == []


def test_a_link_to_an_svg_data_address_is_unsafe(tmp_path: Path) -> None:
    """Review: a link opens `data:image/svg+xml` as a document, whose script an old or
    lax browser runs; only where it is a picture is an SVG's data: address fine."""
    from helpers_model import run_rules

    page = (
        "# A page\n\n[open me](data:image/svg+xml,%3Csvg%20onload='alert(1)'%3E%3C/svg%3E)\n\n"
        '<a href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">x</a> '
        '[s](#a){: href=" data:image/SVG+xml,x" }\n\n'
        "[r]: DATA:image/s&#118;g+xml,x\n"
    )
    findings = run_rules(tmp_path, {"content/page.md": page})
    assert [(f.rule, f.line, f.column, f.found) for f in findings] == [
        ("link.unsafe", 3, 11, "data:image/svg"),
        ("link.unsafe", 5, 10, "data:image/svg"),
        ("link.unsafe", 5, 89, "data:image/SVG"),
        ("link.unsafe", 7, 6, "DATA:image/s&#118;g"),
    ]
    assert "opens an SVG document" in findings[0].message


def test_a_link_to_an_svg_data_address_after_an_image_or_escaped_bracket_is_unsafe(
    tmp_path: Path,
) -> None:
    """Review: the `![` looked for was the last one a way back, over paragraphs and an
    earlier image's `](...)`, and brackets were counted raw: a link after any picture, or
    with `\\[` in its text, was taken for an image and not reported."""
    from helpers_model import run_rules

    page = (
        "# A page\n\nOur logo: ![logo](logo.png)\n\n"
        "Download [the flyer](data:image/svg+xml,x).\n\n"
        "![a](b.png) [c](data:image/svg+xml,x) [![x] \\[](data:image/svg+xml,z)\n\n"
        "\\![not an image](data:image/svg+xml,x) [`![`](data:image/svg+xml,x)\n\n"
        # Still pictures: an image's text with brackets, code and an escape in it.
        "![a [b] `]` \\] c](data:image/svg+xml,x) [![in a link](data:image/svg,x)](#a)\n"
    )
    findings = run_rules(tmp_path, {"content/page.md": page})
    assert [(f.rule, f.line, f.column) for f in findings] == [
        ("link.unsafe", 5, 22),
        ("link.unsafe", 7, 17),
        ("link.unsafe", 7, 49),
        ("link.unsafe", 9, 18),
        ("link.unsafe", 9, 47),
    ]


def test_an_svg_media_type_with_its_slash_as_a_character_reference_is_unsafe(
    tmp_path: Path,
) -> None:
    """Review: `data:image&#x2f;svg+xml` was read as `image&#x2f` (the `;` is optional)
    before `;svg`, a picture type other than SVG, and not reported; the browser reads
    `data:image/svg+xml`."""
    from helpers_model import run_rules

    page = (
        "# A page\n\n[i](data:image&#x2f;svg+xml,z) [j](data:image&#47svg+xml,z) "
        "[k](data:image&sol;svg+xml,z)\n\n"
        # A picture's type, and `&#470;`, which is no `/`.
        "[p](data:image&#x2F;png,z) [n](data:image&#470;svg+xml,z)\n"
    )
    findings = run_rules(tmp_path, {"content/page.md": page})
    assert [(f.line, f.column, f.found) for f in findings] == [
        (3, 5, "data:image&#x2f;svg"),
        (3, 36, "data:image&#47svg"),
        (3, 65, "data:image&sol;svg"),
        (5, 32, "data:"),
    ]
    assert {f.rule for f in findings} == {"link.unsafe"}
    assert all("opens an SVG document" in f.message for f in findings[:3])


def test_script_addresses_in_tags_the_checks_skip_whole_are_found(tmp_path: Path) -> None:
    """An HTML block (an `<iframe>`, a `<form>` alone on its line) and an `<iframe>` inside
    a line are skipped whole by the checks, attributes and content: their script
    addresses were missed (found in an audit). Code showing such a tag is no link, nor is
    one in a comment, nor the same words inside another attribute's value."""
    from helpers_model import run_rules

    page = (
        '# A page\n\n<iframe src="javascript:alert(1)"></iframe>\n\n'
        "<form action='javascript:alert(2)'>\n  <input>\n</form>\n\n"
        '<object\n  type="text/html"\n  data=" javascript:alert(3)"></object>\n\n'
        'Text <iframe title="a > b" src=javascript:alert(4)></iframe> here.\n\n'
        '<div><iframe src="vbscript:x"></iframe></div>\n\n'
        '```html\n<iframe src="javascript:shown"></iframe>\n```\n\n'
        '`<iframe src="javascript:shown">` and <!-- <iframe src="javascript:no"> -->\n\n'
        '<div title="src=javascript:x">A title is no address.</div>\n\n'
        'Nor <span title="src=javascript:x">here</span>, see <!-- <a href="javascript:x"> -->.\n'
        # What no tag of the source holds is read as the view has it (found in review):
        '\n[a](https://example.org){href="javascript:x"}\n\n'
        '> Quoted <a\n> href="javascript:x">a</a>.\n'
    )
    findings = run_rules(tmp_path, {"content/page.md": page})
    assert [(f.rule, f.line, f.column, f.found) for f in findings] == [
        ("link.unsafe", 3, 14, "javascript:"),
        ("link.unsafe", 5, 15, "javascript:"),
        ("link.unsafe", 11, 10, "javascript:"),
        ("link.unsafe", 13, 32, "javascript:"),
        ("link.unsafe", 15, 19, "vbscript:"),
        ("link.unsafe", 27, 32, "javascript:"),
        ("link.unsafe", 30, 9, "javascript:"),
    ]


@pytest.mark.parametrize(
    ("page", "places"),
    [
        # A comment or a quoted value in a paragraph ends with it: what follows a blank
        # line (in a quote too, and with CRLF) is read again (found in the second and
        # third reviews).
        ('Text <!-- oops\n\n[a](https://e.org){href="javascript:x"}\n\n-->\n', [(5, 26)]),
        ('- item <!-- note\n\n- [a](https://e.org){href="javascript:x"} -->\n', [(5, 28)]),
        (
            "See <b title='a>b</b>.\n\n[a](https://e.org){href=\"javascript:x\"}\n\nit's\n",
            [(5, 26)],
        ),
        ('Text <!-- a\r\n\r\n[a](https://e.org){href="javascript:x"}\r\n\r\n-->\r\n', [(5, 26)]),
        ('> Text <!-- a\n>\n> [a](https://e.org){href="javascript:x"}\n>\n> -->\n', [(5, 28)]),
        # In an HTML block a tag may hold a blank line, and is still one (third review).
        ('<div>\n<a title="x\n\n" href="javascript:y">a link</a>\n</div>\n', [(6, 9)]),
        ('<!--\n\n<a href="javascript:x">a comment, a block</a>\n\n-->\n', []),
    ],
)
def test_a_comment_or_value_over_a_blank_line_hides_no_script_address(
    tmp_path: Path, page: str, places: list[tuple[int, int]]
) -> None:
    from helpers_model import run_rules

    findings = run_rules(tmp_path, {"content/page.md": f"# A page\n\n{page}"})
    assert [(f.line, f.column) for f in findings if f.rule == "link.unsafe"] == places


@pytest.mark.parametrize(
    ("address", "found"),
    [
        ("[this](&#32;javascript:alert(1))", "&#32;javascript:"),
        ("[this](&#x20;javascript:alert(1))", "&#x20;javascript:"),
        ("[this](&#1;javascript:alert(1))", "&#1;javascript:"),
        ("[this](&#0001;javascript:alert(1))", "&#0001;javascript:"),
        ("[this](&#X1F&Tab;&NewLine;vbscript:x)", "&#X1F&Tab;&NewLine;vbscript:"),
        ("[this](\x01\x0bjavascript:alert(1))", "\x01\x0bjavascript:"),
        ("[this](<&#32;javascript:alert(1)>)", "&#32;javascript:"),
        ("[this](< javascript:alert(1)>)", "javascript:"),  # a space, inside <...>
        ('<a href="&#1;javascript:alert(1)">x</a>', "&#1;javascript:"),
        ('<img src=" &#13;\t&#x9 JavaScript:x">', "&#13;\t&#x9 JavaScript:"),
        # What the browser keeps: a no-break space, a NUL (read as U+FFFD), a character
        # of a bigger number, and anything after the start of an address.
        ("[this](&nbsp;javascript:alert(1))", None),
        ("[this](&#0;javascript:alert(1))", None),
        ("[this](&#320;javascript:alert(1))", None),
        ("[this](https://x.org/&#32;javascript:alert(1))", None),
        ("[this](x&#1;javascript:alert(1))", None),
        ("(&#32;javascript: in prose)", None),
    ],
)
def test_script_schemes_after_what_the_browser_strips_are_found_where_the_address_starts(
    tmp_path: Path, address: str, found: str | None
) -> None:
    """A browser strips spaces and C0 controls from the start of an address, written or as
    character references, and runs the script after them."""
    from helpers_model import run_rules

    findings = run_rules(tmp_path, {"content/page.md": f"# A page\n\nSee {address} here.\n"})
    expected = [] if found is None else [(3, len("See ") + address.index(found) + 1, found)]
    assert [(f.line, f.column, f.found) for f in findings] == expected


def test_bom_crlf_and_html_are_accepted(tmp_path: Path) -> None:
    text = term_yaml(extra="short: Use <b>this</b> & that.\n").replace(
        "A person who", "A <em>person</em> who"
    )
    handbook, findings = load(
        tmp_path, {TERM_FILE: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()}
    )
    assert findings == []
    term = handbook.terms["survivor"]
    assert term.short == "Use <b>this</b> & that."  # plain text, escaped by the site
    assert "<em>person</em>" in term.definition


def test_errors_in_crlf_files_have_exact_positions(tmp_path: Path) -> None:
    text = term_yaml(extra="aliasses: [x]\n").replace("\n", "\r\n")
    _, findings = load(tmp_path, {TERM_FILE: b"\xef\xbb\xbf" + text.encode()})
    (finding,) = findings
    assert (finding.line, finding.column) == (4, 1)


def test_alias_bomb_is_rejected_quickly(tmp_path: Path) -> None:
    from work import calls_made

    loaded: list[tuple[object, list[object]]] = []
    calls = calls_made(lambda: loaded.append(load(tmp_path, {TERM_FILE: billion_laughs(20)})))
    assert calls < 2_000_000  # expanded, 9**20 values; refused, some 300 nodes read
    handbook, findings = loaded[0]
    assert handbook.terms == {}
    assert findings[0].message.startswith("refused")


def test_a_large_page_loads_in_linear_time(tmp_path: Path) -> None:
    from work import calls_made

    def page(lines: int) -> str:
        return "---\ntitle: Big\n---\n" + "A line of prose about survivors.\n" * lines

    small = calls_made(load, tmp_path / "small", {"content/big.md": page(20_000)})
    large = calls_made(load, tmp_path / "large", {"content/big.md": page(200_000)})
    assert large <= small * 10.5  # ten times the page, at most ten times the work
    handbook, findings = load(tmp_path / "large", {"content/big.md": page(200_000)})
    assert findings == []
    (big,) = [p for p in handbook.pages if p.path == "content/big.md"]
    assert big.meta == {"title": "Big"} and big.origin.body_line == 4


@pytest.mark.parametrize(
    "text",
    [
        "javascript" + "\t" * 200_000 + "x",  # tabs where a colon would end a scheme
        "[r]:" + " " * 200_000 + "x javascript:",  # spaces where a definition's address starts
        "[r " + "javascript: " * 40_000,  # schemes in the prose of one line
        "[x](" + "\x01 &#1;" * 30_000 + "x)",  # what a browser strips, before no scheme
        "[x]: " + "'" * 20_000 + "x y",  # a definition's URL or title, read apart once
        # Attributes, read once per page (found in review): a long name, many comments
        '<b title="src=javascript:y">b</b> <i ' + "x" * 200_000 + ">i</i>",
        '<b title="src=javascript:y">b</b> ' + "<!-- c --> <i title='a=javascript:z'>" * 20_000,
        '<b title="src=javascript:y">b</b> ' + "<!-- " * 40_000,  # unclosed comments
        # `data:` before a picture's media type, read once; `data:` in prose
        "[x](data:" + " " * 200_000 + "image/png,x) " + "data:" * 40_000,
        # SVG pictures, each looked back from for its image's `![`
        ("![" + "[a] " * 200 + "](data:image/svg,x) ") * 500,
        # A user before a host: a long authority with no `@` in it; references in many
        "[x](https://" + "a&b" * 70_000 + ") @",
        ("[x](https://" + "&#0" * 20 + "&#6)") * 5_000 + " @",
        # Parentheses in an authority: open ones never closed, and many pairs
        "[x](https://" + "(a" * 70_000 + ") @",
        "[x](https://" + "(a)" * 70_000 + " @",
    ],
    ids=[
        *("tabs-after-a-scheme", "spaces-after-a-definition", "schemes-on-one-line"),
        *("stripped-characters", "a-definition-of-quotes", "a-long-attribute-name"),
        *("many-comments-and-attributes", "unclosed-comments", "data-addresses"),
        *("svg-data-links", "a-long-authority", "references-in-authorities"),
        *("unclosed-parentheses-in-an-authority", "parentheses-in-an-authority"),
    ],
)
def test_script_addresses_are_looked_for_in_linear_time(tmp_path: Path, text: str) -> None:
    """Found by a security review: link.unsafe's regular expressions gave back, one by
    one, tabs or spaces that two parts of them could take, and read a line again from
    its start for each scheme in it, so a page of a few hundred KB took minutes."""
    from handbooks import make_handbook
    from work import checked_in_time

    completed = checked_in_time(make_handbook(tmp_path, f"# A page\n\n{text}\n"))
    # `<!--` left open are a page.source warning (MkDocs reads them in quadratic time).
    left_open = "handbook: 1 finding: 0 errors, 1 warning, 0 infos (page.source 1)\n"
    expected = left_open if text.endswith("<!-- ") else ""
    assert (completed.returncode, completed.stderr) == (0, expected)


def test_a_character_reference_of_thousands_of_digits_is_no_traceback(tmp_path: Path) -> None:
    """Review rv10: `&#` and 5,000 digits stopped `handbook check`, as Python's `int()`
    reads at most 4,300 (`html.unescape`). `&#000...106;` is a `j` still, however many
    its zeros, and a bigger number no character (U+FFFD, as a browser reads it)."""
    from helpers_model import run_rules

    script = f"&#{'0' * 5000}106;avascript:"
    nines, zeros = f"&#{'9' * 5000};", f"&#{'0' * 5000};"
    page = f"# A page\n\n[a]({script}alert(1)) [b]({nines}x) {nines} {zeros}\n"
    findings = run_rules(tmp_path, {"content/page.md": page})
    assert [(f.rule, f.line, f.column, f.found) for f in findings] == [
        ("link.unsafe", 3, 5, script)
    ]


def test_a_huge_number_in_a_pages_front_matter_is_no_traceback(tmp_path: Path) -> None:
    """Found by fuzzing: a page's front matter is read for its title and suppression
    settings; a whole number of 5,000 digits there was a traceback. It is a finding at its
    place now (MkDocs could not read that front matter either)."""
    from helpers_model import run_rules

    page = f"---\nweight: {'9' * 5000}\n---\n# A page\n\nText.\n"
    findings = run_rules(tmp_path, {"content/page.md": page})
    assert [(f.rule, f.line, f.column) for f in findings] == [("page.front-matter", 2, 9)]
    assert "too long to read" in findings[0].message


@pytest.mark.parametrize(
    "front_matter",
    [
        "title: About\ndescription: Who we are.\nhide: [toc, navigation]\nicon: material/school\n",
        "search: {boost: 2, exclude: false}\ntags: [coalition]\ntemplate: main.html\n",
        "comments: true\nmy_plugin: {any: [thing]}\n",  # another plugin's keys are its own
        # A rule, a blank line, then text and another rule: Markdown, no front matter
        "\nJust an intro line, between two rules.\n\n",
        "\n- first point\n- second point\n\n",
        # What Material copes with: a string for hide, numbers for a title and tags,
        # values of hide it does not know, an empty title, an icon of the site's own
        "hide: navigation\ntitle: 2026\ntags: [2026, 7]\n",
        'hide: [navigation, edit]\ntitle: ""\nicon: my_icons/Logo\n',
        # `&` is no markup in what Material prints as HTML text, nor in an address
        "tags: [Health & safety]\ncategories: [News & events]\nrevision_date: 2026-05-01\n",
        "template: redirect.html\nlocation: ../new-page/?from=old&lang=en\n",
        "",
    ],
)
def test_sound_page_front_matter_is_no_finding(tmp_path: Path, front_matter: str) -> None:
    from helpers_model import run_rules

    page = f"---\n{front_matter}---\n\n# About\n"
    findings = run_rules(tmp_path, {"content/page.md": page})
    assert [f for f in findings if f.rule in ("page.front-matter", "link.unsafe")] == []


@pytest.mark.parametrize(
    ("page", "says"),
    [
        # Never closed: its title and search settings were lost, its lines published
        (
            "---\ntitle: Hotline card\nsearch:\n  exclude: true\n\n# Welcome\n\nText.\n",
            "its front matter is never closed: end it with a line of '---' before the text",
        ),
        ("---\r\nhide:\r\n  - toc\r\n# Welcome\r\n", "its front matter is never closed"),
        ("---\ntitle: Only a title\n", "its front matter is never closed"),
        # Closed, but no `key: value` lines: MkDocs publishes them (`- a` as a heading)
        ("---\n- a\n---\n# Welcome\n", "its front matter is a list, not 'key: value' lines"),
        ('---\n"just a string"\n---\n# Welcome\n', "its front matter is a single value"),
        ("---\nAn intro, between two rules.\n---\n", "its front matter is a single value"),
    ],
    ids=["never-closed", "never-closed-crlf", "never-closed-at-the-end", "list", "quoted", "prose"],
)
def test_front_matter_mkdocs_would_publish_as_text_is_a_warning(
    tmp_path: Path, page: str, says: str
) -> None:
    """Audit: a page whose front matter was never closed, or held a list or a single
    value, got no finding, and the site showed its lines under a horizontal rule. A
    warning at its opening line says how to fix it, and how to keep a rule meant."""
    from helpers_model import run_rules

    from coalition_handbook.findings import Severity

    findings = run_rules(tmp_path, {"content/page.md": page})
    assert [(f.rule, f.severity, f.line, f.column) for f in findings] == [
        ("page.front-matter", Severity.WARNING, 1, 1)
    ]
    assert findings[0].message.startswith(says)
    assert findings[0].message.endswith(
        "if the '---' is a horizontal rule, leave a blank line after it"
    )


@pytest.mark.parametrize(
    "page",
    [
        "---\nA horizontal rule, then prose.\n",
        "---\n\ntitle: after a blank line, this is text under a rule\n",
        "---\nNote that a rule starts this page\n\n# About\n",
        "---\n",
        "***\n- a\n---\n",
        # Review rv2 F2: between two rules, text that is no YAML (a colon in a sentence,
        # a list after a paragraph), which MkDocs publishes as the page's text
        "---\n\nWarning: graphic content below.\n\nSome text.\n\n---\n\nMore.\n",
        "---\n\nTo learn more: read this.\n- item\n\n---\n\nMore.\n",
    ],
)
def test_a_page_that_starts_with_a_rule_is_no_front_matter_finding(
    tmp_path: Path, page: str
) -> None:
    from helpers_model import run_rules

    assert run_rules(tmp_path, {"content/page.md": page}) == []


def test_front_matter_right_after_its_opening_line_that_is_no_yaml_is_an_error(
    tmp_path: Path,
) -> None:
    """The other side of a rule over a blank line: a block that starts right after the
    `---` is meant as front matter, and its settings are lost where it does not parse."""
    from helpers_model import run_rules

    from coalition_handbook.findings import Severity

    page = "---\ntitle: About\nTo learn more: read this.\n- item\n---\n\nMore.\n"
    findings = run_rules(tmp_path, {"content/page.md": page})
    assert [(f.rule, f.severity) for f in findings] == [("page.front-matter", Severity.ERROR)]
    assert "not valid YAML" in findings[0].message


@pytest.mark.parametrize(
    "page",
    [
        "---\ntitle: About\n---\n# About\n",
        "---  \r\ntitle: About\r\n...\t\r\n\r\n# About\r\n",
        "---\n\nNote: this page is a draft.\n\n---\n\n# Draft\n",
        # Review rv3: closed on the last line with no line break, MkDocs reads no front
        # matter; an empty block then a mapping closed later is front matter to MkDocs
        "---\ntitle: About\n---",
        "---\n---\ntitle: About\n---\n# About\n",
        "---\n- a\n---\n# About\n",
        "---\n\ntitle: [unclosed\n---\n# About\n",
    ],
)
def test_front_matter_is_found_as_mkdocs_finds_it(page: str) -> None:
    """A page's metadata, and where its text starts, are those that MkDocs' own reading
    (`mkdocs.utils.meta.get_data`, on the file read with universal line endings) gives."""
    from mkdocs.utils.meta import get_data

    from coalition_handbook.model.pages import parse_page

    body, meta = get_data(page.replace("\r\n", "\n"))
    source = parse_page(page)
    assert source.meta() == meta
    if meta:
        assert source.body.replace("\r\n", "\n").lstrip("\n") == body


@pytest.mark.parametrize(
    "page",
    [
        "Warning: graphic content below.\n\n# Title\n",
        "Warning: graphic content below.\nA second line of text.\n",
        "title: About\nSummary: one line\n    and its continuation\nhide: toc\n\nBody.\n",
        "title: About\nTitle: again\n\tand on\nText, no metadata.\n",
        "   Note: three spaces before it\r\nNOTE: again, in capitals\r\n\r\nText.\r\n",
        "https://example.org/page\n\nText.\n",
        "    indented: four spaces is code\n",
        "# A heading first\ntitle: not metadata\n",
        "\ttab: continuation with no key before it\n",
        "",
    ],
)
def test_multimarkdown_metadata_is_read_as_mkdocs_reads_it(page: str) -> None:
    """The engine reads MultiMarkdown metadata without importing MkDocs (DESIGN section 2):
    its keys and values are those of MkDocs' own `get_data`, in the order MkDocs meets them."""
    from mkdocs.utils.meta import get_data

    from coalition_handbook.model.pages import multimarkdown_metadata

    values = multimarkdown_metadata(page).values
    assert list(values.items()) == list(get_data(page)[1].items())


@pytest.mark.parametrize(
    ("page", "line", "says"),
    [
        # Review rv3 F1: settings after a blank line, with a YAML mistake, were published
        # as the page's text without a finding
        (
            "---\n\ntitle: Reporting\nhide: [toc\n---\n\n# Reporting\n\nBody.\n",
            5,
            "not valid YAML: while parsing a flow sequence",
        ),
        ('---\n\ntitle: "unterminated\n---\n\n# T\n', 4, "not valid YAML"),
    ],
)
def test_settings_after_a_blank_line_that_are_no_yaml_are_an_error(
    tmp_path: Path, page: str, line: int, says: str
) -> None:
    from helpers_model import run_rules

    from coalition_handbook.findings import Severity

    findings = run_rules(tmp_path, {"content/page.md": page})
    assert [(f.rule, f.severity, f.line) for f in findings] == [
        ("page.front-matter", Severity.ERROR, line)
    ]
    assert findings[0].message.startswith(says)


@pytest.mark.parametrize(
    ("page", "line", "says"),
    [
        # Review rv3 F2: a rule, a blank line, a `Word: text` sentence and a rule: MkDocs
        # reads the sentence as front matter and leaves it out of the page
        (
            "---\n\nNote: this page is a draft.\n\n---\n\n# Draft\n\nBody.\n",
            3,
            "MkDocs reads lines 1 to 5, from the '---' of line 1 to the next, as the page's "
            "front matter, and leaves them out of the page: if they are text under a "
            "horizontal rule, write that rule as '***'",
        ),
        ("---\r\n\r\n\r\nSee: below.\r\n---\r\n# T\r\n", 4, "MkDocs reads lines 1 to 5"),
        # No `---` block: MkDocs reads `key: value` lines at the top as metadata, up to
        # the first line that is none (review rv4 F6: not to the first blank line)
        (
            "Warning: graphic content below.\nRead with care.\n\n# Testimony\n",
            1,
            "MkDocs reads line 1 as the page's metadata ('key: value', MultiMarkdown "
            "style), and leaves it out of the page; this line reads as text, not as a "
            "setting (one written in lower case, 'title: About'): if it is text, start the "
            "page with its heading or a blank line",
        ),
        (
            "title: Intake\nNote: a draft,\n    read with care.\n\n# Intake\n",
            2,
            "MkDocs reads lines 1 to 3 as the page's metadata",
        ),
        # Review rv4 F2: a key the theme reads, written as a sentence: MkDocs drops it
        ("Description: how we take in a referral.\n\n# Intake\n", 1, "MkDocs reads line 1"),
        ("Hide: the names of survivors.\n\n# Examples\n", 1, "MkDocs reads line 1"),
        ("https://example.org/report\n\n# Links\n", 1, "MkDocs reads line 1 as the page's"),
        (
            "---\ntitle: About\n---",
            1,
            "its front matter's closing '---' is the file's last line, with no line break",
        ),
    ],
    ids=[
        "rule-then-sentence",
        "crlf",
        "multimarkdown",
        "after-a-setting",
        "description",
        "hide",
        "address",
        "closed-at-the-very-end",
    ],
)
def test_text_mkdocs_reads_as_front_matter_is_a_warning(
    tmp_path: Path, page: str, line: int, says: str
) -> None:
    from helpers_model import run_rules

    from coalition_handbook.findings import Severity

    findings = run_rules(tmp_path, {"content/page.md": page})
    assert [(f.rule, f.severity, f.line, f.column) for f in findings] == [
        ("page.front-matter", Severity.WARNING, line, 1)
    ]
    assert findings[0].message.startswith(says)


@pytest.mark.parametrize(
    "page",
    [
        "Contact: Jane Roe, 402-555-0166\n\n# Title\n",
        "title: Help\nCall: Jane Roe, 402-555-0166\n\n# Title\n",
        "---\n\nCall: Jane Roe at 402-555-0166 after 5\n---\n\n# T\n",
        "Search: Jane Roe, 402-555-0166\n\n# Title\n",
    ],
)
def test_text_read_as_front_matter_is_not_quoted(tmp_path: Path, page: str) -> None:
    """Review rv4 F1: the warning quoted the page's first line, which may hold personal
    data, into annotations, logs and SARIF; it names lines by number."""
    from helpers_model import run_rules

    findings = run_rules(tmp_path, {"content/page.md": page})
    assert [finding.rule for finding in findings] == ["page.front-matter"]
    assert "Jane" not in findings[0].message and "0166" not in findings[0].message
    assert findings[0].found is None


@pytest.mark.parametrize(
    ("page", "line", "says"),
    [
        # Review rv4 F2: Material's search plugin stopped the build with a traceback
        ("Search: use the box at the top of every page.\n\n# S\n", 1, "'search' must be a mapping"),
        ("title: Intake\nsearch: exclude\n\n# S\n", 2, "'search' must be a mapping"),
        # Material's tags plugin stops the build ("Expected iterable tags")
        ("tags: intake, referral\n\n# S\n", 1, "'tags' must be a list (found text)"),
    ],
)
def test_multimarkdown_metadata_the_theme_cannot_use_is_an_error(
    tmp_path: Path, page: str, line: int, says: str
) -> None:
    from helpers_model import run_rules

    from coalition_handbook.findings import Severity

    findings = run_rules(tmp_path, {"content/page.md": page})
    assert [(f.rule, f.severity, f.line, f.column) for f in findings] == [
        ("page.front-matter", Severity.ERROR, line, 1)
    ]
    assert findings[0].message.startswith(says)
    assert "MkDocs reads this line as the page's" in findings[0].message


@pytest.mark.parametrize(
    "page",
    [
        "title: About us\ndescription: Who we are.\n\n# About\n",  # MultiMarkdown settings
        "hide: toc\nauthor: the intake team\n\n# About\n",
        "---\n\ntitle: About\nhide: [toc]\n---\n\n# About\n",  # settings after a blank line
        "---\n\nCall us: 24 hours a day, or write: any time.\n---\n\n# T\n",
        "# About\n\nNote: this is no metadata.\n",
    ],
)
def test_what_mkdocs_reads_as_meant_is_no_front_matter_finding(tmp_path: Path, page: str) -> None:
    from helpers_model import run_rules

    assert run_rules(tmp_path, {"content/page.md": page}) == []


# Files that are symbolic links out of the handbook are not read: a link committed to the
# repository (`glossary/passwd.yml -> /etc/passwd`) would publish or quote any file of
# the machine that checks it.

OUTSIDE_LINK = (
    "is a symbolic link to a file outside the handbook (the folder of mkdocs.yml): it is not read"
)
# A page, a module or any file the site publishes from docs_dir: bound to docs_dir.
OUTSIDE_DOCS = (
    "is a symbolic link to a file outside content/ (docs_dir, the folder the site publishes): "
    "it is not read"
)
OUTSIDE_DOCS_FOLDER = (
    "is a symbolic link to a folder outside content/ (docs_dir, the folder the site "
    "publishes): nothing in it is read or published"
)
SECRET = "a-secret-only-this-machine-has"


def _outside_files(tmp_path: Path) -> Path:
    """Files beside the handbook (in `tmp_path / "handbook"`): a valid term, protocol,
    module and page, each holding SECRET, and a passwd-like file."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "term.yml").write_text(
        term_yaml("leak", extra=f"aliases: [{SECRET}]\n"), encoding="utf-8"
    )
    (outside / "protocol.yml").write_text(PROTOCOL.replace("Hotel staff", SECRET), encoding="utf-8")
    (outside / "module.md").write_text(
        module_md(body=MODULE_BODY + f"\n{SECRET}\n"), encoding="utf-8"
    )
    (outside / "page.md").write_text(f"# Page\n\n{SECRET}\n", encoding="utf-8")
    (outside / "passwd").write_text(
        "".join(f"user{n}:x:{n}:{n}:{SECRET}:/home/user{n}:/bin/sh\n" for n in range(50)),
        encoding="utf-8",
    )
    return outside


@pytest.mark.parametrize("cached", [False, True])
def test_record_and_page_files_linked_out_of_the_handbook_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cached: bool
) -> None:
    from helpers_model import write_files

    from coalition_handbook.check import run_checks

    if cached:
        monkeypatch.delenv("HANDBOOK_NO_CACHE", raising=False)
    else:
        monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    outside = _outside_files(tmp_path)
    root = tmp_path / "handbook"
    config = write_files(root, {TERM_FILE: term_yaml()})
    links = {
        "glossary/leak.yml": outside / "term.yml",
        "glossary/passwd.yml": outside / "passwd",
        "protocols/leak.yml": outside / "protocol.yml",
        "content/modules/leak.md": outside / "module.md",
        "content/leak.md": outside / "page.md",
    }
    for name, target in links.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).symlink_to(target)
    (root / "content" / "shared").symlink_to(outside)  # a linked folder, out of it too

    for _ in range(2 if cached else 1):  # a second, cached run says the same
        result = run_checks(config)
        refused = [
            (finding.rule, finding.path, finding.line, finding.column, finding.message)
            for finding in result.findings
            if " outside " in finding.message
        ]
        assert refused == [
            ("page.source", "content/leak.md", 1, 1, OUTSIDE_DOCS),
            ("module.schema", "content/modules/leak.md", 1, 1, OUTSIDE_DOCS),
            ("page.source", "content/modules/leak.md", 1, 1, OUTSIDE_DOCS),
            # the link alone: the folder it leads to is not walked
            ("page.source", "content/shared", 1, 1, OUTSIDE_DOCS_FOLDER),
            ("glossary.schema", "glossary/leak.yml", 1, 1, OUTSIDE_LINK),
            ("glossary.schema", "glossary/passwd.yml", 1, 1, OUTSIDE_LINK),
            ("protocol.schema", "protocols/leak.yml", 1, 1, OUTSIDE_LINK),
        ]
        assert not [finding for finding in result.findings if SECRET in repr(finding)]
        handbook = result.handbook
        assert sorted(handbook.terms) == ["survivor"] and not handbook.protocols
        assert not handbook.modules
        assert not [page for page in handbook.pages if SECRET in page.origin.text]


OUTSIDE_DOCS_FILE = (
    "is a symbolic link to a file outside content/ (docs_dir, the folder the site publishes): "
    "it is not published"
)
INTO_GIT = (
    "is a symbolic link into a .git folder, git's own files (the repository's whole history): "
    "it is not published"
)
# Links committed in docs_dir that lead elsewhere in the repository (audit: `mkdocs build
# --strict` published the whole history, `.git/config` and `.env`), and one in docs_dir
# into a clone kept there: (link, where it leads first, in docs_dir; then, the finding).
LINKS_OUT_OF_DOCS = [
    ("content/assets/history", "../pictures", "../../.git", OUTSIDE_DOCS_FOLDER),
    ("content/gitconfig.txt", "inside.txt", "../.git/config", OUTSIDE_DOCS_FILE),
    ("content/dotenv.txt", "inside.txt", "../.env", OUTSIDE_DOCS_FILE),
    ("content/term.yml", "inside.txt", "../glossary/survivor.yml", OUTSIDE_DOCS_FILE),
    ("content/photo.png", "pictures/photo.png", "../.git/photo.png", OUTSIDE_DOCS_FILE),
    ("content/vendored.txt", "inside.txt", "vendored/.git/config", INTO_GIT),
]


def repository_with_secrets(root: Path) -> HandbookConfig:
    """A handbook as a clone holds it: a `.git` folder and a git-ignored `.env` beside
    docs_dir, both holding SECRET, and a clone of another repository kept in docs_dir."""
    config = write_files(
        root,
        {
            TERM_FILE: term_yaml(),
            "content/inside.txt": "public\n",
            "content/pictures/photo.png": "PNG",
            ".git/HEAD": "ref: refs/heads/main\n",
            ".git/config": f'[remote "origin"]\n  url = https://{SECRET}@example.org/x.git\n',
            ".git/photo.png": SECRET,
            ".env": f"API_TOKEN={SECRET}\n",
            "content/vendored/.git/config": f"[user]\n  name = {SECRET}\n",
        },
    )
    (root / "content" / "assets").mkdir()
    return config


@pytest.mark.parametrize("cached", [False, True])
@pytest.mark.parametrize(("link", "inside", "outside", "message"), LINKS_OUT_OF_DOCS)
def test_a_link_out_of_docs_dir_is_an_error_of_the_check(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    cached: bool,
    link: str,
    inside: str,
    outside: str,
    message: str,
) -> None:
    """Only docs_dir is the site's: a link from it to elsewhere in the repository, or
    into a `.git` folder anywhere, is a `page.source` error named at the link, as one to
    elsewhere on the machine is; a link within docs_dir passes. Warm, the check sees the
    link change between runs (its survey lists the files)."""
    import json

    from coalition_handbook.cli import main

    if cached:
        monkeypatch.delenv("HANDBOOK_NO_CACHE", raising=False)
    else:
        monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    root = tmp_path / "handbook"
    config_file = str(repository_with_secrets(root).root / "mkdocs.yml")
    path = root / link

    def check() -> tuple[int, list[tuple[str, str, str]]]:
        code = main(["check", "--format", "json", "-f", config_file])
        printed = capsys.readouterr()
        assert SECRET not in printed.out + printed.err
        findings = json.loads(printed.out)["findings"]
        return code, [(f["rule"], f["path"], f["message"]) for f in findings]

    path.symlink_to(inside)
    assert check() == (0, [])
    path.unlink()
    path.symlink_to(outside)
    assert check() == (1, [("page.source", link, message)])
    path.unlink()
    path.symlink_to(inside)
    assert check() == (0, [])


def test_a_term_file_linked_into_a_git_folder_is_not_read(tmp_path: Path) -> None:
    """Term and protocol files may lead anywhere in the handbook's folder, but never into
    git's own files."""
    from coalition_handbook.check import run_checks

    root = tmp_path / "handbook"
    config = repository_with_secrets(root)
    (root / ".git" / "term.yml").write_text(term_yaml("leak"), encoding="utf-8")
    (root / "glossary" / "leak.yml").symlink_to("../.git/term.yml")
    findings = run_checks(config).findings
    assert [(f.rule, f.path, f.message) for f in findings] == [
        (
            "glossary.schema",
            "glossary/leak.yml",
            "is a symbolic link into a .git folder, git's own files (the repository's whole "
            "history): it is not read",
        )
    ]


def test_a_folder_linked_out_of_the_handbook_is_not_walked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link to `/` would walk the whole file system, and name its files in findings.
    A warm run sees the link come and go, and a folder `exclude_docs` leaves out is no
    finding (MkDocs does not publish it)."""
    from helpers_model import write_files

    from coalition_handbook import model
    from coalition_handbook.check import run_checks
    from coalition_handbook.config import load_config

    monkeypatch.delenv("HANDBOOK_NO_CACHE", raising=False)
    outside = tmp_path / "elsewhere"
    (outside / "deep").mkdir(parents=True)
    (outside / "deep" / "page.md").write_text("# Elsewhere\n", encoding="utf-8")
    root = tmp_path / "handbook"
    config = write_files(root, {TERM_FILE: term_yaml(), "content/index.md": "# Home\n"})
    assert not [f for f in run_checks(config).findings if f.rule == "page.source"]
    (root / "content" / "root").symlink_to(outside)
    walked: list[str] = []
    real_scandir = os.scandir
    monkeypatch.setattr(
        model.pages.os, "scandir", lambda path: walked.append(path) or real_scandir(path)
    )
    findings = [f for f in run_checks(config).findings if f.rule == "page.source"]
    assert [(f.path, f.line, f.column) for f in findings] == [("content/root", 1, 1)]
    assert findings[0].message == OUTSIDE_DOCS_FOLDER
    linked, elsewhere = str(root / "content" / "root"), str(outside)
    assert not [path for path in map(str, walked) if path.startswith((linked, elsewhere))]
    (root / "content" / ".hidden").symlink_to(outside)
    # Left out by a pattern, or hidden, whatever `!` pattern takes another page back.
    (root / "mkdocs.yml").write_text(
        (root / "mkdocs.yml").read_text(encoding="utf-8")
        + "exclude_docs: |\n  root/\n  drafts/\n  !drafts/keep.md\n",
        encoding="utf-8",
    )
    assert not [
        f for f in run_checks(load_config(root / "mkdocs.yml")).findings if f.rule == "page.source"
    ]
    (root / "content" / "root").unlink()
    assert not [f for f in run_checks(config).findings if f.rule == "page.source"]


def test_a_folder_linked_out_of_a_docs_dir_beside_the_handbook_is_named_as_the_link(
    tmp_path: Path,
) -> None:
    from helpers_model import write_files

    from coalition_handbook.check import run_checks
    from coalition_handbook.config import load_config

    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "page.md").write_text("# Elsewhere\n", encoding="utf-8")
    root = tmp_path / "handbook"
    write_files(root, {TERM_FILE: term_yaml()})
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "docs" / "ext").symlink_to(tmp_path / "elsewhere")
    config_file = root / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8").replace("docs_dir: content", "docs_dir: ../docs")
    config_file.write_text(text, encoding="utf-8")
    findings = run_checks(load_config(config_file)).findings
    assert [(f.path, f.rule) for f in findings if "folder outside" in f.message] == [
        ("../docs/ext", "page.source")
    ]


def test_links_that_stay_in_the_handbook_read_as_their_files(tmp_path: Path) -> None:
    """Term and protocol files may lead anywhere in the handbook's folder; pages only
    within docs_dir (the site publishes what they lead to): a page linked elsewhere in
    the repository is not read (audit: `content/x -> ../.env`)."""
    from helpers_model import write_files

    from coalition_handbook.model import load_handbook

    root = tmp_path / "handbook"
    config = write_files(
        root,
        {
            "shared/terms/trafficker.yml": term_yaml("trafficker"),
            "shared/pages/about.md": "# About\n",
            "content/sub/page.md": "# Sub\n",
            TERM_FILE: term_yaml(),
        },
    )
    (root / "glossary" / "trafficker.yml").symlink_to(root / "shared" / "terms" / "trafficker.yml")
    (root / "glossary" / "same.yml").symlink_to("survivor.yml")
    (root / "content" / "about.md").symlink_to(root / "shared" / "pages" / "about.md")
    (root / "content" / "pages").symlink_to(root / "shared" / "pages")
    (root / "content" / "same.md").symlink_to("sub/page.md")
    (root / "content" / "again").symlink_to(root / "content" / "sub")
    handbook, findings = load_handbook(config)
    assert [(f.path, f.message) for f in findings if f.rule == "glossary.schema"] == []
    assert sorted(handbook.terms) == ["same", "survivor", "trafficker"]
    pages = {page.path: page.problem for page in handbook.pages}
    assert pages == {
        "content/about.md": (1, 1, OUTSIDE_DOCS),
        "content/again/page.md": None,
        "content/index.md": None,
        "content/same.md": None,
        "content/sub/page.md": None,
    }
    # (The page's problem becomes its `page.source` finding when the rules run.)
    assert [(f.path, f.message) for f in findings if f.rule == "page.source"] == [
        ("content/pages", OUTSIDE_DOCS_FOLDER),
    ]


def test_a_glossary_folder_named_outside_the_handbook_is_read(tmp_path: Path) -> None:
    """mkdocs.yml may name a folder beside the handbook (a glossary two sites share): its
    files, and links among them, are read."""
    from helpers_model import MKDOCS, write_files

    from coalition_handbook.model import load_handbook

    shared = tmp_path / "shared-glossary"
    shared.mkdir()
    (shared / "survivor.yml").write_text(term_yaml(), encoding="utf-8")
    (shared / "same.yml").symlink_to("survivor.yml")
    mkdocs = MKDOCS.replace("glossary_dir: glossary", "glossary_dir: ../shared-glossary")
    assert mkdocs != MKDOCS
    config = write_files(tmp_path / "handbook", {"mkdocs.yml": mkdocs})
    handbook, findings = load_handbook(config)
    assert findings == []
    assert sorted(handbook.terms) == ["same", "survivor"]


def test_the_command_prints_nothing_of_a_file_linked_out_of_the_handbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from helpers_model import write_files

    from coalition_handbook.cli import main

    outside = _outside_files(tmp_path)
    root = tmp_path / "handbook"
    write_files(root, {TERM_FILE: term_yaml()})
    (root / "glossary" / "passwd.yml").symlink_to(outside / "passwd")
    for output in ("text", "json", "sarif", "github"):
        assert main(["check", "--format", output, "-f", str(root / "mkdocs.yml")]) == 1
        printed = capsys.readouterr()
        assert SECRET not in printed.out + printed.err
        assert "glossary/passwd.yml" in printed.out


# A message names a value of the file; it does not copy it.

LONG = "x" * 5000
LONG_KEY = "x" * 1000  # YAML reads no longer key without `? `


@pytest.mark.parametrize(
    ("text", "message_start"),
    [
        (LONG + "\n", "a term must be a mapping of fields (found a single value ('xxx"),
        (term_yaml().replace("version: 1", f"version: {LONG}"), "'version' must be a whole"),
        (term_yaml().replace("version: 1", f'version: "{LONG}"'), "'version' must be a whole"),
        (term_yaml(extra=f"status: {LONG}\n"), "'status' is 'xxx"),
        (term_yaml(extra=f"{LONG_KEY}: 1\n"), "unknown field 'xxx"),
        (term_yaml(extra=f"{LONG_KEY}: 1\n{LONG_KEY}: 2\n"), "duplicate key 'xxx"),
        (
            term_yaml(extra=f"sources: [{{title: T, url: {LONG}}}]\n"),
            "'url' of sources item 1 is 'xxx",
        ),
        (term_yaml(extra=f"tags: !{LONG} [a]\n"), "the YAML tag '!xxx"),
        (
            term_yaml(extra=f"translations:\n  {LONG_KEY}: trata\n"),
            "'translations' has the key 'xxx",
        ),
    ],
)
def test_messages_quote_at_most_the_start_of_a_long_value(
    tmp_path: Path, text: str, message_start: str
) -> None:
    _, findings = load(tmp_path, {TERM_FILE: text})
    quoting = [finding for finding in findings if "xxx" in finding.message]
    assert quoting, [finding.message for finding in findings]
    assert any(finding.message.startswith(message_start) for finding in quoting), quoting
    for finding in findings:
        assert len(finding.message) < 400, finding.message[:200]
        assert len(finding.found or "") <= 200
    assert all("x" * 61 not in f.message and "x…" in f.message for f in quoting)


@pytest.mark.parametrize(
    "text",
    [
        term_yaml(extra=f"related: [{'Forced Labor ' * 500}]\n"),
        term_yaml(extra=f"status: deprecated\nreplaced_by: {'Forced Labor ' * 500}\n"),
        term_yaml(extra=f"sources: [{{title: T, url: www.{LONG}.org}}]\n"),
        term_yaml().replace("version: 1", f'version: "0{"1" * 5000}"'),
        term_yaml(extra=f"translations:\n  Es{'-Abcd' * 150}: trata\n"),
    ],
    ids=["id", "replaced-by", "address", "leading-zero", "language-code"],
)
def test_what_to_write_quotes_at_most_the_start_of_a_long_value(tmp_path: Path, text: str) -> None:
    """The advice of a message (`write forced-labor`, `write https://...`) is made from
    the value: cut short as the value it quotes is (it copied 5,000 characters)."""
    _, findings = load(tmp_path, {TERM_FILE: text})
    assert findings
    for finding in findings:
        assert len(finding.message) < 400, finding.message[:300]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        # As the settings' messages say it: no Python words (`None`, `True`).
        (
            "status:\n",
            "'status' is empty; expected one of: proposed, approved, deprecated; "
            "write it, or delete the line to use the default, approved",
        ),
        # What the file writes, and what YAML 1.1 reads it as (session 62).
        (
            "status: yes\n",
            "'status' is 'yes', which YAML reads as true; expected one of: proposed, approved, "
            "deprecated",
        ),
        (
            "status: Approved\n",
            "'status' is 'Approved'; expected one of: proposed, approved, deprecated; write it "
            "in small letters: approved",
        ),
        (
            "status: 2\n",
            "'status' is the number 2; expected one of: proposed, approved, deprecated",
        ),
        (
            "status: aproved\n",
            "'status' is 'aproved'; expected one of: proposed, approved, deprecated",
        ),
    ],
)
def test_a_value_outside_a_list_of_choices_is_named_in_words(
    tmp_path: Path, extra: str, message: str
) -> None:
    _, findings = load(tmp_path, {"glossary/survivor.yml": term_yaml(extra=extra)})
    assert [(f.rule, f.message) for f in findings] == [("glossary.schema", message)]


@pytest.mark.parametrize(
    ("url", "fits"),
    [
        ("https://www.congress.gov/", True),
        ("HTTPS://WWW.CONGRESS.GOV/", True),  # a scheme is case-blind (RFC 3986)
        ("Http://example.org/x", True),
        ("ftp://example.org/x", False),
        ("javascript:alert(1)", False),
    ],
)
def test_a_source_address_is_a_web_address_in_either_case(
    tmp_path: Path, url: str, fits: bool
) -> None:
    extra = f"sources:\n  - title: A source\n    url: '{url}'\n"
    _, findings = load(tmp_path, {"glossary/survivor.yml": term_yaml(extra=extra)})
    assert [f.rule for f in findings] == ([] if fits else ["glossary.schema"])


@pytest.mark.parametrize(
    ("form", "refused"),
    [
        ('"child prostitute,"', True),  # review: it hid the form to avoid "child prostitute"
        ('"child prostitute."', True),
        ('"child prostitute:"', True),
        ('"“grooming”"', True),
        ('", victim"', True),
        ('"U.S."', False),  # an abbreviation keeps its dots
        ('"child porn."', True),  # review: a short last word is no abbreviation either
        ("Inc.", True),  # "Inc" matches "Inc." in text all the same: whole words
        ('"Ph.D."', False),
        ('"Article 5."', True),  # review: a closing full stop after anything but letters
        ('"(CSAM)."', True),
        ('"child porn .."', True),
        ('"José."', True),
        ('"child\\nporn"', True),  # on one line
        ('"labor, forced"', False),
        ('"Trafficking Victims Protection Act (TVPA)"', False),
        ('"survivors\'"', False),
        # Audit (Spanish translator): Spanish quotes and opening marks were kept as part
        # of the form, which then matched only where the text wrote them too.
        ('"«lover boy»"', True),
        ('"‹lover boy›"', True),
        ('"„lover boy“"', True),
        ('"¿trata"', True),
        ('"¡trata"', True),
        ('"trata¿"', True),
        ('"año de acogida"', False),
        ('"niño «lover boy» Pérez"', False),  # inside a form, as a name's nickname
    ],
)
def test_a_form_with_the_punctuation_of_a_sentence_around_it_is_refused(
    tmp_path: Path, form: str, refused: bool
) -> None:
    """A form "child prostitute," is no other form than "child prostitute" to a reader,
    but the matcher took it for a longer one, and the shorter one's finding was lost."""
    _, findings = load(
        tmp_path, {"glossary/t-visa.yml": term_yaml("T visa", f"aliases: [{form}]\n")}
    )
    messages = [finding.message for finding in findings if finding.rule == "glossary.schema"]
    if refused:
        assert len(messages) == 1
        assert messages[0].startswith("aliases item 1 is ")
        assert messages[0].endswith(
            "; expected a written form of the term: words on one line, with no punctuation "
            "of the sentence around them (no comma, colon or quote before or after; a closing "
            "full stop only in an abbreviation with dots inside it, such as U.S.)"
        )
    else:
        assert messages == []


@pytest.mark.parametrize(
    ("field", "form"),
    [
        ("term", "a|b"),
        ("aliases", "x`y"),
        ("aliases", "'<script>z'"),
        ("avoid", "sex > labor"),
        ("avoid", "{text: a<b>c, reason: Markup.}"),
    ],
)
def test_a_form_holding_a_markdown_or_html_sign_is_refused_where_it_is(
    tmp_path: Path, field: str, form: str
) -> None:
    """Audit: `handbook check` accepted `a|b`, `x`y` and `<script>z` as forms, which `handbook
    new term` refuses: no page writes them, and they break the reports' tables and code."""
    text = term_yaml(form) if field == "term" else term_yaml("T visa", f"{field}:\n  - {form}\n")
    _, findings = load(tmp_path, {"glossary/t-visa.yml": text})
    ((rule, line, message),) = [(f.rule, f.line, f.message) for f in findings]
    assert (rule, line) == ("glossary.schema", 1 if field == "term" else 5)
    assert message.endswith("expected words with no Markdown or HTML sign in them: no |, `, < or >")


@pytest.mark.parametrize("form", ["AT&T", "LGBTQ+", "24/7 hotline", "sex *work*"])
def test_other_signs_inside_a_form_are_kept(tmp_path: Path, form: str) -> None:
    text = term_yaml("T visa", f"aliases: [{form}]\n")
    handbook, findings = load(tmp_path, {"glossary/t-visa.yml": text})
    assert findings == [] and handbook.terms["t-visa"].aliases == (form,)


def test_a_term_linked_out_of_the_handbook_is_one_finding_not_one_per_reference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A term file that is a link out of the handbook is reported where it stands; the
    terms that name it are not each told that `../elsewhere/survivor.yml` is missing
    (found in an audit: the link's target was named, so the rejected file was not
    recognised, and every reference was a finding)."""
    from helpers_model import write_files

    from coalition_handbook.check import run_checks

    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "survivor.yml").write_text(term_yaml(), encoding="utf-8")
    root = tmp_path / "handbook"
    config = write_files(
        root, {"glossary/victim.yml": term_yaml("victim", "related: [survivor]\n")}
    )
    (root / TERM_FILE).symlink_to(outside / "survivor.yml")
    findings = run_checks(config).findings
    assert [
        (finding.rule, finding.path) for finding in findings if finding.severity == "error"
    ] == [("glossary.schema", TERM_FILE)]
    assert not [finding for finding in findings if "elsewhere" in finding.message]


def test_a_file_that_is_no_text_gets_its_one_error_and_nothing_found_in_its_bytes(
    tmp_path: Path,
) -> None:
    """Audit F6: random bytes saved as a page got their page.source error and then 310
    term.unknown-acronym findings on what the bytes spelt by chance. A page that is not
    UTF-8 or holds a NUL byte, and a module that is not UTF-8, get their one error; the
    same words in a page of text are found (and so after an edit, through the cache)."""
    from handbooks import make_handbook, set_handbook_options

    from coalition_handbook.check import run_checks
    from coalition_handbook.config import load_config

    noise = "A vagrant met the FBI, CIA and NSA; call 555-123-4567."
    config_file = make_handbook(tmp_path)
    content = tmp_path / "content"
    (content / "latin1.md").write_bytes(f"# Caf\xe9\n\n{noise}\n".encode("latin-1"))
    (content / "nul-byte.md").write_bytes(f"# Notes\n\n{noise}\x00\n".encode())
    png = b"\x89PNG\r\n\x1a\n" + noise.encode() + bytes(range(256))
    (content / "blob.md").write_bytes(png)
    (content / "modules").mkdir()
    (content / "modules" / "binmod.md").write_bytes(f"# X\n\n{noise} \xff\n".encode("latin-1"))
    (content / "plain.md").write_text(f"# Plain\n\n{noise}\n", encoding="utf-8")

    def rules_by_file() -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for finding in run_checks(load_config(config_file)).findings:
            found.setdefault(finding.path, []).append(finding.rule)
        return {path: sorted(rules) for path, rules in found.items()}

    # Review rv2 F7: but for the phone number, personal data never published unreported
    # (a module's too, since session 54).
    expected = {
        "content/latin1.md": ["page.source", "privacy.pii"],
        "content/nul-byte.md": ["page.source", "privacy.pii"],
        "content/blob.md": ["page.source", "privacy.pii"],
        "content/modules/binmod.md": ["module.schema", "privacy.pii"],
    }
    found = rules_by_file()
    assert {path: found.get(path) for path in expected} == expected
    assert {"term.avoid", "term.unknown-acronym", "privacy.pii"} <= set(found["content/plain.md"])
    # Personal data in such a page is reported (MkDocs publishes the page; with
    # page.source lowered, the data would go out unreported).
    (content / "pii.md").write_bytes(b"# Nul\n\nText with a\x00 NUL and jane@example.org.\n")
    (content / "utf16.md").write_bytes("# Notes\n".encode("utf-16"))
    pii = run_checks(load_config(config_file)).findings
    assert [f.rule for f in pii if f.path == "content/pii.md"] == ["page.source", "privacy.pii"]
    [utf16] = [f for f in pii if f.path == "content/utf16.md"]
    assert utf16.message.startswith("is UTF-16 (little-endian), not UTF-8")
    (content / "pii.md").unlink()
    (content / "utf16.md").unlink()
    # Edited alone, a page is checked again alone (`check._recheck_pages`).
    (content / "nul-byte.md").write_bytes(f"# Notes\n\n{noise} The ICE too.\x00\n".encode())
    found = rules_by_file()
    assert {path: found.get(path) for path in expected} == expected
    # With page.source off, the other rules are all that is said of such a page.
    set_handbook_options(config_file, 'rules: {page.source: "off"}')
    assert "privacy.pii" in rules_by_file()["content/nul-byte.md"]


def _page_source_findings(root: Path, page: str) -> list[tuple[int, int, str]]:
    from helpers_model import write_files

    from coalition_handbook.model import load_handbook
    from coalition_handbook.rules import page_source
    from coalition_handbook.rules.base import CheckContext

    config = write_files(root, {"content/page.md": page})
    handbook, _ = load_handbook(config)
    context = CheckContext(config=config, handbook=handbook)
    return [
        (finding.line, finding.column, f"{finding.severity.value} {finding.message}")
        for finding in page_source.check(context)
    ]


def test_an_html_comment_left_open_is_a_page_source_warning(tmp_path: Path) -> None:
    """Complexity audit: a page of `<!--` left open added 4.6 s of build at 100 KB, four
    times as much at twice the size (MkDocs' own html.parser reading, not ours), and
    Python-Markdown publishes an unclosed `<!--`, and the note after it, as text."""
    closed = "# A page\n\n<!-- a note -->\n\nText. <!--> <!-- x --!>\n"
    assert _page_source_findings(tmp_path / "closed", closed) == []
    left_open = "# A page\n\n<!-- a -->\n\nText <!-- draft: call Ana\n\n<!--<!--\n"
    [(line, column, message)] = _page_source_findings(tmp_path / "open", left_open)
    assert (line, column) == (5, 6)
    assert message.startswith("warning the `<!--` at line 5 (and 2 more after it) is never")


def test_a_comment_left_open_is_read_as_markdown_reads_it_not_in_fences_nor_front_matter(
    tmp_path: Path,
) -> None:
    """Review rv41: Python-Markdown sets fenced code aside before it or MkDocs reads a
    page's HTML, and reads no front matter: a mermaid diagram's `-->` after a note left
    open hid it (its text was published), and a `<!--` shown in a fence or written in
    front matter was reported, closed by nothing that anyone reads."""
    hidden = "# A page\n\nText <!-- draft: call Ana\n\n```mermaid\ngraph LR\n  A --> B\n```\n"
    [(line, column, _)] = _page_source_findings(tmp_path / "hidden", hidden)
    assert (line, column) == (3, 6)
    shown = "# A page\n\nOpen a note so:\n\n```html\n<!-- a note\n```\n\nText.\n"
    assert _page_source_findings(tmp_path / "shown", shown) == []
    described = '---\ndescription: "How to write <!--"\n---\n\n# A page\n\nText.\n'
    assert _page_source_findings(tmp_path / "described", described) == []
    # Indented code is no fence: MkDocs reads its HTML, and the note stays open.
    indented = "# A page\n\n    <!-- a note\n\nText.\n"
    assert [
        (line, column) for line, column, _ in _page_source_findings(tmp_path / "indented", indented)
    ] == [(3, 5)]


def test_comments_before_a_page_s_first_fence_are_found_with_no_pass_over_its_lines() -> None:
    """Review rv42: a `<!-- handbook-disable -->` at the top of a page with code below
    it had every line of the page read for its fences (a third more time for a cold
    check of such pages). No fence can hold a comment written before the first one."""
    from types import SimpleNamespace as N

    from work import calls_made

    from coalition_handbook.rules.page_source import _unclosed_comment

    context = N(finding=lambda *a: N(with_severity=lambda s: a))
    code = "Text.\n\n```python\nprint(1)\n```\n\n" * 200
    for note in ("<!-- handbook-disable term.avoid -->", "<!-- a note left open"):
        text = f"# A page\n\n{note}\n\n{code}"
        page = N(path="p.md", origin=N(text=text, body_line=1))
        found = [finding[1:4] for finding in _unclosed_comment(context, page)]
        assert found == ([] if note.endswith("-->") else [("p.md", 3, 1)])
        assert calls_made(lambda page=page: list(_unclosed_comment(context, page))) < 100


def test_html_comments_left_open_are_counted_in_linear_time() -> None:
    """The check looks for the last end and counts what follows: a few `str` scans."""
    from work import python_in_time

    completed = python_in_time(
        "from types import SimpleNamespace as N\n"
        "from coalition_handbook.rules.page_source import _unclosed_comment\n"
        "context = N(finding=lambda *a: N(with_severity=lambda s: a))\n"
        "page = N(path='p.md', origin=N(text='-->' + '<!--' * 2_000_000, body_line=1))\n"
        "[finding] = _unclosed_comment(context, page)\n"
        "assert finding[1:4] == ('p.md', 1, 4), finding\n"
        # Fenced code set aside too (review rv41): a line each, a fence every other.
        "text = '```\\n-->\\n```\\n' + '<!--\\n```\\n' * 200_000\n"
        "page = N(path='p.md', origin=N(text=text, body_line=1))\n"
        "[finding] = _unclosed_comment(context, page)\n"
        "assert finding[1:4] == ('p.md', 4, 1), finding\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


def test_the_glossary_listing_names_the_term_files_that_are_links_and_each_is_judged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold check takes from the glossary's listing which term files are symbolic
    links (`record_listing`), and looks only those up again: a link out of the handbook
    is still refused, and one that stays inside, a dangling one and a plain file beside
    them are read as before (a folder named as a term file too)."""
    from coalition_handbook.check import run_checks
    from coalition_handbook.model.records import record_listing

    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "leak.yml").write_text(term_yaml("leak"), encoding="utf-8")
    root = tmp_path / "handbook"
    config = write_files(
        root,
        {"glossary/victim.yml": term_yaml("victim"), "notes/survivor.yml": term_yaml()},
    )
    glossary = root / "glossary"
    (glossary / "leak.yml").symlink_to(outside / "leak.yml")
    (glossary / "survivor.yml").symlink_to("../notes/survivor.yml")
    (glossary / "gone.yml").symlink_to("../notes/gone.yml")
    (glossary / "folder.yml").mkdir()
    assert record_listing(glossary) == (
        ["folder", "gone", "leak", "survivor", "victim"],
        frozenset({"gone", "leak", "survivor"}),
    )
    found = {
        (finding.path, finding.message.split(":")[0])
        for finding in run_checks(config).findings
        if finding.rule == "glossary.schema"
    }
    assert found == {
        ("glossary/folder.yml", "cannot be read"),
        ("glossary/gone.yml", "cannot be read"),
        (
            "glossary/leak.yml",
            "is a symbolic link to a file outside the handbook (the folder of mkdocs.yml)",
        ),
    }


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        # Octal or not, `02` is 2: the version meant, not worth a failed build.
        ("", []),
        # A theme's own setting is the theme's to read, whatever YAML makes of it.
        ("search:\n  '1': 010\n", []),
    ],
)
def test_only_a_version_yaml_reads_as_another_number_is_reported(
    tmp_path: Path, extra: str, expected: list[str]
) -> None:
    from helpers_model import run_rules

    front = MODULE_FRONT.replace("  - version: 1\n", "  - version: 01\n").replace(
        "duration:", f"{extra}duration:"
    )
    files: dict[str, str | bytes] = {PROTOCOL_FILE: PROTOCOL, MODULE_FILE: module_md(front=front)}
    assert [f.message for f in run_rules(tmp_path, files)] == expected


def test_a_text_yaml_reads_as_a_number_leaves_the_history_checked(tmp_path: Path) -> None:
    """`term: 0x1F` (no version) leaves the history checks of the file as they were: every
    problem at once, not one revealed after another is fixed."""
    from helpers_model import run_rules

    text = term_yaml(version=2).replace("term: survivor", "term: 0x1F")
    findings = run_rules(tmp_path, {TERM_FILE: text.replace("  - version: 2", "  - version: 1")})
    assert [f.rule for f in findings] == ["glossary.schema", "glossary.history"], findings
