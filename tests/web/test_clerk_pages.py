"""The clerk's new campaign in the browser: upload, recognise or infer, correct, create, links."""

from __future__ import annotations

import io
import os
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLE_LIST, SAMPLES, YUEYANG_LIST
from openpyxl import load_workbook

from cli import cli
from forms.layout import build_blank_form
from forms.registry import get_form
from records.campaigns import campaigns, get_campaign
from records.store import Store

HENGYANG = "hengyang-2018-application"
HENGYANG_LIST = SAMPLES / "hengyang-2018-applicants.csv"
NEW_NOTICE = SAMPLES / "new-notice" / "孝感市三好学生推荐表.docx"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _csrf(text: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', text).group(1)


@pytest.fixture()
def office(client, site):
    """Return the client logged in to the office's pages."""
    token = _csrf(client.get("/office/login").text)
    answer = client.post("/office/login", data={"csrf": token, "password": site.password},
                         follow_redirects=False)
    assert answer.status_code == 303
    return client


@pytest.fixture()
def blank_form(tmp_path):
    """Return a function writing a built-in form's blank attachment, as `forms template` does."""
    def write(form_id: str) -> Path:
        target = tmp_path / f"{form_id}.docx"
        build_blank_form(get_form(form_id)).save(str(target))
        return target

    return write


def _upload(client, attachment: Path, roster_list: Path, *, csrf: str | None = "page",
            attachment_name: str | None = None):
    """Post the two files from the new-campaign page, as its form does."""
    token = _csrf(client.get("/office/new").text) if csrf == "page" else csrf
    files = {"attachment": (attachment_name or attachment.name, attachment.read_bytes(), DOCX),
             "list": (roster_list.name, roster_list.read_bytes(), "application/octet-stream")}
    return client.post("/office/new", data={} if token is None else {"csrf": token},
                       files=files, follow_redirects=False)


def _draft(client, attachment: Path, roster_list: Path) -> tuple[str, str]:
    """Upload the files; return the draft's address and its page."""
    answer = _upload(client, attachment, roster_list)
    assert answer.status_code == 303, answer.text
    address = answer.headers["location"]
    return address, client.get(address).text


def _form_values(text: str) -> dict[str, str]:
    """Return what the draft page's form posts as it stands: fields, kinds, ticked boxes."""
    values = dict(re.findall(r'<input type="(?:hidden|text|date)" name="([^"]+)" value="([^"]*)"',
                             text))
    for name, options in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', text, re.S):
        values[name] = re.search(r'<option value="([^"]+)" selected>', options).group(1)
    for name, ticked in re.findall(r'<input type="checkbox" name="([^"]+)" value="1"[^>]*?'
                                   r'( checked)?>', text):
        if ticked:
            values[name] = "1"
    return values


def _cli_words(*args) -> str:
    """Return what the command line prints (its last line) for `args`."""
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.output.strip().splitlines()[-1]


def test_the_clerks_pages_need_the_password(client, site):
    for path in ("/office/new", "/office/new/AAAAAAAAAAAAAAAAAAAAAA",
                 f"/office/c/{site.campaign}/links"):
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"] == "/office/login"
    answer = client.post(f"/office/c/{site.campaign}/links", data={"csrf": "x"},
                         follow_redirects=False)
    assert answer.headers["location"] == "/office/login"
    assert _upload(client, NEW_NOTICE, HENGYANG_LIST, csrf="x").headers["location"] == \
        "/office/login"


def test_a_post_without_the_csrf_token_is_refused(office, site, blank_form, tmp_path):
    refused = _upload(office, blank_form(HENGYANG), HENGYANG_LIST, csrf=None)
    assert refused.status_code == 403 and "页面已过期" in refused.text
    assert _upload(office, blank_form(HENGYANG), HENGYANG_LIST, csrf="forged").status_code == 403
    assert not (tmp_path / "web.db.drafts").exists() or not any(
        (tmp_path / "web.db.drafts").iterdir())
    address, _ = _draft(office, blank_form(HENGYANG), HENGYANG_LIST)
    assert office.post(address, data={"action": "create"}).status_code == 403
    assert office.post(f"/office/c/{site.campaign}/links", data={}).status_code == 403
    with Store(site.db) as store:
        assert len(campaigns(store)) == 2


def test_a_built_in_attachment_is_recognised_and_its_campaign_made(office, site, blank_form):
    address, draft = _draft(office, blank_form(HENGYANG), HENGYANG_LIST)
    assert "认出来了：这是《2018年衡阳市教育信息化试点项目申请表》" in draft
    assert 'name="due" value="2018-09-17"' in draft  # the form's own due date
    assert "这一天已经过了" in draft
    rows = _cli_words("roster", HENGYANG_LIST, "--form", "hengyang-2018-summary")
    assert rows == "共 12 行" and f"<strong>{rows}</strong>" in draft
    assert "衡南县云集镇中心学校" in draft
    values = _form_values(draft) | {"due": "2099-09-17", "name": "衡阳试点申报", "action": "create"}
    created = office.post(address, data=values, follow_redirects=False)
    assert created.status_code == 303
    links_page = created.headers["location"]
    number = int(re.fullmatch(r"/office/c/(\d+)/links", links_page).group(1))
    assert "衡阳试点申报" in office.get("/office").text
    assert office.get(address).status_code == 404  # the draft is gone once used

    page = office.get(links_page).text
    assert "生成链接" in page and "http://testserver" in page
    sheet = office.post(links_page, data={"csrf": _csrf(page)})
    assert sheet.status_code == 200
    assert "attachment" in sheet.headers["content-disposition"]
    rows = list(load_workbook(io.BytesIO(sheet.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("编号", "学校", "项目", "链接") and len(rows) == 1 + 12
    assert rows[2][1] == "衡南县云集镇中心学校"
    assert all(row[3].startswith("http://testserver/s/") for row in rows[1:])
    assert "衡南县云集镇中心学校" in office.get(rows[2][3].removeprefix("http://testserver")).text

    again = office.post(links_page, data={"csrf": _csrf(page)})
    assert again.status_code == 409 and "已经生成过链接" in again.text
    assert "作废旧链接，重新生成" in office.get(links_page).text
    renewed = office.post(links_page, data={"csrf": _csrf(page), "renew": "yes"})
    assert renewed.status_code == 200
    assert office.get(rows[2][3].removeprefix("http://testserver")).status_code == 404
    with Store(site.db) as store:
        campaign = get_campaign(store, number)
    assert campaign.form == HENGYANG and campaign.due.isoformat() == "2099-09-17"


def test_the_list_is_previewed_with_merges_undone_and_its_total(office, site, blank_form):
    address, draft = _draft(office, blank_form("ruian-2022-report"), SAMPLE_LIST)
    total = _cli_words("roster", SAMPLE_LIST)
    assert total == "共 60 行，金额合计 13,893,577 元"
    assert f"<strong>{total}</strong>" in draft
    # 荆谷学校's two projects share one merged 序号 and name: each row carries them.
    assert "<tr><td>1-2</td><td>1</td><td>瑞安市陶山镇荆谷学校</td><td>云桌面机房</td>" in draft
    assert "学校名称 ✓" in draft
    # One campaign per form in a store: 瑞安's report has one already.
    values = _form_values(draft) | {"action": "create"}
    refused = office.post(address, data=values)
    assert refused.status_code == 422
    assert f"已有《瑞安市教育信息化应用“回头看”项目建设报告》的征集（编号 {site.campaign}" in \
        refused.text


def test_a_wrong_list_is_refused_with_the_clis_words(office, site, blank_form, tmp_path):
    cli_words = _cli_words("campaign", "add", HENGYANG, "--roster", YUEYANG_LIST,
                           "--db", tmp_path / "cli.db")
    words = cli_words.removeprefix(f"错误：{YUEYANG_LIST}：")
    assert words.startswith("名单与《2018年衡阳市教育信息化试点项目申请表》不符")
    address, draft = _draft(office, blank_form(HENGYANG), YUEYANG_LIST)
    assert f"{YUEYANG_LIST.name}：{words}" in draft
    assert "申报单位 ✗ 缺" in draft
    refused = office.post(address, data=_form_values(draft) | {"action": "create"})
    assert refused.status_code == 422 and words in refused.text

    headerless = tmp_path / "无表头名单.csv"
    headerless.write_text("1,衡阳县教育局,区域智慧教育云平台,区域智慧教育,谭志刚,13907340101\n",
                          encoding="utf-8")
    cli_words = _cli_words("campaign", "add", HENGYANG, "--roster", headerless,
                           "--db", tmp_path / "cli.db")
    words = cli_words.removeprefix(f"错误：{headerless}：")
    assert words.startswith("名单第 1 行不像表头")
    _, draft = _draft(office, blank_form(HENGYANG), headerless)
    assert words in draft
    with Store(site.db) as store:
        assert len(campaigns(store)) == 2


def test_a_new_form_is_inferred_shown_corrected_and_created(office, site, tmp_path):
    students = tmp_path / "推荐名单.csv"
    students.write_text("序号,学校名称,姓名,性别\n1,孝感高级中学,刘子涵,女\n"
                        "2,汉川二中,陈思远,男\n3,孝昌一中,王一鸣,男\n", encoding="utf-8")
    address, draft = _draft(office, NEW_NOTICE, students)
    assert "这张表还不认识" in draft
    assert 'value="孝感市2015—2016学年度市级三好学生、优秀学生干部推荐表"' in draft
    values = _form_values(draft)
    assert values["kind:lianxidianhua"] == "phone" and values["kind:xingming"] == "text"
    assert values["kind:tuijianleibie"] == "choice" and "选项：三好学生、优秀学生干部" in draft
    assert values["kind:xuexiaoyijian_3"] == "date"
    assert "标签“联系电话”是电话" in draft  # the guess's reason
    assert "由名单“姓名”列预填" in draft
    assert "required:lianxidianhua" not in values
    assert "<strong>共 3 行</strong>" in draft

    image = office.get(f"{address}/page-1.png")
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
    assert office.get(f"{address}/page-99.png").status_code == 404

    values.update({"kind:chushengnianyue": "date", "required:lianxidianhua": "1",
                   "form_id": "xiaogan-2016-sanhao", "due": "2099-05-20",
                   "name": "三好学生推荐", "action": "check"})
    checked = office.post(address, data=values, follow_redirects=False)
    assert checked.status_code == 303
    draft = office.get(address).text
    assert "已改（原来猜的是文字）" in draft
    values = _form_values(draft)
    assert values["kind:chushengnianyue"] == "date" and values["required:lianxidianhua"] == "1"
    created = office.post(address, data=values | {"action": "create"}, follow_redirects=False)
    assert created.status_code == 303

    with Store(site.db) as store:
        campaign = next(c for c in campaigns(store) if c.name == "三好学生推荐")
    definition = Path(campaign.form)
    assert definition.parent == site.db.with_name("web.db.forms")
    assert re.fullmatch(r"[0-9a-f]{64}\.yaml", definition.name)
    spec = campaign.spec
    fields = {f.id: f for f in spec.fields}
    assert spec.id == "xiaogan-2016-sanhao" and campaign.due.isoformat() == "2099-05-20"
    assert fields["chushengnianyue"].kind == "date"
    assert fields["lianxidianhua"].required and not fields["xingbie"].required
    assert fields["xingming"].prefill == "姓名"
    assert [row.get("姓名") for row in campaign.roster.rows] == ["刘子涵", "陈思远", "王一鸣"]
    assert "三好学生推荐" in office.get("/office").text


def test_a_correction_that_does_not_fit_is_explained(office, tmp_path):
    students = tmp_path / "名单.csv"
    students.write_text("序号,学校名称,姓名\n1,孝感高级中学,刘子涵\n", encoding="utf-8")
    address, draft = _draft(office, NEW_NOTICE, students)
    values = _form_values(draft) | {"kind:xingming": "choice", "form_id": "Bad id",
                                    "action": "create"}
    refused = office.post(address, data=values)
    assert refused.status_code == 422
    assert "表上没有印出选项" in refused.text and "只能用英文小写字母" in refused.text
    assert 'selected>选择题（choice）' in refused.text  # what the clerk chose stays shown


def test_a_hostile_or_wrong_file_is_refused_in_words(office, site, tmp_path):
    page = tmp_path / "通知附件.doc"
    page.write_bytes(b"<html><body><img src='http://example.invalid/x.png'></body></html>")
    refused = _upload(office, page, HENGYANG_LIST)
    assert refused.status_code == 422
    assert "通知附件.doc：文件扩展名是 .doc，但内容是网页（HTML）" in refused.text
    notes = tmp_path / "名单.txt"
    notes.write_text("序号,学校名称\n", encoding="utf-8")
    refused = _upload(office, NEW_NOTICE, notes)
    assert refused.status_code == 422
    assert "名单应是 .xlsx、.csv、.docx、.doc、.pdf 文件" in refused.text
    drafts = site.db.with_name("web.db.drafts")
    assert not drafts.exists() or not any(drafts.iterdir())  # nothing kept of a refusal
    assert office.get("/office/new/..%2F..%2Fetc").status_code == 404


def test_an_abandoned_draft_is_removed_when_the_next_is_made(office, site, blank_form):
    address, _ = _draft(office, blank_form(HENGYANG), HENGYANG_LIST)
    old = site.db.with_name("web.db.drafts") / address.rsplit("/", 1)[1]
    long_ago = time.time() - 3 * 86400
    os.utime(old, (long_ago, long_ago))
    newer, _ = _draft(office, blank_form(HENGYANG), HENGYANG_LIST)
    assert not old.exists() and office.get(address).status_code == 404
    assert office.get(newer).status_code == 200
