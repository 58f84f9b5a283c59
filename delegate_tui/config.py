"""Provides the user's settings: where things live, the config file, and who is editing.

The config file is TOML in the user config dir. A missing file means defaults; a malformed one
means defaults plus one clear message, never a crash. The device id is made once and kept in the
config dir, never in the shared board file. No Textual.
"""

from __future__ import annotations

import getpass
import json
import os
import re
import tomllib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from delegate_tui.core.dates import DATE_ORDERS, DateOrder, date_dayfirst
from delegate_tui.core.language import N_, _, parse_language
from delegate_tui.core.records import Identity
from delegate_tui.core.vocabulary import parse_name

APP_DIR = "delegate-tui"
CONFIG_NAME = "config.toml"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_DIR))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR))


def default_board() -> Path:
    return data_dir() / "board.json"


def backup_folder() -> Path:
    """Where the rotating backups of every board go (a folder per board id)."""
    return data_dir() / "backups"


def rescue_folder() -> Path:
    """Where quitting writes the changes a board file could not take (`delegate check` merges
    them back)."""
    return data_dir() / "rescue"


class Problem(str):
    """A problem with the config file. It is found before the language of the run is chosen:
    it equals its English text, and is said in the run's language when it is shown
    (`str`, `format`, an f-string)."""

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, **values: object) -> Problem:
        problem = super().__new__(cls, template.format(**values))
        problem.template = template
        problem.values = values
        return problem

    def __str__(self) -> str:
        return _(self.template).format(**self.values)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


@dataclass(slots=True)
class Config:
    """What the config file says, with defaults for what it leaves out."""

    theme: str = ""
    user: str = ""
    board: str = ""
    keymap: dict[str, str] = field(default_factory=dict)
    date_order: DateOrder | None = None
    """How short numeric dates are read ("day-first" or "month-first"); None: as the locale."""
    language: str | None = None
    """The language the product speaks ("fr" or "en"); None: as the locale."""
    problems: list[str] = field(default_factory=list)


def load_config(folder: Path | None = None) -> Config:
    path = (folder or config_dir()) / CONFIG_NAME
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Config(
            problems=[
                Problem(N_("{path} is not valid TOML ({exc}); using defaults"), path=path, exc=exc)
            ]
        )
    return _from_table(raw, path)


def _from_table(raw: dict[str, Any], path: Path) -> Config:
    config = Config()
    for key in ("theme", "user", "board"):
        value = raw.get(key, "")
        if isinstance(value, str):
            setattr(config, key, value.strip())
        else:
            config.problems.append(
                Problem(N_("{path}: '{key}' should be text; ignored"), path=path, key=key)
            )
    order = raw.get("date_order")
    if order is not None:
        config.date_order = next((o for o in DATE_ORDERS if o == order), None)
        if config.date_order is None:
            config.problems.append(
                Problem(
                    N_('{path}: \'date_order\' should be "day-first" or "month-first"; ignored'),
                    path=path,
                )
            )
    spoken = raw.get("language")
    if spoken is not None:
        config.language = parse_language(spoken) if isinstance(spoken, str) else None
        if config.language is None:
            config.problems.append(
                Problem(N_('{path}: \'language\' should be "fr" or "en"; ignored'), path=path)
            )
    keymap = raw.get("keymap", {})
    if isinstance(keymap, dict) and all(isinstance(v, str) for v in keymap.values()):
        config.keymap = {str(k): v for k, v in keymap.items()}
    else:
        config.problems.append(
            Problem(N_("{path}: [keymap] should map binding ids to keys; ignored"), path=path)
        )
    return config


def save_setting(key: str, value: str, folder: Path | None = None) -> Path:
    """Set one top-level `key = "value"` in the config file, keeping the rest as written."""
    path = (folder or config_dir()) / CONFIG_NAME
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    line = f"{key} = {json.dumps(value, ensure_ascii=False)}"
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    top = next((i for i, text in enumerate(lines) if text.lstrip().startswith("[")), len(lines))
    found = next((i for i in range(top) if pattern.match(lines[i])), None)
    if found is None:
        lines.insert(top, line)  # top-level keys live before the first table
    else:
        lines[found] = line
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def dayfirst(settings: Config, env: Mapping[str, str] | None = None) -> bool | None:
    """How this user's numeric dates are read: the config's `date_order`, else the locale of
    `env` (default: this process's environment); None when neither decides."""
    return date_dayfirst(settings.date_order, os.environ if env is None else env)


def device_id(folder: Path | None = None) -> str:
    """This machine's id for change stamps: made once, then read back."""
    path = (folder or config_dir()) / "device-id"
    try:
        value = path.read_text(encoding="utf-8").strip()
        if value:
            return value
    except OSError:
        pass
    value = uuid.uuid4().hex[:12]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(value + "\n", encoding="utf-8")
    except OSError:
        pass  # a read-only home still edits; the id is just not kept
    return value


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER", "") or "someone"


def identity(config: Config, folder: Path | None = None) -> Identity:
    # The name is stamped on every change in the shared file: one clean line of bounded length.
    user = parse_name(config.user or os_user()) or "someone"
    return Identity(user=user, device=parse_name(device_id(folder)) or "device")
