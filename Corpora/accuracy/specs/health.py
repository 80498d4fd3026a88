"""Health identifiers (Macie's PHI): US provider, drug, procedure, device and beneficiary
numbers, Canadian, European, Finnish and French health numbers, and the UK NHS number.

Check digits are implemented here independently of the Swift code.
"""
from __future__ import annotations

import random

from . import Spec, digits, letters, luhn_check_digit, luhn_valid

UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _sep_join(parts: list[str], sep: str) -> str:
    return sep.join(parts)


# --- USA_NATIONAL_PROVIDER_IDENTIFIER ------------------------------------------------------

def _npi_check(stem: str) -> str:
    # CMS: Luhn over the card-issuer prefix 80840 and the nine-digit stem.
    return luhn_check_digit("80840" + stem)


def npi_valid(rng: random.Random) -> str:
    stem = rng.choice("12") + digits(rng, 8)
    return stem + _npi_check(stem)


def npi_invalid(rng: random.Random) -> str:
    stem = rng.choice("12") + digits(rng, 8)
    return stem + str((int(_npi_check(stem)) + rng.randint(1, 9)) % 10)


# --- US_DRUG_ENFORCEMENT_AGENCY_NUMBER -----------------------------------------------------

DEA_TYPES = "ABCDEFGHJKLMPRSTUX"


def _dea_check(six: str) -> str:
    d = [int(c) for c in six]
    return str((d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10)


def dea_valid(rng: random.Random) -> str:
    six = digits(rng, 6)
    return rng.choice(DEA_TYPES) + rng.choice(UPPER + "9") + six + _dea_check(six)


def dea_invalid(rng: random.Random) -> str:
    six = digits(rng, 6)
    if rng.random() < 0.5:
        # Right check digit, but a first letter that is no registrant type.
        return rng.choice("INOQVWYZ") + rng.choice(UPPER) + six + _dea_check(six)
    bad = str((int(_dea_check(six)) + rng.randint(1, 9)) % 10)
    return rng.choice(DEA_TYPES) + rng.choice(UPPER) + six + bad


# --- USA_MEDICARE_BENEFICIARY_IDENTIFIER ---------------------------------------------------

MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"  # no S, L, O, I, B, Z


def _mbi_chars(rng: random.Random) -> list[str]:
    alnum = MBI_LETTERS + "0123456789"
    return [
        rng.choice("123456789"), rng.choice(MBI_LETTERS), rng.choice(alnum), rng.choice("0123456789"),
        rng.choice(MBI_LETTERS), rng.choice(alnum), rng.choice("0123456789"),
        rng.choice(MBI_LETTERS), rng.choice(MBI_LETTERS), rng.choice("0123456789"),
        rng.choice("0123456789"),
    ]


def _mbi_format(rng: random.Random, c: list[str]) -> str:
    s = "".join(c)
    if s == "1EG4TE5MK73":  # CMS's example, never reported
        s = "2EG4TE5MK73"
    sep = rng.choice(["", "", "-", "-", " "])
    return s[:4] + sep + s[4:7] + sep + s[7:] if sep else s


def mbi_valid(rng: random.Random) -> str:
    return _mbi_format(rng, _mbi_chars(rng))


def mbi_invalid(rng: random.Random) -> str:
    c = _mbi_chars(rng)
    choice = rng.random()
    if choice < 0.6:
        # A forbidden letter (S, L, O, I, B, Z) in a letter-only position.
        c[rng.choice([1, 4, 7, 8])] = rng.choice("SLOIBZ")
    elif choice < 0.8:
        c[0] = "0"  # the first character is 1-9
    else:
        c[rng.choice([3, 6, 9, 10])] = rng.choice(MBI_LETTERS)  # a letter where a digit goes
    return _mbi_format(rng, c)


# --- USA_HEALTH_INSURANCE_CLAIM_NUMBER -----------------------------------------------------

# Beneficiary identification codes (CMS): a letter, optionally followed by a digit or letter.
BIC = ["A", "B", "B1", "B2", "B6", "BA", "BD", "BY", "C1", "C2", "C3", "CA", "CB", "D", "D1", "D6",
       "DA", "DC", "E", "E1", "E4", "EA", "EM", "F1", "F2", "F5", "J1", "J3", "K1", "K5", "M", "M1",
       "T", "TA", "W", "W1", "W6", "WB"]
RRB_PREFIXES = ["A", "CA", "H", "JA", "MA", "MH", "PA", "PD", "PH", "WA", "WCA", "WCD", "WCH",
                "WD", "WH"]


def _ssn(rng: random.Random) -> tuple[str, str, str]:
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    return f"{area:03d}", f"{rng.randint(1, 99):02d}", f"{rng.randint(1, 9999):04d}"


def hicn_valid(rng: random.Random) -> str:
    if rng.random() < 0.2:
        prefix = rng.choice(RRB_PREFIXES)
        if rng.random() < 0.5:
            return prefix + f"{rng.randint(1, 999999):06d}"
        return prefix + "".join(_ssn(rng))
    a, g, s = _ssn(rng)
    bic = rng.choice(BIC)
    form = rng.random()
    if form < 0.4:
        return a + g + s + bic
    if form < 0.7:
        return f"{a}-{g}-{s}{bic}"
    if form < 0.85:
        return f"{a}-{g}-{s}-{bic}"
    return f"{a} {g} {s} {bic}"


def hicn_invalid(rng: random.Random) -> str:
    # An SSN part the SSA never issues (area 000, 666 or 9xx; group 00; serial 0000).
    a, g, s = _ssn(rng)
    which = rng.randint(0, 2)
    if which == 0:
        a = rng.choice(["000", "666", f"{rng.randint(900, 999)}"])
    elif which == 1:
        g = "00"
    else:
        s = "0000"
    return a + g + s + rng.choice(BIC)


# --- USA_NATIONAL_DRUG_CODE ----------------------------------------------------------------

def ndc_valid(rng: random.Random) -> str:
    form = rng.choice(["4-4-2", "5-3-2", "5-4-1", "5-4-2", "11", "10"])
    if form in ("11", "10"):
        while True:
            v = digits(rng, int(form))
            if v.strip("0"):
                return v
    parts = [digits(rng, int(n)) for n in form.split("-")]
    if not "".join(parts).strip("0"):
        parts[0] = "1" + parts[0][1:]
    return "-".join(parts)


def ndc_invalid(rng: random.Random) -> str:
    # All zeros in a valid configuration: no labeler code 0000(0).
    form = rng.choice(["4-4-2", "5-3-2", "5-4-1", "5-4-2"])
    return "-".join("0" * int(n) for n in form.split("-"))


# --- USA_HEALTHCARE_PROCEDURE_CODE ---------------------------------------------------------

HCPCS_LETTERS = "ABCDEGHJKLMPQRSTUV"


def hcpcs_valid(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.5:
        return rng.choice(HCPCS_LETTERS) + digits(rng, 4)
    if r < 0.85:
        return f"{rng.randint(100, 99999):05d}"
    return digits(rng, 4) + rng.choice("FT")


def hcpcs_invalid(rng: random.Random) -> str:
    # Section letters HCPCS does not use (F, I, N, O, W-Z) or a CPT code below 00100.
    if rng.random() < 0.6:
        return rng.choice("FINOWXYZ") + digits(rng, 4)
    return f"{rng.randint(0, 99):05d}"


# --- MEDICAL_DEVICE_UDI --------------------------------------------------------------------

def _gs1_check(payload: str) -> str:
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(payload)))
    return str((10 - total % 10) % 10)


def _gs1_date(rng: random.Random) -> str:
    return f"{rng.randint(0, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"


def _lot(rng: random.Random) -> str:
    return letters(rng, rng.randint(1, 12), UPPER + "0123456789")


def _gtin_payload(rng: random.Random) -> str:
    # The packaging indicator, then a GTIN-13 without its check digit. Indicators 3, 5 and 6
    # are left out: 14 Luhn-valid digits starting 30, 36, 5x or 6x are payment card numbers
    # to CREDIT_CARD_NUMBER too.
    return rng.choice("00000001278") + digits(rng, 12)


HIBC_SET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%"


def _hibc_check(data: str) -> str:
    return HIBC_SET[sum(HIBC_SET.index(c) for c in data) % 43]


def _hibc_data(rng: random.Random) -> str:
    data = "+" + rng.choice(UPPER) + letters(rng, 3, UPPER + "0123456789")
    data += letters(rng, rng.randint(1, 12), UPPER + "0123456789") + rng.choice("0123456789")
    if rng.random() < 0.3:
        # Secondary data: "/$$" + expiry MMYY + lot.
        data += "/$$" + f"{rng.randint(1, 12):02d}{rng.randint(20, 40):02d}" + _lot(rng)
    return data


def _hibc_ok(check: str) -> bool:
    return check not in " ."  # a space or dot check character would read as the text's own


def udi_valid(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.5:
        gtin = _gtin_payload(rng)
        value = "(01)" + gtin + _gs1_check(gtin)
        for ai in rng.sample(["17", "11", "10", "21"], rng.randint(0, 3)):
            value += f"({ai})" + (_gs1_date(rng) if ai in ("17", "11") else _lot(rng))
        return value
    if r < 0.85:
        while True:
            data = _hibc_data(rng)
            check = _hibc_check(data)
            if _hibc_ok(check):
                return data + check
    fin = rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ123456789") + digits(rng, 4)
    din = "=" + fin + digits(rng, 2) + digits(rng, 6)
    return din + (digits(rng, 2) if rng.random() < 0.5 else "")


def udi_invalid(rng: random.Random) -> str:
    if rng.random() < 0.6:
        gtin = _gtin_payload(rng)
        bad = str((int(_gs1_check(gtin)) + rng.randint(1, 9)) % 10)
        return "(01)" + gtin + bad
    while True:
        data = _hibc_data(rng)
        good = _hibc_check(data)
        bad = rng.choice([c for c in UPPER + "0123456789" if c != good])
        return data + bad


# --- CANADA_HEALTH_NUMBER ------------------------------------------------------------------

def _bc_check(stem9: str) -> int | None:
    weights = [2, 4, 8, 5, 10, 9, 7, 3]
    total = sum(int(d) * w for d, w in zip(stem9[1:], weights))
    check = 11 - total % 11
    return check if check < 10 else None


def _ca_format(rng: random.Random, ten: str) -> str:
    sep = rng.choice(["", " ", "-"])
    return sep.join([ten[:4], ten[4:7], ten[7:]])


def canada_valid(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:  # Ontario
        stem = digits(rng, 9)
        ten = stem + luhn_check_digit(stem)
        if len(set(ten)) == 1:
            ten = "1234567897"
        value = _ca_format(rng, ten)
        if rng.random() < 0.5:
            sep = "" if value[4].isdigit() else value[4]
            value += sep + letters(rng, 2)
        return value
    if r < 0.7:  # British Columbia
        while True:
            stem = "9" + digits(rng, 8)
            check = _bc_check(stem)
            if check is not None:
                return _ca_format(rng, stem + str(check))
    # Quebec RAMQ: three letters of the surname, one of the given name, YYMMDD (+50 to the
    # month for women), two administrative digits.
    month = rng.randint(1, 12) + rng.choice([0, 50])
    body = f"{rng.randint(0, 99):02d}{month:02d}{rng.randint(1, 28):02d}" + digits(rng, 2)
    sep = rng.choice(["", " ", "-"])
    return letters(rng, 4) + sep + body[:4] + sep + body[4:]


def canada_invalid(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.6:
        # Ten digits that pass neither Luhn (Ontario) nor the BC mod 11.
        while True:
            ten = rng.choice("12345678") + digits(rng, 9)
            if not luhn_valid(ten):
                return _ca_format(rng, ten)
    # RAMQ with an impossible month (13-50, 63-99).
    month = rng.choice(list(range(13, 51)) + list(range(63, 100)))
    return letters(rng, 4) + " " + f"{rng.randint(0, 99):02d}{month:02d}" + " " + \
        f"{rng.randint(1, 28):02d}" + digits(rng, 2)


# --- EUROPEAN_HEALTH_INSURANCE_CARD_NUMBER / FINLAND_ ---------------------------------------

EEA_CODES = [40, 56, 100, 191, 196, 203, 208, 233, 250, 276, 300, 348, 352, 372, 380, 428, 438,
             440, 442, 470, 528, 578, 616, 620, 642, 703, 705, 724, 752, 756, 826]  # 246 aside


def _halves(rng: random.Random, number: str) -> str:
    sep = rng.choice(["", "", " ", "-"])
    return number[:10] + sep + number[10:]


def ehic_valid(rng: random.Random) -> str:
    return _halves(rng, "80" + f"{rng.choice(EEA_CODES):03d}" + digits(rng, 15))


def ehic_invalid(rng: random.Random) -> str:
    # 20 digits after 80, but no EU/EEA/CH/UK country code.
    code = rng.choice([4, 36, 124, 156, 392, 410, 484, 643, 840, 999])
    return _halves(rng, "80" + f"{code:03d}" + digits(rng, 15))


def finland_ehic_valid(rng: random.Random) -> str:
    return _halves(rng, "8024680246" + digits(rng, 10))


# --- FRANCE_HEALTH_INSURANCE_NUMBER --------------------------------------------------------

def _nir_key(thirteen: str) -> int:
    n = int(thirteen.replace("2A", "19").replace("2B", "18")) if thirteen[5:7] in ("2A", "2B") \
        else int(thirteen)
    return 97 - n % 97


def _nir_parts(rng: random.Random) -> list[str]:
    sex = rng.choice("12")
    year = f"{rng.randint(0, 99):02d}"
    month = f"{rng.randint(1, 12):02d}"
    dept = rng.choice([f"{rng.randint(1, 95):02d}", "2A", "2B"])
    commune = f"{rng.randint(1, 999):03d}"
    order = f"{rng.randint(1, 999):03d}"
    return [sex, year, month, dept, commune, order]


def _nir_format(rng: random.Random, parts: list[str], key: int) -> str:
    if rng.random() < 0.5:
        return " ".join(parts) + f" {key:02d}"
    return "".join(parts) + f"{key:02d}"


def france_valid(rng: random.Random) -> str:
    parts = _nir_parts(rng)
    return _nir_format(rng, parts, _nir_key("".join(parts)))


def france_invalid(rng: random.Random) -> str:
    parts = _nir_parts(rng)
    key = _nir_key("".join(parts))
    bad = (key + rng.randint(1, 96) - 1) % 97 + 1
    if bad == key:
        bad = key % 97 + 1
    return _nir_format(rng, parts, bad)


# --- UK_NHS_NUMBER -------------------------------------------------------------------------

def _nhs_check(stem: str) -> int | None:
    total = sum(int(d) * (10 - i) for i, d in enumerate(stem))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def _nhs_format(rng: random.Random, ten: str, seps: str = "  -") -> str:
    sep = rng.choice(list(seps) + [""])
    return sep.join([ten[:3], ten[3:6], ten[6:]])


def nhs_valid(rng: random.Random) -> str:
    while True:
        stem = rng.choice("4689") + digits(rng, 8)
        check = _nhs_check(stem)
        if check is not None and len(set(stem + str(check))) > 1:
            return _nhs_format(rng, stem + str(check))


def nhs_invalid(rng: random.Random) -> str:
    while True:
        stem = rng.choice("4689") + digits(rng, 8)
        check = _nhs_check(stem)
        if check is not None:
            # Not dashed: ddd-ddd-dddd is also a North American phone number's shape.
            return _nhs_format(rng, stem + str((check + rng.randint(1, 9)) % 10), seps=" ")


SPECS: list[Spec] = [
    Spec(
        id="USA_NATIONAL_PROVIDER_IDENTIFIER",
        valid=npi_valid,
        keywords=["npi", "NPI number", "national provider identifier", "national provider",
                  "n.p.i"],
        keyword_required=True,
        invalid=npi_invalid,
    ),
    Spec(
        id="US_DRUG_ENFORCEMENT_AGENCY_NUMBER",
        valid=dea_valid,
        keywords=["dea number", "DEA registration", "dea #", "DEA registration number"],
        keyword_required=True,
        invalid=dea_invalid,
    ),
    Spec(
        id="USA_MEDICARE_BENEFICIARY_IDENTIFIER",
        valid=mbi_valid,
        keywords=["mbi", "MBI", "medicare beneficiary identifier", "medicare beneficiary",
                  "medicare number"],
        keyword_required=True,
        invalid=mbi_invalid,
    ),
    Spec(
        id="USA_HEALTH_INSURANCE_CLAIM_NUMBER",
        valid=hicn_valid,
        keywords=["hicn", "HICN", "health insurance claim number", "hic number", "hic no",
                  "hicno#"],
        keyword_required=True,
        invalid=hicn_invalid,
        # The first nine digits are the wage earner's social security number.
        also=["USA_SOCIAL_SECURITY_NUMBER"],
    ),
    Spec(
        id="USA_NATIONAL_DRUG_CODE",
        valid=ndc_valid,
        keywords=["ndc", "NDC", "national drug code", "ndc code"],
        keyword_required=True,
        invalid=ndc_invalid,
    ),
    Spec(
        id="USA_HEALTHCARE_PROCEDURE_CODE",
        valid=hcpcs_valid,
        keywords=["hcpcs", "HCPCS code", "healthcare common procedure coding system",
                  "current procedural terminology", "cpt code"],
        keyword_required=True,
        invalid=hcpcs_invalid,
    ),
    Spec(
        id="MEDICAL_DEVICE_UDI",
        valid=udi_valid,
        keywords=["udi", "UDI", "unique device identifier", "device identifier", "device id",
                  "gs1", "hibcc", "iccbba"],
        keyword_required=True,
        invalid=udi_invalid,
        # An ICCBBA donation number's 13-15 digits may pass Luhn with a card prefix: such a run
        # is a plausible card number too.
        also=["CREDIT_CARD_NUMBER_(NO_KEYWORD)"],
    ),
    Spec(
        id="CANADA_HEALTH_NUMBER",
        valid=canada_valid,
        keywords=["phn", "PHN", "personal health number", "health card number", "msp number",
                  "ohip", "ramq", "canada healthcare number"],
        keyword_required=True,
        invalid=canada_invalid,
    ),
    Spec(
        id="EUROPEAN_HEALTH_INSURANCE_CARD_NUMBER",
        valid=ehic_valid,
        keywords=["ehic", "EHIC number", "european health insurance card", "ceam",
                  "krankenversicherungskarte", "tessera sanitaria", "health insurance card"],
        keyword_required=True,
        invalid=ehic_invalid,
        also=["FINLAND_EUROPEAN_HEALTH_INSURANCE_NUMBER"],
    ),
    Spec(
        id="FINLAND_EUROPEAN_HEALTH_INSURANCE_NUMBER",
        valid=finland_ehic_valid,
        keywords=["sairausvakuutuskortti", "finland health insurance card", "ehic",
                  "suomen sairausvakuutuskortti", "terveyskortti", "hälsokort"],
        keyword_required=True,
        invalid=None,
        # A Finnish EHIC number is an EU one too: Macie's EU keywords include the Finnish ones.
        also=["EUROPEAN_HEALTH_INSURANCE_CARD_NUMBER"],
    ),
    Spec(
        id="FRANCE_HEALTH_INSURANCE_NUMBER",
        valid=france_valid,
        keywords=["carte vitale", "n° carte vitale", "carte d'assuré social", "assurance maladie",
                  "numéro de sécurité sociale"],
        keyword_required=True,
        invalid=france_invalid,
        # Macie's FRANCE_NATIONAL_IDENTIFICATION_NUMBER covers the same INSEE number (NIR).
        also=["FRANCE_NATIONAL_IDENTIFICATION_NUMBER"],
    ),
    Spec(
        id="UK_NHS_NUMBER",
        valid=nhs_valid,
        keywords=["nhs", "NHS number", "nhs no", "national health service"],
        keyword_required=True,
        invalid=nhs_invalid,
        # Written ddd-ddd-dddd, an NHS number has the shape of a US phone number, which
        # PHONE_NUMBER reports without a keyword when the area code and exchange are valid.
        also=["PHONE_NUMBER"],
    ),
]
