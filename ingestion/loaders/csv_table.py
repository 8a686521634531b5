"""CSV tables: an events table becomes Event records, any table gives one passage per row.

A table is an events table when it has a date column and a title-like column,
whatever the file is called, whichever the language of its headers and however a
spreadsheet exported it (comma or semicolon, BOM, CRLF, dates as 2025-03-13,
13/03/2025 or 13-mars-25). A bad row is reported by line number; the others load.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from assistant.reading.dates import format_date
from assistant.reading.normalize import fold
from assistant.knowledge.records import Event
from ingestion.dates import date_key, parse_date
from ingestion.documents import (DOCUMENT, EVENT, LoadedDocument, LoadError, Passage, read_text,
                                 passage_metadata, slugify, title_from_stem)

# Folded header -> field. The title comes first from a real title column; "thématique"
# names the title only when there is none (in the cluster's own table it does).
_SYNONYMS = {
    "date": ["date", "jour", "date de l evenement", "date evenement"],
    "title": ["titre", "title", "intitule", "evenement", "nom de l evenement", "name"],
    "title_fallback": ["thematique", "thematique principale", "sujet"],
    "organisation": ["organisation", "organise", "organisateur", "mode", "organisation co organisation",
                     "organisation type", "organise co organise"],
    "type_code": ["type code", "code", "code type", "wp", "type_code"],
    "type": ["type", "type d evenement", "type evenement", "categorie", "format"],
    "themes": ["themes", "theme", "thematiques", "domaines", "domaine"],
    "participants": ["participants", "presents", "presents nbre", "nb participants", "nbre participants",
                     "nombre de participants", "nb presents", "nombre de presents", "participation",
                     "nb de participants", "attendance", "attendees"],
    "participants_other": ["participants autre lecture", "autre lecture", "participants autre valeur", "autre valeur"],
    "notes": ["notes", "note", "remarques", "remarque", "commentaires", "commentaire", "observations"],
}
_HEADER_INDEX = {syn: fieldname for fieldname, syns in _SYNONYMS.items() for syn in syns}
_TYPE_WITH_CODE = re.compile(r"^\s*([A-Za-z]{1,4}\s?\d{1,2})\b[\s\-–:/]*(.*)$")
_UNKNOWN = {"", "-", "?", "nc", "n/c", "na", "n/a", "nd", "inconnu", "non renseigne"}


def load(path: Path, source: str) -> LoadedDocument:
    text, problems = read_text(path)
    rows = _rows(text)
    if not rows:
        raise LoadError("aucune ligne lisible dans le tableau")
    _, header = rows[0]
    columns = recognise_columns(header)
    doc = LoadedDocument(problems=problems)
    title = title_from_stem(path.stem)
    events = "date" in columns and "title" in columns
    for index, (line, cells) in enumerate(rows[1:], start=1):
        row = _fit(cells, len(header), line, doc.problems)
        if row is None:
            doc.passages.append(_raw_passage(cells, title, source, line))
        elif not (events and event_row(row, columns, f"{slugify(path.stem)}-{index:03d}", line,
                                         source, doc)):
            doc.passages.append(_row_passage(row, header, title, source, line))
    return doc


def _rows(text: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) for each non-empty row; the delimiter is guessed from the header."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(";,\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((reader.line_num, [cell.strip() for cell in row]))
    except csv.Error as exc:
        raise LoadError(f"tableau illisible à la ligne {reader.line_num} : {exc}") from exc
    return rows


def recognise_columns(header: list[str]) -> dict[str, int]:
    """Column position of each field the header names (date, title, type, participants...)."""
    columns: dict[str, int] = {}
    for position, name in enumerate(header):
        key = re.sub(r"[^a-z0-9]+", " ", fold(name)).strip()
        fieldname = _HEADER_INDEX.get(key)
        if fieldname and fieldname not in columns:
            columns[fieldname] = position
    fallback = columns.pop("title_fallback", None)
    if fallback is not None:
        if "title" not in columns:
            columns["title"] = fallback
        elif "themes" not in columns:
            columns["themes"] = fallback
    return columns


def _fit(row: list[str], width: int, line: int, problems: list[str]) -> list[str] | None:
    """Row of exactly `width` cells; trailing empty cells (spreadsheet export) are harmless."""
    if len(row) > width and not any(row[width:]):
        row = row[:width]
    if len(row) < width:
        row = row + [""] * (width - len(row))
    elif len(row) > width:
        problems.append(f"ligne {line} : {len(row)} champs au lieu de {width} "
                        "(séparateur ou guillemet en trop ?), ligne gardée comme texte")
        return None
    return row


def event_row(row: list[str], columns: dict[str, int], record_id: str, line: int | str, source: str,
               doc: LoadedDocument) -> bool:
    """Add the row's Event and passage; False (problem reported) when it is not a valid event."""
    cell = lambda name: row[columns[name]] if name in columns else ""  # noqa: E731
    day = parse_date(cell("date"))
    title = cell("title")
    if day is None or not title:
        reason = f"date illisible « {cell('date')} »" if day is None else "titre manquant"
        doc.problems.append(f"ligne {line} : {reason}, ligne gardée comme texte")
        return False
    participants, raw = _participants(cell("participants"))
    if raw is not None:
        doc.problems.append(f"ligne {line} : nombre de participants illisible « {raw} », laissé vide")
    other, raw = _participants(cell("participants_other"))
    if raw is not None:
        doc.problems.append(f"ligne {line} : autre lecture du nombre de participants illisible « {raw} », laissée vide")
    type_code, type_label = cell("type_code"), cell("type")
    if not type_code and (m := _TYPE_WITH_CODE.match(type_label)):
        type_code, type_label = m[1].replace(" ", "").upper(), m[2].strip()
    event = Event(id=record_id, date=day, title=title, organisation=_organisation(cell("organisation")),
                  type_code=type_code, type_label=type_label,
                  themes=[t.strip().lower() for t in re.split(r"[;,/]", cell("themes")) if t.strip()],
                  participants=participants, participants_other=other if other != participants else None,
                  notes=cell("notes"), source=source)
    doc.records.events.append(event)
    doc.passages.append(Passage(event_sentence(event), passage_metadata(
        EVENT, source, title, section=type_label, date=date_key(day), themes=event.themes,
        type=type_label, type_code=type_code, organisation=event.organisation,
        participants=participants, record_id=record_id)))
    return True


def _participants(text: str) -> tuple[int | None, str | None]:
    """(number, None), or (None, raw text) when the cell holds something that is not a count."""
    compact = re.sub(r"[\s\u00a0\u202f]", "", text)
    if fold(compact) in _UNKNOWN:
        return None, None
    if re.fullmatch(r"\d+(?:[.,]0+)?", compact):
        return int(re.split(r"[.,]", compact)[0]), None
    return None, text


def _organisation(text: str) -> str:
    folded = fold(text).strip()
    if re.match(r"co\W*organis", folded):
        return "co-organisation"
    if folded.startswith("organis") or folded in {"o", "cluster", "cluster ems"}:
        return "organisation"
    return text.strip()


def event_sentence(event: Event) -> str:
    """'Le 26 avril 2024, le cluster a organisé « FORUM EAU » (convention-salon-forum, WP4), 126 participants.'"""
    kind = ", ".join(x for x in (event.type_label, event.type_code) if x)
    what = f"« {event.title} »" + (f" ({kind})" if kind else "")
    if event.organisation == "organisation":
        sentence = f"Le {format_date(event.date)}, le cluster a organisé {what}"
    elif event.organisation == "co-organisation":
        sentence = f"Le {format_date(event.date)}, le cluster a co-organisé {what}"
    else:
        org = f", organisation : {event.organisation}" if event.organisation else ""
        sentence = f"Le {format_date(event.date)} : {what}{org}"
    if event.participants is not None:
        sentence += f", {event.participants} participants" + (
            f" (une autre ligne du bilan indique {event.participants_other})." if event.participants_other is not None else ".")
    else:
        sentence += ", nombre de participants non renseigné."
    if event.themes:
        sentence += f" Thèmes : {', '.join(event.themes)}."
    if event.notes:
        sentence += f" Remarque : {event.notes}"
    return sentence


def _row_passage(row: list[str], header: list[str], title: str, source: str, line: int) -> Passage:
    cells = " ; ".join(f"{name} : {value}" for name, value in zip(header, row) if value)
    return Passage(f"{title} — ligne {line}\n{cells}",
                   passage_metadata(DOCUMENT, source, title, section=f"ligne {line}"))


def _raw_passage(row: list[str], title: str, source: str, line: int) -> Passage:
    return Passage(f"{title} — ligne {line}\n" + " ; ".join(c for c in row if c),
                   passage_metadata(DOCUMENT, source, title, section=f"ligne {line}"))
