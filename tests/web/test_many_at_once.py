"""Fifty schools upload at the same moment to a real server on loopback: every file lands once."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import uvicorn

from web.app import create_app


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_fifty_simultaneous_uploads_all_land_once(site, generated_reports):
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(site.db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    keys = sorted(site.tokens)[:50]
    start = threading.Barrier(len(keys))

    def send(key: str) -> int:
        content = generated_reports[key].read_bytes()
        start.wait()
        answer = httpx.post(f"http://127.0.0.1:{port}/s/{site.tokens[key]}/upload",
                            files={"file": (f"{key}.docx", content)}, timeout=120)
        return answer.status_code

    try:
        with ThreadPoolExecutor(max_workers=len(keys)) as pool:
            codes = list(pool.map(send, keys))
    finally:
        server.should_exit = True
        thread.join(timeout=20)
    assert codes == [200] * len(keys)
    with sqlite3.connect(site.db) as connection:
        stored = connection.execute(
            "SELECT roster_key, version FROM submissions ORDER BY roster_key").fetchall()
        noted = connection.execute("SELECT COUNT(*) FROM uploads").fetchone()[0]
    assert stored == [(key, 1) for key in keys]
    assert noted == len(keys)
