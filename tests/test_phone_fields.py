"""A protocol contact's `tel:`/`sms:` link for each field of tests/phone_fields.tsv: real-shaped
fields from 12 countries and the shapes reviews found dialling a wrong number. A night
manager who taps a contact's number must reach the line the field names, or, where the
field leaves it in doubt, get no link: the text stays printed and can be typed."""

from __future__ import annotations

from pathlib import Path

from coalition_handbook.site.phone_links import dialable, phone_href

FIELDS = Path(__file__).with_name("phone_fields.tsv")


def _rows() -> list[tuple[str, tuple[str, ...]]]:
    """(field, the links each right for it) for each field of the table, as written and
    with its spaces as no-break spaces, as a word processor pastes them."""
    rows = []
    for line in FIELDS.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        field, expected = line.split("\t")
        rows.append((field, tuple(expected.split("|"))))
        if " " in field:
            rows.append((field.replace(" ", "\u00a0"), tuple(expected.split("|"))))
    return rows


def _links(field: str) -> tuple[str, str]:
    """The field's `tel:` and `sms:` links, `-` for none."""
    if not dialable(field):
        return "-", "-"
    return str(phone_href(field)), str(phone_href(field, "sms"))


def test_each_field_of_the_table_links_the_line_it_names() -> None:
    """Each field dials one of its expected links, and its `sms:` link texts the same
    number, without the extension a text cannot reach."""
    rows = _rows()
    assert len(rows) >= 740  # the 370 fields of 12 countries, each with no-break spaces
    wrong = []
    for field, expected in rows:
        tel, sms = _links(field)
        texted = "-" if tel == "-" else tel.replace("tel:", "sms:", 1).split(";")[0]
        if tel not in expected or sms != texted:
            wrong.append((field, tel, sms, expected))
    assert wrong == []
