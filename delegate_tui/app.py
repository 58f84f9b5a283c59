"""The public way to build the app: `from delegate_tui.app import DelegateApp` (DESIGN.md)."""

from delegate_tui.ui.app import DelegateApp

__all__ = ["DelegateApp"]
