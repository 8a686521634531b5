"""Documents staff drop into the corpus folder without a shell: checked, stored, listed, removed.

An upload is refused (UploadRefused, reason in French, nothing written) when its name holds
a path, its format has no loader, it is empty or too large, a file of that name exists and
replacing was not asked for, or it cannot be read at all (encrypted, scanned, corrupt). The
file is checked under a hidden temporary name, so a refused upload never reaches the corpus.

The state of each corpus file comes from the manifest (ingested, with its partial problems)
and from the failures remembered after each ingest (failed, and why).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ingestion.documents import LoadError
from ingestion.loaders import LOADERS, loader_for
from ingestion.manifest import Manifest
from ingestion.report import IngestReport

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
FAILURES_FILE = "document_failures.json"


class UploadRefused(Exception):
    """The upload cannot be accepted; `status` is the HTTP status that says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class StoredUpload:
    name: str
    path: Path
    replaced: bool
    problems: list[str] = field(default_factory=list)  # parts of the document that could not be read


@dataclass
class DocumentState:
    name: str
    size: int
    state: str  # "ingéré", "ingéré avec des problèmes", "en échec", "non ingéré", "modifié depuis l'ingestion"
    records: int = 0
    passages: int = 0
    problems: list[str] = field(default_factory=list)


def safe_name(filename: str) -> str:
    """'Bilan 2024 (v2).PDF' -> 'Bilan-2024-v2.pdf'; a name with a path or no allowed format is refused."""
    name = (filename or "").strip()
    if not name:
        raise UploadRefused(422, "Nom de fichier manquant.")
    if "/" in name or "\\" in name or name.startswith(".") or ".." in name or "\x00" in name:
        raise UploadRefused(422, f"Nom de fichier refusé « {name} » : donnez un simple nom, sans chemin "
                                 "ni point au début.")
    stem, dot, ext = name.rpartition(".")
    ext = f".{ext.lower()}" if dot else ""
    if ext not in LOADERS:
        allowed = ", ".join(sorted(LOADERS))
        raise UploadRefused(415, f"Format non pris en charge « {ext or 'sans extension'} » : formats acceptés "
                                 f"{allowed}.")
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    clean = re.sub(r"[^A-Za-z0-9_-]+", "-", ascii_stem).strip("-_")[:100]
    if not clean:
        raise UploadRefused(422, f"Nom de fichier refusé « {name} » : il faut des lettres ou des chiffres.")
    return clean + ext


def store_upload(corpus_dir: Path, filename: str, data: bytes, replace: bool = False) -> StoredUpload:
    """Check the document and write it into the corpus folder under its safe name."""
    name = safe_name(filename)
    if not data:
        raise UploadRefused(422, "Fichier vide (0 octet).")
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadRefused(413, f"Fichier trop volumineux : {MAX_UPLOAD_BYTES // (1024 * 1024)} Mio au plus.")
    corpus_dir.mkdir(parents=True, exist_ok=True)
    target = corpus_dir / name
    existed = target.exists()
    if existed and not replace:
        raise UploadRefused(409, f"Un document « {name} » existe déjà : ajoutez ?replace=true pour le remplacer.")
    fd, tmp = tempfile.mkstemp(dir=corpus_dir, prefix=".upload-", suffix=target.suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        try:
            loaded = loader_for(target)(Path(tmp), name)
        except LoadError as exc:
            raise UploadRefused(422, f"Document illisible « {name} » : {exc}") from exc
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return StoredUpload(name, target, existed, loaded.problems)


def corpus_file(corpus_dir: Path, name: str) -> Path:
    """The corpus file called `name` (a plain name, or a path relative to the corpus folder)."""
    if not name or name.startswith(("/", "\\")) or ".." in Path(name).parts or "\x00" in name:
        raise UploadRefused(422, f"Nom de document refusé « {name} ».")
    path = corpus_dir / name
    if not path.is_file():
        raise UploadRefused(404, f"Aucun document « {name} » dans le corpus.")
    return path


def remember_failures(data_dir: Path, report: IngestReport) -> None:
    """Keep why files failed in this ingest; files read again successfully are forgotten."""
    failures = _load_failures(data_dir)
    for name in report.added + report.updated + report.removed:
        failures.pop(name, None)
    manifest = Manifest.load(data_dir)
    for name, reason in report.failed:
        entry = manifest.documents.get(name)
        if entry is None or reason != " ; ".join(entry.problems):  # not a partial problem
            failures[name] = reason
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / FAILURES_FILE).write_text(json.dumps(failures, ensure_ascii=False, indent=1), encoding="utf-8")


def forget(data_dir: Path, name: str) -> None:
    failures = _load_failures(data_dir)
    if failures.pop(name, None) is not None:
        (data_dir / FAILURES_FILE).write_text(json.dumps(failures, ensure_ascii=False, indent=1),
                                              encoding="utf-8")


def list_documents(corpus_dir: Path, data_dir: Path) -> list[DocumentState]:
    """Every corpus file a loader can read, with its state in the store."""
    manifest = Manifest.load(data_dir)
    failures = _load_failures(data_dir)
    states = []
    files = sorted(p for p in corpus_dir.rglob("*") if p.is_file() and loader_for(p) is not None
                   and not any(part.startswith((".", "~$")) for part in p.relative_to(corpus_dir).parts))
    for path in files:
        name = path.relative_to(corpus_dir).as_posix()
        entry = manifest.documents.get(name)
        data = path.read_bytes()
        if name in failures:
            state = DocumentState(name, len(data), "en échec", problems=[failures[name]])
        elif entry is None:
            state = DocumentState(name, len(data), "non ingéré")
        else:
            current = hashlib.sha256(data).hexdigest() == entry.hash
            label = ("ingéré avec des problèmes" if entry.problems else "ingéré") if current \
                else "modifié depuis l'ingestion"
            state = DocumentState(name, len(data), label, entry.records, len(entry.chunk_ids),
                                  list(entry.problems))
        if entry is not None and name in failures:  # the previous version is still served
            state.records, state.passages = entry.records, len(entry.chunk_ids)
        states.append(state)
    return states


def _load_failures(data_dir: Path) -> dict[str, str]:
    path = data_dir / FAILURES_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except ValueError:
        return {}
