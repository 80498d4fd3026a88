#!/usr/bin/env python3
"""Generate Corpora/demo-bucket: a small demo "bucket" of mixed files for piiscan.

Every value is synthetic and produced here from a seeded random generator, so running the
script again rewrites the same bytes:

- emails at example.com / example.org / example.net (RFC 2606 reserved domains);
- phone numbers in the fictional NANP range 555-0100..555-0199;
- IP addresses in the documentation ranges 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24
  and 2001:db8::/32;
- payment card numbers with an issuer prefix and a valid Luhn digit, random otherwise
  (plus two issuers' published test numbers, which piiscan does not report by default);
- US social security numbers that follow the SSA's area/group/serial rules, random;
- IBANs with valid mod-97 check digits over random account numbers;
- AWS access key IDs (random AKIA... strings), random 40-character secret keys, a JWT
  signed with random bytes, a private key block of random base64.

No value belongs to a real person or a real account. Python 3, standard library only.

Usage: python3 Corpora/generate_demo.py   (writes next to this script)
"""

import base64
import json
import os
import random
import shutil

SEED = 20240501
HERE = os.path.dirname(os.path.abspath(__file__))
BUCKET = os.path.join(HERE, "demo-bucket")

rng = random.Random(SEED)

FIRST = ["Alex", "Blake", "Casey", "Devon", "Emery", "Finley", "Harper", "Jordan",
         "Kai", "Logan", "Morgan", "Quinn", "Riley", "Sawyer", "Taylor", "Avery"]
LAST = ["Example", "Sample", "Placeholder", "Testcase", "Fixture", "Demo", "Mockford", "Dummy"]


def digits(n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def luhn_check_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:  # these positions are doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def card_number():
    prefix, length = rng.choice([("4", 16), ("51", 16), ("53", 16), ("55", 16),
                                 ("34", 15), ("37", 15), ("6011", 16)])
    body = prefix + digits(length - len(prefix) - 1)
    return body + luhn_check_digit(body)


def grouped_card(number):
    if len(number) == 15:
        return f"{number[:4]} {number[4:10]} {number[10:]}"
    return " ".join(number[i:i + 4] for i in range(0, len(number), 4))


def ssn_digits():
    while True:
        area = rng.randint(1, 899)
        if area == 666:
            continue
        group = rng.randint(1, 99)
        serial = rng.randint(1, 9999)
        value = f"{area:03d}{group:02d}{serial:04d}"
        if value not in ("078051120", "219099999", "123456789"):
            return value


def dashed_ssn(value):
    return f"{value[:3]}-{value[3:5]}-{value[5:]}"


def phone():
    return f"(212) 555-01{rng.randint(0, 99):02d}"


def email(first, last, domain=None):
    domain = domain or rng.choice(["example.com", "example.org"])
    return f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@{domain}"


def ipv4():
    net = rng.choice(["192.0.2", "198.51.100", "203.0.113"])
    return f"{net}.{rng.randint(1, 254)}"


def ipv6():
    return "2001:db8:" + ":".join(f"{rng.randint(0, 0xffff):x}" for _ in range(3)) + "::" + f"{rng.randint(1, 0xfff):x}"


def iban(country, bban):
    """An IBAN with mod-97 check digits computed over `bban`."""
    rearranged = bban + country + "00"
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    check = 98 - int(numeric) % 97
    return f"{country}{check:02d}{bban}"


def random_iban():
    country = rng.choice(["DE", "GB", "NL"])
    if country == "DE":
        return iban("DE", digits(18))
    if country == "GB":
        bank = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4))
        return iban("GB", bank + digits(14))
    bank = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4))
    return iban("NL", bank + digits(10))


def spaced_iban(value):
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4))


def aws_key_id():
    return "AKIA" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))


def aws_secret():
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+"
    return "".join(rng.choice(alphabet) for _ in range(40))


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def jwt(subject):
    header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    payload = b64url(json.dumps({"sub": subject, "iat": 1714521600, "role": "reader"},
                                separators=(",", ":")).encode())
    signature = b64url(bytes(rng.getrandbits(8) for _ in range(32)))
    return f"{header}.{payload}.{signature}"


def private_key_block():
    body = b"openssh-key-v1\x00" + bytes(rng.getrandbits(8) for _ in range(380))
    text = base64.b64encode(body).decode("ascii")
    lines = [text[i:i + 70] for i in range(0, len(text), 70)]
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + "\n".join(lines) + "\n-----END OPENSSH PRIVATE KEY-----\n"


def person():
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return first, last


def write(relative, text):
    path = os.path.join(BUCKET, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def users_csv(rows):
    lines = ["id,name,email,phone,ssn,card_number,signup_date"]
    for i in range(1, rows + 1):
        first, last = person()
        lines.append(",".join([
            str(1000 + i), f"{first} {last}", email(first, last), phone(), ssn_digits(),
            card_number(), f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        ]))
    return "\n".join(lines) + "\n"


def main():
    if os.path.isdir(BUCKET):
        shutil.rmtree(BUCKET)

    # A clean file: no findings.
    write("README.txt",
          "Demo bucket for piiscan. Every value in these files is synthetic, generated by\n"
          "Corpora/generate_demo.py with a fixed seed. Nothing here belongs to a real person.\n")

    # CSV with a header: bare nine-digit SSNs made eligible by the `ssn` column name.
    write("exports/users.csv", users_csv(8))

    # TSV: payouts with IBANs and cards.
    lines = ["payout_id\tbeneficiary\tiban\tcard\tamount_eur"]
    for i in range(1, 6):
        first, last = person()
        lines.append(f"P-{i:04d}\t{first} {last}\t{random_iban()}\t{card_number()}\t{rng.randint(10, 900)}.00")
    write("exports/payouts.tsv", "\n".join(lines) + "\n")

    # A file without an extension that is JSON Lines.
    records = []
    for i in range(4):
        first, last = person()
        records.append(json.dumps({"event": "login", "seq": i,
                                   "user": {"email": email(first, last, "example.net"), "ip": ipv4()}}))
    write("exports/events", "\n".join(records) + "\n")

    # Nested JSON document.
    customers = []
    for i in range(3):
        first, last = person()
        customers.append({
            "id": f"C-{i + 1:03d}",
            "name": f"{first} {last}",
            "contact": {"email": email(first, last), "phone": "+1 " + phone()},
            "identity": {"ssn": dashed_ssn(ssn_digits())},
            "payment": {"card": grouped_card(card_number()), "iban": spaced_iban(random_iban())},
        })
    write("api/customers.json", json.dumps({"customers": customers, "exported": "2024-05-01"}, indent=2) + "\n")

    # JSON Lines with one malformed line (the scan goes on after it: the object is PARTIAL).
    lines = []
    for i in range(5):
        first, last = person()
        lines.append(json.dumps({"ts": f"2024-05-01T10:0{i}:00Z", "client_ip": ipv4(),
                                 "user": {"email": email(first, last)}, "status": 200}))
    lines.insert(3, '{"ts": "2024-05-01T10:02:30Z", "client_ip": "' + ipv4() + '", "user": {"email": ')
    write("api/requests.jsonl", "\n".join(lines) + "\n")

    # Plain text logs: IPs, emails, an AWS access key pair, a JWT, a private key block.
    key_id, secret = aws_key_id(), aws_secret()
    first, last = person()
    log = [
        f"2024-05-01 10:00:01 INFO  request from {ipv4()} user={email(first, last)}",
        f"2024-05-01 10:00:02 INFO  request from {ipv6()} status=200",
        f"2024-05-01 10:00:03 WARN  retrying upload with aws_access_key_id={key_id}",
        f"2024-05-01 10:00:03 DEBUG aws_secret_access_key={secret}",
        f"2024-05-01 10:00:04 DEBUG Authorization: Bearer {jwt('user-0042')}",
        f"2024-05-01 10:00:05 INFO  request from {ipv4()} status=404",
        "2024-05-01 10:00:06 ERROR deploy key dumped by mistake:",
    ]
    write("logs/app-2024-05-01.log", "\n".join(log) + "\n" + private_key_block()
          + "2024-05-01 10:00:07 INFO  done\n")

    # Nested folders; a misleading extension (JSON in a .csv file).
    report = {"quarter": "2023-Q4", "owner": {"email": email("Report", "Owner", "example.org")},
              "refund": {"card": card_number()}}
    write("archive/2023/q4/report.csv", json.dumps(report, indent=2) + "\n")
    write("archive/2023/q4/old-users.csv", users_csv(3))

    # A malformed CSV: an unterminated quoted field in the middle.
    first, last = person()
    good_email = email(first, last)
    rows = ["order_id,email,card_number,note",
            f"O-1,{good_email},{card_number()},ok",
            f"O-2,{email(*person())},{card_number()},\"gift wrap",
            f"O-3,{email(*person())},{card_number()},ok"]
    write("exports/broken/orders.csv", "\n".join(rows) + "\n")

    # Hidden file: credentials in a dotenv file (a security tool scans hidden files).
    write(".env", f"AWS_ACCESS_KEY_ID={aws_key_id()}\nAWS_SECRET_ACCESS_KEY={aws_secret()}\n"
                  "AWS_REGION=us-east-1\n")

    # Issuers' published test numbers: not reported unless --report-example-values.
    write("qa/test-cards.txt", "Use these test cards in the sandbox:\n"
                               "visa 4111 1111 1111 1111\nmastercard 5555 5555 5555 4444\n")

    # Compressed and archived exports, as a mirrored bucket holds them (last, so the values
    # above stay the same): a gzip'd log, a zip of a CSV and JSON Lines, a tar.gz of a CSV.
    write_archives()


def write_bytes(relative, data):
    path = os.path.join(BUCKET, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def write_archives():
    import gzip
    import io
    import tarfile
    import zipfile
    mtime = 1714521600  # 2024-05-01, fixed so the bytes are the same on every run
    log = "\n".join(f"2023-12-31T10:{i:02d}:00Z login user={email(*person())} ip={ipv4()}" for i in range(3))
    write_bytes("archive/2023/app-2023-12-31.log.gz", gzip.compress((log + "\n").encode(), mtime=mtime))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, text in [("2024/users.csv", users_csv(2)),
                           ("2024/events.jsonl", json.dumps({"user": {"email": email(*person())}}) + "\n")]:
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 5, 1, 0, 0, 0)), text.encode())
    write_bytes("exports/monthly.zip", out.getvalue())
    tar_bytes = io.BytesIO()
    with tarfile.open(fileobj=tar_bytes, mode="w", format=tarfile.USTAR_FORMAT) as t:
        data = users_csv(2).encode()
        info = tarfile.TarInfo("users.csv")
        info.size = len(data)
        info.mtime = mtime
        t.addfile(info, io.BytesIO(data))
    write_bytes("archive/2023/backup.tar.gz", gzip.compress(tar_bytes.getvalue(), mtime=mtime))


if __name__ == "__main__":
    main()
