"""Material's social cards: fonts from the repository, and a faster way to write them.

The social plugin looks for ``<cache_dir>/fonts/<family>/<style>.ttf`` and downloads the
family only when that folder is missing. Copying the vendored Roboto there first keeps
the build offline.
"""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path
from typing import IO

from PIL import Image, PngImagePlugin

#: Pillow's own PNG writer (importing ``PngImagePlugin`` registers it).
_PILLOW_PNG_WRITER = Image.SAVE[PngImagePlugin.PngImageFile.format]
_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: PNG's colour type for each image mode :func:`png_bytes` writes (8 bits a channel).
_COLOUR_TYPES = {"RGB": 2, "RGBA": 6}
#: zlib's level for the pixels: 3 deflates a card in 6 ms, 4 to 6 take twice as long.
DEFLATE_LEVEL = 3

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


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bytes(image: Image.Image) -> bytes:
    """An RGB or RGBA ``image`` as a PNG file: its rows unfiltered, deflated at :data:`DEFLATE_LEVEL`."""
    width, height = image.size
    stride = width * len(image.mode)
    pixels = memoryview(image.tobytes())
    deflate = zlib.compressobj(DEFLATE_LEVEL)
    data: list[bytes] = []
    for row in range(0, height * stride, stride):
        data += (deflate.compress(b"\0"), deflate.compress(pixels[row : row + stride]))  # 0: no filter
    data.append(deflate.flush())
    header = struct.pack(">IIBBBBB", width, height, 8, _COLOUR_TYPES[image.mode], 0, 0, 0)
    return _SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", b"".join(data)) + _chunk(b"IEND", b"")


def _write_png(image: Image.Image, fp: IO[bytes], filename: str | bytes) -> None:
    """:func:`png_bytes` for a plain RGB or RGBA image, Pillow's writer for anything else."""
    if image.mode in _COLOUR_TYPES and not image.encoderinfo and not image.info:
        fp.write(png_bytes(image))
    else:
        _PILLOW_PNG_WRITER(image, fp, filename)


def write_cards_unfiltered() -> None:
    """From now on Pillow writes a plain RGB or RGBA image to PNG with :func:`png_bytes`.

    Material's social plugin saves each card, an RGBA image, with ``image.save(path)``, and
    Pillow's writer took two thirds of the card's time (16 to 19 of 25 ms here), half of it
    choosing a PNG filter for each row. Flat colour and text deflate well without one: the
    same pixels in half the time, in a file 12 to 42 % larger (60 KB instead of 54 on an
    article's card). An image saved with options, or carrying metadata, goes to Pillow's
    writer as before.
    """
    Image.register_save(PngImagePlugin.PngImageFile.format, _write_png)
