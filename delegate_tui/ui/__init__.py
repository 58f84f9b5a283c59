"""The terminal UI (Textual): the app, its screens, widgets and themes. The only layer that imports Textual or rich."""
