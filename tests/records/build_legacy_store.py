"""Build tests/records/legacy/legacy-5abf4e7.db: a store made by tianbiao before migrations.

Run it with the code of commit 5abf4e7 (the last before the store moved to SQLAlchemy and
Alembic) first on the path, e.g. ``git archive 5abf4e7 | tar -x -C /tmp/old`` and then
``PYTHONPATH=/tmp/old:/tmp/old/samples:/tmp/old/tests python tests/records/build_legacy_store.py``.
It writes the store (checkpointed: one file), its ``.files`` folder and legacy-5abf4e7.json
(the token of row 1-1's link, the two kept files' hashes) beside it.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import tempfile
from pathlib import Path

from fill_as_school import fill_document
from school_returns import ANSWERS

from forms.registry import get_form
from generator.render import generate_copies
from records.batches import Arrival, receive_batch
from records.campaigns import add_campaign, make_links, set_password
from records.handin import hand_in, keep_file
from records.store import Store
from rosters.roster import read_roster_for

HERE = Path(__file__).resolve().parent
TARGET = HERE / "legacy" / "legacy-5abf4e7.db"
SAMPLES = HERE.parents[1] / "samples"
FORM = "ruian-2022-report"


def main() -> None:
    """Build the legacy store with a campaign, links, two versions, a grade and a batch."""
    for old in (TARGET, TARGET.with_name(TARGET.name + ".files")):
        shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
    spec = get_form(FORM)
    roster = read_roster_for(SAMPLES / "ruian-2022-list.xlsx", spec)
    scratch = Path(tempfile.mkdtemp())
    copies = {c.key: c.path for c in generate_copies(spec, roster, scratch / "copies")}
    first, second = scratch / "first.docx", scratch / "second.docx"
    fill_document(copies["1-1"], ANSWERS["1-1"], first)
    fill_document(first, {"效益": "全校 52 名教师每周使用平台。"}, second)
    with Store(TARGET) as store:
        campaign = add_campaign(store, FORM, roster, due=dt.date(2023, 3, 10))
        token = next(link.token for link in make_links(store, campaign) if link.key == "1-1")
        hand_in(store, campaign, campaign.row("1-1"), first.read_bytes(), "荆谷学校报告.docx")
        hand_in(store, campaign, campaign.row("1-1"), second.read_bytes(),
                "荆谷学校报告（改）.docx")
        with store.transaction():
            store.set_grade(FORM, "1-1", 2022, "优秀", waste=True)
        set_password(store, "office-pass-2023")
        _, digest = keep_file(store, copies["2"].read_bytes(), "塘下.docx")
        receive_batch(store, campaign, [Arrival("塘下.docx", digest, ".docx"),
                                        Arrival("照片.jpg", refused="这是图片")])
    with sqlite3.connect(TARGET) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
    hashes = sorted(p.name for p in TARGET.with_name(TARGET.name + ".files").glob("*/*"))
    TARGET.with_suffix(".json").write_text(json.dumps(
        {"token_1_1": token, "kept": hashes}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")
    shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
