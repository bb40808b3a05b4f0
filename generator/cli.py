"""`python -m generator`: specs in, client package out (or, with --check, a diff out; with
--changes, a report of how the API surface differs from the committed one)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from generator import stamp
from generator.cache import Cache, default_directory
from generator.problems import SpecError
from generator.write import (
    UnsafeOutput,
    compare,
    existing_files,
    unified_diff,
    with_manifest,
    write,
)

# Kept here rather than imported from generator.surface: that import pulls in the whole
# pipeline, which a run with nothing to do (see generator/stamp.py) never needs.
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
    specs_dir, output_dir = Path(args.specs), Path(args.output)
    if not specs_dir.is_dir():
        print(f"{args.specs}: not a folder", file=sys.stderr)
        return 2
    if output_dir.exists() and not output_dir.is_dir():
        print(f"{args.output}: not a folder", file=sys.stderr)
        return 2
    templates = Path(args.templates) if args.templates else None
    if templates is not None and not templates.is_dir():
        print(f"{args.templates}: not a folder", file=sys.stderr)
        return 2
    if args.changes:
        return _report_changes(specs_dir, args.specs, output_dir / SURFACE_FILE)
    if args.no_cache:
        cache_dir = None
    else:
        cache_dir = Path(args.cache_dir) if args.cache_dir else default_directory()
    cache = Cache(cache_dir) if cache_dir is not None else None
    if cache is not None:
        key = stamp.inputs_key(specs_dir, args.specs, templates)
        current = existing_files(output_dir)
        remembered = stamp.up_to_date(cache, key, current)
        if remembered is not None:
            # The same messages as a full run that finds nothing to do.
            for warning in remembered:
                print(warning, file=sys.stderr)
            count = len(current)
            if args.check:
                print(f"{args.output} is up to date ({count} files)", file=sys.stderr)
            else:
                print(
                    f"{args.output}: 0 added, 0 changed, 0 removed, {count} unchanged",
                    file=sys.stderr,
                )
            return 0
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
    if cache is not None and stamp.inputs_key(specs_dir, args.specs, templates) == key:
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


def _report_changes(specs_dir: Path, specs_name: str, committed: Path) -> int:
    """Print what changed between the committed surface and the specs' surface."""
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

        after = api_surface(build_python_view(build_ir(load_specs(specs_dir, specs_name))))
    except SpecError as exc:
        return _spec_problems(exc, specs_name)
    sys.stdout.write(change_report(before, after))
    return 0


def _committed_text(path: Path) -> str:
    """The file as git's HEAD has it, so the report holds after `make generate` too; the file
    on disk when it is not in a git repository (or not committed yet)."""
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
