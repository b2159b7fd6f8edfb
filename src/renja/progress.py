"""Progress of long work, reported as (done, total, what is being done now).

The same work reports to a progress bar on the terminal (:class:`Bar`) and, in the web app, to
the job the browser follows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

Progress = Callable[[int, int, str], None]


def quiet(done: int, total: int, what: str) -> None:
    """Reports nowhere."""


class Bar:
    """A progress bar on ``stream``: redrawn in place on a terminal, one line per step
    otherwise (a log keeps every step)."""

    width = 30

    def __init__(self, stream: TextIO, label: str) -> None:
        self.stream = stream
        self.label = label
        self.tty = stream.isatty()
        self.drawn = False

    def __call__(self, done: int, total: int, what: str) -> None:
        shown = f"{done}/{total}" + (f" {what}" if what else "")
        if not self.tty:
            self.stream.write(f"{self.label}: {shown}\n")
            self.stream.flush()
            return
        filled = self.width * done // total if total else self.width
        line = f"{self.label} [{'#' * filled}{'.' * (self.width - filled)}] {shown}"
        self.stream.write("\r" + line[:119].ljust(119))
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
