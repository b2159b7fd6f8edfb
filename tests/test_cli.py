import json

import pytest
from click.testing import CliRunner

from renja import __version__
from renja.cli import cli


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None):
        return runner.invoke(cli, list(args), env=env or {"RENJA_LANG": ""})

    return invoke


def test_it_prints_its_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"renja, version {__version__}\n"


def test_it_searches_the_nomenclature_by_name(run):
    result = run("nomenklatur", "search", "kenaikan pangkat", "--limit", "1")
    assert result.exit_code == 0
    assert result.output == (
        "5.03.02.2.02.0002\tsub_kegiatan\t95\tPengelolaan Kenaikan Pangkat ASN\n"
    )


def test_it_says_when_nothing_matches(run):
    assert run("nomenklatur", "search", "zzzz qqqq").output == "Tidak ada yang cocok.\n"
    assert run("--lang", "en", "nomenklatur", "search", "zzzz qqqq").output == "No match.\n"


def test_it_shows_an_entry_and_its_children(run):
    result = run("nomenklatur", "show", "50302202")
    assert result.exit_code == 0
    assert result.output == (
        "5.03.02.2.02\tkegiatan\tMutasi dan Promosi ASN\n"
        "  5.03.02.2.02.0001\tsub_kegiatan\tPengelolaan Mutasi ASN\n"
        "  5.03.02.2.02.0002\tsub_kegiatan\tPengelolaan Kenaikan Pangkat ASN\n"
        "  5.03.02.2.02.0003\tsub_kegiatan\tPengelolaan Promosi ASN\n"
    )


def test_it_reports_a_code_missing_from_the_nomenclature(run):
    result = run("--lang", "en", "nomenklatur", "show", "5.03.02.2.09")
    assert result.exit_code == 2
    assert result.output == (
        "Error: '5.03.02.2.09' is not in the nomenclature (kepmendagri-050-5889-2021)\n"
    )


def test_it_parses_a_code(run):
    result = run("kode", "X.XX.01.2.06.04", "--bidang", "5.03")
    assert result.exit_code == 0
    assert result.output == (
        "kanonik\t5.03.01.2.06.0004\nlevel\tsub_kegiatan\ninduk\t5.03.01.2.06\n"
        "ringkas\t5030120604\n"
    )


def test_it_reports_a_malformed_code_in_one_line_without_a_traceback(run):
    result = run("kode", "5040202")
    assert result.exit_code == 2
    assert result.output == (
        "Error: '5040202' bukan kode yang sah: 7 digit, seharusnya 1 (urusan), 3 (bidang), "
        "5 (program), 8 (kegiatan), 10 atau 12 (sub kegiatan)\n"
    )
    assert "Traceback" not in result.output


def test_it_gives_a_hint_in_the_chosen_language(run):
    result = run("kode", "5,03E+09", env={"RENJA_LANG": "en"})
    assert result.exit_code == 2
    assert result.output == (
        "Error: '5,03E+09' is not a valid code: damaged by Excel (scientific notation)\n"
        "Hint: recover it from the name or the other tables\n"
    )


def test_it_prints_the_json_schema(run):
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] == "Renja Perangkat Daerah (renja/1)"
    assert schema["properties"]["format"]["const"] == "renja/1"


EXAMPLE = "tests/fixtures/perbup-pasuruan-147-2023-renja-bkpsdm-2024.txt"


def test_it_imports_a_renja_and_summarises_it(run, tmp_path):
    out = tmp_path / "plan.json"
    result = run("import", EXAMPLE, "-o", str(out))
    assert result.exit_code == 0
    assert result.output == (
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Pasuruan tahun 2024: "
        "3 program, 12 kegiatan, 42 sub kegiatan; T-C.29 51 baris, T-C.30 8, T-C.31 58, "
        "T-C.32 0, Tabel 3.2 14; 1 galat, 1 peringatan saat impor\n"
    )
    assert json.loads(out.read_text(encoding="utf-8"))["tahun"] == 2024


def test_it_lists_what_it_guessed_or_left_out_with_line_numbers(run):
    result = run("import", EXAMPLE, "--report")
    lines = [line for line in result.stderr.splitlines() if "[galat]" in line]
    assert lines == [
        "perbup-pasuruan-147-2023-renja-bkpsdm-2024.txt:835: [galat] 'Idok' bukan target yang "
        "sah: huruf 'I' tertulis di tempat angka (maksudnya '1 dok'?)"
    ]
    assert json.loads(result.stdout)["format"] == "renja/1"


def test_it_exports_a_table_as_json_rows(run):
    result = run("export", EXAMPLE, "--table", "tc32", "--format", "json")
    assert result.exit_code == 0
    assert result.output == "[]\n"
    rows = json.loads(run("export", EXAMPLE, "-t", "tujuan_sasaran", "-f", "json").output)
    assert rows[0] == {"kelompok": "tujuan", "uraian": "Meningkatnya birokrasi yang kapabel",
                       "indikator": "Indeks Profesionalitas Aparatur Sipil Negara",
                       "realisasi_n2": "54,67", "proyeksi_n1": "54,70", "target_n": "54,72"}


def test_it_refuses_an_unreadable_file_with_exit_code_2(run, tmp_path):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"PK\x03\x04")
    result = run("import", str(path))
    assert result.exit_code == 2
    assert result.output == (
        "Error: rusak.xlsx: bukan buku kerja XLSX yang dapat dibaca (rusak, atau format lain "
        "yang dinamai .xlsx)\n")


def test_check_prints_findings_grouped_by_table_and_exits_1_on_errors(run):
    result = run("check", EXAMPLE)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "T-C.29 (12 galat, 40 peringatan, 1 info)"
    assert lines[-1] == "Jumlah: 20 galat, 55 peringatan, 6 info"
    assert ("  perbup-pasuruan-147-2023-renja-bkpsdm-2024.txt:835: [galat] T001 T-C.33 "
            "5.03.02.2.01.0002 (Penyusunan Rencana Kebutuhan, Jenis dan Jumlah Jabatan un…): "
            "target 2025 'Idok' tidak terbaca: huruf 'I' tertulis di tempat angka") in lines


def test_check_writes_the_documented_json(run):
    result = run("--lang", "en", "check", EXAMPLE, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["summary"] == {"error": 20, "warning": 55, "info": 6}
    idok = next(f for f in data["findings"] if f["rule"] == "T001")
    assert idok == {
        "rule": "T001", "family": "target", "severity": "error", "table": "tc33",
        "kode": "5.03.02.2.01.0002", "field": "target_n1", "expected": "1 dok",
        "actual": "Idok",
        "message": "T-C.33 5.03.02.2.01.0002 (Penyusunan Rencana Kebutuhan, Jenis dan Jumlah "
                   "Jabatan un…): target 2025 'Idok' is unreadable: the letter 'I' stands where "
                   "a number should be",
        "source": {"file": "perbup-pasuruan-147-2023-renja-bkpsdm-2024.txt", "line": 835,
                   "sheet": None, "cell": None},
    }


def test_check_exits_0_without_errors(run, tmp_path):
    from renja.demo.generate import Spec, generate
    from renja.render import render

    plan = render(generate(Spec(sub_kegiatan=20, seed=2)), "text", tmp_path / "rapi.txt")
    result = run("check", str(plan))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "Jumlah: 0 galat, 0 peringatan, 0 info"


def test_check_exits_1_with_errors(run):
    result = run("check", "tests/io/text/fixtures/renja-disdik-kota-batu-2025.txt")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "Jumlah: 1 galat, 1 peringatan, 1 info"
    assert ("T-C.33: judul kolom menyebut 'Rp.000' (ribuan), tetapi nilainya dalam Rupiah: "
            "dalam ribuan pagu sub kegiatan pada umumnya menjadi lebih dari 50 miliar"
            in result.stdout)


def test_check_exits_2_when_a_file_cannot_be_read(run, tmp_path):
    result = run("check", EXAMPLE, str(tmp_path / "hilang.txt"), "--format", "json")
    assert result.exit_code == 2
    assert f"Error: {tmp_path / 'hilang.txt'}: berkas tidak ditemukan" in result.stderr
    assert json.loads(result.stdout)["summary"]["error"] == 20


def test_check_runs_only_the_rules_asked_for(run):
    result = run("check", EXAMPLE, "--rule", "K003", "--format", "json")
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["K003"]


def test_a_crash_is_one_line_and_its_own_exit_code(monkeypatch):
    import renja.batch

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyError("kolom")

    monkeypatch.setattr(renja.batch, "run_checks", broken)
    monkeypatch.delenv("RENJA_TRACEBACK", raising=False)
    result = CliRunner().invoke(cli, ["check", str(EXAMPLE)])
    assert result.exit_code == 3
    assert result.output.strip().splitlines() == [
        "Error: kesalahan internal renja (KeyError: 'kolom'); laporkan beserta berkasnya"]


def test_findings_with_errors_exit_1_and_unreadable_input_exits_2(tmp_path):
    assert CliRunner().invoke(cli, ["check", str(EXAMPLE)]).exit_code == 1
    bad = tmp_path / "x.json"
    bad.write_text("[" * 5000)
    result = CliRunner().invoke(cli, ["check", str(bad)])
    assert (result.exit_code, result.output.strip()) == (
        2, "Error: x.json: bukan berkas JSON Renja: bersarang terlalu dalam")


def test_tables_31_and_32_are_built_from_csv_files(tmp_path):
    ranwal = tmp_path / "ranwal.csv"
    ranwal.write_text("kode;nama;pagu\n5.03.01.2.01.0001;Penyusunan Dokumen;8.000.000\n")
    usulan = tmp_path / "usulan.csv"
    usulan.write_bytes("program_kegiatan,lokasi,pengusul\nPelatihan ASN,Bangil,musrenbang\n"
                       "Uji kompetensi,Pandaan,pokir\n".encode("cp1252"))
    out = tmp_path / "plan.json"
    result = CliRunner().invoke(cli, ["tabel", EXAMPLE, "--ranwal", str(ranwal), "--usulan",
                                      str(usulan), "-o", str(out)])
    assert result.exit_code == 0, result.output
    plan = json.loads(out.read_text())
    first = next(r for r in plan["tc31"]["rows"] if r["kode"] == "5.03.01.2.01.0001")
    assert first["ranwal"]["pagu"] == 8_000_000
    assert [(u["program_kegiatan"], u["lokasi"]) for u in plan["tc32"]["rows"]][-2:] == [
        ("Pelatihan ASN", "Bangil"), ("Uji kompetensi", "Pandaan")]
    bad = tmp_path / "salah.csv"
    bad.write_text("kode,nama,pagu\n5.03.01.2.01.0001,X,delapan juta\n")
    refused = CliRunner().invoke(cli, ["tabel", EXAMPLE, "--ranwal", str(bad), "-o", str(out)])
    assert (refused.exit_code, refused.output.strip()) == (
        2, "Error: salah.csv: baris 2: 'delapan juta' bukan angka")


@pytest.fixture
def folder(tmp_path):  # type: ignore[no-untyped-def]
    """Four documents of a pemda: three generated (text, json, xlsx) and the example."""
    from pathlib import Path

    from renja.demo.corpus import write_corpus

    docs = tmp_path / "dokumen"
    for fmt in ("text", "json", "xlsx"):
        for written in write_corpus(tmp_path / fmt, 1, fmt, seed=3):
            written.rename(docs / written.name if docs.exists() else
                           (docs.mkdir() or docs / written.name))
    (docs / "contoh.txt").write_bytes(Path(EXAMPLE).read_bytes())
    return docs


def test_check_reads_a_folder_in_parallel_and_ends_with_a_summary(folder):
    result = CliRunner().invoke(cli, ["check", str(folder), "--workers", "2"])
    assert result.exit_code == 1, result.output
    table = result.stdout.split("\n\nberkas")[1].splitlines()
    names = sorted(p.name for p in folder.iterdir())
    assert [line.split()[0].rsplit("/", 1)[-1] for line in table[1:]] == names
    example = next(line for line in table if "contoh.txt" in line)
    assert example.split()[1:] == ["20", "55", "22.145.310.718"]
    serial = CliRunner().invoke(cli, ["check", str(folder), "--workers", "1", "-f", "json"])
    parallel = CliRunner().invoke(cli, ["check", str(folder), "-f", "json"])
    assert json.loads(serial.stdout) == json.loads(parallel.stdout)
    files = json.loads(parallel.stdout)["files"]
    assert [(f["file"].rsplit("/", 1)[-1], f["unreadable"]) for f in files] == [
        (n, None) for n in names]
    assert next(f for f in files if f["file"].endswith("contoh.txt"))["error"] == 20


def test_check_and_import_read_a_zip_of_documents(folder, tmp_path):
    import zipfile

    package = tmp_path / "pemda.zip"
    with zipfile.ZipFile(package, "w") as z:
        for path in sorted(folder.iterdir()):
            z.write(path, f"opd/{path.name}")
        z.writestr("opd/rusak.json", "{")
    checked = CliRunner().invoke(cli, ["check", str(package), "-f", "json"])
    assert checked.exit_code == 2
    assert "Error: pemda.zip:opd/rusak.json: baris 1: bukan JSON yang sah" in checked.stderr
    out = tmp_path / "json"
    imported = CliRunner().invoke(cli, ["import", str(package), "-o", str(out)])
    assert imported.exit_code == 2
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 4 and written[0].startswith("0001-")
    assert imported.stderr.splitlines()[-1].split() == ["pemda.zip:opd/rusak.json", "tidak",
                                                        "terbaca"]


def test_evaluasi_writes_e81_up_to_a_quarter_from_the_realisation(tmp_path):
    import openpyxl

    from renja.io import json as renja_json
    from tests.calc.test_e81 import plan, reported

    plan_path, data, out = tmp_path / "dishub.json", tmp_path / "tw.json", tmp_path / "e81.xlsx"
    renja_json.dump(plan(), str(plan_path))
    data.write_text(reported().model_dump_json(), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluasi", str(plan_path), "--realisasi", str(data),
                                      "--triwulan", "2", "--to", "xlsx", "-o", str(out)],
                                env={"RENJA_LANG": "id"})
    assert result.exit_code == 0, result.output
    # (14): program 70/90, kegiatan (30 + 5)/50, pelanggaran 4/6 (lower is better)
    assert result.stdout.splitlines()[0] == "Rata-rata capaian: 71,48 % (Sedang)"
    sheet = openpyxl.load_workbook(out, data_only=True)["E.81"]
    assert sheet["A2"].value == ("Evaluasi terhadap Hasil Renja Perangkat Daerah Lingkup "
                                 "Kabupaten/Kota Tahun 2025 s/d Triwulan II")


def test_realisasi_template_and_a_bad_realisation_file(tmp_path):
    from renja.io import json as renja_json
    from tests.calc.test_e81 import plan

    plan_path, out = tmp_path / "dishub.json", tmp_path / "isi.xlsx"
    renja_json.dump(plan(), str(plan_path))
    made = CliRunner().invoke(cli, ["realisasi", "template", str(plan_path), "-o", str(out)])
    assert made.exit_code == 0 and out.stat().st_size > 0
    bad = tmp_path / "tw.csv"
    bad.write_text("kode,indikator,triwulan,realisasi\n9.99,X,1,2\n", encoding="utf-8")
    refused = CliRunner().invoke(cli, ["evaluasi", str(plan_path), "--realisasi", str(bad),
                                       "--to", "pdf", "-o", str(tmp_path / "e81.pdf")],
                                 env={"RENJA_LANG": "id"})
    assert (refused.exit_code, refused.output) == (
        2, "Error: tw.csv: baris 2: kode 9.99 tidak ada dalam Renja ini\n")
    assert not (tmp_path / "e81.pdf").exists()


def test_tabel_builds_t_c_29_from_the_plan_of_two_years_before(tmp_path):
    from renja.io import json as renja_json
    from renja.io.read import read_plan
    from tests.calc.test_e81 import plan, reported

    before, data, later, out = (tmp_path / n for n in ("2025.json", "tw.json", "2027.json",
                                                       "out.json"))
    renja_json.dump(plan(), str(before))
    data.write_text(reported().model_dump_json(), encoding="utf-8")
    next_plan = plan()
    next_plan.tahun = 2027
    renja_json.dump(next_plan, str(later))
    result = CliRunner().invoke(cli, ["tabel", str(later), "--tc29-dari", str(before),
                                      "--realisasi", str(data), "-o", str(out)])
    assert result.exit_code == 0, result.output
    tc29 = read_plan(out).renja.tc29
    [k] = next(r for r in tc29.rows if r.kode == "2.15.02.2.01").indikator
    assert (k.realisasi_n2.text, k.tingkat_realisasi_n2.text) == ("11 dok", "110,00%")


def test_renstra_import_render_and_the_plan_checked_and_evaluated_against_it(tmp_path):
    import openpyxl

    from renja.io import json as renja_json
    from tests.calc.test_e81 import plan, reported
    from tests.io.xlsx.test_renstra import ROWS, three_row_header
    from tests.rules.test_renstra import renstra

    source = three_row_header(tmp_path / "tc27.xlsx", ROWS, "Rp (000)")
    out = tmp_path / "renstra.json"
    made = CliRunner().invoke(cli, ["renstra", "import", str(source), "-o", str(out),
                                    "--perangkat-daerah", "Dinas Perhubungan"],
                              env={"RENJA_LANG": "id"})
    assert made.exit_code == 0, made.output
    assert made.stdout == ("Renstra 2025–2029: 1 tujuan, 1 sasaran, 1 program, 1 kegiatan, "
                           "1 sub kegiatan\n")
    rendered = CliRunner().invoke(cli, ["renstra", "render", str(out), "--to", "xlsx", "-o",
                                        str(tmp_path / "tc27-out.xlsx")])
    assert rendered.exit_code == 0
    assert openpyxl.load_workbook(tmp_path / "tc27-out.xlsx").sheetnames == ["T-C.27"]

    ours = renstra()
    plan_path, theirs = tmp_path / "dishub.json", tmp_path / "dishub-renstra.json"
    renja = plan()
    renja.rencana.rows[0].pagu_n = 160_000_000
    renja_json.dump(renja, str(plan_path))
    theirs.write_text(ours.model_dump_json(), encoding="utf-8")
    checked = CliRunner().invoke(cli, ["check", str(plan_path), "--renstra", str(theirs),
                                       "--rule", "R005", "--format", "json"])
    found = json.loads(checked.stdout)["findings"]
    assert [(f["rule"], f["expected"], f["actual"]) for f in found] == [
        ("R005", "150.000.000", "160.000.000")]

    data, e81 = tmp_path / "tw.json", tmp_path / "e81.xlsx"
    data.write_text(reported().model_dump_json(), encoding="utf-8")
    ours.rows[1].pagu_akhir = 750_000_000
    theirs.write_text(ours.model_dump_json(), encoding="utf-8")
    evaluated = CliRunner().invoke(cli, ["evaluasi", str(plan_path), "--realisasi", str(data),
                                         "--renstra", str(theirs), "--to", "xlsx", "-o",
                                         str(e81)])
    assert evaluated.exit_code == 0, evaluated.output
    sheet = openpyxl.load_workbook(e81, data_only=True)["E.81"]
    program = next(r for r in sheet.iter_rows() if str(r[2].value).startswith("2.15.02 "))
    assert program[5].value == 750_000_000  # (5) Rp from the Renstra


def test_tabel_builds_t_c_30_from_last_year_s_table_keeping_the_plan_s_notes(tmp_path):
    from renja.io import json as renja_json
    from renja.io.read import read_plan
    from renja.io.text.read import read_text
    from tests.io.text.test_example import EXAMPLE

    example = read_text(EXAMPLE).renja
    last, nxt, out = tmp_path / "2024.json", tmp_path / "2025.json", tmp_path / "out.json"
    renja_json.dump(example, str(last))
    following = example.model_copy(deep=True)
    following.tahun = 2025
    following.tc30.rows[1].catatan = "Ditulis perencana"
    renja_json.dump(following, str(nxt))
    result = CliRunner().invoke(cli, ["tabel", str(nxt), "--tc30", "--rencana-n1", str(last),
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    tc30 = read_plan(str(out)).renja.tc30
    assert [r.indikator for r in tc30.rows] == [r.indikator for r in example.tc30.rows]
    assert tc30.rows[1].catatan == "Ditulis perencana"
    assert [(v.tahun, v.nilai.text if v.nilai else None) for v in tc30.rows[1].realisasi] == [
        (2023, "64,09%"), (2024, None)]


def test_realisasi_import_is_where_people_look_for_it(run):
    result = run("realisasi", "import", "--help")
    assert result.exit_code == 0
    assert "Store the quarterly realisation in FILE" in result.output


def test_its_option_choices_are_the_registries_they_stand_for():
    from renja.cli import EXPORT_TABLES, LEVELS, RENDER_FORMATS
    from renja.codes import LEVELS as CODE_LEVELS
    from renja.demo.conventions import DEFECTS
    from renja.demo.names import DEFECT_NAMES
    from renja.io.csv import EXPORTS
    from renja.render import RENDERERS

    assert tuple(EXPORTS) == EXPORT_TABLES
    assert tuple(RENDERERS) == RENDER_FORMATS
    assert LEVELS == CODE_LEVELS
    assert {k: v[:2] for k, v in DEFECTS.items()} == DEFECT_NAMES


def test_its_version_is_the_installed_packages():
    from importlib.metadata import version

    assert __version__ == version("renja")


def test_starting_the_command_loads_neither_the_model_nor_django():
    """`renja --version` and `--help` start in a tenth of a second because the commands import
    their work when run (benchmarks/cli_startup.py measures it)."""
    import subprocess
    import sys

    code = ("import sys, renja.cli; heavy = [m for m in ('renja.domain', 'pydantic', 'openpyxl', "
            "'django', 'typst', 'renja.io.read', 'rapidfuzz') if m in sys.modules]; "
            "print(','.join(heavy))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == ""
