"""Contact and device identifiers: phone numbers (US/Canada and the six countries Macie covers),
email, IP and MAC addresses, dates of birth and coordinates.

Synthetic values only. Where a reserved range exists it is used: NANP 555-0100..0199, Ofcom's
drama numbers (020 7946 0xxx, 0161 496 0xxx, 01632 960xxx, 07700 900xxx, ...), example.com /
.org / .net, RFC 5737 (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) and RFC 3849
(2001:db8::/32). Other phone numbers and the MAC addresses are random digits in the shapes
piiscan's classifier gives to that country (see `PhoneNumbering` in Phones.swift): a shape two
numbering plans share is reported under one ID only, so each maker below writes only the shapes
its country owns.

Each country phone ID has a second spec (variant "international"): the number written with its
calling code, `+CC` or `00CC` (`+44 20 7946 0958`, `+44 (0)20 7946 0958`, `0033 1 23 45 67 89`),
which the code alone assigns to the country, so it is reported without a keyword.
"""
from __future__ import annotations

import random

from . import Spec, digits

# MARK: - Phone numbers

PHONE_KEYWORDS = ["phone", "telephone", "tel", "mobile", "cell", "fax", "phone number",
                  "contact number"]


def _nanp_area(rng: random.Random) -> str:
    """An area code that can be assigned: 2-9, not N11."""
    while True:
        area = str(rng.randint(2, 9)) + digits(rng, 2)
        if area[1:] != "11":
            return area


def phone_number(rng: random.Random) -> str:
    """NANP fictional numbers (555-01xx) in the forms reported without a keyword."""
    area, line = _nanp_area(rng), "01" + digits(rng, 2)
    form = rng.randrange(8)
    return [
        f"({area}) 555-{line}",
        f"{area}-555-{line}",
        f"{area}.555.{line}",
        f"1-{area}-555-{line}",
        f"+1 {area} 555 {line}",
        f"+1-{area}-555-{line}",
        f"+1 ({area}) 555-{line}",
        f"+1{area}555{line}",
    ][form]


def phone_number_invalid(rng: random.Random) -> str:
    """Area code or exchange that cannot be assigned, or a digit too few. (Not an area code
    starting 0 or 3: `(011) 555-0143` is an Italian fixed line, `347-011-0143` a mobile.)"""
    line = "01" + digits(rng, 2)
    area = rng.choice("2456789") + digits(rng, 2)
    form = rng.randrange(4)
    if form == 0:
        return f"(1{digits(rng, 2)}) 555-{line}"
    if form == 1:
        return f"{area}-{rng.randint(2, 9)}11-{line}"
    if form == 2:
        return f"{area}-{rng.randint(0, 1)}{digits(rng, 2)}-{line}"
    return f"+1 {_nanp_area(rng)} 555 {line[:3]}"


BRAZIL_AREA_CODES = [11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35,
                     37, 38, 41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64,
                     65, 66, 67, 68, 69, 71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88,
                     89, 91, 92, 93, 94, 95, 96, 97, 98, 99]
BRAZIL_UNUSED_AREA_CODES = [10, 20, 23, 25, 26, 29, 30, 36, 39, 40, 50, 52, 56, 57, 58, 59, 60,
                            70, 72, 76, 78, 80, 90]


def brazil_phone(rng: random.Random) -> str:
    area = rng.choice(BRAZIL_AREA_CODES)
    if rng.random() < 0.6:
        sub_a, sub_b = "9" + digits(rng, 4), digits(rng, 4)
        form = rng.randrange(5)
        return [f"({area}) {sub_a}-{sub_b}", f"({area}){sub_a}-{sub_b}", f"{area} {sub_a}-{sub_b}",
                f"{area} 9 {sub_a[1:]}-{sub_b}", f"({area}) {sub_a}{sub_b}"][form]
    sub_a, sub_b = str(rng.randint(2, 5)) + digits(rng, 3), digits(rng, 4)
    form = rng.randrange(3)
    return [f"({area}) {sub_a}-{sub_b}", f"{area} {sub_a}-{sub_b}", f"({area}) {sub_a} {sub_b}"][form]


def brazil_phone_invalid(rng: random.Random) -> str:
    """An area code not in use, a 9-digit number not starting with 9, a landline starting 0/1."""
    form = rng.randrange(3)
    if form == 0:
        return f"({rng.choice(BRAZIL_UNUSED_AREA_CODES)}) 9{digits(rng, 4)}-{digits(rng, 4)}"
    if form == 1:
        return f"({rng.choice(BRAZIL_AREA_CODES)}) {rng.randint(1, 8)}{digits(rng, 4)}-{digits(rng, 4)}"
    return f"({rng.choice(BRAZIL_AREA_CODES)}) {rng.randint(0, 1)}{digits(rng, 3)}-{digits(rng, 4)}"


def france_phone(rng: random.Random) -> str:
    number = "0" + str(rng.randint(1, 9)) + digits(rng, 8)
    separator = rng.choice([" ", ".", "-", ""])
    if separator == "":
        return number
    return separator.join(number[i:i + 2] for i in range(0, 10, 2))


def france_phone_invalid(rng: random.Random) -> str:
    """Nine or eleven digits written in pairs."""
    number = "0" + str(rng.randint(1, 9)) + digits(rng, rng.choice([7, 9]))
    return " ".join(number[i:i + 2] for i in range(0, len(number), 2))


GERMAN_AREA_CODES = ["030", "040", "069", "089", "0221", "0211", "0711", "0351", "0341", "0511",
                     "0911", "0201", "02232", "03304", "06131", "07031"]
GERMAN_MOBILE_PREFIXES = ["0151", "0152", "0157", "0160", "0162", "0163", "0170", "0171", "0172",
                          "0173", "0174", "0175", "0176", "0177", "0178", "0179"]


def germany_phone(rng: random.Random) -> str:
    if rng.random() < 0.4:
        prefix = rng.choice(GERMAN_MOBILE_PREFIXES)
        subscriber = digits(rng, rng.choice([7, 8]))
        if len(subscriber) == 8 and rng.random() < 0.3:
            return prefix + subscriber            # compact: 12 digits
        return f"{prefix}{rng.choice([' ', '/', '-'])}{subscriber}"
    area = rng.choice(GERMAN_AREA_CODES)
    # 10-11 digits in all; a 5-digit area code with 6 digits would be a UK 5-6 shape when it
    # starts with 07, so those get 5.
    length = 11 - len(area) if area[:2] != "07" else 5
    subscriber = str(rng.randint(1, 9)) + digits(rng, max(3, length - 1))
    form = rng.randrange(4)
    return [f"{area} {subscriber}", f"{area}/{subscriber}", f"{area}-{subscriber}",
            f"({area}) {subscriber}"][form]


def germany_phone_invalid(rng: random.Random) -> str:
    """A subscriber block of 9-10 digits after the area code (13-14 digits in all)."""
    return f"{rng.choice(GERMAN_AREA_CODES[:4])} {rng.randint(1, 9)}{digits(rng, rng.choice([9, 10]))}"


ITALIAN_THREE_DIGIT_AREA_CODES = ["010", "011", "015", "019", "030", "031", "035", "039", "040",
                                  "041", "045", "049", "050", "051", "055", "059", "070", "071",
                                  "075", "079", "080", "081", "085", "089", "090", "091", "095",
                                  "099"]


def italy_phone(rng: random.Random) -> str:
    form = rng.randrange(6)
    if form == 0:
        return f"{rng.choice(['02', '06'])} {digits(rng, 4)} {digits(rng, 4)}"
    if form == 1:
        return f"{rng.choice(['02', '06'])} {digits(rng, 8)}"
    if form == 2:
        return f"{rng.choice(ITALIAN_THREE_DIGIT_AREA_CODES)} {digits(rng, 3)} {digits(rng, 4)}"
    prefix = "3" + str(rng.randint(1, 9)) + digits(rng, 1)
    if form == 3:
        return f"{prefix} {digits(rng, 7)}"
    if form == 4:
        return f"{prefix}-{digits(rng, 7)}"
    # 3-3-4 is also the NANP shape: only when the exchange starts 0 or 1 (not NANP).
    return f"{prefix} {rng.randint(0, 1)}{digits(rng, 2)} {digits(rng, 4)}"


def italy_phone_invalid(rng: random.Random) -> str:
    """A mobile with 11 digits, or a fixed line with an area code that does not exist."""
    if rng.random() < 0.5:
        return f"3{rng.randint(1, 9)}{digits(rng, 1)} {digits(rng, 8)}"
    return f"0{rng.choice(['20', '60', '12', '13'])} {digits(rng, 3)} {digits(rng, 4)}"


def spain_phone(rng: random.Random) -> str:
    number = str(rng.randint(6, 9)) + digits(rng, 8)
    form = rng.randrange(5)
    return [number, f"{number[:3]} {number[3:6]} {number[6:]}",
            f"{number[:3]} {number[3:5]} {number[5:7]} {number[7:]}",
            f"{number[:2]} {number[2:5]} {number[5:7]} {number[7:]}",
            f"{number[:3]}-{number[3:6]}-{number[6:]}"][form]


def spain_phone_invalid(rng: random.Random) -> str:
    """First digit 5, or eight digits."""
    if rng.random() < 0.5:
        return f"5{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}"
    return f"{rng.randint(6, 9)}{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 2)}"


# Ofcom's numbers for drama (https://www.ofcom.org.uk/phones-and-broadband/phone-numbers/numbers-for-drama).
UK_DRAMA = [("020", "7946 0"), ("0113", "496 0"), ("0114", "496 0"), ("0115", "496 0"),
            ("0116", "496 0"), ("0117", "496 0"), ("0118", "496 0"), ("0121", "496 0"),
            ("0131", "496 0"), ("0141", "496 0"), ("0151", "496 0"), ("0161", "496 0"),
            ("029", "2018 0"), ("01632", "960 "), ("07700", "900 ")]


def uk_phone(rng: random.Random) -> str:
    area, head = rng.choice(UK_DRAMA)
    tail = digits(rng, 3)
    number = f"{area} {head}{tail}"
    if area in ("01632", "07700"):
        number = number.replace("960 ", "960").replace("900 ", "900")
        form = rng.randrange(4)
        if form == 1:
            return number[:5] + " " + number[6:9] + " " + number[9:]   # 5-3-3
        if form == 2:
            return number.replace(" ", "")                              # compact
        if form == 3 and area == "01632":
            return f"({area}) {number[6:]}"
        return number
    if rng.random() < 0.25:
        return f"({area}) {number[len(area) + 1:]}"
    return number


def uk_phone_invalid(rng: random.Random) -> str:
    """Ten or twelve digits in the London 3-4-4 shape."""
    return f"020 7946 0{digits(rng, rng.choice([2, 4]))}"


# MARK: - Phone numbers in international form (variant "international")

def _calling_code(rng: random.Random, code: str) -> str:
    """`+CC` mostly; `00CC`, `00 CC` or `(+CC)` sometimes."""
    return rng.choice([f"+{code}"] * 4 + [f"00{code}", f"00{code}", f"00 {code}", f"(+{code})"])


def _glued(cc: str, number: str) -> str:
    """The calling code and a compact national number: `+33612345678`, `0033612345678` (not
    `00 33612345678`, where nothing shows where the code ends)."""
    return cc.replace(" ", "") + number


def brazil_phone_international(rng: random.Random) -> str:
    """`+55 11 91234-5678`, `+55 (11) 3456-7890`, `0055 11 91234 5678`, `+5511912345678`."""
    area = rng.choice(BRAZIL_AREA_CODES)
    if rng.random() < 0.6:
        sub_a, sub_b = "9" + digits(rng, 4), digits(rng, 4)
    else:
        sub_a, sub_b = str(rng.randint(2, 5)) + digits(rng, 3), digits(rng, 4)
    cc = _calling_code(rng, "55")
    form = rng.randrange(4)
    return [f"{cc} {area} {sub_a}-{sub_b}", f"{cc} ({area}) {sub_a}-{sub_b}",
            f"{cc} {area} {sub_a} {sub_b}", _glued(cc, f"{area}{sub_a}{sub_b}")][form]


def brazil_phone_international_invalid(rng: random.Random) -> str:
    """An area code not in use, or a nine-digit number not starting with 9."""
    if rng.random() < 0.5:
        return f"+55 {rng.choice(BRAZIL_UNUSED_AREA_CODES)} 9{digits(rng, 4)}-{digits(rng, 4)}"
    return f"+55 {rng.choice(BRAZIL_AREA_CODES)} {rng.randint(1, 8)}{digits(rng, 4)}-{digits(rng, 4)}"


def france_phone_international(rng: random.Random) -> str:
    """`+33 1 23 45 67 89`, `+33 (0)1 23 45 67 89`, `0033 6 12 34 56 78`, `+33123456789`."""
    number = str(rng.randint(1, 9)) + digits(rng, 8)
    pairs = " ".join(number[i:i + 2] for i in range(1, 9, 2))
    cc = _calling_code(rng, "33")
    form = rng.randrange(4)
    if form == 0:
        return f"{cc} {number[0]} {pairs}"
    if form == 1:
        return f"{cc} (0){number[0]} {pairs}"
    if form == 2:
        return _glued(cc, number)
    return f"{cc}.{number[0]}.{pairs.replace(' ', '.')}"


def france_phone_international_invalid(rng: random.Random) -> str:
    """Eight or ten digits after +33, or a national number starting 0."""
    if rng.random() < 0.5:
        number = str(rng.randint(1, 9)) + digits(rng, rng.choice([7, 9]))
    else:
        number = "0" + digits(rng, 8)
    return f"+33 {number[0]} " + " ".join(number[i:i + 2] for i in range(1, len(number), 2))


def germany_phone_international(rng: random.Random) -> str:
    """`+49 30 12345678`, `+49 (0)89 1234567`, `0049 151 23456789`, `+49-69-1234567`."""
    cc = _calling_code(rng, "49")
    if rng.random() < 0.4:
        prefix = rng.choice(GERMAN_MOBILE_PREFIXES)[1:]
        subscriber = digits(rng, rng.choice([7, 8]))
    else:
        prefix = rng.choice(GERMAN_AREA_CODES)[1:]
        subscriber = str(rng.randint(1, 9)) + digits(rng, 10 - len(prefix) - rng.randint(1, 3))
    form = rng.randrange(4)
    if form == 0:
        return f"{cc} {prefix} {subscriber}"
    if form == 1:
        return f"{cc} (0){prefix} {subscriber}"
    if form == 2:
        return f"{cc}-{prefix}-{subscriber}"
    return _glued(cc, prefix + subscriber)


def germany_phone_international_invalid(rng: random.Random) -> str:
    """A national number of 12-13 digits, or one starting 0."""
    if rng.random() < 0.5:
        return f"+49 {rng.choice(GERMAN_AREA_CODES)[1:3]} {rng.randint(1, 9)}{digits(rng, rng.choice([9, 10]))}"
    return f"+49 0{digits(rng, 2)} {rng.randint(1, 9)}{digits(rng, 6)}"


def italy_phone_international(rng: random.Random) -> str:
    """Fixed lines keep their 0: `+39 06 1234 5678`, `+39 011 123 4567`; mobiles
    `+39 347 123 4567`, `0039 347 1234567`, `+393471234567`."""
    cc = _calling_code(rng, "39")
    form = rng.randrange(5)
    if form == 0:
        return f"{cc} {rng.choice(['02', '06'])} {digits(rng, 4)} {digits(rng, 4)}"
    if form == 1:
        return f"{cc} {rng.choice(ITALIAN_THREE_DIGIT_AREA_CODES)} {digits(rng, 3)} {digits(rng, 4)}"
    prefix = "3" + str(rng.randint(1, 9)) + digits(rng, 1)
    if form == 2:
        return f"{cc} {prefix} {digits(rng, 3)} {digits(rng, 4)}"
    if form == 3:
        return f"{cc} {prefix} {digits(rng, 7)}"
    return _glued(cc, prefix + digits(rng, 7))


def italy_phone_international_invalid(rng: random.Random) -> str:
    """A mobile with 11 digits, or a national number starting 00."""
    if rng.random() < 0.5:
        return f"+39 3{rng.randint(1, 9)}{digits(rng, 1)} {digits(rng, 8)}"
    return f"+39 00{digits(rng, 1)} {digits(rng, 3)} {digits(rng, 4)}"


def spain_phone_international(rng: random.Random) -> str:
    """`+34 612 345 678`, `+34 91 234 56 78`, `0034 912 34 56 78`, `+34612345678`."""
    number = str(rng.randint(6, 9)) + digits(rng, 8)
    cc = _calling_code(rng, "34")
    form = rng.randrange(4)
    return [f"{cc} {number[:3]} {number[3:6]} {number[6:]}",
            f"{cc} {number[:2]} {number[2:5]} {number[5:7]} {number[7:]}",
            f"{cc} {number[:3]} {number[3:5]} {number[5:7]} {number[7:]}",
            _glued(cc, number)][form]


def spain_phone_international_invalid(rng: random.Random) -> str:
    """First digit 1-5, or eight or ten digits."""
    if rng.random() < 0.5:
        return f"+34 {rng.randint(1, 5)}{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}"
    return f"+34 {rng.randint(6, 9)}{digits(rng, 2)} {digits(rng, 3)} {digits(rng, rng.choice([2, 4]))}"


def uk_phone_international(rng: random.Random) -> str:
    """Ofcom's drama numbers with +44 or 0044: `+44 20 7946 0958`, `+44 (0)161 496 0123`,
    `0044 7700 900123`, `+447700900123`."""
    national = uk_phone(rng)
    compact = "".join(ch for ch in national if ch.isdigit())
    area = next(a for a, _ in UK_DRAMA if compact.startswith(a))
    rest = compact[len(area):]
    cc = _calling_code(rng, "44")
    form = rng.randrange(4)
    if form == 3:
        return _glued(cc, compact[1:])
    if len(rest) == 8:
        rest = f"{rest[:4]} {rest[4:]}"
    elif len(rest) == 7:
        rest = f"{rest[:3]} {rest[3:]}"
    if form == 1:
        return f"{cc} (0){area[1:]} {rest}"
    if form == 2:
        return f"{cc}-{area[1:]}-{rest.replace(' ', '-')}"
    return f"{cc} {area[1:]} {rest}"


def uk_phone_international_invalid(rng: random.Random) -> str:
    """Nine or eleven digits after +44, or a national number starting 0, 4 or 6."""
    if rng.random() < 0.5:
        return f"+44 20 7946 0{digits(rng, rng.choice([2, 4]))}"
    return f"+44 {rng.choice('046')}0 7946 0{digits(rng, 3)}"


# MARK: - MAC addresses

def mac_address(rng: random.Random) -> str:
    """A locally administered unicast EUI-48 (first octet x2, x6, xA or xE)."""
    octets = [rng.randrange(256) for _ in range(6)]
    octets[0] = (octets[0] & 0xFC) | 0x02
    hexes = [f"{o:02x}" for o in octets]
    if rng.random() < 0.4:
        hexes = [h.upper() for h in hexes]
    form = rng.randrange(3)
    if form == 0:
        return ":".join(hexes)
    if form == 1:
        return "-".join(hexes)
    joined = "".join(hexes).lower()
    return ".".join(joined[i:i + 4] for i in range(0, 12, 4))


def mac_address_invalid(rng: random.Random) -> str:
    """Unset or broadcast, seven groups, or a non-hex digit."""
    form = rng.randrange(4)
    if form == 0:
        return rng.choice(["00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff", "FF-FF-FF-FF-FF-FF", "0000.0000.0000"])
    groups = [f"{rng.randrange(256):02x}" for _ in range(7)]
    if form == 1:
        return ":".join(groups)
    groups = groups[:6]
    groups[rng.randrange(6)] = rng.choice("ghkmx") + rng.choice("0123456789")
    return (":" if form == 2 else "-").join(groups)


# MARK: - Dates of birth

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def date_of_birth(rng: random.Random) -> str:
    year = rng.randint(1930, 2012)
    month = rng.randint(1, 12)
    day = rng.randint(1, MONTH_LENGTHS[month - 1] + (1 if month == 2 and _leap(year) else 0))
    name = MONTHS[month - 1]
    case = rng.choice([str, str.lower, str.upper])
    form = rng.randrange(10)
    return [
        f"{year}-{month:02d}-{day:02d}",
        f"{day:02d}/{month:02d}/{year}",
        f"{month:02d}/{day:02d}/{year}",
        f"{day:02d}.{month:02d}.{year}",
        f"{day}-{month}-{year}",
        f"{case(name)} {day}, {year}",
        f"{day} {case(name)} {year}",
        f"{case(name[:3])} {day} {year}",
        f"{day}-{name[:3]}-{year}",
        f"{day:02d} {month:02d} {year}",
    ][form]


def date_of_birth_invalid(rng: random.Random) -> str:
    """A day the month does not have, a thirteenth month, a year no one alive was born in."""
    form = rng.randrange(4)
    year = rng.randint(1930, 2012)
    if form == 0:
        month = rng.choice([2, 4, 6, 9, 11])
        day = 30 if month == 2 else 31
        return f"{year}-{month:02d}-{day}"
    if form == 1:
        return f"{rng.randint(13, 31)}/{rng.randint(13, 31)}/{year}"
    if form == 2:
        leap_free = rng.choice([1900, 1985, 1991, 2001, 2003])
        return f"29/02/{leap_free}"
    return f"{rng.choice(['April', 'June', 'September'])} 31, {year}"


# MARK: - Coordinates

def latitude_longitude(rng: random.Random) -> str:
    places = rng.randint(4, 6)
    lat = f"{rng.uniform(-89.9, 89.9):.{places}f}"
    lon = f"{rng.uniform(-179.9, 179.9):.{places}f}"
    separator = rng.choice([", ", ",", " ", "; "])
    if rng.random() < 0.2:
        return f"{lat}°{separator}{lon}°"
    return f"{lat}{separator}{lon}"


def latitude_longitude_invalid(rng: random.Random) -> str:
    """Both numbers out of range (|lat| > 90 either way round)."""
    lat = f"{rng.uniform(90.5, 99.9):.4f}"
    lon = f"{rng.uniform(180.5, 199.9):.4f}"
    return f"{rng.choice(['', '-'])}{lat}, {rng.choice(['', '-'])}{lon}"


# MARK: - Email

def email_address(rng: random.Random) -> str:
    alphabet = "abcdefghijklmnopqrstuvwxyz"
    local = "".join(rng.choice(alphabet) for _ in range(rng.randint(2, 8)))
    joiner = rng.choice(["", ".", "_", "-", "+"])
    if joiner:
        local += joiner + "".join(rng.choice(alphabet + "0123456789") for _ in range(rng.randint(1, 6)))
    if rng.random() < 0.2:
        local = local.capitalize()
    domain = rng.choice(["example.com", "example.org", "example.net", "mail.example.com",
                         "dept.example.org", "EXAMPLE.COM"])
    return f"{local}@{domain}"


def email_address_invalid(rng: random.Random) -> str:
    """No TLD, an empty atom, a one-letter TLD, a label starting with a hyphen."""
    local = "".join(rng.choice("abcdefghij") for _ in range(5))
    return rng.choice([f"{local}@example", f"{local}..x@example.com", f"{local}@example.c",
                       f"{local}@-example.com", f"{local}.@example.org"])


# MARK: - IP addresses

def ip_address(rng: random.Random) -> str:
    if rng.random() < 0.55:
        block = rng.choice(["192.0.2", "198.51.100", "203.0.113"])
        return f"{block}.{rng.randint(0, 255)}"
    groups = [f"{rng.randrange(1 << 16):x}" for _ in range(6)]
    form = rng.randrange(5)
    if form == 0:
        return f"2001:db8::{groups[0]}"
    if form == 1:
        return f"2001:db8:{groups[0]}:{groups[1]}::{groups[2]}"
    if form == 2:
        return "2001:db8:" + ":".join(groups)
    if form == 3:
        return "2001:0db8:" + ":".join(f"{int(g, 16):04x}" for g in groups).upper()
    return f"2001:db8::{groups[0]}:{rng.choice(['192.0.2', '198.51.100'])}.{rng.randint(1, 254)}"


def ip_address_invalid(rng: random.Random) -> str:
    """An octet over 255, nine IPv6 groups, a non-hex group."""
    form = rng.randrange(3)
    if form == 0:
        block = rng.choice(["192.0.2", "198.51.100", "203.0.113"])
        return f"{block}.{rng.randint(256, 999)}"
    if form == 1:
        return "2001:db8:" + ":".join(f"{rng.randrange(1 << 16):x}" for _ in range(7))
    return f"2001:db8::{rng.choice('ghkz')}{rng.randrange(16):x}"


SPECS: list[Spec] = [
    Spec(id="PHONE_NUMBER", valid=phone_number, keywords=PHONE_KEYWORDS,
         invalid=phone_number_invalid),
    Spec(id="BRAZIL_PHONE_NUMBER", valid=brazil_phone, keyword_required=True,
         keywords=["telefone", "celular", "fone", "número de telefone", "phone", "tel"],
         invalid=brazil_phone_invalid),
    Spec(id="FRANCE_PHONE_NUMBER", valid=france_phone, keyword_required=True,
         keywords=["téléphone", "tél", "portable", "numéro de téléphone", "phone", "mobile"],
         invalid=france_phone_invalid),
    Spec(id="GERMANY_PHONE_NUMBER", valid=germany_phone, keyword_required=True,
         keywords=["telefon", "telefonnummer", "handy", "mobil", "rufnummer", "phone", "fax"],
         invalid=germany_phone_invalid),
    Spec(id="ITALY_PHONE_NUMBER", valid=italy_phone, keyword_required=True,
         keywords=["telefono", "cellulare", "numero di telefono", "phone", "tel"],
         invalid=italy_phone_invalid),
    Spec(id="SPAIN_PHONE_NUMBER", valid=spain_phone, keyword_required=True,
         keywords=["teléfono", "móvil", "número de teléfono", "celular", "phone", "tel"],
         invalid=spain_phone_invalid),
    Spec(id="UK_PHONE_NUMBER", valid=uk_phone, keyword_required=True,
         keywords=["phone", "telephone", "mobile", "mob", "landline", "tel"],
         invalid=uk_phone_invalid),
    # International forms: the calling code names the country, so no keyword is needed.
    Spec(id="BRAZIL_PHONE_NUMBER", variant="international", valid=brazil_phone_international,
         keywords=["telefone", "celular", "phone", "tel"], invalid=brazil_phone_international_invalid),
    Spec(id="FRANCE_PHONE_NUMBER", variant="international", valid=france_phone_international,
         keywords=["téléphone", "portable", "phone", "mobile"], invalid=france_phone_international_invalid),
    Spec(id="GERMANY_PHONE_NUMBER", variant="international", valid=germany_phone_international,
         keywords=["telefon", "handy", "rufnummer", "phone"], invalid=germany_phone_international_invalid),
    Spec(id="ITALY_PHONE_NUMBER", variant="international", valid=italy_phone_international,
         keywords=["telefono", "cellulare", "phone", "tel"], invalid=italy_phone_international_invalid),
    Spec(id="SPAIN_PHONE_NUMBER", variant="international", valid=spain_phone_international,
         keywords=["teléfono", "móvil", "phone", "tel"], invalid=spain_phone_international_invalid),
    Spec(id="UK_PHONE_NUMBER", variant="international", valid=uk_phone_international,
         keywords=["phone", "telephone", "mobile", "landline"], invalid=uk_phone_international_invalid),
    Spec(id="MAC_ADDRESS", valid=mac_address, keywords=["mac", "mac address", "hwaddr", "ether"],
         invalid=mac_address_invalid),
    Spec(id="DATE_OF_BIRTH", valid=date_of_birth, keyword_required=True,
         keywords=["dob", "date of birth", "birth date", "birthday", "bday", "b-day", "birthdate"],
         invalid=date_of_birth_invalid),
    Spec(id="LATITUDE_LONGITUDE", valid=latitude_longitude, keyword_required=True,
         keywords=["coordinates", "lat long", "location", "gps", "geolocation", "position"],
         invalid=latitude_longitude_invalid),
    Spec(id="EMAIL_ADDRESS", valid=email_address, keywords=["email", "e-mail", "mail", "contact"],
         invalid=email_address_invalid),
    Spec(id="IP_ADDRESS", valid=ip_address, keywords=["ip", "ip address", "host", "client ip"],
         invalid=ip_address_invalid),
]
