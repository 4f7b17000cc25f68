#!/usr/bin/env bash
# What a checkpoint costs: the same run with a checkpoint every K ticks, on the grains and on the
# reference engine. Reads from each manifest the checkpoints saved and the seconds the run paused
# for them (the driver times every checkpoint: capture from the grains, JSON, write, rename), and
# the run's seconds per tick without checkpoints, so the cost is given per checkpoint and as a
# share of a tick, and the size of the last checkpoint on disk.
# Usage: bench/checkpoint-cost.sh [scenario] [every] [run options…]. Build first: dotnet build -c Release Simulator
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-scenarios/bench/market.yaml}; shift || true
every=${1:-5}; shift || true
S=Simulator/bin/Release/net10.0/M2MSim.Simulator.dll
out=$(mktemp -d)
echo "commit $(git rev-parse --short HEAD), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; $scenario, a checkpoint every $every ticks"
for engine in orleans reference; do
  dotnet $S run "$scenario" --engine "$engine" --no-dashboard --out "$out/$engine-plain" "$@" > /dev/null
  dotnet $S run "$scenario" --engine "$engine" --no-dashboard --out "$out/$engine-ckpt" --checkpoint-every "$every" "$@" > /dev/null
  for f in ticks trades devices; do
    [ -f "$out/$engine-plain/$f.csv" ] && { cmp -s "$out/$engine-plain/$f.csv" "$out/$engine-ckpt/$f.csv" || echo "$f.csv differs!"; }
  done
  python3 - "$out/$engine-plain/manifest.json" "$out/$engine-ckpt/manifest.json" "$engine" <<'PY'
import json, sys
plain, ckpt, engine = (json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3])
ticks = plain["ticks_run"]; devices = plain["devices"]
per_tick = plain["wall_seconds"] / ticks
saved, seconds = ckpt["checkpoints"]["saved"], ckpt["checkpoints"]["seconds"]
each = seconds / saved if saved else float("nan")
print(f"{engine:9} {devices:,} devices: {per_tick:.3f} s/tick without checkpoints (whole run / ticks); "
      f"{saved} checkpoints, {each:.3f} s each = {each / per_tick:.2f} ticks' time, "
      f"{each / devices * 1e6:.1f} µs per device, {ckpt['checkpoints']['bytes'] / devices:.0f} bytes per device on disk; wall {plain['wall_seconds']:.1f} s -> {ckpt['wall_seconds']:.1f} s")
PY
done
rm -rf "$out"
