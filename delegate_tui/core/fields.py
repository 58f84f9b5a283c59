"""Provides the card's editable fields as `delegate edit` and the card screen's overview read and
show them: the rows of the field table (`card_fields.py`) that have a label, in table order.

One table serves both, so both accept the same words and give the same messages. No Textual:
rows are plain text plus (text, style) pieces the screen assembles.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from delegate_tui.core.card_fields import CARD_SPECS, SPECS_BY_NAME, FieldSpec
from delegate_tui.core.display import line
from delegate_tui.core.formats import long_date
from delegate_tui.core.insight import absence_answer, card_checkin
from delegate_tui.core.language import _, is_french
from delegate_tui.core.model import Card
from delegate_tui.core.vocabulary import absence_label

Field = FieldSpec
"""An editable field: a row of the field table."""

FIELDS: list[FieldSpec] = [spec for spec in CARD_SPECS if spec.label and spec.parse]
"""The overview's rows: every field of the table with a label."""

FIELDS_BY_NAME: dict[str, FieldSpec] = {f.name: f for f in FIELDS}


def parse_field(name: str, text: str, now: datetime, dayfirst: bool | None = None) -> Any:
    """The stored value of field `name` from what was typed; ValidationError says what is wrong.

    A date that could be read two ways is read as `dayfirst` says, refused when it is None."""
    parse = SPECS_BY_NAME[name].parse
    if parse is None:
        raise KeyError(f"{name} is not typed in")
    return parse(text, now, dayfirst) if SPECS_BY_NAME[name].timed else parse(text)


def field_text(card: Card, name: str, typing: bool = False) -> str:
    """The field's value as shown in the overview, or as the prompt starts with (`typing`)."""
    value = card.value(name) if name in SPECS_BY_NAME else getattr(card, name, "")
    field = FIELDS_BY_NAME.get(name)
    show = None if field is None else (field.typed if typing else field.show)
    if show is not None:
        value = show(value)
    if isinstance(value, float):
        return f"{value:g}"
    return line(str(value if value is not None else ""))


def field_extra(card: Card, name: str, now: datetime) -> list[tuple[str, str]]:
    """What the overview adds after a field: the stage's answer, the next check-in."""
    if name == "absence" and not card.absence:
        answer = absence_answer(card)  # English shows the id one types; French, its words
        shown = absence_label(answer).lower() if is_french() else answer
        said = _("(its stage says: {answer})").format(answer=shown)
        return [(f"  {said}", "dim")]
    if name == "checkin" and (check := card_checkin(card, now)):
        day = long_date(check.next) if is_french() else f"{check.next:%Y-%m-%d}"
        extra = [("  " + _("next {date}").format(date=day), "dim")]
        if check.overdue:
            extra.append(("  " + _("overdue"), "bold $marker-overdue"))
        return extra
    return []
