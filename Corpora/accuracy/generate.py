#!/usr/bin/env python3
"""Writes the labeled accuracy corpus: Corpora/accuracy/corpus/* and Corpora/accuracy/labels.jsonl.

Every `Spec` in specs/*.py contributes, in each of text, CSV, JSON and JSON Lines:
- POSITIVES valid values, with a keyword when the identifier needs one (and sometimes when
  it does not), as a text prefix, a CSV column name, a JSON field or parent name, or inside a
  cell or string;
- INVALIDS look-alikes (`Spec.invalid`) next to a keyword, which no identifier may report;
- for keyword-required identifiers, KEYWORDLESS valid values with no keyword in reach, which
  the identifier may not report (identifiers in `Spec.also` may).
Around them sits filler made of hard negatives that no identifier may report: UUIDs, hashes,
timestamps, version strings, order numbers, product codes, prices. `negatives.*` files hold
filler only.

An identifier may have several specs, one per written form that needs its own rules
(`Spec.variant`: a domestic BBAN near a keyword beside the IBAN of the same ID); each is planted
as above and scored under its ID.

Each planted value gets one label line: file, location key, kind (positive or negative), the
spec's ID, the exact value, the IDs also allowed to report it and, for a spec with a variant,
the variant (the scorer does not read it; it is there to count and inspect per variant). A location key names where
piiscan reports a finding: `line:N` (text, 1-based line of the match's start), `cell:R:C`
(CSV, header row 1, columns from 1) or `record:I:PATH` (JSON and JSON Lines). One location holds
at most one planted value, so the scorer can pair findings with labels exactly.

The output is deterministic (every spec has its own generator, seeded from its ID and variant). Run it after changing a
spec, then `scripts/accuracy-report` (it runs this script too) to refresh docs/accuracy.md.

Usage: generate.py [--out DIR] [--per-format N]
"""
from __future__ import annotations

import argparse
import csv
import importlib
import io
import json
import pkgutil
import random
import re
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from specs import Spec  # noqa: E402

FORMATS = ("txt", "csv", "json", "jsonl")
POSITIVES = 25       # per spec and format
INVALIDS = 8         # per spec and format, when the spec has `invalid`
KEYWORDLESS = 8      # per spec and format, when the spec needs a keyword
FILLER_ROWS = 400    # per format in the negatives-only files

# Neutral words for filler: none of them may be an identifier keyword.
WORDS = ("status shipped pending approved reviewed warehouse batch quantity total item "
         "the of and with for after before update received returned weekly report region "
         "note entry sample value stock line carton pallet delivered scheduled ticket "
         "resolved customer asked about delay").split()


def spec_name(spec: Spec) -> str:
    """`ID` or `ID/variant`: what names a spec in messages and seeds its generator."""
    return f"{spec.id}/{spec.variant}" if spec.variant else spec.id


def load_specs() -> list[tuple[str, list[Spec]]]:
    """Every module's specs. An ID may have several specs when their variants differ."""
    groups = []
    seen: dict[tuple[str, str], str] = {}
    for module in sorted(m.name for m in pkgutil.iter_modules([str(HERE / "specs")])):
        specs = importlib.import_module(f"specs.{module}").SPECS
        for spec in specs:
            key = (spec.id, spec.variant)
            if key in seen:
                where = module if seen[key] == module else f"{seen[key]} and {module}"
                raise SystemExit(f"generate.py: {spec_name(spec)} is defined twice (in {where}): "
                                 f"give one of the specs a different `variant`")
            seen[key] = module
        groups.append((module, specs))
    return groups


# Hard negatives: things that look like identifiers to a careless scanner.

def hard_negative(rng: random.Random) -> str:
    kind = rng.randrange(16)
    hexd = "0123456789abcdef"
    if kind == 0:
        return "-".join("".join(rng.choice(hexd) for _ in range(n)) for n in (8, 4, 4, 4, 12))
    if kind == 1:
        return "".join(rng.choice(hexd) for _ in range(rng.choice((32, 40, 64))))
    if kind == 2:
        return (f"20{rng.randrange(10, 30)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
                f"T{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}Z")
    if kind == 3:
        return str(rng.randrange(1_500_000_000_000, 1_800_000_000_000))  # epoch milliseconds
    if kind == 4:
        return f"v{rng.randrange(0, 20)}.{rng.randrange(0, 40)}.{rng.randrange(0, 200)}"
    if kind == 5:
        return f"ORD-{rng.randrange(2015, 2030)}-{rng.randrange(0, 10**6):06d}"
    if kind == 6:
        return f"SKU-{rng.randrange(10**4, 10**5)}-{rng.choice(['XS', 'S', 'M', 'L', 'XL'])}"
    if kind == 7:
        return f"INV{rng.randrange(10**7, 10**8)}"
    if kind == 8:
        return f"${rng.randrange(1, 99)},{rng.randrange(0, 1000):03d}.{rng.randrange(0, 100):02d}"
    if kind == 9:
        return f"{rng.randrange(0, 100)}.{rng.randrange(0, 100)}%"
    if kind == 10:
        return f"build {rng.randrange(2018, 2030)}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}.{rng.randrange(1, 9)}"
    if kind == 11:
        return f"PRD-{''.join(rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}-{rng.randrange(100, 999)}"
    if kind == 12:
        return f"{rng.randrange(10**5, 10**6)}"  # a short count
    if kind == 13:
        return f"{rng.randrange(1, 13):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}.{rng.randrange(1000):03d}"
    if kind == 14:
        return f"sha256:{''.join(rng.choice(hexd) for _ in range(64))}"
    return f"lot {rng.randrange(100, 999)}-{rng.randrange(1000, 9999)}"


def filler(rng: random.Random, words: int = 3) -> str:
    parts = [rng.choice(WORDS) for _ in range(words)]
    parts.insert(rng.randrange(len(parts) + 1), hard_negative(rng))
    return " ".join(parts)


def snake(phrase: str) -> str:
    """A field name for a keyword phrase: `credit card number` -> `credit_card_number`."""
    name = re.sub(r"[^\w]+", "_", phrase.strip().lower(), flags=re.UNICODE).strip("_")
    return name or "value"


class Planted:
    """One value to write: where it goes is decided by the format writer."""

    def __init__(self, kind: str, spec: Spec, value: str, keyword: str | None, mode: str):
        self.kind = kind          # "positive" or "negative"
        self.spec = spec
        self.value = value
        self.keyword = keyword    # None: no keyword anywhere near
        self.mode = mode          # "inline" (keyword before the value) or "name" (field name)

    def label(self, file: str, where: str) -> dict:
        allow = list(self.spec.also)
        label = {"file": file, "where": where, "kind": self.kind, "id": self.spec.id,
                 "value": self.value, "also": allow}
        if self.spec.variant:
            # For reading the corpus and counting per variant; the scorer ignores it.
            label["variant"] = self.spec.variant
        return label


def plan(spec: Spec, fmt: str) -> list[Planted]:
    # `ID/fmt` for a spec without a variant, as before variants existed; `ID/variant/fmt` else.
    rng = random.Random(zlib.crc32(f"{spec_name(spec)}/{fmt}".encode()))
    out: list[Planted] = []
    for i in range(POSITIVES):
        value = spec.valid(rng)
        if spec.keyword_required or (spec.keywords and spec.keyword_allowed and i % 3 == 0):
            keyword = rng.choice(spec.keywords)
            mode = "name" if fmt != "txt" and i % 2 == 0 else "inline"
        else:
            keyword, mode = None, "inline"
        out.append(Planted("positive", spec, value, keyword, mode))
    if spec.invalid is not None:
        for i in range(INVALIDS):
            keyword = rng.choice(spec.keywords) if spec.keywords else None
            mode = "name" if keyword and fmt != "txt" and i % 2 == 0 else "inline"
            value = spec.invalid(rng)
            negative = Planted("negative", spec, value, keyword, mode)
            # Nothing may report it.
            negative.spec = Spec(id=spec.id, valid=spec.valid, also=[], variant=spec.variant)
            out.append(negative)
    if spec.keyword_required:
        for _ in range(KEYWORDLESS):
            out.append(Planted("negative", spec, spec.valid(rng), None, "inline"))
    rng.shuffle(out)
    return out


def inline_text(p: Planted, rng: random.Random) -> str:
    if p.keyword is None:
        return p.value
    return f"{p.keyword}{rng.choice([': ', ' ', ' = ', ' #: '])}{p.value}"


def write_text(planted: list[Planted], rng: random.Random, file: str, labels: list[dict]) -> str:
    out = io.StringIO()
    line = 1
    for p in planted:
        # Filler before and (most of the time) after, separated from the value so it never
        # glues onto it. Hard negatives after the value (on this line or the next) sit beyond the
        # keyword's reach (30 bytes from its end, Macie's rule): within it, a keyword-gated
        # identifier may rightly take them.
        left = filler(rng, rng.randrange(1, 4)) + " | "
        middle = inline_text(p, rng)
        right = " |"
        reach = len(middle) - (len(p.keyword) if p.keyword else 0)
        while reach + len(right) <= 34:
            right += " " + rng.choice(WORDS)
        if rng.random() < 0.8:
            right += " " + filler(rng)
        text = left + middle + right + "\n"
        out.write(text)
        labels.append(p.label(file, f"line:{line}"))
        line += text.count("\n")
    return out.getvalue()


def write_csv(planted: list[Planted], rng: random.Random, file: str, labels: list[dict]) -> str:
    columns = ["record_id", "note", "details"]
    for p in planted:
        if p.keyword and p.mode == "name" and snake(p.keyword) not in columns:
            columns.append(snake(p.keyword))
    rows = []
    for index, p in enumerate(planted):
        row = [""] * len(columns)
        row[0] = str(100000 + index)
        row[1] = filler(rng)
        if p.keyword and p.mode == "name":
            column = columns.index(snake(p.keyword))
            row[column] = p.value
        else:
            column = 2
            row[column] = inline_text(p, rng)
        rows.append(row)
        labels.append(p.label(file, f"cell:{index + 2}:{column + 1}"))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def record_for(p: Planted, index: int, rng: random.Random) -> tuple[dict, list[str]]:
    """A JSON object holding the planted value and the names on the path to it."""
    record: dict = {"record_id": 100000 + index, "note": filler(rng)}
    if p.keyword and p.mode == "name":
        if index % 3 == 0:
            record["profile"] = {snake(p.keyword): p.value}
            return record, ["profile", snake(p.keyword)]
        record[snake(p.keyword)] = p.value
        return record, [snake(p.keyword)]
    record["details"] = inline_text(p, rng)
    return record, ["details"]


def json_path_name(names: list[str]) -> str:
    """piiscan's JSONPath text for names (see FieldPath.description): `.name` for plain ASCII
    names, `['name']` otherwise."""
    out = ""
    for name in names:
        if re.fullmatch(r"[A-Za-z_-][A-Za-z0-9_-]*", name):
            out += "." + name
        else:
            out += "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']"
    return out


def write_json(planted: list[Planted], rng: random.Random, file: str, labels: list[dict]) -> str:
    records = []
    for index, p in enumerate(planted):
        record, path = record_for(p, index, rng)
        records.append(record)
        labels.append(p.label(file, f"record:0:$[{index}]{json_path_name(path)}"))
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def write_jsonl(planted: list[Planted], rng: random.Random, file: str, labels: list[dict]) -> str:
    lines = []
    for index, p in enumerate(planted):
        record, path = record_for(p, index, rng)
        lines.append(json.dumps(record, ensure_ascii=False))
        labels.append(p.label(file, f"record:{index}:${json_path_name(path)}"))
    return "\n".join(lines) + "\n"


WRITERS = {"txt": write_text, "csv": write_csv, "json": write_json, "jsonl": write_jsonl}


def write_negatives(fmt: str) -> str:
    rng = random.Random(zlib.crc32(f"negatives/{fmt}".encode()))
    if fmt == "txt":
        return "".join(filler(rng, 5) + " " + filler(rng, 2) + "\n" for _ in range(FILLER_ROWS))
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["record_id", "event", "reference", "note"])
        for i in range(FILLER_ROWS):
            writer.writerow([100000 + i, hard_negative(rng), hard_negative(rng), filler(rng)])
        return out.getvalue()
    records = [{"record_id": 100000 + i, "event": hard_negative(rng), "reference": hard_negative(rng),
                "note": filler(rng)} for i in range(FILLER_ROWS)]
    if fmt == "json":
        return json.dumps(records, indent=1) + "\n"
    return "".join(json.dumps(r) + "\n" for r in records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(HERE), help="where corpus/ and labels.jsonl go")
    args = parser.parse_args()
    out = Path(args.out)
    corpus = out / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for old in corpus.iterdir():
        old.unlink()
    labels: list[dict] = []
    for module, specs in load_specs():
        for fmt in FORMATS:
            rng = random.Random(zlib.crc32(f"{module}/{fmt}/layout".encode()))
            planted = [p for spec in specs for p in plan(spec, fmt)]
            rng.shuffle(planted)
            name = f"corpus/{module}.{fmt}"
            (out / name).write_text(WRITERS[fmt](planted, rng, name, labels), encoding="utf-8")
    for fmt in FORMATS:
        (corpus / f"negatives.{fmt}").write_text(write_negatives(fmt), encoding="utf-8")
    with open(out / "labels.jsonl", "w", encoding="utf-8") as f:
        for label in labels:
            f.write(json.dumps(label, ensure_ascii=False, sort_keys=True) + "\n")
    specs = [spec for _, group in load_specs() for spec in group]
    ids = len({spec.id for spec in specs})
    variants = sum(1 for spec in specs if spec.variant)
    positives = sum(1 for l in labels if l["kind"] == "positive")
    print(f"generate.py: {ids} identifiers ({variants} more written forms), {positives} positives, "
          f"{len(labels) - positives} planted negatives, in {len(list(corpus.iterdir()))} files",
          file=sys.stderr)


if __name__ == "__main__":
    main()
