"""The project's own Django apps: every top-level folder with an apps.py. Tests that read or walk "our"
code take the list from here, so an app added later is checked like the others without editing them."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_APPS = tuple(sorted(path.parent.name for path in ROOT.glob("*/apps.py")))
