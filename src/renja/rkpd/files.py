"""A pemda's plans from files, for the CLI: every plan document in the folders, globs or ZIP
files given, and the pemda's own facts from a ``pemda.json`` among them (renja-pemda/1):

    {"format": "renja-pemda/1", "pemda": "Kabupaten Contoh", "tahun": 2025,
     "tahapan": "rancangan", "tanggal": "2024-03-01", "total_rkpd": 395759000000,
     "jadwal": {"rancangan_awal": "2024-01-31"}, "lintas": ["1.02.02.2.01.0001"],
     "perangkat_daerah": [{"nama": "Dinas Kesehatan", "singkatan": "DINKES",
                           "bidang": ["1.02"], "pagu": 120000000000,
                           "pagu_sumber_dana": {"DAK Fisik": 3000000000},
                           "tahapan": "rancangan", "status": "diajukan"}]}

Every key but ``format`` is optional. A plan is matched to its agency by name or short name
(without the region a document adds to it);
a plan of an agency the file does not list is added with the plan's own bidang."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

from renja.batch import expand
from renja.domain import Renja
from renja.domain.renja import TAHAPAN
from renja.errors import FormatError, RenjaError
from renja.io import json as renja_json
from renja.io.read import read_plan
from renja.nomenklatur import normalise_name
from renja.rkpd.model import PemdaPlans, Unit

FORMAT = "renja-pemda/1"


def is_pemda_file(path: Path) -> bool:
    if path.suffix.lower() != ".json":
        return False
    if path.name.lower() == "pemda.json":
        return True
    with path.open("rb") as handle:
        return FORMAT.encode() in handle.read(400)


def read_pemda(inputs: list[str], tahun: int | None, work: Path) -> tuple[PemdaPlans, list[str]]:
    """The pemda of the documents given, for year ``tahun`` (None: the plans' year), and
    notes on what was left out (plans of other years)."""
    documents = expand(inputs, work)
    facts: dict[str, Any] = {}
    plans: list[tuple[str, Renja]] = []
    for name, path in documents:
        if not path.exists():
            raise FormatError(f"{name}: no such file", f"{name}: berkas tidak ada")
        if is_pemda_file(path):
            facts = _facts(name, path)
        else:
            plans.append((name, read_plan(path).renja))
    tahun = tahun or facts.get("tahun") or (plans[0][1].tahun if plans else None)
    if tahun is None:
        raise RenjaError("no plans and no pemda.json with a year: give --tahun",
                         "tidak ada Renja dan tidak ada pemda.json dengan tahun: isi --tahun")
    notes = [f"{name}: Renja tahun {renja.tahun}, bukan {tahun}; tidak disertakan"
             for name, renja in plans if renja.tahun != tahun]
    plans = [(name, renja) for name, renja in plans if renja.tahun == tahun]
    units = [_unit(item) for item in facts.get("perangkat_daerah", [])]
    taken: dict[int, str] = {}
    for name, renja in plans:
        unit = _match(units, renja)
        if unit is None:
            unit = Unit(nama=renja.perangkat_daerah.nama,
                        singkatan=renja.perangkat_daerah.singkatan,
                        bidang=(renja.perangkat_daerah.bidang,)
                        if renja.perangkat_daerah.bidang else ())
            units.append(unit)
        if id(unit) in taken:
            raise RenjaError(
                f"{name} and {taken[id(unit)]} are both plans of {unit.nama} for {tahun}",
                f"{name} dan {taken[id(unit)]} sama-sama Renja {unit.nama} tahun {tahun}")
        taken[id(unit)] = name
        unit.plan, unit.link = renja, name
        if not unit.bidang and renja.perangkat_daerah.bidang:
            unit.bidang = (renja.perangkat_daerah.bidang,)
    pemda = plans[0][1].pemda.nama if plans else ""
    return PemdaPlans(
        pemda=facts.get("pemda") or pemda, tahun=tahun, units=units,
        tahapan=facts.get("tahapan"), jadwal=facts.get("jadwal", {}),
        tanggal=facts.get("tanggal"), total_rkpd=facts.get("total_rkpd"),
        lintas=frozenset(facts.get("lintas", []))), notes


_REGION = re.compile(r" (kabupaten|kab|kota|provinsi|prov) .*$")


def agency_keys(*names: str | None) -> set[str]:
    """How an agency may be named: its name and short name, each also without the region
    documents add (``Dinas Kesehatan Kabupaten Contoh`` is ``Dinas Kesehatan``)."""
    found = set()
    for name in names:
        key = normalise_name(name or "")
        if key:
            found |= {key, _REGION.sub("", key)}
    return found


def _match(units: list[Unit], renja: Renja) -> Unit | None:
    """The listed agency a plan is of (one without a plan yet first)."""
    names = agency_keys(renja.perangkat_daerah.nama, renja.perangkat_daerah.singkatan)
    alike = [u for u in units if agency_keys(u.nama, u.singkatan) & names]
    return next((u for u in alike if u.plan is None), alike[0] if alike else None)


def _facts(name: str, path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FormatError(f"{name}: not readable JSON ({exc})",
                          f"{name}: bukan JSON yang dapat dibaca ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FormatError(f"{name}: not a {FORMAT} document",
                          f"{name}: bukan dokumen {FORMAT}")
    try:
        if data.get("tanggal"):
            data["tanggal"] = datetime.date.fromisoformat(data["tanggal"])
        jadwal = {}
        for stage, day in (data.get("jadwal") or {}).items():
            if stage not in TAHAPAN:
                raise ValueError(f"tahapan '{stage}' tidak dikenal ({', '.join(TAHAPAN)})")
            jadwal[stage] = datetime.date.fromisoformat(day)
        data["jadwal"] = jadwal
        for key in ("tahun", "total_rkpd"):
            if data.get(key) is not None and not isinstance(data[key], int):
                raise ValueError(f"'{key}' harus bilangan bulat, bukan {data[key]!r}")
    except (ValueError, TypeError) as exc:
        raise FormatError(f"{name}: {exc}", f"{name}: {exc}") from exc
    for i, item in enumerate(data.get("perangkat_daerah") or [], start=1):
        if not isinstance(item, dict) or not item.get("nama"):
            raise FormatError(f"{name}: perangkat_daerah #{i} has no 'nama'",
                              f"{name}: perangkat_daerah ke-{i} tidak memiliki 'nama'")
        for key, value in [("pagu", item.get("pagu")),
                           *((f"pagu_sumber_dana.{k}", v) for k, v in
                             (item.get("pagu_sumber_dana") or {}).items())]:
            if value is not None and not isinstance(value, int):
                raise FormatError(
                    f"{name}: perangkat_daerah '{item['nama']}': {key} must be whole Rupiah, "
                    f"not {value!r}",
                    f"{name}: perangkat_daerah '{item['nama']}': {key} harus Rupiah bulat, "
                    f"bukan {value!r}")
    return data


def _unit(item: dict[str, Any]) -> Unit:
    return Unit(nama=item["nama"], singkatan=item.get("singkatan"),
                bidang=tuple(item.get("bidang") or ()), pagu=item.get("pagu"),
                pagu_sumber=dict(item.get("pagu_sumber_dana") or {}),
                tahapan=item.get("tahapan"), status=item.get("status"))


def write_pemda(pemda: PemdaPlans, folder: Path) -> list[Path]:
    """The pemda as files ``read_pemda`` reads back: pemda.json and one JSON plan per unit."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i, unit in enumerate(pemda.units, start=1):
        if unit.plan is not None:
            path = folder / f"{i:02d}-{unit.label}.json"
            renja_json.dump(unit.plan, path)
            written.append(path)
    facts = {
        "format": FORMAT, "pemda": pemda.pemda, "tahun": pemda.tahun,
        "tahapan": pemda.tahapan, "total_rkpd": pemda.total_rkpd,
        "tanggal": pemda.tanggal.isoformat() if pemda.tanggal else None,
        "jadwal": {k: v.isoformat() for k, v in pemda.jadwal.items()},
        "lintas": sorted(pemda.lintas),
        "perangkat_daerah": [
            {"nama": u.nama, "singkatan": u.singkatan, "bidang": list(u.bidang),
             "pagu": u.pagu, "pagu_sumber_dana": u.pagu_sumber, "tahapan": u.tahapan,
             "status": u.status} for u in pemda.units],
    }
    path = folder / "pemda.json"
    path.write_text(json.dumps(facts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return [path, *written]
