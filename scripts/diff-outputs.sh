#!/usr/bin/env bash
# Builds two revisions in temporary worktrees and diffs what users get from them: the five seeds'
# catalogs (`extract`), the five bundled cities' workbooks (unzipped XML, timestamps stripped) and
# `check`'s JSON on test/fixtures/check. Usage: scripts/diff-outputs.sh <rev-a> <rev-b>
# Exit 0 when every output is the same, 1 when any differs (the diff is printed).
set -euo pipefail
[ $# -eq 2 ] || { echo "用法 Usage: scripts/diff-outputs.sh <rev-a> <rev-b>" >&2; exit 2; }
repo=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'for side in a b; do git -C "$repo" worktree remove --force "$work/$side-src" 2>/dev/null || true; done; rm -rf "$work"' EXIT

outputs() { # <rev> <side>
  local src="$work/$2-src" out="$work/$2"
  git -C "$repo" worktree add --detach --quiet "$src" "$1"
  ln -s "$repo/node_modules" "$src/node_modules"
  (cd "$src" && npx tsc -p tsconfig.cli.json >/dev/null)
  mkdir -p "$out/catalogs" "$out/workbooks" "$out/check"
  for seed in "$src"/seeds/*.txt; do
    (cd "$src" && node bin/liangxin.js extract "$seed") >"$out/catalogs/$(basename "$seed" .txt).json" || true
  done
  (cd "$src" && node bin/liangxin.js workbook --all -o "$work/$2-xlsx" >/dev/null 2>&1) || true
  for book in "$work/$2-xlsx"/*.xlsx; do
    local name; name=$(basename "$book" .xlsx)
    mkdir -p "$out/workbooks/$name"
    (cd "$out/workbooks/$name" && unzip -q -o "$book")
    # Creation and modification times change with every write.
    find "$out/workbooks/$name" -name '*.xml' -exec sed -i -E \
      's#<dcterms:(created|modified)[^>]*>[^<]*</dcterms:[a-z]+>##g' {} +
  done
  local fixtures="$src/test/fixtures/check"
  # Relative paths: the output names its input files, and the two worktrees differ in their paths.
  (cd "$fixtures" && node "$src/bin/liangxin.js" check report-gb18030.csv --city catalog.json \
    --baselines baselines.csv --format json) >"$out/check/report.json" 2>/dev/null || true
}

outputs "$1" a
outputs "$2" b
for side in a b; do
  echo "$side: $(find "$work/$side/catalogs" -size +1k | wc -l) catalogs, $(find "$work/$side/workbooks" -name '*.xml' | wc -l) workbook XML parts, check $(wc -c <"$work/$side/check/report.json") bytes"
done
if diff -r "$work/a" "$work/b"; then
  echo "相同 Same: catalogs, workbooks and check outputs of $1 and $2 agree."
else
  echo "不同 Different: see the diff above." >&2
  exit 1
fi
