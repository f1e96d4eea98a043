#!/bin/sh
# Makes the base images of docker/Dockerfile on a machine that reaches a Debian mirror but no image
# registry: a minimal Debian bookworm imported from debootstrap, a JRE 17 image on it (runtime
# stage) and a JDK 17 + Maven image (build stage of the multi-stage build). See CONTRIBUTING.md.
#
#   sudo docker/make-local-base-images.sh            # as root: debootstrap needs it
#   docker build -f docker/Dockerfile --target jar \
#     --build-arg RUNTIME_IMAGE=oss-emulator-base/jre:17 -t oss-emulator .
#
# Environment: MIRROR (default: the first Debian mirror apt uses here, else deb.debian.org),
# SUITE (default bookworm), PREFIX (image name prefix, default oss-emulator-base).
set -eu

SUITE=${SUITE:-bookworm}
PREFIX=${PREFIX:-oss-emulator-base}
if [ -z "${MIRROR:-}" ]; then
  MIRROR=$(sed -n 's/^URIs: *\([^ ]*debian\)$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)
  [ -n "$MIRROR" ] || MIRROR=$(sed -n 's/^deb \(http[^ ]*\) .*/\1/p' /etc/apt/sources.list 2>/dev/null | head -n 1)
  [ -n "$MIRROR" ] || MIRROR=http://deb.debian.org/debian
fi

command -v debootstrap >/dev/null || { echo "needs debootstrap (apt-get install -y debootstrap)" >&2; exit 1; }
docker info >/dev/null 2>&1 || { echo "no Docker engine answers (start dockerd first)" >&2; exit 1; }

rootfs=$(mktemp -d)
trap 'rm -rf "$rootfs"' EXIT
echo "debootstrap $SUITE from $MIRROR" >&2
debootstrap --variant=minbase "$SUITE" "$rootfs" "$MIRROR" >/dev/null
# The same mirror inside the image, so that apt-get in the next steps needs nothing else.
echo "deb $MIRROR $SUITE main" > "$rootfs/etc/apt/sources.list"
tar -C "$rootfs" -c . | docker import - "$PREFIX/debian:$SUITE" >/dev/null
echo "made $PREFIX/debian:$SUITE" >&2

docker build -q -t "$PREFIX/jre:17" - >/dev/null <<DOCKERFILE
FROM $PREFIX/debian:$SUITE
RUN apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      openjdk-17-jre-headless \
 && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
DOCKERFILE
echo "made $PREFIX/jre:17" >&2

docker build -q -t "$PREFIX/maven:17" - >/dev/null <<DOCKERFILE
FROM $PREFIX/debian:$SUITE
RUN apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      openjdk-17-jdk-headless maven \
 && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
DOCKERFILE
echo "made $PREFIX/maven:17" >&2
