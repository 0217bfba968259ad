"""The `touchpoint` command line: a thin layer that loads input, calls a stage, prints the result.

Errors are translated here only: a TouchpointError prints its message (the traceback with
`--debug`) and exits non-zero.
"""

from __future__ import annotations

from assistant.cli.app import app, main

__all__ = ["app", "main"]
