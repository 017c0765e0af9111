"""The last labels a web address written without its scheme may end its host with: the
generic top-level domains a coalition's partners use (`.gov`, `.org`, `.ngo`...)
and the country codes (ISO 3166-1, as the country-code domains use them, with `uk`).
A shorter list than the root zone's: words that follow a full stop that lost its space
("her.and/or", "victim.she/her") must not read as hosts, and `.help` or `.care` would
make them so. Country codes that are English words ("in/out", "to/from") still do; a
word after a lost space mostly starts with a capital, which no host here has."""

from __future__ import annotations

# Not the ones that are everyday words (`.online`, `.site`, `.app`): "child
# prostitution.online/offline" is a sentence.
GENERIC = frozenset(
    {"com", "org", "net", "gov", "edu", "int", "mil", "info", "biz", "ngo", "ong", "xyz"}
    | {"asia", "mobi", "museum", "aero"}
)

_COUNTRY_CODES = """
ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm
bn bo bq br bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy
cz de dj dk dm do dz ec ee eg eh er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh
gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it
je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc
md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl
no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb
sc sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm
tn to tr tt tv tw tz ua ug uk um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw
"""
COUNTRY_CODES = frozenset(_COUNTRY_CODES.split())

TOP_LEVEL_DOMAINS = GENERIC | COUNTRY_CODES


def is_top_level_domain(label: str) -> bool:
    """Whether `label` ends a host: a listed one, in lower case or in capitals."""
    return (label.islower() or label.isupper()) and label.lower() in TOP_LEVEL_DOMAINS
