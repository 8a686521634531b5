"""Request and response models of the HTTP API (their descriptions and examples feed /docs)."""
from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_iso_date(value: object) -> date | None:
    """Accept only a real calendar date written YYYY-MM-DD (or null); French error otherwise."""
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str) and ISO_DATE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError("date_format", "doit être une date au format AAAA-MM-JJ (par exemple 2024-06-01)")


class ChatRequest(BaseModel):
    """A user's message, optionally continuing a conversation."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"message": "Combien de participants au Forum Eau ?", "conversation_id": None, "as_of": None},
                {"message": "Quels sont les prochains ateliers ?", "conversation_id": None, "as_of": "2024-06-01"},
            ]
        },
    )

    message: str = Field(description="La question, en français (2 000 caractères au plus).")
    conversation_id: str | None = Field(
        None,
        max_length=128,
        description="Identifiant renvoyé par un appel précédent, pour poursuivre la même conversation.",
    )
    as_of: date | None = Field(
        None,
        description="Date du jour à utiliser pour les questions relatives (« les prochains ateliers »), "
        "au format AAAA-MM-JJ. Par défaut : la date réelle.",
    )

    @field_validator("as_of", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> date | None:
        return parse_iso_date(value)


class SourceOut(BaseModel):
    """A record or passage of the knowledge base that supports an answer."""

    id: str = Field(description="Identifiant de l'enregistrement ou du passage.")
    title: str = Field(description="Titre lisible de la source.")
    kind: str = Field(description="Nature : event, member, figure, guide, document, page…")
    excerpt: str = Field(description="Extrait qui appuie la réponse.")
    date: str | None = Field(None, description="Date ISO de la source, si elle en a une.")
    score: float = Field(0.0, description="Pertinence relative (plus haut = plus pertinent).")


class ChatResponse(BaseModel):
    """The assistant's answer and the sources it rests on."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "answer": "Le Forum Eau du 26 avril 2024 a réuni 126 participants.",
                    "conversation_id": "3f2b9c0e8d7a4e1f",
                    "abstained": False,
                    "sources": [
                        {
                            "id": "event:2024-04-26-forum-eau",
                            "title": "FORUM EAU",
                            "kind": "event",
                            "excerpt": "26/04/2024 · Organisation · WP4 Convention-Salon-forum · 126 participants",
                            "date": "2024-04-26",
                            "score": 1.0,
                        }
                    ],
                }
            ]
        }
    )

    answer: str = Field(description="La réponse, en français.")
    conversation_id: str = Field(description="À renvoyer dans l'appel suivant pour poursuivre la conversation.")
    abstained: bool = Field(description="Vrai quand la base ne contient pas l'information demandée.")
    sources: list[SourceOut] = Field(description="Les sources citées, la plus pertinente d'abord.")


class GuideSummary(BaseModel):
    """A guide-formation without its full text (the list view)."""

    id: str
    title: str
    format: str = ""
    audience: str = ""
    themes: list[str] = []
    dis: list[str] = []
    summary: str = ""


class IngestRequest(BaseModel):
    """Options of a re-ingestion of the corpus."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"reset": False}]})

    reset: bool = Field(
        False, description="Vider le stockage et tout réindexer (sinon : seuls les fichiers modifiés)."
    )


class IngestReportOut(BaseModel):
    """What an ingestion did, file by file."""

    ok: bool = Field(description="Vrai quand aucun fichier n'a échoué.")
    added: list[str]
    updated: list[str]
    unchanged: list[str]
    removed: list[str]
    failed: list[tuple[str, str]] = Field(description="Couples (fichier, raison de l'échec).")
    chunks: int = Field(description="Nombre de passages indexés.")
    seconds: float


class DocumentIngestOut(IngestReportOut):
    """A document dropped into the corpus, and what its ingestion did."""

    document: str = Field(description="Nom sous lequel le document est rangé dans le corpus.")
    replaced: bool = Field(description="Vrai quand un document de ce nom a été remplacé.")
    problems: list[str] = Field(description="Parties du document illisibles (le reste est gardé).")


class DocumentStateOut(BaseModel):
    """A corpus file and its state in the base."""

    name: str = Field(description="Chemin du fichier dans le corpus.")
    size: int = Field(description="Taille en octets.")
    state: str = Field(description="ingéré, ingéré avec des problèmes, en échec, non ingéré, "
                                   "ou modifié depuis l'ingestion.")
    records: int = Field(description="Fiches (événements, chiffres, membres, guides) tirées du document.")
    passages: int = Field(description="Passages indexés.")
    problems: list[str] = Field(description="Pourquoi il a échoué, ou ce qui n'a pu être lu.")


class ErrorOut(BaseModel):
    """Every error: a sentence in French."""

    detail: str = Field(description="Ce qui ne va pas, en français.")


class FieldErrorOut(BaseModel):
    field: str = Field(description="Le champ ou paramètre en cause (vide : le corps entier).")
    message: str


class ValidationErrorOut(ErrorOut):
    """A request that does not validate: the first problem in `detail`, all of them in `errors`."""

    errors: list[FieldErrorOut] = Field(
        [], description="Un élément par champ invalide (vide si l'assistant refuse le message lui-même)."
    )


VALIDATION_RESPONSES: dict[int | str, dict] = {
    422: {"model": ValidationErrorOut, "description": "Saisie invalide : message d'erreur en français."}
}
