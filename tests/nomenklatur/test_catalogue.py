from pathlib import Path

import pytest

from renja.nomenklatur import Catalogue, Entry, Version, default_catalogue, load_catalogue


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return default_catalogue()


def test_it_ships_the_whole_kabkota_nomenclature(catalogue):
    entries = catalogue.entries()
    assert len(entries) == 2607
    counts = {}
    for entry in entries:
        counts[entry.level] = counts.get(entry.level, 0) + 1
    assert counts == {"urusan": 8, "bidang": 43, "program": 163, "kegiatan": 410,
                      "sub_kegiatan": 1983}


def test_it_looks_up_a_code_in_any_printed_form(catalogue):
    assert catalogue.get("5030220202").nama == "Pengelolaan Kenaikan Pangkat ASN"
    assert catalogue.get("5.03.02.2.02.02").kode == "5.03.02.2.02.0002"
    assert catalogue.get("50302").nama == "PROGRAM KEPEGAWAIAN DAERAH"
    assert catalogue.get("5.03.02.2.99.0001") is None


def test_it_finds_cross_cutting_codes_under_the_agency_bidang(catalogue):
    entry = catalogue.get("5.03.01.2.06.0004")
    assert entry == Entry("X.XX.01.2.06.0004", "sub_kegiatan", "Penyediaan Bahan Logistik Kantor",
                          "X.XX.01.2.06", "kepmendagri-050-5889-2021")


def test_it_lists_the_children_of_a_code(catalogue):
    children = catalogue.children("5.03.02.2.02")
    assert [c.kode for c in children] == ["5.03.02.2.02.0001", "5.03.02.2.02.0002",
                                          "5.03.02.2.02.0003"]


def test_it_finds_a_code_from_part_of_a_name(catalogue):
    best = catalogue.search("kenaikan pangkat")[0]
    assert (best.entry.kode, best.entry.nama) == ("5.03.02.2.02.0002",
                                                  "Pengelolaan Kenaikan Pangkat ASN")


def test_it_recovers_a_code_from_a_misspelt_name(catalogue):
    best = catalogue.search("Pengelolaan Assesment Center", level="sub_kegiatan")[0]
    assert best.entry.kode == "5.03.02.2.03.0002"
    assert best.score > 95


def test_it_searches_only_under_a_given_code(catalogue):
    found = catalogue.search("Penyediaan Bahan Logistik Kantor", under="5.03.01")
    assert found[0].entry.kode == "X.XX.01.2.06.0004"
    elsewhere = catalogue.search("Pengelolaan Kenaikan Pangkat ASN", under="1.02")
    assert elsewhere
    assert all(m.entry.kode.startswith("1.02.") for m in elsewhere)


def test_it_returns_nothing_for_a_name_that_matches_nothing(catalogue):
    assert catalogue.search("zzzz qqqq xxxx") == []


def test_it_knows_for_which_plan_years_a_version_is_in_force(catalogue):
    assert catalogue.version_for(2022).id == "kepmendagri-050-5889-2021"
    assert catalogue.version_for(2024) is None
    assert catalogue.nearest_version(2024).id == "kepmendagri-050-5889-2021"


def test_it_loads_versions_side_by_side(tmp_path: Path):
    (tmp_path / "old.csv").write_text(
        "kode,level,nama,kode_induk\n5.03.02.2.01.0001,sub_kegiatan,Nama Lama,5.03.02.2.01\n",
        encoding="utf-8")
    (tmp_path / "new.csv").write_text(
        "kode,level,nama,kode_induk\n5.03.02.2.01.0001,sub_kegiatan,Nama Baru,5.03.02.2.01\n",
        encoding="utf-8")
    (tmp_path / "versions.json").write_text(
        '[{"id": "v2024", "judul": "baru", "file": "new.csv", "berlaku_mulai": 2024},'
        ' {"id": "v2021", "judul": "lama", "file": "old.csv", "berlaku_mulai": 2021,'
        '  "berlaku_sampai": 2023}]', encoding="utf-8")
    catalogue = load_catalogue(tmp_path)
    assert [v.id for v in catalogue.versions] == ["v2021", "v2024"]
    assert catalogue.get("5.03.02.2.01.0001", tahun=2022).nama == "Nama Lama"
    assert catalogue.get("5.03.02.2.01.0001", tahun=2025).nama == "Nama Baru"
    assert catalogue.get("5.03.02.2.01.0001").nama == "Nama Baru"


def test_a_version_covers_the_years_between_its_bounds():
    version = Version("v", "judul", 2022, 2023)
    assert [version.covers(y) for y in (2021, 2022, 2023, 2024)] == [False, True, True, False]
    assert Version("v", "judul", 2024, None).covers(2030)


def test_the_partial_match_shortcut_finds_exactly_what_scoring_every_name_finds():
    import random

    from rapidfuzz import fuzz, process

    from renja.nomenklatur.catalogue import _partial

    catalogue = default_catalogue()
    entries = catalogue.entries()
    rng = random.Random(3)
    names = [e.key for e in rng.sample(entries, 60)]
    queries = [n[: rng.randint(5, len(n))] for n in names]
    queries += [" ".join(rng.sample(n.split(), len(n.split()))) for n in names[:20]]
    for cutoff in (90 / 0.95, 85 / 0.95):
        for query in queries:
            longer = [i for i, e in enumerate(entries) if len(e.key) > len(query)]
            expected = [(longer[j], s) for _, s, j in process.extract(
                query, [entries[i].key for i in longer], scorer=fuzz.partial_ratio, limit=None,
                score_cutoff=cutoff)]
            assert sorted(_partial(query, entries, cutoff)) == sorted(expected), query
