"""Rows of the bulk benchmark data, generated fast and without the ORM or pydantic.

Identifiers, phones and organization codes are bijections of the row's index (an affine map
modulo the size of their space), so they never collide among a million rows, and the
benchmark can compute the phone of any row (`bulk_phone`) without reading the database.
Timestamps are pre-formatted text in the form SQLAlchemy stores them in on SQLite (with `+00`
appended for PostgreSQL's timestamptz).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from random import Random

from . import generators

# The demo's 138 range and its background prefixes stay apart from these two halves, which
# keep admins' and legal representatives' mobiles disjoint.
_ADMIN_PREFIXES = ("139", "150", "151", "152", "158", "159", "182", "183", "187", "188", "135")
_LEGAL_REP_PREFIXES = ("130", "131", "132", "155", "156", "185", "186", "133", "153", "180")
_ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_ID_SPACE = 32**8
_ACCOUNT_SPACE = 32**10
_MOBILE_SPACE = 10**8
_ORG_SPACE = 9 * 10**7  # 8-digit bodies not starting with 4 (the demo's own)
# Each bulk application's status by `index % 100`; "change" is a change draft of the approved
# application just before it.
_STATUS_BY_SLOT = (
    ["approved"] * 74 + ["change"] + ["pending"] * 7 + ["rejected"] * 4 + ["draft"] * 14
)
_REJECTION = "执业许可证扫描件不清晰，请重新扫描上传。"


def _affine(index: int, seed: int, multiplier: int, space: int) -> int:
    """A bijection of [0, space) when `multiplier` is coprime to `space`; the offset depends
    on the seed and the multiplier, so each kind of value gets its own sequence."""
    return (index * multiplier + (seed + 1) * 0x9E3779B97F4A7C15 * multiplier) % space


_PAIRS = [a + b for a in _ID_ALPHABET for b in _ID_ALPHABET]


def _base32(value: int, width: int) -> str:
    """`value` in `width` (even) characters of the readable alphabet, two at a time."""
    return "".join(_PAIRS[(value >> (10 * i)) & 1023] for i in range(width // 2))


def bulk_phone(index: int, seed: int) -> str:
    """The data administrator's mobile of bulk application `index`: valid, and unique but for
    a change draft, which shares the mobile of the approved application it changes."""
    if _STATUS_BY_SLOT[index % 100] == "change":
        index -= 1
    prefix = _ADMIN_PREFIXES[index % len(_ADMIN_PREFIXES)]
    return prefix + f"{_affine(index, seed, 48271, _MOBILE_SPACE):08d}"


def bulk_application_id(index: int, seed: int) -> str:
    chars = _base32(_affine(index, seed, 1_103_515_245, _ID_SPACE), 8)
    return f"{chars[:4]}-{chars[4:]}"


def _legal_rep_phone(index: int, seed: int) -> str:
    prefix = _LEGAL_REP_PREFIXES[index % len(_LEGAL_REP_PREFIXES)]
    number = _affine(index, seed, 69621, _MOBILE_SPACE)
    return prefix + f"{number:08d}"


def _organization(index: int, seed: int) -> str:
    body = _affine(index, seed, 2_654_435_761 % _ORG_SPACE, _ORG_SPACE)
    return f"{body + 10**7 if body >= 4 * 10**7 else body:08d}"


@dataclass
class BulkRows:
    """Rows for one batch, as tuples in the column order of `COLUMNS`."""

    applications: list[tuple[object, ...]] = field(default_factory=list)
    form_revisions: list[tuple[object, ...]] = field(default_factory=list)
    accounts: list[tuple[object, ...]] = field(default_factory=list)
    audit_events: list[tuple[object, ...]] = field(default_factory=list)


COLUMNS = {
    "applications": (
        "id", "kind", "status", "revision", "form_number", "code", "name", "admin_phone",
        "legal_rep_phone", "created_at", "updated_at", "submitted_at", "parent_id",
        "account_id", "review_reason", "reviewer", "reviewed_at",
    ),
    "form_revisions": ("application_id", "number", "form", "created_at", "created_by"),
    "accounts": (
        "id", "login_name", "admin_phone", "admin_name", "admin_email", "code", "name",
        "password_hash", "must_change_password", "created_at", "updated_at",
    ),
    "audit_events": ("application_id", "at", "actor", "action", "params"),
}  # fmt: skip


class TimeText:
    """Seconds before `now` as the text SQLite stores (`2026-01-02 03:04:05.000000`).

    Formatting a million datetimes costs seconds; looking up a day and a clock string does not.
    """

    def __init__(self, now: datetime, days: int, suffix: str = "") -> None:
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
        self._days = [(midnight - timedelta(days=d)).strftime("%Y-%m-%d ") for d in range(days)]
        self._clock = [
            f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.000000{suffix}" for s in range(86400)
        ]
        self._since_midnight = now.hour * 3600 + now.minute * 60 + now.second

    def ago(self, seconds: int) -> str:
        day_offset, clock = divmod(self._since_midnight - seconds, 86400)
        return self._days[-day_offset] + self._clock[clock]


class BulkGenerator:
    """Generates the rows of bulk applications `start … stop`."""

    def __init__(self, seed: int, now: datetime, *, time_suffix: str = "") -> None:
        self.seed = seed
        self.rng = Random(seed)
        self.year = now.year
        # PostgreSQL reads `+00` as UTC; SQLite stores naive UTC text.
        self.times = TimeText(now, days=4 * 366, suffix=time_suffix)
        self.places = [p for group in generators.places_by_province() for p in group]

    def batch(self, start: int, stop: int) -> BulkRows:
        rows = BulkRows()
        for index in range(start, stop):
            self._one(index, rows)
        return rows

    def _one(self, index: int, rows: BulkRows) -> None:
        rng, seed = self.rng, self.seed
        slot = _STATUS_BY_SLOT[index % 100]
        app_id = bulk_application_id(index, seed)
        if slot == "change":
            self._change(index, app_id, rows)
            return
        inst = generators.institution(
            rng,
            place=generators.pick(rng, self.places),
            current_year=self.year,
            organization=_organization(index, seed),
        )
        admin_phone, legal_phone = bulk_phone(index, seed), _legal_rep_phone(index, seed)
        admin_name, legal_rep_name = generators.person_name(rng), generators.person_name(rng)
        admin_email = f"admin{index:07d}@hospital{index:07d}.example.com"
        form_text = _form_text(
            inst, admin_name, admin_phone, admin_email, legal_rep_name, legal_phone
        )
        age = 3600 + int(rng.random() * 3 * 365 * 86400)
        created = self.times.ago(age)
        submitted = reviewed = updated = None
        reviewer = reason = account_id = None
        # `params` as JSON text, like `form_text`: the values are digits and our own words.
        masked = f"{admin_phone[:3]}****{admin_phone[-4:]}"
        events = [(app_id, created, "applicant", "created", f'{{"phone":"{masked}"}}')]
        submitted_age = age - int(rng.random() * min(age, 3 * 86400))
        if slot != "draft":
            submitted = self.times.ago(submitted_age)
            events.append((app_id, submitted, "applicant", "submitted", "{}"))
        if slot in ("approved", "rejected"):
            reviewed = self.times.ago(submitted_age // 2)
            reviewer = "reviewer"
            if slot == "rejected":
                reason = _REJECTION
                params = f'{{"reason":"{reason}"}}'
                events.append((app_id, reviewed, reviewer, "rejected", params))
            else:
                account_id = "AC" + _base32(
                    _affine(index, seed, 25_214_903_917, _ACCOUNT_SPACE), 10
                )
                # The account id, not the index, keeps login names unique across seeds.
                login = f"hqms_{inst.code[9:15]}_{account_id[2:].lower()}"
                params = f'{{"login":"{login}"}}'
                events.append((app_id, reviewed, reviewer, "approved", params))
                rows.accounts.append((
                    account_id, login, admin_phone, admin_name, admin_email, inst.code, inst.name,
                    None, True, reviewed, reviewed,
                ))  # fmt: skip
        updated = reviewed or submitted or created
        rows.applications.append((
            app_id, "new", slot, len(events), 1, inst.code, inst.name, admin_phone, legal_phone,
            created, updated, submitted, None, account_id, reason, reviewer, reviewed,
        ))  # fmt: skip
        rows.form_revisions.append((app_id, 1, form_text, created, "applicant"))
        rows.audit_events.extend(events)
        self._last = (app_id, account_id, admin_phone, legal_phone, inst, form_text)

    def _change(self, index: int, app_id: str, rows: BulkRows) -> None:
        """A change draft (变更资料) of the approved application generated just before."""
        parent_id, account_id, admin_phone, legal_phone, inst, form_text = self._last
        at = self.times.ago(3600 + int(self.rng.random() * 20 * 86400))
        rows.applications.append((
            app_id, "change", "draft", 1, 1, inst.code, inst.name, admin_phone,
            legal_phone, at, at, None, parent_id, account_id, None, None, None,
        ))  # fmt: skip
        rows.form_revisions.append((app_id, 1, form_text, at, "demo"))
        rows.audit_events.append(
            (app_id, at, "demo", "change_created", f'{{"parent":"{parent_id}"}}')
        )


def _form_text(
    inst: generators.Institution,
    admin_name: str,
    admin_phone: str,
    admin_email: str,
    legal_rep_name: str,
    legal_rep_phone: str,
) -> str:
    """The form as the JSON `domain.Form.model_dump` gives, written directly: every value comes
    from our own word lists and digits (no quote, backslash or control character to escape),
    and this is several times faster than building a dict and `json.dumps` at a million rows.
    """
    place = inst.place
    subjects = ",".join(f'"{subject}"' for subject in inst.subjects)
    return (
        f'{{"name":"{inst.name}","opened_on":"{inst.opened_on}","code":"{inst.code}",'
        f'"address":{{"province":"{place.province.code}","city":"{place.city.code}",'
        f'"district":"{place.district.code}","street":"{inst.street}"}},'
        f'"subjects":[{subjects}],'
        f'"legal_rep":{{"name":"{legal_rep_name}","mobile":"{legal_rep_phone}"}},'
        f'"admin":{{"name":"{admin_name}","mobile":"{admin_phone}","email":"{admin_email}"}},'
        f'"confirmed_warnings":[]}}'
    )
