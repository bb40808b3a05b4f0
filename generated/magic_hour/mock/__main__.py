from magic_hour.mock.cli import main

try:
    raise SystemExit(main())
except KeyboardInterrupt:
    # Ctrl-C before the server was up: no traceback either.
    raise SystemExit(130) from None
