# Shared by scripts/run and scripts/test: installs what Accord needs when it is missing.
# Every tool comes from a registry this machine reaches (crates.io, npm, Debian); nothing is
# downloaded from elsewhere. See ../shared/TOOLCHAIN.md for why each version is pinned.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"
# cargo install puts tools in $CARGO_HOME/bin (~/.cargo/bin unless CARGO_HOME says otherwise).
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/.tools/node_modules/.bin:$PATH"
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

# The tools below only drive the build (trunk runs cargo, wasm-bindgen and wasm-opt); their own
# speed barely shows in a build, so they are compiled without optimization and debug info: the
# same output bytes, a fraction of the install time (measured in ../shared/TOOLCHAIN.md).
quick_install() {
  CARGO_PROFILE_DEV_DEBUG=0 cargo install --debug "$@"
}

trunk_ok() {
  trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"
}

install_trunk() {
  # No default features: they are the update check (skipped anyway) and TLS for downloading
  # tools and serving https, neither of which a build here uses; 16 crates fewer to compile.
  quick_install trunk --version "$TRUNK_VERSION" --locked --no-default-features
}

# The CLI must equal the wasm-bindgen crate version in Cargo.lock.
wasm_bindgen_version() {
  grep -A1 '^name = "wasm-bindgen"$' "$ROOT/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p'
}

wasm_bindgen_ok() {
  wasm-bindgen --version 2>/dev/null | grep -q " $(wasm_bindgen_version)\$"
}

install_wasm_bindgen() {
  # Without --locked: its lockfile names a crate version the registry lacks.
  quick_install wasm-bindgen-cli --version "$(wasm_bindgen_version)"
}

# Debian's binaryen 108 builds a wasm that leaves the page blank; npm's 132 works.
wasm_opt_ok() {
  "$ROOT/.tools/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"
}

install_wasm_opt() {
  mkdir -p "$ROOT/.tools"
  npm install --prefix "$ROOT/.tools" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
}

# Installs the missing web build tools side by side (each install alone leaves a core idle).
ensure_frontend_tools() {
  ensure_wasm_target
  local waiting=()
  if ! trunk_ok; then
    bg_start trunk "Installing trunk $TRUNK_VERSION (once, a few minutes)" install_trunk
    waiting+=(trunk)
  fi
  if ! wasm_bindgen_ok; then
    bg_start wasm-bindgen "Installing wasm-bindgen-cli $(wasm_bindgen_version) (once, a few minutes)" install_wasm_bindgen
    waiting+=(wasm-bindgen)
  fi
  if ! wasm_opt_ok; then
    bg_start wasm-opt "Installing wasm-opt (binaryen $BINARYEN_VERSION from npm) into .tools/" install_wasm_opt
    waiting+=(wasm-opt)
  fi
  bg_wait "${waiting[@]}"
}

# --- Background steps -------------------------------------------------------------------------
# bg_start NAME LABEL COMMAND… runs COMMAND in the background with its output in
# target/accord-run/NAME.log; bg_wait NAME… waits for those steps, says when each one ends and,
# if one failed, shows the end of its log and fails (the trap stops the other steps).
declare -A bg_pid=() bg_began=() bg_label=()
BG_LOGS="$ROOT/target/accord-run"

fmt_secs() { printf '%dm %02ds' $(($1 / 60)) $(($1 % 60)); }

bg_start() {
  local name="$1" label="$2"
  shift 2
  mkdir -p "$BG_LOGS"
  say "$label — in the background, log: ${BG_LOGS#"$ROOT"/}/$name.log"
  "$@" >"$BG_LOGS/$name.log" 2>&1 </dev/null &
  bg_pid[$name]=$!
  bg_began[$name]=$SECONDS
  bg_label[$name]="$label"
  trap bg_stop_all EXIT
  trap 'exit 130' INT TERM
}

# Notes every background step that has ended; fails on the first that failed.
bg_reap() {
  local name status
  for name in "${!bg_pid[@]}"; do
    kill -0 "${bg_pid[$name]}" 2>/dev/null && continue
    status=0
    wait "${bg_pid[$name]}" || status=$?
    unset "bg_pid[$name]"
    if [ "$status" != 0 ]; then
      printf '\033[1;31mFAILED: %s (exit %s). End of %s:\033[0m\n' "${bg_label[$name]}" "$status" \
        "${BG_LOGS#"$ROOT"/}/$name.log" >&2
      tail -n 40 "$BG_LOGS/$name.log" >&2
      return 1
    fi
    say "Done in $(fmt_secs $((SECONDS - bg_began[$name]))): ${bg_label[$name]}"
  done
}

# Waits until the named steps have ended (reporting any other step that ends meanwhile).
bg_wait() {
  local name
  while :; do
    bg_reap || return 1
    for name in "$@"; do
      [ -n "${bg_pid[$name]:-}" ] && break
      name=""
    done
    [ -z "${name:-}" ] && return 0
    sleep 1
  done
}

# Stops a process and everything it started (cargo's rustc, npm's node), by process id.
kill_tree() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}

bg_stop_all() {
  local pid
  for pid in "${bg_pid[@]}"; do kill_tree "$pid"; done
}

# The web app's bundles as binary:page (api/src/bundles.rs says which paths each serves).
# index.html and staff.html are written by hand; every other page is index.html loading its own
# binary (generated by web_pages into frontend/, gitignored). index.html and its copies link
# portal.css, generated from style.css without the staff pages' rules; staff.html links style.css.
WEB_BUNDLES="entry:index backlog:backlog item:item meetings:meetings minutes:minutes reports:reports report:report surveys:surveys risks:risks portal:portal staff:staff"

# Writes the generated bundle pages and portal.css, the client-facing bundles' stylesheet (only
# when their text changes, so trunk's inputs keep their modification times).
web_pages() {
  local bundle bin page text
  python3 "$ROOT/scripts/portal_css.py"
  for bundle in $WEB_BUNDLES; do
    bin="${bundle%%:*}" page="${bundle#*:}"
    [ "$page" = index ] || [ "$page" = staff ] && continue
    text="$(sed "s/data-bin=\"entry\"/data-bin=\"$bin\"/" "$ROOT/frontend/index.html")"
    [ "$text" = "$(cat "$ROOT/frontend/$page.html" 2>/dev/null)" ] || printf '%s\n' "$text" >"$ROOT/frontend/$page.html"
  done
}

# The wasm compile is most of a web app build: every binary in one cargo command (their LTO links
# run side by side), the exact command trunk runs for each, so trunk then finds them done.
# scripts/run starts it beside the tool installs.
frontend_cargo_build() {
  local profile bundle bins=()
  profile="$(sed -n 's/.*data-cargo-profile-release="\([^"]*\)".*/\1/p' "$ROOT/frontend/index.html")"
  for bundle in $WEB_BUNDLES; do bins+=(--bin "${bundle%%:*}"); done
  cargo build --target=wasm32-unknown-unknown --manifest-path "$ROOT/frontend/Cargo.toml" \
    --profile "${profile:-release}" "${bins[@]}"
}

frontend_stale() {
  local stamp="$ROOT/frontend/dist/index.html" bundle
  [ -f "$stamp" ] || return 0
  for bundle in $WEB_BUNDLES; do
    [ -f "$ROOT/frontend/dist/${bundle#*:}.html" ] || return 0
  done
  [ -n "$(find "$ROOT/frontend/src" "$ROOT/frontend/index.html" "$ROOT/frontend/staff.html" "$ROOT"/frontend/*.css \
    "$ROOT/frontend/Cargo.toml" "$ROOT/frontend/Trunk.toml" "$ROOT/api/src" "$ROOT/Cargo.lock" \
    "$ROOT/scripts/compress_assets.py" "$ROOT/scripts/portal_css.py" -newer "$stamp" 2>/dev/null | head -1)" ]
}

# Makes the Python module $1 importable (from PyPI, system-wide or else for this user); $2 says why.
ensure_python_module() {
  python3 -c "import $1" 2>/dev/null && return 0
  say "Installing $1 (PyPI) $2"
  python3 -m pip install --quiet --disable-pip-version-check "$1" 2>/dev/null ||
    python3 -m pip install --quiet --disable-pip-version-check --user "$1" 2>/dev/null || true
  python3 -c "import $1" 2>/dev/null
}

ensure_brotli() {
  ensure_python_module brotli "to pre-compress the web app"
}

# Builds the SPA's bundles ($WEB_BUNDLES; see api/src/bundles.rs) in release mode unless dist/ is
# newer than every input, then stores brotli and gzip copies beside each file. Each bundle is
# built into its own folder (trunk empties its dist) and they are merged; dist/ is replaced only
# when all built.
build_frontend() {
  if ! frontend_stale; then
    say "Web app is up to date"
    return
  fi
  ensure_brotli || { echo "FAILED: python3 module brotli could not be installed" >&2; return 1; }
  web_pages
  say "Compiling the web app's bundles (wasm32, release)"
  frontend_cargo_build
  local out="$ROOT/target/accord-web" bundle page
  rm -rf "$out/merged" && mkdir -p "$out/merged"
  for bundle in $WEB_BUNDLES; do
    page="${bundle#*:}"
    say "Building the web app: $page.html (trunk, release)"
    (cd "$ROOT/frontend" && trunk build --release true --dist "$out/$page" "$page.html")
    # trunk names its page index.html whatever the source page was called.
    [ "$page" = index ] || mv "$out/$page/index.html" "$out/$page/$page.html"
    cp -a "$out/$page/." "$out/merged/"
  done
  python3 "$ROOT/scripts/compress_assets.py" "$out/merged"
  rm -rf "$ROOT/frontend/dist.old"
  [ -d "$ROOT/frontend/dist" ] && mv "$ROOT/frontend/dist" "$ROOT/frontend/dist.old"
  mv "$out/merged" "$ROOT/frontend/dist"
  rm -rf "$ROOT/frontend/dist.old"
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

# An independent iCalendar parser for the calendar tests (Python's icalendar, from PyPI).
ensure_icalendar() {
  ensure_python_module icalendar "to check calendar feeds"
}

# pdftotext (Debian's poppler-utils) reads generated PDFs back in the tests.
ensure_pdftotext() {
  command -v pdftotext >/dev/null && return 0
  say "Installing poppler-utils (pdftotext) to check generated PDFs"
  apt_install poppler-utils || return 1
  command -v pdftotext >/dev/null
}

# A real SMTP server for the mail tests (Python's aiosmtpd, from PyPI).
ensure_aiosmtpd() {
  ensure_python_module aiosmtpd "for the mail tests"
}
