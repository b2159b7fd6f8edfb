"""How long each output format takes, for the example and for a 150-sub-kegiatan plan.

Run: .venv/bin/python benchmarks/render.py [--repeat N]
Prints medians side by side, and the ratio against converting our DOCX to PDF with
LibreOffice headless (the route staff use today) when `soffice` is installed.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
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
    else:
        print("\n(LibreOffice is not installed: no comparison; apt-get install "
              "libreoffice-writer-nogui)")


if __name__ == "__main__":
    main()
