import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from renja.domain import (
    Bab,
    Bagian,
    Belanja,
    DaftarItem,
    Indikator,
    IndikatorTarget,
    Jumlah,
    NilaiTahun,
    Pemda,
    Penandatangan,
    PerangkatDaerah,
    Peraturan,
    PlanNode,
    Renja,
    Source,
    Tc29Indikator,
    Tc29Row,
    Tc30Row,
    Tc31Row,
    Tc31Side,
    TujuanSasaranRow,
    Usulan,
    parse_target,
)
from renja.errors import FormatError
from renja.io import json as renja_json


def a_full_renja() -> Renja:
    """A plan that uses every part of the model."""
    src = Source(file="renja.txt", line=12, column=3)
    sub = PlanNode(
        level="sub_kegiatan", kode="5.03.02.2.01.0002", kode_asal="5,03E+09",
        kode_recovery="nama cocok dengan nomenklatur", nama="Penyusunan Rencana Kebutuhan",
        indikator=[Indikator(nama="Jumlah Dokumen", satuan="dok", target_n=parse_target("1 dok"),
                             target_n1=parse_target("1 dok"))],
        lokasi="Pas", sumber_dana="APBD", pagu_n=38_109_000, pagu_n1=43_436_000,
        belanja_n=Belanja(operasi=38_109_000, pegawai=0, barang_jasa=38_109_000, modal=0),
        belanja_n1=Belanja(operasi=43_436_000, barang_jasa=43_436_000),
        provenance={"pagu_n": src},
    )
    kegiatan = PlanNode(
        level="kegiatan", kode="5.03.02.2.01", kode_asal="50302201", nama="Pengadaan",
        indikator=[Indikator(nama="Nilai perencanaan", target_n=parse_target("36,5"),
                             polaritas="positif", agregasi="terakhir"),
                   Indikator(nama="Persentase pelanggaran", target_n=parse_target("0,13%"),
                             polaritas="negatif", agregasi="rata_rata")],
        pagu_n=38_109_000, children=[sub],
    )
    renja = Renja(
        tahun=2024, tahapan="penetapan",
        pemda=Pemda(nama="Kabupaten Contoh", jenis="kabupaten", provinsi="Jawa Timur"),
        perangkat_daerah=PerangkatDaerah(nama="Badan Kepegawaian", singkatan="BKD",
                                         bidang="5.03"),
        nomenklatur_versi="kepmendagri-050-5889-2021",
        dasar_hukum=Peraturan(
            jenis="Peraturan Bupati", nomor="7", tahun=2023, tentang="Renja",
            ditetapkan_di="Contoh", tanggal_ditetapkan=date(2023, 8, 2),
            penandatangan=Penandatangan(jabatan="BUPATI", nama="A"),
            menimbang=["a. bahwa …"], mengingat=["1. Undang-Undang …"],
        ),
        sumber=Source(file="renja.txt"),
        bab=[Bab(nomor="II", judul="HASIL EVALUASI",
                 bagian=[Bagian(nomor="2.1", judul="Evaluasi", teks="Teks.\n\nParagraf 2.")])],
        isu_penting=["Isu 1"], kebijakan=["Kebijakan 1"],
    )
    renja.rencana.rows.append(PlanNode(level="program", kode="5.03.02", nama="PROGRAM",
                                       children=[kegiatan]))
    renja.rencana.total = Jumlah(pagu_n=38_109_000, belanja_n=Belanja(operasi=38_109_000))
    renja.tc29.rows.append(Tc29Row(level="sub_kegiatan", kode="5.03.02.2.01.0002", nama="P",
                                   indikator=[Tc29Indikator(
                                       nama="Jumlah", target_renstra=parse_target("2 dok"),
                                       tingkat_realisasi_n2=parse_target("100%"))]))
    renja.tc30.rows.append(Tc30Row(kelompok="Sasaran", indikator="Nilai SAKIP",
                                   target_renstra=[NilaiTahun(tahun=2024, label="Tahun 2024",
                                                              nilai=parse_target("A (80,81)"))],
                                   polaritas="positif"))
    renja.tc31.rows.append(Tc31Row(ranwal=Tc31Side(nama="P", pagu=1),
                                   kebutuhan=Tc31Side(nama="P", pagu=2, indikator=[
                                       IndikatorTarget(nama="i", target=parse_target("1 dok"))]),
                                   catatan="naik"))
    renja.tc31.satuan_uang = "Rp.000"
    renja.tc32.nihil = True
    renja.tc32.rows.append(Usulan(program_kegiatan="Jalan", pengusul="pokir", diterima=False))
    renja.tujuan_sasaran.rows.append(TujuanSasaranRow(kelompok="tujuan", uraian="T",
                                                      indikator="I",
                                                      target_n=parse_target("54,72")))
    renja.daftar_program.rows.append(DaftarItem(nomor="1.1", level="kegiatan", nama="K"))
    return renja


def test_load_save_load_is_lossless(tmp_path: Path):
    renja = a_full_renja()
    path = tmp_path / "plan.json"
    renja_json.dump(renja, path)
    again = renja_json.load(path)
    assert again == renja
    assert renja_json.dumps(again) == path.read_text(encoding="utf-8")


def test_it_keeps_money_exact_and_targets_as_decimals(tmp_path: Path):
    renja = a_full_renja()
    again = renja_json.loads(renja_json.dumps(renja))
    sub = again.rencana.rows[0].children[0].children[0]
    assert sub.pagu_n == 38_109_000 and isinstance(sub.pagu_n, int)
    assert again.rencana.rows[0].children[0].indikator[0].target_n.value == Decimal("36.5")


def test_it_writes_the_format_marker_first():
    data = json.loads(renja_json.dumps(a_full_renja()))
    assert next(iter(data)) == "format"
    assert data["format"] == "renja/1"


def test_a_saved_plan_is_valid_against_the_schema():
    schema = renja_json.schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(renja_json.dumps(a_full_renja()))
    jsonschema.validate(data, schema)


def test_the_schema_rejects_what_the_loader_rejects():
    data = json.loads(renja_json.dumps(a_full_renja()))
    data["rencana"]["rows"][0]["pagu_n"] = "banyak"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, renja_json.schema())
    with pytest.raises(FormatError):
        renja_json.loads(json.dumps(data))


def test_it_names_the_file_and_field_of_a_bad_value():
    data = json.loads(renja_json.dumps(a_full_renja()))
    data["rencana"]["rows"][0]["pagu_n"] = "banyak"
    with pytest.raises(FormatError) as exc:
        renja_json.loads(json.dumps(data), name="plan.json")
    assert str(exc.value) == (
        "plan.json: rencana.rows.0.pagu_n: Input should be a valid integer, unable to parse "
        "string as an integer, found 'banyak'"
    )


def test_it_refuses_json_that_is_not_a_renja():
    with pytest.raises(FormatError) as exc:
        renja_json.loads('{"format": "other/2"}', name="x.json")
    assert str(exc.value) == (
        'x.json: not a Renja JSON file: expected "format": "renja/1", found \'other/2\''
    )
    with pytest.raises(FormatError) as exc:
        renja_json.loads("{oops", name="x.json")
    assert str(exc.value) == (
        "x.json: line 1: not valid JSON (Expecting property name enclosed in double quotes)"
    )


def test_it_refuses_unknown_fields():
    data = json.loads(renja_json.dumps(a_full_renja()))
    data["pagu_total"] = 1
    with pytest.raises(FormatError) as exc:
        renja_json.loads(json.dumps(data), name="p.json")
    assert str(exc.value) == "p.json: pagu_total: Extra inputs are not permitted, found 1"


def test_it_reports_a_missing_file(tmp_path: Path):
    with pytest.raises(FormatError) as exc:
        renja_json.load(tmp_path / "absent.json")
    assert str(exc.value) == "absent.json: cannot be read (No such file or directory)"
