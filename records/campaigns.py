"""Campaigns in the store: a form sent to a roster, each row's link, the office's password.

A campaign keeps its roster rows, so the web page never needs the list's file again. Each
row's link carries a random token (``secrets.token_urlsafe(24)``: 192 bits); only the token's
SHA-256 is stored, so the store alone cannot give a link away. A token is looked up by its
hash and the hash compared in constant time. The office password is kept as a salted scrypt
hash. The tables are the store's own (records/schema.py), on SQLite and PostgreSQL alike.

One campaign per form in a store: submissions are filed by form (records/store.py), so a
second campaign of the same form (next year's round) goes in another store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa

from forms.errors import TianbiaoError
from forms.labels import label_key
from forms.model import FormSpec
from forms.registry import get_form
from records.schema import campaigns as _campaigns
from records.schema import links as _links
from records.schema import office as _office
from records.schema import offices as _offices
from records.schema import uploads as _uploads
from records.status import RowStatus, roster_status
from records.store import Store
from rosters.model import Roster, RosterRow

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MIN_PASSWORD = 8


@dataclass(frozen=True)
class Campaign:
    """A form sent to every row of a roster, with its due date."""

    id: int
    form: str
    form_id: str
    name: str
    due: dt.date | None
    roster: Roster
    created: str
    county_column: str | None = None  # the roster column naming each row's county office
    county: str | None = None  # as one county sees it (for_county): its rows only

    @property
    def has_levels(self) -> bool:
        """Tell whether the campaign is the city's, each row belonging to a county."""
        return self.county_column is not None

    def county_of(self, row: RosterRow) -> str:
        """Return the county office roster `row` belongs to ("" without levels)."""
        return str(row.get(self.county_column) or "").strip() if self.county_column else ""

    def for_county(self, county: str) -> Campaign:
        """Return the campaign as county `county` sees it: only its own roster rows."""
        rows = [row for row in self.roster.rows if self.county_of(row) == county]
        return replace(self, roster=replace(self.roster, rows=rows), county=county)

    @property
    def spec(self) -> FormSpec:
        """Return the campaign's form definition."""
        return get_form(self.form)

    def row(self, key: str) -> RosterRow | None:
        """Return the roster row with `key`, or None."""
        return next((row for row in self.roster.rows if row.key == key), None)

    def as_json(self) -> dict[str, Any]:
        """Return the campaign as plain data."""
        return {"id": self.id, "form": self.form_id, "name": self.name,
                "due": self.due.isoformat() if self.due else None,
                "rows": len(self.roster.rows), "created": self.created}


@dataclass(frozen=True)
class Link:
    """A school's link: a fresh token for one roster row (the token is never stored)."""

    key: str
    school: str
    project: str
    token: str


def add_campaign(store: Store, form: str, roster: Roster, *, due: dt.date | None = None,
                 name: str | None = None, county_column: str | None = None) -> Campaign:
    """Store a new campaign of `form` (an id or a definition's path) over `roster`.

    With `county_column`, the campaign is the city's: that roster column names each row's
    county office, and every row must name one.
    """
    spec = get_form(form)
    with store.connected() as connection:
        taken = connection.execute(
            sa.select(_campaigns.c.id).where(_campaigns.c.form_id == spec.id)).first()
    if taken is not None:
        raise TianbiaoError(
            f"{store.described} 里已有《{spec.title}》的征集（编号 {taken.id}）；"
            "同一张表的新一轮征集请用另一个数据文件或数据库（--db）", code="campaign_exists")
    if not roster.rows:
        raise TianbiaoError("名单里没有任何一行，无法建立征集", code="empty_roster")
    if county_column is not None:
        county_column = _check_county_column(store, roster, county_column)
    data = {"source": roster.source, "title": roster.title, "headers": roster.headers,
            "form": roster.form.id if roster.form else None,
            "rows": [{"key": r.key, "position": r.position, "values": r.values}
                     for r in roster.rows]}
    created = dt.datetime.now().isoformat(timespec="seconds")
    with store.transaction():
        number = store.connection.execute(
            _campaigns.insert().values(
                form=form, form_id=spec.id, name=name or spec.title,
                due=due.isoformat() if due else None,
                roster=json.dumps(data, ensure_ascii=False, default=str), created=created,
                county_column=county_column)
            .returning(_campaigns.c.id)).scalar_one()
    return get_campaign(store, number)


def campaigns(store: Store) -> list[Campaign]:
    """Return every campaign in `store`, oldest first."""
    with store.connected() as connection:
        rows = connection.execute(sa.select(_campaigns).order_by(_campaigns.c.id)).all()
    return [_campaign(row) for row in rows]


def get_campaign(store: Store, number: int) -> Campaign:
    """Return campaign `number`, or fail naming the campaigns there are."""
    row = None
    if 0 < number < 2**63:  # a number no id can be is no campaign either
        with store.connected() as connection:
            row = connection.execute(
                sa.select(_campaigns).where(_campaigns.c.id == number)).first()
    if row is None:
        known = ("、".join(str(c.id) for c in campaigns(store))
                 or "（还没有，先用 tianbiao campaign add）")
        raise TianbiaoError(f"{store.described} 里没有编号为 {number} 的征集；已有：{known}",
                            code="no_campaign")
    return _campaign(row)


def has_links(store: Store, campaign: Campaign) -> bool:
    """Return whether links were already made for `campaign`."""
    with store.connected() as connection:
        return connection.execute(
            sa.select(_links.c.roster_key).where(_links.c.campaign == campaign.id).limit(1)
        ).first() is not None


def make_links(store: Store, campaign: Campaign) -> list[Link]:
    """Make a fresh token for every roster row of `campaign`; earlier links stop working."""
    spec = campaign.spec
    links = [Link(row.key, school_of(spec, row), project_of(spec, row),
                  secrets.token_urlsafe(24)) for row in campaign.roster.rows]
    created = dt.datetime.now().isoformat(timespec="seconds")
    with store.transaction():
        store.connection.execute(_links.delete().where(_links.c.campaign == campaign.id))
        store.connection.execute(_links.insert(), [
            {"campaign": campaign.id, "roster_key": link.key,
             "token_sha256": token_hash(link.token), "created": created} for link in links])
    return links


def token_hash(token: str) -> str:
    """Return the hex SHA-256 a token is stored as."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def find_link(store: Store, token: str) -> tuple[Campaign, RosterRow] | None:
    """Return the campaign and roster row `token` opens, or None for any other text."""
    wanted = token_hash(token)
    with store.connected() as connection:
        row = connection.execute(
            sa.select(_links.c.campaign, _links.c.roster_key, _links.c.token_sha256)
            .where(_links.c.token_sha256 == wanted)).first()
    if row is None or not hmac.compare_digest(row.token_sha256, wanted):
        return None
    campaign = get_campaign(store, row.campaign)
    roster_row = campaign.row(row.roster_key)
    return (campaign, roster_row) if roster_row is not None else None


def note_upload(store: Store, campaign: Campaign, key: str, sha256: str, name: str) -> None:
    """Remember the name a school's file had when it was sent through its link."""
    with store.connected(write=True) as connection:
        connection.execute(_uploads.insert().values(
            campaign=campaign.id, roster_key=key, sha256=sha256, name=name,
            received=dt.datetime.now().isoformat(timespec="seconds")))


def sent_names(store: Store, campaign: Campaign, key: str) -> dict[str, str]:
    """Return {sha256: the name the file was sent under} for roster row `key`."""
    return _sent_names(store, (_uploads.c.campaign == campaign.id)
                       & (_uploads.c.roster_key == key))


def campaign_sent_names(store: Store, campaign: Campaign) -> dict[str, str]:
    """Return {sha256: the name the file was sent under} for every row of `campaign`."""
    return _sent_names(store, _uploads.c.campaign == campaign.id)


def _sent_names(store: Store, which: sa.ColumnElement[bool]) -> dict[str, str]:
    with store.connected() as connection:
        rows = connection.execute(
            sa.select(_uploads.c.sha256, _uploads.c.name).where(which).order_by(_uploads.c.id)
        ).all()
    return {row.sha256: row.name for row in rows}


def set_password(store: Store, password: str) -> None:
    """Keep the office password as a salted scrypt hash, replacing any earlier one."""
    if len(password) < MIN_PASSWORD:
        raise TianbiaoError(f"密码太短：至少 {MIN_PASSWORD} 个字符", code="short_password")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, **_SCRYPT)
    _set(store, "password", f"scrypt${salt.hex()}${digest.hex()}")
    end_office_sessions(store)  # a new password logs out everyone who had the old one


def office_session(store: Store) -> str:
    """Return the token every logged-in office session carries (made on first use)."""
    token = _get(store, "office_session")
    if token is None:
        token = secrets.token_urlsafe(24)
        _set(store, "office_session", token)
    return token


def end_office_sessions(store: Store) -> None:
    """Log out every office session: the token they carry is replaced."""
    _set(store, "office_session", secrets.token_urlsafe(24))


def has_password(store: Store) -> bool:
    """Return whether the office password has been set."""
    return _get(store, "password") is not None


def check_password(store: Store, password: str) -> bool:
    """Return whether `password` is the office password (False when none is set)."""
    stored = _get(store, "password")
    if stored is None:
        return False
    _, salt, digest = stored.split("$")
    tried = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), **_SCRYPT)
    return hmac.compare_digest(tried.hex(), digest)


def session_secret(store: Store) -> str:
    """Return the secret that signs office sessions, made once and kept in the store."""
    secret = _get(store, "session_secret")
    if secret is None:
        with store.connected(write=True) as connection:
            connection.execute(store.insert(_office).values(
                name="session_secret", value=secrets.token_urlsafe(32)).on_conflict_do_nothing())
        secret = _get(store, "session_secret")
    assert secret is not None
    return secret


def campaign_status(store: Store, campaign: Campaign, today: dt.date) -> list[RowStatus]:
    """Return every roster row's state, judged by the campaign's due date when it has one."""
    rows = roster_status(campaign.spec, campaign.roster, store, today=today)
    if campaign.due is None:
        return rows
    late = today > campaign.due
    return [replace(r, state="overdue" if late else "missing")
            if r.state in ("missing", "overdue") else r for r in rows]


def school_of(spec: FormSpec, row: RosterRow) -> str:
    """Return the school's name in `row`, by the column the form's name blank is filled from."""
    field = spec.school_field
    header = field.prefill if field is not None and field.prefill else "学校名称"
    return str(row.get(header) or "")


def project_of(spec: FormSpec, row: RosterRow) -> str:
    """Return the row's other pre-filled words (its project), joined."""
    return "，".join(str(row.get(f.prefill)) for f in spec.project_fields
                    if f.prefill and row.get(f.prefill) is not None)


def _check_county_column(store: Store, roster: Roster, column: str) -> str:
    """Return the roster's header named `column`, refusing rows whose county is not an office."""
    header = next((h for h in roster.headers if label_key(h) == label_key(column)), None)
    if header is None:
        raise TianbiaoError(f"名单里没有“{column}”这一列；名单的列有：{'、'.join(roster.headers)}",
                            code="no_county_column")
    with store.connected() as connection:
        known = set(connection.execute(sa.select(_offices.c.name).where(
            _offices.c.level == "county")).scalars())
    if not known:
        raise TianbiaoError("还没有建立县市区单位：请先用 tianbiao office add 名称 --level county",
                            code="no_counties")
    wrong = [(row.position, str(row.get(header) or "").strip()) for row in roster.rows
             if str(row.get(header) or "").strip() not in known]
    if wrong:
        listed = "；".join(f"第 {position} 行“{value or '（空）'}”"
                          for position, value in wrong[:20])
        more = f"等 {len(wrong)} 行" if len(wrong) > 20 else ""
        raise TianbiaoError(f"名单“{header}”一列中这些行不是已建立的县市区单位：{listed}{more}。"
                            f"已建立的有：{'、'.join(sorted(known))}", code="unknown_county")
    return header


def _set(store: Store, name: str, value: str) -> None:
    statement = store.insert(_office).values(name=name, value=value)
    with store.connected(write=True) as connection:
        connection.execute(statement.on_conflict_do_update(
            index_elements=["name"], set_={"value": statement.excluded.value}))


def _get(store: Store, name: str) -> str | None:
    with store.connected() as connection:
        value = connection.execute(
            sa.select(_office.c.value).where(_office.c.name == name)).scalar()
    return None if value is None else str(value)


def _campaign(row: Any) -> Campaign:
    data = json.loads(row.roster)
    rows = [RosterRow(r["key"], r["position"], r["values"]) for r in data["rows"]]
    roster = Roster(data["source"], data["headers"], rows, data["title"],
                    get_form(data["form"]) if data["form"] else None)
    due = dt.date.fromisoformat(row.due) if row.due else None
    return Campaign(row.id, row.form, row.form_id, row.name, due, roster, row.created,
                    row.county_column)
