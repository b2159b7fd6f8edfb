"""Backups of a whole installation, and everything one pemda owns as plain files.

SQLite: the online backup API (a consistent copy while the app runs). PostgreSQL: ``pg_dump``
in its custom format and ``pg_restore``. A restore goes into an empty database unless forced.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import psycopg
from django.db import connection

from renja.errors import RenjaError
from renja.progress import Progress, quiet
from renja.text import spreadsheet_safe
from renja.web.accounts.models import Membership, PaguCeiling, Pemda
from renja.web.plans.models import AuditEntry, Comment, Jadwal, Plan, RanwalItem


def _postgres_env(db: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"),
                      ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[name] = str(db[key])
    return env


def _run(command: list[str], db: dict[str, Any]) -> None:
    try:
        done = subprocess.run(command, env=_postgres_env(db), capture_output=True, text=True,
                              check=False)
    except FileNotFoundError as exc:
        raise RenjaError(f"{command[0]} is not installed", f"{command[0]} tidak terpasang",
                         hint="apt-get install postgresql-client",
                         hint_id="pasang dengan apt-get install postgresql-client") from exc
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        raise RenjaError(f"{command[0]} failed: {last}", f"{command[0]} gagal: {last}")


def backup(target: Path, db: dict[str, Any] | None = None) -> Path:
    """Copy the whole database (``db``: Django's settings of it; default the app's) to
    ``target``."""
    db = db or connection.settings_dict
    if "sqlite" in db["ENGINE"]:
        target.unlink(missing_ok=True)
        with sqlite3.connect(str(db["NAME"])) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
        copy.close()
        source.close()
    elif "postgresql" in db["ENGINE"]:
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target),
              "--dbname", str(db["NAME"])], db)
    else:
        raise RenjaError(f"cannot back up a {db['ENGINE']} database",
                         f"basis data {db['ENGINE']} tidak dapat dicadangkan")
    return target


def _count_plans(db: dict[str, Any]) -> int:
    if "sqlite" in db["ENGINE"]:
        with sqlite3.connect(str(db["NAME"])) as con:
            try:
                return int(con.execute("SELECT COUNT(*) FROM plans_plan").fetchone()[0])
            except sqlite3.OperationalError:
                return 0
    with psycopg.connect(dbname=db["NAME"], host=db.get("HOST") or None,
                         port=db.get("PORT") or None, user=db.get("USER") or None,
                         password=db.get("PASSWORD") or None) as con:
        row = con.execute("SELECT to_regclass('plans_plan') IS NOT NULL").fetchone()
        if not row or not row[0]:
            return 0
        found = con.execute("SELECT COUNT(*) FROM plans_plan").fetchone()
        return int(found[0]) if found else 0


def restore(source: Path, db: dict[str, Any] | None = None, force: bool = False) -> None:
    """Put a backup made by :func:`backup` into the database ``db`` (default the app's), which
    must hold no plans unless ``force``."""
    db = db or connection.settings_dict
    if not source.exists():
        raise RenjaError(f"{source.name}: no such file", f"{source.name}: berkas tidak ada")
    if not force and _count_plans(db):
        raise RenjaError("the database already holds plans; restore into an empty one",
                         "basis data sudah berisi Renja; pulihkan ke basis data kosong",
                         hint="--force replaces everything in it",
                         hint_id="--force mengganti seluruh isinya")
    if "sqlite" in db["ENGINE"]:
        with sqlite3.connect(source) as backup_file, sqlite3.connect(str(db["NAME"])) as live:
            backup_file.backup(live)
        live.close()
        backup_file.close()
    else:
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--dbname",
              str(db["NAME"]), str(source)], db)


def export_pemda(slug: str, folder: Path, progress: Progress = quiet) -> dict[str, int]:
    """Everything one pemda owns, as files: its plans (renja/1 JSON) with every version, the
    audit trail (CSV), comments, agencies, ceilings, schedule, ranwal, and its users with their
    roles (no passwords). Returns how many of each were written; ``progress`` hears of each
    plan."""
    pemda = Pemda.objects.filter(slug=slug).first()
    if pemda is None:
        raise RenjaError(f"no pemda '{slug}'", f"pemda '{slug}' tidak ada")
    folder.mkdir(parents=True, exist_ok=True)
    plans = list(Plan.objects.filter(perangkat_daerah__pemda=pemda)
                 .select_related("perangkat_daerah"))
    versions = 0
    for done, plan in enumerate(plans):
        progress(done, len(plans) + 1, f"{plan.perangkat_daerah} {plan.tahun}")
        base = folder / "renja" / f"{plan.pk}"
        base.mkdir(parents=True, exist_ok=True)
        _write(base / "renja.json", plan.data)
        for version in plan.versions.all():
            _write(base / f"versi-{version.number}.json", version.data)
            versions += 1
    audit = AuditEntry.objects.filter(plan__in=plans) | AuditEntry.objects.filter(pemda=pemda)
    entries = _audit_csv(folder / "audit.csv", audit.select_related("user", "plan"))
    _write(folder / "pemda.json", _pemda_data(pemda, plans))
    comments = [{"plan": c.plan_id, "id": c.pk, "parent": c.parent_id, "author":
                 c.author.username, "table": c.table, "kode": c.kode, "field": c.field,
                 "text": c.text, "resolved": c.resolved, "created_at": c.created_at.isoformat()}
                for c in Comment.objects.filter(plan__in=plans).select_related("author")]
    _write(folder / "catatan.json", comments)
    progress(len(plans) + 1, len(plans) + 1, "")
    return {"plans": len(plans), "versions": versions, "audit": entries,
            "comments": len(comments)}


def _write(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _audit_csv(path: Path, entries: Any) -> int:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["renja", "waktu", "pengguna", "lewat", "tindakan", "tabel", "kode",
                         "nama", "kolom", "lama", "baru", "catatan"])
        count = 0
        for e in entries.order_by("at", "pk"):
            writer.writerow([spreadsheet_safe(v) for v in (
                e.plan_id or "", e.at.isoformat(), e.user.username if e.user else "", e.via,
                e.action, e.table, e.kode, e.nama, e.field, e.old, e.new, e.note)])
            count += 1
    return count


def _pemda_data(pemda: Pemda, plans: list[Plan]) -> dict[str, object]:
    members = Membership.objects.filter(pemda=pemda).select_related("user", "perangkat_daerah")
    return {
        "pemda": {"nama": pemda.nama, "slug": pemda.slug, "jenis": pemda.jenis,
                  "provinsi": pemda.provinsi},
        "perangkat_daerah": [{"id": a.pk, "nama": a.nama, "singkatan": a.singkatan,
                              "bidang": a.bidang, "bidang_lain": a.bidang_lain}
                             for a in pemda.perangkat_daerah.all()],
        "pengguna": [{"username": m.user.username, "nama": m.user.get_full_name(),
                      "peran": m.role, "perangkat_daerah": m.perangkat_daerah_id}
                     for m in members],
        "pagu": [{"perangkat_daerah": c.perangkat_daerah_id, "tahun": c.tahun,
                  "sumber_dana": c.sumber_dana, "pagu": c.pagu}
                 for c in PaguCeiling.objects.filter(perangkat_daerah__pemda=pemda)],
        "pagu_rkpd": [{"tahun": t.tahun, "pagu": t.pagu} for t in pemda.pagu_rkpd.all()],
        "jadwal": [{"tahun": j.tahun, "tahapan": j.tahapan, "mulai": j.mulai.isoformat(),
                    "selesai": j.selesai.isoformat()} for j in Jadwal.objects.filter(pemda=pemda)],
        "ranwal": [{"perangkat_daerah": r.perangkat_daerah_id, "tahun": r.tahun, "kode": r.kode,
                    "nama": r.nama, "indikator": r.indikator, "target": r.target,
                    "pagu": r.pagu, "lokasi": r.lokasi}
                   for r in RanwalItem.objects.filter(perangkat_daerah__pemda=pemda)],
        "renja": [{"id": p.pk, "perangkat_daerah": p.perangkat_daerah_id, "tahun": p.tahun,
                   "revisi": p.revisi, "tahapan": p.tahapan, "status": p.status,
                   "versi": p.version, "diterbitkan": p.published} for p in plans],
    }
