#!/usr/bin/env bash
# Throughput and peak memory of `piiscan scan --format jsonl` on a generated sparse CSV.
# Usage: Benchmarks/scripts/throughput.sh [MB]   (from the repository root; default 200 MB)
#        CONFIG=Benchmarks/configs/custom20.yaml Benchmarks/scripts/throughput.sh   (adds --config)
# Prints input bytes, wall seconds, MB/s and peak RSS for one run of the release binary, and
# the finding counts next to the generator's counts so a fast wrong answer shows.
set -euo pipefail
mb=${1:-200}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${TMPDIR:-/tmp}/piiscan-throughput
mkdir -p "$work"
csv="$work/sparse-${mb}mb.csv"
if [ ! -f "$csv" ]; then
  python3 "$root/Benchmarks/scripts/gen_csv.py" "$csv" --mb "$mb" | tee "$csv.counts"
fi
(cd "$root" && swift build -c release --product piiscan >/dev/null)
bin="$root/.build/release/piiscan"
cat "$csv" >/dev/null   # page cache
bytes=$(stat -L -c %s "$csv")
set +e
extra=()
if [ -n "${CONFIG:-}" ]; then extra=(--config "$root/$CONFIG"); fi
/usr/bin/time -f "%e %M" -o "$work/time.txt" "$bin" scan --format jsonl "${extra[@]}" "$csv" >"$work/out.jsonl"
status=$?
set -e
read -r secs kb < <(tail -n 1 "$work/time.txt")
echo "input_bytes=$bytes wall_s=$secs exit=$status"
python3 - "$bytes" "$secs" "$kb" <<'PY'
import sys
b, s, kb = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"throughput_MB_s={b / 1e6 / s:.1f} peak_rss_MiB={kb / 1024:.1f}")
PY
echo "generator: $(cat "$csv.counts")"
echo "found:     $(grep -o '"type":"[A-Z_]*"' "$work/out.jsonl" | sort | uniq -c | tr '\n' ' ')"
