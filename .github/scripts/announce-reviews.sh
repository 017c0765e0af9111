#!/usr/bin/env bash
# Says in an issue which protocol reviews fall due within 30 days (workflows/reviews.yml):
# opens one, or comments on the one still open, so that the committee hears of it. GitHub
# itself tells only whoever last edited the schedule of a failed scheduled run.
# $1: the output of `handbook check --strict` as of 30 days on. From the workflow:
# HANDBOOK_TODAY, TITLE, GITHUB_REPOSITORY and GH_TOKEN (`gh` is on GitHub's runners).
set -euo pipefail
report="$1"
body="$(mktemp)"
{
  printf 'The weekly check as of %s (30 days from now) found:\n\n```\n' "$HANDBOOK_TODAY"
  # The reviews falling due; anything else that failed the check, where there are none.
  grep -F protocol.review-overdue "$report" || cat "$report"
  printf '```\n'
} > "$body"
open="$(gh issue list --repo "$GITHUB_REPOSITORY" --state open --search "in:title \"$TITLE\"" \
  --json number --jq '.[0].number // empty')"
if [ -n "$open" ]; then
  gh issue comment "$open" --repo "$GITHUB_REPOSITORY" --body-file "$body"
else
  gh issue create --repo "$GITHUB_REPOSITORY" --title "$TITLE" --body-file "$body"
fi
