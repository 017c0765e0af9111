"""A web address with a user name or password before its host (`https://user:pw@host/`),
read as the schemas' `url` reads one (`schemas/term.schema.json`): its authority, up to
its first `/`, `?`, `#` or `\\`, holds an `@`; a browser takes the last one as its end."""

from __future__ import annotations

from .lazy_pattern import LazyPattern

# The scheme (group `scheme`) and user name or password of such an address, with its `@`;
# the authority also ends where a link's destination, a tag's value or a code span does.
# Tried only where a scheme starts, and each try stops at the authority's end: linear.
USERINFO_ADDRESS = LazyPattern(
    r"(?<![\w.+-])(?P<scheme>(?i:https?|ftp))://[^\s/?#\\<>\"'`()\[\]]*@"
)


def without_userinfo(address: str) -> str:
    """`address` with its user name or password, if any, shown as `***`: a message repeats
    it into a CI log, which a password must not reach."""
    found = USERINFO_ADDRESS.match(address)
    if found is None:
        return address
    return f"{address[: found.end('scheme')]}://***@{address[found.end() :]}"
