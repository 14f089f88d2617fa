"""Run every benchmark in bench/ (files named bench_*.py), each in its own process.

Benchmarks report ratios against a baseline measured in the same run, because these machines
are noisy; absolute numbers are printed for context only. A separate process per benchmark
keeps their servers, threads and exit codes apart.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def main() -> int:
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"== {script.stem}", flush=True)
        if subprocess.run([sys.executable, str(script)], cwd=HERE.parent).returncode != 0:
            failed.append(script.stem)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
