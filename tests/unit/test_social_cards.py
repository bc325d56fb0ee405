"""Social cards are written with exactly the pixels Material drew, without Pillow's row filters."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw, ImageFont, PngImagePlugin

from build_tools import write_cards_unfiltered
from build_tools._social import FONTS_DIR, png_bytes


@pytest.fixture
def unfiltered(monkeypatch):
    """Pillow writing PNGs through ``write_cards_unfiltered``, for this test only."""
    monkeypatch.setitem(Image.SAVE, "PNG", Image.SAVE["PNG"])
    write_cards_unfiltered()


def card(mode: str = "RGBA") -> Image.Image:
    """A card as Material's default layout draws one: flat colour and anti-aliased text."""
    image = Image.new(mode, (1200, 630), "#7e56c2")
    draw = ImageDraw.Draw(image)
    bold, regular = (
        ImageFont.truetype(FONTS_DIR / f"Roboto/{style}.ttf", 90) for style in ("Bold", "Regular")
    )
    draw.text((64, 160), "Call or email?", font=bold)
    draw.text((64, 512), "A call carries warmth.", font=regular.font_variant(size=30))
    return image


def pillows_png(image: Image.Image, **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", **params)
    return out.getvalue()


def read(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize("mode", ["RGBA", "RGB"])
def test_a_card_reads_back_pixel_for_pixel(mode):
    image = card(mode)
    back = read(png_bytes(image))
    assert (back.mode, back.size) == (mode, (1200, 630))
    assert back.tobytes() == image.tobytes()
    assert len(png_bytes(image)) < len(image.tobytes()) / 20  # deflated


def test_see_through_pixels_keep_their_alpha():
    image = Image.new("RGBA", (30, 20), (126, 86, 194, 128))
    image.putpixel((3, 4), (0, 0, 0, 0))
    assert read(png_bytes(image)).tobytes() == image.tobytes()


@pytest.mark.usefixtures("unfiltered")
def test_the_social_plugins_save_writes_the_unfiltered_png(tmp_path):
    image = card()
    image.save(tmp_path / "card.png")  # as Material's social plugin saves a card
    assert (tmp_path / "card.png").read_bytes() == png_bytes(image)


@pytest.mark.usefixtures("unfiltered")
def test_other_images_and_options_go_to_pillows_writer():
    info = PngImagePlugin.PngInfo()
    info.add_text("Title", "Second Date")
    assert read(pillows_png(card(), pnginfo=info)).text == {"Title": "Second Date"}
    grey = Image.linear_gradient("L")
    assert read(pillows_png(grey)).tobytes() == grey.tobytes()
    assert pillows_png(grey) != png_bytes(grey.convert("RGB"))
