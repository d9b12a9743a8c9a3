#!/usr/bin/env bash
# The main job: the clinic's content validated, then the whole editorial story
# (office manager drafts, reviewer approves, hooks publish) in a throwaway
# repository made from content/. Run by `make demo`; the suite runs it too.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
clinicctl=${CLINICCTL:-$root/.build/debug/clinicctl}
demo=${DEMO_DIR:-$root/.demo}
manager="Olivia Office <office@jasonthept.example>"
reviewer="Jason Reviewer <jason@jasonthept.example>"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { printf '$ clinicctl %s\n' "$*"; "$clinicctl" "$@"; }

[ -x "$clinicctl" ] || { echo "demo: $clinicctl is not built; run 'make build' first" >&2; exit 1; }

step "1. The clinic's content in content/ is valid"
(cd "$root" && run validate)
(cd "$root" && run summary --worktree)

step "2. A content repository for the demo, made from content/ (in $demo)"
rm -rf "$demo"
mkdir -p "$demo"
run init "$demo/repo" --from "$root/content" --hooks "$root/hooks" --reviewer "$reviewer" --as "$manager"
cd "$demo/repo"
export CLINIC_WEBROOT="$demo/webroot"

step "3. The office manager adds an FAQ entry and opens Glenview on Saturday mornings, in one draft"
export CLINICCTL_AUTHOR="$manager"
run faq add --question "Do you take insurance?" \
    --answer "Yes. We bill most major plans; call us at [773.999.9825](tel:+17739999825) to check yours."
run hours set glenview sat 9am-1pm --draft faq-do-you-take-insurance

step "4. The reviewer reads the draft"
export CLINICCTL_AUTHOR="$reviewer"
run drafts
run review show faq-do-you-take-insurance

step "5. The reviewer approves: the draft is merged onto main and published by the hooks"
run review approve faq-do-you-take-insurance

step "6. Where things stand"
run status
run history

step "7. The published bundle"
bundle="$CLINIC_WEBROOT/current/bundle.json"
echo "bundle: $bundle"
ls -l "$CLINIC_WEBROOT/current/"
head -n 25 "$bundle"
echo "..."
echo
echo "demo: done (the repository is $demo/repo, the web root $CLINIC_WEBROOT)"
