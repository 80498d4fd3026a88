#!/usr/bin/env python3
"""Throughput and peak memory of `piiscan scan` next to ripgrep, measured back to back.

Usage (from anywhere; Python standard library only; needs `rg`, optionally `taskset`):
    Benchmarks/scripts/compare.py                 # full size: 256 MB inputs, 3 runs each
    Benchmarks/scripts/compare.py --mb 16 --runs 1   # a quick look
    Benchmarks/scripts/compare.py --only sparse.csv,adv-digits.txt

What it does:
1. Generates the inputs into --cache (default /tmp/piiscan-bench; deterministic, seed 7; kept
   between runs and regenerated only when missing):
   - sparse.csv / sparse.jsonl: customer rows (id, name, date, amount, currency, country,
     status, free-text notes) with a sensitive value in about 1% of the rows; the .jsonl holds
     the same rows as JSON objects;
   - dense.csv / dense.jsonl: the same with a sensitive value in every row;
   - adv-digits.txt, adv-a.txt, adv-at.txt: one megabyte of random digits, of `a`, of `@`,
     each repeated (one megabyte per line) to --adversarial-mb;
   - longline.jsonl: one JSON object on a single line of --long-line-mb (peak memory).
   Sensitive values are synthetic: emails at example.com, Luhn-valid card numbers (not
   issuers' test numbers) after the word "card", SSNs after "ssn", NANP phones in 555-01xx
   after "call", GB IBANs with valid check digits after "iban", AWS access key IDs after
   "aws_access_key_id". The generator's counts are written next to each input (.counts).
2. Builds the release binary (`swift build -c release --product piiscan`) unless --piiscan.
3. For each input: reads it once (page cache), then runs, alternating, piiscan
   (`scan --format summary`, the full default catalog) and ripgrep (`rg -P --count-matches`
   with the alternation of the same identifiers' PCRE2 patterns, from
   `piiscan identifiers --format json`), --runs times each, both pinned to CPU 0 with
   `taskset -c 0` when available, output to a file (summary) or /dev/null.
4. Prints one row per input and tool: bytes, median wall seconds, MB/s (10^6 bytes/s), peak
   RSS (ru_maxrss of the process, what `/usr/bin/time -f %M` prints), and the speed ratio
   piiscan/ripgrep (piiscan MB/s over ripgrep MB/s: above 1 means piiscan is faster), then the
   masking filter row (`piiscan mask --policy Benchmarks/configs/tokenize-all.yaml`, skipped
   with a note when this build has no `mask` command).

ripgrep does less work than piiscan: it does not parse CSV or JSON, check keywords, validate
checksums or report locations. The comparison says what a scan costs next to a fast grep of
the same patterns; it does not say the two find the same things.
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SEED = 7

# ---------------------------------------------------------------------------------------------
# Input generation

FIRST = ("James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
         "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Anna Lukas Sofia Mateo Emma Noah "
         "Olivia Liam Ava Elias Mia Hugo Lea Paul Chloe Louis Alice Jonas Ines").split()
LAST = ("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
        "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris "
        "Muller Schmidt Schneider Fischer Weber Dubois Moreau Laurent Bernard Rossi Russo Ferrari").split()
WORDS = ("the customer asked about delivery window and was told the order would ship next week "
         "after stock arrives from the regional warehouse please follow up if the tracking number "
         "does not update within two business days refund approved partial credit applied to "
         "account preferred contact by email morning only gift wrap requested invoice resent "
         "address verified duplicate order cancelled escalated to tier two closed resolved").split()
STATUS = ("open", "pending", "shipped", "closed", "refunded")
CURRENCY = ("USD", "EUR", "GBP")
COUNTRY = ("US", "DE", "GB", "FR", "ES", "IT")
KINDS = ("EMAIL_ADDRESS", "CREDIT_CARD_NUMBER", "USA_SOCIAL_SECURITY_NUMBER", "PHONE_NUMBER",
         "UK_BANK_ACCOUNT_NUMBER", "AWS_CREDENTIALS")
BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def luhn_complete(prefix, length, rng):
    digits = prefix + [rng.randrange(10) for _ in range(length - len(prefix) - 1)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return "".join(map(str, digits + [(10 - total % 10) % 10]))


def ssn(rng):
    while True:
        area = rng.randrange(1, 900)
        if area != 666:
            break
    return f"{area:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}"


def nanp_phone(rng):
    while True:
        area = f"{rng.randrange(2, 10)}{rng.randrange(10)}{rng.randrange(10)}"
        if area[1:] != "11":
            break
    return f"({area}) 555-01{rng.randrange(100):02d}"


def gb_iban(rng):
    bank = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4))
    bban = bank + "".join(str(rng.randrange(10)) for _ in range(14))
    rearranged = bban + "GB00"
    number = int("".join(str(int(c, 36)) for c in rearranged))
    return f"GB{98 - number % 97:02d}{bban}"


def sensitive(kind, rng, first, last, row):
    if kind == "EMAIL_ADDRESS":
        return f"contact {first.lower()}.{last.lower()}{row}@example.com"
    if kind == "CREDIT_CARD_NUMBER":
        return f"card {luhn_complete([4, 9], 16, rng)}"
    if kind == "USA_SOCIAL_SECURITY_NUMBER":
        return f"ssn {ssn(rng)}"
    if kind == "PHONE_NUMBER":
        return f"call {nanp_phone(rng)}"
    if kind == "UK_BANK_ACCOUNT_NUMBER":
        return f"iban {gb_iban(rng)}"
    return "aws_access_key_id AKIA" + "".join(rng.choice(BASE32) for _ in range(16))


def generate_rows(path_csv, path_jsonl, mb, density):
    """Writes the same rows as CSV and as JSON Lines; returns the planted counts."""
    rng = random.Random(SEED)
    target = int(mb * 1_000_000)
    counts = {k: 0 for k in KINDS}
    header = "id,customer,signup_date,amount,currency,country,status,notes\n"
    written = len(header)
    rows = 0
    with open(path_csv, "w", newline="") as fc, open(path_jsonl, "w", newline="") as fj:
        fc.write(header)
        bc, bj = [], []
        while written < target:
            rows += 1
            first, last = rng.choice(FIRST), rng.choice(LAST)
            notes = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(4, 14)))
            if rng.random() < density:
                kind = KINDS[rng.randrange(len(KINDS))]
                notes += " " + sensitive(kind, rng, first, last, rows)
                counts[kind] += 1
            row_id = 1_000_000 + rows
            date = f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            amount = f"{rng.randrange(100, 100000) / 100:.2f}"
            currency, country, status = rng.choice(CURRENCY), rng.choice(COUNTRY), rng.choice(STATUS)
            line = f'{row_id},{first} {last},{date},{amount},{currency},{country},{status},"{notes}"\n'
            bc.append(line)
            written += len(line)
            bj.append(f'{{"id":{row_id},"customer":"{first} {last}","signup_date":"{date}",'
                      f'"amount":{amount},"currency":"{currency}","country":"{country}",'
                      f'"status":"{status}","notes":"{notes}"}}\n')
            if len(bc) >= 20000:
                fc.write("".join(bc)); fj.write("".join(bj)); bc.clear(); bj.clear()
        fc.write("".join(bc)); fj.write("".join(bj))
    counts["rows"] = rows
    return counts


def generate_adversarial(path, kind, mb):
    rng = random.Random(SEED)
    if kind == "digits":
        block = "".join(rng.choice("0123456789") for _ in range(1_000_000))
    elif kind == "a":
        block = "a" * 1_000_000
    else:
        block = "@" * 1_000_000
    block = block[:-1] + "\n"
    with open(path, "w") as f:
        for _ in range(int(mb)):
            f.write(block)
    return {}


def generate_long_line(path, mb, density=0.01):
    """One JSON object, `{"rows":[{...},...]}`, on a single line of about `mb` megabytes."""
    rng = random.Random(SEED)
    target = int(mb * 1_000_000)
    counts = {k: 0 for k in KINDS}
    written = 0
    rows = 0
    with open(path, "w") as f:
        f.write('{"rows":[')
        buf = []
        while written < target:
            rows += 1
            first, last = rng.choice(FIRST), rng.choice(LAST)
            notes = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(4, 14)))
            if rng.random() < density:
                kind = KINDS[rng.randrange(len(KINDS))]
                notes += " " + sensitive(kind, rng, first, last, rows)
                counts[kind] += 1
            item = ("," if rows > 1 else "") + f'{{"id":{rows},"customer":"{first} {last}","notes":"{notes}"}}'
            buf.append(item)
            written += len(item)
            if len(buf) >= 20000:
                f.write("".join(buf)); buf.clear()
        f.write("".join(buf))
        f.write("]}\n")
    counts["rows"] = rows
    return counts


def ensure_inputs(cache, mb, adversarial_mb, long_line_mb, only):
    os.makedirs(cache, exist_ok=True)
    inputs = []

    def have(name):
        return os.path.exists(os.path.join(cache, name)) and os.path.exists(os.path.join(cache, name + ".counts"))

    def save_counts(name, counts):
        with open(os.path.join(cache, name + ".counts"), "w") as f:
            json.dump(counts, f)

    tag = f"{mb:g}mb"
    for density_name, density in (("sparse", 0.01), ("dense", 1.0)):
        csv_name, jsonl_name = f"{density_name}-{tag}.csv", f"{density_name}-{tag}.jsonl"
        if not (have(csv_name) and have(jsonl_name)):
            print(f"generating {csv_name} and {jsonl_name} ...", file=sys.stderr, flush=True)
            counts = generate_rows(os.path.join(cache, csv_name), os.path.join(cache, jsonl_name), mb, density)
            save_counts(csv_name, counts)
            save_counts(jsonl_name, counts)
        inputs += [(f"{density_name}.csv", csv_name), (f"{density_name}.jsonl", jsonl_name)]
    for kind, label in (("digits", "adv-digits.txt"), ("a", "adv-a.txt"), ("at", "adv-at.txt")):
        name = f"adv-{kind}-{adversarial_mb:g}mb.txt"
        if not have(name):
            print(f"generating {name} ...", file=sys.stderr, flush=True)
            save_counts(name, generate_adversarial(os.path.join(cache, name), kind, adversarial_mb))
        inputs.append((label, name))
    name = f"longline-{long_line_mb:g}mb.jsonl"
    if not have(name):
        print(f"generating {name} ...", file=sys.stderr, flush=True)
        save_counts(name, generate_long_line(os.path.join(cache, name), long_line_mb))
    inputs.append(("longline.jsonl", name))
    if only:
        inputs = [i for i in inputs if i[0] in only]
    return [(label, os.path.join(cache, name)) for label, name in inputs]


# ---------------------------------------------------------------------------------------------
# Patterns for ripgrep


def renumber_groups(pattern, index):
    """Rewrites `pattern`'s capturing groups as named groups unique to pattern `index`, and its
    back-references (`\\1`, `\\k<name>`, `(?P=name)`) to match, so that joining patterns with
    `|` (as ripgrep does with -f) cannot make `\\1` of one pattern refer to a group of another.
    Returns (new pattern, number of back-references rewritten)."""
    out, i, n, names, refs = [], 0, 0, {}, 0
    in_class = False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            nxt = pattern[i + 1:i + 2]
            if not in_class and nxt.isdigit() and nxt != "0":
                j = i + 1
                while j < len(pattern) and pattern[j].isdigit():
                    j += 1
                out.append(f"(?P=p{index}g{pattern[i + 1:j]})")
                refs += 1
                i = j
                continue
            if not in_class and nxt == "k" and pattern[i + 2:i + 3] in "<{'":
                close = {"<": ">", "{": "}", "'": "'"}[pattern[i + 2]]
                j = pattern.index(close, i + 3)
                out.append(f"(?P=p{index}g{names[pattern[i + 3:j]]})")
                refs += 1
                i = j + 1
                continue
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            i += 1
            # A `]` (or `^]`) right after the opening bracket is a literal.
            if pattern[i:i + 1] == "^":
                out.append("^"); i += 1
            if pattern[i:i + 1] == "]":
                out.append("]"); i += 1
            continue
        if c == "(":
            rest = pattern[i + 1:]
            if not rest.startswith("?") and not rest.startswith("*"):
                n += 1
                out.append(f"(?P<p{index}g{n}>")
                i += 1
                continue
            for opener in ("?P<", "?<", "?'"):
                if rest.startswith(opener) and rest[len(opener):len(opener) + 1] not in ("=", "!"):
                    close = "'" if opener == "?'" else ">"
                    j = pattern.index(close, i + 1 + len(opener))
                    n += 1
                    names[pattern[i + 1 + len(opener):j]] = n
                    out.append(f"(?P<p{index}g{n}>")
                    i = j + 1
                    break
            else:
                if rest.startswith("?P="):
                    j = pattern.index(")", i)
                    out.append(f"(?P=p{index}g{names[pattern[i + 4:j]]})")
                    refs += 1
                    i = j + 1
                else:
                    out.append(c)
                    i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out), refs


def rg_patterns(piiscan):
    """The default catalog's distinct patterns, from `piiscan identifiers --format json`, with
    their groups renamed per pattern (see `renumber_groups`). Returns (patterns, notes)."""
    out = subprocess.run([piiscan, "identifiers", "--format", "json"], check=True,
                         capture_output=True, text=True).stdout
    rows = json.loads(out)
    patterns, notes, seen, rewritten = [], [], set(), 0
    for row in rows:
        pattern = row.get("pattern")
        if not pattern:
            notes.append(f"{row['id']}: no pattern listed")
            continue
        if pattern in seen:
            continue
        seen.add(pattern)
        adapted, refs = renumber_groups(pattern, len(patterns))
        rewritten += 1 if refs else 0
        patterns.append((row["id"], adapted))
    notes.append(f"{len(rows)} definitions, {len(patterns)} distinct patterns, "
                 f"{rewritten} with back-references renamed to per-pattern named groups")
    return patterns, notes


def rg_compiles(patterns, work):
    probe = os.path.join(work, "probe.txt")
    with open(probe, "w") as f:
        f.write("x\n")
    listed = os.path.join(work, "probe-patterns.txt")
    with open(listed, "w") as f:
        f.write("".join(p + "\n" for p in patterns))
    r = subprocess.run(["rg", "-P", "--no-pcre2-unicode", "-c", "--no-config", "-f", listed, probe],
                       capture_output=True, text=True)
    return r.returncode in (0, 1)


def group_patterns(patterns, work):
    """Packs the patterns into as few `rg -P` alternations as PCRE2 compiles.

    One alternation of the whole catalog exceeds PCRE2's compiled-size limit ("regular
    expression is too large" with Debian's default link size), so ripgrep gets the patterns in
    consecutive groups, each as large as compiles, run one after the other over the same file.
    A pattern rg rejects even alone is left out. Returns (groups, rejected IDs)."""
    groups, current, rejected = [], [], []
    for ident, pattern in patterns:
        if not rg_compiles([pattern], work):
            rejected.append(ident)
            continue
        if rg_compiles(current + [pattern], work):
            current.append(pattern)
        else:
            groups.append(current)
            current = [pattern]
    if current:
        groups.append(current)
    return groups, rejected


# ---------------------------------------------------------------------------------------------
# Measurement


def run_once(argv, stdin_path=None, stdout_path=os.devnull):
    """Runs argv; returns (wall seconds, peak RSS KiB, exit status)."""
    with open(stdout_path, "wb") as out, open(stdin_path or os.devnull, "rb") as inp:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=inp, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
    return wall, usage.ru_maxrss, proc.returncode, err


def warm(path):
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def summary_total(path):
    """The total finding count in a summary report (the "Findings by type" lines)."""
    total = 0
    in_types = False
    with open(path) as f:
        for line in f:
            if line.startswith("Findings by type"):
                in_types = True
                continue
            if in_types:
                if not line.startswith("  "):
                    break
                parts = line.split()
                if parts and parts[0].replace(",", "").isdigit():
                    total += int(parts[0].replace(",", ""))
    return total


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", default="/tmp/piiscan-bench")
    ap.add_argument("--mb", type=float, default=256, help="size of the CSV and JSON Lines inputs")
    ap.add_argument("--adversarial-mb", type=float, default=64)
    ap.add_argument("--long-line-mb", type=float, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--piiscan", help="a built piiscan binary (default: build the release one)")
    ap.add_argument("--only", help="comma-separated input labels (sparse.csv, dense.jsonl, adv-a.txt, ...)")
    ap.add_argument("--no-rg", action="store_true", help="piiscan only")
    ap.add_argument("--rg-on", help="comma-separated input labels to run ripgrep on (default: all); "
                    "ripgrep with the whole catalog runs at about 1 MB/s, so a full-size run of every "
                    "input takes over an hour")
    a = ap.parse_args()
    only = set(a.only.split(",")) if a.only else None
    rg_on = set(a.rg_on.split(",")) if a.rg_on else None

    if a.piiscan:
        piiscan = os.path.abspath(a.piiscan)
    else:
        print("building release piiscan ...", file=sys.stderr, flush=True)
        subprocess.run(["swift", "build", "-c", "release", "--product", "piiscan"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        piiscan = os.path.join(ROOT, ".build", "release", "piiscan")
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    inputs = ensure_inputs(a.cache, a.mb, a.adversarial_mb, a.long_line_mb, only)

    use_rg = not a.no_rg and shutil.which("rg")
    rg_passes = []
    if use_rg:
        patterns, notes = rg_patterns(piiscan)
        groups, rejected = group_patterns(patterns, a.cache)
        for g, group in enumerate(groups):
            pattern_file = os.path.join(a.cache, f"rg-patterns-{g + 1}.txt")
            with open(pattern_file, "w") as f:
                f.write("".join(p + "\n" for p in group))
            rg_passes.append(pin + ["rg", "-P", "--no-pcre2-unicode", "--count-matches", "--no-filename",
                                    "-j1", "--no-config", "-f", pattern_file])
        rg_version = subprocess.run(["rg", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
        print(f"{rg_version}: {'; '.join(notes)}; {sum(map(len, groups))} patterns in {len(groups)} "
              f"alternation(s) of {', '.join(str(len(g)) for g in groups)} (the largest PCRE2 compiles), "
              f"run one after the other: rg's time is their sum, its memory their maximum"
              + (f"; left out (rg -P rejects them): {', '.join(rejected)}" if rejected else ""))
    print(f"piiscan: {piiscan}; pinned: {'taskset -c 0' if pin else 'no (taskset missing)'}; runs: {a.runs}, median")

    head = f"{'input':<16}{'bytes':>13}  {'tool':<8}{'wall s':>8}{'MB/s':>9}{'peak MiB':>10}{'ratio':>7}  found/planted"
    print("found/planted: piiscan's findings (summary total) and rg's matches (--count-matches, all "
          "passes), over the values the generator planted")
    print(head)
    print("-" * len(head))
    summary_out = os.path.join(a.cache, "summary.txt")
    for label, path in inputs:
        size = os.path.getsize(path)
        with open(path + ".counts") as f:
            counts = json.load(f)
        planted = sum(v for k, v in counts.items() if k != "rows")
        warm(path)
        results = {"piiscan": [], "rg": []}
        found = {}
        for _ in range(a.runs):
            wall, rss, status, err = run_once(pin + [piiscan, "scan", "--format", "summary", path],
                                              stdout_path=summary_out)
            if status not in (0, 1):
                print(f"piiscan failed on {label} (status {status}): {err.strip()}", file=sys.stderr)
            results["piiscan"].append((wall, rss))
            found["piiscan"] = summary_total(summary_out)
            if rg_passes and (rg_on is None or label in rg_on):
                rg_out = os.path.join(a.cache, "rg-count.txt")
                total_wall, max_rss, matches = 0.0, 0, 0
                for argv in rg_passes:
                    wall, rss, status, err = run_once(argv + [path], stdout_path=rg_out)
                    if status not in (0, 1):
                        print(f"rg failed on {label} (status {status}): {err.strip()}", file=sys.stderr)
                    total_wall += wall
                    max_rss = max(max_rss, rss)
                    with open(rg_out) as f:
                        text = f.read().strip()
                    matches += int(text) if text.isdigit() else 0
                results["rg"].append((total_wall, max_rss))
                found["rg"] = matches
        medians = {}
        for tool, runs in results.items():
            if not runs:
                continue
            wall = statistics.median(w for w, _ in runs)
            rss = max(r for _, r in runs)
            medians[tool] = wall
            speed = size / 1e6 / wall
            ratio = ""
            if tool == "piiscan" and "rg" in results and results["rg"]:
                ratio = f"{statistics.median(w for w, _ in results['rg']) / wall:.2f}"
            print(f"{label:<16}{size:>13,}  {tool:<8}{wall:>8.3f}{speed:>9.1f}{rss / 1024:>10.1f}{ratio:>7}  "
                  f"{found.get(tool, 0):,}/{planted:,}", flush=True)

    # The masking filter: tokenization of every finding in dense JSON Lines.
    policy = os.path.join(ROOT, "Benchmarks", "configs", "tokenize-all.yaml")
    # `scan` is the default subcommand, so `piiscan mask --help` would print scan's help: look for
    # `mask` among the listed subcommands instead.
    usage = subprocess.run([piiscan, "--help"], capture_output=True, text=True).stdout
    has_mask = any(line.split()[:1] == ["mask"] for line in usage.splitlines())
    dense = next((p for label, p in inputs if label == "dense.jsonl"), None)
    if dense is None:
        return
    if not has_mask:
        print("mask            (skipped: this piiscan has no `mask` command yet)")
        return
    size = os.path.getsize(dense)
    # A fixed synthetic key (64 hex digits): the benchmark's tokens need not be secret.
    key_file = os.path.join(a.cache, "bench-key.hex")
    with open(key_file, "w") as f:
        f.write("07" * 32 + "\n")
    warm(dense)
    runs = []
    for _ in range(a.runs):
        wall, rss, status, err = run_once(pin + [piiscan, "mask", "--policy", policy, "--key-file", key_file,
                                                 "--format", "jsonl", "--quiet"], stdin_path=dense)
        if status not in (0, 1):
            print(f"piiscan mask failed (status {status}): {err.strip()}", file=sys.stderr)
        runs.append((wall, rss))
    wall = statistics.median(w for w, _ in runs)
    print(f"{'mask dense.jsonl':<16}{size:>13,}  {'piiscan':<8}{wall:>8.3f}{size / 1e6 / wall:>9.1f}"
          f"{max(r for _, r in runs) / 1024:>10.1f}")


if __name__ == "__main__":
    main()
