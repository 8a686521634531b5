"""A PDF page read through pypdf's layout extraction: prose under its headings, and tables.

Layout extraction keeps each text line where the page shows it, so table cells stay in
columns separated by runs of spaces (text tables use "|" or tabs). A table is a run of
lines with wide gaps; its columns are the gutters blank on every line where cells begin;
a row starts where the column holding most values (numbers, dates) has one, and the lines
between belong to the row above (a wrapped cell) or, before the first row, to the header.
Headings are the lines set in a larger font than the body text (from pypdf's font sizes).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ingestion.chunking import Section
from ingestion.dates import parse_date
from ingestion.tables import FoundTable
from ingestion.table_figures import YEARS_CELL, month_period, parse_cell

_WIDE_GAP = re.compile(r"\S {4,}\S")
_CELL_GAP = re.compile(r" {3,}")
_INDENTED = 12  # a line starting this far right continues a cell of a table
_BULLET = re.compile(r"^(?:[•·▪✓\-–]|o\s)")
_SENTENCE_END = re.compile(r"[.:;!?…)]$")


@dataclass
class PageContent:
    """What one page holds: prose lines (heading level, text) and tables, in reading order."""
    number: int
    lines: list[tuple[int, str]] = field(default_factory=list)  # (0 for body text, or heading level)
    tables: list[FoundTable] = field(default_factory=list)
    table_at: list[int] = field(default_factory=list)  # index in `lines` each table stands before
    starts_with_table: bool = False
    ends_with_table: bool = False


def font_runs(page) -> list[tuple[str, float]]:
    """(text, font size) of each piece of text pypdf shows on the page."""
    runs: list[tuple[str, float]] = []

    def visit(text, cm, tm, font, size) -> None:
        scale = abs(tm[3]) if tm and tm[3] else 1.0
        if text.strip():
            runs.append((_norm(text), round(size * scale, 1)))

    page.extract_text(visitor_text=visit)
    return runs


def body_size(runs: list[tuple[str, float]]) -> float:
    """The font size most of the document's text is set in."""
    weights: Counter = Counter()
    for text, size in runs:
        weights[size] += len(text)
    return weights.most_common(1)[0][0] if weights else 0.0


def read_page(page, number: int, body: float, runs: list[tuple[str, float]]) -> PageContent:
    """Prose and tables of one page (layout extraction; raises what pypdf raises).

    `runs` are the page's font runs; text larger than the document's `body` size is a heading.
    """
    text = page.extract_text(extraction_mode="layout") or ""
    headings = {t: size for t, size in runs if body and size > body * 1.15 and len(t) < 200}
    levels = {size: rank + 1 for rank, size in enumerate(sorted(set(headings.values()), reverse=True))}
    lines = text.replace("\r", "").split("\n")
    content = PageContent(number)
    i = 0
    while i < len(lines):
        end, rows = _separated(lines, i)
        if end == i:
            end = _region_end(lines, i)
            rows = _table_rows([line for line in lines[i:end] if line.strip()]) if end > i else []
        if end > i:
            if rows:
                if not content.lines and not content.tables:
                    content.starts_with_table = True
                content.tables.append(FoundTable(rows, where=f"page {number}", page=number))
                content.table_at.append(len(content.lines))
                content.ends_with_table = True
                i = end
                continue
        line = _norm(lines[i])
        if line:
            content.lines.append((levels.get(headings.get(line, 0.0), 0), line))
            content.ends_with_table = False
        i += 1
    return content


def _separated(lines: list[str], start: int) -> tuple[int, list[list[str]]]:
    """Rows whose cells are set apart by "|" or tabs, as many on each line (a text table)."""
    for separator in ("|", "\t"):
        count = lines[start].count(separator)
        end = start
        while count and end < len(lines) and lines[end].count(separator) == count:
            end += 1
        if end - start >= 2:
            rows = [[cell.strip() for cell in line.split(separator)] for line in lines[start:end]]
            if all(not r[0] for r in rows):  # "| a | b |": the borders are no cells
                rows = [r[1:] for r in rows]
            if all(not r[-1] for r in rows):
                rows = [r[:-1] for r in rows]
            rows = [r for r in rows if not all(re.fullmatch(r"[-=:+ ]*", c) for c in r)]  # "|---|---|"
            if rows and max(len(r) for r in rows) >= 2:
                return end, rows
    return start, []


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _candidate(line: str) -> bool:
    stripped = line.lstrip()
    return bool(stripped) and (bool(_WIDE_GAP.search(line)) or len(line) - len(stripped) >= _INDENTED)


def _region_end(lines: list[str], start: int) -> int:
    """End of the table region starting at `start` (== start when none starts there).

    Blank lines between rows (cells with a large padding) do not end it.
    """
    end = start
    while end < len(lines):
        if _candidate(lines[end]):
            end += 1
        elif not lines[end].strip() and end > start and end + 1 < len(lines) and _candidate(lines[end + 1]) \
                and _shape(lines[end - 1]) == _shape(lines[end + 1]):
            end += 1
        else:
            break
    multi = sum(len(_CELL_GAP.split(line.strip())) >= 2 for line in lines[start:end])
    return end if multi >= 2 else start


def _shape(line: str) -> tuple[int, int]:
    """Where a line's text starts and how many cells it holds: rows of one table share it."""
    return len(line) - len(line.lstrip()), len(_CELL_GAP.split(line.strip()))


def _columns(lines: list[str]) -> list[tuple[int, int]]:
    """Column spans between gutters: positions blank on every line, with a wide gap on some line."""
    width = max(len(line) for line in lines)
    padded = [line.ljust(width) for line in lines]
    used = [any(line[p] != " " for line in padded) for p in range(width)]
    cuts, p = [], 0
    while p < width:
        if used[p]:
            p += 1
            continue
        start = p
        while p < width and not used[p]:
            p += 1
        if start and p < width and _starts_cells(padded, start, p):
            cuts.append((start, p))
    spans, left = [], 0
    for a, b in cuts:
        spans.append((left, a))
        left = b
    spans.append((left, width))
    return spans


def _starts_cells(lines: list[str], start: int, end: int) -> bool:
    """Cells begin right after the gutter on two lines or more, each after a wide gap.

    A gap between two words of one header cell is blank on every line too, but only
    that cell begins after it.
    """
    starting = 0
    for line in lines:
        if line[end:end + 1] in ("", " "):
            continue  # no cell begins right after the gutter on this line
        left = line[:start]
        gap = len(left) - len(left.rstrip()) + (end - start)
        starting += not left.strip() or gap >= 2
    return starting >= 2


def _is_value(cell: str) -> bool:
    """A number or a date: what starts a row. Years ("2024", "2024 (2023)") head columns instead."""
    cell = cell.strip()
    if not cell or cell in "/-–" or YEARS_CELL.match(cell):
        return False
    return parse_cell(cell) is not None or parse_date(cell) is not None


def _table_rows(lines: list[str]) -> list[list[str]]:
    spans = _columns(lines)
    if len(spans) < 2:
        return []
    grid = [[line[a:b].strip() if a < len(line) else "" for a, b in spans] for line in lines]
    counts = [sum(_is_value(row[c]) for row in grid) for c in range(len(spans))]
    anchor = max(range(len(spans)), key=lambda c: (counts[c], -c))
    if counts[anchor] >= 2:
        starts = [_is_value(row[anchor]) for row in grid]
    else:
        starts = [sum(bool(c) for c in row) >= 2 for row in grid]
    rows: list[list[str]] = []
    header: list[str] | None = None
    for row, start in zip(grid, starts):
        if start:
            rows.append(row)
        elif rows:
            rows[-1] = _merge(rows[-1], row)
        else:
            header = _merge(header, row) if header else row
    if header and rows and _periods(_merge(header, rows[0])) > _periods(header):
        header = _merge(header, rows.pop(0))  # "Mars" over "24": a month written on two lines
    return ([header] if header else []) + rows


def _periods(cells: list[str]) -> int:
    return sum(bool(month_period(c)) for c in cells)


def _merge(above: list[str], below: list[str]) -> list[str]:
    """Cells continued on the next line; a word cut after a hyphen is joined back."""
    merged = []
    for a, b in zip(above, below):
        if not b:
            merged.append(a)
        elif not a:
            merged.append(b)
        else:
            merged.append(f"{a}{b}" if a.endswith("-") else f"{a} {b}")
    return merged


def _wrapped(first: str, second: str) -> bool:
    """A heading line continued on the next one (it goes on in lower case, or filled the line)."""
    return second[:1].islower() or (len(first) >= 50 and not _SENTENCE_END.search(first))


def page_sections(pages: list[PageContent]) -> list[Section]:
    """Prose in sections: a heading opens one (its path kept across pages); tables get their section."""
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    section: Section | None = None
    for page in pages:
        number = page.number
        first = page.lines[0] if page.lines else (1, "")
        # A list or a sentence going on over the page break stays in its section.
        going_on = section is not None and not first[0] and section.text.strip() and (
            _BULLET.match(first[1]) or not _SENTENCE_END.search(section.text.rstrip()))
        if not going_on:
            section = Section(path=[h for _, h in stack], page=number)
            sections.append(section)
        previous_heading = False
        for index, (level, line) in enumerate(page.lines + [(0, "")]):
            for table, at in zip(page.tables, page.table_at):
                if at == index:
                    table.section = " > ".join(h for _, h in stack)
            if not line:
                continue
            if level:
                if previous_heading and stack and stack[-1][0] == level and _wrapped(stack[-1][1], line):
                    stack[-1] = (level, f"{stack[-1][1]} {line}")  # a heading written on two lines
                else:
                    stack = [(lvl, h) for lvl, h in stack if lvl < level] + [(level, line)]
                section = Section(path=[h for _, h in stack], page=number)
                sections.append(section)
                previous_heading = True
                continue
            previous_heading = False
            body = section.text
            new_paragraph = not body or _BULLET.match(line) or _SENTENCE_END.search(body.rstrip())
            if body.endswith("-") and not new_paragraph:
                section.text = body + line
            else:
                section.text = body + ("\n\n" if new_paragraph and body else " " if body else "") + line
    return [s for s in sections if s.text.strip()]
