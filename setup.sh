#!/usr/bin/env bash
# Street Duty Room (街道应急值班指挥台): set up this clone, then run the demo, the
# tests or the benchmarks.
#
#   sudo bash setup.sh demo [--xvfb] [dutyroom flags]  start the dashboard on the demo street
#   sudo bash setup.sh test [pytest args]              every quality gate and the whole suite (CI)
#   sudo bash setup.sh bench [--quick] [--runs N]      start-up and memory benchmarks
#   bash setup.sh help
#
# Every command first does the common part, quick when already done:
#   1. installs the Debian packages Qt WebEngine, the Chinese font and the tests
#      need (apt-get update only when one is missing; sudo only when not root);
#   2. creates .venv with python3 -m venv and installs the project into it
#      (pip install -e '.[dev,freeze]'; skipped while pyproject.toml is unchanged);
#   3. compiles resources/translations/*.ts to .qm with the venv's pyside6-lrelease.
#
# Root is needed only for step 1. Run with sudo by a desktop user, the script
# installs the system packages as root and does everything else as that user, so
# .venv belongs to them and the dashboard runs with Chromium's sandbox on.
# Environment: PYTHON (default python3) picks the interpreter for the new .venv.
set -euo pipefail

SCRIPT=$(readlink -f "${BASH_SOURCE[0]}")
readonly SCRIPT
cd "$(dirname "$SCRIPT")"
readonly STARTED=$EPOCHREALTIME
readonly PYTHON=${PYTHON:-python3}
readonly VENV=.venv
readonly STAMP=$VENV/.dutyroom-setup-stamp

# Debian packages, by what needs them (SETUP-NOTES.md, checked on a bare Debian 12).
readonly QT_OFFSCREEN_PACKAGES=(
    libegl1 libgl1 libgbm1 libnss3 libasound2 libdbus-1-3 libfontconfig1 libfreetype6
    libglib2.0-0 libbrotli1 libx11-6 libxext6 libxfixes3 libxrandr2 libxtst6 libxcomposite1
    libxdamage1 libxkbfile1 libxkbcommon0 libxcb1 libxcb-dri3-0
)
readonly QT_WINDOW_PACKAGES=(
    xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-xkb1
)
# Qt Multimedia plays the alert sound through PulseAudio's client library (the ffmpeg
# plugin and libQt6Multimedia link libpulse.so.0; PipeWire desktops serve it too): without
# it the sound is off and the wall says so (声音不可用 / SOUND OFF).
readonly QT_SOUND_PACKAGES=(libpulse0)
# fonts-wqy-microhei: Simplified Chinese that embeds in PDFs and extracts exactly
# (fonts-noto-cjk extracts some characters as Kangxi radicals).
readonly OTHER_PACKAGES=(fonts-wqy-microhei python3-venv poppler-utils)
# test and bench only: a real PostgreSQL server (Debian's, 15 on Debian 12). The tests
# make and drop their own throwaway clusters with pg_createcluster (tests/models/
# test_postgres_cluster.py); the "main" cluster the package creates is left alone.
# faketime (libfaketime): the moved-clock runs of the test step move the process clock
# itself, so every "now" (ours, SQLite's, the subprocesses') reads the moved time.
readonly TEST_PACKAGES=(postgresql faketime)
EXTRA_PACKAGES=()

usage() {
    cat <<'EOF'
Usage: bash setup.sh COMMAND [ARGS...]     (sudo bash setup.sh ... also works)

  demo [--xvfb] [FLAGS]  set up, then start the dashboard on the demo street
                         (builds the demo replica in the user data folder if missing).
                         FLAGS go to `dutyroom demo`, e.g. --wall, --lang en.
                         Needs a desktop session (DISPLAY or WAYLAND_DISPLAY); --xvfb
                         runs it on a virtual screen instead (a start-up check: nothing
                         to look at; Ctrl+C stops it).
  test [PYTEST ARGS]     set up, then: ruff, mypy (desktop/models), import contract,
                         the models suite without Qt or a display, the whole suite
                         offscreen with coverage (both in a random order, seed printed;
                         TEST_SEED=N replays one), the date-dependent tests again with
                         the clock moved to three awkward moments, and the frozen build.
                         PYTEST ARGS go to the whole-suite run.
                         Also installs Debian's postgresql: the PostgreSQL tests run
                         their own throwaway clusters (as root; skipped otherwise,
                         failed when CI=true). This is what CI runs (.ci/run).
  quick [PYTEST ARGS]    set up, then the quick loop: the Qt-free models suite without
                         the slow tests (command-line subprocesses, fuzzing, PostgreSQL).
  bench [ARGS]           set up, then python -m benchmarks (--quick, --runs N, --xvfb);
                         writes benchmarks/RESULTS.md.
  setup                  only the common part.
  help                   this text.

The common part installs missing Debian packages (root or sudo), creates .venv,
installs the project with its dev extras and compiles the translations.
EOF
}

heading() { printf '\n==== %s\n' "$*"; }
fail() { printf '\nsetup.sh: %s\n(stopped after %s)\n' "$*" "$(elapsed "$STARTED")" >&2; exit 1; }
# Seconds since $1, an earlier $EPOCHREALTIME (sec.microseconds), in whole-number arithmetic.
elapsed() {
    local us=$((${EPOCHREALTIME/[.,]/} - ${1/[.,]/}))
    printf '%d.%d s' $((us / 1000000)) $((us / 100000 % 10))
}
is_root() { [[ $(id -u) -eq 0 ]]; }

# ---------------------------------------------------------------- system packages

package_installed() {
    # Debian 13 renamed some libraries (libasound2 -> libasound2t64): accept either.
    local name
    for name in "$1" "$1t64"; do
        [[ $(dpkg-query -W -f='${db:Status-Abbrev}' "$name" 2>/dev/null) == ii* ]] && return 0
    done
    return 1
}

install_system_packages() {
    command -v dpkg-query >/dev/null || {
        echo "not a Debian-like system: install the Qt WebEngine libraries, a Simplified" \
             "Chinese font, poppler-utils and xvfb yourself (see ../shared/SETUP-NOTES.md)"
        return 0
    }
    local missing=() name
    for name in "${QT_OFFSCREEN_PACKAGES[@]}" "${QT_WINDOW_PACKAGES[@]}" \
        "${QT_SOUND_PACKAGES[@]}" "${OTHER_PACKAGES[@]}" "${EXTRA_PACKAGES[@]}"; do
        package_installed "$name" || missing+=("$name")
    done
    ((${#missing[@]})) || return 0

    heading "installing Debian packages: ${missing[*]}"
    local as_root=()
    if ! is_root; then
        command -v sudo >/dev/null || fail "need root to install ${missing[*]}: run sudo bash setup.sh"
        as_root=(sudo)
    fi
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends "${missing[@]}"
}

# ---------------------------------------------------------------- virtualenv

venv_is_current() {
    # Installed from this pyproject.toml, into this clone (a copied .venv points elsewhere).
    [[ -f $STAMP && $(cat "$STAMP") == "$(sha256sum pyproject.toml)" ]] || return 1
    [[ -x $VENV/bin/dutyroom ]] || return 1
    local found
    found=$("$VENV/bin/python" -c 'import desktop; print(desktop.__file__)' 2>/dev/null) || return 1
    [[ $found == "$PWD/desktop/__init__.py" ]]
}

# pip warns once per package about a find-links or index folder of the machine's
# pip configuration that does not hold it; that says nothing about this project.
quiet_pip() { grep -v "^WARNING: Location '.*' is ignored: it is neither a file nor a directory" || true; }

ensure_venv() {
    if ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
        "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null ||
            fail "$PYTHON is missing or older than 3.11 (set PYTHON=/path/to/python3.11)"
        heading "creating $VENV with $("$PYTHON" --version)"
        # --clear: a half-made .venv (python3-venv was missing) is made anew.
        "$PYTHON" -m venv --clear "$VENV"
    fi
    venv_is_current && return 0

    heading "installing the project into $VENV (pip install -e '.[dev,freeze]'; ~1 min the first time)"
    local t0=$EPOCHREALTIME pip=("$VENV/bin/python" -m pip --disable-pip-version-check -q)
    # The build back-end goes into the venv itself, so the editable install and
    # tests/test_packaging.py can build without an isolated download each time.
    mapfile -t build_requires < <("$VENV/bin/python" -c \
        'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")')
    "${pip[@]}" install "${build_requires[@]}" 2>&1 | quiet_pip ||
        fail "pip could not install the build back-end (${build_requires[*]})"
    "${pip[@]}" install --no-build-isolation -e '.[dev,freeze]' 2>&1 | quiet_pip ||
        fail "pip install -e '.[dev,freeze]' failed (see above)"
    sha256sum pyproject.toml >"$STAMP"
    echo "installed in $(elapsed "$t0")"
}

compile_translations() {
    local sources=() source
    for source in resources/translations/*.ts; do
        [[ -e $source ]] && sources+=("$source")
    done
    ((${#sources[@]})) || return 0
    # Each .ts becomes the .qm beside it, where desktop.resources finds it.
    "$VENV/bin/pyside6-lrelease" -silent "${sources[@]}" ||
        fail "pyside6-lrelease could not compile ${sources[*]}"
}

common_setup() {
    install_system_packages
    ensure_venv
    compile_translations
}

# Run everything after the system packages as the user who called sudo (when
# that user owns this clone): .venv stays theirs, and the dashboard keeps
# Chromium's sandbox, which root cannot have.
drop_root_if_sudo() {
    is_root && [[ -n ${SUDO_USER:-} && $SUDO_USER != root ]] || return 0
    [[ $(stat -c %U .) == "$SUDO_USER" ]] || return 0
    install_system_packages
    local keep=()
    [[ -n ${DISPLAY:-} ]] && keep+=("DISPLAY=$DISPLAY")
    [[ -n ${XAUTHORITY:-} ]] && keep+=("XAUTHORITY=$XAUTHORITY")
    [[ -n ${CI:-} ]] && keep+=("CI=$CI")
    exec sudo -u "$SUDO_USER" -H env "${keep[@]}" PYTHON="$PYTHON" bash "$SCRIPT" "$@"
}

webengine_env() {
    # Chromium refuses to start as root with its sandbox and takes the whole
    # process down silently; only then is the sandbox switched off.
    if is_root; then export QTWEBENGINE_DISABLE_SANDBOX=1; fi
    export QTWEBENGINE_CHROMIUM_FLAGS=${QTWEBENGINE_CHROMIUM_FLAGS:---log-level=3}
}

# ---------------------------------------------------------------- commands

cmd_demo() {
    local use_xvfb=0 args=() arg
    for arg in "$@"; do
        if [[ $arg == --xvfb ]]; then use_xvfb=1; else args+=("$arg"); fi
    done
    webengine_env
    if ((use_xvfb)); then
        echo "Starting the dashboard on a virtual 1920x1080 screen (Xvfb): nothing to look at,"
        echo "it checks that the demo starts. Ctrl+C stops it. For a picture of the wall use"
        echo "../shared/tools/xshot --size 3840x2160 --out wall.png -- .venv/bin/dutyroom demo --wall"
        exec env -u QT_QPA_PLATFORM xvfb-run -a -s '-screen 0 1920x1080x24' \
            "$VENV/bin/dutyroom" demo "${args[@]}"
    fi
    if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && -z ${QT_QPA_PLATFORM:-} ]]; then
        fail "the dashboard needs a desktop session, and this shell has none (no DISPLAY or
WAYLAND_DISPLAY). Run this from a terminal on the workstation's desktop, or check that it
starts on a virtual screen with:  bash setup.sh demo --xvfb"
    fi
    exec "$VENV/bin/dutyroom" demo "${args[@]}"
}

# pytest exits 5 when it collected nothing: for a gate that is a failure too.
run_pytest() {
    local status=0
    "$@" || status=$?
    ((status == 5)) && fail "pytest collected no tests: $*"
    ((status == 0)) || fail "tests failed (pytest exit code $status)"
}

# Runs pytest with PySide6, shiboken6, pyqtgraph and pytest-qt made unimportable:
# the models suite passing here proves desktop/models needs no Qt.
readonly NO_QT_PYTEST='
import importlib.abc, sys

class NoQt(importlib.abc.MetaPathFinder):
    blocked = {"PySide6", "shiboken6", "pyqtgraph", "pytestqt"}

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in self.blocked:
            raise ImportError(f"{name} was imported by the Qt-free models suite: "
                              "desktop/models and tests/models must run without Qt")
        return None

sys.meta_path.insert(0, NoQt())
import pytest
sys.exit(pytest.main(sys.argv[1:]))
'

# The moved-clock runs: moments (UTC, for faketime) that catch calendar bugs.
readonly MOVED_CLOCKS=(
    "2027-02-28 22:30:00"  # 06:30 Beijing on 1 March, UTC still the last day of February
    "2026-12-31 16:30:00"  # 00:30 Beijing on 1 January, UTC still 31 December
    "2028-02-29 03:00:00"  # 11:00 Beijing on 29 February of a leap year
)

# The Qt-free models suite (PYTEST ARGS follow). pytest-qt registers itself as
# "pytest-qt" (-p no:pytestqt would not stop it).
run_models_suite() {
    run_pytest env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM \
        "$VENV/bin/python" -c "$NO_QT_PYTEST" tests/models -q -p no:pytest-qt "$@"
}

cmd_test() {
    webengine_env
    local t0 bin=$VENV/bin seed
    t0=$EPOCHREALTIME
    # One random order for every run below, printed so that a failure can be replayed.
    seed=${TEST_SEED:-$((RANDOM * 32768 + RANDOM))}
    local order=(-p no:cacheprovider "--randomly-seed=$seed")
    echo "test order: random, seed $seed (replay with TEST_SEED=$seed bash setup.sh test)"
    heading "1/7 ruff check ."
    "$bin/ruff" check . || fail "ruff found problems (ruff check --fix . mends many)"
    heading "2/7 mypy desktop/models (strict)"
    "$bin/mypy" desktop/models || fail "mypy found type errors in desktop/models"
    heading "3/7 import contract (lint-imports)"
    "$bin/lint-imports" || fail "an import contract in pyproject.toml is broken"

    # Coverage is gathered over steps 4 and 5 (the models suite runs once, without Qt).
    local coverage_dir
    coverage_dir=$(mktemp -d)
    # shellcheck disable=SC2064  # expand now: the folder is this run's own
    trap "rm -rf '$coverage_dir'" EXIT
    heading "4/7 models suite without Qt and without a display (tests/models)"
    [[ -d tests/models ]] || fail "tests/models is missing: the Qt-free suite has nothing to prove"
    COVERAGE_FILE="$coverage_dir/.coverage" run_models_suite "${order[@]}" --cov=desktop \
        --cov-report=

    heading "5/7 the rest of the suite, offscreen, with coverage (the frozen build's is step 7)"
    run_pytest env QT_QPA_PLATFORM=offscreen COVERAGE_FILE="$coverage_dir/.coverage" \
        "$bin/python" -m pytest tests --ignore=tests/models -q "${order[@]}" --cov=desktop \
        --cov-append --cov-report= -m "not frozen" "$@"
    echo "coverage of desktop/ (steps 4 and 5): $(COVERAGE_FILE="$coverage_dir/.coverage" \
        "$bin/coverage" report --format=total)% of lines"

    heading "6/7 the clock moved: models suite and date-dependent views (PostgreSQL keeps real time)"
    command -v faketime >/dev/null || fail "faketime is missing (Debian package faketime)"
    local moment started
    for moment in "${MOVED_CLOCKS[@]}"; do
        started=$EPOCHREALTIME
        echo "-- clock moved to $moment UTC"
        TZ=UTC run_pytest faketime "$moment" env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM \
            "$bin/python" -c "$NO_QT_PYTEST" tests/models -q -p no:pytest-qt "${order[@]}" \
            -m "not postgres"
        TZ=UTC run_pytest faketime "$moment" env QT_QPA_PLATFORM=offscreen \
            "$bin/python" -m pytest tests/views -q "${order[@]}" -m "calendar and not postgres"
        echo "-- at $moment UTC: green in $(elapsed "$started")"
    done

    heading "7/7 frozen build (installer/build.py) and its smoke test"
    local frozen_dir
    frozen_dir=$(mktemp -d)
    "$bin/python" installer/build.py --dist "$frozen_dir/dist" --work "$frozen_dir/work" \
        > "$frozen_dir/build.log" 2>&1 || { tail -30 "$frozen_dir/build.log"; fail "the frozen build failed"; }
    run_pytest env QT_QPA_PLATFORM=offscreen DUTYROOM_FROZEN="$frozen_dir/dist/dutyroom/dutyroom" \
        "$bin/python" -m pytest -q -m frozen -p no:cacheprovider tests/e2e
    rm -rf "$frozen_dir"
    echo "tests and gates took $(elapsed "$t0"); setup.sh took $(elapsed "$STARTED") in all"
}

main() {
    local command=${1:-help}
    (($#)) && shift
    case $command in
        demo | test | quick | bench | setup) ;;
        help | -h | --help) usage; return 0 ;;
        *) usage >&2; fail "unknown command: $command" ;;
    esac
    case $command in test | bench) EXTRA_PACKAGES=("${TEST_PACKAGES[@]}") ;; esac
    drop_root_if_sudo "$command" "$@"
    common_setup
    case $command in
        demo) cmd_demo "$@" ;;
        test) cmd_test "$@" ;;
        quick) run_models_suite -p no:cacheprovider -m "not slow and not e2e" "$@" ;;
        bench) webengine_env; exec "$VENV/bin/python" -m benchmarks "$@" ;;
        setup) echo "set up in $(elapsed "$STARTED")" ;;
    esac
}

main "$@"
