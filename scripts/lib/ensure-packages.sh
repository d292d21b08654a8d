# shellcheck shell=bash
# ensure_packages PKG...: install the Debian packages that are not installed yet.
#
# Sourced by scripts/pg-fixture, the test and demo scripts. Our machines are
# handed over fresh, so every script installs what it uses itself; this keeps
# that cheap: dpkg is asked first, and apt-get runs only for what is missing,
# with at most one `apt-get update` per process (the package lists on a fresh
# machine are empty, so install without update would find nothing).

_ensure_packages_updated=0

# True when dpkg says PKG is fully installed. `dpkg -s` alone also succeeds for
# a removed package whose config files remain, so the Status line is checked.
package_installed() {
  dpkg -s "$1" 2>/dev/null | grep -qx 'Status: install ok installed'
}

ensure_packages() {
  local pkg missing=() sudo=()
  for pkg in "$@"; do
    package_installed "$pkg" || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0

  if ((EUID != 0)); then
    # Never prompt: CI has no terminal. Without password-less sudo, say what to run.
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      echo "ensure_packages: missing ${missing[*]}; as root run: apt-get update && apt-get install -y ${missing[*]}" >&2
      return 1
    fi
  fi

  echo "ensure_packages: installing ${missing[*]}" >&2
  if ((_ensure_packages_updated == 0)); then
    "${sudo[@]}" apt-get update -qq >&2 || return 1
    _ensure_packages_updated=1
  fi
  # noninteractive: no debconf questions (CI has no standard input).
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}
