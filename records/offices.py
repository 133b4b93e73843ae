"""Offices at their levels: a city and its counties, each with its own password and sessions.

A store without offices is one office, exactly as before: one password and one session
token in the ``office`` table (records/campaigns.py). Once offices are added, the city is
that same office — its password and sessions stay where they were — and each county has its
own row here: its own salted scrypt password and its own session token, so a county's
logging out (or new password) ends that county's sessions only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from forms.errors import TianbiaoError
from records import campaigns as single
from records.schema import offices as _offices
from records.store import Store

LEVELS = {"city": "市", "county": "县市区"}
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


@dataclass(frozen=True)
class Office:
    """One office: the city (`level` "city") or one of its counties."""

    name: str
    level: str
    parent: str | None

    @property
    def is_county(self) -> bool:
        """Tell whether the office is a county's (it sees only its own rows)."""
        return self.level == "county"


def offices(store: Store) -> list[Office]:
    """Return every office in `store`: the city first, then its counties by name."""
    with store.connected() as connection:
        rows = connection.execute(sa.select(_offices)).all()
    found = [Office(r.name, r.level, r.parent) for r in rows]
    return sorted(found, key=lambda o: (o.level != "city", o.name))


def counties(store: Store) -> list[Office]:
    """Return the county offices, by name."""
    return [o for o in offices(store) if o.is_county]


def city(store: Store) -> Office | None:
    """Return the city's office, or None in a store of one office."""
    return next((o for o in offices(store) if o.level == "city"), None)


def get_office(store: Store, name: str) -> Office:
    """Return the office called `name`, or fail naming the offices there are."""
    found = next((o for o in offices(store) if o.name == name), None)
    if found is None:
        known = "、".join(o.name for o in offices(store)) or "（还没有，先用 tianbiao office add）"
        raise TianbiaoError(f"{store.described} 里没有叫“{name}”的单位；已有：{known}",
                            code="no_office")
    return found


def add_office(store: Store, name: str, level: str, parent: str | None = None) -> Office:
    """Add office `name` at `level`; a county names its city (`parent`), the city none."""
    name = name.strip()
    if not name:
        raise TianbiaoError("单位名称不能为空", code="bad_office")
    if level not in LEVELS:
        raise TianbiaoError(f"级别“{level}”不对：只能是 city（市）或 county（县市区）",
                            code="bad_office")
    known = {o.name: o for o in offices(store)}
    if name in known:
        raise TianbiaoError(f"已有叫“{name}”的单位", code="office_exists")
    the_city = next((o for o in known.values() if o.level == "city"), None)
    if level == "city":
        if the_city is not None:
            raise TianbiaoError(f"已有市级单位“{the_city.name}”：一个数据库只有一个市",
                                code="office_exists")
        parent = None
    else:
        if the_city is None:
            raise TianbiaoError("请先建立市级单位：tianbiao office add 名称 --level city",
                                code="no_city")
        parent = parent or the_city.name
        if parent != the_city.name:
            raise TianbiaoError(f"县市区的上级只能是本市“{the_city.name}”，不是“{parent}”",
                                code="bad_office")
    with store.connected(write=True) as connection:
        connection.execute(_offices.insert().values(
            name=name, level=level, parent=parent,
            created=dt.datetime.now().isoformat(timespec="seconds")))
    return Office(name, level, parent)


def set_office_password(store: Store, name: str | None, password: str) -> None:
    """Set office `name`'s password (None or the city: the store's own office password)."""
    office = _county_or_none(store, name)
    if office is None:
        single.set_password(store, password)
        return
    if len(password) < single.MIN_PASSWORD:
        raise TianbiaoError(f"密码太短：至少 {single.MIN_PASSWORD} 个字符",
                            code="short_password")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, **_SCRYPT)
    _update(store, office.name, password=f"scrypt${salt.hex()}${digest.hex()}",
            session=secrets.token_urlsafe(24))


def check_office_password(store: Store, name: str | None, password: str) -> bool:
    """Return whether `password` is office `name`'s (False when it has none, or no such office)."""
    try:
        office = _county_or_none(store, name)
    except TianbiaoError:
        return False
    if office is None:
        return single.check_password(store, password)
    stored = _row(store, office.name).password
    if stored is None:
        return False
    _, salt, digest = stored.split("$")
    tried = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), **_SCRYPT)
    return hmac.compare_digest(tried.hex(), digest)


def office_session_of(store: Store, name: str | None) -> str:
    """Return the token every logged-in session of office `name` carries (made on first use)."""
    office = _county_or_none(store, name)
    if office is None:
        return single.office_session(store)
    token = _row(store, office.name).session
    if token is None:
        token = secrets.token_urlsafe(24)
        _update(store, office.name, session=token)
    return str(token)


def end_sessions_of(store: Store, name: str | None) -> None:
    """Log out every session of office `name`: the token they carry is replaced."""
    office = _county_or_none(store, name)
    if office is None:
        single.end_office_sessions(store)
        return
    _update(store, office.name, session=secrets.token_urlsafe(24))


def _county_or_none(store: Store, name: str | None) -> Office | None:
    """Return the county office `name`; None for the city, or when `name` is None."""
    if name is None:
        return None
    office = get_office(store, name)
    return office if office.is_county else None


def _row(store: Store, name: str) -> Any:
    with store.connected() as connection:
        return connection.execute(sa.select(_offices).where(_offices.c.name == name)).one()


def _update(store: Store, name: str, **values: Any) -> None:
    with store.connected(write=True) as connection:
        connection.execute(_offices.update().where(_offices.c.name == name).values(**values))
