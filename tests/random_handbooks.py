"""Random small handbooks, seeded: write_handbook(root, seed) -> mkdocs.yml path."""

from __future__ import annotations

import json
import random
from pathlib import Path

# A sentence's words: no form of any term, nor capitals.
_WORDS_TEXT = (
    "coalition member partner shelter hotel clinic worker volunteer night desk report "
    "training staff guest room street county office church school phone visit case team"
)
WORDS = tuple(_WORDS_TEXT.split())
PREFERRED = [
    "survivor",
    "trafficking victim",
    "sex worker",
    "labor trafficking",
    "T visa",
    "continued presence",
    "task force",
    "hotline",
    "service provider",
    "safety plan",
    "forced labor",
    "debt bondage",
    "case manager",
    "outreach worker",
    "minor",
    "runaway youth",
    "shelter bed",
    "drop-in center",
    "intake form",
    "referral",
    "legal advocate",
    "interpreter",
    "trauma response",
    "housing voucher",
    "peer mentor",
    "wellness check",
    "night shift",
    "front desk",
    "red flag",
    "community partner",
    "harm reduction",
    "victim advocate",
    "labor inspector",
    "pimp",
    "john",
]
AVOIDS = [
    "vagrant",
    "illegal alien",
    "prostitute",
    "child prostitute",
    "slave",
    "hooker",
    "runaway",
    "victim of circumstance",
    "trafficked woman",
    "street kid",
    "junkie",
    "addict",
    "illegals",
    "mail order bride",
    "human smuggling",
]
ACRONYMS = ["TIP", "MOU", "NGO", "CSEC", "DHS", "HUD", "ICE", "LEO", "ABC", "XYZ", "QRT"]
RULES = [
    "term.avoid",
    "term.deprecated",
    "term.case",
    "term.unknown-acronym",
    "privacy.pii",
    "module.structure",
    "protocol.review-overdue",
    "module.reference",
]
SEVERITIES = ["error", "warning", "info", "off"]
PII = [
    "write to jane.doe@example.org today",
    "call 555-867-5309 after six",
    "call (212) 555-0147 now",
    "the office at 123 Main Street is open",
    "the hotline 1-888-373-7888 is public",
    "text 233733 for help",
]


def _slug(text: str) -> str:
    return "-".join("".join(c for c in w.lower() if c.isalnum()) for w in text.split())


def _term_yaml(
    rng: random.Random,
    form: str,
    aliases: list[str],
    avoid: list[str],
    status: str,
    replaced_by: str | None,
    case_sensitive: bool,
) -> str:
    lines = [f"term: {form}", "version: 1"]
    if status != "approved" or rng.random() < 0.2:
        lines.append(f"status: {status}")
    if replaced_by:
        lines.append(f"replaced_by: {replaced_by}")
    if case_sensitive:
        lines.append("case_sensitive: true")
    lines.append(f"definition: A {rng.choice(WORDS)} word about {rng.choice(WORDS)} things.")
    if aliases:
        lines.append("aliases: [" + ", ".join(aliases) + "]")
    if avoid:
        lines.append("avoid:")
        for text in avoid:
            if rng.random() < 0.5:
                lines.append(f"  - text: {text}\n    reason: Stigmatising.")
            else:
                lines.append(f"  - {text}")
    lines += ["history:", "  - version: 1", "    date: 2026-01-01", "    summary: First."]
    return "\n".join(lines) + "\n"


def _sentence(rng: random.Random, forms: list[str]) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(2, 8))]
    kind = rng.random()
    if kind < 0.35 and forms:
        form = rng.choice(forms)
        if rng.random() < 0.2:
            form = form.upper() if rng.random() < 0.5 else form.lower()
        if rng.random() < 0.15:
            form += "s"
        words.insert(rng.randint(0, len(words)), form)
    elif kind < 0.45:
        words.insert(rng.randint(0, len(words)), rng.choice(ACRONYMS))
    elif kind < 0.52:
        words.insert(rng.randint(0, len(words)), rng.choice(PII))
    elif kind < 0.58:
        words.insert(rng.randint(0, len(words)), f"[{rng.choice(forms or WORDS)}](index.md)")
    elif kind < 0.62:
        words.insert(rng.randint(0, len(words)), f"`{rng.choice(forms or WORDS)}`")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _block(rng: random.Random, forms: list[str], includes: list[str]) -> str:
    kind = rng.random()
    body = " ".join(_sentence(rng, forms) for _ in range(rng.randint(1, 3)))
    if kind < 0.45:
        return body
    if kind < 0.55:
        return f"## {_sentence(rng, forms)[:-1]}"
    if kind < 0.63:
        return "\n".join(f"- {_sentence(rng, forms)}" for _ in range(rng.randint(1, 3)))
    if kind < 0.68:
        return f"!!! note\n    {body}"
    if kind < 0.72:
        return f"> {body}"
    if kind < 0.76:
        return f"```\n{body}\n```"
    if kind < 0.80:
        rule = rng.choice([*RULES[:5], ""])
        return f"<!-- handbook-disable-next-line {rule} -->\n{body}".replace("  -->", " -->")
    if kind < 0.83:
        rule = rng.choice([*RULES[:5], ""])
        comments = (f"<!-- handbook-disable {rule} -->", f"<!-- handbook-enable {rule} -->")
        return f"{comments[0]}\n\n{body}\n\n{comments[1]}".replace("  -->", " -->")
    if kind < 0.87 and includes:
        return f'--8<-- "{rng.choice(includes)}"'
    if kind < 0.90:
        return f"| a | b |\n|---|---|\n| {_sentence(rng, forms)} | {rng.choice(WORDS)} |"
    if kind < 0.93:
        return f"<!-- {body} -->"
    return f"*{body}*"


def _page(rng: random.Random, forms: list[str], includes: list[str], title: str) -> str:
    blocks = [f"# {title}"] + [_block(rng, forms, includes) for _ in range(rng.randint(1, 8))]
    front = ""
    if rng.random() < 0.15:
        front = f"---\ntitle: {title}\n---\n\n"
    return front + "\n\n".join(blocks) + "\n"


def _protocol(rng: random.Random, forms: list[str], calm: bool) -> str:
    say = (lambda: json.dumps(_sentence(rng, forms))) if calm else (lambda: _sentence(rng, forms))
    review = rng.choice(["2020-01-01", "2099-01-01"])
    lines = [
        f"title: Protocol about {rng.choice(forms or WORDS)}",
        "version: 1",
        "owner: Steering committee",
        "effective: 2026-01-01",
        f"review_by: {review}",
        "audience: [staff]",
        f"summary: {say()}",
    ]
    if calm or rng.random() < 0.85:
        lines += ["steps:", f"  - title: {say()}", f"    detail: {say()}"]
    if not calm and rng.random() < 0.2:
        lines.append("colour: blue")  # unknown field
    lines += ["contacts:", f"  - name: Desk\n    text: {say()}"]
    lines += ["history:", "  - version: 1", "    date: 2026-01-01", "    summary: First."]
    return "\n".join(lines) + "\n"


def _module(
    rng: random.Random, forms: list[str], protocols: list[str], includes: list[str], calm: bool
) -> str:
    named = rng.sample(protocols, k=min(len(protocols), rng.randint(0, 2)))
    if not calm and rng.random() < 0.2:
        named.append("no-such-protocol")
    sections = ["## Realize", "## Recognize", "## Respond"]
    roll = 1.0 if calm else rng.random()
    if roll < 0.15:
        sections.pop(rng.randrange(3))
    elif roll < 0.25:
        sections.reverse()
    body = "\n\n".join(f"{s}\n\n{_block(rng, forms, includes)}" for s in sections)
    front = [
        "---",
        f"title: Module on {rng.choice(forms or WORDS)}",
        "version: 1",
        "audience: [staff]",
        "duration: 45 minutes",
        f"objectives: [{_sentence(rng, forms)[:-1].replace(',', '')}]",
        "protocols: [" + ", ".join(named) + "]",
        "history:",
        "  - version: 1",
        "    date: 2026-01-01",
        "    summary: First.",
    ]
    if not calm and rng.random() < 0.1:
        front.insert(2, "duraton: 45 minutes")
    front.append("---")
    return "\n".join(front) + "\n\n# Module\n\n" + body + "\n"


def write_handbook(root: Path, seed: int) -> Path:
    rng = random.Random(seed)
    # Half the handbooks have no error-level finding by design, so that builds pass.
    calm = rng.random() < 0.5
    (root / "content" / "modules").mkdir(parents=True)
    (root / "glossary").mkdir()
    (root / "protocols").mkdir()
    (root / "snippets").mkdir()
    n_terms = rng.randint(5, 30)
    preferred = rng.sample(PREFERRED, k=min(n_terms, len(PREFERRED)))
    avoid_pool = list(AVOIDS)
    rng.shuffle(avoid_pool)
    ids = [_slug(p) for p in preferred]
    forms: list[str] = []
    statuses = [
        rng.choices(["approved", "proposed", "deprecated"], [0.7, 0.15, 0.15])[0] for _ in preferred
    ]
    for index, form in enumerate(preferred):
        aliases = []
        if rng.random() < 0.25:
            acronym = rng.choice(ACRONYMS[:4])
            if rng.random() < 0.5 and not (calm and acronym in forms):
                aliases.append(acronym)
            else:
                aliases.append(form + " team")
        avoid = [avoid_pool.pop()] if avoid_pool and rng.random() < 0.4 else []
        status = statuses[index]
        replaced_by = None
        if status == "deprecated":
            choices = [
                i
                for i, st in zip(ids, statuses, strict=True)
                if i != ids[index] and not (calm and st == "deprecated")
            ]
            replaced_by = rng.choice(choices + ([] if calm else ["missing-term"]))
        case_sensitive = form == "T visa" or rng.random() < 0.1
        (root / "glossary" / f"{ids[index]}.yml").write_text(
            _term_yaml(rng, form, aliases, avoid, status, replaced_by, case_sensitive),
            encoding="utf-8",
        )
        forms += [form, *aliases, *avoid]
    if not calm and rng.random() < 0.1:  # a term that does not fit
        (root / "glossary" / "broken.yml").write_text("term: broken\nversion: 0\n", "utf-8")

    protocols = [f"protocol-{i}" for i in range(rng.randint(0, 3))]
    for pid in protocols:
        (root / "protocols" / f"{pid}.yml").write_text(_protocol(rng, forms, calm), "utf-8")

    includes = []
    for i in range(rng.randint(0, 2)):
        name = f"part-{i}.md"
        (root / "snippets" / name).write_text(
            "\n\n".join(_block(rng, forms, []) for _ in range(2)) + "\n", "utf-8"
        )
        includes.append(name)

    pages = ["index.md"]
    for i in range(rng.randint(4, 39)):
        folder = rng.choice(["", "", "guides/", "drafts/", "notes/"])
        odd = rng.choice(["", "", "", "", " notes", "-caf\u00e9", "-cafe\u0301", ",v2"])
        pages.append(f"{folder}page-{i}{odd}.md")
    for page in pages:
        path = root / "content" / page
        path.parent.mkdir(parents=True, exist_ok=True)
        up = "../" * page.count("/")  # links that MkDocs finds: its own warnings stay out
        path.write_text(
            _page(rng, forms, includes, f"Page {page}").replace("](index.md)", f"]({up}index.md)"),
            "utf-8",
        )
    modules = [f"modules/module-{i}.md" for i in range(rng.randint(0, 3))]
    for module in modules:
        text = _module(rng, forms, protocols, includes, calm)
        (root / "content" / module).write_text(
            text.replace("](index.md)", "](../index.md)"), "utf-8"
        )

    rules = {}
    for rule in rng.sample(RULES, k=rng.randint(0, 4)):
        rules[rule] = rng.choice(SEVERITIES[1:] if calm else SEVERITIES)
    if calm:
        rules["privacy.pii"] = rng.choice(SEVERITIES[1:])
    config = [
        "site_name: Random handbook",
        "docs_dir: content",
        f"theme: {{name: {rng.choice(['material', 'mkdocs'])}}}",
        "markdown_extensions:",
        "  - admonition",
        "  - tables",
        "  - pymdownx.superfences",
        "  - pymdownx.snippets:",
        "      base_path: [snippets]",
    ]
    if rng.random() < 0.5:
        config.append("exclude_docs: |\n  drafts/\n  " + rng.choice(["page-1*.md", "*.tmp"]))
    if rng.random() < 0.4:
        config.append("not_in_nav: |\n  notes/")
    if rng.random() < 0.3:
        config.append("draft_docs: |\n  guides/page-*.md")
    if rng.random() < 0.3:
        # Pages that no exclude_docs pattern leaves out: MkDocs warns of a nav entry to one.
        listed = [p for p in pages if not p.startswith("drafts/") and "page-1" not in p]
        nav = rng.sample(listed, k=min(3, len(listed)))
        config.append("nav:\n" + "\n".join(f"  - {p}" for p in nav))
    config += [
        "plugins:",
        "  - search",
        "  - handbook:",
        "      glossary_dir: glossary",
        "      protocols_dir: protocols",
        "      modules_dir: modules",
        "      handouts: false",
        f"      known_acronyms: [{', '.join(rng.sample(ACRONYMS, k=rng.randint(0, 3)))}]",
        '      privacy: {allow: ["1-888-373-7888", "233733"]}',
    ]
    if rules:
        config.append("      rules:")
        config += [f"        {rule}: {severity}" for rule, severity in rules.items()]
    (root / "mkdocs.yml").write_text("\n".join(config) + "\n", "utf-8")
    return root / "mkdocs.yml"
