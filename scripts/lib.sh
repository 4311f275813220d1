# Shared by scripts/run and scripts/test: installs what Accord needs when it is missing.
# Every tool comes from a registry this machine reaches (crates.io, npm, Debian); nothing is
# downloaded from elsewhere. See ../shared/TOOLCHAIN.md for why each version is pinned.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"
export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"
# trunk otherwise calls out to check for updates on every run.
export TRUNK_SKIP_VERSION_CHECK=true

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root for: $*" >&2; return 1; fi
}

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown Rust target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
    say "Installing trunk $TRUNK_VERSION (a few minutes, once)"
    # A debug trunk builds byte-identical output (it only drives wasm-bindgen and wasm-opt) and
    # installs in ~6 min instead of ~13 (its release profile links with fat LTO on one core).
    cargo install trunk --version "$TRUNK_VERSION" --locked --debug
  fi
}

ensure_wasm_bindgen() {
  # The CLI must equal the wasm-bindgen crate version in Cargo.lock.
  local want
  want="$(grep -A1 '^name = "wasm-bindgen"$' "$ROOT/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p')"
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $want\$"; then
    say "Installing wasm-bindgen-cli $want (a few minutes, once)"
    # Without --locked: its lockfile names a crate version the registry lacks.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

ensure_wasm_opt() {
  # Debian's binaryen 108 builds a wasm that leaves the page blank; npm's 132 works.
  if ! "$ROOT/.tools/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
    say "Installing wasm-opt (binaryen $BINARYEN_VERSION from npm) into .tools/"
    mkdir -p "$ROOT/.tools"
    npm install --prefix "$ROOT/.tools" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION" >/dev/null
  fi
}

ensure_frontend_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_opt
}

# Builds the SPA in release mode unless dist/ is newer than every input.
build_frontend() {
  local stamp="$ROOT/frontend/dist/index.html"
  if [ -f "$stamp" ] && [ -z "$(find "$ROOT/frontend/src" "$ROOT/frontend/index.html" "$ROOT/frontend/style.css" \
        "$ROOT/frontend/Cargo.toml" "$ROOT/frontend/Trunk.toml" "$ROOT/api/src" "$ROOT/Cargo.lock" -newer "$stamp" 2>/dev/null | head -1)" ]; then
    say "Web app is up to date"
    return
  fi
  say "Building the web app (trunk, release)"
  (cd "$ROOT/frontend" && trunk build --release)
}

ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "Installing Chromium and ChromeDriver (Debian packages)"
    apt_install chromium chromium-driver || true
  fi
  command -v chromium >/dev/null && command -v chromedriver >/dev/null
}

pg_url() {
  echo "${ACCORD_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
}

pg_reachable() {
  command -v psql >/dev/null && psql "$(pg_url)" -tAc 'select 1' >/dev/null 2>&1
}

# Makes PostgreSQL answer if this machine can run one; returns non-zero otherwise.
ensure_postgres() {
  pg_reachable && return 0
  [ -n "${ACCORD_TEST_PG_URL:-}" ] && return 1
  if ! command -v pg_ctlcluster >/dev/null; then
    say "Installing PostgreSQL (Debian package)"
    apt_install postgresql || return 1
  fi
  local version
  version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)"
  [ -n "$version" ] || return 1
  say "Starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
  # A fresh Debian cluster wants a password over TCP; tests use trust on loopback like CI.
  local hba="/etc/postgresql/$version/main/pg_hba.conf"
  if [ -f "$hba" ] && ! grep -q "accord-test trust" "$hba"; then
    as_root sh -c "printf 'host all all 127.0.0.1/32 trust # accord-test trust\n' | cat - '$hba' > '$hba.new' && mv '$hba.new' '$hba'"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload 2>/dev/null || true
  fi
  for _ in $(seq 1 20); do pg_reachable && return 0; sleep 0.5; done
  return 1
}

# A real SMTP server for the mail tests (Python's aiosmtpd, from PyPI).
ensure_aiosmtpd() {
  python3 -c 'import aiosmtpd' 2>/dev/null && return 0
  say "Installing aiosmtpd (PyPI) for the mail tests"
  python3 -m pip install --quiet --disable-pip-version-check aiosmtpd 2>/dev/null ||
    python3 -m pip install --quiet --disable-pip-version-check --user aiosmtpd 2>/dev/null || true
  python3 -c 'import aiosmtpd' 2>/dev/null
}
