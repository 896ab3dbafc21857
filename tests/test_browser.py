"""A rendered Document in a real browser (headless Chromium): highlights run right to left.

Skipped only where no Chromium is installed (Debian: ``apt-get install -y chromium``).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
from itertools import pairwise
from pathlib import Path

import pytest

import arextract
from arextract.viz.colors import ENTITY_COLORS
from arextract.viz.html import render

CHROMIUM = next(
    (
        found
        for found in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
        if found and Path(found).exists()
    ),
    None,
)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install -y chromium)"),
]

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--hide-scrollbars",
    "--mute-audio",
]
WIDTH, HEIGHT = 1200, 900

# Runs at the end of the body, after layout: the box of every top-level highlight, in DOM order.
MEASURE = """
<script>
(function () {
  var text = document.querySelector('.arx-text');
  var marks = Array.prototype.slice.call(document.querySelectorAll('.arx-text > mark.arx-ent'));
  var boxes = marks.map(function (mark) {
    var r = mark.getBoundingClientRect();
    return {ids: mark.getAttribute('data-ids'), rects: mark.getClientRects().length,
            left: r.left, right: r.right, top: r.top, bottom: r.bottom};
  });
  var box = text.getBoundingClientRect();
  document.body.setAttribute('data-measure', JSON.stringify({
    direction: getComputedStyle(text).direction, left: box.left, right: box.right, boxes: boxes}));
  document.title = 'measured';
})();
</script>
"""


def run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    env = {**os.environ, "HOME": str(tmp_path)}
    command = [CHROMIUM or "chromium", *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=90, env=env, check=False)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory, seed_texts: dict[str, str]) -> Path:
    doc = arextract.extract(seed_texts["001"])
    path = tmp_path_factory.mktemp("browser") / "seed001.html"
    path.write_text(render(doc, title="seed 001").replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    return path


def test_highlights_run_right_to_left(page: Path, tmp_path: Path) -> None:
    result = run_chromium(
        tmp_path, "--dump-dom", "--virtual-time-budget=2000", f"--window-size={WIDTH},{HEIGHT}", page.as_uri()
    )
    match = re.search(r'data-measure="([^"]*)"', result.stdout)
    assert match, f"no measurements in the dumped DOM; stderr: {result.stderr[-2000:]}"
    measure = json.loads(html.unescape(match[1]))
    assert measure["direction"] == "rtl"
    boxes = [box for box in measure["boxes"] if box["rects"] == 1]
    assert len(boxes) > 40
    # The first highlight (the dateline's city) sits at the right edge of the text block.
    first = measure["boxes"][0]
    assert measure["right"] - first["right"] < 40, (first, measure["right"])
    same_line = 0
    for earlier, later in pairwise(boxes):
        if abs(earlier["top"] - later["top"]) < 3:
            same_line += 1
            # within a line, a later highlight lies to the LEFT of an earlier one
            assert later["right"] <= earlier["left"] + 0.5, (earlier, later)
        else:
            assert later["top"] > earlier["top"], (earlier, later)  # lines go down the page
    assert same_line > 15


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_screenshot(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "seed001.png"
    result = run_chromium(tmp_path, f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", page.as_uri())
    assert shot.exists(), result.stderr[-2000:]
    data = shot.read_bytes()
    assert len(data) > 30_000  # text and colours, not a blank page
    assert png_size(data) == (WIDTH, HEIGHT)
    image_module = pytest.importorskip(
        "PIL.Image", reason="Pillow (a matplotlib dependency) checks the colours"
    )
    with image_module.open(shot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
    counts = {rgb: n for n, rgb in colours}

    def pixels(hex_colour: str) -> int:
        rgb = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
        return counts.get(rgb, 0)

    for kind in ("COUNTRY", "PERSON", "INITIATIVE"):
        assert pixels(ENTITY_COLORS[kind]) > 500, kind
    if os.environ.get("AREXTRACT_KEEP_SCREENSHOT"):
        shutil.copy(shot, os.environ["AREXTRACT_KEEP_SCREENSHOT"])
