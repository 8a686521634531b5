"""The Assistant service: the one object the CLI, the HTTP API and the Telegram bot call."""
from __future__ import annotations

import gc
import logging
import sqlite3
import threading
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.answer import Answer, Source
from assistant.answers.engine import Context, Engine
from assistant.conversation.memory import ConversationStore, Turn
from assistant.knowledge.embeddings import default_embedder
from assistant.answers.llm import LLMPhraser
from assistant.reading.normalize import fold
from assistant.privacy import redact_contacts
from assistant.knowledge.record_merge import merge_sources
from assistant.knowledge.records import RECORDS_FILE, Event, Guide, Member, RecordSet
from assistant.agenda.reminders import Reminders
from assistant.knowledge.retrieval import Retriever
from assistant.settings import Settings, get_settings
from assistant.agenda.subscriptions import SubscriptionStore
from assistant.conversation.unanswered import UnansweredLog
from assistant.reading.understanding import Lexicon
from assistant.reading.vocabulary import WordMeaning, use_frequencies

if TYPE_CHECKING:
    from ingestion.report import IngestReport

log = logging.getLogger(__name__)




class Assistant:
    """Answers questions over the ingested base; every adapter (CLI, HTTP, Telegram) calls this."""

    def __init__(self, settings: Settings, retriever: Retriever, conversations: ConversationStore,
                 unanswered: UnansweredLog, phraser: LLMPhraser | None = None,
                 subscriptions: SubscriptionStore | None = None):
        self.settings = settings
        self.retriever = retriever
        self.conversations = conversations
        self.unanswered_log = unanswered
        self.phraser = phraser
        self.reminders = Reminders(subscriptions or SubscriptionStore.from_settings(settings), self.events,
                                   settings.allowed_chat_ids)
        self._lock = threading.Lock()
        self.reload()

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> "Assistant":
        settings = settings or get_settings()
        assistant = cls(settings, Retriever.from_settings(settings), ConversationStore.from_settings(settings),
                        UnansweredLog.from_settings(settings), LLMPhraser.from_settings(settings))
        assistant.retriever.search("cluster", k=1)  # loads the embedding model now, not on the first question
        if not gc.get_freeze_count():
            # what the first start-up loaded (libraries, tables, model) lives as long as the process: the
            # collector stops walking it, at each full collection and when the process ends (~1 s here)
            gc.freeze()
        return assistant

    def reload(self) -> None:
        """Pick up what the latest ingest wrote (records, passages)."""
        with self._lock:
            self._loaded = self._generation()
            self.retriever.reload()
            # The same event or figure from two documents is answered once, citing both.
            self.records = merge_sources(RecordSet.load(self.settings.data_dir))
            passages = [p.text for p in self.retriever.passages]
            use_frequencies(self.settings.data_dir)  # the word frequencies, read from the data dir before any use
            lexicon = Lexicon.build(self.records, passages, self._meaning)
            self.engine = Engine(self.records, self.retriever, lexicon)

    def _meaning(self, words: list[str]) -> WordMeaning:
        """The base's words embedded once (cached by word under the data dir), to read unknown ones."""
        return WordMeaning.build(words, default_embedder(), self.settings.data_dir)

    def _generation(self) -> float:
        """When the store was last written: every worker reloads after an ingest made by another."""
        path = self.settings.data_dir / RECORDS_FILE
        return path.stat().st_mtime if path.exists() else 0.0

    def _fresh(self) -> None:
        if self._generation() != self._loaded:
            log.info("store changed on disk: reloading")
            self.reload()

    # --- questions ------------------------------------------------------------------------
    def ask(self, message: str, conversation_id: str | None = None, as_of: date | None = None) -> Answer:
        message = (message or "").strip()
        if not message:
            raise ValueError("La question est vide : écrivez votre question en quelques mots.")
        if len(message) > self.settings.max_message_chars:
            raise ValueError(f"La question est trop longue ({len(message)} caractères ; "
                             f"{self.settings.max_message_chars} au maximum).")
        as_of = as_of or date.today()
        self._fresh()
        conversation_id = conversation_id or self.conversations.new_id()
        try:
            history = self.conversations.history(conversation_id)
        except sqlite3.Error:  # the memory file gone or locked: this answer reads alone, the service goes on
            log.warning("conversation memory unreadable: answering without it", exc_info=True)
            history = []
        previous = Context(**history[-1].state) if history and history[-1].state else None
        draft, context = self.engine.answer(message, as_of, previous)
        text = draft.text
        if self.phraser and not draft.abstained:
            phrased = self.phraser.phrase(message, [s.excerpt for s in draft.sources] + [text], text)
            text = phrased or text
        text = redact_contacts(text)
        unique = {s.id: s for s in reversed(draft.sources)}  # each source once, in order of first use
        sources = [replace(s, excerpt=redact_contacts(s.excerpt)) for s in draft.sources if unique.pop(s.id, None)]
        try:
            self.conversations.append(conversation_id, Turn(message, text, asdict(context)))
            if draft.abstained:
                self.unanswered_log.record(message, conversation_id, draft.reason)
        except sqlite3.Error:  # the answer is given all the same; the turn is not kept
            log.warning("conversation memory unwritable: turn not kept", exc_info=True)
        if draft.abstained:
            log.info("abstained conversation=%s reason=%s", conversation_id, draft.reason)
        return Answer(text, sources, draft.abstained, conversation_id)

    def forget(self, conversation_id: str) -> None:
        self.conversations.forget(conversation_id)

    def unanswered(self, limit: int = 100) -> list[dict]:
        return self.unanswered_log.list(limit)

    # --- browsing the base ----------------------------------------------------------------
    def search(self, q: str, k: int = 5) -> list[Source]:
        hits = self.retriever.search(q, k=k)
        return [Source(h.id, h.title or h.source, h.kind or "document", redact_contacts(_short(h.text)),
                       None, round(h.score, 4)) for h in hits]

    def events(self, date_from: date | None = None, date_to: date | None = None, theme: str | None = None,
               type: str | None = None, q: str | None = None) -> list[Event]:
        out = []
        for e in sorted(self.records.events, key=lambda e: e.date):
            if (date_from and e.date < date_from) or (date_to and e.date > date_to):
                continue
            if theme and fold(theme) not in {fold(t) for t in e.themes}:
                continue
            if type and fold(type) not in fold(f"{e.type_code} {e.type_label}"):
                continue
            if q and not all(w in fold(f"{e.title} {e.type_label} {e.notes}") for w in fold(q).split()):
                continue
            out.append(e)
        return out

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.records.events if e.id == event_id), None)

    def members(self, q: str | None = None, sector: str | None = None) -> list[Member]:
        out = []
        for m in self.records.members:
            if sector and fold(sector) not in {fold(s) for s in m.sectors}:
                continue
            if q and not all(w in fold(f"{m.name} {m.kind} {m.activity}") for w in fold(q).split()):
                continue
            out.append(m)
        return out

    def guides(self) -> list[Guide]:
        return list(self.records.guides)

    def guide(self, guide_id: str) -> Guide | None:
        return next((g for g in self.records.guides if g.id == guide_id), None)

    def health(self) -> dict:
        """"ok", or "degraded" with the reason while the vector store cannot be reached."""
        problem = self.retriever.status()
        status = {"status": "degraded" if problem else "ok", **self.records.counts(),
                  "passages": self.retriever.size}
        return {**status, "reason": f"{problem} : réponses par mots-clés uniquement"} if problem else status

    def ingest(self, paths: list[Path] | None = None, reset: bool = False) -> IngestReport:
        from ingestion.pipeline import ingest  # ingestion depends on assistant, not the reverse at import

        report = ingest(self.settings, paths, reset)
        self.reload()
        return report


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
