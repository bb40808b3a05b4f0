"""`python -m magic_hour.cli`: the `magic-hour` command line."""

from magic_hour.cli import main

main()
