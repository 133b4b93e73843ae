"""The office's batch upload: many files or a zip, read off the request, a line per file."""

from __future__ import annotations

import io
import re
import time
import zipfile

import pytest

from parsers.safety import MAX_MEMBERS
from records.handin import all_kept
from records.store import Store

# The store behind the pages: a SQLite file, and a PostgreSQL database.
pytestmark = pytest.mark.parametrize("site_db", ["sqlite", "postgresql"], indirect=True)


# The first bytes of a JPEG photo of a form: what a school sends from its phone.
# A JPEG's header with nothing after it: a picture that cannot be decoded.
PHOTO = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 2000


def _csrf(text):
    return re.search(r'name="csrf" value="([^"]+)"', text).group(1)


def _send(client, site, files, campaign=None):
    number = campaign or site.campaign
    token = _csrf(client.get(f"/office/c/{number}").text)
    return client.post(f"/office/c/{number}/batch", data={"csrf": token},
                       files=[("files", item) for item in files], follow_redirects=False)


def _finished(client, address, seconds=180):
    """Return the batch page once it no longer reloads itself: every file answered."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = client.get(address).text
        if 'http-equiv="refresh"' not in text:
            return text
        time.sleep(0.3)
    raise AssertionError(f"batch not finished after {seconds} s")


def _lines(text):
    """Return {file: (school, result)} from the batch page, tags dropped."""
    rows = re.findall(r'<tr class="line-\w+"><td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>'
                      r"</tr>", text, flags=re.S)
    plain = [tuple(re.sub(r"<[^>]+>", " ", cell).split() for cell in row) for row in rows]
    return {" ".join(name): (" ".join(school), " ".join(result))
            for name, school, result in plain}


def _counts(client, site):
    board = client.get(f"/office/c/{site.campaign}").text
    return dict(re.findall(r'class="count-(\w+)">(\d+)<', board))


@pytest.fixture()
def three_files(filled):
    """Return a good return, one with a required blank empty, and a photo, as sent."""
    return [("塘下中心小学.docx", filled("2").read_bytes()),
            ("荆谷学校.docx", filled("1-1", leave_empty=("推进措施",)).read_bytes()),
            ("拍照.jpg", PHOTO)]


def test_three_files_end_with_a_line_each_and_the_board_counts_them(
        office, site, three_files, monkeypatch):
    import web.office_batch

    # Held back at first: the page shows 0 of 3 and reloads itself.
    monkeypatch.setattr(web.office_batch, "_start", lambda *args: None)
    answer = _send(office, site, three_files)
    assert answer.status_code == 303
    address = answer.headers["location"]
    assert re.fullmatch(rf"/office/c/{site.campaign}/batch/\d+", address)
    waiting = office.get(address).text
    assert '<meta http-equiv="refresh" content="2">' in waiting
    assert re.search(r'已处理 <strong class="done">0</strong> / <span class="total">3</span>',
                     waiting)
    assert waiting.count("等待读取") == 3
    monkeypatch.undo()

    # Opening the page again sets the waiting batch going: nothing sent is lost.
    text = _finished(office, address)
    assert "共 <span class=\"total\">3</span> 个文件，合格 1 个，有问题 1 个" in text
    lines = _lines(text)
    assert lines["塘下中心小学.docx"] == ("瑞安市塘下镇中心小学（编号 2）", "已收入第1版，合格")
    school, result = lines["荆谷学校.docx"]
    assert school == "瑞安市陶山镇荆谷学校（编号 1-1）"
    assert result == "已收入第1版，有必填项未填 推进措施：未填写（必填）"
    assert lines["拍照.jpg"] == ("", "未收下：图片已损坏或格式无法识别，请学校重新扫描后提交")

    assert _counts(office, site) == {"returned": "1", "problems": "1", "missing": "58",
                                     "overdue": "0"}
    # Filed under the row and the name it was sent under, its file as sent.
    page = office.get(f"/office/c/{site.campaign}/r/1-1").text
    assert "荆谷学校.docx" in page and "推进措施：未填写（必填）" in page
    kept = office.get(f"/office/c/{site.campaign}/r/1-1/v/1")
    assert kept.content == three_files[1][1]


def test_a_zip_is_read_member_by_member_with_chinese_names(office, site, filled, tmp_path):
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("三月回执/塘下中心小学.docx", filled("2").read_bytes())
        archive.writestr("三月回执/说明.txt", "请查收")
        archive.writestr("__MACOSX/三月回执/._塘下中心小学.docx", b"\x00\x05\x16\x07")
    # Names without the UTF-8 flag: GBK from a Chinese Windows, UTF-8 from a Mac. Written
    # under stand-in names of the same length, then the names' bytes are swapped in.
    gbk_name, mac_name = "荆谷学校.docx".encode("gbk"), "说明.txt".encode()
    gbk_stand_in = b"A" * (len(gbk_name) - 5) + b".docx"
    mac_stand_in = b"B" * (len(mac_name) - 4) + b".txt"
    unflagged = io.BytesIO()
    with zipfile.ZipFile(unflagged, "w") as archive:
        archive.writestr(gbk_stand_in.decode(), filled("1-1").read_bytes())
        archive.writestr(mac_stand_in.decode(), "请查收")
    old_windows = (unflagged.getvalue().replace(gbk_stand_in, gbk_name)
                   .replace(mac_stand_in, mac_name))
    answer = _send(office, site, [("回执.zip", bundle.getvalue()), ("旧电脑.zip", old_windows)])
    assert answer.status_code == 303
    lines = _lines(_finished(office, answer.headers["location"]))
    not_a_form = ("未收下：不是表格文件（.txt），"
                  "只读取 Word（.docx/.doc/.wps/.odt/.rtf）、PDF 和图片")
    assert lines == {
        "回执.zip/三月回执/塘下中心小学.docx": ("瑞安市塘下镇中心小学（编号 2）",
                                              "已收入第1版，合格"),
        "回执.zip/三月回执/说明.txt": ("", not_a_form),
        "旧电脑.zip/荆谷学校.docx": ("瑞安市陶山镇荆谷学校（编号 1-1）", "已收入第1版，合格"),
        "旧电脑.zip/说明.txt": ("", not_a_form),
    }
    assert _counts(office, site)["returned"] == "2"


def test_a_form_of_another_campaign_and_a_file_sent_twice_are_said_in_words(
        office, site, filled, tmp_path):
    from forms.layout import build_template, document_bytes
    from forms.registry import get_form

    other = document_bytes(build_template(get_form("yueyang-2020-taskbook")))
    good = filled("2").read_bytes()
    answer = _send(office, site, [("任务书.docx", other), ("a.docx", good), ("b.docx", good)])
    lines = _lines(_finished(office, answer.headers["location"]))
    assert lines["任务书.docx"][1] == (
        "未收下：这不是本次征集的《瑞安市教育信息化应用“回头看”项目建设报告》，未收入")
    assert lines["a.docx"][1] == "已收入第1版，合格"
    assert lines["b.docx"][1] == "与已收到的第1版相同，未改变"


def _zip(members):
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            archive.writestr(name, content)
    return bundle.getvalue()


@pytest.mark.parametrize(("members", "said"), [
    ([("../../etc/cron.d/x.docx", b"PK")], "文件名指向压缩包之外（“../../etc/cron.d/x.docx”）"),
    ([("/tmp/x.docx", b"PK")], "文件名指向压缩包之外"),
    ([("C:\\Windows\\x.docx", b"PK")], "文件名指向压缩包之外"),
    ([("炸弹.docx", b"\x00" * (9 * 1024 * 1024))], "解压后异常巨大（疑似“压缩炸弹”）"),
    ([(f"{n}.docx", b"") for n in range(MAX_MEMBERS + 1)], f"文件过多（{MAX_MEMBERS + 1} 个"),
], ids=["traversal", "absolute", "drive", "bomb", "too-many"])
def test_a_hostile_zip_is_refused_whole_and_nothing_is_kept(
        office, site, filled, members, said):
    answer = _send(office, site, [("good.docx", filled("2").read_bytes()),
                                  ("坏.zip", _zip(members))])
    assert answer.status_code == 422
    assert "这次上传没有收下" in answer.text
    assert "压缩包“坏.zip”" in answer.text and said in answer.text
    assert "Traceback" not in answer.text
    assert _counts(office, site)["returned"] == "0"
    with Store(site.db) as store:
        assert all_kept(store) == []
    assert "/batch/" not in office.get(f"/office/c/{site.campaign}").text


def test_a_damaged_zip_is_refused_in_words(office, site):
    answer = _send(office, site, [("回执.zip", b"PK\x03\x04 broken")])
    assert answer.status_code == 422
    assert "压缩包“回执.zip”已损坏或不是 zip 文件" in answer.text


def test_a_batch_needs_the_csrf_token(office, site, filled):
    answer = office.post(f"/office/c/{site.campaign}/batch",
                         files={"files": ("a.docx", filled("2").read_bytes())})
    assert answer.status_code == 403
    assert _counts(office, site)["returned"] == "0"


def test_a_batch_too_big_is_refused(office, site, monkeypatch):
    import web.office_batch

    monkeypatch.setattr(web.office_batch, "MAX_BATCH", 5000)
    answer = _send(office, site, [("a.docx", b"x" * 10_000)])
    assert answer.status_code == 413 and "请分几次上传" in answer.text


def test_too_many_files_at_once_are_refused_in_words(office, site, monkeypatch):
    import web.office_batch

    monkeypatch.setattr(web.office_batch, "MAX_FORM_FILES", 2)
    answer = _send(office, site, [(f"{n}.docx", b"PK") for n in range(3)])
    assert answer.status_code == 400
    assert "一次最多选 2 个文件；请把文件打成 zip 压缩包上传" in answer.text


def test_a_batch_is_seen_only_under_its_own_campaign(office, site, filled):
    answer = _send(office, site, [("a.docx", filled("2").read_bytes())])
    address = answer.headers["location"]
    _finished(office, address)
    number = address.rsplit("/", 1)[1]
    assert office.get(f"/office/c/{site.other_campaign}/batch/{number}").status_code == 404
    assert office.get(f"/office/c/{site.campaign}/batch/{int(number) + 1}").status_code == 404
    board = office.get(f"/office/c/{site.campaign}").text
    assert f'href="/office/c/{site.campaign}/batch/{number}"' in board
