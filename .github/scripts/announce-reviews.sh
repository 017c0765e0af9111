#!/usr/bin/env bash
# Says in an issue which protocol reviews fall due within 30 days (workflows/reviews.yml):
# opens one, or comments on the one still open, so that the committee hears of it. GitHub
# itself tells only whoever last edited the schedule of a failed scheduled run.
# $1: the output of `handbook check --strict` as of 30 days on; not there when a step
# before the check failed (Install: a PyPI outage, a yanked pin), which the committee
# hears of all the same (CI audit: the script stopped at HANDBOOK_TODAY, unset, and no
# issue was opened). From the workflow: HANDBOOK_TODAY, TITLE, GITHUB_REPOSITORY and
# GH_TOKEN (`gh` is on GitHub's runners); GITHUB_SERVER_URL and GITHUB_RUN_ID, which
# GitHub sets, name the run.
set -euo pipefail
report="$1"
body="$(mktemp)"
# A runner is thrown away after the job, but a run on a laptop (or the tests) is not.
trap 'rm -f "$body"' EXIT
run="${GITHUB_SERVER_URL:-https://github.com}/$GITHUB_REPOSITORY/actions/runs/${GITHUB_RUN_ID:-}"
# Only the reviews' own lines (`path:line:column: warning protocol.review-overdue ...`),
# never the rest of the report: the issue is public and mailed to every watcher, and a
# privacy.pii line places personal data (privacy audit). Any other failing finding, or
# none at all (a configuration error, on stderr), is a link to the run.
review='^.+:[0-9]+:[0-9]+: (error|warning|info) protocol\.review-overdue '
failing='^.+:[0-9]+:[0-9]+: (error|warning) '
# The day the check took as today; unset only if the step that sets it never ran.
as_of="${HANDBOOK_TODAY:+ as of $HANDBOOK_TODAY}"
{
  if [ ! -f "$report" ]; then
    printf 'The weekly check of protocol reviews did not run: a step before it failed. '
    printf 'See the run, %s\n' "$run"
  else
    reviews="$(grep -E "$review" "$report" || true)"
    others="$(grep -Ev "$review" "$report" | grep -cE "$failing" || true)"
    printf 'The weekly check%s (30 days from now) ' "$as_of"
    if [ -n "$reviews" ]; then
      # The backticks are Markdown's code fence, written as they are (SC2016: no expansion meant).
      # shellcheck disable=SC2016
      printf 'found:\n\n```\n%s\n```\n' "$reviews"
      if [ "$others" != 0 ]; then
        printf '\nIt also failed for other reasons: see the run, %s\n' "$run"
      fi
    else
      printf 'found no review falling due, but failed for other reasons: see the run, %s\n' "$run"
    fi
  fi
} > "$body"
open="$(gh issue list --repo "$GITHUB_REPOSITORY" --state open --search "in:title \"$TITLE\"" \
  --json number --jq '.[0].number // empty')"
if [ -n "$open" ]; then
  gh issue comment "$open" --repo "$GITHUB_REPOSITORY" --body-file "$body"
else
  gh issue create --repo "$GITHUB_REPOSITORY" --title "$TITLE" --body-file "$body"
fi
