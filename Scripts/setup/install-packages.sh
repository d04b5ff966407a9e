#!/usr/bin/env bash
# Installs the Debian packages that helpcenter needs and this machine lacks, saying which, with sudo
# when not root. `demo`: what building and serving a site needs (cmark-gfm's libraries). `test`: that
# plus what the tests use (the cmark-gfm command, Chromium and its driver, a Java runtime, python3).
# Installs nothing when all are present; exits non-zero, naming the packages, when it cannot.
set -euo pipefail

purpose="${1:-demo}"
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev)
case "$purpose" in
  demo) ;;
  test)
    packages+=(cmark-gfm chromium chromium-driver python3)
    command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
    ;;
  *) echo "usage: $0 demo|test" >&2; exit 64 ;;
esac

if ! command -v swift >/dev/null 2>&1; then
  echo "error: Swift 6 is not on the PATH; install a Swift 6 toolchain (https://www.swift.org/install/) first." >&2
  exit 1
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
((${#missing[@]})) || exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: these packages are missing and there is no apt-get to install them: ${missing[*]}" >&2
  echo "Install their equivalents with your system's package manager (see README.md, Quick start)." >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "error: installing ${missing[*]} needs root, and sudo is not installed; run as root or install them." >&2
    exit 1
  fi
  sudo=(sudo)
fi
echo "Installing the Debian packages helpcenter needs (${purpose}): ${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
echo "Installed: ${missing[*]}" >&2
