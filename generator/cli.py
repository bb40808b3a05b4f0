"""`python -m generator`: specs in, client package out (or, with --check, a diff out; with
--changes, a report of how the API surface differs from the committed one)."""

from __future__ import annotations

import argparse
import os
import sys

from generator import stamp
from generator.cache import Cache, default_directory

# A run with nothing to do (see generator/stamp.py) imports only this module, the stamp and the
# cache, which keep to os.path: the rest (pathlib, typing, generator.write, generator.problems
# and its dataclasses) would take longer to import than the whole check takes, and is imported
# by the code that needs it. mypy takes any name TYPE_CHECKING for true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from generator.problems import SpecError

# Kept here rather than imported from generator.surface: that import pulls in the whole
# pipeline.
SURFACE_FILE = "api-surface.json"


def generate(
    specs_dir: Path,
    display_dir: str | None = None,
    templates: Path | None = None,
    *,
    cache: Cache | None = None,
    jobs: int | None = None,
    warnings: list[str] | None = None,
    previous: Path | None = None,
) -> dict[str, str]:
    """The whole pipeline but the writing: load -> model -> render -> format; the files with
    the manifest that lists them (see generator/write.py).

    `templates`: a folder whose files replace the built-in templates of the same path. With a
    cache, parsed spec files and black's output are reused (see generator/load.py and
    generator/formatting.py); `jobs` caps black's worker processes (default: one per core).
    The spec's warnings go to `warnings` if given, else to stderr. `previous`: the output
    folder, whose files black formatted before are reused (see generator/formatting.py).
    """
    # Imported here so that `python -m generator` with nothing to do stays quick.
    from generator.formatting import format_files
    from generator.ir import build_ir
    from generator.load import load_specs
    from generator.render import render
    from generator.views.python import build_python_view
    from generator.write import with_manifest

    ir = build_ir(load_specs(specs_dir, display_dir, cache=cache))
    for warning in ir.warnings:
        if warnings is None:
            print(warning, file=sys.stderr)
        else:
            warnings.append(str(warning))
    rendered = render(build_python_view(ir), templates)
    files = format_files(rendered, cache=cache, jobs=jobs, previous=previous)
    return with_manifest(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument(
        "--specs", default="specs", help="folder of OpenAPI YAML files (default: specs)"
    )
    parser.add_argument(
        "--output", default="generated", help="folder to write the package to (default: generated)"
    )
    parser.add_argument(
        "--templates",
        metavar="DIR",
        help="a folder laid out as templates/ whose files replace the built-in ones of the same"
        " path (default: none)",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check",
        action="store_true",
        help="write nothing; print a unified diff and exit 1 if the output folder is out of date",
    )
    mode.add_argument(
        "--changes",
        action="store_true",
        help=f"write nothing; report how the specs' API surface differs from the output folder's"
        f" {SURFACE_FILE} (breaking changes marked); exit 0",
    )
    caching = parser.add_mutually_exclusive_group()
    caching.add_argument(
        "--cache-dir",
        help="folder of the cache of earlier runs' work (default: $GENERATOR_CACHE_DIR,"
        " else .cache/generator)",
    )
    caching.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the cache (so does GENERATOR_CACHE_DIR=off)",
    )
    args = parser.parse_args(argv)
    # os.path until the early exit, pathlib (slower to import than the exit takes) after it.
    if not os.path.isdir(args.specs):
        print(f"{args.specs}: not a folder", file=sys.stderr)
        return 2
    if os.path.exists(args.output) and not os.path.isdir(args.output):
        print(f"{args.output}: not a folder", file=sys.stderr)
        return 2
    if args.templates and not os.path.isdir(args.templates):
        print(f"{args.templates}: not a folder", file=sys.stderr)
        return 2
    if args.changes:
        return _report_changes(args.specs, os.path.join(args.output, SURFACE_FILE))
    if args.no_cache:
        cache_dir = None
    else:
        cache_dir = args.cache_dir or default_directory()
    cache = Cache(cache_dir) if cache_dir is not None else None
    key = None
    if cache is not None:
        key = stamp.inputs_key(args.specs, args.specs, args.templates)
        remembered = stamp.up_to_date(cache, key, args.output) if key is not None else None
        if remembered is not None:
            # The same messages as a full run that finds nothing to do.
            said, count = remembered
            for warning in said:
                print(warning, file=sys.stderr)
            if args.check:
                print(f"{args.output} is up to date ({count} files)", file=sys.stderr)
            else:
                print(
                    f"{args.output}: 0 added, 0 changed, 0 removed, {count} unchanged",
                    file=sys.stderr,
                )
            return 0
    from pathlib import Path

    from generator.problems import SpecError
    from generator.write import UnsafeOutput, compare, unified_diff, write

    specs_dir, output_dir = Path(args.specs), Path(args.output)
    templates = Path(args.templates) if args.templates else None
    warnings: list[str] = []
    failure: SpecError | None = None
    try:
        files = generate(
            specs_dir, args.specs, templates, cache=cache, warnings=warnings, previous=output_dir
        )
    except SpecError as exc:
        failure = exc
    for warning in warnings:
        print(warning, file=sys.stderr)
    if failure is not None:
        return _spec_problems(failure, args.specs)
    # Remembered only if no input changed while the pipeline ran: the manifest must be what
    # these very inputs give.
    if cache is not None and key is not None:
        if stamp.inputs_key(args.specs, args.specs, args.templates) == key:
            stamp.remember(cache, key, files, warnings)

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
    try:
        write(output_dir, files, changes)
    except UnsafeOutput as exc:
        print(exc, file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"{args.output}: cannot write: {exc}", file=sys.stderr)
        return 1
    print(f"{args.output}: {changes.summary()}", file=sys.stderr)
    return 0


def _report_changes(specs: str, committed_file: str) -> int:
    """Print what changed between the committed surface and the specs' surface."""
    import json
    from pathlib import Path

    from generator.problems import SpecError

    specs_dir, committed = Path(specs), Path(committed_file)
    try:
        before = json.loads(_committed_text(committed))
    except FileNotFoundError:
        print(
            f"{committed}: not found, so there is nothing to compare with"
            " (the generator writes it; regenerate and commit it first)",
            file=sys.stderr,
        )
        return 2
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        print(f"{committed}: not readable as JSON ({exc})", file=sys.stderr)
        return 2
    if not isinstance(before, dict):
        print(f"{committed}: not an API surface (a JSON object)", file=sys.stderr)
        return 2
    try:
        from generator.ir import build_ir
        from generator.load import load_specs
        from generator.views.python import build_python_view
        from generator.changes import change_report
        from generator.views.surface import api_surface

        after = api_surface(build_python_view(build_ir(load_specs(specs_dir, specs))))
    except SpecError as exc:
        return _spec_problems(exc, specs)
    sys.stdout.write(change_report(before, after))
    return 0


def _committed_text(path: Path) -> str:
    """The file as git's HEAD has it, so the report holds after `make generate` too; the file
    on disk when it is not in a git repository (or not committed yet)."""
    import subprocess

    try:
        shown = subprocess.run(
            ["git", "-C", str(path.parent), "show", f"HEAD:./{path.name}"],
            capture_output=True,
            timeout=30,
        )
    except OSError:  # no git on this machine
        return path.read_text(encoding="utf-8")
    if shown.returncode != 0:
        return path.read_text(encoding="utf-8")
    return shown.stdout.decode("utf-8")


def _spec_problems(exc: SpecError, specs_name: str) -> int:
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    print(f"{len(exc.problems)} problem(s) in {specs_name}; nothing was written", file=sys.stderr)
    return 1
