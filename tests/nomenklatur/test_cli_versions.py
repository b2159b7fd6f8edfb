"""`renja nomenklatur versions|load|migrasi` on files: the catalogue written by `load` is used
through RENJA_NOMENKLATUR, proposals go out as CSV and only rows marked 'ya' are applied."""

from __future__ import annotations

import csv
import datetime
import io
import json

from click.testing import CliRunner

from renja.cli import cli
from renja.io import json as renja_json
from renja.nomenklatur import default_catalogue
from tests.nomenklatur.later import annex_files, plan_2021


def test_load_reports_the_changes_and_migrasi_applies_only_accepted_rows(tmp_path, monkeypatch):
    runner = CliRunner()
    ubah, hapus = annex_files(tmp_path)
    folder = tmp_path / "katalog"
    loaded = runner.invoke(cli, ["nomenklatur", "load", "--id", "contoh-2025", "--judul",
                                 "Contoh", "--mulai", "2025", "--ubah", str(ubah), "--hapus",
                                 str(hapus), "--ke", str(folder)])
    assert loaded.exit_code == 0, loaded.output
    assert ("contoh-2025: 2606 baris, dibanding kepmendagri-050-5889-2021:\n"
            "  2600 tetap, 2 ganti nama, 2 pindah kode, 2 digabung, 1 dihapus, 1 baru\n"
            ) in loaded.output
    assert "  pindah kode: 5.03.02.2.01.0003 Koordinasi dan Fasilitasi Pengadaan PNS dan PPPK " \
           "→ 5.03.02.2.01.0013" in loaded.output
    monkeypatch.setenv("RENJA_NOMENKLATUR", str(folder))
    default_catalogue.cache_clear()
    try:
        listed = runner.invoke(cli, ["nomenklatur", "versions"])
        assert [line.split("\t")[:2] for line in listed.output.splitlines()] == [
            ["kepmendagri-050-5889-2021", "2022–2023"],
            ["contoh-2025", f"2025–… (berlaku {datetime.date.today().year})"]]
        plan = tmp_path / "bkpsdm.json"
        renja_json.dump(plan_2021(), plan)
        proposed = runner.invoke(cli, ["nomenklatur", "migrasi", str(plan), "--ke",
                                       "contoh-2025"])
        assert proposed.exit_code == 0, proposed.output
        rows = list(csv.DictReader(io.StringIO(proposed.output)))
        moved = next(r for r in rows if r["kode_lama"] == "5.03.02.2.01.0003")
        assert (moved["jenis"], moved["kode_baru"], moved["terima"]) == \
            ("pindah kode", "5.03.02.2.01.0013", "")
        moved["terima"] = "ya"
        sheet = tmp_path / "usulan.csv"
        with sheet.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        out = tmp_path / "pindah.json"
        applied = runner.invoke(cli, ["nomenklatur", "migrasi", str(plan), "--ke",
                                      "contoh-2025", "--terapkan", str(sheet), "-o", str(out)])
        assert applied.exit_code == 0, applied.output
        codes = [n["kode"] for n in json.loads(out.read_text())["rencana"]["rows"][0][
            "children"][1]["children"][0]["children"]]
        assert codes == ["5.03.02.2.01.0002", "5.03.02.2.01.0013", "5.03.02.2.01.0004",
                         "5.03.02.2.01.0005", "5.03.02.2.01.0006", "5.03.02.2.01.0007"]
    finally:
        default_catalogue.cache_clear()


def test_load_refuses_both_a_full_list_and_changes(tmp_path):
    ubah, _ = annex_files(tmp_path)
    result = CliRunner().invoke(cli, ["nomenklatur", "load", "--id", "x", "--judul", "x",
                                      "--mulai", "2025", "--daftar", str(ubah), "--ubah",
                                      str(ubah), "--ke", str(tmp_path / "k")])
    assert result.exit_code != 0
    assert "isi --daftar (daftar lengkap) atau --ubah/--hapus (perubahannya)" in result.output
