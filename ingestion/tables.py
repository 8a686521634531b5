"""Tables found in PDF and Word documents go through the recognisers of CSV and YAML files.

- an events table (date and title columns, as csv_table recognises them) -> event records;
- a table of labelled figures (year, "2024 (2023)" or month columns, month rows) -> figure
  records with their periods, as structured.py makes them;
- anything else -> a table passage, cited with its page (PDF) or its number (Word).

A table continued on the next page (its header repeated or not) or split in two is joined
back first. A row that cannot be read is reported with its place and kept as text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.reading.normalize import fold
from ingestion.chunking import split_text
from ingestion.documents import DOCUMENT, LoadedDocument, Passage, passage_metadata, slugify
from ingestion.loaders.csv_table import event_row, recognise_columns
from ingestion.loaders.structured import figure_item
from ingestion.table_figures import YEARS_CELL, figure_items, month_period, parse_cell

_ORGANISATION_VALUE = re.compile(r"^(co\W*)?organis")


@dataclass
class FoundTable:
    rows: list[list[str]]  # header first when there is one
    section: str = ""  # heading path the table stands under
    where: str = ""  # "page 6", "tableau 3"
    page: int = 0
    continues: bool = False  # may be the rest of the table before it (next page, split table)


def has_header(rows: list[list[str]]) -> bool:
    """The first row names columns: no number in it but years, "2024 (2023)" or months."""
    first = [c.strip() for c in rows[0]] if rows else []
    if not any(first) or len(rows) < 2:
        return False
    for cell in first:
        if cell and parse_cell(cell) is not None and not YEARS_CELL.match(cell) and not month_period(cell):
            return False
    return True


def join_continued(tables: list[FoundTable]) -> list[FoundTable]:
    """A table flagged as continuing the previous one, with as many columns, is appended to it."""
    joined: list[FoundTable] = []
    for table in tables:
        previous = joined[-1] if joined else None
        if previous and table.continues and _width(table) == _width(previous):
            rows = table.rows
            if _same_row(rows[0], previous.rows[0]):
                rows = rows[1:]  # the header repeated on the new page
            elif has_header(rows) and has_header(previous.rows):
                joined.append(table)
                continue
            previous.rows = previous.rows + rows
            previous.where = _span(previous.where, table.where)
            continue
        joined.append(table)
    return joined


def read_tables(tables: list[FoundTable], title: str, source: str, stem: str, doc: LoadedDocument) -> None:
    """Add each table's records and passages to `doc` (problems too)."""
    events = 0
    for table in join_continued([t for t in tables if t.rows]):
        rows = [[_tidy(c) for c in r] for r in table.rows]
        width = _width(table)
        rows = [r + [""] * (width - len(r)) for r in rows if any(c for c in r)]
        if not rows:
            continue
        header = rows[0] if has_header(rows) else [""] * width
        body = rows[1:] if has_header(rows) else rows
        header = _name_unnamed(header, body)
        first_new = len(doc.passages)
        columns = recognise_columns(header)
        group = table.section or title
        if "date" in columns and "title" in columns:
            for n, row in enumerate(body, start=1):
                events += 1
                ok = event_row(row, columns, f"{slugify(stem)}-{events:03d}", f"{n} ({table.where})",
                               source, doc)
                if not ok:
                    events -= 1
                    doc.passages += _rows_passages([row], header, title, group, table, source)
            continue
        items = figure_items(header, body, group)
        if items:
            for item in items:
                figure_item(item, {}, source, doc)
            for passage in doc.passages[first_new:]:  # cited with the table's page
                passage.metadata["page"] = passage.metadata.get("page") or table.page
            continue
        doc.passages += _rows_passages(body, header, title, group, table, source)


def _rows_passages(rows: list[list[str]], header: list[str], title: str, section: str, table: FoundTable,
                   source: str) -> list[Passage]:
    """The rows as "header : value" lines, in passages cited with the table's place."""
    lines = [" ; ".join(f"{h} : {v}" if h else v for h, v in zip(header, row) if v) for row in rows]
    label = f"{section} ({table.where})" if table.where else section
    return [Passage(f"{title} — {label}\n{piece}", passage_metadata(
        DOCUMENT, source, title, section=label, page=table.page, type="tableau"))
        for piece in split_text("\n\n".join(lines), 1000)]


def _name_unnamed(header: list[str], body: list[list[str]]) -> list[str]:
    """A column without a header whose cells say "organisation" / "co-organisation" is that column."""
    named = list(header)
    for i, name in enumerate(header):
        if name.strip():
            continue
        cells = [fold(r[i]).strip() for r in body if i < len(r) and r[i].strip()]
        if cells and sum(bool(_ORGANISATION_VALUE.match(c)) for c in cells) >= 0.6 * len(cells):
            named[i] = "Organisation"
    return named


def _tidy(cell: str) -> str:
    """One line per cell; a word cut by a hyphen at a line end ("Créativité-\\nSourcing") kept whole."""
    text = re.sub(r"<[^>]+>", " ", cell or "")
    text = re.sub(r"-\s*\n\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def _width(table: FoundTable) -> int:
    return max((len(r) for r in table.rows), default=0)


def _same_row(a: list[str], b: list[str]) -> bool:
    return [fold(_tidy(x)) for x in a] == [fold(_tidy(x)) for x in b]


def _span(first: str, last: str) -> str:
    """'page 6' + 'page 7' -> 'pages 6-7'; 'tableau 4' + 'tableau 5' -> 'tableaux 4-5'."""
    a, b = re.search(r"(\d+)(?:-(\d+))?$", first), re.search(r"(\d+)$", last)
    if not a or not b or first.split()[0].rstrip("sx") != last.split()[0].rstrip("sx"):
        return first
    word = first.split()[0]
    plural = word if word.endswith(("s", "x")) else (word + "x" if word.endswith("u") else word + "s")
    return f"{plural} {a[1]}-{b[1]}"
