#!/usr/bin/env bash
# Production smoke test: deploys the site the way README's "Deploying" section says, on this
# machine's real parts, and checks it through nginx (tests/smoke/check_site.py).
#
#   nginx (site/nginx.conf.sample, TLS with a throwaway certificate)
#     → two gunicorn instances (site/gunicorn.conf.py, config.settings.prod), alternating
#     → PostgreSQL (own database), Redis (cache, rate limits, task queue), S3 (moto server)
#   two task workers (`manage.py task_worker`, TASK_QUEUE=rq), email over SMTP to a local sink.
#
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth), Redis on 127.0.0.1:6379, nginx and openssl.
# Environment: SMOKE_DB (default studio_smoke), SMOKE_TEMPLATE_DB (clone a migrated database
# instead of migrating from empty), SMOKE_REDIS_DB (default 13), SMOKE_KEEP=1 keeps the logs.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python
started=$(date +%s)
WORK=$(mktemp -d /tmp/studio-smoke.XXXXXX)
chmod 755 "$WORK"  # nginx's workers read the static files and media from here
PIDS=()

say() { printf '\n--> %s\n' "$*"; }
free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
stop_pid() { kill -TERM "$1" 2>/dev/null && while kill -0 "$1" 2>/dev/null; do sleep 0.2; done || true; }

cleanup() {
  status=$?
  [ -f "$WORK/nginx.pid" ] && nginx -p "$WORK" -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  if [ $status -ne 0 ]; then
    for log in "$WORK"/*.log; do printf '\n==== %s (last 40 lines)\n' "$log"; tail -n 40 "$log"; done
  fi
  if [ "${SMOKE_KEEP:-}" = 1 ] || [ $status -ne 0 ]; then echo "logs kept in $WORK"; else rm -rf "$WORK"; fi
  echo "smoke test: $(($(date +%s) - started)) s, exit $status"
}
trap cleanup EXIT

wait_for() {  # wait_for NAME COMMAND...
  local name=$1; shift
  for _ in $(seq 1 120); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "$name did not come up" >&2; return 1
}

HOST=studio.test
HTTPS_PORT=$(free_port); HTTP_PORT=$(free_port); WEB1=$(free_port); WEB2=$(free_port)
SMTP_PORT=$(free_port); S3_PORT=$(free_port)
DB=${SMOKE_DB:-studio_smoke}
REDIS_DB=${SMOKE_REDIS_DB:-13}

say "Services: PostgreSQL database $DB, Redis db $REDIS_DB, S3 (moto), SMTP sink"
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $DB" \
  -c "CREATE DATABASE $DB${SMOKE_TEMPLATE_DB:+ TEMPLATE $SMOKE_TEMPLATE_DB}"
redis-cli -h 127.0.0.1 -n "$REDIS_DB" flushdb >/dev/null
"$ROOT/.venv/bin/moto_server" -H 127.0.0.1 -p "$S3_PORT" >"$WORK/s3.log" 2>&1 & PIDS+=($!)
"$PY" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$WORK/mail" >"$WORK/smtp.log" 2>&1 &
PIDS+=($!)
wait_for "moto" curl -sf "http://127.0.0.1:$S3_PORT/"
"$PY" - "$S3_PORT" <<'EOF'
import sys, boto3
boto3.client("s3", endpoint_url=f"http://127.0.0.1:{sys.argv[1]}", region_name="us-east-1",
             aws_access_key_id="smoke", aws_secret_access_key="smoke").create_bucket(Bucket="studio-media")
EOF

say "Throwaway TLS certificate for $HOST"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$HOST" -addext "subjectAltName=DNS:$HOST" \
  -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null

say "The environment file (README: Deploying, step 2)"
cat >"$WORK/env" <<EOF
DJANGO_SETTINGS_MODULE=config.settings.prod
SECRET_KEY=smoke-$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')
ALLOWED_HOSTS=$HOST
BASE_URL=https://$HOST:$HTTPS_PORT
CSRF_TRUSTED_ORIGINS=https://$HOST:$HTTPS_PORT
TRUSTED_PROXY_HOPS=1
DATABASE_URL=postgres://postgres@127.0.0.1:5432/$DB
REDIS_URL=redis://127.0.0.1:6379/$REDIS_DB
TASK_QUEUE=rq
TASK_RETRIES=2
TASK_RETRY_INTERVALS=1,2
EMAIL_URL=smtp://127.0.0.1:$SMTP_PORT
DEFAULT_FROM_EMAIL="Studio Aurora <hello@studio.test>"
AWS_STORAGE_BUCKET_NAME=studio-media
AWS_S3_ENDPOINT_URL=http://127.0.0.1:$S3_PORT
AWS_S3_REGION_NAME=us-east-1
AWS_ACCESS_KEY_ID=smoke
AWS_SECRET_ACCESS_KEY=smoke
STATIC_ROOT=$WORK/staticfiles
MEDIA_ROOT=$WORK/media
BACKUP_DIR=$WORK/backups
EOF
# As on a server, manage.py, gunicorn and the workers read the file themselves (ENV_FILE names it
# instead of .env beside manage.py): nothing of it is exported here, and it wins over this shell.
export ENV_FILE=$WORK/env
unset $(grep -o '^[A-Z_][A-Z0-9_]*=' "$ENV_FILE" | tr -d =)
STATIC_ROOT=$WORK/staticfiles MEDIA_ROOT=$WORK/media

say "Deploy steps (README: Deploying, step 3): check, migrate, collectstatic, content"
"$PY" manage.py check --deploy --fail-level WARNING
time "$PY" manage.py migrate --noinput -v 0
"$PY" manage.py collectstatic --noinput -v 0
time "$PY" manage.py load_demo >"$WORK/load_demo.log" 2>&1
mkdir -p "$MEDIA_ROOT/smoke" "$MEDIA_ROOT/documents"
echo "hello from the media folder" >"$MEDIA_ROOT/smoke/hello.txt"
echo "private" >"$MEDIA_ROOT/documents/secret.pdf"

say "Two gunicorn instances ($WEB1, $WEB2), two task workers"
for port in "$WEB1" "$WEB2"; do
  GUNICORN_BIND=127.0.0.1:$port GUNICORN_WORKERS=2 "$ROOT/.venv/bin/gunicorn" -c site/gunicorn.conf.py config.wsgi \
    >"$WORK/web-$port.log" 2>&1 &
  PIDS+=($!)
done
WEB_PIDS=("${PIDS[@]: -2}")
# Both instances answer before nginx starts: an upstream that refuses a connection is
# skipped by nginx for a while, and the alternation check below would see that.
for port in "$WEB1" "$WEB2"; do
  wait_for "gunicorn :$port" curl -s -o /dev/null -H "Host: $HOST" -H "X-Forwarded-Proto: https" "http://127.0.0.1:$port/health/"
done
for n in 1 2; do "$PY" manage.py task_worker --name "smoke-worker-$n" >"$WORK/worker-$n.log" 2>&1 & PIDS+=($!); done

say "nginx from site/nginx.conf.sample (https on $HTTPS_PORT, http on $HTTP_PORT)"
"$PY" - "$WORK" <<EOF
import sys
from pathlib import Path
work = Path(sys.argv[1])
conf = Path("site/nginx.conf.sample").read_text()
for old, new in {
    "server 127.0.0.1:8000;": "server 127.0.0.1:$WEB1;\n    server 127.0.0.1:$WEB2;",
    "listen 80;": "listen 127.0.0.1:$HTTP_PORT;",
    "listen 443 ssl http2;": "listen 127.0.0.1:$HTTPS_PORT ssl http2;",
    "studio.example.com": "$HOST",
    "/etc/ssl/studio/fullchain.pem": "$WORK/cert.pem",
    "/etc/ssl/studio/privkey.pem": "$WORK/key.pem",
    "/srv/studio/staticfiles/": "$STATIC_ROOT/",
    "/srv/studio/media/": "$MEDIA_ROOT/",
    "/var/log/nginx/access.log": "$WORK/nginx-access.log",
}.items():
    assert old in conf, f"site/nginx.conf.sample no longer contains {old!r}: update tests/smoke/run.sh"
    conf = conf.replace(old, new)
(work / "studio.conf").write_text(conf)
EOF
cat >"$WORK/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $WORK/nginx-access.log;
    sendfile on;
    include $WORK/studio.conf;
}
EOF
nginx -p "$WORK" -c "$WORK/nginx.conf" -t 2>&1 | tail -1
nginx -p "$WORK" -c "$WORK/nginx.conf"
wait_for "the site" curl -sf --cacert "$WORK/cert.pem" --resolve "$HOST:$HTTPS_PORT:127.0.0.1" \
  "https://$HOST:$HTTPS_PORT/health/"

export SMOKE_HOST=$HOST SMOKE_WORK=$WORK SMOKE_CERT=$WORK/cert.pem SMOKE_MAILDIR=$WORK/mail
export SMOKE_HTTP_URL=http://$HOST:$HTTP_PORT
say "Checks through nginx"
"$PY" tests/smoke/check_site.py web

say "Both instances answered, alternating"
for port in "$WEB1" "$WEB2"; do
  echo "  gunicorn :$port served $(grep -c '" [0-9][0-9][0-9] ' "$WORK/web-$port.log") requests"
done
"$PY" - "$WORK/web-$WEB1.log" "$WORK/web-$WEB2.log" <<'EOF'
import re, sys
counts = [len(re.findall(r'" \d{3} ', open(path).read())) for path in sys.argv[1:]]
assert min(counts) >= 0.4 * sum(counts), f"nginx did not alternate between the instances: {counts}"
EOF

for n in 1 2; do echo "  task worker $n ran $(grep -c 'Worker smoke-worker-[0-9]: default: ' "$WORK/worker-$n.log") jobs"; done

say "nginx's access log holds no query strings and no token-like path segments"
if grep -E '"[A-Z]+ [^ "]*[?]' "$WORK/nginx-access.log" | head -3 | grep .; then echo "query string in the access log" >&2; exit 1; fi
if grep -E '/manage/[A-Za-z0-9_-]{20,}' "$WORK/nginx-access.log" | head -3 | grep .; then echo "manage token in the access log" >&2; exit 1; fi
echo "  $(wc -l <"$WORK/nginx-access.log") lines checked"

say "Statistics after the web processes stopped (they flush their buffered page views on exit)"
for pid in "${WEB_PIDS[@]}"; do stop_pid "$pid"; done
"$PY" tests/smoke/check_site.py stats
say "The nightly job: the ExecStart lines of site/systemd/studio-backup.service (backup, drill, pruning)"
grep '^ExecStart=' site/systemd/studio-backup.service | grep -o 'manage.py .*' | while read -r command; do
  # shellcheck disable=SC2086  # the unit's arguments, split as systemd splits them
  "$PY" $command </dev/null
done
echo "SMOKE TEST PASSED"
