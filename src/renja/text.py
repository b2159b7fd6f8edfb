"""Small text helpers shared by importers and renderers."""

from __future__ import annotations

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
