"""The demo's Renstra: a plan that follows it has no Renstra findings, and each planted
departure is found exactly once."""

from __future__ import annotations

import pytest

from renja.demo.generate import Spec, generate
from renja.demo.renstra import demo_renstra
from renja.rules.registry import run_checks


def plan():  # type: ignore[no-untyped-def]
    return generate(Spec(pemda="Kabupaten Lembah Hijau", agency="Dinas Kesehatan",
                         singkatan="DINKES", bidang="1.02", tahun=2024, sub_kegiatan=12, seed=4))


def renstra_rules(renja, renstra):  # type: ignore[no-untyped-def]
    return [f for f in run_checks(renja, renstra=renstra) if f.family == "renstra"]


def test_a_plan_that_follows_its_renstra_has_no_renstra_findings():
    renja = plan()
    renstra = demo_renstra(renja, 2023)
    assert renstra.tahun == [2023, 2024, 2025, 2026, 2027]
    assert renstra_rules(renja, renstra) == []
    program = next(r for r in renstra.rows if r.level == "program")
    assert program.pagu_akhir == sum(p for p in program.pagu if p is not None)


def test_each_planted_departure_is_found_once():
    renja = plan()
    found = renstra_rules(renja, demo_renstra(renja, 2023, seed=7, departures=2))
    assert [f.rule for f in found] == ["R005", "R005"]
    assert len({f.kode for f in found}) == 2


def test_a_period_that_does_not_hold_the_plan_s_year_is_refused():
    with pytest.raises(ValueError, match="2024 is not in 2025–2029"):
        demo_renstra(plan(), 2025)
