"""A pemda from files (the CLI's input): plans and pemda.json read back as written; bad facts
refused with the file and the problem; `renja rkpd` and `renja check --pemda` on a folder."""

from __future__ import annotations

import json

import openpyxl
import pytest
from click.testing import CliRunner

from renja.cli import cli
from renja.errors import RenjaError
from renja.rkpd.checks import check_pemda
from renja.rkpd.files import read_pemda, write_pemda


def test_a_written_pemda_reads_back_with_the_same_findings(planted, tmp_path):
    write_pemda(planted.pemda, tmp_path / "pemda")
    read, notes = read_pemda([str(tmp_path / "pemda")], None, tmp_path)
    assert notes == []
    assert [u.label for u in read.units] == [u.label for u in planted.pemda.units]
    assert [f.message for f in check_pemda(read)] == \
        [f.message for f in check_pemda(planted.pemda)]


def test_it_refuses_a_ceiling_that_is_not_whole_rupiah(tmp_path):
    (tmp_path / "pemda.json").write_text(json.dumps({
        "format": "renja-pemda/1", "tahun": 2025,
        "perangkat_daerah": [{"nama": "Dinas Kesehatan", "pagu": "1,2 M"}]}))
    with pytest.raises(RenjaError) as caught:
        read_pemda([str(tmp_path)], None, tmp_path)
    assert caught.value.id == (f"{tmp_path}/pemda.json: perangkat_daerah 'Dinas Kesehatan': "
                               "pagu harus Rupiah bulat, bukan '1,2 M'")


def test_it_refuses_an_unknown_stage_in_the_schedule(tmp_path):
    (tmp_path / "pemda.json").write_text(json.dumps({
        "format": "renja-pemda/1", "tahun": 2025, "jadwal": {"musrenbang": "2024-01-01"}}))
    with pytest.raises(RenjaError) as caught:
        read_pemda([str(tmp_path)], None, tmp_path)
    assert caught.value.id.startswith(f"{tmp_path}/pemda.json: tahapan 'musrenbang' tidak "
                                      "dikenal")


def test_the_cli_compiles_and_checks_a_folder(tmp_path):
    runner = CliRunner()
    made = runner.invoke(cli, ["demo-data", "--pemda", "planted", "--plans", "40", "-o",
                               str(tmp_path / "pd")])
    assert made.exit_code == 0, made.output
    checked = runner.invoke(cli, ["check", "--pemda", str(tmp_path / "pd")])
    assert checked.exit_code == 1
    assert "Kabupaten Sumber Makmur 2025: 39 Renja dari 40 perangkat daerah" in checked.output
    assert "Jumlah: 5 galat, 3 peringatan, 0 info" in checked.output
    out = tmp_path / "rkpd.xlsx"
    compiled = runner.invoke(cli, ["rkpd", str(tmp_path / "pd"), "--to", "xlsx", "-o", str(out)])
    assert compiled.exit_code == 0, compiled.output
    sheet = openpyxl.load_workbook(out, data_only=True)["RKPD"]
    assert sheet.cell(sheet.max_row, 2).value == "TOTAL"
    facts = json.loads((tmp_path / "pd" / "pemda.json").read_text())
    assert sheet.cell(sheet.max_row, 6).value == facts["total_rkpd"] - 5_000_000


def test_a_plan_is_matched_to_its_agency_whatever_region_its_name_carries(tmp_path):
    from renja.io import json as renja_json
    from tests.rkpd.small import dinkes, rsud

    plan = dinkes().plan
    assert plan is not None
    plan.perangkat_daerah.nama = "Dinas Kesehatan Kabupaten Contoh"
    plan.perangkat_daerah.singkatan = None
    renja_json.dump(plan, tmp_path / "dinkes.json")
    other = rsud().plan
    assert other is not None
    other.perangkat_daerah.nama = "Dinas Kesehatan Hewan"
    other.perangkat_daerah.singkatan = None
    renja_json.dump(other, tmp_path / "keswan.json")
    (tmp_path / "pemda.json").write_text(json.dumps({
        "format": "renja-pemda/1", "tahun": 2025, "perangkat_daerah": [
            {"nama": "Dinas Kesehatan", "bidang": ["1.02"], "pagu": 1},
            {"nama": "Dinas Kesehatan Hewan", "bidang": ["3.27"]}]}))
    pemda, _ = read_pemda([str(tmp_path)], None, tmp_path)
    assert [(u.nama, u.plan.perangkat_daerah.nama if u.plan else None) for u in pemda.units] \
        == [("Dinas Kesehatan", "Dinas Kesehatan Kabupaten Contoh"),
            ("Dinas Kesehatan Hewan", "Dinas Kesehatan Hewan")]


def test_it_refuses_two_plans_of_one_agency_for_one_year(tmp_path):
    from renja.io import json as renja_json
    from tests.rkpd.small import dinkes

    for name in ("a.json", "b.json"):
        plan = dinkes().plan
        assert plan is not None
        renja_json.dump(plan, tmp_path / name)
    with pytest.raises(RenjaError) as caught:
        read_pemda([str(tmp_path)], None, tmp_path)
    assert caught.value.id == (f"{tmp_path}/b.json dan {tmp_path}/a.json sama-sama Renja "
                               "Dinas Kesehatan tahun 2025")
