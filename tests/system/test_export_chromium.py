"""The HTML snapshot opens in headless Chromium: a screenshot is taken and the page, as the
browser parsed it, holds no script. Skips where Chromium is not installed (.ci/run installs it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from delegate_tui.snapshots.write import write_snapshot
from tests.kit.sample_board import HOSTILE, NOW, build_board

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


def _chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_html_snapshot_renders_in_chromium_without_script(tmp_path: Path):
    store = build_board(tmp_path / "acme.json")
    page = write_snapshot(store, "html", out=tmp_path / "snapshot.html", now=NOW)
    shot = tmp_path / "s.png"
    result = _chromium(
        tmp_path / "profile",
        f"--screenshot={shot}",
        "--window-size=1240,1754",  # A4 at 150 dpi
        page.as_uri(),
    )
    assert shot.exists(), result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000  # a rendered page, not a blank one

    dom = _chromium(tmp_path / "profile2", "--dump-dom", page.as_uri()).stdout
    assert "Status snapshot: acme" in dom
    assert "<script" not in dom.lower()
    # the hostile title survived as text: the browser serialises it escaped again
    assert '&lt;script&gt;alert(1)&lt;/script&gt; | # =HYPERLINK("x")' in dom
    assert HOSTILE not in dom
