"""How long the `renja` command takes to start, as whole processes (what a person waits for):
`--version` and `--help` against a bare Python start, side by side. The bar (issue 16): under
0.1 s for `--version` and `--help`.

Run: .venv/bin/python benchmarks/cli_startup.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from timing import median_seconds  # noqa: E402

RENJA = str(Path(sys.executable).parent / "renja")
COMMANDS = {
    "python -c pass (baseline)": [sys.executable, "-c", "pass"],
    "renja --version": [RENJA, "--version"],
    "renja --help": [RENJA, "--help"],
    "renja check --help": [RENJA, "check", "--help"],
    "renja nomenklatur --help": [RENJA, "nomenklatur", "--help"],
    "renja kode 5030220102": [RENJA, "kode", "5030220102"],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    base = None
    print(f"median of {args.repeat} runs, whole processes")
    for label, command in COMMANDS.items():
        seconds = median_seconds(
            lambda command=command: subprocess.run(command, check=True, capture_output=True),
            args.repeat)
        base = base or seconds
        print(f"{label:<30}{seconds:>8.3f} s   ×{seconds / base:>5.1f}")


if __name__ == "__main__":
    main()
