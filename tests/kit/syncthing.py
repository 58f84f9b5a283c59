"""Provides two real Syncthing instances sharing one board folder over 127.0.0.1, for the tests.

Each `Node` has its own Syncthing home, API port, listen port and shared folder, and runs the
real `delegate` command as its own user. Nothing leaves 127.0.0.1: discovery, relays, NAT
traversal, usage and crash reporting and upgrades are all off (`assert_local_only` reads it
back through the REST config). `Timer` bounds every wait and prints step timings, which pytest
shows when a test fails.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib import request

import pytest

from delegate_tui.board.conflicts import MERGED_FOLDER

SYNCTHING = shutil.which("syncthing")
needs_syncthing = pytest.mark.skipif(
    SYNCTHING is None, reason="syncthing is not installed (apt-get install syncthing)"
)
FOLDER_ID = "delegate-board"
NO_PROXY = request.build_opener(request.ProxyHandler({}))
"""HTTP straight to 127.0.0.1, whatever proxy the environment names."""


def free_ports(count: int) -> list[int]:
    """Distinct free ports on 127.0.0.1 (held together while chosen, so never the same)."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [int(sock.getsockname()[1]) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


class Timer:
    """The test's one deadline, and a printed line per step with the seconds since the start."""

    def __init__(self, deadline: float) -> None:
        self.start = time.monotonic()
        self.until = self.start + deadline

    def note(self, what: str) -> None:
        print(f"{time.monotonic() - self.start:6.2f}s  {what}")  # shown when the test fails

    def past(self) -> bool:
        return time.monotonic() > self.until

    def wait_for(self, what: str, check: Callable[[], bool], every: float = 0.2) -> None:
        while not check():
            if self.past():
                raise AssertionError(f"timed out waiting for {what}")
            time.sleep(every)
        self.note(what)


class Node:
    """One Syncthing instance with its own home, API port, listen port and shared folder."""

    def __init__(self, root: Path, name: str, ports: tuple[int, int]) -> None:
        self.name = name
        self.home = root / f"syncthing-{name}"
        self.folder = root / f"shared-{name}"
        self.folder.mkdir()
        (self.folder / ".stfolder").mkdir()
        (self.folder / ".stignore").write_text(f"{MERGED_FOLDER}\n~*.tmp\n", encoding="utf-8")
        self.board = self.folder / "board.json"
        self.gui_port, self.listen_port = ports
        self.api_key = uuid.uuid4().hex
        self.log = root / f"syncthing-{name}.log"
        self.process: subprocess.Popen[bytes] | None = None
        subprocess.run(
            [SYNCTHING, "generate", f"--home={self.home}", "--no-default-folder"],
            check=True,
            capture_output=True,
            timeout=60,
        )
        self.device_id = ET.parse(self.home / "config.xml").getroot().find("device").get("id")  # type: ignore[union-attr]

    @property
    def short_id(self) -> str:
        """The device's short ID, as at the end of a conflict copy's name.

        That name carries the device of the version that *won* (Syncthing 1.19 calls
        `moveForConflict(name, file.ModifiedBy…)` with the incoming file), not of the one
        inside the copy: measured here, ben won and the copy of ann's version bore ben's ID.
        """
        return self.device_id.split("-")[0]

    def configure(self, other: Node, redial: int) -> None:
        path = self.home / "config.xml"
        tree = ET.parse(path)
        root = tree.getroot()
        gui = root.find("gui")
        assert gui is not None
        gui.find("address").text = f"127.0.0.1:{self.gui_port}"  # type: ignore[union-attr]
        gui.find("apikey").text = self.api_key  # type: ignore[union-attr]
        options = root.find("options")
        assert options is not None
        for old in options.findall("listenAddress"):
            options.remove(old)
        ET.SubElement(options, "listenAddress").text = f"tcp://127.0.0.1:{self.listen_port}"
        settings = {
            "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false",
            "relaysEnabled": "false",
            "natEnabled": "false",
            "urAccepted": "-1",
            "crashReportingEnabled": "false",
            "autoUpgradeIntervalH": "0",
            "startBrowser": "false",
            "announceLANAddresses": "false",
            "reconnectionIntervalS": str(redial),
        }
        for key, value in settings.items():
            element = options.find(key)
            if element is None:
                element = ET.SubElement(options, key)
            element.text = value
        peer = ET.SubElement(
            root, "device", id=other.device_id, name=other.name, compression="metadata"
        )
        ET.SubElement(peer, "address").text = f"tcp://127.0.0.1:{other.listen_port}"
        template = root.find("defaults/folder")
        assert template is not None
        folder = ET.fromstring(ET.tostring(template))
        folder.set("id", FOLDER_ID)
        folder.set("label", "board")
        folder.set("path", str(self.folder))
        folder.set("rescanIntervalS", "5")
        folder.set("fsWatcherEnabled", "true")
        folder.set("fsWatcherDelayS", "1")
        ET.SubElement(folder, "device", id=other.device_id, introducedBy="")
        root.append(folder)
        tree.write(path)

    def start(self) -> None:
        env = {**os.environ, "STNOUPGRADE": "1", "STNORESTART": "1", "STNODEFAULTFOLDER": "1"}
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [
                    SYNCTHING,
                    "serve",
                    f"--home={self.home}",
                    "--no-browser",
                    "--no-restart",
                    "--no-upgrade",
                    "--no-default-folder",
                    "--skip-port-probing",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
            )

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def api(self, method: str, path: str, timeout: float = 30.0) -> Any:
        url = f"http://127.0.0.1:{self.gui_port}{path}"
        req = request.Request(url, method=method, headers={"X-API-Key": self.api_key})
        with NO_PROXY.open(req, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body.strip() else None

    def responds(self) -> bool:
        try:
            return self.api("GET", "/rest/system/ping", timeout=2)["ping"] == "pong"
        except OSError:
            return False

    def log_tail(self, lines: int = 15) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        return f"--- syncthing {self.name} ---\n" + "\n".join(text[-lines:])

    def connected_to(self, other: Node) -> bool:
        connections = self.api("GET", "/rest/system/connections")["connections"]
        return bool(connections.get(other.device_id, {}).get("connected"))

    def scan(self) -> None:
        """Scan the folder now (the call returns when the scan is done)."""
        self.api("POST", f"/rest/db/scan?folder={FOLDER_ID}", timeout=60)

    def delegate(self, *args: str) -> str:
        """Run the real `delegate` command as this machine's user on this machine's board."""
        env = {
            **os.environ,
            "XDG_CONFIG_HOME": str(self.home / "xdg-config"),
            "XDG_DATA_HOME": str(self.home / "xdg-data"),
        }
        config = self.home / "xdg-config" / "delegate-tui" / "config.toml"
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text(f'user = "{self.name}"\n', encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "delegate_tui", "--board", str(self.board), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert result.returncode == 0, f"{self.name}: delegate {args}: {result.stderr}"
        return result.stdout

    def cards(self) -> dict[str, Any]:
        try:
            return json.loads(self.board.read_text(encoding="utf-8"))["cards"]
        except (OSError, ValueError, KeyError):
            return {}

    def merged(self) -> list[Path]:
        """The copies `delegate` has moved aside in this machine's folder."""
        return sorted((self.folder / MERGED_FOLDER).glob("*"))


@contextlib.contextmanager
def two_machines(root: Path) -> Iterator[tuple[Node, Node]]:
    """Ann and Ben, each with a running Syncthing, sharing one folder (not yet connected)."""
    ports = free_ports(4)
    ann, ben = (
        Node(root, "ann", (ports[0], ports[1])),
        Node(root, "ben", (ports[2], ports[3])),
    )
    # When both devices dial each other at the same moment, Syncthing 1.19 can stall both
    # connections until its 20 s Hello timeout. So ann dials (often) and ben waits for her:
    # ben starts first, and ann is started once ben listens.
    ann.configure(ben, redial=1)
    ben.configure(ann, redial=600)
    try:
        ben.start()
        Timer(30).wait_for("ben's Syncthing", ben.responds)
        ann.start()
        yield ann, ben
    finally:
        ann.stop()
        ben.stop()


def assert_local_only(*nodes: Node) -> None:
    """Read each node's options back through its REST API: nothing may leave 127.0.0.1."""
    for node in nodes:
        options = node.api("GET", "/rest/config/options")
        assert options["listenAddresses"] == [f"tcp://127.0.0.1:{node.listen_port}"]
        assert not any(
            options[key]
            for key in (
                "globalAnnounceEnabled",
                "localAnnounceEnabled",
                "relaysEnabled",
                "natEnabled",
                "crashReportingEnabled",
            )
        )
        assert options["urAccepted"] == -1 and options["autoUpgradeIntervalH"] == 0


def connect(ann: Node, ben: Node, timer: Timer) -> None:
    """Wait until the two devices are connected; if a handshake stalls, ann dials again."""
    nudge = time.monotonic() + 22.0  # past Syncthing's 20 s Hello timeout
    while not (ann.connected_to(ben) and ben.connected_to(ann)):
        if timer.past():
            raise AssertionError("the devices never connected")
        if time.monotonic() > nudge:  # resuming a device makes Syncthing dial it at once
            ann.api("POST", f"/rest/system/pause?device={ben.device_id}")
            ann.api("POST", f"/rest/system/resume?device={ben.device_id}")
            timer.note("ann dials again")
            nudge = time.monotonic() + 22.0
        time.sleep(0.2)
    timer.note("connected")


def part(ann: Node, ben: Node, timer: Timer) -> None:
    """Pause every device on ann's side and wait until ben sees her gone."""
    ann.api("POST", "/rest/system/pause")
    timer.wait_for("the devices to part", lambda: not ben.connected_to(ann))


def meet(ann: Node, ben: Node, timer: Timer) -> None:
    """Scan both sides (so each offers its own version), then resume ann and wait to connect."""
    ann.scan()
    ben.scan()
    ann.api("POST", "/rest/system/resume")
    connect(ann, ben, timer)


def start_sharing(ann: Node, ben: Node, timer: Timer) -> None:
    """Both APIs up, nothing leaving 127.0.0.1, the devices connected."""
    timer.wait_for("both Syncthing APIs", lambda: ann.responds() and ben.responds())
    assert_local_only(ann, ben)
    connect(ann, ben, timer)


def send_board(ann: Node, ben: Node, timer: Timer) -> None:
    """Scan ann's folder and wait until ben's board file is byte for byte ann's."""
    ann.scan()
    timer.wait_for(
        "the board to reach ben",
        lambda: ben.board.exists() and ben.board.read_bytes() == ann.board.read_bytes(),
    )
