"""Where the site publishes the pages it makes of terms and protocols, by source path in
docs_dir (`glossary/victim.md`): the site generates them there (`site/`), and the check
reports a page of docs_dir that sits in their place (rule `page.replaced`)."""

from __future__ import annotations

GLOSSARY_DIR = "glossary"
PROTOCOLS_DIR = "protocols"


def term_src_uri(term_id: str) -> str:
    return f"{GLOSSARY_DIR}/{term_id}.md"


def protocol_src_uri(protocol_id: str) -> str:
    return f"{PROTOCOLS_DIR}/{protocol_id}.md"
