#!/usr/bin/env python3
"""Writes a synthetic CSV for throughput runs: order-like rows with sparse sensitive values.

Usage: gen_csv.py OUT.csv [--mb 200] [--density 0.01] [--seed 7]
Every value is generated: emails at example.com, SSNs that follow the SSA rules, Luhn-valid
card numbers with a 4 prefix that are not issuers' test numbers, phones in 555-01xx. Prints the
count of each sensitive value written, so a run can check what the scanner found.
"""
import argparse, random, sys

def luhn_complete(prefix, length, rng):
    digits = prefix + [rng.randrange(10) for _ in range(length - len(prefix) - 1)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        total += d
    return ''.join(map(str, digits + [(10 - total % 10) % 10]))

def ssn(rng):
    while True:
        area = rng.randrange(1, 900)
        if area != 666: break
    return f"{area:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out"); ap.add_argument("--mb", type=float, default=200)
    ap.add_argument("--density", type=float, default=0.01); ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    target = int(a.mb * 1_000_000)
    words = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november "
             "oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu").split()
    products = ["SKU-%05d" % i for i in range(500)]
    counts = {"EMAIL_ADDRESS": 0, "USA_SOCIAL_SECURITY_NUMBER": 0, "CREDIT_CARD_NUMBER": 0, "PHONE_NUMBER": 0}
    written = 0
    row = 0
    with open(a.out, "w", newline="") as f:
        header = "order_id,created_at,product,quantity,amount,status,comment\n"
        f.write(header); written += len(header)
        buf = []
        while written < target:
            row += 1
            comment = " ".join(rng.choice(words) for _ in range(rng.randrange(3, 9)))
            if rng.random() < a.density:
                kind = rng.randrange(4)
                if kind == 0:
                    comment += f" contact {rng.choice(words)}.{row}@example.com"; counts["EMAIL_ADDRESS"] += 1
                elif kind == 1:
                    comment += f" ssn {ssn(rng)}"; counts["USA_SOCIAL_SECURITY_NUMBER"] += 1
                elif kind == 2:
                    comment += f" card {luhn_complete([4, 9], 16, rng)}"; counts["CREDIT_CARD_NUMBER"] += 1
                else:
                    comment += f" call ({rng.randrange(2, 10)}{rng.randrange(10)}{rng.randrange(2,10)}) 555-01{rng.randrange(100):02d}"
                    counts["PHONE_NUMBER"] += 1
            line = (f"{1000000 + row},2024-{rng.randrange(1,13):02d}-{rng.randrange(1,29):02d}T"
                    f"{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}Z,"
                    f"{rng.choice(products)},{rng.randrange(1, 20)},{rng.randrange(100, 100000) / 100:.2f},"
                    f"{rng.choice(['shipped', 'pending', 'returned'])},\"{comment}\"\n")
            buf.append(line); written += len(line)
            if len(buf) >= 10000:
                f.write("".join(buf)); buf.clear()
        f.write("".join(buf))
    print(f"rows={row} bytes={written} " + " ".join(f"{k}={v}" for k, v in counts.items()))

if __name__ == "__main__":
    main()
