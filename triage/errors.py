"""Errors that reach users as one line (CLI: stderr and a non-zero exit; API: a 4xx with the message)."""


class TriageError(Exception):
    """A problem the user can fix: bad input, a missing file, an invalid configuration."""


class TicketFileError(TriageError):
    """A ticket file that cannot be read or holds an invalid row."""
