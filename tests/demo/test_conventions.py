"""The corpus of real documents' conventions: every convention read back to the rupiah with
no error on consistent plans, every planted defect found (`renja demo-data --verify`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from renja.demo.conventions import CONVENTIONS, DEFECTS, verify, write_convention_corpus


@pytest.mark.parametrize("convention", sorted(CONVENTIONS))
def test_every_convention_reads_back_every_amount_with_no_error(tmp_path: Path,
                                                                convention: str):
    written = write_convention_corpus(tmp_path, 2, (convention,), (), seed=4)
    figures = verify(written)
    assert (figures.exact_rows, figures.errors_on_consistent) == (figures.rows, 0), \
        figures.problems
    assert figures.rows > 50


def test_conventions_together_and_every_planted_defect_is_found(tmp_path: Path):
    written = write_convention_corpus(tmp_path, 2 * len(DEFECTS),
                                      ("ribuan", "total-kode", "baru-n1"), tuple(DEFECTS),
                                      seed=7)
    figures = verify(written)
    assert figures.exact_rows == figures.rows
    assert figures.errors_on_consistent == 0, figures.problems
    assert figures.planted == dict.fromkeys(DEFECTS, 1)
    assert figures.found == figures.planted, figures.problems


def test_demo_data_prints_the_figures(tmp_path: Path):
    from click.testing import CliRunner

    from renja.cli import cli

    result = CliRunner().invoke(cli, ["demo-data", "-o", str(tmp_path), "--plans", "4",
                                      "--convention", "ribuan", "--defect", "pagu-induk",
                                      "--defect", "bagian-100", "--verify"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "berkas: 4"
    assert lines[1].startswith("uang T-C.33 tepat: ") and lines[1].endswith("(100.0%)")
    assert lines[2:] == ["galat pada Renja yang konsisten: 0 (2 berkas)",
                         "cacat bagian-100 (T006): ditemukan 1/1",
                         "cacat pagu-induk (U001): ditemukan 1/1"]
