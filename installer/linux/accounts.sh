#!/usr/bin/env bash
# Set up the two OS accounts of a duty-room workstation (run as root, once; idempotent).
#
#   sudo bash installer/linux/accounts.sh --dashboard USER [--writer NAME] [--data DIR]
#                                          [--program PATH] [--sync PATH]
#
# Writers (dutyroom replica init|migrate|import, simulate, sync) run as the
# writer account (default dutyroom-writer, a system account without login); the
# dashboard runs as USER, the wall screen's desktop account, which is put in the
# writer's group so that it can read the replica and write nothing in it.
#
#   DIR (default /var/lib/dutyroom)   writer:writer 2750  the replica (0640, made by the writer)
#   DIR/incoming                      writer:writer 2770  the import dialog's hand-over folder
#
# --program PATH (the installed dutyroom binary, e.g. ~USER/.local/opt/dutyroom/dutyroom)
# also lets USER run exactly "PATH replica import …" as the writer (sudoers drop-in), so the
# import dialog can hand checked files to the writer at once (setting import_writer).
# --sync PATH (the dutyroom binary again) installs and enables the writer's systemd user
# unit dutyroom-sync.service (`PATH sync --watch DIR/incoming --replica DIR/replica.db`,
# lingering on, so it runs from boot without a login): hand-overs are imported as they
# arrive (the import dialog then needs no import_writer, nor the sudoers rule).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
writer=dutyroom-writer
dashboard=""
data=/var/lib/dutyroom
program=""
sync=""
while (($#)); do
    case $1 in
        --dashboard) dashboard=$2; shift 2 ;;
        --writer) writer=$2; shift 2 ;;
        --data) data=$2; shift 2 ;;
        --program) program=$2; shift 2 ;;
        --sync) sync=$2; shift 2 ;;
        *) echo "accounts.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
[[ -n $dashboard ]] || { echo "accounts.sh: --dashboard USER is required" >&2; exit 2; }
((EUID == 0)) || { echo "accounts.sh: run as root" >&2; exit 2; }
id "$dashboard" >/dev/null 2>&1 || { echo "accounts.sh: no account $dashboard" >&2; exit 2; }
[[ $writer != "$dashboard" ]] || { echo "accounts.sh: the two accounts must differ" >&2; exit 2; }

if ! id "$writer" >/dev/null 2>&1; then
    useradd --system --user-group --home-dir "$data" --no-create-home \
        --shell /usr/sbin/nologin --comment "Street Duty Room replica writer" "$writer"
fi
usermod --append --groups "$writer" "$dashboard"

install -d -o "$writer" -g "$writer" -m 2750 "$data"
install -d -o "$writer" -g "$writer" -m 2770 "$data/incoming"
chmod 2750 "$data"          # install -d leaves an existing folder's mode
chmod 2770 "$data/incoming"
chown "$writer:$writer" "$data" "$data/incoming"

if [[ -n $program ]]; then
    program=$(realpath -m "$program")
    rule="$dashboard ALL=($writer) NOPASSWD: $program replica import *"
    sudoers=/etc/sudoers.d/dutyroom
    printf '# Street Duty Room: the dashboard hands checked imports to the writer\n%s\n' \
        "$rule" > "$sudoers.new"
    chmod 0440 "$sudoers.new"
    if command -v visudo >/dev/null && ! visudo -cf "$sudoers.new" >/dev/null; then
        rm -f "$sudoers.new"; echo "accounts.sh: sudoers rule refused by visudo" >&2; exit 1
    fi
    mv "$sudoers.new" "$sudoers"
fi

if [[ -n $sync ]]; then
    sync=$(realpath -m "$sync")
    # The writer's home is the data folder: its user units live in DIR/.config/systemd/user.
    home=$(getent passwd "$writer" | cut -d: -f6)
    units=$home/.config/systemd/user
    install -d -o "$writer" -g "$writer" -m 0700 "$home/.config" "$home/.config/systemd" \
        "$units" "$units/default.target.wants"
    sed -e "s|@PROGRAM@|$sync|g" -e "s|@DROP@|$data/incoming|g" \
        -e "s|@REPLICA@|$data/replica.db|g" "$here/dutyroom-sync.service" \
        > "$units/dutyroom-sync.service.new"
    chown "$writer:$writer" "$units/dutyroom-sync.service.new"
    chmod 0644 "$units/dutyroom-sync.service.new"
    mv "$units/dutyroom-sync.service.new" "$units/dutyroom-sync.service"
    ln -sfn ../dutyroom-sync.service "$units/default.target.wants/dutyroom-sync.service"
    chown -h "$writer:$writer" "$units/default.target.wants/dutyroom-sync.service"
    if command -v loginctl >/dev/null && loginctl enable-linger "$writer" 2>/dev/null; then
        echo "sync: dutyroom-sync.service enabled for $writer (lingering: runs from boot)"
    else
        echo "sync: dutyroom-sync.service installed for $writer; no logind here: run"
        echo "  loginctl enable-linger $writer   (then it starts at boot)"
    fi
fi

cat <<EOT
accounts ready: writer $writer, dashboard $dashboard (in group $writer)
  replica folder $data (2750), hand-over folder $data/incoming (2770)
as $writer:   dutyroom replica init $data/replica.db   (then simulate / sync / import)
as $dashboard, in ~/.config/dutyroom/settings.json:
  {"replica": "$data/replica.db", "import_drop_folder": "$data/incoming"$( [[ -n $program ]] && printf ',\n   "import_writer": "sudo -n -u %s %s"' "$writer" "$program")}
$dashboard must sign in again for the new group to apply.
EOT
