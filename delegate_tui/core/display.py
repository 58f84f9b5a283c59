"""Provides the one cleaning of board-file text for people: the terminal (TUI and CLI) and the
Markdown and HTML snapshots.

Text in the shared board file is data someone else wrote, by hand or with another tool: it must
never move the cursor, recolour the screen, forge a row of `delegate list` or read backwards.

- `line()` is for one line (a card in a column, a row of `delegate list`, a notification, a
  prompt): control characters go; line breaks, tabs and every other run of white space become
  one space, but for a no-break space (U+00A0, U+202F) inside the line: French typography puts
  one before `: ; ! ?` and inside « », and a message said in French must keep it.
- `block()` is for text written on several lines (a description, a note): its line breaks
  (CR LF, CR, U+2028, U+2029, NEL…) become newlines, tabs become spaces, other controls go.
- Bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) are shown as
  markers such as `<U+202E>`, in file order. They make a terminal or a browser draw what
  follows in the other direction, so `Invoice <U+202E>gnp.exe` reads "Invoice exe.png".
  A marker rather than stripping: stripping would hide that someone put one there, and the
  reader would still trust a text that was crafted; the marker says it and shows the letters
  as they are stored. A board of a small French business has no use for them: Arabic or Hebrew
  words still show, as letters are ordered without any control.
- A lone surrogate (a `\\ud800` escape in the file) becomes U+FFFD: it cannot be written as UTF-8.

`one_line()` and `multi_line()` are `line()` and `block()` without the markers: the snapshot's
text, which the JSON snapshot keeps (escaped, see json_text.py) and the Markdown and HTML
renderers pass through `show_bidi()`.
Pure: no I/O, no Textual.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Every character with the Unicode Bidi_Control property."""

_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_HIDDEN = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
"""The C0, DEL and C1 controls that are not white space (those are `str.split()` separators)."""
_BREAK = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""Line breaks other than a newline (what `str.splitlines()` splits on)."""
_BREAKABLE = re.compile("[^\\S\u00a0\u202f]+")
"""A run of white space that is not a no-break space (those stay where they are inside a line)."""
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Every control but the tab and the newline."""


def marker(char: str) -> str:
    """How a bidi control shows: `<U+202E>`."""
    return f"<U+{ord(char):04X}>"


def show_bidi(text: str) -> str:
    """The text with each bidi control replaced by its visible marker."""
    return _BIDI.sub(lambda found: marker(found[0]), text)


def _plain(text: str) -> bool:
    """Whether one-line text has nothing to clean (most titles): a fast path for big boards.
    `isprintable()` is False for every control, bidi control, surrogate and space but ' '."""
    return text.isprintable() and text.strip() == text and "  " not in text


def one_line(text: str) -> str:
    """The text on one line, controls out, white space runs made single spaces; bidi kept."""
    if _plain(text):
        return text
    cleaned = _HIDDEN.sub("", _SURROGATE.sub("\ufffd", text))
    if "\u00a0" not in cleaned and "\u202f" not in cleaned:
        return " ".join(cleaned.split())
    words = (word for word in _BREAKABLE.split(cleaned) if word and not word.isspace())
    return " ".join(words).strip()


def line(text: str) -> str:
    """Board text for one line on a screen or in a snapshot for people."""
    return text if _plain(text) else show_bidi(one_line(text))


def multi_line(text: str) -> str:
    """The text with its line breaks as newlines, tabs as spaces, other controls out; bidi kept."""
    text = _BREAK.sub("\n", _SURROGATE.sub("\ufffd", text)).replace("\t", " ")
    return _CONTROL.sub("", text).strip()


def block(text: str) -> str:
    """Board text of several lines for people: only newlines stay, every line without controls."""
    return show_bidi(multi_line(text))
