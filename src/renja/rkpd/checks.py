"""Cross-agency checks (family ``pemda``): what no single agency's plan shows. Findings have
the format of ``renja check`` and name the agency they are about; each problem is reported
once (a sub kegiatan claimed by three agencies is one finding that names all three)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from renja.codes import parse_kode
from renja.domain import PlanNode, Source
from renja.errors import CodeError
from renja.nomenklatur import normalise_name
from renja.numbers import format_rupiah
from renja.rkpd.compile import Rkpd, compile_rkpd, unit_programs
from renja.rkpd.model import PemdaPlans, Unit, bidang_of, stage_index
from renja.rules.finding import Finding, Severity
from renja.workflow import STAGE_LABELS

EARLY_STATUS = ("draf", "dikembalikan", "menunggu_kepala")


@dataclass
class PemdaContext:
    pemda: PemdaPlans
    rkpd: Rkpd
    lang: str = "id"
    rule: PemdaRule | None = None
    found: list[Finding] = field(default_factory=list)

    def report(self, *, unit: Unit | None, id: str, en: str, kode: str | None = None,
               expected: object = None, actual: object = None,
               source: Source | None = None, field: str | None = None) -> None:
        assert self.rule is not None
        if source is None and unit is not None and unit.link:
            source = Source(file=unit.link)
        self.found.append(Finding(
            rule=self.rule.code, family="pemda", severity=self.rule.severity, table="rkpd",
            kode=kode, field=field, expected=None if expected is None else str(expected),
            actual=None if actual is None else str(actual),
            message=id if self.lang == "id" else en, source=source,
            perangkat_daerah=unit.label if unit else None))


PemdaCheck = Callable[[PemdaContext], None]


@dataclass(frozen=True)
class PemdaRule:
    code: str
    family: str
    severity: Severity
    title_id: str
    title_en: str
    check: PemdaCheck
    example: str


PEMDA_RULES: dict[str, PemdaRule] = {}


def pemda_rule(code: str, severity: Severity, title_id: str, title_en: str,
               example: str) -> Callable[[PemdaCheck], PemdaCheck]:
    def register(check: PemdaCheck) -> PemdaCheck:
        PEMDA_RULES[code] = PemdaRule(code, "pemda", severity, title_id, title_en, check,
                                      example)
        return check
    return register


def is_lintas(kode: str, pemda: PemdaPlans) -> bool:
    """Sub kegiatan several agencies may plan: the cross-cutting program (``.01``, run by each
    agency under its own bidang), kewilayahan and pemerintahan umum (urusan 7 and 8, planned
    by every kecamatan), and codes the pemda lists."""
    if kode in pemda.lintas:
        return True
    try:
        parsed = parse_kode(kode)
    except CodeError:
        return True  # unreadable codes are the single-plan checks' business
    return parsed.program == "01" or parsed.urusan in ("X", "7", "8")


def _label(units: list[Unit]) -> str:
    return ", ".join(u.label for u in units)


@pemda_rule("P001", "error", "Sub kegiatan yang sama direncanakan oleh dua perangkat daerah",
            "The same sub kegiatan planned by two agencies",
            "5.03.02.2.01.0002 (Penyusunan Rencana Kebutuhan ASN) direncanakan oleh 2 perangkat "
            "daerah: BKPSDM, BAPPEDA")
def duplicated_sub_kegiatan(ctx: PemdaContext) -> None:
    claims: dict[str, list[tuple[Unit, PlanNode]]] = defaultdict(list)
    for unit in ctx.pemda.units:
        seen = set()
        for program in unit_programs(unit):
            for node in program.walk():
                if node.level == "sub_kegiatan" and node.kode and node.kode not in seen:
                    seen.add(node.kode)
                    claims[node.kode].append((unit, node))
    for kode, found in claims.items():
        if len(found) < 2 or is_lintas(kode, ctx.pemda):
            continue
        units = [u for u, _ in found]
        unit, node = found[1]
        ctx.report(unit=unit, kode=kode, source=node.source_of("kode"), expected="1",
                   actual=_label(units),
                   id=f"{kode} ({node.nama}) direncanakan oleh {len(units)} perangkat daerah: "
                      f"{_label(units)}",
                   en=f"{kode} ({node.nama}) is planned by {len(units)} agencies: "
                      f"{_label(units)}")


@pemda_rule("P002", "warning", "Program di luar bidang urusan perangkat daerah",
            "A program outside the agency's bidang urusan",
            "DINKES: program 1.01.02 (PROGRAM PENGELOLAAN PENDIDIKAN) berada di luar bidang "
            "urusan perangkat daerah (1.02)")
def outside_mandate(ctx: PemdaContext) -> None:
    for unit in ctx.pemda.units:
        if not unit.bidang:
            continue
        for program in unit_programs(unit):
            bidang = bidang_of(program.kode)
            if bidang is None or bidang in unit.bidang:
                continue
            ctx.report(unit=unit, kode=program.kode, source=program.source_of("kode"),
                       expected=", ".join(unit.bidang), actual=bidang,
                       id=f"{unit.label}: program {program.kode} ({program.nama}) berada di "
                          f"luar bidang urusan perangkat daerah ({', '.join(unit.bidang)})",
                       en=f"{unit.label}: program {program.kode} ({program.nama}) is outside "
                          f"the agency's bidang urusan ({', '.join(unit.bidang)})")


def _over(ctx: PemdaContext, sumber: bool) -> None:
    for ceiling in ctx.rkpd.ceilings:
        if (ceiling.sumber_dana is not None) != sumber or not ceiling.over:
            continue
        unit = ceiling.unit
        assert ceiling.pagu is not None and ceiling.ceiling is not None
        what_id = f"sumber dana {ceiling.sumber_dana}" if sumber else "pagu indikatif"
        what_en = f"sumber dana {ceiling.sumber_dana}" if sumber else "pagu indikatif"
        ctx.report(unit=unit, field=ceiling.sumber_dana or "pagu",
                   expected=format_rupiah(ceiling.ceiling), actual=format_rupiah(ceiling.pagu),
                   id=f"{unit.label}: {what_id} Rp {format_rupiah(ceiling.pagu)} melebihi pagu "
                      f"Rp {format_rupiah(ceiling.ceiling)} sebesar Rp "
                      f"{format_rupiah(ceiling.pagu - ceiling.ceiling)}",
                   en=f"{unit.label}: {what_en} Rp {format_rupiah(ceiling.pagu)} is over the "
                      f"ceiling Rp {format_rupiah(ceiling.ceiling)} by Rp "
                      f"{format_rupiah(ceiling.pagu - ceiling.ceiling)}")


@pemda_rule("P003", "error", "Pagu indikatif melebihi pagu perangkat daerah",
            "Pagu indikatif over the agency's ceiling",
            "DISDIK: pagu indikatif Rp 12.500.000.000 melebihi pagu Rp 12.000.000.000 sebesar "
            "Rp 500.000.000")
def over_ceiling(ctx: PemdaContext) -> None:
    _over(ctx, sumber=False)


@pemda_rule("P004", "error", "Pagu per sumber dana melebihi pagu sumber dana itu",
            "Pagu of a sumber dana over its ceiling",
            "DINKES: sumber dana DAK Fisik Rp 3.200.000.000 melebihi pagu Rp 3.000.000.000 "
            "sebesar Rp 200.000.000")
def over_ceiling_sumber(ctx: PemdaContext) -> None:
    _over(ctx, sumber=True)


@pemda_rule("P005", "error", "Perangkat daerah tanpa Renja", "An agency without a plan",
            "DISHUB belum memiliki Renja tahun 2025")
def without_plan(ctx: PemdaContext) -> None:
    stage = ctx.pemda.tahapan
    at_id = f" tahap {STAGE_LABELS.get(stage, stage)}" if stage else ""
    at_en = f" at stage {STAGE_LABELS.get(stage, stage)}" if stage else ""
    for unit in ctx.pemda.units:
        if unit.plan is None:
            ctx.report(unit=unit, expected="Renja", actual="-",
                       id=f"{unit.label} belum memiliki Renja tahun {ctx.pemda.tahun}{at_id}",
                       en=f"{unit.label} has no plan for {ctx.pemda.tahun}{at_en}")


@pemda_rule("P006", "warning", "Renja masih di tahap awal setelah tenggatnya",
            "A plan still at an early stage after its deadline",
            "DISHUB: Renja masih pada tahap Rancangan Awal (Draf), tenggat tahap Rancangan Awal "
            "31-01-2025 telah lewat")
def late(ctx: PemdaContext) -> None:
    today = ctx.pemda.tanggal
    if today is None:
        return
    for unit in ctx.pemda.units:
        stage = unit.stage()
        if unit.plan is None or stage is None:
            continue
        done = unit.status is not None and unit.status not in EARLY_STATUS
        passed = [(s, d) for s, d in ctx.pemda.jadwal.items() if d < today and (
            stage_index(s) > stage_index(stage) or (s == stage and not done))]
        if not passed:
            continue
        missed, deadline = max(passed, key=lambda item: stage_index(item[0]))
        label = STAGE_LABELS.get(stage, stage)
        status = f" ({unit.status.replace('_', ' ').title()})" if unit.status else ""
        ctx.report(unit=unit, field="tahapan", expected=STAGE_LABELS.get(missed, missed),
                   actual=label,
                   id=f"{unit.label}: Renja masih pada tahap {label}{status}, tenggat tahap "
                      f"{STAGE_LABELS.get(missed, missed)} {deadline:%d-%m-%Y} telah lewat",
                   en=f"{unit.label}: the plan is still at {label}{status}; the deadline of "
                      f"{STAGE_LABELS.get(missed, missed)}, {deadline:%d-%m-%Y}, has passed")


@pemda_rule("P007", "warning", "Indikator yang sama dengan target berbeda untuk program yang "
            "sama di dua perangkat daerah",
            "The same indicator of the same program with different targets in two agencies",
            "1.02.02 indikator 'Persentase fasilitas kesehatan terakreditasi': target 80 % "
            "(DINKES), 75 % (RSUD)")
def same_indicator_other_target(ctx: PemdaContext) -> None:
    seen: dict[tuple[str, str], list[tuple[Unit, PlanNode, str, str]]] = defaultdict(list)
    for unit in ctx.pemda.units:
        for program in unit_programs(unit):
            if not program.kode or is_lintas(program.kode, ctx.pemda):
                continue
            for indikator in program.indikator:
                if indikator.target_n is None or indikator.target_n.value is None:
                    continue
                key = (program.kode, normalise_name(indikator.nama))
                seen[key].append((unit, program, indikator.nama, indikator.target_n.text))
    for (kode, _), found in seen.items():
        units = {id(u) for u, *_ in found}
        targets = {text for *_, text in found}
        if len(units) < 2 or len(targets) < 2:
            continue
        unit, program, nama, _ = found[1]
        listed = ", ".join(f"{text} ({u.label})" for u, _, _, text in found)
        ctx.report(unit=unit, kode=kode, source=program.source_of("kode"), field="target_n",
                   expected=found[0][3], actual=found[1][3],
                   id=f"{kode} indikator '{nama}': target {listed}",
                   en=f"{kode} indicator '{nama}': targets {listed}")


@pemda_rule("P008", "error", "Jumlah Renja seluruh perangkat daerah tidak sama dengan total "
            "RKPD", "The agencies' plans do not add up to the RKPD total",
            "Jumlah pagu indikatif 40 perangkat daerah Rp 98.000.000.000 tidak sama dengan total "
            "RKPD Rp 100.000.000.000 (selisih Rp 2.000.000.000)")
def rkpd_total(ctx: PemdaContext) -> None:
    published = ctx.pemda.total_rkpd
    totals = [u.total for u in ctx.pemda.units if u.plan is not None]
    if published is None or not totals:
        return
    found = sum(t or 0 for t in totals)
    if found == published:
        return
    gap = format_rupiah(abs(published - found))
    ctx.report(unit=None, field="total", expected=format_rupiah(published),
               actual=format_rupiah(found),
               id=f"Jumlah pagu indikatif {len(totals)} perangkat daerah Rp "
                  f"{format_rupiah(found)} tidak sama dengan total RKPD Rp "
                  f"{format_rupiah(published)} (selisih Rp {gap})",
               en=f"The pagu indikatif of {len(totals)} agencies, Rp {format_rupiah(found)}, "
                  f"is not the RKPD total Rp {format_rupiah(published)} (difference Rp {gap})")


def check_pemda(pemda: PemdaPlans, lang: str = "id", rkpd: Rkpd | None = None,
                only: set[str] | None = None) -> list[Finding]:
    """Every cross-agency rule over the pemda's plans of the year, in rule order."""
    context = PemdaContext(pemda, rkpd or compile_rkpd(pemda), lang)
    for code in sorted(PEMDA_RULES):
        if only is not None and code not in only:
            continue
        context.rule = PEMDA_RULES[code]
        PEMDA_RULES[code].check(context)
    return context.found
