"""The one board file and its live store: reading and writing it, the lock, backups, conflict copies, the store, undo."""
