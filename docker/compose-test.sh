#!/bin/sh
# Runs docker/compose.yaml with `docker compose` (v2) and `docker-compose` (v1), whichever are
# installed: the app service must start once the emulator is healthy, reach it, and exit 0.
# Without registry access, pass local images (see CONTRIBUTING.md), e.g.
#   DOCKERFILE=docker/Dockerfile.jar RUNTIME_IMAGE=oss-emulator-base/jre:17 \
#   APP_IMAGE=oss-emulator-base/jre:17 docker/compose-test.sh
set -eu
cd "$(dirname "$0")/.."
project=oss-emulator-compose-test
ran=""
for compose in "docker compose" "docker-compose"; do
  if $compose version >/dev/null 2>&1; then
    echo "== $compose" >&2
    status=0
    $compose -f docker/compose.yaml -p "$project" up --build --abort-on-container-exit \
      --exit-code-from app || status=$?
    $compose -f docker/compose.yaml -p "$project" down -v >/dev/null 2>&1 || true
    [ "$status" -eq 0 ] || { echo "$compose: app exited with $status" >&2; exit 1; }
    ran="$ran [$compose]"
  else
    echo "== $compose: not installed, skipped" >&2
  fi
done
[ -n "$ran" ] || { echo "neither docker compose nor docker-compose is installed" >&2; exit 1; }
echo "compose.yaml works with:$ran" >&2
