"""What an ingest did, for the CLI, the admin endpoint and the logs."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

_LISTED = 10  # names shown per line before "…"


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason in French)
    skipped: list[str] = field(default_factory=list)  # unsupported formats
    chunks: int = 0  # passages in the store after the run
    embedded: int = 0  # passages whose vector had to be computed in this run
    seconds: float = 0.0

    def ok(self) -> bool:
        """True when every file could be read completely."""
        return not self.failed

    def summary_lines(self) -> list[str]:
        """The report in French, one line per outcome, failures with their reason."""
        lines = [_line("Ajoutés", self.added), _line("Mis à jour", self.updated),
                 _line("Inchangés", self.unchanged, names=False), _line("Supprimés", self.removed),
                 f"En échec : {len(self.failed)}"]
        lines += [f"  - {name} : {reason}" for name, reason in self.failed]
        if self.skipped:
            lines.append(_line("Ignorés (format non pris en charge)", self.skipped))
        seconds = f"{self.seconds:.1f}".replace(".", ",")
        lines.append(f"Passages indexés : {self.chunks} (dont {self.embedded} vectorisés) — {seconds} s")
        return lines

    def to_dict(self) -> dict:
        data = asdict(self)
        data["failed"] = [{"file": name, "reason": reason} for name, reason in self.failed]
        data["ok"] = self.ok()
        return data


def _line(label: str, items: list[str], names: bool = True) -> str:
    line = f"{label} : {len(items)}"
    if names and items:
        line += " — " + ", ".join(items[:_LISTED]) + (" …" if len(items) > _LISTED else "")
    return line
