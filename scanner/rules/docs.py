"""Generate docs/rules/<id>.md and docs/rules/index.md from the registry.

Run ``python -m scanner.rules.docs [OUT_DIR]``; ``--check`` exits 1 when the files on disk
differ from what the registry produces (a test runs it, so docs cannot drift).
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import RULES, Rule


def render_rule(rule: Rule) -> str:
    lines = [
        f"# `{rule.id}`",
        "",
        f"**{rule.title}**",
        "",
        f"- Severity: `{rule.severity}`",
        f"- Family: {rule.family}",
        "",
        "## Why it matters",
        "",
        rule.explanation,
        "",
        "## Legal basis",
        "",
        rule.basis,
        "",
        "## How to fix it",
        "",
        rule.fix,
        "",
    ]
    if rule.examples:
        lines += ["## Examples of what is flagged", ""]
        lines += [f"- `{example}`" for example in rule.examples]
        lines.append("")
    lines += ["---", "Generated from `scanner/rules/` by `python -m scanner.rules.docs`.", ""]
    return "\n".join(lines)


def render_index() -> str:
    lines = ["# Rule reference", "", "| id | severity | what it flags |", "|---|---|---|"]
    lines += [f"| [`{r.id}`]({r.id}.md) | {r.severity} | {r.title} |" for r in RULES.values()]
    lines += ["", "Generated from `scanner/rules/` by `python -m scanner.rules.docs`.", ""]
    return "\n".join(lines)


def expected_files() -> dict[str, str]:
    files = {f"{rule.id}.md": render_rule(rule) for rule in RULES.values()}
    files["index.md"] = render_index()
    return files


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    out = Path(args[0]) if args else Path("docs/rules")
    stale = []
    for name, text in expected_files().items():
        path = out / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            out.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        print("stale rule docs (run `python -m scanner.rules.docs`): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
