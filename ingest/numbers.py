"""The one number parser of the code base: stated figures as exact Decimals with their unit.

"1,234.56万元", "97.3%", "1.2亿元", "十二家", "三个" all read the same way everywhere (answers, facts,
audit, evals). Arabic numbers keep their stated precision (Decimal, never float), so "92.50%" is
known to be stated to two decimals; Chinese numerals go through cn2an.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import cn2an

# Money units scale to 元; other units stand alone.
MONEY_SCALE = {
    "万亿元": Decimal("1e12"),
    "亿元": Decimal("1e8"),
    "万元": Decimal("1e4"),
    "千元": Decimal("1e3"),
    "元": Decimal(1),
}
_ARABIC = re.compile(r"^[+-]?\d[\d,]*(?:\.\d+)?")
_CHINESE_NUMERAL = re.compile(r"^[零〇一二两三四五六七八九十百千万亿]+")


@dataclass(frozen=True)
class Quantity:
    """A stated number: its exact value, its unit, the decimals it was stated to, and its text."""

    value: Decimal
    unit: str
    decimals: int
    text: str

    @property
    def in_yuan(self) -> Decimal | None:
        """Money in 元 (None for other units), so 1.2亿元 and 12,000.00万元 compare equal."""
        scale = MONEY_SCALE.get(self.unit)
        return self.value * scale if scale is not None else None

    def comparable(self) -> tuple[str, Decimal]:
        """(unit family, value) with money brought to 元: quantities agree when these are equal."""
        yuan = self.in_yuan
        return ("元", yuan) if yuan is not None else (self.unit, self.value)


def parse_number(text: str) -> Decimal | None:
    """The value of an Arabic or Chinese number at the start of `text` ("1,234.5", "十二"), else None."""
    text = text.strip()
    arabic = _ARABIC.match(text)
    if arabic:
        try:
            return Decimal(arabic.group(0).replace(",", ""))
        except InvalidOperation:
            return None
    chinese = _CHINESE_NUMERAL.match(text)
    if chinese:
        try:
            return Decimal(str(cn2an.cn2an(chinese.group(0), "smart")))
        except (ValueError, KeyError):
            return None
    return None


def parse_quantity(text: str) -> Quantity | None:
    """A figure as written ("9,896.45万元", "99.5%", "三家") read into a Quantity; None if no number leads."""
    compact_text = re.sub(r"\s+", "", text)
    arabic = _ARABIC.match(compact_text)
    match = arabic or _CHINESE_NUMERAL.match(compact_text)
    if not match:
        return None
    value = parse_number(match.group(0))
    if value is None:
        return None
    number = match.group(0)
    decimals = len(number.split(".")[1]) if arabic and "." in number else 0
    return Quantity(value, compact_text[match.end() :], decimals, compact_text)


def format_number(value: Decimal, decimals: int) -> str:
    """Round half-up to `decimals` and write with thousands separators, as reports do: 18,630.00."""
    quantized = value.quantize(Decimal(1).scaleb(-decimals)) if decimals else value.quantize(Decimal(1))
    return f"{quantized:,.{decimals}f}"


def within_last_digit(stated: Quantity, exact: Decimal) -> bool:
    """True when `exact` rounds or truncates to the stated value (difference under one last-digit unit)."""
    unit = Decimal(1).scaleb(-stated.decimals)
    return abs(stated.value - exact) < unit
