"""Financial identifiers: payment cards and card data, bank accounts, IBANs of every SWIFT
registry country, US routing numbers, BIC, and Argentina's SUBE card.

Check digits are computed here independently of piiscan (Luhn, ISO 7064 mod 97-10, ABA 3-7-1).

The FRANCE_, GERMANY_, ITALY_, SPAIN_ and UK_BANK_ACCOUNT_NUMBER identifiers also report
domestic BBANs near a keyword: their main specs' positives are IBANs (which need no keyword), and
a second spec each (variant "bban") plants the domestic forms, with a keyword, without one (as
negatives) and with a wrong check.
"""
from __future__ import annotations

import random

from . import Spec, digits, letters, luhn_check_digit

UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# The registry's "c" positions: letters or digits, in practice mostly digits.
ALNUM_MOSTLY_DIGITS = "0123456789" * 15 + UPPER

# ----------------------------------------------------------------------------------------------
# Payment cards

# (network, prefixes, lengths); a prefix range is (low, high) over as many leading digits.
NETWORKS = [
    ("visa", [(4, 4)], [16, 16, 16, 13, 19]),
    ("mastercard", [(51, 55), (2221, 2720)], [16]),
    ("amex", [(34, 34), (37, 37)], [15]),
    ("discover", [(6011, 6011), (644, 649), (65, 65)], [16]),
    ("jcb", [(3528, 3589)], [16]),
    ("diners", [(300, 305), (36, 36), (38, 39)], [14]),
    ("unionpay", [(62, 62)], [16, 17, 18, 19]),
    ("maestro", [(6304, 6304), (6759, 6759), (6761, 6763)], [16]),
]


def _card_digits(rng: random.Random) -> str:
    """A Luhn-valid number of a random network (never an issuer's published test number:
    those repeat patterns a random body does not hit)."""
    _, prefixes, lengths = rng.choice(NETWORKS)
    low, high = rng.choice(prefixes)
    prefix = str(rng.randint(low, high))
    length = rng.choice(lengths)
    body = prefix + digits(rng, length - len(prefix) - 1)
    return body + luhn_check_digit(body)


def _group(number: str, sizes: list[int], separator: str) -> str:
    out, i = [], 0
    for size in sizes:
        out.append(number[i:i + size])
        i += size
    return separator.join(out)


def _card_form(rng: random.Random, number: str) -> str:
    """The number plain or in its usual printed groups (one kind of separator)."""
    n = len(number)
    if rng.random() < 0.4:
        return number
    separator = rng.choice([" ", "-"])
    sizes = {15: [4, 6, 5], 14: [4, 6, 4], 16: [4, 4, 4, 4], 19: [4, 4, 4, 4, 3]}.get(n)
    return _group(number, sizes, separator) if sizes else number


def card_number(rng: random.Random) -> str:
    return _card_form(rng, _card_digits(rng))


def card_look_alike(rng: random.Random) -> str:
    """A Luhn failure, or a Luhn-valid number whose prefix and length no network issues."""
    number = _card_digits(rng)
    if rng.random() < 0.7:
        wrong = str((int(number[-1]) + rng.randint(1, 9)) % 10)
        return _card_form(rng, number[:-1] + wrong)
    # Amex prefix with 16 digits, Mastercard prefix with 15.
    prefix, length = rng.choice([("37", 16), ("34", 16), ("51", 15), ("55", 15)])
    body = prefix + digits(rng, length - 3)
    return body + luhn_check_digit(body)


CARD_KEYWORDS = [
    "credit card", "card number", "visa", "cc #", "ccn", "amex", "mastercard", "debit card",
    "payment card number", "credit card no",
]


# ----------------------------------------------------------------------------------------------
# Card data

MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_LONG = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]


def expiration(rng: random.Random) -> str:
    month = rng.randint(1, 12)
    year = rng.randint(2024, 2039)
    form = rng.randrange(6)
    if form == 0:
        return f"{month:02d}/{year % 100:02d}"
    if form == 1:
        return f"{month:02d}/{year}"
    if form == 2:
        return f"{month:02d}-{year % 100:02d}"
    if form == 3:
        return f"{month}/{year % 100:02d}"
    if form == 4:
        return f"{MONTH_NAMES[month - 1]} {year}"
    return f"{MONTH_LONG[month - 1]} {year}"


def expiration_look_alike(rng: random.Random) -> str:
    month = rng.choice([0, 13, 14, 15, 19])
    return f"{month:02d}/{rng.randint(24, 39):02d}"


def security_code(rng: random.Random) -> str:
    return digits(rng, rng.choice([3, 3, 3, 4]))


def security_code_look_alike(rng: random.Random) -> str:
    return digits(rng, rng.choice([5, 6]))


SURNAMES = ["DOE", "SMITH", "GARCIA", "MULLER", "ROSSI", "DUPONT", "NOVAK", "TANAKA", "SILVA"]
GIVEN = ["JOHN", "ANNA", "MARIA", "LUCA", "PIERRE", "JAN", "KEIKO", "ANA", "PAT M"]


def _track(rng: random.Random, pan: str) -> str:
    yymm = f"{rng.randint(24, 39):02d}{rng.randint(1, 12):02d}"
    service = rng.choice(["101", "120", "201", "221", "501"])
    if rng.random() < 0.5:
        name = f"{rng.choice(SURNAMES)}/{rng.choice(GIVEN)}"
        return f"%B{pan}^{name}^{yymm}{service}{digits(rng, rng.randint(6, 20))}?"
    return f";{pan}={yymm}{service}{digits(rng, rng.randint(4, 12))}?"


def magnetic_stripe(rng: random.Random) -> str:
    return _track(rng, _card_digits(rng))


def magnetic_stripe_look_alike(rng: random.Random) -> str:
    number = _card_digits(rng)
    wrong = str((int(number[-1]) + rng.randint(1, 9)) % 10)
    return _track(rng, number[:-1] + wrong)


# ----------------------------------------------------------------------------------------------
# US and Canadian bank accounts, routing numbers, BIC, SUBE

def bank_account(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return f"{digits(rng, 5)}-{digits(rng, 3)}-{digits(rng, rng.randint(7, 12))}"
    while True:
        value = str(rng.randint(1, 9)) + digits(rng, rng.randint(8, 16))
        if len(set(value)) > 1:
            return value


def bank_account_look_alike(rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + digits(rng, rng.randint(5, 7))


ROUTING_PREFIXES = list(range(0, 13)) + list(range(21, 33)) + list(range(61, 73)) + [80]
UNASSIGNED_PREFIXES = [p for p in range(100) if p not in ROUTING_PREFIXES]


def _aba_complete(first8: str) -> str:
    weights = [3, 7, 1, 3, 7, 1, 3, 7]
    total = sum(int(d) * w for d, w in zip(first8, weights))
    return first8 + str((10 - total % 10) % 10)


def routing_number(rng: random.Random) -> str:
    number = _aba_complete(f"{rng.choice(ROUTING_PREFIXES):02d}" + digits(rng, 6))
    if rng.random() < 0.2:
        return f"{number[:4]}-{number[4:8]}-{number[8]}"
    return number


def routing_look_alike(rng: random.Random) -> str:
    if rng.random() < 0.5:
        number = _aba_complete(f"{rng.choice(ROUTING_PREFIXES):02d}" + digits(rng, 6))
        return number[:8] + str((int(number[8]) + rng.randint(1, 9)) % 10)
    return _aba_complete(f"{rng.choice(UNASSIGNED_PREFIXES):02d}" + digits(rng, 6))


BIC_COUNTRIES = ["DE", "FR", "GB", "IT", "ES", "NL", "BE", "CH", "AT", "US", "CA", "JP", "CN",
                 "AU", "SG", "HK", "AE", "SA", "BR", "MX", "IN", "ZA", "SE", "NO", "PL", "XK"]
NOT_COUNTRIES = ["ZZ", "XX", "QQ", "AA", "OO", "UU", "YY", "EU", "UK"]


def _bic(rng: random.Random, country: str) -> str:
    location = rng.choice(UPPER + "23456789") + rng.choice(UPPER.replace("O", "") + "0123456789")
    bic = letters(rng, 4) + country + location
    if rng.random() < 0.4:
        branch = "XXX" if rng.random() < 0.5 else (
            rng.choice(UPPER.replace("X", "") + "0123456789") + letters(rng, 2, UPPER + "0123456789"))
        bic += branch
    return bic


def bic(rng: random.Random) -> str:
    return _bic(rng, rng.choice(BIC_COUNTRIES))


def bic_look_alike(rng: random.Random) -> str:
    return _bic(rng, rng.choice(NOT_COUNTRIES))


def _sube_digits(rng: random.Random) -> str:
    body = "6061" + digits(rng, 11)
    return body + luhn_check_digit(body)


def sube(rng: random.Random) -> str:
    number = _sube_digits(rng)
    if rng.random() < 0.5:
        return number
    return _group(number, [4, 4, 4, 4], rng.choice([" ", "-"]))


def sube_look_alike(rng: random.Random) -> str:
    number = _sube_digits(rng)
    return number[:-1] + str((int(number[-1]) + rng.randint(1, 9)) % 10)


# ----------------------------------------------------------------------------------------------
# IBANs: (country code, identifier ID, IBAN length, BBAN notation), from the SWIFT IBAN
# registry (release 101), plus Senegal, which Macie covers.

IBAN_COUNTRIES = [
    ("AL", "ALBANIA", 28, "8!n16!c"), ("AD", "ANDORRA", 24, "4!n4!n12!c"),
    ("BA", "BOSNIA_AND_HERZEGOVINA", 20, "3!n3!n8!n2!n"), ("BR", "BRAZIL", 29, "8!n5!n10!n1!a1!c"),
    ("BG", "BULGARIA", 22, "4!a4!n2!n8!c"), ("CR", "COSTA_RICA", 22, "4!n14!n"),
    ("HR", "CROATIA", 21, "7!n10!n"), ("CY", "CYPRUS", 28, "3!n5!n16!c"),
    ("CZ", "CZECH_REPUBLIC", 24, "4!n6!n10!n"), ("DK", "DENMARK", 18, "4!n9!n1!n"),
    ("DO", "DOMINICAN_REPUBLIC", 28, "4!c20!n"), ("EG", "EGYPT", 29, "4!n4!n17!n"),
    ("EE", "ESTONIA", 20, "2!n14!n"), ("FO", "FAROE_ISLANDS", 18, "4!n9!n1!n"),
    ("FI", "FINLAND", 18, "3!n11!n"), ("FR", "FRANCE", 27, "5!n5!n11!c2!n"),
    ("GE", "GEORGIA", 22, "2!a16!n"), ("DE", "GERMANY", 22, "8!n10!n"),
    ("GR", "GREECE", 27, "3!n4!n16!c"), ("GL", "GREENLAND", 18, "4!n9!n1!n"),
    ("HU", "HUNGARY", 28, "3!n4!n1!n15!n1!n"), ("IS", "ICELAND", 26, "4!n2!n6!n10!n"),
    ("IE", "IRELAND", 22, "4!a6!n8!n"), ("IT", "ITALY", 27, "1!a5!n5!n12!c"),
    ("JO", "JORDAN", 30, "4!a4!n18!c"), ("XK", "KOSOVO", 20, "4!n10!n2!n"),
    ("LI", "LIECHTENSTEIN", 21, "5!n12!c"), ("LT", "LITHUANIA", 20, "5!n11!n"),
    ("MT", "MALTA", 31, "4!a5!n18!c"), ("MR", "MAURITANIA", 27, "5!n5!n11!n2!n"),
    ("MU", "MAURITIUS", 30, "4!a2!n2!n12!n3!n3!a"), ("MC", "MONACO", 27, "5!n5!n11!c2!n"),
    ("ME", "MONTENEGRO", 22, "3!n13!n2!n"), ("NL", "NETHERLANDS", 18, "4!a10!n"),
    ("MK", "NORTH_MACEDONIA", 19, "3!n10!c2!n"), ("PL", "POLAND", 28, "8!n16!n"),
    ("PT", "PORTUGAL", 25, "4!n4!n11!n2!n"), ("SM", "SAN_MARINO", 27, "1!a5!n5!n12!c"),
    ("SN", "SENEGAL", 28, "2!c22!n"), ("RS", "SERBIA", 22, "3!n13!n2!n"),
    ("SK", "SLOVAKIA", 24, "4!n6!n10!n"), ("SI", "SLOVENIA", 19, "5!n8!n2!n"),
    ("ES", "SPAIN", 24, "4!n4!n1!n1!n10!n"), ("SE", "SWEDEN", 24, "3!n16!n1!n"),
    ("CH", "SWITZERLAND", 21, "5!n12!c"), ("TL", "TIMOR_LESTE", 23, "3!n14!n2!n"),
    ("TN", "TUNISIA", 24, "2!n3!n13!n2!n"), ("TR", "TURKIYE", 26, "5!n1!n16!c"),
    ("GB", "UK", 22, "4!a6!n8!n"), ("UA", "UKRAINE", 29, "6!n19!c"),
    ("AE", "UNITED_ARAB_EMIRATES", 23, "3!n16!n"), ("VG", "VIRGIN_ISLANDS", 24, "4!a16!n"),
    # The registry's countries Macie has no identifier for, named in Macie's style.
    ("AT", "AUSTRIA", 20, "5!n11!n"), ("AZ", "AZERBAIJAN", 28, "4!a20!c"),
    ("BH", "BAHRAIN", 22, "4!a14!c"), ("BY", "BELARUS", 28, "4!c4!n16!c"),
    ("BE", "BELGIUM", 16, "3!n7!n2!n"), ("BI", "BURUNDI", 27, "5!n5!n11!n2!n"),
    ("DJ", "DJIBOUTI", 27, "5!n5!n11!n2!n"), ("SV", "EL_SALVADOR", 28, "4!a20!n"),
    ("FK", "FALKLAND_ISLANDS", 18, "2!a12!n"), ("GI", "GIBRALTAR", 23, "4!a15!c"),
    ("GT", "GUATEMALA", 28, "4!c20!c"), ("HN", "HONDURAS", 28, "4!a20!n"),
    ("IQ", "IRAQ", 23, "4!a3!n12!n"), ("IL", "ISRAEL", 23, "3!n3!n13!n"),
    ("KZ", "KAZAKHSTAN", 20, "3!n13!c"), ("KW", "KUWAIT", 30, "4!a22!c"),
    ("LV", "LATVIA", 21, "4!a13!c"), ("LB", "LEBANON", 28, "4!n20!c"),
    ("LY", "LIBYA", 25, "3!n3!n15!n"), ("LU", "LUXEMBOURG", 20, "3!n13!c"),
    ("MD", "MOLDOVA", 24, "2!c18!c"), ("MN", "MONGOLIA", 20, "4!n12!n"),
    ("NI", "NICARAGUA", 28, "4!a20!n"), ("NO", "NORWAY", 15, "4!n6!n1!n"),
    ("OM", "OMAN", 23, "3!n16!c"), ("PK", "PAKISTAN", 24, "4!a16!c"),
    ("PS", "PALESTINE", 29, "4!a21!c"), ("QA", "QATAR", 29, "4!a21!c"),
    ("RO", "ROMANIA", 24, "4!a16!c"), ("RU", "RUSSIA", 33, "9!n5!n15!c"),
    ("LC", "SAINT_LUCIA", 32, "4!a24!c"), ("ST", "SAO_TOME_AND_PRINCIPE", 25, "4!n4!n11!n2!n"),
    ("SA", "SAUDI_ARABIA", 24, "2!n18!c"), ("SC", "SEYCHELLES", 31, "4!a2!n2!n16!n3!a"),
    ("SO", "SOMALIA", 23, "4!n3!n12!n"), ("SD", "SUDAN", 18, "2!n12!n"),
    ("VA", "VATICAN_CITY", 22, "3!n15!n"), ("YE", "YEMEN", 30, "4!a4!n18!c"),
]


def _mod97(text: str) -> int:
    """The remainder mod 97 of an IBAN's characters after moving the first four to the end."""
    rearranged = text[4:] + text[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97


def _bban(rng: random.Random, notation: str) -> str:
    out, count = [], ""
    for ch in notation:
        if ch.isdigit():
            count += ch
        elif ch == "!":
            continue
        else:
            n = int(count)
            count = ""
            if ch == "n":
                out.append(digits(rng, n))
            elif ch == "a":
                out.append(letters(rng, n))
            else:
                out.append(letters(rng, n, ALNUM_MOSTLY_DIGITS))
    return "".join(out)


def _iban_with_check(code: str, bban: str) -> str:
    check = 98 - _mod97(code + "00" + bban)
    return f"{code}{check:02d}{bban}"


def _iban_form(rng: random.Random, iban: str) -> str:
    if rng.random() < 0.5:
        return iban
    separator = " " if rng.random() < 0.8 else "-"
    return separator.join(iban[i:i + 4] for i in range(0, len(iban), 4))


def _iban_maker(code: str, notation: str):
    def make(rng: random.Random) -> str:
        return _iban_form(rng, _iban_with_check(code, _bban(rng, notation)))
    return make


def _rib_key(bank: str, branch: str, account: str) -> int:
    values = {ch: v for ch, v in zip(UPPER, [1, 2, 3, 4, 5, 6, 7, 8, 9] * 2 + [2, 3, 4, 5, 6, 7, 8, 9])}
    account_digits = "".join(str(values[ch]) if ch.isalpha() else ch for ch in account)
    return 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account_digits)) % 97


_CIN_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25,
            24, 23]


def _cin(body: str) -> str:
    total = 0
    for i, ch in enumerate(body):
        value = int(ch) if ch.isdigit() else ord(ch) - 65
        total += _CIN_ODD[value] if i % 2 == 0 else value
    return chr(65 + total % 26)


def _ccc_digit(ten: str) -> int:
    weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    check = 11 - sum(int(d) * w for d, w in zip(ten, weights)) % 11
    return 0 if check == 11 else 1 if check == 10 else check


def _bad_bban(rng: random.Random, code: str) -> str | None:
    """A domestic BBAN of France, Italy or Spain with a wrong check, as people write it."""
    if code == "FR":
        bank, branch = digits(rng, 5), digits(rng, 5)
        account = digits(rng, 10) + rng.choice("0123456789ABCDEF")
        good = _rib_key(bank, branch, account)
        key = rng.choice([k for k in range(100) if k != good])
        return f"{bank} {branch} {account} {key:02d}"
    if code == "IT":
        body = digits(rng, 10) + digits(rng, 12)
        good = _cin(body)
        wrong = rng.choice([c for c in UPPER if c != good])
        return f"{wrong} {body[:5]} {body[5:10]} {body[10:]}"
    if code == "ES":
        entity, office, account = digits(rng, 4), digits(rng, 4), digits(rng, 10)
        first, second = _ccc_digit("00" + entity + office), _ccc_digit(account)
        second = (second + rng.randint(1, 9)) % 10
        return f"{entity} {office} {first}{second} {account}"
    return None


def _iban_look_alike_maker(code: str, notation: str):
    def make(rng: random.Random) -> str:
        if rng.random() < 0.3:
            bad = _bad_bban(rng, code)
            if bad is not None:
                return bad
        good = _iban_with_check(code, _bban(rng, notation))
        check = int(good[2:4])
        wrong = (check + rng.randint(1, 96)) % 97
        if wrong < 2:
            wrong += 2
        if wrong == check:
            wrong = 2 if check != 2 else 3
        return _iban_form(rng, f"{code}{wrong:02d}{good[4:]}")
    return make


IBAN_KEYWORDS = ["iban", "international bank account number", "iban number", "account iban",
                 "bank details"]


# ----------------------------------------------------------------------------------------------
# Domestic BBANs (variant "bban"): reported only near a keyword, in the forms of the
# FRANCE_, GERMANY_, ITALY_, SPAIN_ and UK_BANK_ACCOUNT_NUMBER identifiers' BBAN rules (Banking.swift).

# Keywords of the BBAN rules (Macie's shared list and each language's own). Not "iban" (the IBAN
# specs' keyword) nor "kartennummer"/"kreditkartennummer" (card keywords, which would make an
# 18-digit Luhn-valid BLZ and account a card number too).
BBAN_KEYWORDS = ["account number", "bban", "account code", "customer account number"]


def _fours(text: str, separator: str) -> str:
    return separator.join(text[i:i + 4] for i in range(0, len(text), 4))


def _rib_account(rng: random.Random) -> str:
    """Eleven characters, sometimes with a letter (La Banque Postale writes one)."""
    account = digits(rng, 11)
    if rng.random() < 0.3:
        i = rng.randrange(11)
        account = account[:i] + rng.choice(UPPER) + account[i + 1:]
    if set(account) == {"0"}:
        account = account[:-1] + "1"
    return account


def _france_rib_form(rng: random.Random, bank: str, branch: str, account: str, key: int) -> str:
    rib = f"{bank}{branch}{account}{key:02d}"
    form = rng.randrange(4)
    if form == 0:
        return rib
    if form == 3:
        return _fours(rib, rng.choice([" ", "-"]))
    separator = " " if form == 1 else "-"
    return separator.join([bank, branch, account, f"{key:02d}"])


def france_bban(rng: random.Random) -> str:
    """A RIB: `20041 01005 0500013M026 06`, compact, dashed or in groups of four."""
    bank, branch, account = digits(rng, 5), digits(rng, 5), _rib_account(rng)
    return _france_rib_form(rng, bank, branch, account, _rib_key(bank, branch, account))


def france_bban_invalid(rng: random.Random) -> str:
    bank, branch, account = digits(rng, 5), digits(rng, 5), _rib_account(rng)
    good = _rib_key(bank, branch, account)
    return _france_rib_form(rng, bank, branch, account, rng.choice([k for k in range(100) if k != good]))


def _germany_form(rng: random.Random, blz: str, account: str) -> str:
    form = rng.randrange(5)
    if form == 0:
        return blz + account
    if form == 1:
        return f"{blz} {account}"
    if form == 2:
        return f"{blz}-{account}"
    if form == 3:
        return f"{blz[:3]} {blz[3:6]} {blz[6:]} {account}"
    return _fours(blz + account, rng.choice([" ", "-"]))


def _german_account(rng: random.Random) -> str:
    account = digits(rng, 10)
    return account if set(account) != {"0"} else "0000000001"


def germany_bban(rng: random.Random) -> str:
    """Bankleitzahl (clearing area 1-8) and account: `37040044 0532013000`, compact, `370 400 44
    0532013000` or in groups of four."""
    return _germany_form(rng, str(rng.randint(1, 8)) + digits(rng, 7), _german_account(rng))


def germany_bban_invalid(rng: random.Random) -> str:
    """A Bankleitzahl in no clearing area (0 or 9), or an all-zero account."""
    if rng.random() < 0.7:
        return _germany_form(rng, rng.choice("09") + digits(rng, 7), _german_account(rng))
    return _germany_form(rng, str(rng.randint(1, 8)) + digits(rng, 7), "0" * 10)


def _italy_account(rng: random.Random) -> str:
    account = digits(rng, 12)
    if rng.random() < 0.2:
        i = rng.randrange(12)
        account = account[:i] + rng.choice(UPPER) + account[i + 1:]
    return account if set(account) != {"0"} else account[:-1] + "7"


def _italy_form(rng: random.Random, cin: str, abi: str, cab: str, account: str) -> str:
    form = rng.randrange(4)
    if form == 0:
        return cin + abi + cab + account
    if form == 3:
        return _fours(cin + abi + cab + account, rng.choice([" ", "-"]))
    return (" " if form == 1 else "-").join([cin, abi, cab, account])


def italy_bban(rng: random.Random) -> str:
    """CIN letter, ABI, CAB, account: `X 05428 11101 000000123456`, compact, dashed or in groups
    of four."""
    abi, cab, account = digits(rng, 5), digits(rng, 5), _italy_account(rng)
    return _italy_form(rng, _cin(abi + cab + account), abi, cab, account)


def italy_bban_invalid(rng: random.Random) -> str:
    abi, cab, account = digits(rng, 5), digits(rng, 5), _italy_account(rng)
    good = _cin(abi + cab + account)
    return _italy_form(rng, rng.choice([c for c in UPPER if c != good]), abi, cab, account)


def _spain_form(rng: random.Random, ccc: str) -> str:
    form = rng.randrange(4)
    if form == 0:
        return ccc
    if form == 3:
        return _fours(ccc, rng.choice([" ", "-"]))
    separator = " " if form == 1 else "-"
    return separator.join([ccc[:4], ccc[4:8], ccc[8:10], ccc[10:]])


def _spain_parts(rng: random.Random) -> tuple[str, str, str]:
    entity, office, account = digits(rng, 4), digits(rng, 4), digits(rng, 10)
    return entity, office, account if set(account) != {"0"} else "0000000001"


def spain_bban(rng: random.Random) -> str:
    """Código cuenta cliente: `2100 0418 45 0200051332`, compact, dashed or in groups of four."""
    entity, office, account = _spain_parts(rng)
    control = f"{_ccc_digit('00' + entity + office)}{_ccc_digit(account)}"
    return _spain_form(rng, entity + office + control + account)


def spain_bban_invalid(rng: random.Random) -> str:
    """One control digit wrong (either of the two)."""
    entity, office, account = _spain_parts(rng)
    first, second = _ccc_digit("00" + entity + office), _ccc_digit(account)
    if rng.random() < 0.5:
        first = (first + rng.randint(1, 9)) % 10
    else:
        second = (second + rng.randint(1, 9)) % 10
    return _spain_form(rng, f"{entity}{office}{first}{second}{account}")


def _uk_form(rng: random.Random, sort_code: str, account: str) -> str:
    form = rng.randrange(5)
    if form <= 1:
        bban = letters(rng, 4) + sort_code + account
        return bban if form == 0 else _fours(bban, rng.choice([" ", "-"]))
    if form == 2:
        sort = rng.choice(["-", " "]).join([sort_code[:2], sort_code[2:4], sort_code[4:]])
    else:
        sort = sort_code
    return f"{sort}{rng.choice([' ', ' ', ',', ', ', '/'])}{account}"


def uk_bban(rng: random.Random) -> str:
    """Bank code, sort code, account (`NWBK60161331926819`, `NWBK 6016 1331 9268 19`), or sort
    code and account (`60-16-13 31926819`, `601613 31926819`). Sort codes are random digits: the
    identifier checks structure only."""
    account = digits(rng, 8)
    return _uk_form(rng, digits(rng, 6), account if set(account) != {"0"} else "00000001")


def uk_bban_invalid(rng: random.Random) -> str:
    """An all-zero account number, or a sort code and a seven-digit account."""
    if rng.random() < 0.5:
        return _uk_form(rng, digits(rng, 6), "0" * 8)
    sort = rng.choice(["-", " "]).join(digits(rng, 2) for _ in range(3))
    return f"{sort} {digits(rng, 7)}"


def _bban_specs() -> list[Spec]:
    return [
        Spec(id="FRANCE_BANK_ACCOUNT_NUMBER", variant="bban", valid=france_bban,
             keywords=BBAN_KEYWORDS + ["rib", "numéro de compte", "compte bancaire", "code bancaire",
                                       "numero de compte"],
             keyword_required=True, invalid=france_bban_invalid),
        Spec(id="GERMANY_BANK_ACCOUNT_NUMBER", variant="bban", valid=germany_bban,
             keywords=BBAN_KEYWORDS + ["kontonummer", "bankverbindung", "konto", "blz",
                                       "bankleitzahl", "sepa"],
             keyword_required=True, invalid=germany_bban_invalid,
             # 18 digits Luhn-valid under a card prefix (62: UnionPay) are a card number too.
             also=["CREDIT_CARD_NUMBER_(NO_KEYWORD)", "CREDIT_CARD_NUMBER"]),
        Spec(id="ITALY_BANK_ACCOUNT_NUMBER", variant="bban", valid=italy_bban,
             keywords=BBAN_KEYWORDS + ["conto corrente", "numero di conto", "coordinate bancarie",
                                       "conto bancario", "codice bancario"],
             keyword_required=True, invalid=italy_bban_invalid),
        Spec(id="SPAIN_BANK_ACCOUNT_NUMBER", variant="bban", valid=spain_bban,
             keywords=BBAN_KEYWORDS + ["número de cuenta", "cuenta bancaria", "código cuenta",
                                       "ccc", "número cuenta cliente"],
             keyword_required=True, invalid=spain_bban_invalid),
        Spec(id="UK_BANK_ACCOUNT_NUMBER", variant="bban", valid=uk_bban,
             keywords=BBAN_KEYWORDS + ["sort code", "bank details", "account no"],
             keyword_required=True, invalid=uk_bban_invalid),
    ]


def _iban_specs() -> list[Spec]:
    return [
        Spec(
            id=f"{name}_BANK_ACCOUNT_NUMBER",
            valid=_iban_maker(code, notation),
            keywords=IBAN_KEYWORDS,
            keyword_required=False,
            invalid=_iban_look_alike_maker(code, notation),
        )
        for code, name, _, notation in IBAN_COUNTRIES
    ]


# ----------------------------------------------------------------------------------------------

SPECS: list[Spec] = [
    Spec(
        id="CREDIT_CARD_NUMBER",
        valid=card_number,
        keywords=CARD_KEYWORDS,
        keyword_required=True,
        invalid=card_look_alike,
        # Without a keyword the same number is the NO_KEYWORD identifier's.
        also=["CREDIT_CARD_NUMBER_(NO_KEYWORD)"],
    ),
    Spec(
        id="CREDIT_CARD_NUMBER_(NO_KEYWORD)",
        valid=card_number,
        keywords=[],
        keyword_required=False,
        invalid=card_look_alike,
        also=["CREDIT_CARD_NUMBER"],
        keyword_allowed=False,
    ),
    Spec(
        id="CREDIT_CARD_EXPIRATION",
        valid=expiration,
        keywords=["expiry", "exp date", "expiration date", "valid thru", "exp",
                  "expiration", "card expiry"],
        keyword_required=True,
        invalid=expiration_look_alike,
    ),
    Spec(
        id="CREDIT_CARD_SECURITY_CODE",
        valid=security_code,
        keywords=["cvv", "cvc", "cvv2", "security code", "card verification value", "cvc2",
                  "card security code"],
        keyword_required=True,
        invalid=security_code_look_alike,
    ),
    Spec(
        id="CREDIT_CARD_MAGNETIC_STRIPE",
        valid=magnetic_stripe,
        keywords=["magstripe", "track data", "swipe", "card data", "track 2"],
        # A track framed by its sentinels needs no keyword (a deliberate superset of Macie).
        keyword_required=False,
        invalid=magnetic_stripe_look_alike,
        # A track 2's PAN is a card number too.
        also=["CREDIT_CARD_NUMBER", "CREDIT_CARD_NUMBER_(NO_KEYWORD)"],
    ),
    Spec(
        id="BANK_ACCOUNT_NUMBER",
        valid=bank_account,
        keywords=["bank account", "checking account", "savings account", "bank acct",
                  "chequing account", "deposit account", "checking acct"],
        keyword_required=True,
        invalid=bank_account_look_alike,
        # A 13-17 digit account number may also be a Luhn-valid card number.
        also=["CREDIT_CARD_NUMBER_(NO_KEYWORD)", "CREDIT_CARD_NUMBER"],
    ),
    Spec(
        id="USA_ROUTING_NUMBER",
        valid=routing_number,
        keywords=["routing number", "aba", "rtn", "routing no", "aba routing number",
                  "routing transit number"],
        keyword_required=True,
        invalid=routing_look_alike,
    ),
    Spec(
        id="SWIFT_BIC_CODE",
        valid=bic,
        keywords=["swift", "bic", "swift code", "bic code", "swift/bic"],
        keyword_required=True,
        invalid=bic_look_alike,
    ),
    Spec(
        id="ARGENTINA_TARJETA_SUBE",
        valid=sube,
        keywords=["sube", "tarjeta sube", "número de tarjeta sube"],
        keyword_required=True,
        invalid=sube_look_alike,
    ),
] + _iban_specs() + _bban_specs()
