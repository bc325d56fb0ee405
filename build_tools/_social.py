"""Fonts for Material's social cards, from the repository instead of Google Fonts.

The social plugin looks for ``<cache_dir>/fonts/<family>/<style>.ttf`` and downloads the
family only when that folder is missing. Copying the vendored Roboto there first keeps
the build offline.
"""

from __future__ import annotations

import shutil
from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parent / "fonts"


def prepare_social_fonts(cache_dir: Path, fonts_dir: Path = FONTS_DIR) -> list[Path]:
    """Copy each vendored ``<family>/<style>.ttf`` into the plugin's cache; return the copies."""
    copied = []
    for font in sorted(fonts_dir.glob("*/*.ttf")):
        target = cache_dir / "fonts" / font.parent.name / font.name
        if not target.is_file() or target.read_bytes() != font.read_bytes():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(font, target)
        copied.append(target)
    return copied
