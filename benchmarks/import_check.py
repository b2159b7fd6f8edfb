"""Import + check throughput: the example, and a generated corpus of 10 → 2,000 plans.

Run: .venv/bin/python benchmarks/import_check.py [--repeat N] [--plans 10,100,1000,2000]
          [--format text|json|xlsx] [--workers 2]

Prints, side by side in one run:
- the example (text from the PDF): import + check in-process (median of --repeat runs), and
  as a whole `renja check` process, against the bare start of a Python interpreter;
- a corpus written by `renja demo-data` (consistent plans of 20-150 sub kegiatan from
  pemda of 40 agencies): seconds and files/second for 10, 100, 1,000 plans with 1 worker
  and with --workers processes, and how time grows from one size to the next;
- a national year (20,000 plans) extrapolated from the largest size measured.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from timing import median_seconds  # noqa: E402

from renja.demo.corpus import write_corpus  # noqa: E402
from renja.io.read import read_plan  # noqa: E402
from renja.rules import run_checks  # noqa: E402

EXAMPLE = ROOT / "tests" / "fixtures" / "perbup-pasuruan-147-2023-renja-bkpsdm-2024.txt"
RENJA = Path(sys.executable).with_name("renja")
NATIONAL = 20_000



def import_and_check(path: Path) -> int:
    """Findings of one file (errors included): what `renja check` does, without printing."""
    return len(run_checks(read_plan(path).renja))


def run_corpus(files: list[Path], workers: int) -> float:
    start = time.perf_counter()
    if workers == 1:
        for path in files:
            import_and_check(path)
    else:
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(import_and_check, files, chunksize=8))
    return time.perf_counter() - start


def example(repeat: int) -> None:
    import_and_check(EXAMPLE)  # warm: nomenclature loaded, modules imported
    in_process = median_seconds(lambda: import_and_check(EXAMPLE), repeat)
    runs = max(3, repeat // 5)
    cli = median_seconds(lambda: subprocess.run([str(RENJA), "check", str(EXAMPLE)],
                                                capture_output=True), runs)
    bare = median_seconds(lambda: subprocess.run([sys.executable, "-c", "pass"]), runs)
    print(f"example import + check, median seconds ({EXAMPLE.name})")
    print(f"  in-process            {in_process:8.4f}   (target < 0.050)")
    print(f"  `renja check` process {cli:8.4f}   ({cli / bare:.0f}x a bare `python -c pass`, "
          f"{bare:.4f})")


def corpus(sizes: list[int], fmt: str, workers: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        files = write_corpus(Path(tmp), max(sizes), fmt)
        made = time.perf_counter() - start
        print(f"\ncorpus: {len(files)} {fmt} plans generated in {made:.1f}s; "
              f"{os.cpu_count()} CPUs")
        print(f"{'plans':>7} {'1 worker s':>11} {'files/s':>9} {f'{workers} workers s':>12} "
              f"{'files/s':>9} {'speed-up':>9} {'growth':>8}")
        previous: float | None = None
        for size in sizes:
            one = run_corpus(files[:size], 1)
            many = run_corpus(files[:size], workers)
            growth = f"{many / previous:7.1f}x" if previous else "       -"
            print(f"{size:>7} {one:>11.2f} {size / one:>9.1f} {many:>12.2f} "
                  f"{size / many:>9.1f} {one / many:>8.2f}x {growth}")
            previous = many
        print("growth: time against the previous size; target: 1,000 plans < 60 s on 2 cores")
        assert previous is not None
        national = previous / sizes[-1] * NATIONAL
        print(f"a national year, {NATIONAL:,} plans, at the rate of the last size with "
              f"{workers} workers: {national:.0f} s ({national / 60:.1f} min; target < 10 min, "
              "linear growth assumed from the growth column)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--plans", default="10,100,1000,2000")
    parser.add_argument("--format", default="text", choices=["text", "json", "xlsx"])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    example(args.repeat)
    corpus([int(n) for n in args.plans.split(",")], args.format, args.workers)


if __name__ == "__main__":
    main()
