#!/usr/bin/env bash
# Where the emulator's time goes for one signed request type: starts the standalone jar with Java
# Flight Recorder, drives WARMUP s of unrecorded and then SECONDS s of recorded wrk load at CONNS
# connections on loopback, and prints the hottest methods (self and inclusive CPU samples) and the
# allocation per request.
#
#   bench/profile.sh put-encryption            # also get-encryption, put-object, get-object
#   CONNS=16 SECONDS_RECORDED=20 bench/profile.sh put-object
#
# JFR samples only Java frames: time inside JIT intrinsic stubs (MD5, array copies) and in the
# kernel is missing from the shares, so put-object shows CRC-64 on top while MD5 costs more
# (UploadIntakeBench in the jmh profile gives the split). perf with -XX:+PreserveFramePointer and
# `jcmd PID Compiler.perfmap` sees both.
#
# Needs what run.sh needs; builds nothing (run `mvn -DskipTests package` first).
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
OP="${1:?usage: bench/profile.sh put-encryption|get-encryption|put-object|get-object}"
: "${CONNS:=64}" "${SECONDS_:=${SECONDS_RECORDED:-20}}" "${WARMUP:=20}" "${PORT:=19100}" "${TOP:=25}"
OUT="$BENCH/results/profile-$(date -u +%Y%m%dT%H%M%SZ)-$OP"
mkdir -p "$OUT"
head -c $((1024 * 1024)) /dev/urandom >"$OUT/object.bin"
JAR="${JAR:-$(ls "$ROOT"/target/oss-emulator-*-standalone.jar | head -1)}"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
  -jar "$JAR" --port "$PORT" --account bench-ak:bench-sk >"$OUT/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 500); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.02; done
for op in put-bucket put-encryption put-object; do
  python3 "$BENCH/oss_v1_sign.py" --op "$op" --body-file "$OUT/object.bin" --send "127.0.0.1:$PORT" >/dev/null
done
wrk_run() {
  eval "$(python3 "$BENCH/oss_v1_sign.py" --op "$OP" --body-file "$OUT/object.bin" --format env)"
  timeout $(( $1 + 20 )) wrk -t2 -c"$CONNS" -d"$1s" -s "$BENCH/wrk/oss.lua" "http://127.0.0.1:$PORT" >"$OUT/wrk-$2.txt"
}
wrk_run "$WARMUP" warmup
# JFR's "profile" settings, with Java samples every millisecond instead of every 10 or 20.
sed 's/<setting name="period">[0-9]* ms<\/setting>/<setting name="period">1 ms<\/setting>/' \
  "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" >"$OUT/profile.jfc"
jcmd "$PID" JFR.start name=p settings="$OUT/profile.jfc" filename="$OUT/recording.jfr" >/dev/null
wrk_run "$SECONDS_" recorded
jcmd "$PID" JFR.stop name=p >/dev/null
REQUESTS=$(sed -n 's/^WRK_JSON .*"requests":\([0-9]*\).*/\1/p' "$OUT/wrk-recorded.txt")
jfr print --events jdk.ExecutionSample "$OUT/recording.jfr" >"$OUT/samples.txt"
jfr print --events jdk.ObjectAllocationSample "$OUT/recording.jfr" >"$OUT/allocations.txt"
python3 - "$OUT" "$TOP" "$REQUESTS" <<'PY' | tee "$OUT/profile.txt"
import collections, re, sys
out, top, requests = sys.argv[1], int(sys.argv[2]), int(sys.argv[3] or 1)
frame = re.compile(r"^\s+([\w$.<>]+)\(")
def stacks(path):
    cur, weight = None, 0
    for line in open(path):
        if line.startswith("jdk."):
            if cur: yield cur, weight
            cur, weight = [], 0
        elif "weight =" in line:
            m = re.search(r"weight = ([\d.]+) (\w+)", line)
            mult = {"bytes": 1, "kB": 1024, "MB": 1 << 20, "GB": 1 << 30}.get(m.group(2), 1)
            weight = float(m.group(1)) * mult
        elif cur is not None:
            m = frame.match(line)
            if m: cur.append(m.group(1))
    if cur: yield cur, weight
self_, incl, n = collections.Counter(), collections.Counter(), 0
for s, _ in stacks(out + "/samples.txt"):
    if not s: continue
    n += 1
    self_[s[0]] += 1
    for m in set(s): incl[m] += 1
print("requests recorded: %d; CPU samples: %d" % (requests, n))
print("\n-- self (top of stack) --")
for m, c in self_.most_common(top): print("%5.1f%%  %s" % (100.0 * c / n, m))
print("\n-- inclusive, dev.ossemu only --")
for m, c in [x for x in incl.most_common() if x[0].startswith("dev.ossemu")][:top]:
    print("%5.1f%%  %s" % (100.0 * c / n, m))
alloc, total = collections.Counter(), 0.0
for s, w in stacks(out + "/allocations.txt"):
    total += w
    ours = next((f for f in s if f.startswith("dev.ossemu")), s[0] if s else "?")
    alloc[ours] += w
print("\n-- allocation: %.1f KB per request; by first dev.ossemu frame --" % (total / 1024 / max(1, requests)))
for m, w in alloc.most_common(15): print("%5.1f%%  %s" % (100.0 * w / max(1, total), m))
PY
