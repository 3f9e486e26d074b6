#!/usr/bin/env bash
# The page benchmark (issues 3 and 7): seeds content with seed-volume, starts Balairung in production
# mode on 127.0.0.1 and measures with wrk seven public pages, the coordinator's queue (signed in) and a
# complaint submission (POST /api/v1/complaints); each public page also served as a static file by a
# throwaway nginx (the same bytes: this machine's limit). Then, where ../shared/bench/wordpress/setup.sh
# has set WordPress up on 127.0.0.1:8081, runs its bench.sh in the same run and prints one table with
# the ratios and the targets.
#
#   npm run bench                                  # 2,000 posts in a fresh temporary folder, then WordPress
#   npm run bench -- --posts 100000 --complaints 1000000 --data DIR   # seeds DIR once (kept), reuses it later
#   npm run bench -- --no-wordpress --compare FILE # ratios against an earlier run's .tsv (e.g. 2,000 posts)
#   npm run bench -- --database postgres://postgres@127.0.0.1:5432/bench --data DIR
#                                                  # on PostgreSQL: an empty database, seeded once (DIR keeps
#                                                  # the uploads and the manifest), reused with the same DIR
# Options: --posts N  --complaints N  --data DIR  --database URL  --no-wordpress  --compare FILE.tsv  --duration 10s
#          --port 3900  --static-port 3950
# Env: THREADS CONNS WARMUP TIMEOUT (as bench.sh), BENCH_RESULTS (default /tmp/balairung-bench-results)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

POSTS=2000 COMPLAINTS=0 DATA="" DATABASE="" WORDPRESS=1 COMPARE="" DURATION=10s PORT=3900 STATIC_PORT=3950
THREADS="${THREADS:-2}" CONNS="${CONNS:-32}" WARMUP="${WARMUP:-3s}" TIMEOUT="${TIMEOUT:-10s}"
WP_BASE="http://127.0.0.1:8081"
WP_BENCH="${WP_BENCH:-$ROOT/../shared/bench/wordpress/bench.sh}"
RESULTS="${BENCH_RESULTS:-/tmp/balairung-bench-results}"
COORDINATOR="aduan@pontianak.go.id"

die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
number() { [[ "$2" =~ ^[0-9]+$ ]] || die "$1 must be a number"; }
while (($#)); do
  case "$1" in
    --posts) POSTS="${2:?}"; shift 2 ;;
    --complaints) COMPLAINTS="${2:?}"; shift 2 ;;
    --data) DATA="${2:?}"; shift 2 ;;
    --database) DATABASE="${2:?}"; shift 2 ;;
    --no-wordpress) WORDPRESS=0; shift ;;
    --compare) COMPARE="${2:?}"; shift 2 ;;
    --duration) DURATION="${2:?}"; shift 2 ;;
    --port) PORT="${2:?}"; shift 2 ;;
    --static-port) STATIC_PORT="${2:?}"; shift 2 ;;
    *) die "unknown option $1 (see the head of bench/run.sh)" ;;
  esac
done
number --posts "$POSTS"; number --complaints "$COMPLAINTS"; number --port "$PORT"; number --static-port "$STATIC_PORT"
[ -z "$COMPARE" ] || [ -r "$COMPARE" ] || die "cannot read $COMPARE"
BASE="http://127.0.0.1:${PORT}" STATIC="http://127.0.0.1:${STATIC_PORT}"   # only ever loopback
secs() { local d="$1"; case "$d" in *m) echo $((${d%m} * 60)) ;; *s) echo "${d%s}" ;; *) echo "$d" ;; esac; }
WRK_LIMIT=$(($(secs "$DURATION") + $(secs "$TIMEOUT") + 30))   # wrk stops itself; this is the backstop

for tool in wrk nginx; do
  command -v "$tool" >/dev/null && continue
  [ "$(id -u)" = 0 ] || die "$tool is not installed (apt-get install -y $tool)"
  log "installing $tool from Debian"; DEBIAN_FRONTEND=noninteractive apt-get install -y "$tool" >/dev/null
done

TMP="$(mktemp -d /tmp/balairung-bench.XXXXXX)"
# shellcheck source=bench/nginx-static.sh
source "$ROOT/bench/nginx-static.sh"
SERVER_PID=""
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  kill -TERM -- "-$SERVER_PID" 2>/dev/null || true   # its own process group
  for _ in $(seq 1 50); do kill -0 -- "-$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}
cleanup() { stop_server; static_stop; rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. Content: a fresh temporary folder, or DIR seeded once and reused.
[ -n "$DATA" ] || DATA="$TMP/data"
[ -z "$DATABASE" ] || [[ "$DATABASE" =~ ^postgres(ql)?://[^/]*(127\.0\.0\.1|localhost)[:/] ]] ||
  die "--database must be a PostgreSQL URL on 127.0.0.1 or localhost"
DIALECT="SQLite"; [ -z "$DATABASE" ] || DIALECT="PostgreSQL"
if [ -e "$DATA/balairung.sqlite" ] || [ -e "$DATA/bench-content.json" ]; then
  [ -r "$DATA/bench-content.json" ] || die "$DATA holds a database but no bench-content.json"
  [ -e "$DATA/balairung.sqlite" ] && [ -n "$DATABASE" ] && die "$DATA was seeded on SQLite: give another --data"
  log "reusing $DATA"
else
  log "seeding $POSTS posts and $COMPLAINTS complaints into $DATA ($DIALECT; seed-volume)"
  /usr/bin/time -f '%e' -o "$TMP/seed.time" \
    npx tsx bench/seed-content.ts --posts "$POSTS" --complaints "$COMPLAINTS" --data "$DATA" \
    ${DATABASE:+--database "$DATABASE"} >&2
  log "seeding took $(cat "$TMP/seed.time") s"
fi
manifest() { node -e 'const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(m[process.argv[2]] ?? "")' "$DATA/bench-content.json" "$1"; }
POSTS="$(manifest posts)" COMPLAINTS="$(manifest complaints)"
ARTICLE="$(manifest articlePath)" WORD="$(manifest searchWord)" PASSWORD="$(manifest demoPassword)"
COMPLAINTS="${COMPLAINTS:-0}"   # a folder seeded before seed-volume names no complaints
[ -n "$ARTICLE" ] && [ -n "$PASSWORD" ] || die "$DATA/bench-content.json names no article or demo password"

# 2. The server, in production mode, in its own process group so the trap ends all of it.
curl -fs --max-time 2 "$BASE/healthz" >/dev/null 2>&1 && die "something already answers on $BASE"
log "compiling and starting Balairung on $BASE (as npm start: plain node on dist/)"
node scripts/build-server.mjs >&2
NODE_ENV=production BALAIRUNG_SECRET="$(head -c 32 /dev/urandom | base64 | tr -d '\n')" \
  BALAIRUNG_DATA_DIR="$DATA" DATABASE_URL="$DATABASE" BALAIRUNG_RATE_LIMIT=off LOG_LEVEL=warn HOST=127.0.0.1 PORT="$PORT" \
  setsid node dist/server.js >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -fs --max-time 2 "$BASE/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/server.log" >&2; die "the server exited"; }
  sleep 0.5
done
curl -fs --max-time 2 "$BASE/healthz" >/dev/null || die "no answer from $BASE/healthz after 60 s"
# The process listening is the server whose memory counts.
NODE_PID="$(ss -ltnpH "sport = :$PORT" | grep -oP 'pid=\K[0-9]+' | head -1)"
[ -n "$NODE_PID" ] || die "cannot find the process listening on $PORT"
kb() { awk -v k="$1" '$1 == k":" { print $2 }' "/proc/$NODE_PID/status"; }

# The coordinator signs in through the /masuk form (CSRF token from the page, cookies in a jar).
JAR="$TMP/cookies.txt"
curl -s --max-time 30 -c "$JAR" -o "$TMP/masuk.html" "$BASE/masuk"
CSRF="$(grep -oP 'name="_csrf" value="\K[^"]+' "$TMP/masuk.html" | head -1)"
code="$(curl -s --max-time 30 -b "$JAR" -c "$JAR" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$CSRF" \
  --data-urlencode "email=$COORDINATOR" --data-urlencode "password=$PASSWORD" "$BASE/masuk")"
[[ "$code" = 30? ]] || die "signing $COORDINATOR in through /masuk -> $code (expected a redirect)"
COOKIE="$(awk -F'\t' 'NF == 7 { sub(/^#HttpOnly_/, "", $1); printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$JAR")"

LABELS=("portal home" "agency home" "article" "list" "search $WORD" "search rapat" "feed" "queue")
PATHS=("/" "/opd/dinkes" "$ARTICLE" "/berita" "/cari?q=$WORD" "/cari?q=rapat" "/feed.xml" "/admin/aduan")
QUEUE=$((${#PATHS[@]} - 1))   # the last page is the coordinator's, with the session cookie
for i in "${!PATHS[@]}"; do
  extra=(); ((i == QUEUE)) && extra=(-H "Cookie: $COOKIE")
  code="$(curl -s -o /dev/null --max-time 30 -w '%{http_code}' "${extra[@]}" "$BASE${PATHS[$i]}")"
  [ "$code" = 200 ] || die "GET $BASE${PATHS[$i]} -> $code (expected 200)"
done

ENC='Accept-Encoding: br, gzip'
# The same bytes as a static file: each public page's compressed body, served by nginx.
for i in "${!PATHS[@]}"; do ((i == QUEUE)) || static_capture "$TMP/static" "$BASE${PATHS[$i]}" "p$i"; done
static_start "$TMP/static" "$STATIC_PORT"
log "nginx serves the captured pages on $STATIC"

REPORT='done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRKRESULT %.0f %.0f %.0f %.0f %.0f %.0f %.0f\n",
    summary.requests, summary.bytes, summary.duration,
    latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end'
echo "$REPORT" >"$TMP/report.lua"
# A complaint filed through the JSON API, each a new reporter (thread id and a counter in the email,
# so the per-contact limit never trips; BALAIRUNG_RATE_LIMIT=off lifts the per-address one).
cat >"$TMP/post.lua" <<LUA
local counter, id, run = 0, 0, os.time()   -- run: the warm-up and the measured run file different reporters
setup = function(thread) thread:set("tid", id); id = id + 1 end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  local body = string.format('{"class":"pengaduan","title":"Lampu jalan padam nomor %d","description":' ..
    '"Lampu jalan di depan gang sudah padam tiga malam, gelap dan rawan.","category":"lampu-lalu-lintas",' ..
    '"reporter":{"name":"Warga Uji","email":"warga-%d-%d-%d@example.com"},"anonymous":false,' ..
    '"confidential":false,"consent":true}', counter, run, tid or 0, counter)
  return wrk.format(nil, "/api/v1/complaints", nil, body)
end
$REPORT
LUA
POST_LABEL="complaint POST" POST_PATH="/api/v1/complaints"
code="$(curl -s -o "$TMP/one.json" --max-time 30 -w '%{http_code}' -H 'Content-Type: application/json' -d \
  '{"class":"pengaduan","title":"Uji satu laporan","description":"Satu laporan untuk memeriksa rute sebelum uji beban.","category":"lainnya","reporter":{"name":"Uji","email":"uji-bench@example.com"},"anonymous":false,"confidential":false,"consent":true}' \
  "$BASE$POST_PATH")"
[ "$code" = 201 ] || { cat "$TMP/one.json" >&2; die "POST $BASE$POST_PATH -> $code (expected 201)"; }

mkdir -p "$RESULTS"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)-${POSTS}"
OUT="$RESULTS/$STAMP.txt" TSV="$RESULTS/$STAMP.tsv" RAW="$RESULTS/$STAMP.raw.txt"
{
  echo "# Balairung benchmark $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo '+changes')"
  echo "# host: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# Node $(node -v), $DIALECT, ${POSTS} published posts, ${COMPLAINTS} seeded complaints ($DATA); server pid $NODE_PID"
  echo "# wrk -t${THREADS} -c${CONNS} -d${DURATION} --timeout ${TIMEOUT} --latency -H '$ENC'  (warm-up ${WARMUP} per URL, not reported)"
  echo "# nginx $(nginx -v 2>&1 | cut -d/ -f2) on $STATIC: each public page's bytes as a static file, measured right after the page"
} | tee "$OUT"

# wrk URL SCRIPT [wrk options]: the warm-up, then the measured run; prints "requests bytes µs p50 p99 non2xx sockerr".
measure() {
  local url="$1" script="$2"; shift 2
  timeout "$WRK_LIMIT" wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" --timeout "$TIMEOUT" -H "$ENC" -s "$script" "$@" "$url" >/dev/null
  local res
  res="$(timeout "$WRK_LIMIT" wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout "$TIMEOUT" --latency -H "$ENC" -s "$script" "$@" "$url")"
  { echo "=== $url"; echo "$res"; } >>"$RAW"
  grep '^WRKRESULT' <<<"$res" | cut -d' ' -f2-
}

printf 'page\tpath\treq_s\tp50_ms\tp99_ms\tbytes_resp\tbody_b\terrors\trss_mb\tpeak_mb\tnginx_req_s\tnginx_p99_ms\n' >"$TSV"
printf '%-14s %-34s %9s %7s %7s %9s %7s %6s %6s %6s %9s %7s\n' page path req/s "p50 ms" "p99 ms" bytes/resp "body B" errors \
  "RSS MB" "peak MB" "nginx r/s" "% nginx" | tee -a "$OUT"
row() {   # label path "wrk result" body "nginx wrk result or empty"
  local ng=(0 0 0 0 0 0 0); [ -z "$5" ] || read -ra ng <<<"$5"
  read -r reqs bytes dur p50 p99 non2xx sockerr <<<"$3"
  awk -v l="$1" -v u="$2" -v r="$reqs" -v b="$bytes" -v d="$dur" -v p50="$p50" -v p99="$p99" -v body="$4" \
    -v e="$((non2xx + sockerr))" -v rss="$(kb VmRSS)" -v hwm="$(kb VmHWM)" -v tsv="$TSV" \
    -v nr="${ng[0]}" -v nd="${ng[2]}" -v np99="${ng[4]}" -v ne="$((ng[5] + ng[6]))" 'BEGIN {
      rate = r / (d / 1e6); per = r ? b / r : 0; nrate = nd ? nr / (nd / 1e6) : 0
      printf "%s\t%s\t%.1f\t%.2f\t%.2f\t%.0f\t%d\t%d\t%.0f\t%.0f\t%.1f\t%.2f\n", l, u, rate, p50 / 1000, p99 / 1000, per,
        body, e, rss / 1024, hwm / 1024, nrate, np99 / 1000 >> tsv
      if (length(u) > 34) u = substr(u, 1, 31) "..."
      printf "%-14s %-34s %9.1f %7.2f %7.2f %9.0f %7d %6d %6.0f %6.0f %9s %7s%s\n", l, u, rate, p50 / 1000, p99 / 1000, per,
        body, e, rss / 1024, hwm / 1024, nrate ? sprintf("%.1f", nrate) : "n/a",
        nrate ? sprintf("%.0f %%", 100 * rate / nrate) : "n/a", ne ? "  (nginx errors: " ne ")" : "" }'
}
for i in "${!PATHS[@]}"; do
  url="$BASE${PATHS[$i]}" extra=() static=""
  ((i == QUEUE)) && extra=(-H "Cookie: $COOKIE")
  body="$(curl -s -o /dev/null --max-time 30 -H "$ENC" "${extra[@]}" -w '%{size_download}' "$url")"
  res="$(measure "$url" "$TMP/report.lua" "${extra[@]}")"
  ((i == QUEUE)) || static="$(measure "$STATIC/p$i" "$TMP/report.lua")"
  row "${LABELS[$i]}" "${PATHS[$i]}" "$res" "$body" "$static" | tee -a "$OUT"
done
row "$POST_LABEL" "$POST_PATH" "$(measure "$BASE" "$TMP/post.lua")" "$(wc -c <"$TMP/one.json")" "" | tee -a "$OUT"
echo "# bytes/resp = wrk bytes read / requests (headers + compressed body); body B = compressed body (curl);" \
  "RSS = the listening node process after that row, peak = its VmHWM so far; nginx = the same body as a static file;" \
  "queue = /admin/aduan signed in as $COORDINATOR; complaint POST = a new complaint per request (201)" | tee -a "$OUT"

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
static_stop

# 4. Earlier run (e.g. the same pages at 2,000 posts): this run ÷ that one.
if [ -n "$COMPARE" ]; then
  echo "# compared with $COMPARE (this run / that run; target at 100,000 posts: within 1.5x)" | tee -a "$OUT"
  awk -F'\t' 'FNR == 1 { next } NR == FNR { rate[$1] = $3; p99[$1] = $5; next }
    ($1 in rate) { printf "  %-14s req/s %9.1f vs %9.1f  (x%.2f)   p99 %8.2f vs %8.2f ms  (x%.2f)\n", $1, $3, rate[$1],
      $3 / rate[$1], $5, p99[$1], (p99[$1] > 0 ? $5 / p99[$1] : 0) }' "$COMPARE" "$TSV" | tee -a "$OUT"
fi

# 5. WordPress, right after, on the same machine; then one table with every ratio and target.
: >"$TMP/wp.tsv"
if ((WORDPRESS)) && curl -fs --max-time 10 -o /dev/null "$WP_BASE/" 2>/dev/null; then
  [ -r "$WP_BENCH" ] || die "WordPress answers but $WP_BENCH is missing"
  log "WordPress answers on $WP_BASE: running $WP_BENCH"
  WPBENCH_RESULTS="$RESULTS/wordpress" THREADS="$THREADS" CONNS="$CONNS" DURATION="$DURATION" WARMUP="$WARMUP" \
    TIMEOUT="$TIMEOUT" timeout 600 bash "$WP_BENCH" | tee "$TMP/wp.txt" | tee -a "$OUT"
  # WordPress's rows: the label is the first 17 characters, then url req/s p50 p99 bytes body errors.
  awk '/^#/ || /^page / || NF < 7 { next }
    { l = substr($0, 1, 17); sub(/ +$/, "", l); n = split(substr($0, 19), f, " +")
      if (n >= 7) printf "%s\t%s\t%s\n", l, f[n - 5], f[n - 3] }' "$TMP/wp.txt" >"$TMP/wp.tsv"
elif ((WORDPRESS)); then
  echo "# WordPress does not answer on $WP_BASE (set it up with ../shared/bench/wordpress/setup.sh): no ratios" | tee -a "$OUT"
fi
awk -F'\t' -v word="search $WORD" -f bench/table.awk "$TMP/wp.tsv" "$TSV" | tee -a "$OUT"
echo "# saved: $OUT (table: $TSV, raw wrk output: $RAW)"
