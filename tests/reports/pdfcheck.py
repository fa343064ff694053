"""Reading a produced PDF back the way a reader would: its text (pdfplumber), its fonts (pdffonts), its pages
rendered (pdftoppm)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pdfplumber


@dataclass
class PdfText:
    pages: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def flat(self) -> str:
        """All text on one line with single spaces: sentences wrapped over lines read as typed."""
        return re.sub(r"\s+", " ", self.text)

    @property
    def lines(self) -> list[str]:
        return [re.sub(r"\s+", " ", line).strip() for line in self.text.splitlines()]


def read_pdf(path: Path) -> PdfText:
    with pdfplumber.open(path) as pdf:
        return PdfText([page.extract_text() or "" for page in pdf.pages])


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """`pdffonts` rows as dicts (name, type, emb)."""
    output = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in output.splitlines()[2:]:
        parts = line.split()
        # name, type (1–2 words), encoding, emb, sub, uni, object, id
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def render(
    path: Path, out_dir: Path, first: int | None = None, last: int | None = None, resolution: int = 40
) -> list[Path]:
    """Render pages to PNG with pdftoppm; fails the test on any error or warning it prints."""
    out_dir.mkdir(parents=True, exist_ok=True)
    command = ["pdftoppm", "-r", str(resolution), "-png"]
    if first:
        command += ["-f", str(first)]
    if last:
        command += ["-l", str(last)]
    result = subprocess.run([*command, str(path), str(out_dir / "page")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr
    return sorted(out_dir.glob("page*.png"))


def page_count(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def table_rows(path: Path) -> list[tuple[str, ...]]:
    """Every row of every ruled table in the PDF, read from its grid; a wrapped cell is joined back up."""
    rows: list[tuple[str, ...]] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                rows += [tuple(" ".join((cell or "").split()) for cell in row) for row in table]
    return rows


def title_columns(path: Path, split_x: float, height: float = 150) -> tuple[str, str]:
    """The text of the title block's two columns, each read on its own (side by side they interleave)."""
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        left = page.crop((0, 0, split_x, height)).extract_text()
        right = page.crop((split_x, 0, page.width, height)).extract_text()
    return " ".join(left.split()), " ".join(right.split())
