"""National and tax identifiers of Latin America, India and Australia, and Canada's permanent
resident (client) number.

Check digits are implemented here independently of the Swift validators (same published
algorithms, written from the agencies' descriptions).
"""
from __future__ import annotations

import random

from . import Spec, digits, letters

UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CONSONANTS = "BCDFGHJKLMNPQRSTVWXYZ"


def _bump(ch: str) -> str:
    """A different digit for the check digit ch."""
    return str((int(ch) + 1) % 10) if ch.isdigit() else "1"


def _date(rng: random.Random) -> str:
    """A random valid YYMMDD."""
    month = rng.randint(1, 12)
    day = rng.randint(1, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])
    return f"{rng.randint(0, 99):02d}{month:02d}{day:02d}"


# India: Aadhaar (Verhoeff) ----------------------------------------------------------------

_VD = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
       [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
       [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
       [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_VP = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
       [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
       [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_check(payload: str) -> str:
    c = 0
    for i, ch in enumerate(reversed(payload)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    return str(_VINV[c])


def _aadhaar_digits(rng: random.Random, first: str = "23456789") -> str:
    payload = rng.choice(first) + digits(rng, 10)
    return payload + verhoeff_check(payload)


def _aadhaar_form(rng: random.Random, number: str) -> str:
    sep = rng.choice([" ", "-", "", " "])
    return sep.join((number[0:4], number[4:8], number[8:12]))


def aadhaar(rng: random.Random) -> str:
    return _aadhaar_form(rng, _aadhaar_digits(rng))


def aadhaar_invalid(rng: random.Random) -> str:
    number = _aadhaar_digits(rng)
    if rng.random() < 0.5:
        number = number[:-1] + _bump(number[-1])       # wrong Verhoeff digit
    else:
        number = _aadhaar_digits(rng, first="01")       # never issued: starts 0 or 1
    return _aadhaar_form(rng, number)


# India: PAN ---------------------------------------------------------------------------------

def pan(rng: random.Random) -> str:
    holder = rng.choice("PPPPPCHFATBLJG")
    return letters(rng, 3) + holder + letters(rng, 1) + digits(rng, 4) + letters(rng, 1)


def pan_invalid(rng: random.Random) -> str:
    holder = rng.choice("DEIKMNOQRSUVWXYZ")   # not a holder type
    return letters(rng, 3) + holder + letters(rng, 1) + digits(rng, 4) + letters(rng, 1)


# Brazil: CPF, CNPJ, RG, CEP -----------------------------------------------------------------

def cpf_checks(stem: str) -> str:
    d = [int(c) for c in stem]
    for n in (9, 10):
        total = sum(d[i] * (n + 1 - i) for i in range(n))
        r = total % 11
        d.append(0 if r < 2 else 11 - r)
    return "".join(map(str, d[9:]))


def _cpf_dotted(n: str) -> str:
    return f"{n[0:3]}.{n[3:6]}.{n[6:9]}-{n[9:11]}"


def cpf(rng: random.Random) -> str:
    while True:
        stem = digits(rng, 9)
        if len(set(stem)) > 1:
            return _cpf_dotted(stem + cpf_checks(stem))


def cpf_invalid(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return _cpf_dotted(rng.choice("123456789") * 11)   # repeated digit (passes arithmetic)
    stem = digits(rng, 9)
    checks = cpf_checks(stem)
    return _cpf_dotted(stem + checks[0] + _bump(checks[1]))


def cnpj_checks(stem: str) -> str:
    values = [ord(c) - 48 for c in stem]
    w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]
    for weights in (w1, [6] + w1):
        r = sum(v * w for v, w in zip(values, weights)) % 11
        values.append(0 if r < 2 else 11 - r)
    return "".join(map(str, values[12:]))


def _cnpj_dotted(n: str) -> str:
    return f"{n[0:2]}.{n[2:5]}.{n[5:8]}/{n[8:12]}-{n[12:14]}"


def _cnpj_stem(rng: random.Random) -> str:
    if rng.random() < 0.25:   # alphanumeric CNPJ (from July 2026)
        return "".join(rng.choice("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(12))
    branch = rng.choice(["0001", "0001", "0002", digits(rng, 4)])
    return digits(rng, 8) + branch


def cnpj(rng: random.Random) -> str:
    stem = _cnpj_stem(rng)
    return _cnpj_dotted(stem + cnpj_checks(stem))


def cnpj_invalid(rng: random.Random) -> str:
    stem = _cnpj_stem(rng)
    checks = cnpj_checks(stem)
    return _cnpj_dotted(stem + _bump(checks[0]) + checks[1])


def rg_check(stem: str) -> str:
    r = 11 - sum(int(c) * (i + 2) for i, c in enumerate(stem)) % 11
    return {10: "X", 11: "0"}.get(r, str(r))


def _rg_form(rng: random.Random, stem: str, check: str) -> str:
    form = rng.randrange(3)
    if form == 0:
        return f"{stem[0:2]}.{stem[2:5]}.{stem[5:8]}-{check}"
    return stem + ("-" if form == 1 else "") + check


def rg(rng: random.Random) -> str:
    stem = digits(rng, 8)
    return _rg_form(rng, stem, rg_check(stem))


def rg_invalid(rng: random.Random) -> str:
    stem = digits(rng, 8)
    right = rg_check(stem)
    wrong = rng.choice([c for c in "0123456789X" if c != right])
    return _rg_form(rng, stem, wrong)


def cep(rng: random.Random) -> str:
    n = str(rng.randint(1000000, 99999999)).zfill(8)
    return f"{n[0:2]}.{n[2:5]}-{n[5:8]}" if rng.random() < 0.15 else f"{n[0:5]}-{n[5:8]}"


# Mexico: CURP, RFC --------------------------------------------------------------------------

CURP_STATES = ("AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS "
               "TL VZ YN ZS NE").split()
_CURP_ALPHABET = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"
_RFC_ALPHABET = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ"


def curp_check(stem: str) -> str:
    total = sum(_CURP_ALPHABET.index(c) * (18 - i) for i, c in enumerate(stem))
    return str((10 - total % 10) % 10)


def _curp_stem(rng: random.Random, date: str) -> str:
    year = int(date[:2])
    differentiator = rng.choice("0123456789") if year >= 30 else rng.choice(UPPER)
    return (rng.choice(UPPER) + rng.choice("AEIOUX") + letters(rng, 2) + date + rng.choice("HM")
            + rng.choice(CURP_STATES) + letters(rng, 3, CONSONANTS) + differentiator)


def curp(rng: random.Random) -> str:
    stem = _curp_stem(rng, _date(rng))
    return stem + curp_check(stem)


def curp_invalid(rng: random.Random) -> str:
    if rng.random() < 0.5:
        stem = _curp_stem(rng, _date(rng))
        return stem + _bump(curp_check(stem))
    bad_date = f"{rng.randint(0, 99):02d}{rng.choice([0, 13, 14, 19]):02d}{rng.randint(1, 28):02d}"
    stem = _curp_stem(rng, bad_date)
    return stem + curp_check(stem)


def rfc_check(stem: str) -> str:
    padded = stem if len(stem) == 12 else " " + stem
    total = sum(_RFC_ALPHABET.index(c) * (13 - i) for i, c in enumerate(padded))
    r = 11 - total % 11
    return {11: "0", 10: "A"}.get(r, str(r))


def _rfc_stem(rng: random.Random, n_letters: int) -> str:
    homoclave = "".join(rng.choice("ABCDEFGHIJKLMNPQRSTUVWXYZ123456789") for _ in range(2))
    return letters(rng, n_letters) + _date(rng) + homoclave


def _rfc_form(rng: random.Random, rfc: str, n_letters: int) -> str:
    if rng.random() < 0.15:
        sep = rng.choice([" ", "-"])
        return rfc[:n_letters] + sep + rfc[n_letters:n_letters + 6] + sep + rfc[n_letters + 6:]
    return rfc


def rfc_person(rng: random.Random) -> str:
    while True:
        stem = _rfc_stem(rng, 4)
        if not stem.startswith(("XAXX", "XEXX")):
            return _rfc_form(rng, stem + rfc_check(stem), 4)


def rfc_organization(rng: random.Random) -> str:
    stem = _rfc_stem(rng, 3)
    return _rfc_form(rng, stem + rfc_check(stem), 3)


def _rfc_wrong(rng: random.Random, stem: str) -> str:
    right = rfc_check(stem)
    return rng.choice([c for c in "0123456789A" if c != right])


def rfc_person_invalid(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return "XAXX010101000"    # SAT's generic RFC, a documented example
    stem = _rfc_stem(rng, 4)
    return stem + _rfc_wrong(rng, stem)


def rfc_organization_invalid(rng: random.Random) -> str:
    stem = _rfc_stem(rng, 3)
    return stem + _rfc_wrong(rng, stem)


# Chile: RUT/RUN -----------------------------------------------------------------------------

def rut_check(body: str) -> str:
    total = sum(int(c) * (2 + i % 6) for i, c in enumerate(reversed(body)))
    r = 11 - total % 11
    return {11: "0", 10: "K"}.get(r, str(r))


def _rut_form(rng: random.Random, body: str, check: str) -> str:
    if rng.random() < 0.7:
        dotted = f"{int(body):,}".replace(",", ".")
        return f"{dotted}-{check}"
    return f"{body}-{check}"


def rut(rng: random.Random) -> str:
    body = str(rng.randint(1_000_000, 29_999_999))
    return _rut_form(rng, body, rut_check(body))


def rut_invalid(rng: random.Random) -> str:
    body = str(rng.randint(1_000_000, 29_999_999))
    right = rut_check(body)
    return _rut_form(rng, body, rng.choice([c for c in "0123456789K" if c != right]))


# Argentina: DNI, CUIT/CUIL ------------------------------------------------------------------

def dni(rng: random.Random) -> str:
    n = rng.randint(1_000_000, 49_999_999)
    return f"{n:,}".replace(",", ".") if rng.random() < 0.5 else str(n)


def dni_invalid(rng: random.Random) -> str:
    return rng.choice(["99999999", "99.999.999", "00.000.000", "00000000"])


def cuit_check(stem: str) -> int | None:
    r = 11 - sum(int(c) * w for c, w in zip(stem, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])) % 11
    return {11: 0, 10: None}.get(r, r)


def _cuit_stem(rng: random.Random, prefixes: list[str]) -> tuple[str, int]:
    while True:
        stem = rng.choice(prefixes) + str(rng.randint(1_000_000, 99_999_999)).zfill(8)
        check = cuit_check(stem)
        if check is not None:
            return stem, check


def _cuit_form(rng: random.Random, stem: str, check: int) -> str:
    return f"{stem[:2]}-{stem[2:]}-{check}" if rng.random() < 0.7 else f"{stem}{check}"


def cuit_person(rng: random.Random) -> str:
    return _cuit_form(rng, *_cuit_stem(rng, ["20", "20", "27", "27", "23", "24"]))


def cuit_organization(rng: random.Random) -> str:
    return _cuit_form(rng, *_cuit_stem(rng, ["30", "30", "33", "34"]))


def _cuit_invalid(rng: random.Random, prefixes: list[str]) -> str:
    stem, check = _cuit_stem(rng, prefixes)
    return _cuit_form(rng, stem, (check + rng.randint(1, 9)) % 10)


# Colombia: cédula, NIT ----------------------------------------------------------------------

def _dotted(number: str) -> str:
    return f"{int(number):,}".replace(",", ".")


def cedula_number(rng: random.Random) -> str:
    """A cédula number: 6-8 digits (older) or 10 digits starting with 1 (since 2004)."""
    if rng.random() < 0.4:
        return str(rng.randint(1_000_000_000, 1_199_999_999))
    return str(rng.randint(100_000, 99_999_999))


def colombia_cc(rng: random.Random) -> str:
    n = cedula_number(rng)
    return _dotted(n) if rng.random() < 0.5 else n


def nit_check(body: str) -> str:
    weights = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71]
    r = sum(int(c) * w for c, w in zip(reversed(body), weights)) % 11
    return str(r if r < 2 else 11 - r)


def _nit_form(rng: random.Random, body: str, check: str) -> str:
    form = rng.randrange(3)
    if form == 0:
        return f"{_dotted(body)}-{check}"
    return body + ("-" if form == 1 else "") + check


def nit_person(rng: random.Random) -> str:
    body = cedula_number(rng)
    return _nit_form(rng, body, nit_check(body))


def nit_organization(rng: random.Random) -> str:
    body = str(rng.randint(800_000_000, 999_999_999))
    return _nit_form(rng, body, nit_check(body))


def _nit_invalid(rng: random.Random, body: str) -> str:
    return _nit_form(rng, body, _bump(nit_check(body)))


# Australia: TFN -----------------------------------------------------------------------------

def _tfn_valid(number: str) -> bool:
    weights = [1, 4, 3, 7, 5, 8, 6, 9, 10] if len(number) == 9 else [10, 7, 8, 4, 6, 3, 5, 1]
    return sum(int(c) * w for c, w in zip(number, weights)) % 11 == 0


def _tfn_number(rng: random.Random) -> str:
    length = 9 if rng.random() < 0.8 else 8
    while True:
        number = digits(rng, length)
        if _tfn_valid(number) and len(set(number)) > 1:
            return number


def _tfn_form(rng: random.Random, n: str) -> str:
    sep = rng.choice([" ", " ", "", "-"])
    return sep.join((n[0:3], n[3:6], n[6:]))


def tfn(rng: random.Random) -> str:
    return _tfn_form(rng, _tfn_number(rng))


def tfn_invalid(rng: random.Random) -> str:
    n = _tfn_number(rng)
    return _tfn_form(rng, n[:-1] + _bump(n[-1]))


# Canada: permanent resident / IRCC client number (UCI) --------------------------------------

def canada_uci(rng: random.Random) -> str:
    if rng.random() < 0.5:
        n = digits(rng, 10)
        return f"{n[0:2]}-{n[2:6]}-{n[6:10]}" if rng.random() < 0.7 else n
    n = digits(rng, 8)
    return f"{n[0:4]}-{n[4:8]}" if rng.random() < 0.7 else n


SPECS: list[Spec] = [
    Spec("INDIA_AADHAAR_NUMBER", aadhaar,
         keywords=["aadhaar", "aadhaar number", "aadhar", "uidai"],
         keyword_required=True, invalid=aadhaar_invalid),
    Spec("INDIA_PERMANENT_ACCOUNT_NUMBER", pan,
         keywords=["pan", "pan number", "pan card", "permanent account number"],
         keyword_required=True, invalid=pan_invalid),
    Spec("BRAZIL_CPF_NUMBER", cpf,
         keywords=["cpf", "cadastro de pessoas físicas"], invalid=cpf_invalid),
    Spec("BRAZIL_CNPJ_NUMBER", cnpj,
         keywords=["cnpj", "cadastro nacional da pessoa jurídica"], invalid=cnpj_invalid),
    Spec("BRAZIL_RG_NUMBER", rg,
         keywords=["rg", "registro geral"], keyword_required=True, invalid=rg_invalid),
    Spec("BRAZIL_CEP_CODE", cep,
         keywords=["cep", "código postal", "codigo postal"], keyword_required=True,
         invalid=lambda rng: "00000-000"),
    Spec("MEXICO_CURP_NUMBER", curp,
         keywords=["curp", "clave única de registro de población"], invalid=curp_invalid),
    Spec("MEXICO_INDIVIDUAL_RFC_NUMBER", rfc_person,
         keywords=["rfc", "registro federal de contribuyentes"], keyword_required=True,
         invalid=rfc_person_invalid),
    Spec("MEXICO_ORGANIZATION_RFC_NUMBER", rfc_organization,
         keywords=["rfc", "registro federal de contribuyentes"], keyword_required=True,
         invalid=rfc_organization_invalid),
    Spec("CHILE_RUT_NUMBER", rut,
         keywords=["rut", "run", "rol único tributario", "rol unico nacional"],
         keyword_required=True, invalid=rut_invalid),
    # Macie notes that Argentine and Spanish DNIs may be reported as each other.
    Spec("ARGENTINA_DNI_NUMBER", dni,
         keywords=["dni", "documento nacional de identidad"], keyword_required=True,
         invalid=dni_invalid, also=["SPAIN_DNI_NUMBER"]),
    Spec("ARGENTINA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER", cuit_person,
         keywords=["cuil", "cuit", "clave única de identificación tributaria"],
         keyword_required=True,
         invalid=lambda rng: _cuit_invalid(rng, ["20", "23", "24", "27"])),
    Spec("ARGENTINA_ORGANIZATION_TAX_IDENTIFICATION_NUMBER", cuit_organization,
         keywords=["cuit", "argentina taxpayer id"], keyword_required=True,
         invalid=lambda rng: _cuit_invalid(rng, ["30", "33", "34"])),
    Spec("COLOMBIA_CITIZENSHIP_CARD_NUMBER", colombia_cc,
         keywords=["cédula de ciudadanía", "cedula de ciudadania", "documento de identificación"],
         # A dotted ten-digit cédula whose groups are all at most 255 reads as an IPv4 address.
         keyword_required=True, also=["IP_ADDRESS"]),
    Spec("COLOMBIA_INDIVIDUAL_NIT_NUMBER", nit_person,
         keywords=["nit"], keyword_required=True,
         invalid=lambda rng: _nit_invalid(rng, cedula_number(rng))),
    Spec("COLOMBIA_ORGANIZATION_NIT_NUMBER", nit_organization,
         keywords=["nit"], keyword_required=True,
         invalid=lambda rng: _nit_invalid(rng, str(rng.randint(800_000_000, 999_999_999)))),
    Spec("AUSTRALIA_TAX_FILE_NUMBER", tfn,
         keywords=["tfn", "tax file number"], keyword_required=True, invalid=tfn_invalid),
    Spec("CANADA_NATIONAL_IDENTIFICATION_NUMBER", canada_uci,
         keywords=["permanent resident number", "pr number", "permanent resident card number", "uci"],
         keyword_required=True, invalid=lambda rng: rng.choice(["0000-0000", "00-0000-0000"])),
]
