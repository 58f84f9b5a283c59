"""Provides status snapshots of a board: Markdown, HTML, JSON and CSV.

`snapshot.py` says what a snapshot holds (and what changed since the previous one); the
renderers `markdown.py`, `html.py`, `json.py` and `csv.py` are pure functions of it; `write.py`
writes the file and records what it showed. Nothing here imports Textual.
"""

from delegate_tui.export.write import FORMAT_LABELS, FORMATS, parse_format, write_snapshot

__all__ = ["FORMATS", "FORMAT_LABELS", "parse_format", "write_snapshot"]
