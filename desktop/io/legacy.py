"""Conversion tables of the two 8-bit Vietnamese font encodings older government files still use.

Before Unicode, Vietnamese offices typed in fonts whose 8-bit codes stood for Vietnamese letters. A file in
one of them, read as Windows code page text, shows mojibake ("TrÇn Kim Xu©n" for Trần Kim Xuân). These
tables turn such text into Unicode; `desktop.io.encoding` decides which one a file uses.

Sources, written out here by hand from the published code charts:
- TCVN3 ("ABC" fonts, .VnTime…): the VN3 character set of the national standard TCVN 5712:1993 ("Công nghệ
  thông tin — Bộ mã chuẩn 8-bit kí tự Việt dùng trong trao đổi thông tin"). VN3 has one code per lower-case
  letter with its marks and per ă â ê ô ơ ư đ in both cases; capitals with tone marks are not in VN3: they
  were typed with the same codes in the capital fonts (.VnTimeH), so the case comes from the word around.
- VNI (VNI-Windows fonts, VNI-Times…): VNI's documented scheme, where a toned letter is the ASCII base letter
  followed by one code for its mark or pair of marks (circumflex or breve, with or without a tone), and
  ơ ư đ and the toned i and y (which the fonts draw as one glyph) have codes of their own. Each code has a
  lower-case and an upper-case form.
Code points are written as numbers: the bytes are not text in any Unicode sense.
"""

from __future__ import annotations

import unicodedata

# TCVN 5712:1993 VN3: code → letter (NFC).
TCVN3: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}

_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"

# VNI-Windows: (lower-case code, upper-case code) → the combining marks it adds to the letter before it.
VNI_MARKS: dict[tuple[int, int], str] = {
    (0xF9, 0xD9): _ACUTE, (0xF8, 0xD8): _GRAVE, (0xFB, 0xDB): _HOOK, (0xF5, 0xD5): _TILDE, (0xEF, 0xCF): _DOT,
    (0xE2, 0xC2): _CIRCUMFLEX, (0xE1, 0xC1): _CIRCUMFLEX + _ACUTE, (0xE0, 0xC0): _CIRCUMFLEX + _GRAVE,
    (0xE5, 0xC5): _CIRCUMFLEX + _HOOK, (0xE3, 0xC3): _CIRCUMFLEX + _TILDE, (0xE4, 0xC4): _CIRCUMFLEX + _DOT,
    (0xEA, 0xCA): _BREVE, (0xE9, 0xC9): _BREVE + _ACUTE, (0xE8, 0xC8): _BREVE + _GRAVE,
    (0xFA, 0xDA): _BREVE + _HOOK, (0xFC, 0xDC): _BREVE + _TILDE, (0xEB, 0xCB): _BREVE + _DOT,
}
# VNI-Windows: (lower-case code, upper-case code) → (lower-case letter, upper-case letter).
VNI_LETTERS: dict[tuple[int, int], tuple[str, str]] = {
    (0xF1, 0xD1): ("đ", "Đ"), (0xF4, 0xD4): ("ơ", "Ơ"), (0xF6, 0xD6): ("ư", "Ư"),
    (0xEC, 0xCC): ("ì", "Ì"), (0xED, 0xCD): ("í", "Í"), (0xE6, 0xC6): ("ỉ", "Ỉ"), (0xF3, 0xD3): ("ĩ", "Ĩ"),
    (0xF2, 0xD2): ("ị", "Ị"), (0xEE, 0xCE): ("ỵ", "Ỵ"),
}

_VNI_TABLE: dict[int, str] = {}
for (_lower, _upper), _marks in VNI_MARKS.items():
    _VNI_TABLE[_lower] = _VNI_TABLE[_upper] = _marks
for (_lower, _upper), (_small, _capital) in VNI_LETTERS.items():
    _VNI_TABLE[_lower], _VNI_TABLE[_upper] = _small, _capital


def from_tcvn3(text: str) -> str:
    """TCVN3 text (its 8-bit codes as the code points U+0000–U+00FF) → Unicode NFC. A toned letter inside a word
    written in capitals is a capital: the capital fonts used the lower-case codes."""
    words = []
    for word in text.split(" "):
        converted = word.translate(TCVN3)
        if converted != word and _written_in_capitals(word):
            converted = converted.upper()
        words.append(converted)
    return unicodedata.normalize("NFC", " ".join(words))


def from_vni(text: str) -> str:
    """VNI text (its 8-bit codes as the code points U+0000–U+00FF) → Unicode NFC: the mark codes become
    combining marks, which NFC composes with the letter before them."""
    return unicodedata.normalize("NFC", text.translate(_VNI_TABLE))


def _written_in_capitals(word: str) -> bool:
    letters = [c for c in word if c.isascii() and c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
