#!/usr/bin/env bash
# The soundness gate (dev/test.sh runs it first): the generated gRPC code matches Protos/, every Swift
# file outside Generated/ passes `swift format lint --strict` with the committed .swift-format (150
# columns), and every shell script in the repository passes shellcheck (.shellcheckrc).
#
#   dev/soundness.sh               # run the three checks; exit 1 naming each that failed
#   dev/soundness.sh --self-check  # prove the format and shell checks fail on fixtures/broken/soundness
#
# Shell scripts are found by their `#!` line, so a new script is checked without being listed here.
# Debian's shellcheck package is needed; as root on Debian it is installed when missing.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
readonly BROKEN=fixtures/broken/soundness

say() { printf 'soundness: %s\n' "$*" >&2; }

ensure_shellcheck() {
    command -v shellcheck >/dev/null && return 0
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        say "installing shellcheck (Debian)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q shellcheck >/dev/null
    else
        say "shellcheck is missing: install Debian's shellcheck (apt-get install shellcheck)"
        return 1
    fi
}

# Swift sources the formatter owns: everything tracked or new, except generated code and the broken fixtures.
swift_files() {
    git ls-files --cached --others --exclude-standard -- '*.swift' ':!:**/Generated/**' ":!:$BROKEN/**"
}

# Every tracked or new file whose first line runs sh or bash, except the broken fixtures.
shell_scripts() {
    local file
    while IFS= read -r file; do
        [[ -f "$file" ]] || continue
        head -n 1 -- "$file" | grep -Eq '^#!.*(/|env )(ba)?sh( |$)' && printf '%s\n' "$file"
    done < <(git ls-files --cached --others --exclude-standard -- ":!:$BROKEN/**")
    # stack-env.sh is sourced, not run, so it has no `#!` line.
    printf '%s\n' infrastructure/scripts/stack-env.sh
}

format_lint() { swift format lint --strict --parallel "$@"; }
shell_lint() { shellcheck -x "$@"; }

# Each broken fixture must fail for the reason it was written for, not merely fail.
self_check() {
    local failed=0 output
    output=$(format_lint "$BROKEN/unformatted.swift" 2>&1) || true
    if grep -q '\[DoNotUseSemicolons\]' <<<"$output"; then
        say "swift format lint rejects $BROKEN/unformatted.swift: $(grep -c 'error:' <<<"$output") findings"
    else
        say "BROKEN: swift format lint did not flag the semicolon in $BROKEN/unformatted.swift"; failed=1
    fi
    output=$(shell_lint "$BROKEN/unquoted.sh" 2>&1) || true
    if grep -q 'SC2086' <<<"$output"; then
        say "shellcheck rejects $BROKEN/unquoted.sh: SC2086"
    else
        say "BROKEN: shellcheck did not flag the unquoted expansion in $BROKEN/unquoted.sh"; failed=1
    fi
    return "$failed"
}

main() {
    ensure_shellcheck
    case "${1:-}" in
        --self-check) self_check; return ;;
        "") ;;
        *) say "unknown argument: $1 (expected nothing or --self-check)"; return 2 ;;
    esac

    local failures=() swift scripts
    say "generated gRPC code matches Protos/ (dev/check-generated-code.sh)"
    dev/check-generated-code.sh || failures+=("generated code differs from Protos/ (run dev/generate.sh)")

    mapfile -t swift < <(swift_files)
    say "swift format lint --strict on ${#swift[@]} Swift files (.swift-format)"
    format_lint "${swift[@]}" || failures+=("swift format lint (fix with: swift format format -i FILE)")

    mapfile -t scripts < <(shell_scripts | sort -u)
    say "shellcheck on ${#scripts[@]} shell scripts (.shellcheckrc)"
    shell_lint "${scripts[@]}" || failures+=("shellcheck")

    if ((${#failures[@]})); then
        printf 'soundness: FAILED: %s\n' "${failures[@]}" >&2
        return 1
    fi
    say "sound"
}

main "$@"
