"""Synthetic, consistent Renja for any pemda and agency, drawn from the nomenclature.

Deterministic by seed. Money rolls up exactly, every indicator has targets for n and n+1,
T-C.29, T-C.31 and Tabel 3.2 agree with T-C.33: `renja check` finds no error in them. Used for
tests of scale, the demo database and benchmarks.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from renja.codes import parse_kode
from renja.domain import (
    Belanja,
    DaftarItem,
    IndikatorTarget,
    Jumlah,
    Pemda,
    PerangkatDaerah,
    PlanNode,
    Renja,
    Tc29Indikator,
    Tc29Row,
    Tc31Row,
    Tc31Side,
    TujuanSasaranRow,
    parse_target,
)
from renja.domain.plan import Indikator
from renja.nomenklatur import Catalogue, Entry, default_catalogue

SATUAN = ("dok", "lap", "org", "unit", "paket", "keg")


@dataclass(frozen=True)
class Spec:
    pemda: str = "Kabupaten Contoh"
    agency: str = "Dinas Contoh"
    singkatan: str = "DC"
    bidang: str = "1.01"
    tahun: int = 2023
    sub_kegiatan: int = 40
    seed: int = 1


def generate(spec: Spec, catalogue: Catalogue | None = None) -> Renja:
    """A consistent plan with about ``spec.sub_kegiatan`` sub kegiatan."""
    catalogue = catalogue or default_catalogue()
    rng = random.Random(spec.seed)
    jenis = spec.pemda.split()[0].lower()
    renja = Renja(
        tahun=spec.tahun, tahapan="rancangan",
        pemda=Pemda(nama=spec.pemda, jenis=jenis if jenis in ("kabupaten", "kota") else None),
        perangkat_daerah=PerangkatDaerah(nama=spec.agency, singkatan=spec.singkatan,
                                         bidang=spec.bidang),
        nomenklatur_versi=catalogue.nearest_version(spec.tahun).id,
        contoh=True,
    )
    bidang = parse_kode(spec.bidang)
    programs = _programs(catalogue, spec, bidang.canonical)
    root = PlanNode(level="bidang", kode=bidang.canonical, kode_asal=bidang.canonical,
                    nama=_name(catalogue, bidang.canonical, spec.tahun))
    per_program = max(1, spec.sub_kegiatan // max(1, len(programs)))
    remaining = spec.sub_kegiatan
    for entry in programs:
        if remaining <= 0:
            break
        program = _program(catalogue, spec, rng, entry, min(per_program, remaining) or 1)
        remaining -= sum(1 for n in program.walk() if n.level == "sub_kegiatan")
        root.children.append(program)
    for program, entry in zip(root.children, programs, strict=False):
        if remaining <= 0:
            break  # small programs left some to place: fill the others up to what they hold
        remaining -= _top_up(catalogue, spec, rng, program, entry, remaining)
    _roll_up(root)
    renja.rencana.rows = [root]
    renja.rencana.total = Jumlah(pagu_n=root.pagu_n, pagu_n1=root.pagu_n1,
                                 belanja_n=root.belanja_n.model_copy(),
                                 belanja_n1=root.belanja_n1.model_copy())
    _tables(renja, rng)
    return renja


_COUNCIL = re.compile(r"\bDPRD\b|Kepala Daerah|Wakil Kepala Daerah", re.IGNORECASE)


def fits(spec: Spec, nama: str) -> bool:
    """Whether an agency would plan this kegiatan: the council's and the regional head's
    services belong to the Sekretariat DPRD and the Sekretariat Daerah only."""
    own = re.search(r"DPRD|Sekretariat Daerah|Setda", spec.agency, re.IGNORECASE)
    return bool(own) or not _COUNCIL.search(nama)


def _name(catalogue: Catalogue, kode: str, tahun: int) -> str:
    entry = catalogue.get(kode, tahun)
    return entry.nama if entry else kode


def _programs(catalogue: Catalogue, spec: Spec, bidang: str) -> list[Entry]:
    own = [e for e in catalogue.children(bidang, spec.tahun) if e.level == "program"]
    cross = catalogue.get("X.XX.01", spec.tahun)
    return ([cross] if cross else []) + [e for e in own if not e.kode.endswith(".01")]


def _program(catalogue: Catalogue, spec: Spec, rng: random.Random, entry: Entry,
             wanted: int) -> PlanNode:
    kode = parse_kode(entry.kode).with_bidang(spec.bidang)
    program = PlanNode(level="program", kode=kode.canonical, kode_asal=kode.canonical,
                       nama=entry.nama, lokasi=spec.pemda, sumber_dana="APBD",
                       indikator=[_indicator(rng, "Persentase capaian " + entry.nama.lower(),
                                             "%")])
    kegiatan = [k for k in catalogue.children(entry.kode, spec.tahun) if fits(spec, k.nama)]
    rng.shuffle(kegiatan)
    count = 0
    for k in kegiatan:
        subs = [s for s in catalogue.children(k.kode, spec.tahun) if fits(spec, s.nama)]
        if not subs or count >= wanted:
            continue
        k_kode = parse_kode(k.kode).with_bidang(spec.bidang)
        node = PlanNode(level="kegiatan", kode=k_kode.canonical, kode_asal=k_kode.canonical,
                        nama=k.nama, lokasi=spec.pemda, sumber_dana="APBD",
                        indikator=[_indicator(rng, "Persentase " + k.nama.lower(), "%")])
        for s in subs[: min(len(subs), wanted - count, rng.randint(2, 6))]:
            node.children.append(_sub(rng, spec, s))
            count += 1
        program.children.append(node)
    return program


def _top_up(catalogue: Catalogue, spec: Spec, rng: random.Random, program: PlanNode,
            entry: Entry, wanted: int) -> int:
    """Add up to ``wanted`` more sub kegiatan of this program's nomenclature; how many."""
    added = 0
    nodes = {n.kode: n for n in program.children}
    for k in catalogue.children(entry.kode, spec.tahun):
        if not fits(spec, k.nama):
            continue
        k_kode = parse_kode(k.kode).with_bidang(spec.bidang).canonical
        node = nodes.get(k_kode)
        have = {c.kode for c in node.children} if node else set()
        for s in catalogue.children(k.kode, spec.tahun):
            if not fits(spec, s.nama):
                continue
            if added >= wanted:
                return added
            if parse_kode(s.kode).with_bidang(spec.bidang).canonical in have:
                continue
            if node is None:
                node = PlanNode(level="kegiatan", kode=k_kode, kode_asal=k_kode, nama=k.nama,
                                lokasi=spec.pemda, sumber_dana="APBD",
                                indikator=[_indicator(rng, "Persentase " + k.nama.lower(), "%")])
                program.children.append(node)
                nodes[k_kode] = node
            node.children.append(_sub(rng, spec, s))
            added += 1
    return added


def _percent(part: int, whole: int) -> Decimal:
    """part/whole as a whole percentage, halves rounded up as Excel's ROUND does (not to even)."""
    if not whole:
        return Decimal(0)
    return (Decimal(part) * 100 / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def _indicator(rng: random.Random, nama: str, satuan: str) -> Indikator:
    if satuan == "%":
        value = rng.randint(70, 95)
        return Indikator(nama=nama, satuan="%", target_n=parse_target(f"{value}%"),
                         target_n1=parse_target(f"{min(100, value + rng.randint(0, 3))}%"))
    value = rng.randint(1, 400)
    return Indikator(nama=nama, satuan=satuan, target_n=parse_target(f"{value} {satuan}"),
                     target_n1=parse_target(f"{value + rng.randint(0, 20)} {satuan}"))


def _sub(rng: random.Random, spec: Spec, entry: Entry) -> PlanNode:
    kode = parse_kode(entry.kode).with_bidang(spec.bidang)
    satuan = rng.choice(SATUAN)
    node = PlanNode(level="sub_kegiatan", kode=kode.canonical, kode_asal=kode.canonical,
                    nama=entry.nama, lokasi=spec.pemda, sumber_dana="APBD",
                    indikator=[_indicator(rng, "Jumlah " + entry.nama, satuan)])
    for year in ("n", "n1"):
        barang = rng.randint(10, 900) * 1_000_000
        pegawai = rng.choice((0, 0, rng.randint(1, 50) * 1_000_000))
        modal = rng.choice((0, 0, 0, rng.randint(1, 300) * 1_000_000))
        b = Belanja(operasi=barang + pegawai, pegawai=pegawai, barang_jasa=barang, modal=modal)
        setattr(node, f"belanja_{year}", b)
        setattr(node, f"pagu_{year}", barang + pegawai + modal)
    return node


def _roll_up(node: PlanNode) -> None:
    if not node.children:
        return
    for child in node.children:
        _roll_up(child)
    for year in ("n", "n1"):
        setattr(node, f"pagu_{year}", sum(getattr(c, f"pagu_{year}") for c in node.children))
        b = Belanja()
        for field in ("operasi", "pegawai", "barang_jasa", "modal"):
            setattr(b, field, sum(getattr(getattr(c, f"belanja_{year}"), field)
                                  for c in node.children))
        setattr(node, f"belanja_{year}", b)


def _tables(renja: Renja, rng: random.Random) -> None:
    """T-C.29, T-C.31, T-C.32 (NIHIL), Tabel 3.2 and the 3.3 list, all agreeing with T-C.33."""
    for node in renja.rencana.walk():
        if node.level == "bidang":
            continue
        ind = node.indikator[0]
        target = ind.target_n
        assert target is not None and target.value is not None
        unit = f" {target.satuan}" if target.satuan and target.satuan != "%" else \
            (target.satuan or "")
        done = int(target.value * rng.randint(60, 100) / 100)
        tc29 = Tc29Indikator(
            nama=ind.nama, target_renstra=parse_target(f"{int(target.value)}{unit}"),
            realisasi_sd_n3=parse_target(f"{done}{unit}"),
            target_n2=parse_target(f"{int(target.value)}{unit}"),
            realisasi_n2=parse_target(f"{done}{unit}"),
            tingkat_realisasi_n2=parse_target(f"{_percent(done, int(target.value))}%"),
            target_n1=parse_target(f"{int(target.value)}{unit}"),
            realisasi_sd_n1=parse_target(f"{int(target.value)}{unit}"),
            capaian_renstra=parse_target("100%"), agregasi="terakhir")
        renja.tc29.rows.append(Tc29Row(level=node.level, kode=node.kode, kode_asal=node.kode,
                                       nama=node.nama, indikator=[tc29]))
        side = Tc31Side(nama=node.nama, lokasi=node.lokasi, pagu=node.pagu_n,
                        indikator=[IndikatorTarget(nama=i.nama, target=i.target_n)
                                   for i in node.indikator])
        renja.tc31.rows.append(Tc31Row(kode=node.kode, level=node.level, ranwal=side,
                                       kebutuhan=side.model_copy(deep=True)))
    total = renja.rencana.total
    renja.tc31.total_ranwal = renja.tc31.total_kebutuhan = total.pagu_n if total else None
    renja.tc32.nihil = True
    renja.tujuan_sasaran.rows = [
        TujuanSasaranRow(kelompok="tujuan",
                         uraian=f"Meningkatnya kinerja {renja.perangkat_daerah.nama}",
                         indikator="Indeks kepuasan masyarakat", realisasi_n2=parse_target("80"),
                         proyeksi_n1=parse_target("81"), target_n=parse_target("82")),
    ]
    numbers: dict[str, int] = {}
    for node in renja.rencana.walk():
        if node.level == "bidang" or node.level is None:
            continue
        depth = {"program": 1, "kegiatan": 2, "sub_kegiatan": 3}[node.level]
        key = ".".join(str(numbers.get(str(d), 0)) for d in range(1, depth))
        numbers[str(depth)] = numbers.get(str(depth), 0) + 1
        for deeper in range(depth + 1, 4):
            numbers[str(deeper)] = 0
        nomor = ".".join(x for x in [key, str(numbers[str(depth)])] if x)
        renja.daftar_program.rows.append(DaftarItem(nomor=nomor, level=node.level,
                                                    nama=node.nama))
