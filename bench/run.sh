#!/usr/bin/env bash
# The emulator against a bare Netty server (bench/baseline: same Netty version, same transport),
# in interleaved A/B rounds on loopback, with signed OSS V1 load from wrk. Prints one table of
# emulator ÷ baseline ratios at the end.
#
#   bench/run.sh                     # build both jars, ROUNDS=2 (about 11 minutes)
#   ROUNDS=1 DURATION=5 bench/run.sh # a quick look
#
# Needs JDK 17+, Maven, python3, curl and wrk:  apt-get update && apt-get install -y wrk
#
# Per round and server:
#   cold  for PUT and GET ?encryption at each of COLD_CONNS: a fresh JVM, then DURATION s of load
#         starting right after the first answer (what a test suite sees)
#   warm  a fresh JVM; idle RSS; warm-up (WARMUP s each of PUT and GET ?encryption at 64
#         connections, 5 s each of PutObject and GetObject); then PUT/GET ?encryption at 64 and 1
#         connections and PutObject/GetObject of 1 MiB at 16 connections, DURATION s each
# Every start is timed (JVM launch to the first HTTP answer); the table gives the median.
#   small a fresh JVM with SMALL_OPTS (the README's small-footprint flags) for both servers: idle RSS;
#         the emulator as the README's small-footprint command starts it (no AppCDS archive), then
#         once more with the archive
# Knobs: ROUNDS DURATION WARMUP COLD_CONNS JAVA_OPTS EMU_OPTS SMALL_OPTS TRANSPORT NO_BUILD BASE_PORT
#        EMU_PORT
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
# The AppCDS archive names the jar as target/..., relative to the project folder: started from
# anywhere else, the JVM silently ignores it ("Required classpath entry does not exist").
cd "$ROOT"
: "${ROUNDS:=2}" "${DURATION:=10}" "${WARMUP:=20}" "${COLD_CONNS:=64 1}" "${SETTLE:=2}"
# JAVA_OPTS goes to both servers, EMU_OPTS to the emulator only: by default none, as the README's
# start command (section Set-up) has none; EMU_OPTS='-XX:+UseSerialGC -XX:CICompilerCount=4'
# measures the README's load-test flags (section Performance).
: "${JAVA_OPTS:=}" "${EMU_OPTS:=}" "${TRANSPORT:=auto}" "${NO_BUILD:=0}"
# The README's small-footprint flags (section Performance): C1 only, serial GC, a small heap.
: "${SMALL_OPTS:=-XX:+UseSerialGC -Xms8m -Xmx96m -Xmn1m -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -Xss256k -Dio.netty.eventLoopThreads=1 -Dio.netty.jfr.enabled=false -Ddev.ossemu.prepare=false}"
EXTRA_OPTS=""
: "${BASE_PORT:=18080}" "${EMU_PORT:=19000}"
OBJECT_BYTES=$((1024 * 1024))
SIGNER="$BENCH/oss_v1_sign.py"
OUT="$BENCH/results/$(date -u +%Y%m%dT%H%M%SZ)"

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
for tool in java mvn python3 curl wrk; do
  command -v "$tool" >/dev/null || die "$tool not found (wrk: apt-get update && apt-get install -y wrk)"
done
mkdir -p "$OUT"
head -c "$OBJECT_BYTES" /dev/urandom >"$OUT/object.bin"
printf 'round\tserver\tphase\top\tconns\trps\tmibps\tp50_us\tp99_us\tnon2xx\tsock_err\n' >"$OUT/load.tsv"
printf 'round\tserver\tstart_ms\n' >"$OUT/starts.tsv"
printf 'round\tserver\trss_kb\n' >"$OUT/rss.tsv"
printf 'round\tserver\trss_kb\n' >"$OUT/rss-small.tsv"
printf 'round\tserver\trss_kb\n' >"$OUT/rss-small-cds.tsv"

NETTY=$(sed -n 's:.*<netty.version>\(.*\)</netty.version>.*:\1:p' "$ROOT/pom.xml" | head -1)
if [[ "$NO_BUILD" != 1 ]]; then
  log "building the emulator (mvn package) and the baseline (Netty $NETTY)"
  (cd "$ROOT" && mvn -B -q -DskipTests package) >"$OUT/build.log" 2>&1 || die "build failed: $OUT/build.log"
  mvn -B -q -f "$BENCH/baseline/pom.xml" -Dnetty.version="$NETTY" package >>"$OUT/build.log" 2>&1 \
    || die "baseline build failed: $OUT/build.log"
fi
EMU_JAR=$(ls "$ROOT"/target/oss-emulator-*-standalone.jar | head -1)
BASE_JAR="$BENCH/baseline/target/netty-baseline.jar"
[[ -f "$EMU_JAR" && -f "$BASE_JAR" ]] || die "jars missing; run without NO_BUILD=1"
CDS=()
[[ -f "${EMU_JAR%.jar}.jsa" ]] && CDS=("-XX:SharedArchiveFile=${EMU_JAR%.jar}.jsa" -Xshare:auto)

# shellcheck disable=SC2086
server_cmd() {
  case "$1" in
    baseline) echo java $JAVA_OPTS $EXTRA_OPTS -Ddev.ossemu.transport="$TRANSPORT" -jar "$BASE_JAR" -port "$BASE_PORT" ;;
    emulator) echo java $JAVA_OPTS $EXTRA_OPTS $EMU_OPTS $([[ "${NO_CDS:-0}" == 1 ]] || echo "${CDS[@]}") -Ddev.ossemu.transport="$TRANSPORT" -jar "$EMU_JAR" \
      --port "$EMU_PORT" --account bench-ak:bench-sk ${LOG_LEVEL:+--log-level "$LOG_LEVEL"} ;;
  esac
}
port_of() { [[ "$1" == baseline ]] && echo "$BASE_PORT" || echo "$EMU_PORT"; }
now_ms() { date +%s%3N; }

PID=""
stop() {
  [[ -z "$PID" ]] && return 0
  kill -TERM "$PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  PID=""
}
trap stop EXIT
trap 'exit 130' INT TERM

# start ROUND SERVER: a fresh JVM; records the ms from launch to its first HTTP answer.
start() {
  local round="$1" server="$2" port t0 code op
  port=$(port_of "$server")
  curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/" && die "something already answers on port $port"
  t0=$(now_ms)
  # shellcheck disable=SC2046
  $(server_cmd "$server") >>"$OUT/server-$server.log" 2>&1 &
  PID=$!
  while :; do
    kill -0 "$PID" 2>/dev/null || die "$server exited; see $OUT/server-$server.log"
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/" || true)
    [[ "$code" != 000 && -n "$code" ]] && break
    (( $(now_ms) - t0 > 60000 )) && die "$server did not answer within 60 s"
    sleep 0.01
  done
  printf '%s\t%s\t%s\n' "$round" "$server" $(( $(now_ms) - t0 )) >>"$OUT/starts.tsv"
  for op in put-bucket put-encryption put-object; do
    python3 "$SIGNER" --op "$op" --body-file "$OUT/object.bin" --send "127.0.0.1:$port" >>"$OUT/preflight.txt" \
      || die "signed $op to $server was refused; see $OUT/preflight.txt"
  done
}

# load ROUND SERVER PHASE OP CONNS SECONDS [warmup]
load() {
  local round="$1" server="$2" phase="$3" op="$4" conns="$5" secs="$6" kind="${7:-}" file json
  eval "$(python3 "$SIGNER" --op "$op" --body-file "$OUT/object.bin" --format env)"
  file="$OUT/wrk-$round-$server-$phase-$op-c$conns${kind:+-$kind}.txt"
  timeout $(( secs + 20 )) wrk -t"$(( conns > 1 ? 2 : 1 ))" -c"$conns" -d"${secs}s" --timeout 5s --latency \
    -s "$BENCH/wrk/oss.lua" "http://127.0.0.1:$(port_of "$server")" >"$file" 2>&1 || log "wrk failed: $file"
  [[ -n "$kind" ]] && return 0
  json=$(sed -n 's/^WRK_JSON //p' "$file" | tail -1)
  [[ -n "$json" ]] || die "no result in $file"
  python3 - "$round" "$server" "$phase" "$op" "$conns" "$OBJECT_BYTES" "$json" >>"$OUT/load.tsv" <<'PY'
import json, sys
r, s, ph, op, c, size, raw = sys.argv[1:]
j = json.loads(raw)
mibps = j["rps"] * int(size) / 1048576 if "object" in op else 0
print("\t".join(map(str, [r, s, ph, op, c, "%.0f" % j["rps"], "%.1f" % mibps, j["p50_us"], j["p99_us"],
                         j["non2xx"], j["sock_err"]])))
PY
  log "$(tail -1 "$OUT/load.tsv" | awk -F'\t' '{printf "%s %s %s c%s: %s req/s %s MiB/s p50 %s us p99 %s us non-2xx %s", $2, $3, $4, $5, $6, $7, $8, $9, $10}')"
}

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(uname -srm), $(nproc) cpus, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $(java -version 2>&1 | head -1); wrk: $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2); netty: $NETTY"
  echo "settings: ROUNDS=$ROUNDS DURATION=${DURATION}s WARMUP=${WARMUP}s COLD_CONNS='$COLD_CONNS' JAVA_OPTS='$JAVA_OPTS' EMU_OPTS='$EMU_OPTS' SMALL_OPTS='$SMALL_OPTS' TRANSPORT=$TRANSPORT${CDS:+ AppCDS=yes}"
} >"$OUT/env.txt"
log "results -> $OUT"

for round in $(seq 1 "$ROUNDS"); do
  for server in baseline emulator; do
    for op in put-encryption get-encryption; do
      for c in $COLD_CONNS; do
        start "$round" "$server"
        load "$round" "$server" cold "$op" "$c" "$DURATION"
        stop; sleep 1
      done
    done
    start "$round" "$server"
    sleep "$SETTLE"
    printf '%s\t%s\t%s\n' "$round" "$server" "$(awk '/^VmRSS:/ {print $2}' "/proc/$PID/status")" >>"$OUT/rss.tsv"
    load "$round" "$server" warm put-encryption 64 "$WARMUP" warmup
    load "$round" "$server" warm get-encryption 64 "$WARMUP" warmup
    load "$round" "$server" warm put-object 16 5 warmup
    load "$round" "$server" warm get-object 16 5 warmup
    for op in put-encryption get-encryption; do
      load "$round" "$server" warm "$op" 64 "$DURATION"
      load "$round" "$server" warm "$op" 1 "$DURATION"
    done
    load "$round" "$server" warm put-object 16 "$DURATION"
    load "$round" "$server" warm get-object 16 "$DURATION"
    grep -ho 'transport[= ][a-z_]*' "$OUT/server-$server.log" | tail -1 | sed "s/^/$server /" >>"$OUT/env.txt" || true
    stop; sleep 1
    # The small-footprint command is SMALL_OPTS alone, without the start command's EMU_OPTS.
    EMU_OPTS="" EXTRA_OPTS="$SMALL_OPTS" NO_CDS=1 start "$round-small" "$server"
    sleep "$SETTLE"
    printf '%s\t%s\t%s\n' "$round" "$server" "$(awk '/^VmRSS:/ {print $2}' "/proc/$PID/status")" >>"$OUT/rss-small.tsv"
    stop; sleep 1
    if [[ "$server" == emulator && ${#CDS[@]} -gt 0 ]]; then
      # The archive's pages are resident once mapped (JDK 17.0.15 relocates it, writing every page).
      EMU_OPTS="" EXTRA_OPTS="$SMALL_OPTS" start "$round-small-cds" "$server"
      sleep "$SETTLE"
      printf '%s\t%s\t%s\n' "$round" "$server" "$(awk '/^VmRSS:/ {print $2}' "/proc/$PID/status")" >>"$OUT/rss-small-cds.tsv"
      stop; sleep 1
    fi
  done
done
python3 "$BENCH/report.py" "$OUT" | tee "$OUT/report.md"
