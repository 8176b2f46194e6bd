# Sourced by the bench scripts that start server jars of their own: sets $java to $JAVA if set,
# otherwise to the newest JDK 21 or later under /usr/lib/jvm; stops the script if there is none.
java="${JAVA:-}"
if [ -z "$java" ]; then
  for candidate in /usr/lib/jvm/*/bin/java; do
    major="$("$candidate" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')"
    [ "${major:-0}" -ge 21 ] && java="$candidate"
  done
fi
[ -n "$java" ] || { echo "$(basename "$0"): no JDK 21 or newer found; set JAVA=/path/to/bin/java" >&2; exit 1; }
