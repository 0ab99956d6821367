#!/usr/bin/env bash
# Runs the org's local Apex tests (runtime and generated) and reports code coverage.
#
# Usage: scripts/org/run-apex-tests.sh [-o target-org] [-w minutes] [-d output-dir]
#   -o  org username or alias (default: $SF_TARGET_ORG, else the project's default org)
#   -w  minutes to wait for the results (default: 30)
#   -d  folder to also write the results and coverage files to (default: none)
set -euo pipefail
# shellcheck source=scripts/org/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

wait_minutes=30
output_dir=""
while getopts "o:w:d:h" option; do
  case "$option" in
    o) TARGET_ORG="$OPTARG" ;;
    w) wait_minutes="$OPTARG" ;;
    d) output_dir="$OPTARG" ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
tests=(apex run test --test-level RunLocalTests --code-coverage --result-format human --wait "$wait_minutes")
if [[ -n "$output_dir" ]]; then
  tests+=(--output-dir "$output_dir")
fi

say "Running local Apex tests with code coverage"
run sf "${tests[@]}"
