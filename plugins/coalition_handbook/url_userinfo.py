"""A web address with a user name or password before its host (`https://user:pw@host/`),
read as the schemas' `url` reads one (`schemas/term.schema.json`): its authority, up to
its first `/`, `?`, `#` or `\\`, holds an `@`; a browser takes the last one as its end."""

from __future__ import annotations

from .lazy_pattern import LazyPattern

# The scheme (group `scheme`) and user name or password of such an address, with its `@`;
# the authority also ends where a link's destination, a tag's value or a code span does,
# but for a pair of parentheses, which a destination keeps (`[x](https://law.gov()@evil/)`
# leads to evil: session 64).
# The `@` may be a character reference (`&#64;`, `&commat;`): Python-Markdown writes one
# into the `href` as it is, and the browser reads an `@` (review rv65f); another reference
# ends the authority here. Each character is read by one branch only, the try stops at
# the authority's end, and it is tried only where a scheme starts: linear.
USERINFO_ADDRESS = LazyPattern(
    r"(?<![\w.+-])(?P<scheme>(?i:https?|ftp))://"
    r"(?:[^\s/?#\\<>\"'`()\[\]&]|\([^\s/?#\\<>\"'`()\[\]&@]*\)|&(?!\#|commat;))*"
    r"(?:@|&\#0*64(?![0-9]);?|&\#[xX]0*40(?![0-9a-fA-F]);?|&commat;)"
)
# What an address with a user name written as a character reference holds.
AT_REFERENCES = ("&#", "&commat;")

# The user name or password (group `userinfo`) of a whole value (a source's `url`, an
# attribute's, a setting's), which nothing around it ends: up to the last `@` before the
# first `/`, `?`, `#` or `\` (a password may hold `(`, `'` or `[`), after the spaces and
# control characters a browser strips, and after the scheme's slashes as a browser reads
# them: any number (or none) for a web one (`http:user:pw@host`), two for another, or
# two alone (`//user:pw@host`, on the page's scheme).
_VALUE_USERINFO = LazyPattern(
    r"[\x00-\x20]*+"
    r"(?:(?i:https?|ftp|wss?):[/\\]*+|(?:[A-Za-z][A-Za-z0-9+.-]*+:)?[/\\]{2})"
    r"(?P<userinfo>[^/?#\\\s]*)@"
)


def without_userinfo(address: str) -> str:
    """`address` with its user name or password, if any, shown as `***`: a message repeats
    it into a CI log, which a password must not reach."""
    found = _VALUE_USERINFO.match(address)
    if found is None:
        return address
    return f"{address[: found.start('userinfo')]}***{address[found.end('userinfo') :]}"
