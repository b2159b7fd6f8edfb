"""HTML read as a Renja: SIPD's "Excel" downloads (an HTML table named .xls) and renja's
own HTML document."""

from __future__ import annotations

from pathlib import Path

import pytest

from renja.demo.generate import Spec, generate
from renja.demo.lookalike.sipd_html import sipd_xls
from renja.errors import FormatError
from renja.io.read import read_plan
from renja.io.text.read import parse_text
from renja.render import render
from tests.io.pdf.test_read import plain
from tests.io.text.test_example import EXAMPLE


def test_a_sipd_download_named_xls_keeps_every_amount_in_its_column(tmp_path: Path):
    renja = generate(Spec(pemda="Kabupaten Contoh", agency="Dinas Pertanian", singkatan="DP",
                          bidang="3.27", tahun=2026, sub_kegiatan=45, seed=11))
    subs = [n for n in renja.rencana.walk() if n.level == "sub_kegiatan"]
    new = {subs[2].kode or "", subs[-1].kode or ""}
    path = tmp_path / "Renja_SIPD.xls"
    path.write_bytes(sipd_xls(renja, new))
    result = read_plan(path)
    got = result.renja
    assert (got.tahun, got.perangkat_daerah.nama, got.pemda.nama) == (
        2026, "Dinas Pertanian", "Kabupaten Contoh")
    read = list(got.rencana.walk())
    assert [(n.kode, n.nama) for n in read] == [(n.kode, n.nama) for n in renja.rencana.walk()]
    for mine, want in zip(read, renja.rencana.walk(), strict=True):
        assert mine.pagu_n1 == want.pagu_n1, want.kode
        if want.kode in new:  # "-": nothing planned in year n
            assert not mine.pagu_n, want.kode
        else:
            assert mine.pagu_n == want.pagu_n, want.kode
        assert [i.nama for i in mine.indikator] == [i.nama for i in want.indikator][:1]
    assert got.rencana.total is not None and renja.rencana.total is not None
    assert (got.rencana.total.pagu_n, got.rencana.total.pagu_n1) == (
        renja.rencana.total.pagu_n, renja.rencana.total.pagu_n1)


def test_renja_s_own_html_reads_back_every_value(tmp_path: Path):
    renja = parse_text(EXAMPLE.read_text(), EXAMPLE.name).renja
    path = render(renja, "html", tmp_path / "renja.html")
    again = read_plan(path).renja
    assert plain(again.model_dump(mode="json")) == plain(renja.model_dump(mode="json"))


@pytest.mark.parametrize(("content", "message"), [
    (b"<html><body><p>Dengan hormat</p></body></html>",
     "surat.xls: halaman HTML tanpa tabel: bukan ekspor Renja"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
     "surat.xls: buku kerja Excel 97-2003 (.xls): buka di Excel atau LibreOffice lalu simpan "
     "sebagai .xlsx"),
])
def test_it_refuses_what_is_not_a_renja_table(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "surat.xls"
    path.write_bytes(content)
    with pytest.raises(FormatError) as caught:
        read_plan(path)
    assert caught.value.message("id") == message
