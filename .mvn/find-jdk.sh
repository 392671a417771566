# Sourced by ./mvnw, ./weft and .ci/run: point JAVA_HOME at a JDK 25 or newer, or explain how to get one.
# POSIX sh; defines weft_find_jdk and runs it.

weft_jdk_major() {
  # Prints the feature version of the JDK at $1, or nothing when it is not a JDK.
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
  fi
}

weft_find_jdk() {
  weft_min=25
  if [ -n "${JAVA_HOME-}" ]; then
    weft_v=$(weft_jdk_major "$JAVA_HOME")
    [ -n "$weft_v" ] && [ "$weft_v" -ge "$weft_min" ] && return 0
  fi
  weft_java=$(command -v java 2>/dev/null || true)
  if [ -n "$weft_java" ]; then
    weft_home=$(dirname "$(dirname "$(readlink -f "$weft_java")")")
    weft_v=$(weft_jdk_major "$weft_home")
    if [ -n "$weft_v" ] && [ "$weft_v" -ge "$weft_min" ]; then JAVA_HOME=$weft_home; export JAVA_HOME; return 0; fi
  fi
  # callers such as mvnw run under 'set -f'; the search below needs globbing
  case $- in *f*) weft_noglob=1 ;; *) weft_noglob= ;; esac
  set +f
  for weft_home in /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$weft_home" ] || continue
    weft_v=$(weft_jdk_major "$weft_home")
    if [ -n "$weft_v" ] && [ "$weft_v" -ge "$weft_min" ]; then
      JAVA_HOME=$weft_home; export JAVA_HOME
      [ -z "$weft_noglob" ] || set -f
      return 0
    fi
  done
  [ -z "$weft_noglob" ] || set -f
  cat >&2 <<MSG
weft needs a JDK $weft_min or newer, and none was found in JAVA_HOME, on the PATH, or under /usr/lib/jvm.
Install one, for example Eclipse Temurin 25:
  Debian/Ubuntu: add the Adoptium apt repository (https://adoptium.net/installation/linux/),
                 then: apt-get install temurin-25-jdk
  or download a tarball from https://adoptium.net/temurin/releases/?version=25 and set JAVA_HOME to it.
MSG
  return 1
}

weft_find_jdk || exit 1
