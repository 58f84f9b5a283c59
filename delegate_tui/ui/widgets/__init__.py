"""Provides the widgets of the terminal UI."""
