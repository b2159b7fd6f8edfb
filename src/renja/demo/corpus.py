"""Many synthetic plans at once: a pemda of 40 agencies, a province of 20 pemda."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from renja.demo.generate import Spec, generate
from renja.domain import Renja
from renja.nomenklatur import default_catalogue
from renja.text import title_case

PEMDA = ("Kabupaten Sumber Makmur", "Kota Tirta Jaya", "Kabupaten Gunung Sari",
         "Kabupaten Lembah Hijau", "Kota Pelabuhan Baru", "Kabupaten Karang Anyar Lor",
         "Kabupaten Bukit Asri", "Kota Sari Mulya", "Kabupaten Rawa Indah",
         "Kabupaten Tanjung Emas", "Kota Bumi Raya", "Kabupaten Sungai Biru",
         "Kabupaten Padang Luas", "Kota Taman Sari", "Kabupaten Batu Putih",
         "Kabupaten Kali Jernih", "Kota Cahaya", "Kabupaten Hutan Lestari",
         "Kabupaten Pesisir Timur", "Kota Angin Mamiri")


def agencies(count: int = 40) -> list[tuple[str, str, str]]:
    """(name, short name, bidang) of ``count`` agencies, one per bidang of the nomenclature."""
    bidang = [e for e in default_catalogue().entries() if e.level == "bidang"]
    found = []
    for i in range(count):
        entry = bidang[i % len(bidang)]
        name = title_case(entry.nama.replace("URUSAN PEMERINTAHAN BIDANG ", "Dinas "))
        suffix = f" {i // len(bidang) + 1}" if i >= len(bidang) else ""
        found.append((name + suffix, f"PD{i + 1:02d}", entry.kode))
    return found


def pemda_plans(pemda: str, count: int = 40, tahun: int = 2025, seed: int = 1,
                sub_kegiatan: tuple[int, int] = (20, 150)) -> Iterator[Renja]:
    rng = random.Random(f"{pemda}-{seed}")
    for name, short, bidang in agencies(count):
        yield generate(Spec(pemda=pemda, agency=name, singkatan=short, bidang=bidang,
                            tahun=tahun, sub_kegiatan=rng.randint(*sub_kegiatan),
                            seed=rng.randint(1, 10**6)))


def write_corpus(folder: Path, plans: int, fmt: str, seed: int = 1) -> list[Path]:
    """``plans`` plans spread over pemda of 40 agencies, each written as json, xlsx or text."""
    from renja.render import render

    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    suffix = {"json": ".json", "xlsx": ".xlsx", "text": ".txt"}[fmt]
    for p, pemda in enumerate(PEMDA * (plans // (40 * len(PEMDA)) + 1)):
        for renja in pemda_plans(pemda, min(40, plans - len(written)), seed=seed + p):
            path = folder / f"{len(written) + 1:05d}-{renja.perangkat_daerah.singkatan}{suffix}"
            if fmt == "json":
                from renja.io import json as renja_json

                renja_json.dump(renja, path)
            else:
                render(renja, fmt, path)
            written.append(path)
        if len(written) >= plans:
            break
    return written
