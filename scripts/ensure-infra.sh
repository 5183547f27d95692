#!/usr/bin/env bash
# Makes sure what Collector needs is here and running: a JDK 17+, Maven, RabbitMQ on
# RABBITMQ_URL's host (default localhost:5672) and PostgreSQL (default localhost:5432) with the
# `collector` database and role. Starts a stopped server, installs a missing one from Debian/Ubuntu
# packages when it can (root or sudo), and otherwise says exactly what is missing.
set -euo pipefail

say() { printf '[collector] %s\n' "$*"; }
fail() { printf '[collector] ERROR: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; fi
fi
can_admin() { [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; }
apt_updated=""
apt_install() {
  can_admin || return 1
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ -z "$apt_updated" ]; then $SUDO apt-get update -qq >/dev/null && apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
wait_for_port() { # host port seconds
  for _ in $(seq 1 "$3"); do port_open "$1" "$2" && return 0; sleep 1; done
  return 1
}

# --- JDK and Maven -----------------------------------------------------------------------
command -v java >/dev/null 2>&1 || fail "no JDK found: install a JDK 17 or newer (e.g. 'apt-get install openjdk-17-jdk-headless')"
java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
[ "${java_major%%.*}" -ge 17 ] 2>/dev/null || fail "Java $java_major found; Collector needs 17 or newer (set JAVA_HOME or PATH)"
if ! command -v mvn >/dev/null 2>&1; then
  say "Maven is missing; installing it"
  apt_install maven || fail "Maven is missing and cannot be installed here: install Apache Maven 3.8+ ('apt-get install maven')"
fi

# --- RabbitMQ ----------------------------------------------------------------------------
rabbit_url=${RABBITMQ_URL:-amqp://guest:guest@localhost:5672}
rabbit_hostport=${rabbit_url#*://}; rabbit_hostport=${rabbit_hostport#*@}; rabbit_hostport=${rabbit_hostport%%/*}
rabbit_host=${rabbit_hostport%%:*}; rabbit_port=${rabbit_hostport##*:}
[ "$rabbit_port" = "$rabbit_host" ] && rabbit_port=5672
if port_open "$rabbit_host" "$rabbit_port"; then
  say "RabbitMQ is running on $rabbit_host:$rabbit_port"
elif [ "$rabbit_host" != "localhost" ] && [ "$rabbit_host" != "127.0.0.1" ]; then
  fail "RabbitMQ at $rabbit_host:$rabbit_port (RABBITMQ_URL) does not answer; start it there or point RABBITMQ_URL elsewhere"
else
  if ! command -v rabbitmq-server >/dev/null 2>&1 && [ ! -x /usr/sbin/rabbitmq-server ]; then
    say "RabbitMQ is not installed; installing it from the distribution's packages"
    apt_install rabbitmq-server || fail "RabbitMQ is not installed and cannot be installed here (needs root or sudo with apt): install rabbitmq-server, or set RABBITMQ_URL to a running broker"
  fi
  say "starting RabbitMQ"
  can_admin || fail "RabbitMQ is installed but stopped, and starting it needs root: run 'sudo rabbitmq-server -detached'"
  # Quorum queues hold file handles: the usual 1024 limit runs out after a few hundred queues.
  $SUDO bash -c 'ulimit -n 65536 2>/dev/null; rabbitmq-server -detached' >/dev/null 2>&1 ||
    $SUDO service rabbitmq-server start >/dev/null 2>&1 || true
  wait_for_port "$rabbit_host" "$rabbit_port" 90 || fail "RabbitMQ did not come up on port $rabbit_port within 90 s (see /var/log/rabbitmq)"
  $SUDO rabbitmqctl await_startup >/dev/null 2>&1 || true
  say "RabbitMQ is running"
fi

# --- PostgreSQL --------------------------------------------------------------------------
db_url=${DATABASE_URL:-jdbc:postgresql://localhost:5432/collector}
db_hostport=${db_url#*://}; db_hostport=${db_hostport%%/*}
db_host=${db_hostport%%:*}; db_port=${db_hostport##*:}
[ "$db_port" = "$db_host" ] && db_port=5432
db_name=${db_url##*/}; db_name=${db_name%%\?*}
db_user=${DATABASE_USER:-collector}; db_password=${DATABASE_PASSWORD:-collector}
if port_open "$db_host" "$db_port"; then
  say "PostgreSQL is running on $db_host:$db_port"
elif [ "$db_host" != "localhost" ] && [ "$db_host" != "127.0.0.1" ]; then
  fail "PostgreSQL at $db_host:$db_port (DATABASE_URL) does not answer; start it there or point DATABASE_URL elsewhere"
else
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    say "PostgreSQL is not installed; installing it from the distribution's packages"
    apt_install postgresql || fail "PostgreSQL is not installed and cannot be installed here (needs root or sudo with apt): install PostgreSQL 15+, or set DATABASE_URL to a running server"
  fi
  can_admin || fail "PostgreSQL is installed but stopped, and starting it needs root: run 'sudo pg_ctlcluster <version> main start'"
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  say "starting PostgreSQL $version"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || $SUDO pg_ctlcluster "$version" main start || true
  wait_for_port "$db_host" "$db_port" 60 || fail "PostgreSQL did not come up on port $db_port within 60 s (see /var/log/postgresql)"
  say "PostgreSQL is running"
fi

# The role and database, made once; as the postgres superuser over the local socket.
if [ "$db_host" = "localhost" ] || [ "$db_host" = "127.0.0.1" ]; then
  as_postgres() {
    if PGCONNECT_TIMEOUT=5 psql -h "$db_host" -p "$db_port" -U postgres -d postgres -tAc "select 1" >/dev/null 2>&1; then
      psql -h "$db_host" -p "$db_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtAc "$1"
    elif can_admin; then
      (cd /tmp && $SUDO -u postgres psql -p "$db_port" -d postgres -v ON_ERROR_STOP=1 -qtAc "$1" 2>/dev/null) ||
        (cd /tmp && su postgres -c "psql -p $db_port -d postgres -v ON_ERROR_STOP=1 -qtAc \"$1\"")
    else
      return 1
    fi
  }
  if ! PGPASSWORD="$db_password" psql -h "$db_host" -p "$db_port" -U "$db_user" -d "$db_name" -tAc "select 1" >/dev/null 2>&1; then
    say "creating the PostgreSQL role '$db_user' and database '$db_name'"
    as_postgres "do \$\$ begin if not exists (select from pg_roles where rolname = '$db_user') then create role \"$db_user\" login password '$db_password'; end if; end \$\$" ||
      fail "cannot reach PostgreSQL as its superuser to create the role '$db_user': create it yourself (create role $db_user login password '...'; create database $db_name owner $db_user) and set DATABASE_USER/DATABASE_PASSWORD"
    if [ "$(as_postgres "select count(*) from pg_database where datname = '$db_name'")" = "0" ]; then
      as_postgres "create database \"$db_name\" owner \"$db_user\""
    fi
    PGPASSWORD="$db_password" psql -h "$db_host" -p "$db_port" -U "$db_user" -d "$db_name" -tAc "select 1" >/dev/null 2>&1 ||
      fail "the role '$db_user' cannot log in to '$db_name' over TCP with its password; check pg_hba.conf (host ... scram-sha-256 or md5)"
  fi
  say "database '$db_name' ready for role '$db_user'"
fi

# --- Chromium, for the console's browser test (only with --browser) ----------------------
if [ "${1:-}" = "--browser" ]; then
  chromium_bin=${CHROMIUM_BIN:-/usr/bin/chromium}
  chromedriver_bin=${CHROMEDRIVER_BIN:-/usr/bin/chromedriver}
  if [ ! -x "$chromium_bin" ] || [ ! -x "$chromedriver_bin" ]; then
    say "Chromium or ChromeDriver is missing; installing Debian's chromium and chromium-driver for the console test"
    apt_install chromium chromium-driver ||
      fail "cannot install chromium and chromium-driver here: install them (or set CHROMIUM_BIN and CHROMEDRIVER_BIN); the console test drives them"
  fi
  say "browser ready: $("$chromium_bin" --version 2>/dev/null || echo "$chromium_bin")"
fi
