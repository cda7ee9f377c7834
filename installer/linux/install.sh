#!/usr/bin/env bash
# Install (or upgrade) a frozen build on a duty-room workstation, for the current user.
#
#   bash installer/linux/install.sh DIST_FOLDER [--prefix DIR] [--autostart]
#
# DIST_FOLDER is the one-folder build (dist/dutyroom from installer/build.py).
# The program goes to PREFIX (default ~/.local/opt/dutyroom), replaced as a whole
# on upgrade; settings, the workstation store, replicas and logs live in the
# platform folders (~/.config/dutyroom, ~/.local/share/dutyroom, …) and are never
# touched. --autostart installs and enables the systemd user unit that starts the
# wall screen with the session and restarts it after a crash.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dist=${1:?usage: install.sh DIST_FOLDER [--prefix DIR] [--autostart]}
shift
prefix=$HOME/.local/opt/dutyroom
autostart=0
while (($#)); do
    case $1 in
        --prefix) prefix=$2; shift 2 ;;
        --autostart) autostart=1; shift ;;
        *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
[[ -x $dist/dutyroom ]] || { echo "install.sh: $dist/dutyroom is not a build" >&2; exit 2; }
prefix=$(realpath -m "$prefix")

# Replace the program folder atomically: copy beside it, then swap.
mkdir -p "$(dirname "$prefix")"
staging="$prefix.new.$$"
rm -rf "$staging"
cp -a "$dist" "$staging"
if [[ -e $prefix ]]; then mv "$prefix" "$prefix.old.$$"; fi
mv "$staging" "$prefix"
rm -rf "$prefix.old.$$"

data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/icons/hicolor/scalable/apps"
sed "s|@PREFIX@|$prefix|g" "$here/dutyroom.desktop" > "$data/applications/dutyroom.desktop"
cp "$prefix/_internal/desktop/resources/icons/dutyroom.svg" \
    "$data/icons/hicolor/scalable/apps/dutyroom.svg"

if ((autostart)); then
    units=${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user
    mkdir -p "$units"
    sed "s|@PREFIX@|$prefix|g" "$here/dutyroom-wall.service" > "$units/dutyroom-wall.service"
    if command -v systemctl >/dev/null && systemctl --user daemon-reload 2>/dev/null; then
        systemctl --user enable dutyroom-wall.service
    else
        echo "install.sh: no systemd user session here; enable it later with:"
        echo "  systemctl --user enable --now dutyroom-wall.service"
    fi
fi
echo "installed $prefix (settings and data untouched)"
