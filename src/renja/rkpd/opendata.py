"""The RKPD compile as open data: a CSV of every program, kegiatan and sub kegiatan with its
perangkat daerah (one line each, indicators joined by `` | ``), and a JSON document
(``renja-rkpd/1``) with the agencies, their ceilings and the rows with their indicators."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from renja.domain import Indikator
from renja.rkpd.compile import Rkpd, RkpdRow
from renja.text import spreadsheet_safe

FORMAT = "renja-rkpd/1"
CSV_COLUMNS = ("tahun", "urusan", "bidang", "perangkat_daerah", "level", "kode", "nama",
               "indikator", "target_n", "lokasi", "pagu_n", "sumber_dana", "catatan",
               "target_n1", "pagu_n1", "prioritas_nasional", "prioritas_daerah",
               "sasaran_daerah")
PLAN_KINDS = ("program", "kegiatan", "sub_kegiatan")


def _groups(rkpd: Rkpd) -> list[tuple[RkpdRow, str, str]]:
    """Each plan row with the urusan and bidang codes it is grouped under."""
    found = []
    urusan = bidang = ""
    for row in rkpd.rows:
        if row.kind == "urusan":
            urusan = row.kode
        elif row.kind == "bidang":
            bidang = row.kode
        elif row.kind in PLAN_KINDS:
            found.append((row, urusan, bidang))
    return found


def _targets(indicators: list[Indikator], year: str) -> str:
    found = [getattr(i, f"target_{year}") for i in indicators]
    return " | ".join(t.text if t else "" for t in found)


def rkpd_csv(rkpd: Rkpd) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row, urusan, bidang in _groups(rkpd):
        node = row.node
        assert node is not None and row.unit is not None
        values = (rkpd.tahun, urusan, bidang, row.unit.nama, row.kind, row.kode, row.nama,
                  " | ".join(i.nama for i in node.indikator), _targets(node.indikator, "n"),
                  node.lokasi, row.pagu_n, node.sumber_dana, node.catatan,
                  _targets(node.indikator, "n1"), row.pagu_n1, node.prioritas_nasional,
                  node.prioritas_daerah, node.sasaran_daerah)
        writer.writerow(["" if v is None else spreadsheet_safe(v) if isinstance(v, str) else v
                         for v in values])
    return out.getvalue()


def rkpd_json(rkpd: Rkpd) -> str:
    document: dict[str, Any] = {
        "format": FORMAT, "pemda": rkpd.pemda, "tahun": rkpd.tahun, "tahapan": rkpd.tahapan,
        "total": {"pagu_n": rkpd.total.pagu_n, "pagu_n1": rkpd.total.pagu_n1},
        "perangkat_daerah": [
            {"nama": u.nama, "singkatan": u.singkatan, "bidang": list(u.bidang),
             "renja": u.plan is not None, "tahapan": u.stage(), "pagu_n": u.total,
             "pagu": [{"sumber_dana": c.sumber_dana, "pagu_renja": c.pagu,
                       "pagu": c.ceiling, "selisih": c.selisih}
                      for c in rkpd.unit_ceilings(u) if c.ceiling is not None]}
            for u in rkpd.units],
        "rows": [
            {"urusan": urusan, "bidang": bidang, "perangkat_daerah": row.unit.nama
             if row.unit else None, "level": row.kind, "kode": row.kode, "nama": row.nama,
             "pagu_n": row.pagu_n, "pagu_n1": row.pagu_n1,
             "lokasi": row.node.lokasi if row.node else None,
             "sumber_dana": row.node.sumber_dana if row.node else None,
             "indikator": [{"nama": i.nama, "satuan": i.satuan,
                            "target_n": i.target_n.text if i.target_n else None,
                            "target_n1": i.target_n1.text if i.target_n1 else None}
                           for i in (row.node.indikator if row.node else [])]}
            for row, urusan, bidang in _groups(rkpd)],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
