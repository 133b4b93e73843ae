"""The commands that set the web page up: campaign add/list, links, passwd, serve's warning."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from cli import cli

SAMPLE_LIST = Path(__file__).resolve().parents[2] / "samples" / "ruian-2022-list.xlsx"


def run(*args, stdin=None, code=0):
    result = CliRunner().invoke(cli, [str(a) for a in args], input=stdin)
    assert result.exit_code == code, result.output
    return result


def test_a_campaign_is_added_and_listed(tmp_path):
    db = tmp_path / "c.db"
    added = run("campaign", "add", "ruian-2022-report", "--roster", SAMPLE_LIST,
                "--due", "2023-03-10", "--name", "2023年回头看", "--db", db, "--format", "json")
    assert json.loads(added.stdout) == {"id": 1}
    listed = run("campaign", "list", "--db", db).stdout
    assert "2023年回头看" in listed and "60 行" in listed and "2023-03-10" in listed
    again = run("campaign", "add", "ruian-2022-report", "--roster", SAMPLE_LIST, "--db", db,
                code=1)
    assert "已有《瑞安市教育信息化应用“回头看”项目建设报告》的征集" in again.output


def test_links_are_shown_once_and_stored_only_as_hashes(tmp_path):
    db = tmp_path / "c.db"
    run("campaign", "add", "ruian-2022-report", "--roster", SAMPLE_LIST, "--db", db)
    out = tmp_path / "links.xlsx"
    shown = json.loads(run("links", "1", "--db", db, "--base-url", "http://10.0.0.5:8000/",
                           "--out", out, "--format", "json").stdout)
    assert len(shown) == 60
    assert shown[0]["key"] == "1-1" and shown[0]["school"] == "瑞安市陶山镇荆谷学校"
    tokens = [item["url"].removeprefix("http://10.0.0.5:8000/s/") for item in shown]
    assert all(len(token) >= 32 for token in tokens) and len(set(tokens)) == 60
    with sqlite3.connect(db) as connection:
        stored = {row[0] for row in connection.execute("SELECT token_sha256 FROM links")}
        dump = "\n".join(connection.iterdump())
    assert stored == {hashlib.sha256(t.encode()).hexdigest() for t in tokens}
    assert not any(token in dump for token in tokens)

    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("编号", "学校", "项目", "链接")
    assert rows[1] == ("1-1", "瑞安市陶山镇荆谷学校", "智慧校园", shown[0]["url"])

    refused = run("links", "1", "--db", db, "--base-url", "http://x", code=1)
    assert "--renew" in refused.output
    renewed = json.loads(run("links", "1", "--db", db, "--base-url", "http://x", "--renew",
                             "--format", "json").stdout)
    assert {i["url"].removeprefix("http://x/s/") for i in renewed}.isdisjoint(tokens)


def test_the_password_is_read_from_stdin_and_kept_salted(tmp_path):
    from records.campaigns import check_password
    from records.store import Store

    db = tmp_path / "c.db"
    run("passwd", "--db", db, stdin="correct horse\n")
    run("passwd", "--db", tmp_path / "d.db", stdin="correct horse\n")
    with Store(db) as store:
        assert check_password(store, "correct horse")
        assert not check_password(store, "correct horsE")
    hashes = [sqlite3.connect(p).execute("SELECT value FROM office WHERE name = 'password'")
              .fetchone()[0] for p in (db, tmp_path / "d.db")]
    assert hashes[0] != hashes[1] and "correct horse" not in hashes[0]
    short = run("passwd", "--db", db, stdin="short\n", code=1)
    assert "密码太短" in short.output


def test_links_for_an_unknown_campaign_say_which_there_are(tmp_path):
    db = tmp_path / "c.db"
    run("campaign", "add", "ruian-2022-report", "--roster", SAMPLE_LIST, "--db", db)
    answer = run("links", "7", "--db", db, "--base-url", "http://x", code=1)
    assert "没有编号为 7 的征集；已有：1" in answer.output


def test_serve_warns_when_the_page_is_open_beyond_this_machine(tmp_path, monkeypatch):
    import uvicorn

    db = tmp_path / "c.db"
    run("campaign", "add", "ruian-2022-report", "--roster", SAMPLE_LIST, "--db", db)
    started = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.append(kw))
    quiet = run("serve", "--db", db)
    assert "注意" not in quiet.output and started[-1]["host"] == "127.0.0.1"
    loud = run("serve", "--db", db, "--host", "0.0.0.0", "--port", "8080")
    assert "对外开放" in loud.output and started[-1] == {"host": "0.0.0.0", "port": 8080,
                                                       "log_level": "warning"}
