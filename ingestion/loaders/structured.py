"""YAML / JSON: members and key figures recognised by their keys, anything else as text.

- a list of items with `name` and `activity` or `kind` -> Member records (under any
  top-level key, e.g. `members:`, or as a bare list);
- a list of items with `metric` and `values` (period -> number) -> one Figure per period
  (under `figures:` or any key), and one passage per item;
- other content -> passages of "key : value" lines, so it is still searchable.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from assistant.reading.dates import format_date
from assistant.knowledge.records import Figure, Member
from ingestion.chunking import Section, chunk_sections
from ingestion.dates import date_key, parse_date
from ingestion.documents import (DOCUMENT, FIGURE, MEMBER, LoadedDocument, LoadError, Passage,
                                 read_text, passage_metadata, slugify,
                                 title_from_stem)


def load(path: Path, source: str) -> LoadedDocument:
    text, problems = read_text(path)
    data = _parse(text, path.suffix.lower() == ".json")
    if data is None:
        raise LoadError("fichier vide")
    doc = LoadedDocument(problems=problems)
    defaults = data if isinstance(data, dict) else {}
    title = str(defaults.get("title") or title_from_stem(path.stem))
    rest: dict[str, Any] = {}
    for key, value in (data.items() if isinstance(data, dict) else [("", data)]):
        items = value if isinstance(value, list) else None
        if _all_have(items, "metric") and any("values" in i for i in items):
            for item in items:
                figure_item(item, defaults, source, doc)
        elif _all_have(items, "name") and any("activity" in i or "kind" in i for i in items):
            for item in items:
                _member_item(item, source, doc)
        elif key not in ("title", "group", "source", "unit"):
            rest[key] = value
    if rest:
        sections = [Section(path=[str(k)] if k else [], text=_as_text(v)) for k, v in rest.items()]
        for chunk in chunk_sections(title, sections):
            doc.passages.append(Passage(chunk.text, passage_metadata(
                DOCUMENT, source, title, section=chunk.section)))
    if not doc.passages:
        raise LoadError("aucun contenu exploitable")
    return doc


def _all_have(items: list | None, key: str) -> bool:
    return bool(items) and all(isinstance(i, dict) and key in i for i in items)


def _parse(text: str, is_json: bool) -> Any:
    try:
        return json.loads(text) if is_json else yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise LoadError(f"JSON invalide : ligne {exc.lineno}, colonne {exc.colno} : {exc.msg}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"ligne {mark.line + 1}, colonne {mark.column + 1} : " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise LoadError(f"YAML invalide : {where}{problem}") from exc


def _member_item(item: dict, source: str, doc: LoadedDocument) -> None:
    name = str(item.get("name") or "").strip()
    if not name:
        doc.problems.append("membre sans nom ignoré")
        return
    validated_on = parse_date(item["validated_on"]) if item.get("validated_on") else None
    if item.get("validated_on") and validated_on is None:
        doc.problems.append(f"{name} : date de validation illisible « {item['validated_on']} »")
    member = Member(id=slugify(name), name=name, kind=_text(item.get("kind")),
                    activity=_text(item.get("activity")), sectors=_list(item.get("sectors")),
                    validated_by=_text(item.get("validated_by")), validated_on=validated_on,
                    notes=_text(item.get("notes")), source=source)
    doc.records.members.append(member)
    lines = [f"{member.name} — membre du Cluster Eau-Milieux-Sols" +
             (f" ({member.kind})" if member.kind else "")]
    if member.activity:
        lines.append(f"Activité : {member.activity}")
    if member.sectors:
        lines.append(f"Secteurs : {', '.join(member.sectors)}")
    if member.validated_by or validated_on:
        when = format_date(validated_on) if validated_on else ""
        by = member.validated_by if when in member.validated_by else " ".join(
            x for x in (member.validated_by, f"le {when}" if when else "") if x)
        lines.append(f"Adhésion validée : {by}")
    if member.notes:
        lines.append(member.notes)
    doc.passages.append(Passage("\n".join(lines), passage_metadata(
        MEMBER, source, name, date=date_key(validated_on), themes=member.sectors, type=member.kind,
        record_id=member.id)))


def figure_item(item: dict, defaults: dict, source: str, doc: LoadedDocument) -> None:
    """One Figure per period of a {metric, values, unit, group, note} item, and its passage."""
    metric = _text(item.get("metric"))
    values = item.get("values")
    if not metric or not isinstance(values, dict):
        doc.problems.append(f"chiffre ignoré (libellé ou valeurs manquants) : {metric or item}")
        return
    unit = _text(item.get("unit", defaults.get("unit")))
    group = _text(item.get("group", defaults.get("group")))
    aliases = _list(item.get("aliases"))
    note = _text(item.get("note"))
    shown = []
    for period, value in values.items():
        number = _number(value)
        period = _period(period)
        if number is None:
            if value not in (None, ""):
                doc.problems.append(f"{metric} ({period or 'sans période'}) : valeur illisible « {value} »")
            continue
        doc.records.figures.append(Figure(
            id=slugify(f"{group}-{metric}-{period}" if group else f"{metric}-{period}"),
            metric=metric, period=period, value=number, unit=unit, group=group, note=note,
            source=source, aliases=aliases))
        shown.append(f"{period} : {format_number(number)}{_unit_suffix(unit)}" if period
                     else f"{format_number(number)}{_unit_suffix(unit)}")
    if not shown:
        return
    named = f"{metric} ({', '.join(aliases)})" if aliases else metric  # the report's other names, no label
    text = (f"{group} — {named}" if group else named) + " : " + " ; ".join(shown) + "."
    if note:
        text += f"\n{note}"
    doc.passages.append(Passage(text, passage_metadata(
        FIGURE, source, metric, section=group, type=group, unit=unit or None,
        record_id=doc.records.figures[-1].id)))


def _period(key: Any) -> str:
    if key is None:
        return ""
    if hasattr(key, "isoformat"):
        return key.isoformat()
    return str(key).strip()


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = re.sub(r"[\s\u00a0\u202f%€]", "", str(value or "")).replace(",", ".")
    try:
        return float(text) if text else None
    except ValueError:
        return None


def format_number(value: float) -> str:
    """200.0 -> '200'; 67.44 -> '67,44' (French decimal comma, no thousands separator)."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}".replace(".", ",")


def _unit_suffix(unit: str) -> str:
    if not unit:
        return ""
    return f" {unit}" if unit in ("%", "€") or unit[0].isalpha() else unit


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else re.split(r"[;,]", str(value))
    return [str(v).strip() for v in items if str(v).strip()]


def _as_text(value: Any, indent: str = "") -> str:
    """Nested YAML as readable 'key : value' lines."""
    if isinstance(value, dict):
        return "\n".join(f"{indent}{k} :\n{_as_text(v, indent + '  ')}"
                         if isinstance(v, (dict, list)) else f"{indent}{k} : {v}"
                         for k, v in value.items())
    if isinstance(value, list):
        return "\n".join(f"{indent}- {_as_text(v, indent + '  ').strip()}" for v in value)
    return f"{indent}{value}"
