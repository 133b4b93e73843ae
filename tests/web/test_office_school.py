"""One school's page for the office, the versions' files, the copies' and the letters' zips."""

from __future__ import annotations

import io
import re
import zipfile
from urllib.parse import unquote

import pytest
from docx import Document
from fill_as_school import fill_document
from school_returns import ANSWERS

# The store behind the pages: a SQLite file, and a PostgreSQL database.
pytestmark = pytest.mark.parametrize("site_db", ["sqlite", "postgresql"], indirect=True)



def _upload(client, token, path, name):
    return client.post(f"/s/{token}/upload", files={"file": (name, path.read_bytes())})


def _sent_as(answer):
    return unquote(answer.headers["content-disposition"].split("filename*=")[1].split("''")[1])


def _docx_text(content):
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture()
def row_17(tmp_path, generated_reports):
    """Return 瑞安市农技校's two returns (row 17, 283,750 元 on the list): first, corrected."""
    first, second = tmp_path / "first.docx", tmp_path / "second.docx"
    fill_document(generated_reports["17"], {**ANSWERS["1-1"], "推进措施": ""}, first)
    fill_document(generated_reports["17"], {**ANSWERS["1-1"], "投入资金": "280,000元"}, second)
    return first, second


def test_every_new_office_page_needs_the_password(client, site):
    number = site.campaign
    for path in (f"/office/c/{number}/r/17", f"/office/c/{number}/r/17/v/1",
                 f"/office/c/{number}/copies.zip", f"/office/c/{number}/letters.zip",
                 f"/office/c/{number}/batch/1"):
        answer = client.get(path, follow_redirects=False)
        assert (answer.status_code, answer.headers["location"]) == (303, "/office/login"), path
    answer = client.post(f"/office/c/{number}/batch", files={"files": ("a.docx", b"x")},
                         follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (303, "/office/login")


def test_the_board_links_each_row_to_its_page(office, site):
    board = office.get(f"/office/c/{site.campaign}").text
    assert f'href="/office/c/{site.campaign}/r/17"' in board
    assert f'href="/office/c/{site.campaign}/copies.zip"' in board
    assert f'href="/office/c/{site.campaign}/letters.zip"' in board


def test_the_school_page_shows_the_row_the_versions_the_values_and_what_changed(
        office, site, row_17):
    first, second = row_17
    token = site.tokens["17"]
    assert _upload(office, token, first, "农技校报告.docx").status_code == 200
    assert _upload(office, token, second, "农技校报告（改）.docx").status_code == 200

    text = office.get(f"/office/c/{site.campaign}/r/17").text
    facts = dict(re.findall(r"<tr><th>(.+?)</th><td[^>]*>(.+?)</td></tr>", text))
    assert facts["编号"] == "17" and facts["学校/单位"] == "瑞安市农技校"
    assert facts["项目"] == "交互式一体机" and facts["状态"] == "已交，有问题"
    versions = re.findall(r"<tr><td>第(\d)版</td><td>[^<]+</td>\s*<td><a href=\"([^\"]+)\">"
                          r"([^<]+)</a></td>\s*<td>([^<]+)</td><td>(\d*)</td></tr>", text)
    assert versions == [
        ("2", f"/office/c/{site.campaign}/r/17/v/2", "农技校报告（改）.docx", "有填写错误", "1"),
        ("1", f"/office/c/{site.campaign}/r/17/v/1", "农技校报告.docx", "有必填项未填", "1")]
    assert "<li>投入资金：283,750 元 → 280,000 元</li>" in text
    assert "<li>推进措施：（空） → 成立应用推进小组，每月一次教师培训。</li>" in text
    assert '<li class="fixed">已改正：推进措施：未填写（必填）</li>' in text
    assert ('<li class="problem">新问题：投入资金与名单不一致：名单 283,750 元，'
            "学校填写 280,000 元</li>") in text
    values = dict(re.findall(r'<tr><td>([^<]+)</td><td class="value">([^<]*)</td></tr>', text))
    assert values["投入资金"] == "280,000 元"
    assert values["学校"] == "瑞安市农技校"
    assert values["推进措施"] == "成立应用推进小组，每月一次教师培训。"
    assert values["专家验收意见"] == "（空）"


def test_each_version_downloads_byte_identical_under_the_name_it_was_sent(
        office, site, row_17):
    first, second = row_17
    _upload(office, site.tokens["17"], first, "农技校报告.docx")
    _upload(office, site.tokens["17"], second, "农技校报告（改）.docx")
    sent = ((1, first, "农技校报告.docx"), (2, second, "农技校报告（改）.docx"))
    for version, path, name in sent:
        answer = office.get(f"/office/c/{site.campaign}/r/17/v/{version}")
        assert answer.status_code == 200
        assert answer.content == path.read_bytes()
        assert _sent_as(answer) == name


def test_a_version_of_another_campaign_or_row_is_a_404(office, site, filled):
    _upload(office, site.tokens["2"], filled("2"), "b.docx")
    assert office.get(f"/office/c/{site.campaign}/r/2/v/1").status_code == 200
    # 岳阳's list has a row 2 too, but its campaign has no version of it.
    for path in (f"/office/c/{site.other_campaign}/r/2/v/1",
                 f"/office/c/{site.campaign}/r/2/v/2",
                 f"/office/c/{site.campaign}/r/1-1/v/1",
                 f"/office/c/{site.campaign}/r/no-such-row",
                 f"/office/c/{site.campaign}/r/..%2F..%2Fetc/v/1",
                 "/office/c/99/r/2"):
        answer = office.get(path)
        assert answer.status_code == 404, path
        assert "找不到这个页面" in answer.text and "塘下镇" not in answer.text
    page = office.get(f"/office/c/{site.other_campaign}/r/2").text
    assert "还没有交过" in page and "塘下镇" not in page


def test_the_copies_zip_holds_one_copy_per_row_named_as_generate_names_them(
        office, site, generated_reports, sample_roster):
    answer = office.get(f"/office/c/{site.campaign}/copies.zip")
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
        names = archive.namelist()
        assert sorted(names) == sorted(path.name for path in generated_reports.values())
        by_key = {key: path.name for key, path in generated_reports.items()}
        for row in sample_roster.rows:
            content = archive.read(by_key[row.key])
            with zipfile.ZipFile(io.BytesIO(content)) as copy:
                document = copy.read("word/document.xml").decode("utf-8")
                properties = copy.read("docProps/custom.xml").decode("utf-8")
            assert str(row.get("学校名称")) in document, row.key
            assert f"<vt:lpwstr>{row.key}</vt:lpwstr>" in properties
    assert len(names) == 60
    assert _sent_as(answer).endswith("_预填表.zip")


def test_the_letters_zip_holds_a_letter_naming_the_missing_blank(office, site, filled):
    assert office.get(f"/office/c/{site.campaign}/letters.zip").status_code == 400
    _upload(office, site.tokens["1-1"], filled("1-1", leave_empty=("推进措施",)),
            "荆谷学校报告.docx")
    _upload(office, site.tokens["2"], filled("2"), "塘下中心小学.docx")
    answer = office.get(f"/office/c/{site.campaign}/letters.zip")
    assert answer.status_code == 200
    with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
        assert archive.namelist() == ["01_1-1_瑞安市陶山镇荆谷学校_退回意见.docx"]
        text = _docx_text(archive.read(archive.namelist()[0]))
    assert "瑞安市陶山镇荆谷学校：" in text
    assert "1. 推进措施：未填写（必填）" in text
    assert "文件“荆谷学校报告.docx”" in text  # the name sent, never where the office keeps it
    assert "2099年3月10日前重新报送" in text  # the campaign's own due date


def test_no_letters_to_write_is_said_in_words(office, site, filled):
    _upload(office, site.tokens["2"], filled("2"), "b.docx")
    answer = office.get(f"/office/c/{site.campaign}/letters.zip")
    assert answer.status_code == 400
    assert "目前没有需要退回的报送" in answer.text
