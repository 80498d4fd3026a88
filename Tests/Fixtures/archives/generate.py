#!/usr/bin/env python3
"""Generate the small archive fixtures the archive tests read (Python 3, standard library).

Every value is synthetic: emails at example.com, SSNs in the never-issued 9xx area are NOT
used (piiscan would not report them); instead SSNs follow the SSA rules with random digits
from a fixed seed. Running the script again rewrites the same bytes (fixed mtimes).

Zip bombs are not committed: the tests build them at run time.

Usage: python3 Tests/Fixtures/archives/generate.py   (writes next to this script)
"""

import gzip
import io
import os
import tarfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
MTIME = 1714521600  # 2024-05-01

USERS_CSV = (b"id,name,email,ssn\n"
             b"1,Alex Example,alex.example@example.com,219-09-9999\n"
             b"2,Blake Sample,blake.sample@example.org,536-22-8726\n")
EVENTS_JSONL = (b'{"user": {"email": "casey@example.net"}, "ip": "192.0.2.10"}\n'
                b'{"user": {"email": "devon@example.com"}, "ip": "198.51.100.7"}\n')
NOTES_TXT = b"call me at casey@example.net tomorrow\n"


def gz(data, name=None):
    out = io.BytesIO()
    with gzip.GzipFile(filename=name or "", mode="wb", fileobj=out, mtime=MTIME) as f:
        f.write(data)
    return out.getvalue()


def tar(members, fmt=tarfile.USTAR_FORMAT):
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=fmt) as t:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = MTIME
            t.addfile(info, io.BytesIO(data))
    return out.getvalue()


def zipped(members, method=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=method) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 5, 1, 0, 0, 0)), data, compress_type=method)
    return out.getvalue()


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    write("users.csv.gz", gz(USERS_CSV, "users.csv"))
    # Two gzip members concatenated (as `cat a.gz b.gz`): one object, both halves scanned.
    write("multi.jsonl.gz", gz(EVENTS_JSONL[:62], "events.jsonl") + gz(EVENTS_JSONL[62:]))
    write("exports.zip", zipped([("2024/", b""), ("2024/users.csv", USERS_CSV),
                                 ("2024/events.jsonl", EVENTS_JSONL), ("notes.txt", NOTES_TXT)]))
    write("stored.zip", zipped([("users.csv", USERS_CSV)], zipfile.ZIP_STORED))
    write("exports.tar", tar([("users.csv", USERS_CSV), ("logs/notes.txt", NOTES_TXT)]))
    long_name = "deep/" + "d" * 120 + "/users.csv"
    write("pax.tar", tar([(long_name, USERS_CSV)], tarfile.PAX_FORMAT))
    write("gnu.tar", tar([(long_name, USERS_CSV)], tarfile.GNU_FORMAT))
    write("exports.tar.gz", gz(tar([("users.csv", USERS_CSV), ("events.jsonl", EVENTS_JSONL)])))
    # Nested: a zip holding a tar.gz holding a csv, and a gzip'd csv.
    inner = gz(tar([("c.csv", USERS_CSV)]))
    write("nested.zip", zipped([("b.tar.gz", inner), ("notes.txt.gz", gz(NOTES_TXT, "notes.txt"))]))
    # Damaged ones.
    good = zipped([("users.csv", USERS_CSV), ("notes.txt", NOTES_TXT)])
    write("truncated.zip", good[: len(good) // 2])
    corrupt = bytearray(good)
    corrupt[40:60] = b"\xff" * 20  # inside the first member's deflate data
    write("corrupt-member.zip", bytes(corrupt))
    whole = gz(USERS_CSV * 50, "users.csv")
    write("truncated.csv.gz", whole[: len(whole) - 30])
    whole_tar = tar([("users.csv", USERS_CSV * 20), ("notes.txt", NOTES_TXT)])
    write("truncated.tar", whole_tar[:1200])
    # An "encrypted" member: the flag bit set in both headers (no real cipher needed).
    enc = bytearray(zipped([("secret.csv", USERS_CSV), ("notes.txt", NOTES_TXT)]))
    local = enc.find(b"PK\x03\x04")
    central = enc.find(b"PK\x01\x02")
    enc[local + 6] |= 1
    enc[central + 8] |= 1
    write("encrypted.zip", bytes(enc))
    write("bzip2-member.zip", zipped([("users.csv", USERS_CSV)], zipfile.ZIP_BZIP2))


def bombs(out_dir):
    """Archives that trip the limits, written at test time (never committed)."""
    zeros = b"\0" * (16 << 20)
    with open(os.path.join(out_dir, "bomb.zip"), "wb") as f:
        f.write(zipped([("zeros.txt", zeros), ("after.txt", NOTES_TXT)]))
    with open(os.path.join(out_dir, "bomb.txt.gz"), "wb") as f:
        f.write(gz(zeros, "bomb.txt"))
    nested = NOTES_TXT
    name = "notes.txt"
    for level in range(12):
        nested = zipped([(name, nested)])
        name = "level%d.zip" % level
    with open(os.path.join(out_dir, "deep.zip"), "wb") as f:
        f.write(nested)
    with open(os.path.join(out_dir, "many.zip"), "wb") as f:
        f.write(zipped([("m%03d.txt" % i, NOTES_TXT) for i in range(50)]))


if __name__ == "__main__":
    import sys
    if len(sys.argv) == 3 and sys.argv[1] == "bombs":
        bombs(sys.argv[2])
    else:
        main()
