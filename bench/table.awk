# The bench's one table (bench/run.sh): each row of this run's .tsv beside nginx (the same bytes as a
# static file) and WordPress (its page that shows the same thing), with the targets of issue 7 marked.
#   awk -F'\t' -v word="search banjir" -f bench/table.awk WP.tsv RUN.tsv
# WP.tsv: WordPress label, req/s, p99 ms (may be empty). RUN.tsv: run.sh's table, with its header.
BEGIN {
  m["portal home"] = "home"; m["agency home"] = "category archive"; m["article"] = "single post"
  m["list"] = "home"; m[word] = "search ?s=rapat"; m["search rapat"] = "search ?s=rapat"; m["feed"] = "RSS feed"
  X_WP = 100; PCT_NGINX = 30; P99_MS = 30; RSS_MB = 250
  ok = "ok"; no = "NO"
}
FILENAME == ARGV[1] { wp[$1] = $2; next }
FNR == 1 {
  print "# Balairung beside nginx and WordPress; targets: >= " X_WP "x WordPress, >= " PCT_NGINX " % of nginx," \
    " p99 <= " P99_MS " ms, RSS <= " RSS_MB " MB (each value marked ok or NO)"
  printf "  %-14s %9s %7s %10s %10s %9s  %-16s %9s %9s %9s\n", "page", "req/s", "p50 ms", "p99 ms", "nginx r/s",
    "% nginx", "WordPress page", "WP req/s", "x WP", "RSS MB"
  next
}
{
  rate = $3; p99 = $5; rss = $9; nginx = $11; w = ($1 in m) ? m[$1] : ""
  pct = nginx > 0 ? sprintf("%.0f %s", 100 * rate / nginx, (100 * rate / nginx >= PCT_NGINX ? ok : no)) : "n/a"
  nr = nginx > 0 ? sprintf("%.0f", nginx) : "n/a"
  if (w != "" && (w in wp) && wp[w] > 0) {
    wr = sprintf("%.1f", wp[w]); x = sprintf("%.0f %s", rate / wp[w], (rate / wp[w] >= X_WP ? ok : no))
  } else {   # no WordPress page for this row, WordPress not run, or no request answered within the run
    wr = (w in wp) ? sprintf("%.1f", wp[w]) : "n/a"; x = "n/a"; if (w == "") w = "n/a"
  }
  printf "  %-14s %9.0f %7.2f %7.2f %-2s %10s %9s  %-16s %9s %9s %6.0f %-2s\n", $1, rate, $4, p99,
    (p99 <= P99_MS ? ok : no), nr, pct, w, wr, x, rss, (rss <= RSS_MB ? ok : no)
}
