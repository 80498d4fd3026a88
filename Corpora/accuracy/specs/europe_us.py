"""European national and tax identifiers, passports, and the US, UK and Canadian personal numbers.

Check characters are implemented here independently of the Swift validators, from the issuers'
rules: INSEE's NIR key, the French numéro fiscal's mod 511, ICAO 9303, ISO 7064 MOD 11,10,
the codice fiscale tables, Spain's mod 23 letters, CIF control and social security mod 97,
HMRC's UTR check digit, Luhn, and the North American VIN check digit.
"""
from __future__ import annotations

import random

from . import Spec, digits, letters, luhn_check_digit

UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _pick(rng: random.Random, *forms):
    return rng.choice(forms)


# ---------------------------------------------------------------------------------------------
# United States, United Kingdom, Canada (existing identifiers)
# ---------------------------------------------------------------------------------------------

def _ssn_parts(rng: random.Random) -> tuple[str, str, str]:
    while True:
        area = rng.randint(1, 899)
        if area == 666:
            continue
        group, serial = rng.randint(1, 99), rng.randint(1, 9999)
        parts = (f"{area:03d}", f"{group:02d}", f"{serial:04d}")
        if "".join(parts) not in ("078051120", "219099999"):
            return parts


def ssn_valid(rng: random.Random) -> str:
    sep = rng.choice("- ")
    return sep.join(_ssn_parts(rng))


def ssn_invalid(rng: random.Random) -> str:
    area, group, serial = _ssn_parts(rng)
    broken = rng.choice(("area", "group", "serial"))
    if broken == "area":
        area = rng.choice(("000", "666"))
    elif broken == "group":
        group = "00"
    else:
        serial = "0000"
    return "-".join((area, group, serial))


ITIN_GROUPS = list(range(50, 66)) + list(range(70, 89)) + list(range(90, 93)) + list(range(94, 100))


def itin_valid(rng: random.Random) -> str:
    sep = rng.choice("- ")
    return sep.join((f"9{digits(rng, 2)}", f"{rng.choice(ITIN_GROUPS):02d}", f"{rng.randint(1, 9999):04d}"))


def itin_invalid(rng: random.Random) -> str:
    group = rng.choice((66, 67, 68, 69, 89, 93))
    return f"9{digits(rng, 2)}-{group:02d}-{rng.randint(1, 9999):04d}"


NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NINO_UNALLOCATED = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def nino_valid(rng: random.Random) -> str:
    while True:
        prefix = rng.choice(NINO_FIRST) + rng.choice(NINO_SECOND)
        if prefix not in NINO_UNALLOCATED:
            break
    d = digits(rng, 6)
    suffix = rng.choice("ABCD")
    return _pick(rng, f"{prefix}{d}{suffix}", f"{prefix} {d[:2]} {d[2:4]} {d[4:]} {suffix}",
                 f"{prefix} {d} {suffix}")


def nino_invalid(rng: random.Random) -> str:
    d = digits(rng, 6)
    # Suffixes outside the German identity card alphabet, so the look-alike is no German card number
    # either (next to "national insurance number", which carries "insurance number").
    if rng.random() < 0.5:
        return f"{rng.choice(sorted(NINO_UNALLOCATED))}{d}{rng.choice('ABD')}"
    return f"{rng.choice(NINO_FIRST)}{rng.choice(NINO_SECOND)}{d}{rng.choice('EQSU')}"


def sin_valid(rng: random.Random) -> str:
    body = rng.choice("1234567" "9") + digits(rng, 7)
    number = body + luhn_check_digit(body)
    return _pick(rng, f"{number[:3]}-{number[3:6]}-{number[6:]}", f"{number[:3]} {number[3:6]} {number[6:]}",
                 number)


def sin_invalid(rng: random.Random) -> str:
    body = rng.choice("1234567" "9") + digits(rng, 7)
    wrong = str((int(luhn_check_digit(body)) + rng.randint(1, 9)) % 10)
    return f"{body[:3]}-{body[3:6]}-{body[6:]}{wrong}"


VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
VIN_LETTER_VALUES = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ",
                             [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9]))
VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
VIN_MODEL_YEARS = "123456789ABCDEFGHJKLMNPRSTVWXY"


def vin_check(vin: str) -> str:
    total = sum((int(c) if c.isdigit() else VIN_LETTER_VALUES[c]) * w for c, w in zip(vin, VIN_WEIGHTS))
    r = total % 11
    return "X" if r == 10 else str(r)


def vin_valid(rng: random.Random) -> str:
    while True:
        chars = [rng.choice(VIN_CHARS) for _ in range(13)] + [rng.choice("0123456789") for _ in range(4)]
        chars[9] = rng.choice(VIN_MODEL_YEARS)
        chars[8] = "0"
        chars[8] = vin_check("".join(chars))
        vin = "".join(chars)
        if any(c.isalpha() for c in vin):
            return vin


def vin_invalid(rng: random.Random) -> str:
    vin = list(vin_valid(rng))
    vin[rng.randint(0, 7)] = rng.choice("IOQ")
    return "".join(vin)


# ---------------------------------------------------------------------------------------------
# France
# ---------------------------------------------------------------------------------------------

def nir_key(first13: str) -> int:
    number = first13.replace("2A", "19", 1) if first13[5:7] == "2A" else first13
    number = number.replace("2B", "18", 1) if first13[5:7] == "2B" else number
    return 97 - int(number) % 97


def _nir_body(rng: random.Random) -> str:
    sex = rng.choice("12")
    year = digits(rng, 2)
    month = f"{rng.randint(1, 12):02d}"
    department = rng.choice([f"{d:02d}" for d in range(1, 96) if d != 20] + ["2A", "2B"])
    commune = f"{rng.randint(1, 990):03d}"
    order = f"{rng.randint(1, 999):03d}"
    return sex + year + month + department + commune + order


def _nir_format(body: str, key: str, rng: random.Random) -> str:
    form = rng.randint(0, 2)
    if form == 0:
        return body + key
    if form == 1:
        return " ".join((body[0], body[1:3], body[3:5], body[5:7], body[7:10], body[10:13], key))
    return f"{body} {key}"


def nir_valid(rng: random.Random) -> str:
    body = _nir_body(rng)
    return _nir_format(body, f"{nir_key(body):02d}", rng)


def nir_invalid(rng: random.Random) -> str:
    body = _nir_body(rng)
    wrong = (nir_key(body) + rng.randint(1, 90)) % 97 + 1
    if wrong == nir_key(body):
        wrong = wrong % 97 + 1
    return _nir_format(body, f"{wrong:02d}", rng)


def fr_tax_body(rng: random.Random) -> str:
    return rng.choice("0123") + digits(rng, 9)


def _fr_tax_format(number: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return number
    return " ".join((number[:2], number[2:4], number[4:7], number[7:10], number[10:]))


def fr_tax_valid(rng: random.Random) -> str:
    body = fr_tax_body(rng)
    return _fr_tax_format(body + f"{int(body) % 511:03d}", rng)


def fr_tax_invalid(rng: random.Random) -> str:
    body = fr_tax_body(rng)
    wrong = (int(body) % 511 + rng.randint(1, 400)) % 511
    return _fr_tax_format(body + f"{wrong:03d}", rng)


# ---------------------------------------------------------------------------------------------
# Germany
# ---------------------------------------------------------------------------------------------

DE_ALPHABET = "CFGHJKLMNPRTVWXYZ0123456789"


def icao_check(field: str) -> str:
    total = 0
    for i, c in enumerate(field):
        value = int(c) if c.isdigit() else (0 if c == "<" else ord(c) - ord("A") + 10)
        total += value * (7, 3, 1)[i % 3]
    return str(total % 10)


def dni_letter(number: int) -> str:
    return "TRWAGMYFPDXBNJZSQVHLCKE"[number % 23]


def cif_control(seven: str) -> int:
    total = 0
    for i, c in enumerate(seven):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            d = d // 10 + d % 10
        total += d
    return (10 - total % 10) % 10


def is_spanish_nine(value: str) -> bool:
    """Whether nine characters are a valid NIE, K/L/M NIF or CIF (those are not German IDs)."""
    if not value[1:8].isdigit():
        return False
    if value[0] in "XYZ":
        return dni_letter(int(str("XYZ".index(value[0])) + value[1:8])) == value[8]
    if value[0] in "KLM" and dni_letter(int(value[1:8])) == value[8]:
        return True
    if value[0] in "ABCDEFGHJNPQRSUVW":
        control = cif_control(value[1:8])
        return value[8] in (str(control), "JABCDEFGHI"[control])
    return False


def _de_serial(rng: random.Random, first: str) -> str:
    while True:
        rest = "".join(rng.choice(DE_ALPHABET) for _ in range(8))
        value = first + rest
        if any(c.isdigit() for c in rest) and any(c.isalpha() for c in rest) and not is_spanish_nine(value):
            return value


def de_id_valid(rng: random.Random) -> str:
    serial = _de_serial(rng, rng.choice("LMNPRTVWXY"))
    return serial + icao_check(serial) if rng.random() < 0.3 else serial


def de_id_invalid(rng: random.Random) -> str:
    serial = _de_serial(rng, rng.choice("LMNPRTVWXY"))
    return serial + str((int(icao_check(serial)) + rng.randint(1, 9)) % 10)


def mod11_10_check(payload: str) -> str:
    product = 10
    for c in payload:
        s = (int(c) + product) % 10 or 10
        product = (s * 2) % 11
    return str((11 - product) % 10)


def _de_tax_body(rng: random.Random) -> str:
    while True:
        repeated = rng.choice("0123456789")
        others = rng.sample([d for d in "0123456789" if d != repeated], 8)
        times = 2 if rng.random() < 0.7 else 3
        pool = others[: 10 - times] + [repeated] * times
        rng.shuffle(pool)
        body = "".join(pool)
        if body[0] == "0" or repeated * 3 in body:
            continue
        return body


def _de_tax_format(number: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return number
    return " ".join((number[:2], number[2:5], number[5:8], number[8:]))


def de_tax_valid(rng: random.Random) -> str:
    body = _de_tax_body(rng)
    return _de_tax_format(body + mod11_10_check(body), rng)


def de_tax_invalid(rng: random.Random) -> str:
    body = _de_tax_body(rng)
    wrong = str((int(mod11_10_check(body)) + rng.randint(1, 9)) % 10)
    return _de_tax_format(body + wrong, rng)


# ---------------------------------------------------------------------------------------------
# Italy
# ---------------------------------------------------------------------------------------------

CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
CF_OMOCODIA = "LMNPQRSTUV"


def cf_check(code15: str) -> str:
    total = 0
    for i, c in enumerate(code15):
        value = int(c) if c.isdigit() else ord(c) - ord("A")
        total += CF_ODD[value] if i % 2 == 0 else value
    return UPPER[total % 26]


def _cf_body(rng: random.Random) -> str:
    day = rng.randint(1, 28) + (40 if rng.random() < 0.5 else 0)
    code = list(letters(rng, 6) + digits(rng, 2) + rng.choice("ABCDEHLMPRST") + f"{day:02d}"
                + rng.choice(UPPER) + digits(rng, 3))
    if rng.random() < 0.15:  # omocodia: digits replaced from the right
        for position in (14, 13, 12, 10, 9, 7, 6)[: rng.randint(1, 3)]:
            code[position] = CF_OMOCODIA[int(code[position])]
    return "".join(code)


def cf_valid(rng: random.Random) -> str:
    body = _cf_body(rng)
    return body + cf_check(body)


def cf_invalid(rng: random.Random) -> str:
    body = _cf_body(rng)
    return body + UPPER[(UPPER.index(cf_check(body)) + rng.randint(1, 25)) % 26]


# ---------------------------------------------------------------------------------------------
# Spain
# ---------------------------------------------------------------------------------------------

def _dni_number(rng: random.Random) -> str:
    while True:
        number = digits(rng, 8)
        if number not in ("00000000", "99999999"):
            return number


def dni_valid(rng: random.Random) -> str:
    number = _dni_number(rng)
    letter = dni_letter(int(number))
    return _pick(rng, number + letter, f"{number}-{letter}", f"{number} {letter}",
                 f"{number[:2]}.{number[2:5]}.{number[5:]}-{letter}")


def dni_invalid(rng: random.Random) -> str:
    number = _dni_number(rng)
    right = dni_letter(int(number))
    return number + rng.choice([c for c in "TRWAGMYFPDXBNJZSQVHLCKE" if c != right])


def nie_valid(rng: random.Random) -> str:
    prefix, number = rng.choice("XYZ"), digits(rng, 7)
    letter = dni_letter(int(str("XYZ".index(prefix)) + number))
    return f"{prefix}-{number}-{letter}" if rng.random() < 0.3 else f"{prefix}{number}{letter}"


def nie_invalid(rng: random.Random) -> str:
    prefix, number = rng.choice("XYZ"), digits(rng, 7)
    right = dni_letter(int(str("XYZ".index(prefix)) + number))
    return prefix + number + rng.choice([c for c in "TRWAGMYFPDXBNJZSQVHLCKE" if c != right])


def nif_valid(rng: random.Random) -> str:
    if rng.random() < 0.6:
        number = _dni_number(rng)
        letter = dni_letter(int(number))
        return _pick(rng, number + letter, f"{number}-{letter}")
    prefix, number = rng.choice("KLM"), digits(rng, 7)
    return f"{prefix}{number}{dni_letter(int(number))}"


def nif_invalid(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return dni_invalid(rng)
    prefix, number = rng.choice("KLM"), digits(rng, 7)
    right = dni_letter(int(number))
    return prefix + number + rng.choice([c for c in "TRWAGMYFPDXBNJZSQVHLCKE" if c != right])


def es_ssn_control(province: int, number: int) -> int:
    base = province * 10_000_000 + number if number < 10_000_000 else province * 100_000_000 + number
    return base % 97


def _es_ssn_parts(rng: random.Random) -> tuple[int, int]:
    province = rng.randint(1, 52)
    number = rng.randint(0, 9_999_999) if rng.random() < 0.3 else rng.randint(10_000_000, 99_999_999)
    return province, number


def _es_ssn_format(province: int, number: int, control: int, rng: random.Random) -> str:
    sep = rng.choice(["", "/", " ", "-"])
    return f"{province:02d}{sep}{number:08d}{sep}{control:02d}"


def es_ssn_valid(rng: random.Random) -> str:
    province, number = _es_ssn_parts(rng)
    return _es_ssn_format(province, number, es_ssn_control(province, number), rng)


def es_ssn_invalid(rng: random.Random) -> str:
    province, number = _es_ssn_parts(rng)
    wrong = (es_ssn_control(province, number) + rng.randint(1, 96)) % 97
    return _es_ssn_format(province, number, wrong, rng)


def _cif_parts(rng: random.Random) -> tuple[str, str]:
    while True:
        number = digits(rng, 7)
        if number != "0000000":
            return rng.choice("ABCDEFGHJNPQRSUVW"), number


def cif_valid(rng: random.Random) -> str:
    entity, number = _cif_parts(rng)
    control = cif_control(number)
    if entity in "PQRSNW":
        last = "JABCDEFGHI"[control]
    elif entity in "ABEH":
        last = str(control)
    else:
        last = rng.choice((str(control), "JABCDEFGHI"[control]))
    return f"{entity}-{number}-{last}" if rng.random() < 0.25 else f"{entity}{number}{last}"


def cif_invalid(rng: random.Random) -> str:
    entity, number = _cif_parts(rng)
    control = cif_control(number)
    wrong = (control + rng.randint(1, 9)) % 10
    if entity in "PQRSNW":
        return f"{entity}{number}{'JABCDEFGHI'[wrong]}"
    return f"{entity}{number}{wrong}"


# ---------------------------------------------------------------------------------------------
# United Kingdom
# ---------------------------------------------------------------------------------------------

UTR_WEIGHTS = [6, 7, 8, 9, 10, 5, 4, 3, 2]


def utr_check(nine: str) -> str:
    return "21987654321"[sum(w * int(c) for w, c in zip(UTR_WEIGHTS, nine)) % 11]


def utr_valid(rng: random.Random) -> str:
    nine = digits(rng, 9)
    number = utr_check(nine) + nine
    return f"{number[:5]} {number[5:]}" if rng.random() < 0.3 else number


def utr_invalid(rng: random.Random) -> str:
    nine = digits(rng, 9)
    wrong = str((int(utr_check(nine)) + rng.randint(1, 9)) % 10)
    return wrong + nine


def electoral_valid(rng: random.Random) -> str:
    code = letters(rng, rng.randint(2, 3)) + ("-" if rng.random() < 0.2 else "")
    return code + str(rng.randint(1, 9999))


def electoral_invalid(rng: random.Random) -> str:
    return letters(rng, rng.randint(2, 3)) + digits(rng, 6)


# ---------------------------------------------------------------------------------------------
# Passports
# ---------------------------------------------------------------------------------------------

def nine_digits(rng: random.Random) -> str:
    while True:
        value = digits(rng, 9)
        if value != "000000000":
            return value


def de_passport_valid(rng: random.Random) -> str:
    serial = _de_serial(rng, "C")
    return serial + icao_check(serial) if rng.random() < 0.3 else serial


def de_passport_invalid(rng: random.Random) -> str:
    serial = _de_serial(rng, "C")
    return serial + str((int(icao_check(serial)) + rng.randint(1, 9)) % 10)


def us_passport_valid(rng: random.Random) -> str:
    return nine_digits(rng) if rng.random() < 0.6 else rng.choice("ACEFGHJKLMNPRSTUVWXYZ") + digits(rng, 8)


SPECS: list[Spec] = [
    Spec(
        id="USA_SOCIAL_SECURITY_NUMBER",
        valid=ssn_valid,
        keywords=["ssn", "social security number", "social security", "ss#", "soc sec"],
        invalid=ssn_invalid,
    ),
    Spec(
        id="USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER",
        valid=itin_valid,
        keywords=["itin", "individual taxpayer identification number", "taxpayer identification"],
        invalid=itin_invalid,
    ),
    Spec(
        id="UK_NATIONAL_INSURANCE_NUMBER",
        valid=nino_valid,
        keywords=["national insurance number", "nino", "ni number"],
        invalid=nino_invalid,
    ),
    Spec(
        id="CANADA_SOCIAL_INSURANCE_NUMBER",
        valid=sin_valid,
        keywords=["sin", "social insurance number", "numéro d'assurance sociale", "canadian id"],
        keyword_required=True,
        invalid=sin_invalid,
    ),
    Spec(
        id="VEHICLE_IDENTIFICATION_NUMBER",
        valid=vin_valid,
        keywords=["vin", "vehicle identification number", "fahrgestellnummer",
                  "numéro d'identification du véhicule"],
        invalid=vin_invalid,
    ),
    Spec(
        id="FRANCE_NATIONAL_IDENTIFICATION_NUMBER",
        valid=nir_valid,
        keywords=["numéro de sécurité sociale", "sécurité sociale", "insee", "nir",
                  "social security number", "french social security number", "ssn"],
        keyword_required=True,
        invalid=nir_invalid,
        # Macie defines FRANCE_HEALTH_INSURANCE_NUMBER on the same NIR.
        also=["FRANCE_HEALTH_INSURANCE_NUMBER"],
    ),
    Spec(
        id="FRANCE_TAX_IDENTIFICATION_NUMBER",
        valid=fr_tax_valid,
        keywords=["numéro fiscal", "numéro d'identification fiscal", "tax identification number",
                  "tin", "spi"],
        keyword_required=True,
        invalid=fr_tax_invalid,
    ),
    Spec(
        id="GERMANY_NATIONAL_IDENTIFICATION_NUMBER",
        valid=de_id_valid,
        keywords=["personalausweis", "ausweisnummer", "personalausweisnummer", "identity number",
                  "personal id"],
        keyword_required=True,
        invalid=de_id_invalid,
    ),
    Spec(
        id="GERMANY_TAX_IDENTIFICATION_NUMBER",
        valid=de_tax_valid,
        keywords=["steuer-id", "steueridentifikationsnummer", "steuerliche identifikationsnummer",
                  "idnr", "tax identification number"],
        keyword_required=True,
        invalid=de_tax_invalid,
    ),
    Spec(
        id="ITALY_NATIONAL_IDENTIFICATION_NUMBER",
        valid=cf_valid,
        keywords=["codice fiscale", "tax code", "tessera sanitaria", "codicefiscale"],
        keyword_required=True,
        invalid=cf_invalid,
    ),
    Spec(
        id="SPAIN_DNI_NUMBER",
        valid=dni_valid,
        keywords=["dni", "documento nacional de identidad", "número de dni", "national identity"],
        keyword_required=True,
        invalid=dni_invalid,
        # The same number is the holder's NIF; Macie says Argentina's and Spain's DNIs overlap.
        also=["SPAIN_NIF_NUMBER", "ARGENTINA_DNI_NUMBER"],
    ),
    Spec(
        id="SPAIN_NIE_NUMBER",
        valid=nie_valid,
        keywords=["nie", "número de identidad de extranjero", "n.i.e."],
        keyword_required=True,
        invalid=nie_invalid,
    ),
    Spec(
        id="SPAIN_NIF_NUMBER",
        valid=nif_valid,
        keywords=["nif", "número de identificación fiscal", "n.i.f.", "personal tax number"],
        keyword_required=True,
        invalid=nif_invalid,
        also=["SPAIN_DNI_NUMBER"],
    ),
    Spec(
        id="SPAIN_SOCIAL_SECURITY_NUMBER",
        valid=es_ssn_valid,
        keywords=["número de la seguridad social", "seguridad social", "nss", "social security number"],
        keyword_required=True,
        invalid=es_ssn_invalid,
    ),
    Spec(
        id="SPAIN_TAX_IDENTIFICATION_NUMBER",
        valid=cif_valid,
        keywords=["cif", "cif número", "número de identificación fiscal"],
        keyword_required=True,
        invalid=cif_invalid,
    ),
    Spec(
        id="UK_TAX_IDENTIFICATION_NUMBER",
        valid=utr_valid,
        keywords=["utr", "unique taxpayer reference", "tax reference", "paye"],
        keyword_required=True,
        invalid=utr_invalid,
    ),
    Spec(
        id="UK_ELECTORAL_ROLL_NUMBER",
        valid=electoral_valid,
        keywords=["electoral roll number", "electoral number", "electoral roll no."],
        keyword_required=True,
        invalid=electoral_invalid,
    ),
    Spec(
        id="CANADA_PASSPORT_NUMBER",
        valid=lambda rng: letters(rng, 2) + digits(rng, 6),
        keywords=["passport", "passeport", "passport#", "canadian passport"],
        keyword_required=True,
        invalid=lambda rng: letters(rng, 2) + digits(rng, 5),
    ),
    Spec(
        id="FRANCE_PASSPORT_NUMBER",
        valid=lambda rng: digits(rng, 2) + letters(rng, 2) + digits(rng, 5),
        keywords=["passeport", "numéro de passeport", "passeport français"],
        keyword_required=True,
        invalid=lambda rng: digits(rng, 2) + letters(rng, 2) + digits(rng, 4),
    ),
    Spec(
        id="GERMANY_PASSPORT_NUMBER",
        valid=de_passport_valid,
        keywords=["reisepass", "reisepassnummer", "passnummer", "passport"],
        keyword_required=True,
        invalid=de_passport_invalid,
        # C, two letters and six digits is a Spanish passport number's shape too.
        also=["SPAIN_PASSPORT_NUMBER"],
    ),
    Spec(
        id="ITALY_PASSPORT_NUMBER",
        valid=lambda rng: letters(rng, 2) + digits(rng, 7),
        keywords=["passaporto", "numero passaporto", "italian passport number", "passport number"],
        keyword_required=True,
        invalid=lambda rng: letters(rng, 2) + digits(rng, 8),
        # C and a German-alphabet letter and seven digits is also a German passport number's shape.
        also=["GERMANY_PASSPORT_NUMBER"],
    ),
    Spec(
        id="SPAIN_PASSPORT_NUMBER",
        valid=lambda rng: letters(rng, 3) + digits(rng, 6),
        keywords=["pasaporte", "número de pasaporte", "spain passport", "passport number"],
        keyword_required=True,
        invalid=lambda rng: letters(rng, 3) + digits(rng, 5),
        also=["GERMANY_PASSPORT_NUMBER"],
    ),
    Spec(
        id="UK_PASSPORT_NUMBER",
        valid=nine_digits,
        keywords=["passport number", "passport no", "uk passport", "british passport"],
        keyword_required=True,
        invalid=lambda rng: digits(rng, 8),
        # Nine digits next to "passport" are a US passport number's shape too.
        also=["USA_PASSPORT_NUMBER"],
    ),
    Spec(
        id="USA_PASSPORT_NUMBER",
        valid=us_passport_valid,
        keywords=["passport", "travel document", "us passport", "passport number"],
        keyword_required=True,
        invalid=lambda rng: digits(rng, 8),
        also=["UK_PASSPORT_NUMBER", "GERMANY_PASSPORT_NUMBER"],
    ),
]
