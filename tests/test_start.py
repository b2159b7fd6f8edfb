import pytest

from renja.demo.generate import Spec, generate
from renja.errors import RenjaError
from renja.rules import run_checks
from renja.start import add_program, empty, from_last_year, from_ranwal


def test_next_year_from_a_consistent_plan_is_consistent_but_for_its_new_prakiraan_maju():
    last = generate(Spec(sub_kegiatan=25, seed=3, tahun=2024))
    new = from_last_year(last, 2025)
    assert new.tahun == 2025 and new.rencana.total.pagu_n == last.rencana.total.pagu_n1
    rules = {f.rule for f in run_checks(new) if f.severity == "error"}
    assert rules == set()
    assert {f.rule for f in run_checks(new)} == {"U006"}  # pagu n+1 still to be planned


def test_it_refuses_to_start_from_another_year_or_an_empty_ranwal():
    last = generate(Spec(sub_kegiatan=5, seed=3, tahun=2024))
    with pytest.raises(RenjaError) as caught:
        from_last_year(last, 2026)
    assert caught.value.message("id") == ("Renja tahun 2024 menjadi dasar Renja tahun 2025, "
                                          "bukan 2026")
    with pytest.raises(RenjaError) as caught:
        from_ranwal(last, 2025, [])
    assert caught.value.message("id") == ("ranwal RKPD belum berisi baris untuk perangkat "
                                          "daerah dan tahun ini")


def test_only_a_program_code_is_added_as_a_program():
    renja = empty(2025, generate(Spec(sub_kegiatan=5, seed=3, tahun=2024)))
    with pytest.raises(RenjaError) as caught:
        add_program(renja, "1.01.02.2.01")
    assert caught.value.message("id") == "1.01.02.2.01 bukan kode program"
    add_program(renja, "1.01.02")
    assert [n.level for n in renja.rencana.walk()] == ["bidang", "program"]
