"""Driver's licence numbers: Macie's DRIVERS_LICENSE (US) and <COUNTRY>_DRIVERS_LICENSE.

Every one needs a keyword. Positives use country-specific phrases; the English phrases are
shared by the US, Canada, Australia, the UK and India, so formats those countries share are
listed in `also`. Where a format has no check, `invalid` is the all-zero placeholder (reported
only as an example value).
"""
from __future__ import annotations

import random

from . import Spec, digits, letters, luhn_valid

UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ALNUM = UPPER + "0123456789"


def nonzero_digits(rng: random.Random, n: int) -> str:
    """n random digits, not all zero."""
    while True:
        d = digits(rng, n)
        if d.strip("0"):
            return d


def zeros(template: str) -> str:
    """template with every digit replaced by 0."""
    return "".join("0" if c.isdigit() else c for c in template)


# --- US, Canada, Australia -------------------------------------------------------------------

US_KEYWORDS = ["driver's license", "drivers license number", "driver license no", "DL#",
               "driver's licence", "driving permit", "dlno#", "Drivers Lic."]


def us_value(rng: random.Random) -> str:
    form = rng.randrange(6)
    if form == 0:
        return rng.choice(UPPER) + nonzero_digits(rng, rng.randint(7, 12))
    if form == 1:
        return nonzero_digits(rng, rng.randint(7, 9))
    if form == 2:
        return letters(rng, 2) + nonzero_digits(rng, 6)
    if form == 3:  # Florida
        d = nonzero_digits(rng, 12)
        return f"{rng.choice(UPPER)}{d[:3]}-{d[3:6]}-{d[6:8]}-{d[8:11]}-{d[11]}"
    if form == 4:  # Illinois
        d = nonzero_digits(rng, 11)
        return f"{rng.choice(UPPER)}{d[:3]}-{d[3:7]}-{d[7:]}"
    d = nonzero_digits(rng, 9)  # New York
    return f"{d[:3]} {d[3:6]} {d[6:]}"


def canada_value(rng: random.Random) -> str:
    form = rng.randrange(6)
    letter = rng.choice(UPPER)
    if form == 0:  # Ontario
        d = nonzero_digits(rng, 14)
        sep = rng.choice(["-", ""])
        return f"{letter}{d[:4]}{sep}{d[4:9]}{sep}{d[9:]}"
    if form == 1:  # Quebec
        d = nonzero_digits(rng, 12)
        sep = rng.choice(["-", ""])
        return f"{letter}{d[:4]}{sep}{d[4:10]}{sep}{d[10:]}"
    if form == 2:  # Newfoundland and Labrador
        return letter + nonzero_digits(rng, 9)
    if form == 3:  # Nova Scotia
        return letters(rng, 5) + rng.choice(["-", ""]) + nonzero_digits(rng, 9)
    if form == 4:  # Alberta
        d = nonzero_digits(rng, 9)
        return f"{d[:6]}-{d[6:]}"
    return nonzero_digits(rng, rng.randint(7, 9))


def australia_value(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return nonzero_digits(rng, rng.randint(6, 10))
    return letters(rng, rng.randint(1, 2)) + nonzero_digits(rng, rng.randint(4, 8))


# --- India -----------------------------------------------------------------------------------

INDIA_STATES = ["AN", "AP", "AR", "AS", "BR", "CG", "CH", "DD", "DL", "DN", "GA", "GJ", "HP",
                "HR", "JH", "JK", "KA", "KL", "LA", "LD", "MH", "ML", "MN", "MP", "MZ", "NL",
                "OD", "OR", "PB", "PY", "RJ", "SK", "TN", "TR", "TS", "UK", "UP", "WB"]


def india_value(rng: random.Random, state: str | None = None, form: int | None = None) -> str:
    state = state or rng.choice(INDIA_STATES)
    rto = f"{rng.randint(1, 99):02d}"
    year = str(rng.randint(1960, 2024))
    serial = nonzero_digits(rng, 7)
    form = rng.randrange(3) if form is None else form
    if form == 0:
        return f"{state}{rto} {year}{serial}"
    if form == 1:
        return f"{state}-{rto}{year}{serial}"
    return f"{state}{rto}{year}{serial}"


# --- UK --------------------------------------------------------------------------------------

def uk_value(rng: random.Random, month_override: str | None = None) -> str:
    n = rng.randint(2, 5)
    surname = letters(rng, n) + "9" * (5 - n)
    year = rng.randint(0, 99)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    mm = f"{month + (50 if rng.random() < 0.5 else 0):02d}"
    if month_override is not None:
        mm = month_override
    initials = rng.choice(UPPER) + rng.choice(UPPER + "9")
    birth = f"{year // 10}{mm}{day:02d}{year % 10}"
    tail = initials + rng.choice("0123456789") + letters(rng, 2)
    if rng.random() < 0.2:
        return f"{surname} {birth} {tail}"
    return surname + birth + tail


# --- Finland and Sweden ----------------------------------------------------------------------

HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def hetu_valid(code: str) -> bool:
    """Whether code is a Finnish identity code with a real date and the right check character."""
    import datetime
    if len(code) != 11 or not (code[:6] + code[7:10]).isdigit():
        return False
    century = {"+": 1800, "-": 1900, "A": 2000}.get(code[6])
    if century is None:
        century = 1900 if code[6] in "UVWXY" else 2000 if code[6] in "BCDEF" else None
    if century is None or int(code[7:10]) < 2:
        return False
    try:
        datetime.date(century + int(code[4:6]), int(code[2:4]), int(code[:2]))
    except ValueError:
        return False
    return HETU_CHECK[int(code[:6] + code[7:10]) % 31] == code[10]


def personnummer_valid(code: str) -> bool:
    """Whether code is YYMMDD-NNNN (or +) with a possible date and a Luhn check digit."""
    import datetime
    if len(code) != 11 or code[6] not in "-+" or not (code[:6] + code[7:]).isdigit():
        return False
    day = int(code[4:6])
    day = day - 60 if day > 60 else day
    try:
        datetime.date(2000, int(code[2:4]), day)
    except ValueError:
        return False
    return code[7:10] != "000" and luhn_valid(code[:6] + code[7:])


def hetu(rng: random.Random, broken: bool = False) -> str:
    # A broken code must not be a valid Swedish personnummer either (the keywords overlap).
    while True:
        code = _hetu(rng, broken)
        if not broken or not personnummer_valid(code):
            return code


def _hetu(rng: random.Random, broken: bool) -> str:
    year = rng.randint(1900, 2024)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    sign = rng.choice("-YXWVU") if year < 2000 else rng.choice("ABCDEF")
    individual = rng.randint(2, 899)
    number = int(f"{day:02d}{month:02d}{year % 100:02d}{individual:03d}")
    check = HETU_CHECK[number % 31]
    if broken:
        check = HETU_CHECK[(number + 1) % 31]
    return f"{day:02d}{month:02d}{year % 100:02d}{sign}{individual:03d}{check}"


def personnummer(rng: random.Random, broken: bool = False) -> str:
    # A broken number must not be a valid Finnish identity code either (the keywords overlap).
    while True:
        code = _personnummer(rng, broken)
        if not broken or not hetu_valid(code):
            return code


def _personnummer(rng: random.Random, broken: bool) -> str:
    while True:
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        body = f"{rng.randint(0, 99):02d}{month:02d}{day:02d}{rng.randint(1, 999):03d}"
        for check in "0123456789":
            if luhn_valid(body + check) != broken:
                return f"{body[:6]}-{body[6:]}{check}"


# --- Spain -----------------------------------------------------------------------------------

DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def spain_value(rng: random.Random, broken: bool = False) -> str:
    if rng.random() < 0.7:
        body = nonzero_digits(rng, 8)
        number = int(body)
    else:
        prefix = rng.choice("XYZ")
        rest = digits(rng, 7)
        body = prefix + rest
        number = int(str("XYZ".index(prefix)) + rest)
    letter = DNI_LETTERS[number % 23]
    if broken:
        letter = DNI_LETTERS[(number + 1) % 23]
    if body == "99999999":  # the DNI specimen is an example value
        return spain_value(rng, broken)
    return body + rng.choice(["", "", "-", " "]) + letter


# --- Makers for the simpler European formats -------------------------------------------------

def digits_maker(n: int):
    return lambda rng: nonzero_digits(rng, n)


def zeros_maker(n: int):
    return lambda rng: "0" * n


def france_value(rng: random.Random, month: int | None = None) -> str:
    month = month if month is not None else rng.randint(1, 12)
    return f"{rng.randint(0, 99):02d}{month:02d}{rng.randint(1, 95):02d}{nonzero_digits(rng, 6)}"


def germany_value(rng: random.Random) -> str:
    return (rng.choice(ALNUM) + digits(rng, 2) + "".join(rng.choice(ALNUM) for _ in range(6))
            + rng.choice("123456789") + rng.choice(ALNUM))


def malta_value(rng: random.Random) -> str:
    d = nonzero_digits(rng, 6)
    head = rng.choice([letters(rng, 2), digits(rng, 2)])
    sep = rng.choice(["", " "])
    return f"{head}{sep}{d[:3]}{sep}{d[3:]}"


def poland_value(rng: random.Random) -> str:
    last = digits(rng, rng.choice([4, 7]))
    return f"{nonzero_digits(rng, 5)}/{rng.randint(0, 99):02d}/{last}"


def portugal_value(rng: random.Random) -> str:
    return (letters(rng, rng.randint(1, 2)) + "-" + nonzero_digits(rng, rng.randint(5, 8)) + " "
            + rng.choice("0123456789"))


ENGLISH = ["US", "CANADA", "AUSTRALIA"]


def _others(mine: str) -> list[str]:
    return [("DRIVERS_LICENSE" if c == "US" else f"{c}_DRIVERS_LICENSE") for c in ENGLISH if c != mine]


SPECS: list[Spec] = [
    Spec("DRIVERS_LICENSE", us_value, US_KEYWORDS, keyword_required=True,
         invalid=lambda rng: zeros(us_value(rng)), also=_others("US")),
    Spec("CANADA_DRIVERS_LICENSE", canada_value,
         ["driver's licence", "drivers licence number", "permis de conduire", "driver license",
          "DL:"],
         keyword_required=True, invalid=lambda rng: zeros(canada_value(rng)), also=_others("CANADA")),
    Spec("AUSTRALIA_DRIVERS_LICENSE", australia_value,
         ["driver licence", "drivers licence no", "driving licence", "driver's licence number"],
         keyword_required=True, invalid=lambda rng: zeros(australia_value(rng)),
         also=_others("AUSTRALIA")),
    Spec("INDIA_DRIVERS_LICENSE", india_value,
         ["driving licence", "driving licence no", "driver's license", "DL No"],
         keyword_required=True, invalid=lambda rng: india_value(rng, state="AA", form=2)),
    Spec("UK_DRIVERS_LICENSE", uk_value,
         ["UK driving licence number", "driving licence", "driver's licence", "DVLA driving licence"],
         keyword_required=True, invalid=lambda rng: uk_value(rng, month_override="13")),
    Spec("AUSTRIA_DRIVERS_LICENSE", digits_maker(8),
         ["führerschein republik österreich", "Führerschein", "fuhrerschein"],
         keyword_required=True, invalid=zeros_maker(8)),
    Spec("BELGIUM_DRIVERS_LICENSE", digits_maker(10),
         ["rijbewijsnummer", "numéro permis conduire", "Führerscheinnummer", "fuehrerschein"],
         keyword_required=True, invalid=zeros_maker(10), also=["NETHERLANDS_DRIVERS_LICENSE"]),
    Spec("BULGARIA_DRIVERS_LICENSE", digits_maker(9),
         ["свидетелство за управление на мпс", "шофьорска книжка", "сумпс"],
         keyword_required=True, invalid=zeros_maker(9)),
    Spec("CROATIA_DRIVERS_LICENSE", digits_maker(8), ["vozačka dozvola", "broj vozačke dozvole"],
         keyword_required=True, invalid=zeros_maker(8)),
    Spec("CYPRUS_DRIVERS_LICENSE", digits_maker(12), ["άδεια οδήγησης", "αριθμός άδεια οδήγησης"],
         keyword_required=True, invalid=zeros_maker(12)),
    Spec("CZECHIA_DRIVERS_LICENSE",
         lambda rng: "E" + rng.choice(UPPER) + rng.choice(["", " "]) + nonzero_digits(rng, 6),
         ["řidičský průkaz", "číslo řidičského průkazu", "řidičák"],
         keyword_required=True, invalid=lambda rng: "E" + rng.choice(UPPER) + "000000"),
    Spec("DENMARK_DRIVERS_LICENSE", digits_maker(8), ["kørekort", "kørekortnummer"],
         keyword_required=True, invalid=zeros_maker(8)),
    Spec("ESTONIA_DRIVERS_LICENSE", lambda rng: "ET" + nonzero_digits(rng, 6),
         ["juhiluba", "juhiloa number", "juhiluba number"],
         keyword_required=True, invalid=lambda rng: "ET000000"),
    Spec("FINLAND_DRIVERS_LICENSE", hetu, ["ajokortti", "ajokortin numero", "kuljettaja lic."],
         keyword_required=True, invalid=lambda rng: hetu(rng, broken=True),
         also=["SWEDEN_DRIVERS_LICENSE"]),
    Spec("FRANCE_DRIVERS_LICENSE", france_value,
         ["permis de conduire", "numéro de permis de conduire", "numéro de permis"],
         keyword_required=True, invalid=lambda rng: france_value(rng, month=13)),
    Spec("GERMANY_DRIVERS_LICENSE", germany_value,
         ["führerscheinnummer", "Führerschein", "fuehrerschein-nr"],
         keyword_required=True, invalid=lambda rng: "00000000000"),
    Spec("GREECE_DRIVERS_LICENSE", digits_maker(9), ["άδεια οδήγησης", "adeia odigisis"],
         keyword_required=True, invalid=zeros_maker(9)),
    Spec("HUNGARY_DRIVERS_LICENSE", lambda rng: letters(rng, 2) + nonzero_digits(rng, 6),
         ["vezetői engedély", "jogosítvány", "jogsi"],
         keyword_required=True, invalid=lambda rng: letters(rng, 2) + "000000"),
    Spec("IRELAND_DRIVERS_LICENSE", lambda rng: nonzero_digits(rng, 6) + letters(rng, 4),
         ["ceadúnas tiomána"],
         keyword_required=True, invalid=lambda rng: "000000" + letters(rng, 4)),
    Spec("ITALY_DRIVERS_LICENSE",
         lambda rng: rng.choice(UPPER) + rng.choice(ALNUM) + nonzero_digits(rng, 7) + rng.choice(UPPER),
         ["patente di guida", "numero patente", "patente guida"],
         keyword_required=True, invalid=lambda rng: "UA0000000" + rng.choice(UPPER)),
    Spec("LATVIA_DRIVERS_LICENSE", lambda rng: letters(rng, 3) + nonzero_digits(rng, 6),
         ["vadītāja apliecība", "autovadītāja apliecība", "vadītāja apliecības numurs"],
         keyword_required=True, invalid=lambda rng: letters(rng, 3) + "000000"),
    Spec("LITHUANIA_DRIVERS_LICENSE", digits_maker(8),
         ["vairuotojo pažymėjimas", "vairuotojo pažymėjimo numeris"],
         keyword_required=True, invalid=zeros_maker(8)),
    Spec("LUXEMBOURG_DRIVERS_LICENSE", digits_maker(6), ["fahrerlaubnis", "führerschäin"],
         keyword_required=True, invalid=zeros_maker(6)),
    Spec("MALTA_DRIVERS_LICENSE", malta_value, ["liċenzja tas-sewqan", "licenzja tas-sewqan"],
         keyword_required=True, invalid=lambda rng: zeros(malta_value(rng))),
    Spec("NETHERLANDS_DRIVERS_LICENSE", digits_maker(10), ["rijbewijs", "rijbewijsnummer"],
         keyword_required=True, invalid=zeros_maker(10), also=["BELGIUM_DRIVERS_LICENSE"]),
    Spec("POLAND_DRIVERS_LICENSE", poland_value, ["prawo jazdy", "numer prawa jazdy"],
         keyword_required=True, invalid=lambda rng: "00000/00/0000"),
    Spec("PORTUGAL_DRIVERS_LICENSE", portugal_value,
         ["carta de condução", "número da carta de condução", "licença de condução"],
         keyword_required=True, invalid=lambda rng: zeros(portugal_value(rng))),
    Spec("ROMANIA_DRIVERS_LICENSE",
         lambda rng: rng.choice(ALNUM) + nonzero_digits(rng, 8),
         ["permis de conducere", "numărul permisului de conducere"],
         keyword_required=True, invalid=lambda rng: rng.choice(UPPER) + "00000000"),
    Spec("SLOVAKIA_DRIVERS_LICENSE",
         lambda rng: rng.choice(ALNUM) + nonzero_digits(rng, 7),
         ["vodičský preukaz", "číslo vodičského preukazu"],
         keyword_required=True, invalid=lambda rng: rng.choice(UPPER) + "0000000"),
    Spec("SLOVENIA_DRIVERS_LICENSE", digits_maker(9), ["vozniško dovoljenje"],
         keyword_required=True, invalid=zeros_maker(9)),
    Spec("SPAIN_DRIVERS_LICENSE", spain_value,
         ["permiso de conducción", "número de permiso de conducir", "carnet de conducir"],
         keyword_required=True, invalid=lambda rng: spain_value(rng, broken=True),
         also=["SPAIN_DNI_NUMBER", "SPAIN_NIE_NUMBER", "SPAIN_NIF_NUMBER"]),
    Spec("SWEDEN_DRIVERS_LICENSE", personnummer, ["körkortsnummer", "körkort", "drivere lic."],
         keyword_required=True, invalid=lambda rng: personnummer(rng, broken=True),
         also=["FINLAND_DRIVERS_LICENSE"]),
]
