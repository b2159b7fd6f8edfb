"""Codes and hierarchy: malformed, damaged, duplicate, misplaced and unknown codes."""

from __future__ import annotations

from rapidfuzz import distance as fuzz_distance
from rapidfuzz import fuzz

from renja.codes import LEVELS, DamagedKode, parse_kode, parse_kode_or_damaged
from renja.domain.plan import KodeMixin
from renja.errors import CodeError
from renja.nomenklatur import normalise_name
from renja.rules.finding import Severity
from renja.rules.registry import Context, rule, where
from renja.rules.rows import coded_rows, plan_nodes

NAME_ALIKE = 90.0


def _printed(row: KodeMixin) -> DamagedKode | CodeError | None:
    """What is wrong with the printed code: damage, a parse error, or nothing."""
    if not row.kode_asal:
        return None
    try:
        parsed = parse_kode_or_damaged(row.kode_asal)
    except CodeError as exc:
        return exc
    return parsed if isinstance(parsed, DamagedKode) else None


@rule("K001", "kode", "error", "Kode tercetak tidak sah", "Printed code is malformed",
      "T-C.29 5.04.02.2.02 (Sertifikasi, …): kode tercetak '5040202' tidak sah: 7 digit, "
      "seharusnya 1 (urusan), 3 (bidang), 5 (program), 8 (kegiatan), 10 atau 12 (sub kegiatan)")
def malformed(ctx: Context) -> None:
    for table, row in coded_rows(ctx.renja):
        problem = _printed(row)
        if isinstance(problem, CodeError):
            ctx.report(
                table=table, kode=row.kode, field="kode", expected=row.kode,
                actual=row.kode_asal, source=row.source_of("kode"),
                id=f"{where(table, row.kode, row.nama)}: kode tercetak {problem.message('id')}"
                   .replace(f"kode tercetak '{row.kode_asal}' bukan kode yang sah",
                            f"kode tercetak '{row.kode_asal}' tidak sah"),
                en=f"{where(table, row.kode, row.nama)}: printed code {problem.message('en')}",
                hint_id=f"tulis {row.kode}" if row.kode else None,
                hint_en=f"write {row.kode}" if row.kode else None)


@rule("K002", "kode", "warning", "Kode rusak oleh Excel", "Code damaged by Excel",
      "T-C.29 5.03.01.2.01.0001 (Penyusunan Dokumen Perencanaan Perangkat Daerah): kode "
      "tercetak '5,03E+09' rusak oleh Excel; dipulihkan menjadi 5.03.01.2.01.0001 dari T-C.33 "
      "(nama sama)")
def damaged(ctx: Context) -> None:
    for table, row in coded_rows(ctx.renja):
        if not isinstance(_printed(row), DamagedKode):
            continue
        label = where(table, row.kode, row.nama)
        if row.kode:
            ctx.report(table=table, kode=row.kode, field="kode", expected=row.kode,
                       actual=row.kode_asal, source=row.source_of("kode"),
                       id=f"{label}: kode tercetak '{row.kode_asal}' rusak oleh Excel; "
                          f"dipulihkan menjadi {row.kode} {row.kode_recovery or ''}".rstrip(),
                       en=f"{label}: printed code '{row.kode_asal}' damaged by Excel; "
                          f"recovered as {row.kode}",
                       hint_id="format sel kode sebagai Teks di Excel",
                       hint_en="format the code cells as Text in Excel")
        else:
            ctx.report(table=table, field="kode", actual=row.kode_asal, severity="error",
                       source=row.source_of("kode"),
                       id=f"{label}: kode tercetak '{row.kode_asal}' rusak oleh Excel dan tidak "
                          f"dapat dipulihkan",
                       en=f"{label}: printed code '{row.kode_asal}' damaged by Excel and not "
                          f"recoverable")


@rule("K003", "kode", "error", "Kode ganda untuk baris berbeda",
      "Same code on different rows",
      "T-C.33 5.03.02.2.03.0002 (Pengelolaan Assesment Center): kode 5.03.02.2.03.0002 juga "
      "dipakai untuk 'Peningkatan Kapasitas Kinerja ASN' (baris 930)")
def duplicate(ctx: Context) -> None:
    for table, rows in _duplicates(ctx).items():
        for row, other in rows:
            line = other.source_of("kode")
            at_id = line.at() if line else ""
            at_en = line.at("en") if line else ""
            ctx.report(table=table, kode=row.kode, field="kode", actual=row.kode,
                       source=row.source_of("kode"),
                       id=f"{where(table, row.kode, row.nama)}: kode {row.kode} juga dipakai untuk "
                          f"'{other.nama}'{at_id}",
                       en=f"{where(table, row.kode, row.nama)}: code {row.kode} is also used for "
                          f"'{other.nama}'{at_en}",
                       hint_id=_official_hint(ctx, row, "id"),
                       hint_en=_official_hint(ctx, row, "en"))


def _duplicates(ctx: Context) -> dict[str, list[tuple[KodeMixin, KodeMixin]]]:
    """Rows whose code another row with another name uses, paired with that other row.

    Where the nomenclature knows the code, the rows whose name does not fit it are the wrong
    ones; otherwise every row after the first.
    """
    groups: dict[tuple[str, str], list[KodeMixin]] = {}
    for table, row in coded_rows(ctx.renja):
        if row.kode:
            groups.setdefault((table, row.kode), []).append(row)
    found: dict[str, list[tuple[KodeMixin, KodeMixin]]] = {}
    for (table, kode), rows in groups.items():
        if len({normalise_name(r.nama) for r in rows}) < 2:
            continue
        entry = ctx.catalogue.get(kode, ctx.renja.tahun)
        wrong = [r for r in rows if entry is not None and fuzz.token_sort_ratio(
            normalise_name(r.nama), normalise_name(entry.nama)) < NAME_ALIKE]
        if not wrong or len(wrong) == len(rows):
            wrong = rows[1:]
        right = next(r for r in rows if r not in wrong)
        found.setdefault(table, []).extend((r, right) for r in wrong)
    return found


def duplicated_codes(ctx: Context) -> set[str]:
    return {row.kode for pairs in _duplicates(ctx).values() for row, _ in pairs if row.kode}


def _official_code(ctx: Context, row: KodeMixin) -> str | None:
    """The code the nomenclature gives the row's printed name, when it is another code."""
    key = ("official", row.nama, row.level)
    if key not in ctx.cache:  # asked once per message language and by several rules
        ctx.cache[key] = ctx.catalogue.search(row.nama, level=row.level, tahun=ctx.renja.tahun,
                                              limit=1, min_score=NAME_ALIKE)
    matches = ctx.cache[key]
    if not matches:
        return None
    kode = matches[0].entry.parsed
    bidang = ctx.renja.perangkat_daerah.bidang
    if kode.is_cross_cutting and bidang:
        kode = kode.with_bidang(bidang)
    return None if kode.canonical == row.kode else kode.canonical


def _official_hint(ctx: Context, row: KodeMixin, lang: str) -> str | None:
    official = _official_code(ctx, row)
    if official is None:
        return None
    return (f"nomenklatur memberi kode {official} untuk nama ini" if lang == "id"
            else f"the nomenclature gives code {official} for this name")


def _typo_hint(official: str, lang: str) -> str:
    return (f"kemungkinan salah ketik: nama ini milik {official} di kegiatan yang sama"
            if lang == "id" else
            f"probably a typing error: this name belongs to {official} in the same kegiatan")


def _sibling(official: str, printed: str | None) -> bool:
    """A sub kegiatan code of the same kegiatan that a slip of the keys gives: the same digits
    in another order (``….05.0008`` typed ``….05.0080``), or one digit different, added or
    lost. A renumbering by a newer decree (``….0029`` → ``….0037``) is not one."""
    if not printed:
        return False
    a, b = official.rsplit(".", 1), printed.rsplit(".", 1)
    if not (len(a) == len(b) == 2 and a[0] == b[0] and official.count(".") == 5):
        return False
    x, y = a[1], b[1]
    return sorted(x) == sorted(y) or fuzz_distance.Levenshtein.distance(x, y) <= 1


@rule("K004", "kode", "error", "Kode tidak berada di bawah kode induknya",
      "Code not under its parent's code",
      "T-C.33 5.03.01.2.04.0010 (Sosialisasi Peraturan Perundang-Undangan): kode tidak berada "
      "di bawah induknya 5.03.01.2.05")
def outside_parent(ctx: Context) -> None:
    for node, parent in plan_nodes(ctx.renja):
        if not node.kode or parent is None or not parent.kode:
            continue
        if parse_kode(node.kode).is_under(parse_kode(parent.kode)):
            continue
        label = where("tc33", node.kode, node.nama)
        heading = parent.level in ("urusan", "bidang")
        ctx.report(table="tc33", kode=node.kode, field="kode", expected=f"{parent.kode}.…",
                   actual=node.kode, source=node.source_of("kode"),
                   severity="warning" if heading else None,
                   id=f"{label}: kode tidak berada di bawah induknya {parent.kode}",
                   en=f"{label}: code is not under its parent {parent.kode}",
                   hint_id=_official_hint(ctx, node, "id"),
                   hint_en=_official_hint(ctx, node, "en"))


@rule("K005", "kode", "warning", "Level hierarki dilompati", "Hierarchy level skipped",
      "T-C.33 5.03.02.2.01.0002 (…): sub_kegiatan langsung di bawah program 5.03.02; "
      "kegiatan-nya tidak ada")
def skipped_level(ctx: Context) -> None:
    for node, parent in plan_nodes(ctx.renja):
        if parent is None or node.level is None or parent.level is None:
            continue
        gap = LEVELS.index(node.level) - LEVELS.index(parent.level)
        if gap <= 1:
            continue
        missing = LEVELS[LEVELS.index(parent.level) + 1]
        label = where("tc33", node.kode, node.nama)
        ctx.report(table="tc33", kode=node.kode, field="level", expected=missing,
                   actual=node.level, source=node.source_of("row"),
                   id=f"{label}: {node.level} langsung di bawah {parent.level} {parent.kode}; "
                      f"{missing}-nya tidak ada",
                   en=f"{label}: {node.level} directly under {parent.level} {parent.kode}; "
                      f"its {missing} is missing")


def _covers(ctx: Context) -> bool:
    return ctx.catalogue.version_for(ctx.renja.tahun) is not None


@rule("K006", "kode", "error", "Kode tidak ada dalam nomenklatur",
      "Code not in the nomenclature",
      "T-C.33 5.04.02.2.02.0006 (Pelaksanaan Sertifikasi Kompetensi …): kode tidak ada dalam "
      "nomenklatur kepmendagri-050-5889-2021; nama ini ada di 5.04.02.2.02.0003", per_row=True)
def unknown(ctx: Context) -> None:
    version = ctx.catalogue.nearest_version(ctx.renja.tahun)
    covers = _covers(ctx)
    for node in ctx.nodes():
        if not node.kode or node.kode_recovery or ctx.catalogue.get(node.kode, ctx.renja.tahun):
            continue
        hint = _official_hint(ctx, node, "id")
        severity: Severity = ("error" if not hint else "warning") if covers else \
            ("warning" if not hint else "info")
        official = _official_code(ctx, node)
        hint_en = _official_hint(ctx, node, "en")
        if official is not None and _sibling(official, node.kode):
            hint, hint_en = _typo_hint(official, "id"), _typo_hint(official, "en")
            if severity == "info":
                severity = "warning"  # a sibling's name: a typing error, whatever the version
        label = where("tc33", node.kode, node.nama)
        note_id = "" if covers else f" (versi ini tidak berlaku untuk tahun {ctx.renja.tahun})"
        note_en = "" if covers else f" (this version is not in force for {ctx.renja.tahun})"
        ctx.report(table="tc33", kode=node.kode, field="kode", actual=node.kode,
                   severity=severity, source=node.source_of("kode"),
                   id=f"{label}: kode tidak ada dalam nomenklatur {version.id}{note_id}",
                   en=f"{label}: code is not in the nomenclature {version.id}{note_en}",
                   hint_id=hint, hint_en=hint_en)


@rule("K007", "kode", "warning", "Nama berbeda dari nomenklatur",
      "Name differs from the nomenclature",
      "T-C.33 5.03.01.2.06.0005 (Penyediaan Barang Cetakan): nama berbeda dari nomenklatur; "
      "nama resmi 'Penyediaan Barang Cetakan dan Penggandaan'")
def other_name(ctx: Context) -> None:
    covers = _covers(ctx)
    duplicated = duplicated_codes(ctx)
    for node in ctx.renja.rencana.walk():
        if not node.kode or node.level in ("urusan", "bidang") or node.kode in duplicated:
            continue
        entry = ctx.catalogue.get(node.kode, ctx.renja.tahun)
        if entry is None:
            continue
        score = fuzz.token_sort_ratio(normalise_name(node.nama), normalise_name(entry.nama))
        if score >= NAME_ALIKE:
            continue
        label = where("tc33", node.kode, node.nama)
        ctx.report(table="tc33", kode=node.kode, field="nama", expected=entry.nama,
                   actual=node.nama, severity="warning" if covers else "info",
                   source=node.source_of("nama"),
                   id=f"{label}: nama berbeda dari nomenklatur; nama resmi '{entry.nama}'",
                   en=f"{label}: name differs from the nomenclature; official name "
                      f"'{entry.nama}'",
                   hint_id=_official_hint(ctx, node, "id"),
                   hint_en=_official_hint(ctx, node, "en"))


@rule("K008", "kode", "error", "Baris tanpa kode", "Row without a code",
      "T-C.33 (Kegiatan Baru): baris sub_kegiatan tanpa kode, dan namanya tidak ditemukan di "
      "nomenklatur")
def without_code(ctx: Context) -> None:
    for table, row in coded_rows(ctx.renja):
        if row.kode or row.kode_asal:
            continue
        label = where(table, None, row.nama)
        ctx.report(table=table, field="kode", source=row.source_of("row"),
                   id=f"{label}: baris {row.level or ''} tanpa kode, dan namanya tidak ditemukan "
                      f"di nomenklatur",
                   en=f"{label}: {row.level or ''} row without a code, and its name is not in "
                      f"the nomenclature")
