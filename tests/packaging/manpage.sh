#!/usr/bin/env bash
# The man page names every option and command `ferry --help` and `ferry help COMMAND` list,
# and man renders it without a warning.
#   manpage.sh FERRY FERRY_1
set -euo pipefail
ferry="$1"
page="$2"
status=0
# The page as text: no font changes, and roff's escaped hyphens plain again.
text="$(sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/\\e/\\/g' "$page")"
commands="$("$ferry" --lang en --help | sed -n '/^Commands:/,$p' \
    | awk 'NR > 1 && $1 ~ /^[a-z]+$/ && $1 != "help" { print $1 }')"
[ -n "$commands" ] || { echo "ferry --help lists no commands" >&2; exit 1; }
for c in "" $commands; do
    if [ -n "$c" ]; then
        help="$("$ferry" --lang en help "$c")"
    else
        help="$("$ferry" --lang en --help)"
    fi
    # The part of the page about this command: its .SS, or OPTIONS for the global ones.
    if [ -n "$c" ]; then
        head=".SS \"ferry $c\""
    else
        head=".SH OPTIONS"
    fi
    part="$(awk -v h="$head" '$0 == h { on = 1; next } /^\.S[HS] / { on = 0 } on' <<<"$text")"
    if [ -z "$part" ]; then
        echo "the man page has no '$head'" >&2
        status=1
    fi
    # Every option: the short and long forms at the start of an option line.
    options="$(grep -E '^  -' <<<"$help" \
        | grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z0-9-]*' | tr -d ' ,')"
    [ -n "$options" ] || { echo "ferry ${c:-(global)} --help lists no options" >&2; exit 1; }
    for o in $options; do
        # As a whole word: --port must not pass for --port-range.
        if ! grep -qE -- "(^|[^A-Za-z0-9-])$o([^A-Za-z0-9-]|$)" <<<"$part"; then
            echo "the man page does not mention ${c:+ferry $c }$o" >&2
            status=1
        fi
    done
done
if command -v man >/dev/null 2>&1; then
    warnings="$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)" || status=1
    if [ -n "$warnings" ]; then
        echo "man -l $page warns:" >&2
        echo "$warnings" >&2
        status=1
    fi
    rendered="$(MANWIDTH=80 man -l "$page" 2>/dev/null)"
    grep -q "^NAME" <<<"$rendered" || { echo "man -l rendered no NAME section" >&2; status=1; }
else
    echo "man is not installed: rendering not checked" >&2
fi
exit $status
