"""A Renstra from the files agencies have: its T-C.27 as a workbook, or renja-renstra/1 JSON."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from renja.domain.renstra import Renstra
from renja.errors import FormatError
from renja.io.xlsx.renstra import read_renstra

MAX_BYTES = 20 * 1024 * 1024


def read_renstra_file(path: str | Path, tahun_awal: int | None = None,
                      perangkat_daerah: str = "", pemda: str = "") -> Renstra:
    """The Renstra in ``path`` (XLSX or JSON), or :class:`FormatError` naming the problem."""
    path = Path(path)
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise FormatError(f"{path.name}: larger than {MAX_BYTES // 1024 // 1024} MB",
                          f"{path.name}: lebih besar dari {MAX_BYTES // 1024 // 1024} MB")
    if data[:2] == b"PK":
        found = read_renstra(path, tahun_awal, perangkat_daerah, pemda)
    elif data.lstrip()[:1] == b"{":
        try:
            found = Renstra.model_validate(json.loads(data))
        except (ValueError, ValidationError) as exc:
            raise FormatError(f"{path.name}: not renja-renstra/1 JSON: {str(exc)[:200]}",
                              f"{path.name}: bukan JSON renja-renstra/1: {str(exc)[:200]}"
                              ) from exc
    else:
        raise FormatError(f"{path.name}: a Renstra is read from XLSX (its T-C.27) or JSON",
                          f"{path.name}: Renstra dibaca dari XLSX (tabel T-C.27) atau JSON")
    updates = {k: v for k, v in (("perangkat_daerah", perangkat_daerah), ("pemda", pemda)) if v}
    return found.model_copy(update=updates) if updates else found
