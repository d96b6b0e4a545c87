#!/usr/bin/env bash
# A local PostgreSQL server for newsgraph's Postgres store and its tests.
#
# Idempotent: installs Debian's `postgresql` package when missing, creates and
# starts a cluster (no systemd needed: pg_ctlcluster), creates the login role and
# the database, then prints the DSN on stdout (everything else goes to stderr):
#
#   export NEWSGRAPH_TEST_PG="$(scripts/postgres.sh)"
#
# Runs as root (or with sudo available). Override with environment variables:
#   NEWSGRAPH_PG_USER (newsgraph)  NEWSGRAPH_PG_PASSWORD (newsgraph)
#   NEWSGRAPH_PG_DB (newsgraph_test)  NEWSGRAPH_PG_HOST (127.0.0.1)
set -euo pipefail

PG_USER="${NEWSGRAPH_PG_USER:-newsgraph}"
PG_PASSWORD="${NEWSGRAPH_PG_PASSWORD:-newsgraph}"
PG_DB="${NEWSGRAPH_PG_DB:-newsgraph_test}"
PG_HOST="${NEWSGRAPH_PG_HOST:-127.0.0.1}"

say() { echo "postgres.sh: $*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else say "need root (or sudo) to run: $*"; exit 1
    fi
}

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"
    else sudo -u postgres "$@"
    fi
}

install_server() {
    if command -v pg_ctlcluster >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
        return
    fi
    say "installing the postgresql package"
    local started=$SECONDS
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    say "installed in $((SECONDS - started)) s"
}

# The newest installed server version, e.g. 15.
server_version() {
    ls /usr/lib/postgresql | sort -V | tail -n 1
}

start_cluster() {
    local version=$1
    if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
        say "creating cluster $version/main"
        as_root pg_createcluster "$version" main >&2
    fi
    if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 ~ /^online/' | grep -q .; then
        say "starting cluster $version/main"
        as_root pg_ctlcluster "$version" main start >&2
    fi
}

cluster_port() {
    pg_lsclusters -h | awk -v v="$1" '$1 == v && $2 == "main" {print $3}'
}

wait_ready() {
    local port=$1
    for _ in $(seq 1 60); do
        if pg_isready -q -h "$PG_HOST" -p "$port"; then return; fi
        sleep 0.5
    done
    say "server on $PG_HOST:$port is not accepting connections after 30 s"
    exit 1
}

psql_admin() {
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" "$@"
}

create_role_and_db() {
    # The password is passed as a psql variable, so quoting is done by psql (:'pw').
    psql_admin -d postgres -v user="$PG_USER" -v pw="$PG_PASSWORD" >&2 <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'user', :'pw') \gexec
SQL
    psql_admin -d postgres -v user="$PG_USER" -v db="$PG_DB" >&2 <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'db', :'user', 'UTF8')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
}

urlencode() {
    local out="" c i
    for ((i = 0; i < ${#1}; i++)); do
        c=${1:i:1}
        case $c in
            [a-zA-Z0-9._~-]) out+=$c ;;
            *) out+=$(printf '%%%02X' "'$c") ;;
        esac
    done
    printf '%s' "$out"
}

install_server
VERSION=$(server_version)
start_cluster "$VERSION"
PORT=$(cluster_port "$VERSION")
wait_ready "$PORT"
create_role_and_db
say "PostgreSQL $VERSION ready on $PG_HOST:$PORT, database $PG_DB"
echo "postgresql://$(urlencode "$PG_USER"):$(urlencode "$PG_PASSWORD")@$PG_HOST:$PORT/$(urlencode "$PG_DB")"
