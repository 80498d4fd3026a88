#!/usr/bin/env python3
"""Regenerates the Parquet test fixtures in Tests/RecordsTests/Fixtures/parquet/ (pyarrow).

Every value is synthetic. The same small table ("people") is written with every codec, data
page version and encoding the reader supports, so a test can check that each variant reads
back to the same values; `people.expected.jsonl` holds those values as the reader renders
them ({"row": .., "path": "$.col", "text": ".."}). Run: python3 Corpora/parquet/make_fixtures.py
(pip install pyarrow). With --big N PATH, writes instead a snappy file of about N MB for
throughput measurements (not committed). With --demo, writes the demo bucket's Parquet file.
"""
import datetime
import decimal
import json
import os
import sys
import uuid

import pyarrow as pa
import pyarrow.parquet as pq

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "RecordsTests", "Fixtures", "parquet")

ROWS = 10


def people():
    # Synthetic values: SSNs in the 9xx-area that is never issued... except row 3, a valid-looking
    # 123-45-6789 style number that detectors report (a documented example value).
    names = [f"Person {i}" if i % 4 != 2 else None for i in range(ROWS)]
    ssn = [f"{100 + i:03d}-{10 + i:02d}-{1000 + i * 7:04d}" for i in range(ROWS)]
    email = [f"user{i}@example.com" for i in range(ROWS)]
    amount = [decimal.Decimal(f"{i * 13}.{i:02d}") * (-1 if i == 5 else 1) for i in range(ROWS)]
    born = [datetime.date(1970 + i * 3, 1 + i, 1 + 2 * i) for i in range(ROWS)]
    seen = [datetime.datetime(2024, 1, 2, 3, 4, 5, 123000 if i % 2 else 0, tzinfo=datetime.timezone.utc)
            + datetime.timedelta(days=i) for i in range(ROWS)]
    flag = [i % 3 == 0 if i != 4 else None for i in range(ROWS)]
    score = [i * 1.5 for i in range(ROWS)]
    small = [i - 3 for i in range(ROWS)]
    ident = [uuid.UUID(int=0x1234_5678_9ABC_DEF0_0000_0000_0000_0000 + i).bytes for i in range(ROWS)]
    table = pa.table({
        "id": pa.array(range(ROWS), pa.int64()),
        "small": pa.array(small, pa.int32()),
        "name": pa.array(names, pa.string()),
        "ssn": pa.array(ssn, pa.string()),
        "email": pa.array(email, pa.string()),
        "amount": pa.array(amount, pa.decimal128(10, 2)),
        "born": pa.array(born, pa.date32()),
        "seen": pa.array(seen, pa.timestamp("ms", tz="UTC")),
        "flag": pa.array(flag, pa.bool_()),
        "score": pa.array(score, pa.float64()),
        "ident": pa.array(ident, pa.uuid()),
    })
    expected = []
    for col in table.column_names:
        for row, value in enumerate(table.column(col).to_pylist()):
            if value is None:
                continue
            if col == "amount":
                text = str(value)
            elif col == "born":
                text = value.isoformat()
            elif col == "seen":
                text = value.strftime("%Y-%m-%dT%H:%M:%S") + (f".{value.microsecond // 1000:03d}" if value.microsecond else "") + "Z"
            elif col == "flag":
                text = "true" if value else "false"
            elif col == "ident":
                text = str(value)
            else:
                text = str(value)
            expected.append({"row": row, "path": f"$.{col}", "text": text})
    return table, expected


def write_variants(table):
    variants = {
        "people_plain_v1_none.parquet": dict(compression="none", use_dictionary=False, data_page_version="1.0"),
        "people_dict_v1_snappy.parquet": dict(compression="snappy", use_dictionary=True, data_page_version="1.0"),
        "people_dict_v2_snappy.parquet": dict(compression="snappy", use_dictionary=True, data_page_version="2.0"),
        "people_plain_v2_gzip.parquet": dict(compression="gzip", use_dictionary=False, data_page_version="2.0"),
        "people_dict_v1_zstd.parquet": dict(compression="zstd", use_dictionary=True, data_page_version="1.0"),
        "people_plain_v2_lz4.parquet": dict(compression="lz4", use_dictionary=False, data_page_version="2.0"),
        # Spark-like settings: data page v2 and delta encodings.
        "people_delta_v2_snappy.parquet": dict(
            compression="snappy", use_dictionary=False, data_page_version="2.0",
            column_encoding={"id": "DELTA_BINARY_PACKED", "small": "DELTA_BINARY_PACKED",
                             "name": "DELTA_BYTE_ARRAY", "ssn": "DELTA_LENGTH_BYTE_ARRAY",
                             "email": "DELTA_BYTE_ARRAY", "ident": "DELTA_BYTE_ARRAY"}),
        "people_split_v1_none.parquet": dict(
            compression="none", use_dictionary=False, data_page_version="1.0",
            column_encoding={"score": "BYTE_STREAM_SPLIT", "small": "BYTE_STREAM_SPLIT", "id": "BYTE_STREAM_SPLIT",
                             "ident": "BYTE_STREAM_SPLIT"}),
        # A codec the reader does not support: every column is reported, none crashes.
        "people_brotli.parquet": dict(compression="brotli"),
    }
    for name, options in variants.items():
        # Small row groups and pages: several of each per file.
        pq.write_table(table, os.path.join(OUT, name), row_group_size=4, data_page_size=64,
                       write_batch_size=2, store_schema=False, **options)


def write_nested():
    table = pa.table({
        "user": pa.array([
            {"name": "Ann", "contact": {"email": "ann@example.com"}},
            None,
            {"name": "Bo", "contact": None},
        ], pa.struct([("name", pa.string()), ("contact", pa.struct([("email", pa.string())]))])),
        "tags": pa.array([["a", "b", "c"], [], None], pa.list_(pa.string())),
        "matrix": pa.array([[[1, 2], [3]], None, [[], [4]]], pa.list_(pa.list_(pa.int32()))),
        "attrs": pa.array([[("ssn", "111-22-3333")], None, [("k1", "v1"), ("k2", None)]],
                          pa.map_(pa.string(), pa.string())),
        "cards": pa.array([[{"pan": "4000"}, {"pan": None}], [{"pan": "5000"}], []],
                          pa.list_(pa.struct([("pan", pa.string())]))),
    })
    for version in ["1.0", "2.0"]:
        pq.write_table(table, os.path.join(OUT, f"nested_v{version[0]}.parquet"), compression="snappy",
                       data_page_version=version, store_schema=False)


def write_int96():
    table = pa.table({"ts": pa.array([datetime.datetime(2021, 5, 6, 7, 8, 9, 500000), None],
                                     pa.timestamp("us"))})
    pq.write_table(table, os.path.join(OUT, "int96.parquet"), use_deprecated_int96_timestamps=True,
                   compression="none", store_schema=False)


def write_features():
    """rewrite_features.parquet: what the rewriter must carry over or drop: REQUIRED columns, a
    list of required elements, small and unsigned integers, decimals stored as INT32 and as
    FIXED_LEN_BYTE_ARRAY, timestamps, a page index, a bloom filter, sorting columns and the
    ARROW:schema metadata (store_schema), in row groups of 3 rows. Synthetic values."""
    rows = 8
    schema = pa.schema([
        pa.field("id", pa.int64(), nullable=False),
        pa.field("name", pa.string(), nullable=False),
        pa.field("email", pa.string()),
        pa.field("code", pa.int8()),
        pa.field("count", pa.uint16()),
        pa.field("scores", pa.list_(pa.field("element", pa.int64(), nullable=False))),
        pa.field("price", pa.decimal128(20, 4)),
        pa.field("cents", pa.decimal128(9, 2)),
        pa.field("when", pa.timestamp("us")),
        pa.field("nanos", pa.timestamp("ns", tz="UTC")),
        pa.field("ratio", pa.float32()),
        pa.field("day", pa.date32()),
    ])
    table = pa.table({
        "id": list(range(100, 100 + rows)),
        "name": [f"Name {i}" for i in range(rows)],
        "email": [f"person{i}@example.org" if i != 2 else None for i in range(rows)],
        "code": [i - 4 if i != 5 else None for i in range(rows)],
        "count": [i * 1000 for i in range(rows)],
        "scores": [[i, i * 2] if i % 3 else [] for i in range(rows)],
        "price": [decimal.Decimal(f"{i * 1234}.{i:04d}") for i in range(rows)],
        "cents": [decimal.Decimal(f"-{i}.{i:02d}") for i in range(rows)],
        "when": [datetime.datetime(2023, 3, 1 + i, 12, 30, 15, i * 1001) for i in range(rows)],
        "nanos": [datetime.datetime(2022, 7, 4, tzinfo=datetime.timezone.utc) + datetime.timedelta(hours=i)
                  for i in range(rows)],
        "ratio": [i / 4 for i in range(rows)],
        "day": [datetime.date(1999, 12, 31) + datetime.timedelta(days=i * 40) for i in range(rows)],
    }, schema=schema)
    pq.write_table(table, os.path.join(OUT, "rewrite_features.parquet"), compression="zstd", row_group_size=3,
                   write_page_index=True, store_decimal_as_integer=True,
                   sorting_columns=[pq.SortingColumn(0)],
                   bloom_filter_options={"email": {"ndv": 16, "fpp": 0.1}})


def write_big(megabytes, path):
    """About `megabytes` MB of CSV-like text in Parquet (snappy, pyarrow defaults)."""
    import random
    rng = random.Random(5)
    batches = []
    rows = 200_000
    total = 0
    writer = None
    while total < megabytes * 1_000_000:
        ids = list(range(total, total + rows))
        table = pa.table({
            "id": pa.array(ids, pa.int64()),
            "name": pa.array([f"Person {rng.randrange(100000)}" for _ in ids]),
            "email": pa.array([f"user{rng.randrange(10**7)}@example.com" for _ in ids]),
            "note": pa.array([f"order {i} shipped to street {rng.randrange(999)} of town {rng.randrange(5000)}" for i in ids]),
            "amount": pa.array([rng.random() * 1000 for _ in ids]),
        })
        if writer is None:
            writer = pq.ParquetWriter(path, table.schema, compression="snappy")
        writer.write_table(table)
        total += table.nbytes
    writer.close()


def write_demo():
    """Corpora/demo-bucket/warehouse/customers.parquet: a Spark-style table (snappy, data page
    v2, dictionary and delta encodings, a nested struct and a list) in the demo bucket, so the
    bucket holds every format piiscan reads. Synthetic values: example.com addresses, SSNs of
    area 1xx with valid groups, Luhn-valid Visa numbers generated here, 555-01xx phones."""
    import random
    rng = random.Random(20241122)

    def luhn_card():
        digits = [4] + [rng.randrange(10) for _ in range(14)]
        total = 0
        for i, d in enumerate(reversed(digits)):
            d = d * 2 if i % 2 == 0 else d
            total += d - 9 if d > 9 else d
        return "".join(map(str, digits)) + str((10 - total % 10) % 10)

    rows = 6
    table = pa.table({
        "customer_id": pa.array(list(range(5001, 5001 + rows)), pa.int64()),
        "email": pa.array([f"buyer{i}@example.com" for i in range(rows)]),
        "ssn": pa.array([f"{140 + i:03d}-{21 + i:02d}-{3100 + i:04d}" for i in range(rows)]),
        "card_number": pa.array([luhn_card() for _ in range(rows)]),
        "contact": pa.array([{"phone": f"(212) 555-01{10 + i:02d}", "city": "Springfield"} for i in range(rows)]),
        "tags": pa.array([["vip", f"segment-{i}"] for i in range(rows)]),
    })
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "demo-bucket", "warehouse",
                        "customers.parquet")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    pq.write_table(table, path, compression="snappy", data_page_version="2.0",
                   use_dictionary=["email"], column_encoding={"customer_id": "DELTA_BINARY_PACKED"})


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--big":
        write_big(int(sys.argv[2]), sys.argv[3])
        return
    if len(sys.argv) == 2 and sys.argv[1] == "--demo":
        write_demo()
        return
    os.makedirs(OUT, exist_ok=True)
    table, expected = people()
    write_variants(table)
    with open(os.path.join(OUT, "people.expected.jsonl"), "w") as f:
        for e in expected:
            f.write(json.dumps(e) + "\n")
    write_nested()
    write_int96()
    write_features()


if __name__ == "__main__":
    main()
