"""The head of the agency's signature closing a Renja: printed in every format, read back."""

from __future__ import annotations

import datetime
from pathlib import Path

import docx
import pytest

from renja.demo.generate import Spec, generate
from renja.domain import Penandatangan, Persetujuan, Renja
from renja.io.read import read_plan
from renja.io.text.read import parse_text
from renja.render import render


def approved() -> Renja:
    renja = generate(Spec(pemda="Kabupaten Lembah Hijau", agency="Dinas Perhubungan",
                          singkatan="DISHUB", bidang="2.15", tahun=2027, sub_kegiatan=12,
                          seed=3))
    renja.persetujuan = Persetujuan(
        tempat="Lembah Hijau", tanggal=datetime.date(2026, 5, 14),
        penandatangan=Penandatangan(jabatan="Kepala Dinas Perhubungan", nama="Dra. SITI AMINAH",
                                    pangkat="Pembina Tingkat I", nip="197003121995032004"))
    return renja


@pytest.mark.parametrize("fmt", ["text", "pdf", "html"])
def test_the_signature_reads_back_from_every_printed_format(fmt: str, tmp_path: Path):
    renja = approved()
    path = render(renja, fmt, tmp_path / f"dishub.{ {'text': 'txt'}.get(fmt, fmt) }")
    again = read_plan(path).renja
    assert again.persetujuan is not None
    assert again.persetujuan.model_dump(exclude={"provenance"}) == \
        renja.persetujuan.model_dump(exclude={"provenance"})  # type: ignore[union-attr]
    assert again.bab and not any("ttd." in (bab.teks or "") for bab in again.bab)


def test_the_docx_ends_with_the_signature_block(tmp_path: Path):
    path = render(approved(), "docx", tmp_path / "dishub.docx")
    texts = [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    assert texts[-1] == ("Lembah Hijau, 14 Mei 2026\nKepala Dinas Perhubungan,\nttd.\n"
                         "Dra. SITI AMINAH\nPembina Tingkat I\nNIP. 197003121995032004")


def test_a_plan_not_yet_approved_carries_no_signature(tmp_path: Path):
    renja = approved()
    renja.persetujuan = None
    text = render(renja, "text", tmp_path / "draft.txt").read_text()
    assert "ttd." not in text and "NIP." not in text
    assert read_plan(tmp_path / "draft.txt").renja.persetujuan is None


def test_it_reads_a_typed_signature_without_place_or_pangkat():
    text = "\n".join([
        "RENCANA KERJA DINAS SOSIAL KOTA TEPIAN TAHUN 2025", "", "BAB V", "PENUTUP", "",
        "Demikian Renja ini disusun.", "", "KEPALA DINAS SOSIAL", "KOTA TEPIAN,", "",
        "ttd.", "", "BUDI SANTOSO, S.Sos", "NIP : 19800101 200501 1 001"])
    renja = parse_text(text, "dinsos.txt").renja
    assert renja.persetujuan is not None
    assert renja.persetujuan.penandatangan == Penandatangan(
        jabatan="KEPALA DINAS SOSIAL KOTA TEPIAN", nama="BUDI SANTOSO, S.Sos",
        nip="198001012005011001")
    assert renja.persetujuan.tempat is None
    assert renja.bab[0].teks == "Demikian Renja ini disusun."
    assert renja.persetujuan.provenance["row"].describe() == "dinsos.txt:8"


def test_a_nip_without_a_signature_above_it_stays_chapter_text():
    text = "\n".join([
        "RENCANA KERJA DINAS SOSIAL KOTA TEPIAN TAHUN 2025", "", "BAB V", "PENUTUP", "",
        "Narahubung: Budi Santoso", "NIP 198001012005011001"])
    renja = parse_text(text, "dinsos.txt").renja
    assert renja.persetujuan is None
    assert "NIP 198001012005011001" in renja.bab[0].teks
