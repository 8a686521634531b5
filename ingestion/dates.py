"""Dates as they appear in spreadsheets and documents, French or ISO (written back by assistant.dates)."""
from __future__ import annotations

import re
from datetime import date, datetime

from assistant.reading.normalize import fold

# Prefixes that identify a month, French or English, without accents ("sept", "dec", "feb").
_MONTH_PREFIXES = {
    "jan": 1, "fev": 2, "feb": 2, "mar": 3, "avr": 4, "apr": 4, "mai": 5, "may": 5,
    "juin": 6, "jun": 6, "juil": 7, "jul": 7, "aou": 8, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?$")
_WORDED = re.compile(r"^(\d{1,2})(?:er)?[\s\-./]+([a-z]+)\.?[\s\-./]+(\d{2}|\d{4})$")


def parse_date(value: object) -> date | None:
    """2025-03-13, 13/03/2025, 13/03/25, 13-mars-25, 13 mars 2025, 1er mars 2025 -> date.

    Returns None when the text is not a date (the caller reports it).
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = fold(str(value)).strip()
    try:
        if m := _ISO.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _NUMERIC.match(text):
            return date(_year(m[3]), int(m[2]), int(m[1]))
        if m := _WORDED.match(text):
            month = _month(m[2])
            return date(_year(m[3]), month, int(m[1])) if month else None
    except ValueError:  # 31/02/2024 and the like
        return None
    return None


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def _month(word: str) -> int | None:
    for prefix, month in _MONTH_PREFIXES.items():
        if word.startswith(prefix):
            return month
    return None


def date_key(day: date | None) -> int:
    """Sortable integer for metadata filters: 20240426, 0 when unknown."""
    return day.year * 10000 + day.month * 100 + day.day if day else 0
