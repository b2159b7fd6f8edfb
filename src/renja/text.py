"""Small text helpers shared by importers and renderers."""

from __future__ import annotations

import json
import re

SMALL_WORDS = frozenset(
    "dan atau di ke dari yang untuk serta pada dalam oleh dengan bagi atas tentang".split()
)
# Acronyms of agencies and terms found in the names of many pemda's agencies and programs
ACRONYMS = frozenset("""ASN PNS PPPK OPD SKPD BUMD BLUD RSUD UPT UPTD DPRD BKPSDM BKD BPKAD BPKD
    BAPPEDA BAPPERIDA BAPENDA BPBD PUPR DPMPTSP UMKM APBD RKPD RPJMD TNI POLRI""".split())


def title_case(text: str) -> str:
    """``BADAN KEPEGAWAIAN DAN PENGEMBANGAN`` → ``Badan Kepegawaian dan Pengembangan``."""
    words = []
    for i, word in enumerate(text.split()):
        if word.upper() in ACRONYMS:
            words.append(word.upper())
        elif i > 0 and word.lower() in SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append(word[:1].upper() + word[1:].lower())
    return " ".join(words)


# Control characters no document format can hold (XML 1.0 refuses them; PostgreSQL refuses NUL
# in text): every C0 control except tab, line feed and carriage return, and DEL.
_CONTROL = dict.fromkeys([*(c for c in range(32) if c not in (9, 10, 13)), 127])


def clean_text(text: str) -> str:
    """``text`` without the control characters that break DOCX, XLSX and PostgreSQL."""
    return text.translate(_CONTROL) if not text.isprintable() else text


# How json.dumps writes the characters of _CONTROL (and, harmlessly, "\\b" typed by someone).
_CONTROL_IN_JSON = re.compile(r"\\u00[01][0-9a-fA-F]|\\[bf]|\x7f")


def has_controls(value: object) -> bool:
    """Whether any string in JSON-like data holds a character :func:`clean_text` removes (one
    pass of the C JSON encoder instead of a Python walk; may say yes for a typed ``\b``)."""
    return json_has_controls(json.dumps(value, ensure_ascii=False))


def json_has_controls(text: str) -> bool:
    """Whether JSON text (as ``json.dumps`` or pydantic write it) holds a character
    :func:`clean_text` removes (may say yes for a typed ``\\b``)."""
    if "\\u00" not in text and "\\b" not in text and "\\f" not in text and "\x7f" not in text:
        return False  # substring tests run in C at memory speed; the pattern only on a hint
    return bool(_CONTROL_IN_JSON.search(text))


def clean_data(value: object) -> object:
    """Every string in JSON-like data (dicts, lists, strings) cleaned by :func:`clean_text`."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(k) if isinstance(k, str) else k: clean_data(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [clean_data(v) for v in value]
    return value


_PLAIN_NUMBER = re.compile(r"[-+]?\d[\d.,]*%?")


def spreadsheet_safe(value: object) -> object:
    """A text that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first, or a
    tab or carriage return) prefixed with an apostrophe so it stays text; numbers, including
    signed ones such as ``-1.250``, are left as they are (OWASP: CSV injection)."""
    if not isinstance(value, str) or not value or value[0] not in "=+-@\t\r":
        return value
    if _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def join_wrapped(head: str, tail: str) -> str:
    """Two pieces of one text a line or page break cut: ``Perundang-`` + ``undangan`` and
    ``Kabupaten/`` + ``Kota`` without a space, anything else with one."""
    if not head or not tail:
        return head or tail
    if head.endswith(("-", "/")) and not head.endswith((" -", " /")):
        return head + tail
    return f"{head} {tail}"
