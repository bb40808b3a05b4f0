"""`python -m generator`: specs in, client package out (or, with --check, a diff out)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.formatting import format_files
from generator.load import load_specs
from generator.model import build_api
from generator.problems import SpecError
from generator.render import render
from generator.write import compare, unified_diff, write


def generate(specs_dir: Path, display_dir: str | None = None) -> dict[str, str]:
    """The whole pipeline but the writing: load -> model -> render -> format."""
    return format_files(render(build_api(load_specs(specs_dir, display_dir))))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument(
        "--specs", default="specs", help="folder of OpenAPI YAML files (default: specs)"
    )
    parser.add_argument(
        "--output", default="generated", help="folder to write the package to (default: generated)"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; print a unified diff and exit 1 if the output folder is out of date",
    )
    args = parser.parse_args(argv)
    specs_dir, output_dir = Path(args.specs), Path(args.output)
    if not specs_dir.is_dir():
        print(f"{args.specs}: not a folder", file=sys.stderr)
        return 2
    try:
        files = generate(specs_dir, args.specs)
    except SpecError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(
            f"{len(exc.problems)} problem(s) in {args.specs}; nothing was written", file=sys.stderr
        )
        return 1

    changes = compare(output_dir, files)
    if args.check:
        if changes.any:
            sys.stdout.write(unified_diff(output_dir, files, changes))
            print(
                f"{args.output} is out of date ({changes.summary()}): run `make generate`",
                file=sys.stderr,
            )
            return 1
        print(f"{args.output} is up to date ({changes.unchanged} files)", file=sys.stderr)
        return 0
    write(output_dir, files, changes)
    print(f"{args.output}: {changes.summary()}", file=sys.stderr)
    return 0
