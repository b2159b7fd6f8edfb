"""Many plans rendered into one ZIP: a pemda's documents in one download."""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

from renja.domain import Renja
from renja.errors import RenjaError
from renja.progress import Progress, quiet
from renja.render import RENDERERS

BUNDLE_FORMATS = ("pdf", "docx", "xlsx", "html")


def file_name(renja: Renja, suffix: str) -> str:
    """``renja-2025-dinkes.pdf``: the year and the agency's short name (else its name)."""
    agency = renja.perangkat_daerah
    short = (agency.singkatan or agency.nama) if agency else "perangkat-daerah"
    slug = re.sub(r"[^a-z0-9]+", "-", short.lower()).strip("-") or "perangkat-daerah"
    return f"renja-{renja.tahun}-{slug}{suffix}"


def render_bundle(plans: Iterable[Renja], total: int, fmt: str,
                  progress: Progress = quiet,
                  extra: Iterable[tuple[str, bytes]] = ()) -> bytes:
    """A ZIP of each plan in ``fmt`` (``total`` of them, reported one by one) and the
    ``extra`` (name, content) files."""
    if fmt not in BUNDLE_FORMATS:
        raise RenjaError(f"cannot bundle {fmt}: one of {', '.join(BUNDLE_FORMATS)}",
                         f"format {fmt} tidak dapat dibundel: salah satu dari "
                         f"{', '.join(BUNDLE_FORMATS)}")
    renderer = RENDERERS[fmt]
    buffer = io.BytesIO()
    names: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle, \
            tempfile.TemporaryDirectory(prefix="renja-") as work:
        progress(0, total, "")
        for done, renja in enumerate(plans, start=1):
            name = _unique(file_name(renja, renderer.suffix), names)
            out = Path(work) / name
            renderer.write(renja, out, None)
            bundle.write(out, name)
            out.unlink()
            progress(done, total, name)
        for name, content in extra:
            bundle.writestr(_unique(name, names), content)
    return buffer.getvalue()


def _unique(name: str, taken: set[str]) -> str:
    stem, dot, suffix = name.partition(".")
    candidate, n = name, 2
    while candidate in taken:
        candidate = f"{stem}-{n}{dot}{suffix}"
        n += 1
    taken.add(candidate)
    return candidate
