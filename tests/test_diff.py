from renja.diff import diff
from renja.edit import remove_row, set_value
from renja.edit_tables import set_cell
from renja.io.read import read_plan
from tests.io.text.test_example import EXAMPLE


def test_a_plan_compared_with_itself_has_no_changes():
    renja = read_plan(EXAMPLE).renja
    assert diff(renja, renja.model_copy(deep=True)) == []


def test_changed_values_carry_old_new_and_money_deltas():
    old = read_plan(EXAMPLE).renja
    new = old.model_copy(deep=True)
    set_value(new, "0.0.0.0", "belanja_barang_jasa_n", "10.058.600")
    set_value(new, "0.0.0.0", "lokasi", "Bangil")
    described = [c.describe() for c in diff(old, new)]
    assert "T-C.33 5.03.01.2.01.0001 Penyusunan Dokumen Perencanaan Perangkat Daerah: lokasi: " \
           "Pas → Bangil" in described
    assert "T-C.33 5.03.01.2.01.0001 Penyusunan Dokumen Perencanaan Perangkat Daerah: pagu_n: " \
           "9.058.600 → 10.058.600 (+1.000.000)" in described
    assert "T-C.33 JUMLAH TOTAL: pagu_n: 22.145.310.718 → 22.146.310.718 (+1.000.000)" \
        in described


def test_removed_rows_and_other_tables_are_reported():
    old = read_plan(EXAMPLE).renja
    new = old.model_copy(deep=True)
    remove_row(new, "0.0.0.1")
    set_cell(new, "tc31", 3, "catatan", "Disesuaikan")
    changes = diff(old, new)
    assert [c.describe() for c in changes if c.kind == "removed"] == [
        "T-C.33 5.03.01.2.01.0007 Evaluasi Kinerja Perangkat Daerah: dihapus"]
    assert [c.describe() for c in changes if c.table == "T-C.31"] == [
        "T-C.31 5.03.01.2.01.0001 Penyusunan Dokumen Perencanaan Perangkat Daerah: catatan: "
        "– → Disesuaikan"]
