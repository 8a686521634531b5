"""Markdown (and plain text): front matter, heading-aware chunks; guides become Guide records.

Sections come from llama-index's MarkdownNodeParser (one node per heading), then the
SentenceSplitter of ingestion/chunking.py sizes them.

A file whose front matter says `type: guide-formation` is a guide: it gives a Guide
record and a "fiche" passage (format, audience, themes, DIS, summary) before its
sections. Any other Markdown gives passages only.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from llama_index.core.node_parser import MarkdownNodeParser
from llama_index.core.schema import Document

from assistant.knowledge.records import Guide, RecordSet
from ingestion.chunking import Section, chunk_sections
from ingestion.documents import (GUIDE, PAGE, LoadedDocument, Passage, read_text,
                                 passage_metadata, title_from_stem)

GUIDE_TYPE = "guide-formation"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_PATH_SEPARATOR = "\x1f"  # between heading names in a node's header_path ("/" may occur in a heading)
_MARKDOWN = MarkdownNodeParser(header_path_separator=_PATH_SEPARATOR, include_prev_next_rel=False)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w))")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def load(path: Path, source: str) -> LoadedDocument:
    text, problems = read_text(path)
    front, body = _split_front_matter(text, problems)
    sections, first_h1 = _sections(body)
    title = str(front.get("title") or first_h1 or title_from_stem(path.stem)).strip()
    themes = _as_list(front.get("themes"))
    is_guide = str(front.get("type", "")).strip().lower() == GUIDE_TYPE
    kind = GUIDE if is_guide else PAGE
    doc = LoadedDocument(problems=problems)
    if is_guide:
        guide = _guide(path, source, title, front, body)
        doc.records = RecordSet(guides=[guide])
        doc.passages.append(Passage(_guide_card(guide), passage_metadata(
            GUIDE, source, title, section="Fiche", themes=themes, type=GUIDE_TYPE,
            record_id=guide.id)))
    for chunk in chunk_sections(title, sections):
        doc.passages.append(Passage(chunk.text, passage_metadata(
            kind, source, title, section=chunk.section, themes=themes,
            type=GUIDE_TYPE if is_guide else str(front.get("type", "")),
            record_id=doc.records.guides[0].id if is_guide else None)))
    return doc


def _split_front_matter(text: str, problems: list[str]) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        front = yaml.safe_load(match[1]) or {}
    except yaml.YAMLError as exc:
        problems.append(f"en-tête YAML invalide ({_yaml_reason(exc)}) : lu comme du texte")
        return {}, text
    if not isinstance(front, dict):
        problems.append("en-tête YAML ignoré : ce n'est pas une liste de clés")
        return {}, text[match.end():]
    return front, text[match.end():]


def _yaml_reason(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    where = f"ligne {mark.line + 1}, colonne {mark.column + 1}" if mark else ""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return f"{where} : {problem}" if where else problem


def _sections(body: str) -> tuple[list[Section], str]:
    """Split at headings with llama-index's MarkdownNodeParser (code fences respected);
    returns the sections, each with its heading path, and the first H1."""
    sections: list[Section] = []
    first_h1, h1_count = "", 0
    for node in _MARKDOWN.get_nodes_from_documents([Document(text=_COMMENT.sub("", body))]):
        text = node.get_content()
        parents = [clean_inline(h) for h in node.metadata.get("header_path", "").split(_PATH_SEPARATOR) if h]
        first, _, rest = text.partition("\n")
        heading = _HEADING.match(first)
        if not heading:  # the text before the first heading
            sections.append(Section(path=parents, text=clean_inline(text) + "\n"))
            continue
        name = clean_inline(heading[2])
        if len(heading[1]) == 1:
            h1_count += 1
            first_h1 = first_h1 or name
        sections.append(Section(path=parents + [name], text=clean_inline(rest) + "\n"))
    for section in sections:
        if h1_count == 1 and section.path[:1] == [first_h1]:
            section.path = section.path[1:]  # the one H1 is the document's title, not a section
    return sections, first_h1


def clean_inline(text: str) -> str:
    """Drop Markdown markup a reader does not need: emphasis, link targets, images."""
    return _EMPHASIS.sub("", _LINK.sub(r"\1", text)).strip()


def _as_list(value) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else re.split(r"[;,]", str(value))
    return [str(v).strip() for v in items if str(v).strip()]


def _guide(path: Path, source: str, title: str, front: dict, body: str) -> Guide:
    fmt = ", ".join(_as_text(front.get(k)) for k in ("format", "duration") if front.get(k))
    return Guide(id=path.stem, title=title, format=fmt, audience=_as_text(front.get("audience")),
                 themes=_as_list(front.get("themes")), dis=_as_list(front.get("dis")),
                 summary=_as_text(front.get("summary")), body=body.strip(), source=source)


def _as_text(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(v).strip() for v in value)
    return "" if value is None else str(value).strip()


def _guide_card(guide: Guide) -> str:
    lines = [f"{guide.title} — guide-formation du Cluster Eau-Milieux-Sols"]
    lines += [f"{label} : {value}" for label, value in guide.facts()]
    if guide.summary:
        lines.append(guide.summary)
    return "\n".join(lines)
