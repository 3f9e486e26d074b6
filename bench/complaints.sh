#!/usr/bin/env bash
# The complaint benchmark (issue 4, "Performance"):
#   1. submissions: POST /api/v1/complaints at full speed with wrk (every request a new reporter, so
#      the per-contact limit never trips; BALAIRUNG_RATE_LIMIT=off lifts the per-address one), on the
#      embedded default (SQLite, synchronous=FULL: a 201 means the complaint is on disk); prints
#      requests/s and p50/p99, then checks that the database holds exactly one complaint per 201;
#   2. the coordinator's queue: with --data DIR seeded by bench/seed-complaints.ts (a million
#      complaints), times the queue's queries in process (bench/queue.bench.ts).
#
#   npm run bench:complaints                        # submissions only, fresh temporary folder
#   npm run bench:complaints -- --queue DIR         # also the queue over DIR (seeded once, kept)
# Options: --duration 20s --conns 8 --port 3901 (wrk keeps CONNS requests in flight: with 8 the server runs
# near the target rate; more connections only add queueing to every latency). Only ever talks to 127.0.0.1.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DURATION=20s CONNS=8 PORT=3901 QUEUE=""
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
while (($#)); do
  case "$1" in
    --duration) DURATION="${2:?}"; shift 2 ;;
    --conns) CONNS="${2:?}"; shift 2 ;;
    --port) PORT="${2:?}"; shift 2 ;;
    --queue) QUEUE="${2:?}"; shift 2 ;;
    *) die "unknown option $1 (see the head of bench/complaints.sh)" ;;
  esac
done
command -v wrk >/dev/null || die "wrk is not installed (apt-get install -y wrk)"
BASE="http://127.0.0.1:${PORT}"
TMP="$(mktemp -d /tmp/balairung-cbench.XXXXXX)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 -- "-$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

curl -fs --max-time 2 "$BASE/healthz" >/dev/null 2>&1 && die "something already answers on $BASE"
log "starting Balairung on $BASE with a fresh database in $TMP/data"
node scripts/build-server.mjs >&2
NODE_ENV=production BALAIRUNG_SECRET="$(head -c 32 /dev/urandom | base64 | tr -d '\n')" \
  BALAIRUNG_DATA_DIR="$TMP/data" BALAIRUNG_DEMO_PASSWORD=bench-password-123 BALAIRUNG_RATE_LIMIT=off \
  LOG_LEVEL=warn HOST=127.0.0.1 PORT="$PORT" setsid node dist/server.js >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -fs --max-time 2 "$BASE/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/server.log" >&2; die "the server exited"; }
  sleep 0.5
done

cat >"$TMP/post.lua" <<'LUA'
-- Each request a different reporter: thread id and a counter make the email unique.
local counter = 0
local id = 0
setup = function(thread) thread:set("tid", id); id = id + 1 end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  local body = string.format('{"class":"pengaduan","title":"Lampu jalan padam nomor %d","description":' ..
    '"Lampu jalan di depan gang sudah padam tiga malam, gelap dan rawan.","category":"lampu-lalu-lintas",' ..
    '"reporter":{"name":"Warga Uji","email":"warga-%d-%d@example.com"},"anonymous":false,' ..
    '"confidential":false,"consent":true}', counter, tid or 0, counter)
  return wrk.format(nil, "/api/v1/complaints", nil, body)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRKRESULT %d %d %.0f %.0f %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
LUA
code="$(curl -s -o "$TMP/one.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"class":"pengaduan","title":"Uji satu laporan","description":"Satu laporan untuk memeriksa rute sebelum uji beban.","category":"lainnya","reporter":{"name":"Uji","email":"uji@example.com"},"anonymous":false,"confidential":false,"consent":true}' \
  "$BASE/api/v1/complaints")"
[ "$code" = 201 ] || { cat "$TMP/one.json" >&2; die "POST /api/v1/complaints -> $code (expected 201)"; }

echo "# Balairung complaint submissions $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
echo "# host: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2 -c$CONNS -d$DURATION --latency"
count() { node -e 'const D=require("better-sqlite3");const db=new D(process.argv[1],{readonly:true});console.log(db.prepare("select count(*) n from complaints").get().n)' "$TMP/data/balairung.sqlite"; }
wrk -t2 -c"$CONNS" -d3s -s "$TMP/post.lua" "$BASE" >/dev/null   # warm-up
before="$(count)"
res="$(wrk -t2 -c"$CONNS" -d"$DURATION" --timeout 10s --latency -s "$TMP/post.lua" "$BASE")"
read -r _ reqs dur p50 p99 non2xx sockerr < <(grep '^WRKRESULT' <<<"$res")
awk -v r="$reqs" -v d="$dur" -v p50="$p50" -v p99="$p99" -v e="$non2xx" -v s="$sockerr" 'BEGIN {
  printf "POST /api/v1/complaints: %.1f req/s, p50 %.2f ms, p99 %.2f ms, non-2xx %d, socket errors %d (target: 500/s, p99 <= 50 ms)\n",
    r / (d / 1e6), p50 / 1000, p99 / 1000, e, s }'
cleanup_server() { kill -TERM -- "-$SERVER_PID" 2>/dev/null || true; for _ in $(seq 1 50); do kill -0 -- "-$SERVER_PID" 2>/dev/null || break; sleep 0.1; done; SERVER_PID=""; }
cleanup_server
stored=$(($(count) - before))
echo "complaints stored by the measured run: $stored; 201 answers counted by wrk: $((reqs - non2xx)) (stored may exceed it by the requests in flight when wrk stopped, at most $CONNS)"

if [ -n "$QUEUE" ]; then
  [ -e "$QUEUE/balairung.sqlite" ] || { log "seeding 1,000,000 complaints into $QUEUE"; npx tsx bench/seed-complaints.ts --data "$QUEUE"; }
  npx tsx bench/queue.bench.ts --data "$QUEUE"
fi
