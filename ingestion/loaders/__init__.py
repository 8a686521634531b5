"""One loader per format, chosen by file extension: `load(path, source) -> LoadedDocument`."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from ingestion.documents import LoadedDocument
from ingestion.loaders import csv_table, markdown, pdf, structured, word

Loader = Callable[[Path, str], LoadedDocument]

LOADERS: dict[str, Loader] = {
    ".md": markdown.load,
    ".markdown": markdown.load,
    ".txt": markdown.load,
    ".csv": csv_table.load,
    ".yaml": structured.load,
    ".yml": structured.load,
    ".json": structured.load,
    ".pdf": pdf.load,
    ".docx": word.load,
}


def loader_for(path: Path) -> Loader | None:
    """The loader for this file, or None when its format is not supported."""
    return LOADERS.get(path.suffix.lower())
