#!/usr/bin/env bash
# The dashboard's cost: the same run without it, with it, and with it watched (a client on the
# live channel), alternated so drift in the machine hits every mode alike. Whole process: silo
# start and shutdown included. Reports wall time and CPU time (user + system); CPU time is the
# steadier figure when other work shares the machine.
# Usage: bench/dashboard-overhead.sh [rounds] [run options…]. Build first: dotnet build -c Release Simulator
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}; shift || true
S=Simulator/bin/Release/net10.0/M2MSim.Simulator.dll
modes=(off on watched)
out=$(mktemp -d)
TIMEFORMAT='%R %U %S'
for r in $(seq "$rounds"); do
  for mode in "${modes[@]}"; do
    args=(run scenarios/quickstart.yaml --out "$out/$mode-$r" "$@")
    [ "$mode" = off ] && args+=(--no-dashboard)
    { time dotnet $S "${args[@]}" > "$out/$mode-$r.log"; } 2> "$out/$mode-$r.time" &
    pid=$!
    if [ "$mode" = watched ]; then
      until grep -q '^Dashboard: ' "$out/$mode-$r.log" 2>/dev/null; do sleep 0.05; done
      curl -sN "$(grep -o '^Dashboard: [^ ]*' "$out/$mode-$r.log" | cut -d' ' -f2)api/events" > /dev/null &
      watcher=$!
    fi
    wait $pid
    [ "$mode" = watched ] && { kill $watcher 2>/dev/null || true; }
    read -r wall user sys < <(tail -1 "$out/$mode-$r.time")
    echo "$mode $wall $(echo "$user + $sys" | bc)" >> "$out/all"
    printf '%-8s round %d: wall %6.2f s, cpu %6.2f s\n' "$mode" "$r" "$wall" "$(echo "$user + $sys" | bc)"
  done
  cmp -s "$out/off-$r/trades.csv" "$out/on-$r/trades.csv" || echo "trades.csv differs in round $r!"
done
awk '{w[$1] += $2; c[$1] += $3; n[$1]++}
     END {for (m in w) printf "%-8s mean wall %6.2f s (%+5.1f %%), cpu %6.2f s (%+5.1f %%) against off\n", m, w[m]/n[m], (w[m]/w["off"] - 1) * 100, c[m]/n[m], (c[m]/c["off"] - 1) * 100}' "$out/all" | sort
rm -rf "$out"
