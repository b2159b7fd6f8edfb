"""Table recognisers shared by every reader: they read :class:`renja.io.grid.Block` only."""

from __future__ import annotations

import re

from renja.io.grid import Block
from renja.io.tables.sipd_ri import is_sipd_ri

TABLES = ("tc29", "tc30", "tc31", "tc32", "tc33", "sipd_ri", "tujuan_sasaran")

_CAPTION = {
    "tc29": r"t-?c\.?\s*29", "tc30": r"t-?c\.?\s*30", "tc31": r"t-?c\.?\s*31",
    "tc32": r"t-?c\.?\s*32", "tc33": r"t-?c\.?\s*33",
}


def classify_block(block: Block) -> str | None:
    """Which table a block is: by its caption (``Tabel T-C.33``), else by its header words."""
    caption = block.caption_text.lower()
    if is_sipd_ri(block.header_text()):  # T-C.33 as SIPD-RI prints it, whatever its caption
        return "sipd_ri"
    for kind, pattern in _CAPTION.items():
        if re.search(pattern, caption):
            return kind
    header = " ".join(block.header_text().lower().split())
    if "prakiraan maju" in header and ("pagu" in header or "kebutuhan dana" in header):
        return "tc33"
    if "rancangan awal rkpd" in header or ("ranwal" in header and "kebutuhan" in header):
        return "tc31"
    if "tingkat realisasi" in header or "tingkat capaian" in header:
        return "tc29"
    if "tujuan" in header and "sasaran" in header and "indikator" in header:
        return "tujuan_sasaran"
    if re.search(r"\bspm\b", header) and re.search(r"\bikk\b", header):
        return "tc30"
    if "besaran" in header or "usulan" in caption or "pemangku kepentingan" in caption:
        return "tc32"
    return None
