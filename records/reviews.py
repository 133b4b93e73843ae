"""Reviews at the levels: a county's and the city's opinions on a school's return, and forwarding.

Which of a form's blanks is a level's opinion block is read off the definition, for any
form: a blank of its own cell whose label ends in 意见 and which has printed parts (the
signer's and the date's lines). The words before 意见 say the level: 县 or 区 make it the
county's (县市区教育局意见), else 市 makes it the city's (市教育局意见); any other
(单位意见) is the school's own. Its text part is the signer (负责人), its date part the date.

Each save is a row of its own (``reviews``), numbered 1, 2 … per roster row and level; the
school's returned version is never changed. A save names the revision its page showed: when
another reviewer saved meanwhile, it is refused (``ReviewConflict``), never lost. A county's
latest review counts only for the school's version it was written on: a later version puts
the row back to 待审核.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from forms.errors import TianbiaoError
from forms.model import FieldSpec, FormSpec
from parsers.record import FieldValue, Record
from records.campaigns import Campaign
from records.schema import reviews as _reviews
from records.store import Store

COUNTY, CITY = "county", "city"
STATE_WORDS = {"waiting": "未交", "to_review": "待审核", "reviewed": "已审核（未转报）",
               "forwarded": "已转报市教育局"}


@dataclass(frozen=True)
class OpinionBlock:
    """A level's opinion block on a form: the opinion blank, its signer's and date's parts."""

    level: str
    opinion: FieldSpec
    signer: FieldSpec | None
    date: FieldSpec | None


@dataclass(frozen=True)
class Review:
    """One saved opinion of a level on a roster row's return."""

    level: str
    revision: int
    office: str
    version: int
    opinion: str
    signer: str
    signed: str | None
    forwarded: bool
    saved: str


class ReviewConflict(TianbiaoError):
    """Another reviewer saved this row's opinion after the page was opened."""


def opinion_blocks(spec: FormSpec) -> dict[str, OpinionBlock]:
    """Return the form's opinion blocks by level ("county", "city"), by their labels' words."""
    found: dict[str, OpinionBlock] = {}
    for field in spec.top_fields():
        parts = spec.parts_of(field.id)
        if not parts or not field.label.endswith("意见"):
            continue
        words = field.label[: -len("意见")]
        level = COUNTY if ("县" in words or "区" in words) else CITY if "市" in words else None
        if level is None or level in found:
            continue
        signer = next((p for p in parts if p.kind == "text"), None)
        date = next((p for p in parts if p.kind == "date"), None)
        found[level] = OpinionBlock(level, field, signer, date)
    return found


def reviews_of(store: Store, campaign: Campaign, key: str | None = None
               ) -> dict[tuple[str, str], Review]:
    """Return the latest review by (roster key, level) of `campaign` (of row `key` only)."""
    table = _reviews
    query = sa.select(table).where(table.c.campaign == campaign.id)
    if key is not None:
        query = query.where(table.c.roster_key == key)
    with store.connected() as connection:
        rows = connection.execute(query.order_by(table.c.revision)).all()
    return {(row.roster_key, row.level): _review(row) for row in rows}


def save_review(store: Store, campaign: Campaign, key: str, level: str, office: str, *,
                opinion: str, signer: str, signed: dt.date | None, forward: bool,
                seen_revision: int) -> Review:
    """Save `office`'s opinion on row `key` at `level`, unless someone saved since `seen_revision`.

    The county forwards with `forward`; the city writes only on rows its county forwarded.
    """
    if not opinion.strip():
        raise TianbiaoError("请填写意见后再保存", code="empty_opinion")
    if not signer.strip():
        raise TianbiaoError("请填写负责人后再保存", code="empty_signer")
    table = _reviews
    with store.transaction():  # the store's write lock: saves of this row take turns
        versions = store.versions(campaign.form_id, key)
        if not versions:
            raise TianbiaoError("这一行还没有交表，无从审核", code="nothing_to_review")
        latest = _latest(store, campaign, key, level)
        current = latest.revision if latest else 0
        if current != seen_revision:
            assert latest is not None
            raise ReviewConflict(
                f"已被{latest.office}修改（{latest.saved.replace('T', ' ')}），请刷新页面，"
                "看过最新的意见后再保存", code="review_conflict")
        if level == CITY and not is_forwarded(store, campaign, key, versions[-1].version):
            raise TianbiaoError("县市区教育局还没有转报这一行，市教育局暂不能写意见",
                                code="not_forwarded")
        saved = dt.datetime.now().isoformat(timespec="seconds")
        values: dict[str, Any] = {"campaign": campaign.id, "roster_key": key, "level": level,
                  "revision": current + 1, "office": office, "version": versions[-1].version,
                  "opinion": opinion.strip(), "signer": signer.strip(),
                  "signed": signed.isoformat() if signed else None,
                  "forwarded": forward and level == COUNTY, "saved": saved}
        store.connection.execute(table.insert().values(**values))
    return Review(level, current + 1, office, versions[-1].version, values["opinion"],
                  values["signer"], values["signed"], bool(values["forwarded"]), saved)


def is_forwarded(store: Store, campaign: Campaign, key: str, version: int) -> bool:
    """Return whether the county forwarded row `key`'s return as of its `version`."""
    review = _latest(store, campaign, key, COUNTY)
    return review is not None and review.forwarded and review.version == version


def row_state(latest_version: int | None, review: Review | None) -> str:
    """Return a row's review state: waiting, to_review, reviewed or forwarded."""
    if latest_version is None:
        return "waiting"
    if review is None or review.version != latest_version:
        return "to_review"
    return "forwarded" if review.forwarded else "reviewed"


def with_opinions(spec: FormSpec, record: Record, reviews: list[Review]) -> Record:
    """Return a copy of `record` whose opinion blocks carry the reviews' values."""
    blocks = opinion_blocks(spec)
    shown = copy.deepcopy(record)
    for review in reviews:
        block = blocks.get(review.level)
        if block is None:
            continue
        _put(shown, block.opinion, review.opinion)
        if block.signer is not None:
            _put(shown, block.signer, review.signer)
        if block.date is not None:
            _put(shown, block.date, review.signed)
    return shown


def current_reviews(store: Store, campaign: Campaign, key: str, version: int) -> list[Review]:
    """Return the reviews of row `key` that were written on the school's `version`."""
    found = reviews_of(store, campaign, key)
    return [r for (_, _level), r in sorted(found.items()) if r.version == version]


def _put(record: Record, field: FieldSpec, value: Any) -> None:
    for item in record.fields:
        if item.id == field.id:
            item.value, item.raw = value, "" if value is None else str(value)
            return
    record.fields.append(FieldValue(field.id, field.label, field.column, value,
                                    "" if value is None else str(value)))


def _latest(store: Store, campaign: Campaign, key: str, level: str) -> Review | None:
    table = _reviews
    with store.connected() as connection:
        row = connection.execute(
            sa.select(table).where(table.c.campaign == campaign.id, table.c.roster_key == key,
                                   table.c.level == level)
            .order_by(table.c.revision.desc()).limit(1)).first()
    return None if row is None else _review(row)


def _review(row: Any) -> Review:
    return Review(row.level, row.revision, row.office, row.version, row.opinion, row.signer,
                  row.signed, bool(row.forwarded), row.saved)
