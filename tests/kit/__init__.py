"""Helpers the tests share: clocks, sample boards, the app driver, hostile files."""
