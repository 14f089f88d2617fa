"""Run every benchmark in bench/ (files named bench_*.py), each printing its own ratios.

Benchmarks report ratios against a baseline measured in the same run, because these machines
are noisy; absolute numbers are printed for context only.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).parent


def main() -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if not scripts:
        print("no benchmarks yet")
    for script in scripts:
        print(f"== {script.stem}")
        runpy.run_path(str(script), run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
