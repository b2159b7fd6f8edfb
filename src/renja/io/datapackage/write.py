"""Open data: a Frictionless tabular data package of the plan's budget lines.

One CSV row per sub kegiatan, year and jenis belanja, with the classification (urusan, bidang,
program, kegiatan, sub kegiatan, account code) beside the amount, in the spirit of the Fiscal
Data Package. `frictionless validate datapackage.json` passes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from renja.domain import Belanja, PlanNode, Renja
from renja.nomenklatur import default_catalogue
from renja.text import spreadsheet_safe

AKUN = (("pegawai", "5.1.01", "Belanja Pegawai"), ("barang_jasa", "5.1.02",
        "Belanja Barang dan Jasa"), ("bunga", "5.1.03", "Belanja Bunga"),
        ("subsidi", "5.1.04", "Belanja Subsidi"), ("hibah", "5.1.05", "Belanja Hibah"),
        ("bantuan_sosial", "5.1.06", "Belanja Bantuan Sosial"), ("modal", "5.2",
        "Belanja Modal"), ("tidak_terduga", "5.3", "Belanja Tidak Terduga"),
        ("transfer", "5.4", "Belanja Transfer"))
LEVELS = ("urusan", "bidang", "program", "kegiatan", "sub_kegiatan")
FIELDS: list[dict[str, Any]] = [
    {"name": "tahun", "type": "integer", "description": "Tahun anggaran"},
    {"name": "tahap", "type": "string", "constraints": {"enum": ["rencana", "prakiraan_maju"]},
     "description": "rencana: tahun n; prakiraan_maju: tahun n+1"},
    {"name": "pemda", "type": "string"},
    {"name": "perangkat_daerah", "type": "string"},
    *({"name": f"kode_{level}", "type": "string"} for level in LEVELS),
    *({"name": level, "type": "string"} for level in LEVELS),
    {"name": "kode_akun", "type": "string", "description": "Kode akun belanja (5.1.01 …)"},
    {"name": "jenis_belanja", "type": "string"},
    {"name": "jumlah", "type": "integer", "description": "Rupiah",
     "constraints": {"required": True}},
    {"name": "sumber_dana", "type": "string"},
    {"name": "lokasi", "type": "string"},
]
COLUMNS = [f["name"] for f in FIELDS]


def _names(renja: Renja) -> dict[str, str]:
    """Names of the codes above the rows: from the plan, else the nomenclature."""
    names = {n.kode: n.nama for n in renja.rencana.walk() if n.kode}
    catalogue = default_catalogue()
    for kode in list(names):
        parts = kode.split(".")
        for size in (1, 2, 3, 5):
            head = ".".join(parts[:size])
            if head not in names:
                entry = catalogue.get(head, renja.tahun) if head[0] != "X" else None
                names[head] = entry.nama if entry else ""
    return names


def budget_lines(renja: Renja) -> Iterator[dict[str, Any]]:
    names = _names(renja)
    for node in renja.rencana.walk():
        if node.children or node.level not in ("sub_kegiatan", "kegiatan", "program"):
            continue
        for year, tahap in (("n", "rencana"), ("n1", "prakiraan_maju")):
            yield from _node_lines(renja, node, year, tahap, names)


def _node_lines(renja: Renja, node: PlanNode, year: str, tahap: str,
                names: dict[str, str]) -> Iterator[dict[str, Any]]:
    b: Belanja = getattr(node, f"belanja_{year}")
    pagu = getattr(node, f"pagu_{year}")
    base = _classification(renja, node, names)
    base.update(tahun=renja.tahun + (1 if year == "n1" else 0), tahap=tahap,
                sumber_dana=node.sumber_dana or "", lokasi=node.lokasi or "")
    lines = [(code, label, getattr(b, field)) for field, code, label in AKUN
             if getattr(b, field)]
    if not lines and b.operasi:
        lines = [("5.1", "Belanja Operasi", b.operasi)]
    if not lines and pagu:
        lines = [("5", "Belanja (tidak dirinci)", pagu)]
    for code, label, amount in lines:
        yield {**base, "kode_akun": code, "jenis_belanja": label, "jumlah": amount}


def _classification(renja: Renja, node: PlanNode, names: dict[str, str]) -> dict[str, Any]:
    parts = (node.kode or "").split(".")
    out: dict[str, Any] = {"pemda": renja.pemda.nama,
                           "perangkat_daerah": renja.perangkat_daerah.nama}
    for level, size in zip(LEVELS, (1, 2, 3, 5, 6), strict=True):
        kode = ".".join(parts[:size]) if len(parts) >= size and node.kode else ""
        out[f"kode_{level}"] = kode
        out[level] = names.get(kode, "") if kode else ""
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def descriptor(renja: Renja) -> dict[str, Any]:
    agency = renja.perangkat_daerah.singkatan or renja.perangkat_daerah.nama
    name = _slug(f"renja {renja.pemda.nama} {agency} {renja.tahun}")
    return {
        "profile": "tabular-data-package",
        "name": name,
        "title": f"Renja {renja.perangkat_daerah.nama} {renja.pemda.nama} Tahun {renja.tahun}",
        "description": "Rincian pagu indikatif per sub kegiatan dan jenis belanja, tahun "
                       f"{renja.tahun} dan prakiraan maju {renja.tahun + 1}.",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": [{
            "name": "anggaran", "path": "anggaran.csv", "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"fields": FIELDS},
        }],
    }


def budget_csv(renja: Renja) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for line in budget_lines(renja):
        writer.writerow({k: spreadsheet_safe(v) for k, v in line.items()})
    return out.getvalue()


def write_datapackage(renja: Renja, target: str | Path) -> None:
    """A folder with datapackage.json and anggaran.csv, or a .zip holding both."""
    target = Path(target)
    files = {"datapackage.json": json.dumps(descriptor(renja), indent=2, ensure_ascii=False)
             + "\n", "anggaran.csv": budget_csv(renja)}
    if target.suffix == ".zip":
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in files.items():
                archive.writestr(name, text)
        return
    target.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (target / name).write_text(text, encoding="utf-8")
