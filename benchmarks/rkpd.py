"""How long Bappeda's compile takes: 40 agencies' plans (20–150 sub kegiatan each, as
`renja demo-data` makes them) compiled into the RKPD, checked across agencies, and rendered in
each format and layout. The issue's bar: the whole compile of 40 agencies renders in < 5 s.

Run: .venv/bin/python benchmarks/rkpd.py [--agencies 40] [--repeat 3]
Prints the median of each step (the plans are built once, outside the timings).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from timing import median_seconds  # noqa: E402

from renja.demo.corpus import pemda_plans  # noqa: E402
from renja.render.rkpd import render_rkpd  # noqa: E402
from renja.rkpd import PemdaPlans, Unit, compile_rkpd  # noqa: E402
from renja.rkpd.checks import check_pemda  # noqa: E402
from renja.rkpd.files import write_pemda  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--agencies", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    plans = list(pemda_plans("Kabupaten Sumber Makmur", args.agencies, 2025))
    units = [Unit(p.perangkat_daerah.nama, p.perangkat_daerah.singkatan,
                  (p.perangkat_daerah.bidang or "",), p) for p in plans]
    pemda = PemdaPlans("Kabupaten Sumber Makmur", 2025, units)
    rows = sum(1 for p in plans for n in p.rencana.walk() if n.level == "sub_kegiatan")
    print(f"{args.agencies} agencies, {rows} sub kegiatan; median of {args.repeat} runs")
    compiled = compile_rkpd(pemda)
    print(f"{'compile':<26}{median_seconds(lambda: compile_rkpd(pemda), args.repeat):>8.3f} s"
          f"   ({len(compiled.rows)} rows)")
    print(f"{'cross-agency checks':<26}"
          f"{median_seconds(lambda: check_pemda(pemda, rkpd=compiled), args.repeat):>8.3f} s")
    total = 0.0
    for fmt in ("xlsx", "docx", "pdf", "csv", "json"):
        for layout in (("rkpd", "prioritas") if fmt in ("xlsx", "docx", "pdf") else ("rkpd",)):
            seconds = median_seconds(
                lambda fmt=fmt, layout=layout: render_rkpd(compile_rkpd(pemda), fmt, layout),
                args.repeat)
            total = max(total, seconds)
            print(f"{'compile + ' + fmt + ' ' + layout:<26}{seconds:>8.3f} s")
    print(f"slowest compile + render: {total:.3f} s (bar: < 5 s)")
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "pemda"
        write_pemda(pemda, folder)
        for fmt in ("pdf", "xlsx"):
            command = [str(Path(sys.executable).parent / "renja"), "rkpd", str(folder), "--to",
                       fmt, "-o", str(Path(work) / f"rkpd.{fmt}")]
            seconds = median_seconds(
                lambda command=command: subprocess.run(command, check=True, capture_output=True),
                args.repeat)
            print(f"{'renja rkpd --to ' + fmt:<26}{seconds:>8.3f} s   (whole process: read "
                  f"{args.agencies} JSON plans, compile, render)")


if __name__ == "__main__":
    main()
