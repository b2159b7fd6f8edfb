"""The head of the agency's signature that closes a Renja: place and date, jabatan, ``ttd.``,
name, pangkat and NIP, as printed after the last chapter."""

from __future__ import annotations

import re

from renja.domain import Penandatangan, Persetujuan, Source
from renja.io.text.blocks import Line
from renja.io.text.front import parse_date

_NIP = re.compile(r"^NIP\.?\s*:?\s*(\d[\d ]{7,30})$", re.IGNORECASE)
_PLACE_DATE = re.compile(r"^([A-Z][A-Za-z .'-]{1,60}),\s*(\d{1,2}\s+[A-Za-z]+\s+\d{4})$")
_TTD = re.compile(r"^(?:ttd|dto)\.?$", re.IGNORECASE)
_REACH = 10  # lines above the NIP a signature block can start


def read_approval(lines: list[Line], file: str) -> tuple[Persetujuan | None, set[int]]:
    """The last signature block with a NIP in the chapters' lines, and the lines it took."""
    filled = [line for line in lines if line.text.strip()]
    nip_at = next((i for i in range(len(filled) - 1, -1, -1)
                   if _NIP.match(filled[i].text.strip())), None)
    if nip_at is None:
        return None, set()
    above = filled[max(0, nip_at - _REACH):nip_at]
    start = _start(above)
    if start is None:
        return None, set()
    block = above[start:]
    texts = [line.text.strip() for line in block]
    place_date = _PLACE_DATE.match(texts[0])
    tempat, tanggal = None, None
    if place_date:
        tempat, tanggal = place_date.group(1).strip(), parse_date(place_date.group(2))
        texts = texts[1:]
    jabatan: list[str] = []
    while texts and not (jabatan and jabatan[-1].endswith(",")):
        jabatan.append(texts.pop(0))
    texts = [text for text in texts if not _TTD.match(text)]
    nip = _NIP.match(filled[nip_at].text.strip())
    assert nip is not None
    signer = Penandatangan(
        jabatan=" ".join(jabatan).rstrip(",").strip() or None,
        nama=texts[0] if texts else None, pangkat=" ".join(texts[1:]) or None,
        nip=nip.group(1).replace(" ", ""))
    done = Persetujuan(tempat=tempat, tanggal=tanggal, penandatangan=signer)
    done.trace("row", Source(file=file, line=block[0].number))
    return done, {line.number for line in [*block, filled[nip_at]]}


def _start(above: list[Line]) -> int | None:
    """Where the block begins: its place-and-date line, else its jabatan (capitals ending
    with a comma); None when the lines above the NIP are not a signature."""
    texts = [line.text.strip() for line in above]
    if not any(_TTD.match(text) for text in texts) and not any(
            text.endswith(",") for text in texts):
        return None
    dated = [i for i, text in enumerate(texts) if _PLACE_DATE.match(text)]
    if dated:
        return dated[-1]
    titled = [i for i, text in enumerate(texts) if text.endswith(",") and _capitals(text)]
    if not titled:
        return None
    start = titled[0]
    while start > 0 and above[start - 1].number == above[start].number - 1 and \
            _capitals(texts[start - 1]) and not texts[start - 1].endswith((".", ",", ":")):
        start -= 1  # a jabatan printed on two lines
    return start


def _capitals(text: str) -> bool:
    return text.upper() == text and len(text) < 200
