"""How the timeline reads: each event's sentence, and a data change as `field：before → after`.

Plain functions on `Event`, apart from the widget so that they read (and test) without Textual.
An event is an action code with parameters (docs/messages.md): its sentence is rendered from
the catalogue in the kiosk's language.
"""

from __future__ import annotations

from domain import Event, FieldChange

from .._i18n import N_, Words, tr
from .._labels import ACTOR_LABELS
from .._said import event_words

CHANGE_LABELS = Words("field")
"""A changed field's name: the form paths of the shared vocabulary (`domain/_vocabulary.py`)."""

EMPTY_VALUE = N_("（空）")
NOTE = "note"


def event_what(event: Event) -> str:
    """What happened, in one sentence, from the event's code and parameters; a note's text,
    a reason or a name inside it is shown as typed."""
    return event_words(event)


def event_who(event: Event) -> str:
    """Who did it: an operator's name, or the role for applicants and the system."""
    return tr(ACTOR_LABELS[event.actor]) if event.actor in ACTOR_LABELS else event.actor


def change_label(field: str) -> str:
    return CHANGE_LABELS[field]


def change_line(change: FieldChange) -> str:
    """`管理员邮箱：z***@old.cn → w***@new.cn` (values masked by the server where personal)."""
    before = change.before or tr(EMPTY_VALUE)
    after = change.after or tr(EMPTY_VALUE)
    return tr(
        "{field}：{before} → {after}", field=change_label(change.field), before=before, after=after
    )


def event_lines(event: Event) -> list[str]:
    """The event's sentence with who did it, then one line per changed field."""
    lines = [tr("{what}（{who}）", what=event_what(event), who=event_who(event))]
    lines.extend(change_line(change) for change in event.changes)
    return lines
