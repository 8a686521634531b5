"""`ems`: the command line — ingest, ask, chat, serve, bot, remind, eval. A thin layer over the Assistant."""
from __future__ import annotations

import json
import logging
import os
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

app = typer.Typer(help="Assistant du Cluster Eau-Milieux-Sols : base de connaissances, questions, API, bot.",
                  no_args_is_help=True, add_completion=False)
console = Console(soft_wrap=True)
err = Console(stderr=True)


def _settings():
    from assistant.settings import get_settings

    return get_settings()


def _as_of(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter("date attendue au format AAAA-MM-JJ, par exemple 2024-09-09") from None


def _run_ingest(paths: list[Path] | None, reset: bool) -> "IngestReport":  # noqa: F821
    from ingestion.corpus_files import remember_failures
    from assistant.knowledge.store import StoreUnavailable
    from ingestion.pipeline import ingest

    settings = _settings()
    with Progress(TextColumn("[bold]Ingestion[/]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=err, transient=True) as bar:
        task = bar.add_task("", total=None)

        def progress(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=name)

        try:
            report = ingest(settings, paths or None, reset, progress)
        except StoreUnavailable as exc:
            err.print(f"[red]Ingestion impossible, la base précédente est conservée :[/] {escape(str(exc))}")
            raise typer.Exit(2) from None
    remember_failures(settings.data_dir, report)  # shown by GET /admin/documents
    for line in report.summary_lines():
        console.print(line)
    return report


@app.command()
def ingest(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Fichiers ou dossiers (défaut : EMS_CORPUS_DIR)")] = None,
    reset: Annotated[bool, typer.Option("--reset", help="Reconstruire la base depuis zéro")] = False,
) -> None:
    """Ingère le corpus (ou les fichiers donnés) ; code 1 si un fichier a échoué, 2 si Chroma est injoignable."""
    report = _run_ingest(paths, reset)
    raise typer.Exit(0 if report.ok() else 1)


def _assistant():
    from assistant.service import Assistant

    settings = _settings()
    if not (settings.data_dir / "records.json").exists():
        err.print("Base vide : ingestion du corpus…")
        _run_ingest(None, False)
    return Assistant.from_settings(settings)


def _print_answer(answer, as_json: bool) -> None:
    if as_json:
        console.print_json(json.dumps(answer.to_dict(), ensure_ascii=False))
        return
    console.print(answer.answer, highlight=False)
    if answer.sources:
        console.print("[dim]Sources :[/]")
        for s in answer.sources[:6]:
            when = f" ({s.date})" if s.date else ""
            console.print(f"[dim]  - {escape(f'[{s.kind}]')} {escape(s.title)}{when}[/]", highlight=False)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="La question, en français")],
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Date de référence AAAA-MM-JJ")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Réponse JSON (celle de POST /chat)")] = False,
) -> None:
    """Pose une question et affiche la réponse avec ses sources."""
    day = _as_of(as_of)
    try:
        answer = _assistant().ask(question, as_of=day)
    except ValueError as exc:
        err.print(f"[red]{exc}[/]")
        raise typer.Exit(2) from None
    _print_answer(answer, as_json)


@app.command()
def chat(as_of: Annotated[Optional[str], typer.Option("--as-of", help="Date de référence AAAA-MM-JJ")] = None) -> None:
    """Conversation dans le terminal (/nouveau pour oublier, Ctrl-D pour quitter)."""
    day = _as_of(as_of)
    assistant = _assistant()
    conversation_id = None
    console.print("Posez vos questions sur le Cluster EMS. [dim]/nouveau : nouvelle conversation ; Ctrl-D : quitter[/]")
    while True:
        try:
            message = console.input("[bold green]vous> [/]")
        except (EOFError, KeyboardInterrupt):
            console.print()
            return
        if message.strip() == "/nouveau":
            if conversation_id:
                assistant.forget(conversation_id)
            conversation_id = None
            console.print("[dim]Nouvelle conversation.[/]")
            continue
        if not message.strip():
            continue
        try:
            answer = assistant.ask(message, conversation_id=conversation_id, as_of=day)
        except ValueError as exc:
            err.print(f"[red]{exc}[/]")
            continue
        conversation_id = answer.conversation_id
        _print_answer(answer, False)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Adresse d'écoute")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    workers: Annotated[int, typer.Option(help="Processus serveurs")] = 1,
) -> None:
    """API HTTP + page web de chat ; ingère le corpus d'abord si la base est vide."""
    import uvicorn

    settings = _settings()
    if not (settings.data_dir / "records.json").exists():
        err.print("Base vide : ingestion du corpus…")
        _run_ingest(None, False)
    console.print(f"Assistant Cluster EMS sur http://{host}:{port}/ (documentation : /docs)")
    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, workers=workers, log_level="info")


@app.command()
def bot() -> None:
    """Bot Telegram (long polling) ; TELEGRAM_BOT_TOKEN est requis."""
    from api.bot import run_bot

    raise typer.Exit(run_bot(_settings()))


@app.command()
def remind(as_of: Annotated[Optional[str], typer.Option("--as-of", help="Date des envois AAAA-MM-JJ (défaut : "
                                                         "aujourd'hui à Paris)")] = None) -> None:
    """Envoie maintenant aux abonnés Telegram le programme (le lundi) et les rappels dus ce jour-là."""
    import asyncio

    from telegram.error import InvalidToken, TelegramError

    from api.bot_subscriptions import remind as send_reminders
    from assistant.agenda.reminders import paris_today

    day = _as_of(as_of) or paris_today()
    settings = _settings()
    if not settings.telegram_bot_token:
        err.print("[red]TELEGRAM_BOT_TOKEN n'est pas défini : impossible d'envoyer les rappels.[/]")
        raise typer.Exit(2)
    try:
        report = asyncio.run(send_reminders(_assistant().reminders, settings, day))
    except InvalidToken:  # its message would show the token
        err.print("[red]Telegram refuse le jeton TELEGRAM_BOT_TOKEN. Vérifiez-le auprès de @BotFather.[/]")
        raise typer.Exit(2) from None
    except TelegramError as exc:  # the Bot API cannot be reached: nothing was sent
        err.print(f"[red]Envoi impossible ({escape(type(exc).__name__)}) : vérifiez la connexion "
                  "ou EMS_TELEGRAM_API_URL.[/]")
        raise typer.Exit(1) from None
    console.print(f"{day.isoformat()} : {report.summary()}", highlight=False)


@app.command("eval")
def evaluate_file(
    path: Annotated[Path, typer.Argument(help="Fichier JSONL de questions (format de eval/dev.jsonl)")],
    min_rate: Annotated[float, typer.Option("--min", help="Taux de réussite minimal (0-1) sinon code 1")] = 0.0,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Afficher les échecs")] = False,
) -> None:
    """Note un jeu de questions : taux de réussite par catégorie et global."""
    from assistant.evaluation import by_category, evaluate

    if not path.exists():
        err.print(f"[red]Fichier introuvable : {path}[/]")
        raise typer.Exit(2)
    logging.disable(logging.INFO)
    results = evaluate(_assistant(), path)
    table = Table("catégorie", "réussies", "taux")
    for category, (ok, n) in by_category(results).items():
        table.add_row(category, f"{ok}/{n}", f"{ok / n:.0%}")
    passed = sum(r.passed for r in results)
    rate = passed / len(results) if results else 0.0
    table.add_row("[bold]total[/]", f"{passed}/{len(results)}", f"[bold]{rate:.0%}[/]")
    console.print(table)
    if verbose:
        for r in results:
            if not r.passed:
                console.print(f"[red]✗ {r.id}[/] ({r.category}) manquant : {r.missing} abstention : {r.abstained}")
                console.print(f"  {r.answer[:400]}", highlight=False)
    raise typer.Exit(1 if rate < min_rate else 0)

