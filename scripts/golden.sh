#!/usr/bin/env bash
# Golden outputs: runs every shipped scenario, shortened, and prints the SHA-256 of each output that
# depends only on scenario + seed + backend (summary.json and the CSVs; never run.json or plots).
# Usage: scripts/golden.sh OUTDIR   (compare two invocations' listings with diff;
# ENSEMBLE="java -jar OLD.jar" runs another build)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:?usage: golden.sh OUTDIR}"
mkdir -p "$out"
while read -r name sets; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  args=()
  for s in $sets; do args+=(--set "$s"); done
  rm -rf "${out:?}/$name"
  ${ENSEMBLE:-"$here/ensemble"} run "$here/scenarios/$name.conf" "${args[@]}" --no-metrics --no-plots --quiet \
      --out "$out/$name" > "$out/$name.log" 2>&1 || echo "$name: exit $?" >&2
  (cd "$out/$name" && find . -type f \( -name '*.csv' -o -name 'summary.json' \) | LC_ALL=C sort | xargs sha256sum \
      | sed "s|  \./|  $name/|")
done <<'LIST'
double-well-escape population.size=2000 run.time=100 backend=java
double-well-arrhenius population.size=500 run.time=100 backend=java
muller-brown-escape population.size=1000 run.time=40 backend=java
desai-zwanzig-phase-transition population.size=4000 run.time=8 backend=java
desai-zwanzig-switching run.time=400 backend=java
mckean-vlasov-vs-pde population.size=5000 run.time=2 backend=java
muller-brown-vs-pde population.size=2000 run.time=2 backend=java
pair-kernel-vs-pde population.size=5000 run.time=1 backend=java
pair-kernel-2d-vs-pde population.size=1000 run.time=1 backend=java
mmn-isotropic-gaussians network.width=200 training.time=1
noisy-sgd-free-energy network.width=100 training.time=2
parity-width training.time=20
teacher-student-width training.time=40
LIST
