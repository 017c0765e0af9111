"""Generate a deterministic handbook of N pages and T terms (DESIGN section 10).

    python -m benchmarks.generate OUT --pages 1000 --terms 500 [--seed 7]

The same arguments always give the same files: realistic prose that uses the terms' forms
(accepted, to avoid, plural, split over a line), with headings, lists, tables, admonitions,
content tabs, links and code blocks, in the formats of the contract.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

WORDS = [
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "to",
    "in",
    "for",
    "with",
    "on",
    "by",
    "from",
    "at",
    "as",
    "is",
    "are",
    "was",
    "be",
    "can",
    "will",
    "should",
    "may",
    "staff",
    "member",
    "hotel",
    "guest",
    "room",
    "front",
    "desk",
    "manager",
    "nurse",
    "patient",
    "clinic",
    "visit",
    "school",
    "teacher",
    "student",
    "coalition",
    "partner",
    "agency",
    "officer",
    "report",
    "call",
    "hotline",
    "shelter",
    "housing",
    "meeting",
    "training",
    "session",
    "plan",
    "safety",
    "trust",
    "support",
    "service",
    "referral",
    "follow",
    "up",
    "notes",
    "record",
    "consent",
    "privacy",
    "language",
    "signs",
    "behaviour",
    "document",
    "payment",
    "cash",
    "card",
    "travel",
    "employer",
    "worker",
    "labour",
    "wages",
    "hours",
    "debt",
    "control",
    "fear",
    "isolation",
    "identity",
    "papers",
    "phone",
    "community",
    "faith",
    "group",
    "volunteer",
    "outreach",
    "team",
    "health",
    "care",
    "provider",
    "legal",
    "advocate",
]
ADJECTIVES = [
    "labour",
    "sex",
    "child",
    "forced",
    "domestic",
    "commercial",
    "online",
    "coerced",
    "migrant",
    "youth",
    "adult",
    "community",
    "legal",
    "medical",
    "financial",
    "digital",
    "rural",
    "urban",
    "seasonal",
    "temporary",
    "informal",
]
NOUNS = [
    "trafficking",
    "exploitation",
    "worker",
    "survivor",
    "victim",
    "advocate",
    "recruiter",
    "broker",
    "visa",
    "permit",
    "shelter",
    "hotline",
    "screening",
    "indicator",
    "referral",
    "interview",
    "protocol",
    "agreement",
    "network",
    "servitude",
    "debt",
    "bondage",
    "smuggling",
    "recruitment",
    "placement",
]
LANGUAGES = ("python", "text", "yaml", "bash")


def term_forms(index: int, rng: random.Random) -> tuple[str, list[str], list[str]]:
    """(preferred, aliases, avoid) of term number `index`, unique across the handbook."""
    adjective = ADJECTIVES[index % len(ADJECTIVES)]
    noun = NOUNS[(index // len(ADJECTIVES)) % len(NOUNS)]
    round_ = index // (len(ADJECTIVES) * len(NOUNS))
    preferred = f"{adjective} {noun}" + (f" tier{round_}" if round_ else "")
    aliases = [f"T{index:04d}".replace("0", "Q")[:6]] if rng.random() < 0.3 else []
    avoid = [f"{noun} of {adjective} kind{index}"] if rng.random() < 0.4 else []
    return preferred, aliases, avoid


def term_yaml(term_id: str, preferred: str, aliases: list[str], avoid: list[str]) -> str:
    lines = [
        f"term: {preferred}",
        "version: 1",
        "definition: >",
        f"  The {preferred} as partners of the coalition use it: a shared word for the",
        "  same thing, so that a report means the same to every member.",
    ]
    if aliases:
        lines.append(f"aliases: [{', '.join(aliases)}]")
    if avoid:
        lines.append("avoid:")
        for text in avoid:
            lines.append(f"  - text: {text}")
            lines.append("    reason: Vague and stigmatising.")
    lines += ["history:", "  - version: 1", "    date: 2026-01-01", "    summary: First approved."]
    return "\n".join(lines) + "\n"


def sentence(rng: random.Random, forms: list[str]) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 18))
    if forms and rng.random() < 0.6:
        form = rng.choice(forms)
        if rng.random() < 0.2:
            form += "s"
        words.insert(rng.randrange(len(words)), form)
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, forms: list[str], indent: str = "") -> str:
    sentences = [sentence(rng, forms) for _ in range(rng.randint(2, 5))]
    lines: list[str] = []
    line = ""
    for word in " ".join(sentences).split(" "):
        if len(line) + len(word) > 78:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(indent + text for text in lines) + "\n"


def page(rng: random.Random, number: int, forms: list[str]) -> str:
    parts = [f"# Page {number}: {rng.choice(forms) if forms else 'notes'}\n"]
    for section in range(rng.randint(3, 6)):
        parts.append(f"## Section {section + 1}\n")
        for _ in range(rng.randint(1, 3)):
            parts.append(paragraph(rng, forms))
        choice = rng.random()
        if choice < 0.2:
            parts.append(f'!!! note "Remember"\n{paragraph(rng, forms, "    ")}')
        elif choice < 0.35:
            parts.append(
                f"```{rng.choice(LANGUAGES)}\nreport = load('{rng.choice(WORDS)}')\n"
                "print(report.summary())\n```\n"
            )
        elif choice < 0.5:
            items = [f"- {sentence(rng, forms)}" for _ in range(rng.randint(2, 5))]
            parts.append("\n".join(items) + "\n")
        elif choice < 0.6:
            rows = [f"| {rng.choice(WORDS)} | {sentence(rng, forms)} |" for _ in range(3)]
            parts.append("| Who | What |\n|---|---|\n" + "\n".join(rows) + "\n")
        elif choice < 0.7:
            parts.append(
                f'=== "Staff"\n\n{paragraph(rng, forms, "    ")}\n'
                f'=== "Volunteers"\n\n{paragraph(rng, forms, "    ")}'
            )
        elif choice < 0.8:
            parts.append(
                f"See [the {rng.choice(WORDS)} guide](https://example.org/{number}) "
                f"and `config.{rng.choice(WORDS)}` for details.\n"
            )
    return "\n".join(parts)


def generate(out: Path, pages: int, terms: int, seed: int = 7, plugin: bool = True) -> Path:
    """Write the handbook into `out` (created) and return its mkdocs.yml."""
    rng = random.Random(seed)
    (out / "glossary").mkdir(parents=True, exist_ok=True)
    (out / "content").mkdir(parents=True, exist_ok=True)
    forms: list[str] = []
    for index in range(terms):
        preferred, aliases, avoid = term_forms(index, rng)
        term_id = preferred.replace(" ", "-")
        (out / "glossary" / f"{term_id}.yml").write_text(
            term_yaml(term_id, preferred, aliases, avoid), encoding="utf-8"
        )
        forms += [preferred, *aliases, *avoid]
    use = forms[: max(50, len(forms) // 4)] if forms else []
    for number in range(pages):
        (out / "content" / ("index.md" if number == 0 else f"page-{number:05d}.md")).write_text(
            page(rng, number, use), encoding="utf-8"
        )
    plugins = "  - search\n" + ("  - handbook:\n      handouts: false\n" if plugin else "")
    config = out / "mkdocs.yml"
    config.write_text(
        "site_name: Benchmark handbook\ndocs_dir: content\ntheme:\n  name: material\n"
        "markdown_extensions:\n  - admonition\n  - pymdownx.superfences\n"
        "  - pymdownx.tabbed:\n      alternate_style: true\n  - tables\n"
        f"plugins:\n{plugins}",
        encoding="utf-8",
    )
    return config


def join_pages(source: Path, out: Path, by: int) -> Path:
    """The handbook generated in `source` written again into `out` (created), `by` of its
    pages to a file, in order: the same Markdown, byte for byte, the same glossary and
    mkdocs.yml, in a `by`-th as many pages. What a scan of it saves is what a scan pays
    for each page whatever its length (`benchmarks.run`). Returns its mkdocs.yml."""
    (out / "content").mkdir(parents=True, exist_ok=True)
    shutil.copytree(source / "glossary", out / "glossary", dirs_exist_ok=True)
    shutil.copyfile(source / "mkdocs.yml", out / "mkdocs.yml")
    pages = sorted((source / "content").glob("*.md"))  # index.md first, as generated
    for number, first in enumerate(range(0, len(pages), by)):
        joined = b"".join(page.read_bytes() for page in pages[first : first + by])
        name = "index.md" if number == 0 else f"page-{number:05d}.md"
        (out / "content" / name).write_bytes(joined)
    return out / "mkdocs.yml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--terms", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-plugin", action="store_true", help="mkdocs.yml without the plugin")
    arguments = parser.parse_args()
    config = generate(
        arguments.out,
        arguments.pages,
        arguments.terms,
        arguments.seed,
        plugin=not arguments.no_plugin,
    )
    print(config)


if __name__ == "__main__":
    main()
