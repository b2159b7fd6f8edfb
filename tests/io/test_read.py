from pathlib import Path

import pytest

from renja.errors import FormatError
from renja.io import json as renja_json
from renja.io.read import read_plan

FIXTURE = Path(__file__).parent / "text" / "fixtures" / "renja-disdik-kota-batu-2025.txt"


def test_it_reads_its_own_json(tmp_path: Path):
    plan = read_plan(FIXTURE).renja
    renja_json.dump(plan, tmp_path / "plan.json")
    assert read_plan(tmp_path / "plan.json").renja == plan


def test_json_round_trips_an_imported_plan_with_provenance(tmp_path: Path):
    plan = read_plan(FIXTURE).renja
    again = renja_json.loads(renja_json.dumps(plan))
    assert again == plan
    sub = next(n for n in again.rencana.walk() if n.kode == "1.01.02.2.01.0008")
    assert sub.provenance["pagu_n"].line == 43


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("kosong.txt", b"", "kosong.txt: not a Renja: no chapter (BAB I …) and no table "
                            "(tab-separated lines) found"),
        ("surat.txt", b"Dengan hormat,\nKami sampaikan.\n",
         "surat.txt: not a Renja: no chapter (BAB I …) and no table (tab-separated lines) found"),
        ("tabel.xlsx", b"PK\x03\x04rest", "tabel.xlsx: not a readable XLSX workbook (damaged, "
                                           "or another format saved with an .xlsx name)"),
        ("renja.pdf", b"%PDF-1.7", "renja.pdf: not a readable PDF (damaged, cut short, or "
                                   "locked with a password)"),
        ("gambar.bin", b"\x89PNG\x00\x00", "gambar.bin: not a text, JSON or XLSX file "
                                           "(binary content)"),
    ],
)
def test_it_rejects_files_that_are_not_a_renja(tmp_path: Path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FormatError) as exc:
        read_plan(path)
    assert str(exc.value) == message


def test_it_says_when_a_text_has_no_plan_year(tmp_path: Path):
    path = tmp_path / "tanpa-tahun.txt"
    path.write_text("BAB I\nPENDAHULUAN\n\nTeks.\n", encoding="utf-8")
    with pytest.raises(FormatError) as exc:
        read_plan(path)
    assert exc.value.message("id") == (
        "tanpa-tahun.txt: tahun rencana tidak ditemukan: seharusnya ada judul seperti "
        "'RENCANA KERJA <perangkat daerah> KABUPATEN <nama> TAHUN <tahun>'")


def test_it_says_when_a_file_is_missing(tmp_path: Path):
    with pytest.raises(FormatError) as exc:
        read_plan(tmp_path / "tidak-ada.txt")
    assert str(exc.value) == f"{tmp_path / 'tidak-ada.txt'}: no such file"
