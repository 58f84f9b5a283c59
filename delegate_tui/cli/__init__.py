"""The `delegate` command: one module per group of commands."""
