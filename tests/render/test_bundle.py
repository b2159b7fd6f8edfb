"""Many plans in one ZIP, with a progress bar on the command line."""

from __future__ import annotations

import io
import zipfile

from click.testing import CliRunner

from renja.cli import cli
from renja.demo.generate import Spec, generate
from renja.io.read import read_plan
from renja.progress import Bar
from renja.render.bundle import render_bundle


def _plans(folder, count: int):  # type: ignore[no-untyped-def]
    folder.mkdir()
    for i in range(count):
        renja = generate(Spec(agency=f"Dinas Uji {i}", singkatan=f"DU{i}", tahun=2025,
                              sub_kegiatan=20, seed=i))
        (folder / f"{i}.json").write_text(renja.model_dump_json())
    return folder


def test_the_bundle_holds_one_document_per_plan_and_reports_each(tmp_path):
    plans = [read_plan(p).renja for p in sorted(_plans(tmp_path / "p", 3).iterdir())]
    heard: list[tuple[int, int, str]] = []
    body = render_bundle(plans, 3, "html", lambda *step: heard.append(step),
                         extra=[("catatan.txt", b"isi")])
    names = zipfile.ZipFile(io.BytesIO(body)).namelist()
    assert names == ["renja-2025-du0.html", "renja-2025-du1.html", "renja-2025-du2.html",
                     "catatan.txt"]
    assert heard == [(0, 3, ""), (1, 3, "renja-2025-du0.html"), (2, 3, "renja-2025-du1.html"),
                     (3, 3, "renja-2025-du2.html")]


def test_two_plans_of_one_agency_get_two_names(tmp_path):
    plan = read_plan(sorted(_plans(tmp_path / "p", 1).iterdir())[0]).renja
    body = render_bundle([plan, plan], 2, "html")
    assert zipfile.ZipFile(io.BytesIO(body)).namelist() == ["renja-2025-du0.html",
                                                           "renja-2025-du0-2.html"]


def test_render_of_a_folder_writes_a_zip_and_shows_its_progress(tmp_path):
    folder = _plans(tmp_path / "p", 2)
    result = CliRunner().invoke(cli, ["render", str(folder), "--to", "xlsx", "-o",
                                      str(tmp_path / "semua.zip")], env={"RENJA_LANG": ""})
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "Merender: 0/2", "Merender: 1/2 renja-2025-du0.xlsx", "Merender: 2/2 renja-2025-du1.xlsx",
        f"Ditulis: {tmp_path / 'semua.zip'} (2 dokumen)"]
    assert zipfile.ZipFile(tmp_path / "semua.zip").namelist() == [
        "renja-2025-du0.xlsx", "renja-2025-du1.xlsx"]


def test_render_of_several_plans_needs_a_zip(tmp_path):
    folder = _plans(tmp_path / "p", 2)
    result = CliRunner().invoke(cli, ["render", str(folder), "--to", "pdf", "-o",
                                      str(tmp_path / "semua.pdf")], env={"RENJA_LANG": ""})
    assert (result.exit_code, result.stderr.strip()) == (
        2, "Error: beberapa rencana dirender sebagai pdf, docx, xlsx, html ke berkas .zip")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_bar_is_redrawn_in_place():
    screen = _Terminal()
    bar = Bar(screen, "Merender")
    bar(1, 4, "a.pdf")
    bar(4, 4, "d.pdf")
    bar.close()
    drawn = screen.getvalue()
    assert drawn.count("\r") == 2 and drawn.endswith("\n")
    assert "Merender [#######.......................] 1/4 a.pdf" in drawn
    assert "Merender [##############################] 4/4 d.pdf" in drawn
