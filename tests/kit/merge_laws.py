"""The laws every merge of copies must keep, for the property tests of each kind of record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Merge = Callable[[Any, Any], Any]


def check_associative(merge: Merge, a: Any, b: Any, c: Any) -> None:
    assert merge(merge(a, b), c) == merge(a, merge(b, c))


def check_idempotent(merge: Merge, a: Any, b: Any) -> None:
    """Merging a copy with itself, or a merge again with one of its sides, changes nothing."""
    assert merge(a, a) == a
    both = merge(a, b)
    assert merge(both, b) == both
    assert merge(both, a) == both
