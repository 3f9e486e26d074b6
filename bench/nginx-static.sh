# Sourced by bench/run.sh: a throwaway nginx serving the very bytes Balairung sends, as static files —
# the physical limit of this machine for each page (the same wrk, the same response body, no app).
#   static_capture DIR URL NAME   saves URL's compressed body (as sent for $ENC) and its headers
#   static_start DIR PORT         writes DIR/nginx.conf for the captured pages and starts nginx
#   static_stop                   stops it (its own process group, started here)
# Each page is served at /NAME with the headers Balairung sent (Content-Type, Content-Encoding, the
# security headers), so the response differs only in what nginx adds (Date, ETag, Last-Modified).
NGINX_PID=""

static_capture() {
  local dir="$1" url="$2" name="$3"
  mkdir -p "$dir/www"
  curl -s --max-time 30 -H "$ENC" -D "$dir/$name.headers" -o "$dir/www/$name" "$url"
  grep -qi '^content-encoding: br' "$dir/$name.headers" || die "$url did not answer with br"
}

# nginx directives for one page's headers; hop-by-hop and per-response ones are nginx's own.
static_headers() {
  tr -d '\r' <"$1" | awk -F': ' 'NR > 1 && NF >= 2 {
    name = tolower($1); value = substr($0, length($1) + 3)
    if (name ~ /^(date|connection|keep-alive|content-length|transfer-encoding|etag|last-modified|age)$/) next
    if (value ~ /[$"\\]/) next   # nginx would read $ as a variable; none of these matter for size
    if (name == "content-type") { printf "      default_type \"%s\";\n", value; next }
    printf "      add_header \"%s\" \"%s\" always;\n", $1, value }'
}

static_start() {
  local dir="$1" port="$2" locations="" name
  [ -z "$(ss -ltnH "sport = :$port")" ] || die "something already listens on 127.0.0.1:$port (--static-port)"
  for h in "$dir"/*.headers; do
    name="$(basename "$h" .headers)"
    locations+="    location = /$name {
$(static_headers "$h")
      alias $dir/www/$name;
    }
"
  done
  cat >"$dir/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
  types { }
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 10000000;
  open_file_cache max=64 inactive=60s;
  server_tokens off;
  server {
    listen 127.0.0.1:$port;
$locations  }
}
NGINX
  # Workers run as nobody when started by root: they must be able to read the captured files.
  chmod 711 "$TMP"
  chmod -R a+rX "$dir"
  nginx -t -q -c "$dir/nginx.conf" -p "$dir" || die "nginx rejects $dir/nginx.conf"
  setsid nginx -c "$dir/nginx.conf" -p "$dir" >"$dir/nginx.out" 2>&1 &
  NGINX_PID=$!
  for _ in $(seq 1 50); do
    curl -fs --max-time 2 -o /dev/null "http://127.0.0.1:$port/$name" && return 0
    kill -0 "$NGINX_PID" 2>/dev/null || break
    sleep 0.1
  done
  cat "$dir/error.log" "$dir/nginx.out" >&2 2>/dev/null
  die "the static nginx does not answer on 127.0.0.1:$port"
}

static_stop() {
  [ -n "$NGINX_PID" ] || return 0
  kill -TERM -- "-$NGINX_PID" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 -- "-$NGINX_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$NGINX_PID" 2>/dev/null || true
  NGINX_PID=""
}
