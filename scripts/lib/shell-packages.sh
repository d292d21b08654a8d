# shellcheck shell=bash
# Sourced by scripts/test-completion and scripts/bench-names: ensure_packages PKG... installs
# the Debian packages that are missing (tmux, zsh, fish, hyperfine).
#
# scripts/lib/ensure-packages.sh (from the fixture work) does the same for the server tests;
# when it is present it is used, so there is one installer. Otherwise this minimal one asks
# dpkg first and runs `apt-get update` at most once per process.

if [[ -f "${BASH_SOURCE[0]%/*}/ensure-packages.sh" ]]; then
    # shellcheck source=/dev/null
    source "${BASH_SOURCE[0]%/*}/ensure-packages.sh"
else
    _shell_packages_updated=0

    ensure_packages() {
        local package missing=()
        for package in "$@"; do
            dpkg -s "$package" 2>/dev/null | grep -qx 'Status: install ok installed' ||
                missing+=("$package")
        done
        ((${#missing[@]} == 0)) && return 0

        if ((EUID != 0)); then
            echo "missing packages: ${missing[*]}; as root run:" \
                "apt-get update && apt-get install -y ${missing[*]}" >&2
            return 1
        fi
        echo "installing ${missing[*]}" >&2
        if ((_shell_packages_updated == 0)); then
            apt-get update -qq >&2 || return 1
            _shell_packages_updated=1
        fi
        DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    }
fi
