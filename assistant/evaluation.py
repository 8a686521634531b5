"""Scoring a question file (JSON lines: turns, expect, abstain, category, as_of) against the Assistant."""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from assistant.reading.normalize import fold


@dataclass
class CaseResult:
    id: str
    category: str
    passed: bool
    answer: str
    missing: list[list[str]] = field(default_factory=list)
    abstained: bool = False


def _present(alternatives: list[str], answer: str) -> bool:
    folded = fold(answer)
    return any(fold(a) in folded for a in alternatives)


def score_case(assistant, case: dict) -> CaseResult:
    as_of = date.fromisoformat(case["as_of"]) if case.get("as_of") else None
    conversation_id = None
    answer = None
    for turn in case["turns"]:
        answer = assistant.ask(turn, conversation_id=conversation_id, as_of=as_of)
        conversation_id = answer.conversation_id
    missing = [alts for alts in case.get("expect", []) if not _present(alts, answer.answer)]
    expected_abstain = bool(case.get("abstain"))
    passed = answer.abstained == expected_abstain and not missing
    return CaseResult(case.get("id", "?"), case.get("category", "autre"), passed, answer.answer, missing,
                      answer.abstained)


def evaluate(assistant, path: Path) -> list[CaseResult]:
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [score_case(assistant, c) for c in cases]


def by_category(results: list[CaseResult]) -> dict[str, tuple[int, int]]:
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        table[r.category][0] += r.passed
        table[r.category][1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(table.items())}
