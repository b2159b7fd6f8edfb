"""What `renja check` finds in the example Renja, each defect once, at its table, kode and line.

Every finding below was verified by hand against the document
(tests/fixtures/perbup-pasuruan-147-2023-renja-bkpsdm-2024.txt).
"""

from collections import Counter
from pathlib import Path

import pytest

from renja.io.read import read_plan
from renja.rules import run_checks

EXAMPLE = Path(__file__).parents[1] / "fixtures" / "perbup-pasuruan-147-2023-renja-bkpsdm-2024.txt"


@pytest.fixture(scope="module")
def findings():
    return run_checks(read_plan(EXAMPLE).renja)


def key(f):
    return (f.rule, f.table, f.kode, f.source.line if f.source else None)


def test_it_finds_the_errors_of_the_example(findings):
    errors = sorted(key(f) for f in findings if f.severity == "error")
    assert errors == sorted([
        ("E001", "tc29", "5.03.01.2.07.0006", 271),  # 6/6 printed as 0 %
        ("E001", "tc29", "5.03.02.2.04.0002", 304),  # 4545/4600 printed as 100 %
        ("E004", "tc29", "5.03.01.2.06.0009", 268),  # 200/300 printed as 100 %
        ("E004", "tc29", "5.03.02", 282),            # 80/90 printed as 90 %
        ("E004", "tc29", "5.03.02.2.01.0008", 287),  # 2/6 printed as 100 %
        ("E004", "tc29", "5.03.02.2.03", 298),       # 2/5 printed as 100 %
        ("E004", "tc29", "5.03.02.2.03.0005", 301),  # 1/4 printed as 100 %
        ("E004", "tc29", "5.03.02.2.03.0006", 302),  # 160/160 printed as 0 %
        ("E004", "tc29", "5.03.02.2.04", 303),       # 3/6 printed as 100 %
        ("E004", "tc29", "5.04.02", 311),            # 64,09/65 printed as 100 %
        ("E004", "tc29", "5.04.02.2.02", 312),       # 2/3 printed as 100 %
        ("K001", "tc29", "5.04.02.2.02", 312),       # '5040202' has 7 digits
        ("H004", "tc31", None, 401),                 # 'Rp.000' over Rupiah
        ("K004", "tc33", "5.03.01.2.04.0010", 728),  # not under 5.03.01.2.05
        ("L002", "tc33", "5.03.01.2.09.0009", 816),  # 174 unit vs 1 unit in T-C.31
        ("T001", "tc33", "5.03.02.2.01.0002", 835),  # 'Idok'
        ("K003", "tc33", "5.03.02.2.03.0002", 894),  # same code as Assesment Center
        ("L005", "tujuan_sasaran", None, 569),       # IP ASN 54,67 vs 70,036 in T-C.30
        ("H002", "narasi", None, 166),               # 'Nomor Tahun 2023'
        ("H001", "hukum", None, 24),                 # mengingat number 4 twice
    ])


def test_it_finds_the_warnings_of_the_example(findings):
    warnings = Counter(f.rule for f in findings if f.severity == "warning")
    assert warnings == Counter({"K002": 35, "E002": 5, "L004": 4, "H003": 2, "H005": 1,
                                "L003": 1, "T003": 1, "K004": 1, "L008": 1, "H007": 1,
                                "L009": 1, "T006": 2})
    # L009: IP ASN target 2024 54,72 vs 70,05; T006: education shares 100,15% and 100,3%


def test_it_finds_a_chapter_said_to_have_fewer_sections_than_it_has(findings):
    # verified by hand: 1.4 says BAB II has 4 sub bagian, then lists 2.1 to 2.5
    [found] = [f for f in findings if f.rule == "H007"]
    assert found.message == ("Teks 1.4 Sistematika Penulisan: 'terdiri dari 4 sub bagian' untuk "
                             "BAB II, tetapi BAB II berisi 5 bagian (2.1–2.5)")


def test_it_finds_a_row_named_differently_in_two_tables(findings):
    # verified by hand: T-C.31 line 495 prints 'Pengekoordinasian', T-C.33 'Pengoordinasian'
    [found] = [f for f in findings if f.rule == "L008"]
    assert (found.table, found.kode, found.source.line) == ("tc31", "5.04.02.2.02.0008", 495)
    assert found.message.endswith("berbeda dari T-C.33 ('Pengekoordinasian' ↔ "
                                  "'Pengoordinasian')")


def test_each_defect_is_reported_once(findings):
    keys = [(*key(f), f.field, f.message) for f in findings]
    assert len(keys) == len(set(keys))
