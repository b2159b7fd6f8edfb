"""Generated plans printed the ways real agencies print them, and with real mistakes planted:
the corpus `renja demo-data --convention … --defect …` writes, and what reading it back shows.

A convention changes how a consistent plan is printed, never what it says: import must give
back every T-C.33 amount (to the rupiah, or to the thousand when printed in thousands) and
`renja check` must find no error. A defect changes what the plan says, the way people get it
wrong, and names the rule that must find it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from renja.demo.names import CONVENTIONS as CONVENTIONS  # re-exported
from renja.demo.names import DEFECT_NAMES
from renja.domain import NilaiTahun, PlanNode, Renja, Tc30Row, TujuanSasaranRow, parse_target
from renja.numbers import format_rupiah, parse_rupiah


@dataclass
class Written:
    path: Path
    plan: Renja
    conventions: tuple[str, ...]
    defect: str | None = None
    rule: str | None = None
    """The rule that must find the planted defect."""


def write_document(renja: Renja, stem: Path, conventions: tuple[str, ...]) -> Path:
    """``renja`` printed by the conventions given (one file; its name is ``stem`` + suffix)."""
    from renja.demo.lookalike import sipd_html, two_row, word_pdf
    from renja.io.pdf.write import render_pdf
    from renja.io.text.write import render_text

    if "sipd-ri" in conventions:
        renja.rencana.tata_letak = "sipd-ri"
    if "dua-baris" in conventions:
        return two_row.write(renja, stem.with_suffix(".xlsx"))
    if "sipd-xls" in conventions:
        path = stem.with_suffix(".xls")
        path.write_bytes(sipd_html.sipd_xls(renja, set()))
        return path
    if "pdf-word" in conventions:
        path = stem.with_suffix(".pdf")
        path.write_bytes(word_pdf.handmade_pdf(renja, set()))
        return path
    if "pdf" in conventions:
        path = stem.with_suffix(".pdf")
        path.write_bytes(render_pdf(renja))
        return path
    text = render_text(renja)
    if "ribuan" in conventions:
        text = in_thousands(text)
    if "total-kode" in conventions:
        text = re.sub(r"^\tJUMLAH TOTAL\t", "JUMLAH TOTAL\t\t", text, flags=re.MULTILINE)
    path = stem.with_suffix(".txt")
    path.write_text(text, encoding="utf-8")
    return path


_MONEY = re.compile(r"(^|:\s*)(\d{1,3}(?:\.\d{3})+)\s*$")
_TABLES_IN_RUPIAH = re.compile(r"^Tabel T-C\.3[13]\b")


def in_thousands(text: str) -> str:
    """T-C.31's and T-C.33's amounts printed in thousands (rounded half up) under a
    '(Rp.000)' header, as many agencies print them."""
    lines, inside = text.split("\n"), False
    for i, line in enumerate(lines):
        if line.startswith("Tabel "):
            inside = bool(_TABLES_IN_RUPIAH.match(line))
        if not inside or "\t" not in line:
            continue
        cells = line.split("\t")
        for j, cell in enumerate(cells):
            match = _MONEY.search(cell)
            if match:
                value = (Decimal(parse_rupiah(match.group(2))) / 1000).quantize(
                    Decimal(1), ROUND_HALF_UP)
                cells[j] = cell[:match.start(2)] + format_rupiah(int(value)) + \
                    cell[match.end(2):]
            else:
                cells[j] = re.sub(r"(Pagu Indikatif|Kebutuhan Dana) \(Rp\)", r"\1 (Rp.000)",
                                  cell)
        lines[i] = "\t".join(cells)
    return "\n".join(lines)


def start_in_n1(renja: Renja, rng: random.Random) -> PlanNode | None:
    """One sub kegiatan made to start only in year n+1, and the plan kept consistent."""
    subs = [n for n in renja.rencana.walk() if n.level == "sub_kegiatan" and n.pagu_n]
    if not subs:
        return None
    sub = rng.choice(subs)
    amount, parts = sub.pagu_n or 0, sub.belanja_n.model_dump(exclude={"provenance"})
    for owner in [*_ancestors(renja, sub), renja.rencana.total]:
        if owner is None:
            continue
        owner.pagu_n = (owner.pagu_n or 0) - amount
        for name, value in parts.items():
            if value is not None and getattr(owner.belanja_n, name) is not None:
                setattr(owner.belanja_n, name, getattr(owner.belanja_n, name) - value)
    sub.pagu_n = 0
    for name, value in parts.items():
        if value is not None:
            setattr(sub.belanja_n, name, 0)
    for ind in sub.indikator:
        ind.target_n = None
    above = {n.kode for n in _ancestors(renja, sub)}
    for row in renja.tc31.rows:
        if row.kode == sub.kode:
            row.ranwal.pagu = row.kebutuhan.pagu = 0
            for side in (row.ranwal, row.kebutuhan):
                for ind31 in side.indikator:
                    ind31.target = None
        elif row.kode in above:
            for side in (row.ranwal, row.kebutuhan):
                side.pagu = (side.pagu or 0) - amount
    for name in ("total_ranwal", "total_kebutuhan"):
        if getattr(renja.tc31, name) is not None:
            setattr(renja.tc31, name, getattr(renja.tc31, name) - amount)
    return sub


def _ancestors(renja: Renja, target: PlanNode) -> list[PlanNode]:
    def path(nodes: list[PlanNode]) -> list[PlanNode] | None:
        for node in nodes:
            if node is target:
                return []
            below = path(node.children)
            if below is not None:
                return [node, *below]
        return None

    return path(renja.rencana.rows) or []


# --- defects -------------------------------------------------------------------------------


def _old_year_in_title(renja: Renja, rng: random.Random) -> bool:
    renja.tc31.judul = f"Review terhadap Rancangan Awal RKPD Tahun {renja.tahun - 4}"
    return True


def _skipped_number(renja: Renja, rng: random.Random) -> bool:
    """From one sub kegiatan of a kegiatan on, every number is one too high (1.1.1, 1.1.3 …)."""
    items = renja.daftar_program.rows

    def parent(i: int) -> str | None:
        nomor = items[i].nomor or ""
        return nomor.rsplit(".", 1)[0] if nomor.count(".") == 2 else None

    runs = [i for i in range(1, len(items)) if parent(i) and parent(i) == parent(i - 1)]
    if not runs:
        return False
    i = rng.choice(runs)
    head = parent(i)
    while i < len(items) and parent(i) == head:
        number = int((items[i].nomor or "").rsplit(".", 1)[1]) + 1
        items[i].nomor = f"{head}.{number}"
        i += 1
    return True


def _typo_in_list(renja: Renja, rng: random.Random) -> bool:
    items = [i for i in renja.daftar_program.rows
             if i.level == "sub_kegiatan" and any(len(w) > 8 for w in i.nama.split())]
    if not items:
        return False
    item = rng.choice(items)
    words = item.nama.split()
    k = next(i for i, w in enumerate(words) if len(w) > 8)
    w = words[k]
    words[k] = w[:3] + w[4] + w[3] + w[5:]  # two letters swapped
    item.nama = " ".join(words)
    return True


def _empty_kegiatan(renja: Renja, rng: random.Random) -> bool:
    kegiatan = [n for n in renja.rencana.walk() if n.level == "kegiatan" and n.children
                and n.pagu_n]
    if not kegiatan:
        return False
    rng.choice(kegiatan).children = []
    return True


def _parent_sum(renja: Renja, rng: random.Random) -> bool:
    programs = [n for n in renja.rencana.walk() if n.level == "program" and n.pagu_n]
    if not programs:
        return False
    program = rng.choice(programs)
    program.pagu_n = (program.pagu_n or 0) + 1_000_000
    if renja.rencana.total is not None and renja.rencana.total.pagu_n is not None:
        renja.rencana.total.pagu_n += 1_000_000
    return True


def _realisasi_between_tables(renja: Renja, rng: random.Random) -> bool:
    rows = [r for r in renja.tujuan_sasaran.rows if r.indikator and r.realisasi_n2]
    if not rows:
        return False
    row = rng.choice(rows)
    value = (row.realisasi_n2.value if row.realisasi_n2 else None) or Decimal(1)
    renja.tc30.rows.append(Tc30Row(indikator=row.indikator or "", realisasi=[
        NilaiTahun(tahun=renja.tahun - 2, nilai=parse_target(str(value + 5).replace(".", ",")))]))
    return True


def _shares(renja: Renja, rng: random.Random) -> bool:
    def row(name: str, *values: str) -> TujuanSasaranRow:
        targets = [parse_target(v) if v else None for v in values]
        return TujuanSasaranRow(kelompok="indikator_kinerja_daerah", indikator=name,
                                realisasi_n2=targets[0] if targets else None,
                                proyeksi_n1=targets[1] if len(targets) > 1 else None,
                                target_n=targets[2] if len(targets) > 2 else None)

    renja.tujuan_sasaran.rows += [
        row("Rasio pegawai menurut jenjang pendidikan (%)"),
        row("Pendidikan tinggi", "60,5%", "61%", "61,5%"),
        row("Pendidikan menengah", "30%", "30%", "30%"),
        row("Pendidikan dasar", "9,5%", "9,5%", "9,5%")]
    return True


_MAKERS: dict[str, Callable[[Renja, random.Random], bool]] = {
    "judul-tahun": _old_year_in_title, "nomor-lompat": _skipped_number,
    "nama-salah-ketik": _typo_in_list, "kegiatan-kosong": _empty_kegiatan,
    "pagu-induk": _parent_sum, "realisasi-beda": _realisasi_between_tables,
    "bagian-100": _shares,
}
DEFECTS: dict[str, tuple[str, str, Callable[[Renja, random.Random], bool]]] = {
    name: (*DEFECT_NAMES[name], make) for name, make in _MAKERS.items()}


@dataclass
class Figures:
    """What reading a written corpus back showed."""

    files: int = 0
    rows: int = 0
    exact_rows: int = 0
    errors_on_consistent: int = 0
    consistent: int = 0
    planted: dict[str, int] = field(default_factory=dict)
    found: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        share = f"{100 * self.exact_rows / self.rows:.1f}%" if self.rows else "-"
        out = [f"berkas: {self.files}",
               f"uang T-C.33 tepat: {self.exact_rows}/{self.rows} baris ({share})",
               f"galat pada Renja yang konsisten: {self.errors_on_consistent} "
               f"({self.consistent} berkas)"]
        for kind, count in sorted(self.planted.items()):
            out.append(f"cacat {kind} ({DEFECTS[kind][0]}): ditemukan "
                       f"{self.found.get(kind, 0)}/{count}")
        out += [f"  {p}" for p in self.problems[:20]]
        return out


def verify(written: list[Written]) -> Figures:
    """Read every written file back and compare: T-C.33 money to the rupiah (to the thousand
    when printed in thousands), errors on consistent plans, planted defects found."""
    from renja.io.read import read_plan
    from renja.rules import run_checks

    figures = Figures()
    for item in written:
        figures.files += 1
        read = read_plan(item.path).renja
        tolerance = 500 if "ribuan" in item.conventions else 0
        got = {n.kode: n for n in read.rencana.walk()}
        for node in item.plan.rencana.walk():
            figures.rows += 1
            mine = got.get(node.kode)
            if mine is not None and all(
                    _close(getattr(mine, f), getattr(node, f), tolerance)
                    for f in ("pagu_n", "pagu_n1")):
                figures.exact_rows += 1
            else:
                figures.problems.append(f"{item.path.name}: {node.kode} "
                                        f"{getattr(mine, 'pagu_n', None)} ≠ {node.pagu_n}")
        findings = run_checks(read)
        if item.defect is None:
            figures.consistent += 1
            errors = [f for f in findings if f.severity == "error"]
            figures.errors_on_consistent += len(errors)
            figures.problems += [f"{item.path.name}: {f.rule} {f.message}" for f in errors]
        else:
            figures.planted[item.defect] = figures.planted.get(item.defect, 0) + 1
            if any(f.rule == item.rule for f in findings):
                figures.found[item.defect] = figures.found.get(item.defect, 0) + 1
            else:
                figures.problems.append(f"{item.path.name}: {item.rule} not found")
    return figures


def _close(a: int | None, b: int | None, tolerance: int) -> bool:
    if a is None or b is None:
        return not a and not b  # '-' and nothing both mean no money
    return abs(a - b) <= tolerance


T33_ONLY = ("dua-baris", "sipd-xls", "pdf-word")  # print only T-C.33
T33_DEFECTS = ("kegiatan-kosong", "pagu-induk")  # the defects T-C.33 alone can carry


def write_convention_corpus(folder: Path, plans: int, conventions: tuple[str, ...],
                            defects: tuple[str, ...], seed: int = 1) -> list[Written]:
    """``plans`` generated plans printed by ``conventions``; with ``defects``, every other
    plan carries one of them (in turn), the rest stay consistent."""
    from renja.demo.corpus import PEMDA, pemda_plans

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    if any(c in T33_ONLY for c in conventions):
        defects = tuple(d for d in defects if d in T33_DEFECTS)
    written: list[Written] = []
    for p, pemda in enumerate(PEMDA * (plans // (40 * len(PEMDA)) + 1)):
        for renja in pemda_plans(pemda, min(40, plans - len(written)), seed=seed + p):
            if "baru-n1" in conventions:
                start_in_n1(renja, rng)
            defect = rule = None
            if defects and len(written) % 2 == 1:
                defect = defects[(len(written) // 2) % len(defects)]
                rule, _, plant = DEFECTS[defect]
                if not plant(renja, rng):
                    defect = rule = None
            stem = folder / f"{len(written) + 1:05d}-{renja.perangkat_daerah.singkatan}"
            expected = renja.model_copy(deep=True)
            path = write_document(renja, stem, conventions)
            written.append(Written(path, expected, conventions, defect, rule))
            if len(written) >= plans:
                return written
    return written
