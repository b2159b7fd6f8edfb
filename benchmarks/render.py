"""How long each output format takes, for the example and for a 150-sub-kegiatan plan.

Run: .venv/bin/python benchmarks/render.py [--repeat N] [--processes N]
Prints medians side by side (rendering in this process), and, when `soffice` is installed,
the PDF routes compared as a person runs them, whole processes from a JSON plan each time
(median of --processes runs): `renja render plan.json --to pdf` against `renja render
plan.json --to docx` followed by LibreOffice headless converting that DOCX (the route staff
use today).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from timing import median_seconds  # noqa: E402

from renja.demo.generate import Spec, generate  # noqa: E402
from renja.domain import Renja  # noqa: E402
from renja.io.read import read_plan  # noqa: E402
from renja.render import RENDERERS, render  # noqa: E402

EXAMPLE = ROOT / "tests" / "fixtures" / "perbup-pasuruan-147-2023-renja-bkpsdm-2024.txt"
RENJA = Path(sys.executable).with_name("renja")



def libreoffice(docx: Path, out: Path) -> Callable[[], object]:
    soffice = shutil.which("soffice")
    assert soffice is not None

    def convert() -> object:
        return subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir",
                               str(out), str(docx)], check=True, capture_output=True)

    return convert


def measure(name: str, plan: Renja, repeat: int, folder: Path) -> dict[str, float]:
    results = {}
    for fmt, renderer in RENDERERS.items():
        target = folder / f"{name}{renderer.suffix or '-open'}"
        results[fmt] = median_seconds(lambda f=fmt, t=target: render(plan, f, t), repeat)
    if shutil.which("soffice"):
        docx = folder / f"{name}.docx"
        render(plan, "docx", docx)
        results["libreoffice docx→pdf"] = median_seconds(libreoffice(docx, folder),
                                                         max(1, repeat // 3))
    return results


def processes(plan: Renja, folder: Path, runs: int) -> tuple[float, float]:
    """Seconds of the two PDF routes as whole processes: renja alone, renja DOCX + LibreOffice."""
    source = folder / "plan.json"
    source.write_text(plan.model_dump_json(exclude_none=True), encoding="utf-8")
    soffice = shutil.which("soffice")
    assert soffice is not None

    def ours() -> object:
        return subprocess.run([str(RENJA), "render", str(source), "--to", "pdf", "-o",
                               str(folder / "ours.pdf")], check=True, capture_output=True)

    def theirs() -> object:
        subprocess.run([str(RENJA), "render", str(source), "--to", "docx", "-o",
                        str(folder / "plan.docx")], check=True, capture_output=True)
        return subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir",
                               str(folder), str(folder / "plan.docx")], check=True,
                              capture_output=True)

    ours()  # the first run of each loads what the machine caches afterwards
    theirs()
    return median_seconds(ours, runs), median_seconds(theirs, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--processes", type=int, default=5,
                        help="runs of each whole-process PDF route")
    args = parser.parse_args()
    plans = {
        "example (42 sub kegiatan)": read_plan(EXAMPLE).renja,
        "generated (150 sub kegiatan)": generate(Spec(bidang="1.02", sub_kegiatan=150, seed=7,
                                                      tahun=2025)),
    }
    with tempfile.TemporaryDirectory() as tmp:
        table = {name: measure(f"plan{i}", plan, args.repeat, Path(tmp))
                 for i, (name, plan) in enumerate(plans.items())}
    names = list(plans)
    formats = list(next(iter(table.values())))
    print(f"median of {args.repeat} runs, seconds")
    print(f"{'format':<24}" + "".join(f"{n:>32}" for n in names))
    for fmt in formats:
        print(f"{fmt:<24}" + "".join(f"{table[n].get(fmt, float('nan')):>32.3f}" for n in names))
    if "libreoffice docx→pdf" in formats:
        print()
        print("ratio LibreOffice docx→pdf / renja pdf:  " + "   ".join(
            f"{n}: {table[n]['libreoffice docx→pdf'] / table[n]['pdf']:.1f}x" for n in names))
        print(f"\nwhole processes from a JSON plan, median of {args.processes} runs, seconds")
        print(f"{'route':<40}" + "".join(f"{n:>32}" for n in names))
        routes: dict[str, tuple[float, float]] = {}
        for name, plan in plans.items():
            with tempfile.TemporaryDirectory() as tmp:
                routes[name] = processes(plan, Path(tmp), args.processes)
        print(f"{'renja render --to pdf':<40}" + "".join(
            f"{routes[n][0]:>32.3f}" for n in names))
        print(f"{'renja --to docx, then soffice → pdf':<40}" + "".join(
            f"{routes[n][1]:>32.3f}" for n in names))
        print(f"{'ratio (target ≥ 10x)':<40}" + "".join(
            f"{routes[n][1] / routes[n][0]:>31.1f}x" for n in names))
    else:
        print("\n(LibreOffice is not installed: no comparison; apt-get install "
              "libreoffice-writer-nogui)")


if __name__ == "__main__":
    main()
