"""Where things are in the repository."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: The build's own cache (git ignores ``.cache/``; Material's social cards live beside it).
CACHE_DIR = PROJECT_ROOT / ".cache" / "second-date"
