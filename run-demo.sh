#!/usr/bin/env bash
# Builds and runs the whole system on this machine: the hub (admin console + sync API + ETL on an
# embedded PostgreSQL) and one demo shop's till server enrolled with it. Ctrl-C stops both.
# Data lives in ./data (delete it to start over). SKIP_BUILD=1 reuses the jars already built.
set -euo pipefail
cd "$(dirname "$0")"

HUB_PORT="${HUB_PORT:-8080}"
POS_PORT="${POS_PORT:-8081}"
DATA="${DATA_DIR:-$PWD/data}"
HUB_JAR=admin-console/target/admin-console.jar
POS_JAR=local-pos-server/target/local-pos-server.jar

if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$HUB_JAR" || ! -f "$POS_JAR" ]]; then
  echo "Building (about 2 minutes the first time)..."
  ./mvnw -B -q -DskipTests install
fi

mkdir -p "$DATA"
# The demo's console password: made once at random (the hub never has a fixed default password).
PASSWORD_FILE="$DATA/console-admin-password.txt"
[[ -f "$PASSWORD_FILE" ]] || head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$PASSWORD_FILE"
ADMIN_PASSWORD="$(cat "$PASSWORD_FILE")"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

wait_for() { # url seconds
  for _ in $(seq 1 "$2"); do curl -fsS "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "Timed out waiting for $1" >&2; return 1
}

echo "Starting the hub on port $HUB_PORT (log: $DATA/hub.log)"
java -jar "$HUB_JAR" --server.port="$HUB_PORT" --hub.data-dir="$DATA/hub" --hub.demo-data=true \
  --hub.admin.username=admin --hub.admin.password="$ADMIN_PASSWORD" >"$DATA/hub.log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$HUB_PORT/actuator/health" 120

POS_ARGS=(--server.port="$POS_PORT" --pos.data-dir="$DATA/pos" --pos.hub-url="http://localhost:$HUB_PORT")
if [[ ! -f "$DATA/pos/credentials.json" ]]; then
  CODE_FILE="$DATA/demo-enrolment-code.txt"
  if [[ ! -f "$CODE_FILE" ]]; then
    curl -fsS -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
      -d '{"name":"Demo shop"}' "http://localhost:$HUB_PORT/api/admin/shops" \
      | sed -n 's/.*"enrolmentCode" *: *"\([^"]*\)".*/\1/p' > "$CODE_FILE"
  fi
  POS_ARGS+=(--pos.enrolment-code="$(cat "$CODE_FILE")")
fi

echo "Starting the demo shop's till on port $POS_PORT (log: $DATA/pos.log)"
java -jar "$POS_JAR" "${POS_ARGS[@]}" >"$DATA/pos.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$POS_PORT/actuator/health" 90

cat <<MSG

  Lightning POS Sync is running.
    Till (cashier UI):  http://127.0.0.1:$POS_PORT/
    Till API docs:      http://127.0.0.1:$POS_PORT/api/docs/ui
    Admin console:      http://localhost:$HUB_PORT/   (user: admin, password: $ADMIN_PASSWORD)
    Hub API docs:       http://localhost:$HUB_PORT/api/docs/ui
  Press Ctrl-C to stop both.

MSG
wait -n "${pids[@]}"
