"""Errors a user can act on. The CLI prints their message on one line; nothing else is caught silently."""


class StanceError(Exception):
    """A problem with the user's input, files or set-up (exit code 1)."""

    exit_code = 1


class ConfigError(StanceError):
    """An unknown key, a wrong type or an unreadable config (exit code 2)."""

    exit_code = 2


class InputError(StanceError):
    """An article, topics or gold file that cannot be used."""
