#!/bin/bash
# Build step of the image: one training run of the emulator (start, a few requests, SIGTERM) with
# -XX:ArchiveClassesAtExit, so that every start loads its classes from a class-data-sharing archive.
# Usage: train-cds.sh ARCHIVE JAVA_FLAGS... (the ENTRYPOINT's flags, so that the archive matches).
set -eu
archive=$1
shift
jar=/opt/oss-emulator/oss-emulator.jar
work=$(mktemp -d)
java "$@" -XX:ArchiveClassesAtExit="$archive" -jar "$jar" \
  --host 127.0.0.1 --port 9000 --data-dir "$work/data" > "$work/out" 2>&1 &
pid=$!
for _ in $(seq 100); do
  grep -q listening "$work/out" && break
  sleep 0.2
done
request() {
  exec 3<>/dev/tcp/127.0.0.1/9000
  printf '%s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n' "$1" >&3
  cat <&3 > /dev/null
  exec 3<&-
}
request "GET /_emulator/health"
request "GET /"
request "PUT /training-bucket/"
request "GET /training-bucket/?encryption"
request "HEAD /training-bucket/key"
kill -TERM "$pid"
wait "$pid" || true
rm -rf "$work"
test -s "$archive" || { echo "no class-data-sharing archive was written" >&2; exit 1; }
