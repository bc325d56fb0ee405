"""Social-card fonts come from the repository, put where the plugin looks first."""

from __future__ import annotations

from build_tools import prepare_social_fonts
from build_tools._social import FONTS_DIR


def test_the_fonts_land_where_the_social_plugin_looks(tmp_path):
    copied = prepare_social_fonts(tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in copied) == [
        "fonts/Roboto/Bold.ttf",
        "fonts/Roboto/Regular.ttf",
    ]
    assert (tmp_path / "fonts/Roboto/Bold.ttf").read_bytes() == (FONTS_DIR / "Roboto/Bold.ttf").read_bytes()


def test_a_stale_copy_is_replaced(tmp_path):
    target = tmp_path / "fonts" / "Roboto" / "Regular.ttf"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"not a font")
    prepare_social_fonts(tmp_path)
    assert target.read_bytes() == (FONTS_DIR / "Roboto/Regular.ttf").read_bytes()
