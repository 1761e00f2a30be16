#!/usr/bin/env bash
# The README's setup as a new user runs it: an empty HOME (no pnpm store, no npm or corepack
# cache, no AWS config), pnpm installed with npm at the version package.json pins, a clone of this
# repository, `pnpm install`, then the quick start through the documented command.
# Run by .ci/run; by hand: `bash scripts/fresh-home-check.sh` (about 2 minutes: every package is
# downloaded again, as on a new machine). It checks the committed state (a clone of HEAD).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
want=$(node -p 'require(process.argv[1]).packageManager.replace(/^pnpm@/, "")' "$repo/package.json")

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/home"
git clone --quiet --no-hardlinks "$repo" "$scratch/orgops"
cd "$scratch/orgops"

# Nothing from the current user may leak in: an empty HOME and no XDG or npm/pnpm overrides.
for var in $(env | sed -n 's/^\(XDG_[A-Z_]*\|npm_config_[a-z_]*\|NPM_CONFIG_[A-Z_]*\|PNPM_HOME\|COREPACK_[A-Z_]*\)=.*/\1/p'); do
  unset "$var"
done
export HOME="$scratch/home"

# The README's setup line, into a private prefix so the machine's own pnpm is neither used nor changed.
npm install --global --prefix "$scratch/prefix" "pnpm@$want" --no-audit --no-fund --no-update-notifier --loglevel=error
export PATH="$scratch/prefix/bin:$PATH"

got=$(pnpm --version)
if [ "$got" != "$want" ]; then
  echo "fresh-home-check: pnpm $got on PATH, package.json pins $want" >&2
  exit 1
fi
pnpm install --frozen-lockfile --reporter=silent
pnpm orgops validate

# The documented command: only the plan on stdout, and the real exit code (2: changes).
set +e
pnpm orgops plan --format json >"$scratch/plan.json" 2>"$scratch/plan.err"
code=$?
set -e
if [ "$code" != 2 ]; then
  cat "$scratch/plan.err" >&2
  echo "fresh-home-check: pnpm orgops plan exited $code, expected 2 (changes)" >&2
  exit 1
fi
node -e 'const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); if (!p.summary.total) process.exit(1)' "$scratch/plan.json"
echo "fresh-home-check: pnpm $got, install, validate and plan work with an empty HOME"
