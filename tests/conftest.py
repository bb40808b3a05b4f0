import sys
from pathlib import Path

# The loopback helper is imported by name from the tests folder.
sys.path.insert(0, str(Path(__file__).resolve().parent))
