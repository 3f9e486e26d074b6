#!/usr/bin/env bash
# The page benchmark (issue 3, "Performance"): seeds content, starts Balairung in production mode on
# 127.0.0.1, and measures six public pages with wrk; then, where ../shared/bench/wordpress/setup.sh has
# set WordPress up on 127.0.0.1:8081, runs its bench.sh in the same run and prints the ratios.
#
#   npm run bench                                  # 2,000 posts in a fresh temporary folder, then WordPress
#   npm run bench -- --posts 100000 --data DIR     # seeds DIR once (kept), reuses it on later runs
#   npm run bench -- --no-wordpress --compare FILE # ratios against an earlier run's .tsv (e.g. 2,000 posts)
# Options: --posts N  --data DIR  --no-wordpress  --compare FILE.tsv  --duration 10s  --port 3900
# Env: THREADS CONNS WARMUP TIMEOUT (as bench.sh), BENCH_RESULTS (default /tmp/balairung-bench-results)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

POSTS=2000 DATA="" WORDPRESS=1 COMPARE="" DURATION=10s PORT=3900
THREADS="${THREADS:-2}" CONNS="${CONNS:-32}" WARMUP="${WARMUP:-3s}" TIMEOUT="${TIMEOUT:-10s}"
WP_BASE="http://127.0.0.1:8081"
WP_BENCH="${WP_BENCH:-$ROOT/../shared/bench/wordpress/bench.sh}"
RESULTS="${BENCH_RESULTS:-/tmp/balairung-bench-results}"

die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
while (($#)); do
  case "$1" in
    --posts) POSTS="${2:?}"; shift 2 ;;
    --data) DATA="${2:?}"; shift 2 ;;
    --no-wordpress) WORDPRESS=0; shift ;;
    --compare) COMPARE="${2:?}"; shift 2 ;;
    --duration) DURATION="${2:?}"; shift 2 ;;
    --port) PORT="${2:?}"; shift 2 ;;
    *) die "unknown option $1 (see the head of bench/run.sh)" ;;
  esac
done
[[ "$POSTS" =~ ^[0-9]+$ ]] || die "--posts must be a number"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "--port must be a number"
[ -z "$COMPARE" ] || [ -r "$COMPARE" ] || die "cannot read $COMPARE"
BASE="http://127.0.0.1:${PORT}"   # only ever loopback
secs() { local d="$1"; case "$d" in *m) echo $((${d%m} * 60)) ;; *s) echo "${d%s}" ;; *) echo "$d" ;; esac; }
WRK_LIMIT=$(($(secs "$DURATION") + $(secs "$TIMEOUT") + 30))   # wrk stops itself; this is the backstop

if ! command -v wrk >/dev/null; then
  [ "$(id -u)" = 0 ] || die "wrk is not installed (apt-get install -y wrk)"
  log "installing wrk from Debian"; DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null
fi

TMP="$(mktemp -d /tmp/balairung-bench.XXXXXX)"
SERVER_PID=""
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  kill -TERM -- "-$SERVER_PID" 2>/dev/null || true   # its own process group: npx, tsx and node
  for _ in $(seq 1 50); do kill -0 -- "-$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}
cleanup() { stop_server; rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. Content: a fresh temporary folder, or DIR seeded once and reused.
if [ -z "$DATA" ]; then
  DATA="$TMP/data"
fi
if [ -e "$DATA/balairung.sqlite" ]; then
  [ -r "$DATA/bench-content.json" ] || die "$DATA holds a database but no bench-content.json"
  log "reusing $DATA"
else
  log "seeding $POSTS posts into $DATA"
  /usr/bin/time -f '%e' -o "$TMP/seed.time" npx tsx bench/seed-content.ts --posts "$POSTS" --data "$DATA" >&2
  log "seeding took $(cat "$TMP/seed.time") s"
fi
manifest() { node -e 'const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(m[process.argv[2]])' "$DATA/bench-content.json" "$1"; }
POSTS="$(manifest posts)"
ARTICLE="$(manifest articlePath)"
WORD="$(manifest searchWord)"

# 2. The server, in production mode, in its own process group so the trap ends all of it.
curl -fs --max-time 2 "$BASE/healthz" >/dev/null 2>&1 && die "something already answers on $BASE"
log "starting Balairung on $BASE"
NODE_ENV=production BALAIRUNG_SECRET="$(head -c 32 /dev/urandom | base64 | tr -d '\n')" \
  BALAIRUNG_DATA_DIR="$DATA" BALAIRUNG_RATE_LIMIT=off LOG_LEVEL=warn HOST=127.0.0.1 PORT="$PORT" \
  setsid npx tsx src/server.ts >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -fs --max-time 2 "$BASE/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/server.log" >&2; die "the server exited"; }
  sleep 0.5
done
curl -fs --max-time 2 "$BASE/healthz" >/dev/null || die "no answer from $BASE/healthz after 60 s"
# tsx runs the app in a child node process: the one listening is the server whose memory counts.
NODE_PID="$(ss -ltnpH "sport = :$PORT" | grep -oP 'pid=\K[0-9]+' | head -1)"
[ -n "$NODE_PID" ] || die "cannot find the process listening on $PORT"
kb() { awk -v k="$1" '$1 == k":" { print $2 }' "/proc/$NODE_PID/status"; }

LABELS=("portal home" "agency home" "article" "list" "search $WORD" "search rapat" "feed")
PATHS=("/" "/opd/dinkes" "$ARTICLE" "/berita" "/cari?q=$WORD" "/cari?q=rapat" "/feed.xml")
for p in "${PATHS[@]}"; do
  code="$(curl -s -o /dev/null --max-time 30 -w '%{http_code}' "$BASE$p")"
  [ "$code" = 200 ] || die "GET $BASE$p -> $code (expected 200)"
done

LUA="$TMP/report.lua"
cat >"$LUA" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRKRESULT %.0f %.0f %.0f %.0f %.0f %.0f %.0f\n",
    summary.requests, summary.bytes, summary.duration,
    latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
LUA

mkdir -p "$RESULTS"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)-${POSTS}"
OUT="$RESULTS/$STAMP.txt" TSV="$RESULTS/$STAMP.tsv" RAW="$RESULTS/$STAMP.raw.txt"
ENC='Accept-Encoding: br, gzip'
{
  echo "# Balairung benchmark $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo '+changes')"
  echo "# host: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# Node $(node -v), SQLite, ${POSTS} published posts ($DATA); server pid $NODE_PID"
  echo "# wrk -t${THREADS} -c${CONNS} -d${DURATION} --timeout ${TIMEOUT} --latency -H '$ENC'  (warm-up ${WARMUP} per URL, not reported)"
} | tee "$OUT"
printf 'page\tpath\treq_s\tp50_ms\tp99_ms\tbytes_resp\tbody_b\terrors\trss_mb\tpeak_mb\n' >"$TSV"
printf '%-14s %-40s %9s %8s %8s %10s %8s %6s %7s %7s\n' page path req/s "p50 ms" "p99 ms" bytes/resp "body B" errors "RSS MB" "peak MB" | tee -a "$OUT"
for i in "${!PATHS[@]}"; do
  url="$BASE${PATHS[$i]}"
  body="$(curl -s -o /dev/null --max-time 30 -H "$ENC" -w '%{size_download}' "$url")"
  timeout "$WRK_LIMIT" wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" --timeout "$TIMEOUT" -H "$ENC" "$url" >/dev/null
  res="$(timeout "$WRK_LIMIT" wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout "$TIMEOUT" --latency -H "$ENC" -s "$LUA" "$url")"
  { echo "=== $url"; echo "$res"; } >>"$RAW"
  read -r _ reqs bytes dur p50 p99 non2xx sockerr < <(grep '^WRKRESULT' <<<"$res")
  awk -v l="${LABELS[$i]}" -v u="${PATHS[$i]}" -v r="$reqs" -v b="$bytes" -v d="$dur" -v p50="$p50" -v p99="$p99" \
    -v body="$body" -v e="$((non2xx + sockerr))" -v rss="$(kb VmRSS)" -v hwm="$(kb VmHWM)" -v tsv="$TSV" 'BEGIN {
      rate = r / (d / 1e6); per = r ? b / r : 0
      printf "%s\t%s\t%.1f\t%.2f\t%.2f\t%.0f\t%d\t%d\t%.0f\t%.0f\n", l, u, rate, p50 / 1000, p99 / 1000, per, body, e,
        rss / 1024, hwm / 1024 >> tsv
      if (length(u) > 40) u = substr(u, 1, 37) "..."
      printf "%-14s %-40s %9.1f %8.2f %8.2f %10.0f %8d %6d %7.0f %7.0f\n", l, u, rate, p50 / 1000, p99 / 1000, per,
        body, e, rss / 1024, hwm / 1024 }' | tee -a "$OUT"
done
echo "# bytes/resp = wrk bytes read / requests (headers + compressed body); body B = compressed body (curl);" \
  "RSS = the listening node process after that page, peak = its VmHWM so far" | tee -a "$OUT"

# 3. Home page weight: the HTML and the stylesheets and scripts it links, as a browser gets them (br).
{
  echo "# home page weight (compressed, without images)"
  html="$TMP/home.html"
  curl -s --max-time 30 --compressed -o "$html" "$BASE/"
  total=0
  for ref in / $(grep -oE '<link[^>]*rel="stylesheet"[^>]*>|<script[^>]*src="[^"]*"[^>]*>' "$html" |
    grep -oE '(href|src)="/[^"]*"' | sed -E 's/^(href|src)="//; s/"$//'); do
    size="$(curl -s --max-time 30 -H "$ENC" -o /dev/null -w '%{size_download}' "$BASE$ref")"
    total=$((total + size))
    printf '  %-50s %8d B\n' "$ref" "$size"
  done
  printf '  %-50s %8d B (%.1f KB; target <= 60 KB)\n' "total HTML + CSS + JS" "$total" "$(awk -v t="$total" 'BEGIN { print t / 1024 }')"
} | tee -a "$OUT"
stop_server   # WordPress gets the machine to itself

# 4. Earlier run (e.g. the same pages at 2,000 posts): this run ÷ that one.
if [ -n "$COMPARE" ]; then
  echo "# compared with $COMPARE (this run / that run; target at 100,000 posts: within 1.5x)" | tee -a "$OUT"
  awk -F'\t' 'FNR == 1 { next } NR == FNR { rate[$1] = $3; p99[$1] = $5; next }
    ($1 in rate) { printf "  %-14s req/s %9.1f vs %9.1f  (x%.2f)   p99 %8.2f vs %8.2f ms  (x%.2f)\n", $1, $3, rate[$1],
      $3 / rate[$1], $5, p99[$1], (p99[$1] > 0 ? $5 / p99[$1] : 0) }' "$COMPARE" "$TSV" | tee -a "$OUT"
fi

# 5. WordPress, right after, on the same machine; then the ratios page by page.
if ((WORDPRESS)) && curl -fs --max-time 10 -o /dev/null "$WP_BASE/" 2>/dev/null; then
  [ -r "$WP_BENCH" ] || die "WordPress answers but $WP_BENCH is missing"
  log "WordPress answers on $WP_BASE: running $WP_BENCH"
  WPBENCH_RESULTS="$RESULTS/wordpress" THREADS="$THREADS" CONNS="$CONNS" DURATION="$DURATION" WARMUP="$WARMUP" \
    TIMEOUT="$TIMEOUT" timeout 600 bash "$WP_BENCH" | tee "$TMP/wp.txt" | tee -a "$OUT"
  # WordPress's rows: the label is the first 17 characters, then url req/s p50 p99 bytes body errors.
  awk '/^#/ || /^page / || NF < 7 { next }
    { l = substr($0, 1, 17); sub(/ +$/, "", l); n = split(substr($0, 19), f, " +")
      if (n >= 7) printf "%s\t%s\t%s\n", l, f[n - 5], f[n - 3] }' "$TMP/wp.txt" >"$TMP/wp.tsv"
  {
    echo "# Balairung / WordPress, page by page (target: >= 50x the rate, p99 <= 30 ms)"
    printf '  %-14s %-17s %10s %10s %8s %10s %10s\n' page "WordPress page" "B req/s" "WP req/s" ratio "B p99 ms" "WP p99 ms"
    awk -F'\t' -v word="search $WORD" '
      BEGIN { m["portal home"] = "home"; m["agency home"] = "category archive"; m["article"] = "single post"
              m["list"] = "home"; m[word] = "search ?s=rapat"; m["search rapat"] = "search ?s=rapat"
              m["feed"] = "RSS feed" }
      NR == FNR { rate[$1] = $2; p99[$1] = $3; next }
      FNR == 1 { next }
      { w = m[$1]; if (!(w in rate) || rate[w] == 0) next
        printf "  %-14s %-17s %10.1f %10.1f %7.0fx %10.2f %10.1f\n", $1, w, $3, rate[w], $3 / rate[w], $5, p99[w] }
    ' "$TMP/wp.tsv" "$TSV"
  } | tee -a "$OUT"
elif ((WORDPRESS)); then
  echo "# WordPress does not answer on $WP_BASE (set it up with ../shared/bench/wordpress/setup.sh): no ratios" | tee -a "$OUT"
fi
echo "# saved: $OUT (table: $TSV, raw wrk output: $RAW)"
