"""Load test of the HTTP API: N concurrent clients against a real uvicorn, a mix of questions.

    python bench/load.py                      # starts uvicorn on ./data (ingests ./corpus if empty)
    python bench/load.py --workers 2 --clients 50 --turns 4
    python bench/load.py --url http://127.0.0.1:8000   # an already running server (no RSS figure)

Prints a markdown table: latency p50/p95/max per route, errors (target 0), throughput, and the
server's resident memory (idle, and peak while loaded, summed over uvicorn and its workers).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent

# (first turn, optional follow-up in the same conversation, as_of)
CONVERSATIONS = [
    ("Combien de participants au Forum Eau ?", None, None),
    ("Combien de contacts dans la base en 2024 ?", "Et en 2023 ?", None),
    ("Quels événements en juin 2024 ?", None, None),
    ("Combien d'événements en novembre 2024 ?", None, None),
    ("La prochaine visite c'est laquelle ?", None, "2024-10-12"),
    ("Que fait Solubio ?", "Ils ont été validés à quel bureau ?", None),
    ("C'est quoi le DIS Sols ?", "Et celui sur les biodéchets ?", None),
    ("Quels guides-formations propose le cluster ?", None, None),
    ("Combien d'abonnés sur LinkedIn en septembre 2024 ?", None, None),
    ("Qui a gagné la coupe du monde de foot 2022 ?", None, None),
    ("La formation innovation dans les marchés publics, elle s'adresse à qui ?", None, None),
    ("Combien de membres travaillent sur les biodéchets ?", None, None),
]


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, route: str, seconds: float) -> None:
        self.latencies.setdefault(route, []).append(seconds)


class RssSampler(threading.Thread):
    """Samples the summed resident memory of a process and its children (Linux /proc)."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak = 0
        self.running = True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, tree_rss(self.pid))
            time.sleep(self.every)

    def stop(self) -> int:
        self.running = False
        self.join()
        return self.peak


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` plus all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def start_server(data_dir: Path, corpus_dir: Path, workers: int) -> tuple[subprocess.Popen, str]:
    if not (data_dir / "records.json").exists():
        from assistant.settings import Settings
        from ingestion.pipeline import ingest

        print(f"Stockage vide : ingestion de {corpus_dir} dans {data_dir}…", file=sys.stderr)
        ingest(Settings(_env_file=None, data_dir=data_dir, corpus_dir=corpus_dir))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory", "--workers", str(workers),
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    process = subprocess.Popen(command, env=server_env(data_dir, corpus_dir), cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(url + "/health", timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    process.terminate()
    raise SystemExit("Le serveur n'a pas démarré.")


def server_env(data_dir: Path, corpus_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "EMS_DATA_DIR": str(data_dir.resolve()),
        "EMS_CORPUS_DIR": str(corpus_dir.resolve()),
        "EMS_CHAT_RATE_LIMIT": "0",  # 50 clients share one address here
        "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "2"),
    }


async def timed_post(client: httpx.AsyncClient, route: str, payload: dict, results: Results) -> dict | None:
    started = time.perf_counter()
    try:
        response = await client.post(route, json=payload)
        body = response.text
    except httpx.HTTPError as exc:
        results.errors.append(f"{route}: {type(exc).__name__}")
        return None
    results.add(route, time.perf_counter() - started)
    if response.status_code != 200:
        results.errors.append(f"{route}: HTTP {response.status_code} {body[:100]}")
        return None
    if route == "/chat/stream":
        return {"stream_done": "event: done" in body}
    return response.json()


async def client_session(url: str, index: int, turns: int, results: Results) -> None:
    """One simulated user: `turns` conversations from the mix, every third one streamed."""
    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        for turn in range(turns):
            first, follow_up, as_of = CONVERSATIONS[(index + turn * 7) % len(CONVERSATIONS)]
            route = "/chat/stream" if (index + turn) % 3 == 0 else "/chat"
            body = await timed_post(client, route, {"message": first, "as_of": as_of}, results)
            if body is not None and route == "/chat/stream" and not body["stream_done"]:
                results.errors.append("/chat/stream: flux sans événement done")
            if follow_up and body is not None and route == "/chat":
                await timed_post(
                    client, "/chat", {"message": follow_up, "conversation_id": body["conversation_id"]}, results
                )


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def mib(n: int) -> str:
    return f"{n / 2**20:.0f} MiB" if n else "—"


def latency_row(label: str, values: list[float]) -> str:
    return (
        f"| {label} | {len(values)} | {statistics.median(values) * 1000:.0f} ms | "
        f"{percentile(values, 0.95) * 1000:.0f} ms | {max(values) * 1000:.0f} ms |"
    )


def report(
    solo: Results, results: Results, wall: float, clients: int, workers: int | None, idle: int, peak: int
) -> str:
    every = [x for values in results.latencies.values() for x in values]
    lines = [
        f"Charge : {clients} clients simultanés, {len(every) + len(results.errors)} requêtes, "
        f"{workers or '?'} worker(s) uvicorn, {os.cpu_count()} cœurs.",
        "",
        "| route | requêtes | p50 | p95 | max |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    if solo.latencies:
        lines.append(latency_row("/chat, un seul client (à vide)", solo.latencies["/chat"]))
    for route, values in sorted(results.latencies.items()) + [("toutes, en charge", every)]:
        if values:
            lines.append(latency_row(f"{route}, {clients} clients" if route.startswith("/") else route, values))
    lines += [
        "",
        "| erreurs | débit | durée | RSS serveur au repos | RSS serveur en pointe |",
        "| ---: | ---: | ---: | ---: | ---: |",
        f"| {len(solo.errors) + len(results.errors)} | {len(every) / wall:.1f} req/s | {wall:.1f} s "
        f"| {mib(idle)} | {mib(peak)} |",
    ]
    errors = solo.errors + results.errors
    if errors:
        lines += ["", "Erreurs (5 premières) :"] + [f"- {e}" for e in errors[:5]]
    return "\n".join(lines)


async def run_load(url: str, clients: int, turns: int) -> tuple[Results, Results, float]:
    """A pass with one client alone (latency without queueing, and warm-up), then the loaded run."""
    solo, loaded = Results(), Results()
    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        for first, _, as_of in CONVERSATIONS:
            await timed_post(client, "/chat", {"message": first, "as_of": as_of}, solo)
    started = time.perf_counter()
    await asyncio.gather(*(client_session(url, i, turns, loaded) for i in range(clients)))
    return solo, loaded, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="serveur déjà lancé (sinon : uvicorn démarré par ce script)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--turns", type=int, default=4, help="conversations par client")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--data-dir", type=Path, default=ROOT / "data")
    parser.add_argument("--corpus-dir", type=Path, default=ROOT / "corpus")
    args = parser.parse_args()

    process = None
    url = args.url
    if url is None:
        process, url = start_server(args.data_dir, args.corpus_dir, args.workers)
    try:
        idle = tree_rss(process.pid) if process else 0
        sampler = RssSampler(process.pid) if process else None
        if sampler:
            sampler.start()
        solo, results, wall = asyncio.run(run_load(url, args.clients, args.turns))
        peak = sampler.stop() if sampler else 0
    finally:
        if process:
            process.terminate()
            process.wait(timeout=30)
    print(report(solo, results, wall, args.clients, args.workers if process else None, idle, peak))
    sys.exit(1 if solo.errors or results.errors else 0)


if __name__ == "__main__":
    main()
