from mockserver.cli import main

try:
    raise SystemExit(main())
except KeyboardInterrupt:
    # Ctrl-C before the server was up (while the specs load): no traceback either.
    raise SystemExit(130) from None
