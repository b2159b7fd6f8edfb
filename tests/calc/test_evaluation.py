

def test_the_formula_columns_are_computed_from_the_typed_ones():
    from renja.calc.evaluation import fill_tc29
    from renja.domain import Tc29Indikator, parse_target

    ind = Tc29Indikator(nama="Jumlah dokumen", target_renstra=parse_target("20 dok"),
                        realisasi_sd_n3=parse_target("8 dok"), target_n2=parse_target("6 dok"),
                        realisasi_n2=parse_target("3 dok"), target_n1=parse_target("5 dok"))
    fill_tc29(ind)
    assert (ind.tingkat_realisasi_n2.text, ind.realisasi_sd_n1.text,
            ind.capaian_renstra.text) == ("50,00%", "16 dok", "80,00%")
    ind.realisasi_n2 = None  # (7) not known yet: (8) cannot be computed, (10) adds what is
    fill_tc29(ind)
    assert (ind.tingkat_realisasi_n2, ind.realisasi_sd_n1.text, ind.capaian_renstra.text) == (
        None, "13 dok", "65,00%")
