"""Tables of labelled figures found in documents, turned into the figure items of structured.py.

A column's header tells which period its numbers belong to:
- a year ("2024", "2023 Fréquence des thématiques") -> that year;
- a pair "2024 (2023)" -> cells "4354 (3643)" give both years, "(3)" only the second;
- a month ("Sept 23", "Juin 2024") -> that month;
- "%" / "Pourcentage" after a year column -> the share for that year;
- anything else with numbers -> a measure of its own (timeless, or at the month/year of the row label).
A row label ("Contacts", "Juin 2024") names the metric or, when it is a month, the period.
Cells "3564 (67,44%)" give the number and its share; "(+60)" is a change, kept apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.reading.normalize import fold

_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+"
_PLAIN = re.compile(rf"^({_NUMBER})(?:[.,](\d+))?\s*(%?)$")
_WITH_PAREN = re.compile(rf"^({_NUMBER}(?:[.,]\d+)?)\s*(%?)\s*\(\s*({_NUMBER}(?:[.,]\d+)?)\s*(%?)\s*\)$")
_ONLY_PAREN = re.compile(rf"^\(\s*({_NUMBER}(?:[.,]\d+)?)\s*\)$")
_CHANGE = re.compile(rf"^\(?\s*([+\-−])\s*({_NUMBER}(?:[.,]\d+)?)\s*\)?$")
_MISSING = {"", "/", "-", "–", "nc", "nd", "n/a", "?"}
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
# A cell naming years rather than holding a number: "2024", "(2023)", "2024 (2023)".
YEARS_CELL = re.compile(r"^\(?(?:19|20)\d{2}\)?(?:\s*\(\s*(?:19|20)\d{2}\s*\))?$")
_PAIR = re.compile(r"\b((?:19|20)\d{2})\s*\(\s*((?:19|20)\d{2})\s*\)")
_SHORT_YEAR = r"(?:'|’)?(\d{2}|\d{4})"
_MONTHS = {"jan": 1, "fev": 2, "feb": 2, "mars": 3, "mar": 3, "avr": 4, "apr": 4, "mai": 5, "may": 5,
           "juin": 6, "jun": 6, "juil": 7, "jul": 7, "aou": 8, "aug": 8, "sep": 9, "oct": 10, "nov": 11,
           "dec": 12}
_MONTH = re.compile(r"^([a-z]+)\.?\s+" + _SHORT_YEAR + "$")
_SHARE_HEADER = re.compile(r"^(%|pourcentage|part|taux|proportion)\b")


def month_period(text: str) -> str:
    """'Sept 23' -> '2023-09', 'Juin 2024' -> '2024-06', '' when the text is not a month."""
    m = _MONTH.match(fold(text).strip())
    if not m:
        return ""
    month = next((n for prefix, n in _MONTHS.items() if m[1].startswith(prefix)), 0)
    if not month or len(m[1]) > 9:
        return ""
    year = int(m[2]) + (2000 if len(m[2]) == 2 else 0)
    return f"{year}-{month:02d}"


def _number(text: str) -> float:
    return float(re.sub(r"[ \u00a0\u202f]", "", text).replace(",", "."))


@dataclass
class Cell:
    """What one cell says: a main value, a value in brackets, a change; each may be absent."""
    value: float | None = None
    percent: bool = False
    second: float | None = None
    second_percent: bool = False
    change: float | None = None


def parse_cell(text: str) -> Cell | None:
    """None when the cell is not a number at all (a label, a remark)."""
    t = text.strip().replace("\u2212", "-")
    if fold(t) in _MISSING:
        return Cell()
    if m := _PLAIN.match(t):
        return Cell(_number(m[1] + (f".{m[2]}" if m[2] else "")), bool(m[3]))
    if m := _WITH_PAREN.match(t):
        return Cell(_number(m[1]), bool(m[2]), _number(m[3]), bool(m[4]))
    if m := _ONLY_PAREN.match(t):
        return Cell(second=_number(m[1]))
    if m := _CHANGE.match(t):
        sign = -1 if m[1] in "-−" else 1
        return Cell(change=sign * _number(m[2]))
    return None


@dataclass
class _Column:
    kind: str  # "year", "pair", "month", "share", "measure", "label", "text"
    header: str
    periods: tuple[str, ...] = ()


def _classify(header: list[str], rows: list[list[str]]) -> list[_Column]:
    columns: list[_Column] = []
    for i, name in enumerate(header):
        cells = [r[i] for r in rows if i < len(r) and r[i].strip()]
        numeric = sum(parse_cell(c) is not None for c in cells)
        folded = fold(name).strip()
        if pair := _PAIR.search(name):
            columns.append(_Column("pair", name, (pair[1], pair[2])))
        elif period := month_period(name):
            columns.append(_Column("month", name, (period,)))
        elif (years := _YEAR.findall(name)) and len(set(years)) == 1 and len(folded) < 60:
            columns.append(_Column("year", name, (years[0],)))
        elif _SHARE_HEADER.match(folded) and columns and columns[-1].kind == "year":
            columns.append(_Column("share", name, columns[-1].periods))
        elif cells and numeric >= max(1, len(cells) * 0.6):
            columns.append(_Column("measure", name))
        else:
            columns.append(_Column("text", name))
    values = [i for i, c in enumerate(columns) if c.kind != "text"]
    if values:  # the label: the last text column before the first number column
        label = next((i for i in range(values[0] - 1, -1, -1) if columns[i].kind == "text"
                      and any(i < len(r) and r[i].strip() for r in rows)), None)
        if label is not None:
            columns[label].kind = "label"
    return columns


def figure_items(header: list[str], rows: list[list[str]], group: str) -> list[dict]:
    """Items {metric, values, unit, group, note} for structured.py; [] when this is no figure table."""
    group = _clean_label(group)
    columns = _classify(header, rows)
    if not any(c.kind in ("year", "pair", "month", "share", "measure") for c in columns):
        return []
    label_at = next((i for i, c in enumerate(columns) if c.kind == "label"), None)
    measures = [i for i, c in enumerate(columns) if c.kind == "measure"]
    items: dict[tuple[str, str], dict] = {}

    def put(metric: str, period: str, value: float | None, unit: str, note: str) -> None:
        if value is None or not metric:
            return
        item = items.setdefault((metric, unit), {"metric": metric, "values": {}, "unit": unit,
                                                 "group": group, "note": note})
        item["values"].setdefault(period, value)

    for row in rows:
        row = row + [""] * (len(columns) - len(row))
        label = _clean_label(row[label_at]) if label_at is not None else ""
        row_period = month_period(label) or (_YEAR.fullmatch(label.strip())[1] if _YEAR.fullmatch(
            label.strip()) else "")
        note = " ".join(row[i].strip() for i, c in enumerate(columns) if c.kind == "text" and row[i].strip())
        note = re.sub(r"<[^>]+>", " ", note)
        note = re.sub(r"\s+", " ", note).strip()
        base = group if not label or row_period else label
        for i, column in enumerate(columns):
            cell = parse_cell(row[i]) if column.kind not in ("text", "label") else None
            if cell is None:
                continue
            unit = "%" if cell.percent or _SHARE_HEADER.match(fold(column.header).strip()) else ""
            if column.kind == "pair":
                put(base, column.periods[0], cell.value, unit, note)
                put(base, column.periods[1], cell.second, "%" if cell.second_percent else unit, note)
                continue
            if column.kind == "measure":
                metric = _header_label(column.header) if row_period or not label else (
                    label if i == measures[0] else f"{label} ({_header_label(column.header)})")
                period = row_period
            else:
                metric = base if column.kind != "share" else f"{base} ({_header_label(column.header)})"
                period = column.periods[0]
            put(metric, period, cell.value, unit, note)
            if cell.second is not None:  # "3564 (67,44%)": the share of the main number
                put(f"{metric} (part)" if cell.second_percent else f"{metric} (entre parenthèses)", period,
                    cell.second, "%" if cell.second_percent else "", note)
            if cell.change is not None:
                put(f"{metric} (variation)", period, cell.change, "", note)
    return [i for i in items.values() if i["values"]]


def _clean_label(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip(" :")


def _header_label(text: str) -> str:
    label = _clean_label(text)
    return label or "valeur"
