"""export and import: a campaign moves SQLite → archive → PostgreSQL with nothing lost."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from fill_as_school import fill_document
from school_returns import ANSWERS

from cli import cli
from forms.registry import get_form
from records.batches import Arrival, get_batch, receive_batch
from records.campaigns import add_campaign, make_links, set_password
from records.handin import hand_in, keep_file
from records.store import Store
from rosters.roster import read_roster_for

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FORM = "ruian-2022-report"
PASSWORD = "office-pass-2023"


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture()
def campaign_store(tmp_path, generated_reports) -> tuple[Path, str]:
    """Return a SQLite store where a campaign ran, and the link token of row 1-1."""
    db = tmp_path / "county.db"
    spec = get_form(FORM)
    first, second = tmp_path / "first.docx", tmp_path / "second.docx"
    fill_document(generated_reports["1-1"], ANSWERS["1-1"], first)
    fill_document(first, {"效益": "全校 52 名教师每周使用平台。"}, second)
    with Store(db) as store:
        campaign = add_campaign(store, FORM, read_roster_for(SAMPLES / "ruian-2022-list.xlsx",
                                                             spec), due=dt.date(2099, 3, 10))
        token = next(link.token for link in make_links(store, campaign) if link.key == "1-1")
        row = campaign.row("1-1")
        hand_in(store, campaign, row, first.read_bytes(), "荆谷学校报告.docx")
        hand_in(store, campaign, row, second.read_bytes(), "荆谷学校报告（改）.docx")
        with store.transaction():
            store.set_grade(FORM, "1-1", 2022, "优秀")
            store.set_grade(FORM, "1-1", 2023, "基本达标", waste=True)
        set_password(store, PASSWORD)
        kept = keep_file(store, generated_reports["2"].read_bytes(), "塘下.docx")
        receive_batch(store, campaign, [Arrival("塘下.docx", kept.sha256, kept.suffix),
                                        Arrival("照片.jpg", refused="这是图片")])
    return db, token


def _contents(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as package:
        return {name: package.read(name) for name in package.namelist()
                if name != "manifest.json"}


def test_a_campaign_moves_from_sqlite_to_postgresql_and_back_unchanged(
        tmp_path, campaign_store, postgres):
    from starlette.testclient import TestClient

    from web.app import create_app

    db, token = campaign_store
    first = tmp_path / "first.zip"
    assert "已导出 2 份报送（含各版本）、1 个征集、3 个原始文件" in run(
        "export", "--db", str(db), "--out", str(first))
    city = postgres.create_database("city")
    assert "已导入 2 份报送" in run("import", str(first), "--db", city)
    second = tmp_path / "second.zip"
    run("export", "--db", city, "--out", str(second))
    # Every row of every table and every kept file, byte for byte.
    assert _contents(first) == _contents(second)
    assert len([n for n in _contents(first) if n.startswith("files/")]) == 3

    with Store(db) as before, Store(city, create=False) as after:
        old, new = before.versions(FORM, "1-1"), after.versions(FORM, "1-1")
        assert [v.version for v in new] == [1, 2]
        assert [v.record for v in new] == [v.record for v in old]
        assert after.grades(FORM) == {"1-1": {2022: ("优秀", False), 2023: ("基本达标", True)}}
        assert [line.done for line in get_batch(after, after_campaign(after), 1).lines] == [
            False, True]

    with TestClient(create_app(city), raise_server_exceptions=False) as client:
        page = client.get(f"/s/{token}")  # the link sent before the move still opens
        assert page.status_code == 200 and "瑞安市陶山镇荆谷学校" in page.text
        login = client.get("/office/login").text
        csrf = login.split('name="csrf" value="')[1].split('"')[0]
        answer = client.post("/office/login", data={"csrf": csrf, "password": PASSWORD},
                             follow_redirects=False)
        assert answer.status_code == 303
        sent = client.get("/office/c/1/r/1-1/v/1")
        assert sent.status_code == 200
        assert sent.content == (tmp_path / "first.docx").read_bytes()
    with Store(city) as store:  # new rows take ids after the imported ones
        campaign = after_campaign(store)
        assert receive_batch(store, campaign, [Arrival("x.jpg", refused="图片")]) == 2


def after_campaign(store: Store):
    from records.campaigns import get_campaign

    return get_campaign(store, 1)


def test_an_archive_goes_only_into_an_empty_store(tmp_path, campaign_store):
    db, _ = campaign_store
    archive = tmp_path / "a.zip"
    run("export", "--db", str(db), "--out", str(archive))
    said = run("import", str(archive), "--db", str(db), code=1)
    assert ("里已有数据（submissions 表不是空的），不能导入；"
            "请导入到一个新的数据文件或空的数据库") in said


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in members.items():
            package.writestr(name, content)
    return buffer.getvalue()


MANIFEST = json.dumps({"format": "tianbiao-archive", "schema": "0002_kept_files"}).encode()


@pytest.mark.parametrize(("members", "said"), [
    ({"manifest.json": json.dumps({"format": "tianbiao-archive",
                                   "schema": "0099_from_the_future"}).encode()},
     "由更新版本的 tianbiao 导出（数据版本 0099_from_the_future），请先升级本机的 tianbiao"),
    ({"manifest.json": MANIFEST, "../../etc/x": b"1"}, "有不认识的内容“../../etc/x”"),
    ({"manifest.json": MANIFEST, f"files/{'0' * 64}.docx": b"other"},
     f"文件 files/{'0' * 64}.docx 的内容与其名称不符"),
    ({"manifest.json": MANIFEST, "tables/submissions.jsonl": b'{"id": 1, "evil": 2}\n'},
     "tables/submissions.jsonl 第 1 行的列不对"),
    ({"tables/grades.jsonl": b""}, "缺少说明文件 manifest.json"),
    ({"manifest.json": MANIFEST, "tables/grades.jsonl": b"\x00" * (9 * 1024 * 1024)},
     "解压后异常巨大（疑似“压缩炸弹”）"),
], ids=["newer", "strange-name", "wrong-hash", "strange-column", "no-manifest", "bomb"])
def test_an_archive_from_outside_is_refused_whole_in_words(tmp_path, members, said):
    archive = tmp_path / "外来.zip"
    archive.write_bytes(_zip(members))
    db = tmp_path / "new.db"
    output = run("import", str(archive), "--db", str(db), code=1)
    assert said in output and "Traceback" not in output
    with Store(db, create=False) as store:
        assert store.forms() == []


def test_a_store_made_before_migrations_moves_to_postgresql(tmp_path, postgres):
    import shutil

    legacy = Path(__file__).resolve().parent / "legacy" / "legacy-5abf4e7.db"
    db = tmp_path / "old.db"
    shutil.copy(legacy, db)
    shutil.copytree(legacy.with_name(legacy.name + ".files"), tmp_path / "old.db.files")
    archive = tmp_path / "old.zip"
    assert "3 个原始文件" in run("export", "--db", str(db), "--out", str(archive))
    city = postgres.create_database("from_legacy")
    run("import", str(archive), "--db", city)
    history = run("history", "1-1", "--db", city)
    assert "第1版" in history and "第2版" in history
    assert "效益：全校 46 名教师每周使用平台布置作业。 → 全校 52 名教师每周使用平台。" in history


def test_a_campaigns_own_definition_file_travels_in_the_archive(tmp_path):
    import shutil

    from records.campaigns import get_campaign

    own = tmp_path / "office-forms" / "报告.yaml"
    own.parent.mkdir()
    builtin = Path(__file__).resolve().parents[2] / "forms" / "definitions" / f"{FORM}.yaml"
    own.write_text(builtin.read_text(encoding="utf-8").replace(f"id: {FORM}", "id: 本局报告"),
                   encoding="utf-8")
    db = tmp_path / "office.db"
    run("campaign", "add", str(own), "--roster", str(SAMPLES / "ruian-2022-list.xlsx"),
        "--db", str(db))
    archive = tmp_path / "a.zip"
    run("export", "--db", str(db), "--out", str(archive))
    shutil.rmtree(own.parent)  # the office's folder is not on the machine it moves to
    moved = tmp_path / "elsewhere" / "new.db"
    moved.parent.mkdir()
    run("import", str(archive), "--db", str(moved))
    with Store(moved, create=False) as store:
        campaign = get_campaign(store, 1)
    assert Path(campaign.form).parent == moved.with_name("new.db.forms").resolve()
    assert campaign.spec.id == "本局报告" and len(campaign.roster.rows) == 60
