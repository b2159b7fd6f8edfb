"""Evaluation formulas of T-C.29: printed ratios and sums against recomputed ones."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from renja.calc.capaian import capaian, infer_polaritas
from renja.calc.evaluation import tc29_expected, value
from renja.domain import Target, Tc29Indikator, Tc29Row
from renja.numbers import format_number, is_zero_dash
from renja.rules.registry import Context, rule, where


def agrees(printed: Decimal, expected: Decimal) -> bool:
    """The printed value is the expected one rounded (or cut) to the printed decimals."""
    places = max(0, -printed.as_tuple().exponent)  # type: ignore[operator]
    step = Decimal(1).scaleb(-places)
    try:
        return printed in (expected.quantize(step, rounding=ROUND_HALF_UP),
                           expected.quantize(step, rounding=ROUND_DOWN))
    except InvalidOperation:  # too many digits to round: only an exact value agrees
        return printed == expected


def pct(value: Decimal | None) -> str:
    return "-" if value is None else format_number(value, 2) + "%"


def _rows(ctx: Context) -> list[tuple[Tc29Row, Tc29Indikator]]:
    return [(row, ind) for row in ctx.renja.tc29.rows for ind in row.indikator]


def _ratio_rule(ctx: Context, field: str, formula: str, num: str, den: str) -> None:
    for row, ind in _rows(ctx):
        printed: Target | None = getattr(ind, field)
        expected = getattr(tc29_expected(ind), field)
        if printed is None or printed.value is None or expected is None:
            continue
        if agrees(printed.value, expected) or (printed.value == 100 and expected > 100):
            continue
        label = where("tc29", row.kode, row.nama)
        a, b = getattr(ind, num), getattr(ind, den)
        ctx.report(table="tc29", kode=row.kode, field=field, expected=pct(expected),
                   actual=printed.text, source=ind.source_of(field),
                   id=f"{label}, indikator '{ind.nama}': {formula} seharusnya {pct(expected)} "
                      f"({a.text} / {b.text}), tertulis {printed.text}",
                   en=f"{label}, indicator '{ind.nama}': {formula} should be {pct(expected)} "
                      f"({a.text} / {b.text}), found {printed.text}")


@rule("E001", "evaluasi", "error", "Tingkat realisasi (8) tidak sama dengan 7/6",
      "Tingkat realisasi (8) differs from 7/6",
      "T-C.29 5.03.01.2.07.0006 (Pengadaan Peralatan dan Mesin Lainnya), indikator 'Jumlah Unit "
      "…': tingkat realisasi (8) seharusnya 100,00% (6 unit / 6 unit), tertulis 0%")
def tingkat_realisasi(ctx: Context) -> None:
    _ratio_rule(ctx, "tingkat_realisasi_n2", "tingkat realisasi (8)", "realisasi_n2",
                "target_n2")


@rule("E002", "evaluasi", "warning", "Rasio 0/0 ditulis sebagai angka",
      "A 0/0 ratio printed as a number",
      "T-C.29 5.03.01.2.05.0010 (Sosialisasi Peraturan Perundang-Undangan), indikator '…': "
      "tingkat realisasi (8) dari 0 / 0 tidak terdefinisi, tertulis 0%")
def zero_over_zero(ctx: Context) -> None:
    checks = (("tingkat_realisasi_n2", "tingkat realisasi (8)", "realisasi_n2", "target_n2"),
              ("capaian_renstra", "tingkat capaian Renstra (11)", "realisasi_sd_n1",
               "target_renstra"))
    for row, ind in _rows(ctx):
        for field, what, num, den in checks:
            printed: Target | None = getattr(ind, field)
            a, b = value(getattr(ind, num)), value(getattr(ind, den))
            if printed is None or printed.value is None or b != 0 or a is None or \
                    is_zero_dash(printed.text):
                continue
            label = where("tc29", row.kode, row.nama)
            ctx.report(table="tc29", kode=row.kode, field=field, expected="-",
                       actual=printed.text, source=ind.source_of(field),
                       id=f"{label}, indikator '{ind.nama}': {what} dari "
                          f"{format_number(a)} / 0 tidak terdefinisi, tertulis {printed.text}",
                       en=f"{label}, indicator '{ind.nama}': {what} of "
                          f"{format_number(a)} / 0 is undefined, found {printed.text}",
                       hint_id="tulis '-' atau beri catatan", hint_en="print '-' or a note")


@rule("E003", "evaluasi", "error", "Perkiraan realisasi (10) tidak sama dengan 5+7+9",
      "Perkiraan realisasi (10) differs from 5+7+9",
      "T-C.29 5.03.02.2.01.0008 (Fasilitasi Lembaga Profesi ASN), indikator '…': perkiraan "
      "realisasi (10) seharusnya 6 (5+7+9) atau 2 (nilai terakhir), tertulis 8 lbg")
def perkiraan_realisasi(ctx: Context) -> None:
    for row, ind in _rows(ctx):
        printed = ind.realisasi_sd_n1
        options = [o for o in tc29_expected(ind).realisasi_sd_n1 if o is not None]
        if printed is None or printed.value is None or not options:
            continue
        if any(agrees(printed.value, option) for option in options):
            continue
        label = where("tc29", row.kode, row.nama)
        shown_id = " atau ".join(f"{format_number(o)} ({k})" for o, k in
                                 zip(options, ("5+7+9", "nilai terakhir"), strict=False))
        shown_en = " or ".join(f"{format_number(o)} ({k})" for o, k in
                               zip(options, ("5+7+9", "latest value"), strict=False))
        ctx.report(table="tc29", kode=row.kode, field="realisasi_sd_n1",
                   expected=format_number(options[0]), actual=printed.text,
                   source=ind.source_of("realisasi_sd_n1"),
                   id=f"{label}, indikator '{ind.nama}': perkiraan realisasi (10) seharusnya "
                      f"{shown_id}, tertulis {printed.text}",
                   en=f"{label}, indicator '{ind.nama}': perkiraan realisasi (10) should be "
                      f"{shown_en}, found {printed.text}")


@rule("E004", "evaluasi", "error", "Tingkat capaian Renstra (11) tidak sama dengan 10/4",
      "Tingkat capaian Renstra (11) differs from 10/4",
      "T-C.29 5.03.02 (PROGRAM KEPEGAWAIAN DAERAH), indikator '…': tingkat capaian Renstra (11) "
      "seharusnya 88,89% (80% / 90%), tertulis 90%")
def capaian_renstra(ctx: Context) -> None:
    _ratio_rule(ctx, "capaian_renstra", "tingkat capaian Renstra (11)", "realisasi_sd_n1",
                "target_renstra")


@rule("E005", "evaluasi", "warning", "Indikator berpolaritas negatif dihitung terbalik",
      "A lower-is-better indicator evaluated the wrong way",
      "T-C.29 5.03.02.2.04 (…), indikator 'Persentase pelanggaran disiplin': tingkat realisasi "
      "(8) dihitung realisasi/target (125,00%); untuk indikator yang makin kecil makin baik "
      "seharusnya target/realisasi (80,00%)")
def inverse_polarity(ctx: Context) -> None:
    for row, ind in _rows(ctx):
        if infer_polaritas(ind.nama, ind.polaritas) != "negatif":
            continue
        printed = ind.tingkat_realisasi_n2
        target, real = value(ind.target_n2), value(ind.realisasi_n2)
        wrong = capaian(target, real, "positif")
        right = capaian(target, real, "negatif")
        if printed is None or printed.value is None or wrong is None or right is None:
            continue
        if agrees(printed.value, right) or not agrees(printed.value, wrong):
            continue
        label = where("tc29", row.kode, row.nama)
        ctx.report(table="tc29", kode=row.kode, field="tingkat_realisasi_n2",
                   expected=pct(right), actual=printed.text,
                   source=ind.source_of("tingkat_realisasi_n2"),
                   id=f"{label}, indikator '{ind.nama}': tingkat realisasi (8) dihitung "
                      f"realisasi/target ({pct(wrong)}); untuk indikator yang makin kecil makin "
                      f"baik seharusnya target/realisasi ({pct(right)})",
                   en=f"{label}, indicator '{ind.nama}': tingkat realisasi (8) computed as "
                      f"realisasi/target ({pct(wrong)}); for a lower-is-better indicator it is "
                      f"target/realisasi ({pct(right)})")
