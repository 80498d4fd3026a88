"""What one identifier contributes to the labeled accuracy corpus.

Each module in this package (financial.py, national_ids.py, ...) defines `SPECS`, a list of
`Spec`. `generate.py` (one level up) writes every spec's values into text, CSV, JSON and JSON
Lines files with labels, and the accuracy test scores piiscan against those labels.

Values are synthetic: generated from a seeded `random.Random` (never the global one), or an
issuer's or agency's published specimen. A value must be exactly the text piiscan is expected
to report (the finding's value), so the scorer can compare them byte for byte.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Callable, Optional

Maker = Callable[[random.Random], str]


@dataclass
class Spec:
    # The identifier ID piiscan reports (Macie's where Macie has one).
    id: str
    # One valid synthetic value, exactly as written and as piiscan should report it. Vary the
    # written forms the identifier accepts (separators, case where allowed, lengths).
    valid: Maker
    # Phrases that make the value eligible, as a person would write them before a value or as a
    # column/field name ("credit card number", "ssn", "numéro de sécurité sociale"). The generator
    # picks one per positive: in text "<phrase>: <value>" (within 30 bytes), in CSV either the
    # column name or "<phrase> <value>" inside a cell, in JSON a field name (snake_case of the
    # phrase) or a parent object name. Leave empty for identifiers that need no keyword.
    keywords: list[str] = field(default_factory=list)
    # True when piiscan must report the value only near a keyword. The generator then also
    # writes valid values with no keyword nearby, as negatives that `id` must not report.
    keyword_required: bool = False
    # A look-alike that no identifier may report even next to a keyword: a wrong check digit, an
    # impossible date or region, the wrong length, a documented example value. None if the
    # identifier has no check a look-alike could fail.
    invalid: Optional[Maker] = None
    # Other identifier IDs that may also (correctly) report the same value, for formats two
    # identifiers share (a 9-digit passport number is USA_ and UK_PASSPORT_NUMBER alike). A finding
    # of one of these on the value counts neither for nor against either identifier.
    also: list[str] = field(default_factory=list)
    # When keyword_required is False: whether positives should still sometimes carry a keyword
    # (harmless for identifiers that need none). Leave True unless a keyword changes the type
    # reported (CREDIT_CARD_NUMBER_(NO_KEYWORD) must have none).
    keyword_allowed: bool = True
    # Names one written form of `id` when the identifier reports forms that need different
    # rules here (a domestic BBAN needs a keyword, the IBAN of the same ID does not; a phone
    # number in international form needs none, the national form does). Several specs may share
    # an ID when their variants differ; each is generated and labeled on its own and scored
    # under `id`. Leave empty for an identifier's main (or only) spec: the generator's seed then
    # stays what it was before variants existed.
    variant: str = ""


def digits(rng: random.Random, n: int) -> str:
    """n random decimal digits."""
    return "".join(rng.choice("0123456789") for _ in range(n))


def letters(rng: random.Random, n: int, alphabet: str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ") -> str:
    """n random characters of alphabet."""
    return "".join(rng.choice(alphabet) for _ in range(n))


def luhn_check_digit(payload: str) -> str:
    """The Luhn check digit to append to the decimal string payload."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    """Whether the decimal string number passes Luhn."""
    return luhn_check_digit(number[:-1]) == number[-1]
