#!/bin/bash
# The image's HEALTHCHECK: GET /_emulator/health over bash's /dev/tcp (the image has no curl).
# /_emulator/health answers even with --no-admin and without the admin token.
# Port: --port N or --port=N on the emulator's command line (PID 1), else OSS_EMULATOR_PORT, else 9000.
port=${OSS_EMULATOR_PORT:-9000}
if [ -r /proc/1/cmdline ]; then
  mapfile -d '' -t args < /proc/1/cmdline
  for i in "${!args[@]}"; do
    case ${args[$i]} in
      --port=*) port=${args[$i]#--port=} ;;
      --port) port=${args[$((i + 1))]:-$port} ;;
    esac
  done
fi
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /_emulator/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
grep -q '"status":"UP"' <&3
