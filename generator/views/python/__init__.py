"""Stage 3, the Python view: every name, type, rule, docstring and import of the package."""

from generator.views.python.build import build_python_view
from generator.views.python.model import PyApi

__all__ = ["PyApi", "build_python_view"]
