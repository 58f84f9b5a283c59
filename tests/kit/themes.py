"""Provides a user theme file the theme tests load."""

MY_THEME = """
name = "my-shop"
dark = false
primary = "#336699"
background = "#FAFAFA"

[variables]
stage-only-me = "#990000"
marker-recent-log = "#0000AA"
"""
