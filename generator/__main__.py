from generator.cli import main

# Guarded: black's worker processes import this module again where processes are spawned
# rather than forked (macOS, Windows, Python 3.14's default), and must not run the generator.
if __name__ == "__main__":
    raise SystemExit(main())
