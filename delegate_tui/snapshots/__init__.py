"""Status snapshots of a board: Markdown, HTML, JSON and CSV.

`snapshot.py` says what a snapshot holds (and what changed since the previous one); the
renderers `markdown.py`, `html.py`, `json.py` and `csv.py` are pure functions of it; `write.py`
is the one module that writes a file and records what it showed. Importing a renderer loads
neither the store nor TinyDB.
"""
