"""Contact details (e-mail addresses, phone numbers): found so they are never stored or shown."""
from __future__ import annotations

import re

EMAIL_RE = re.compile(r"[\w.+-]+\s?(?:@|＠|\[at\]|\(at\))\s?[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# French numbers (01 23 45 67 89, 01.23.45.67.89, +33 (0)1 23 45 67 89, 0 800 123 456) and any
# international "+" number with at least 8 digits.
_FRENCH_PHONE = r"(?:(?:\+|00)33\s?(?:\(0\)\s?)?|0)[1-9](?:[\s.\-]?\d{2}){4}|0\s?[89]\d{2}(?:[\s.\-]?\d{3}){2}"
_INTERNATIONAL_PHONE = r"\+\d[\d\s.\-()]{6,}\d"
PHONE_RE = re.compile(rf"(?<![\w+])(?:{_FRENCH_PHONE}|{_INTERNATIONAL_PHONE})(?!\d)")

EMAIL_MASK = "[e-mail masqué]"
PHONE_MASK = "[téléphone masqué]"


def _phones(text: str) -> list[re.Match]:
    return [m for m in PHONE_RE.finditer(text) if sum(c.isdigit() for c in m.group()) >= 8]


def contains_contact(text: str) -> bool:
    """True when the text holds an e-mail address or a phone number."""
    return bool(EMAIL_RE.search(text) or _phones(text))


def redact_contacts(text: str) -> str:
    """The text with every e-mail address and phone number replaced by a French mask."""
    text = EMAIL_RE.sub(EMAIL_MASK, text)
    for match in reversed(_phones(text)):
        text = text[: match.start()] + PHONE_MASK + text[match.end():]
    return text
