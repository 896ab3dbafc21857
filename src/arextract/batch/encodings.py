"""Bytes to text: UTF-8, BOM-marked Unicode, and the legacy encodings of Arabic news.

UTF-8 (with or without BOM) and BOM-marked UTF-16/UTF-32 are read strictly; anything else is
sniffed among the Arabic legacy encodings (:func:`decode_bytes`), and a decoding is kept only
when it looks like text (:func:`plausible_text`). ``.txt``, ``.jsonl`` and ``.csv`` inputs all go
through the same detection (:func:`sniff_encoding` decides a streamed file's codec).
"""

from __future__ import annotations

import codecs
import unicodedata

from arextract.errors import ArextractError

__all__ = ["LEGACY_ENCODINGS", "DecodeError", "decode_bytes", "plausible_text", "sniff_encoding"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings tried (after UTF-8 and BOM-marked Unicode) for Arabic news.
LEGACY_ENCODINGS = ("cp1256", "iso8859_6", "utf_16_le", "utf_16_be")
_CORE_ARABIC = (0x0621, 0x064A)  # hamza .. yeh: the letters of Arabic proper


class DecodeError(ArextractError):
    """An input's bytes are not text in an encoding arextract can recognise."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` for a file's bytes, or :class:`DecodeError` with the reason.

    UTF-8 (with or without BOM) and BOM-marked UTF-16/UTF-32 are decoded strictly. Anything else
    goes to charset-normalizer restricted to :data:`LEGACY_ENCODINGS`, then to Windows-1256, and
    is kept only when the result is plausible text (:func:`plausible_text`).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError as error:
                raise DecodeError(
                    f"invalid {encoding.replace('-sig', '')} after its byte-order mark: "
                    f"{error.reason} at byte {error.start}"
                ) from error
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = f"{error.reason} at byte {error.start}"
    candidates: list[tuple[str, str]] = []
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:1_000_000], cp_isolation=list(LEGACY_ENCODINGS)).best()
        if best is not None:
            candidates.append((best.encoding, best.encoding))
    except ImportError:  # pragma: no cover - charset-normalizer ships with requests/camel-tools
        pass
    candidates.append(("cp1256", "cp1256"))
    for codec, name in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if plausible_text(text):
            return text, name
    raise DecodeError(
        f"not UTF-8 ({utf8_error}), no byte-order mark, and no Arabic legacy encoding "
        f"({', '.join(LEGACY_ENCODINGS)}) gives plausible text"
    )


def plausible_text(text: str) -> bool:
    """Whether a legacy decoding looks like news text rather than mojibake.

    At most 1% control, private-use or unassigned characters; at least 75% letters, marks,
    digits or spaces (and some space in 40 characters or more); at least half of the letters
    ASCII, Latin-1 or core Arabic (U+0621-U+064A). Random bytes read as Windows-1256 give
    symbols and Persian and Urdu letters; read as UTF-16, CJK.
    """
    if not text:
        return True
    bad = letters = good_letters = wordy = spaces = 0
    for char in text:
        category = unicodedata.category(char)
        if category in ("Co", "Cn", "Cs") or (category == "Cc" and char not in "\t\n\r\f\v"):
            bad += 1
        elif category[0] == "L":
            letters += 1
            code = ord(char)
            if code < 0x250 or _CORE_ARABIC[0] <= code <= _CORE_ARABIC[1]:
                good_letters += 1
        elif category[0] in "MN":
            wordy += 1
        elif char.isspace():
            spaces += 1
    size = len(text)
    return (
        bad <= size * 0.01
        and letters + wordy + spaces >= size * 0.75
        and (spaces > 0 or size < 40)
        and good_letters >= letters * 0.5
    )


def sniff_encoding(sample: bytes) -> str:
    """The codec to stream a ``.jsonl``/``.csv`` file with, decided on its first bytes.

    A BOM decides; else UTF-8 when the sample is UTF-8 (a character cut at the sample's end is
    allowed); else the legacy encoding :func:`decode_bytes` finds for the sample (Windows-1256
    or ISO-8859-6 CSV exported from old Arabic Excel). :class:`DecodeError` when none fits.
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    _, name = decode_bytes(sample)
    return name
