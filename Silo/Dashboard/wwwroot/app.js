// The live economy view: one server-sent event stream (/api/events) feeds uPlot charts and a few
// tables; the buttons call the JSON API. Every chart keeps at most History ticks.
"use strict";
const History = 2000;
const colors = { price: "#333", bid: "#2a9d4b", ask: "#d0492a", volume: "#4a7bd0", trades: "#c98a00", supply: "#4a7bd0", fees: "#d0492a", gini: "#7a3fb0" };
const $ = id => document.getElementById(id);
const charts = {}; // name → { plot, data: [ticks, ...series], element }
let run = null;

function chart(name, parent, series, axes) {
  const element = document.createElement("div");
  element.className = "chart";
  element.dataset.chart = name;
  element.dataset.points = "0";
  parent.appendChild(element);
  const width = Math.max(parent.clientWidth - 10, 400);
  const plot = new uPlot({
    width, height: 200, scales: { x: { time: false } },
    series: [{ label: "tick" }, ...series.map(s => ({ label: s.label, stroke: s.color, scale: s.scale || "y", width: 1.5 }))],
    axes: axes || [{}, {}],
  }, [[], ...series.map(() => [])], element);
  charts[name] = { plot, data: [[], ...series.map(() => [])], element };
}

function setUp(info) {
  run = info;
  $("name").textContent = info.name;
  $("summary").textContent = `${info.devices.toLocaleString()} devices · seed ${info.seed} · engine ${info.engine} · ${info.shards} shards · ${info.silos} silo(s)`;
  $("ticks").textContent = info.ticks.toLocaleString();
  $("progress").max = info.ticks;
  // Every market's box first, so each has its final width when its charts take it.
  const boxes = info.resources.map(resource => {
    const box = document.createElement("div");
    box.innerHTML = `<h2>${resource}</h2>`;
    $("markets").appendChild(box);
    return box;
  });
  info.resources.forEach((resource, i) => {
    const box = boxes[i];
    chart(`price-${resource}`, box, [{ label: "price", color: colors.price }, { label: "best bid", color: colors.bid }, { label: "best ask", color: colors.ask }]);
    chart(`volume-${resource}`, box, [{ label: "volume", color: colors.volume }, { label: "trades", color: colors.trades, scale: "n" }],
      [{}, { scale: "y" }, { scale: "n", side: 1, grid: { show: false } }]);
  });
  chart("money", $("money"), [{ label: "money supply", color: colors.supply }, { label: "fees collected", color: colors.fees, scale: "f" }],
    [{}, { scale: "y", size: 70 }, { scale: "f", side: 1, grid: { show: false } }]);
  chart("gini", $("gini"), [{ label: "Gini", color: colors.gini }]);
  $("devices").innerHTML = info.devicesByType.map(t => `<tr><td>${t.type}</td><td>${t.online.toLocaleString()}</td><td>${t.offline}</td></tr>`).join("");
}

function append(name, tick, values) {
  const c = charts[name];
  c.data[0].push(tick);
  values.forEach((v, i) => c.data[i + 1].push(v));
  if (c.data[0].length > History) c.data.forEach(series => series.shift());
}

function addPoints(points) {
  for (const p of points) {
    p.markets.forEach(m => {
      append(`price-${m.resource}`, p.tick, [m.trades ? m.price : null, m.bestBid || null, m.bestAsk || null]);
      append(`volume-${m.resource}`, p.tick, [m.volume, m.trades]);
    });
    append("money", p.tick, [p.moneySupply, p.feesTotal]);
    append("gini", p.tick, [p.gini]);
    $("active").textContent = `Devices active in the last tick: ${p.activeDevices.toLocaleString()}.`;
  }
  if (points.length === 0) return;
  for (const c of Object.values(charts)) {
    c.plot.setData(c.data);
    c.element.dataset.points = String(c.data[0].length);
  }
}

function showEconomy(e) {
  if (!e) return;
  const total = e.decileWealth.reduce((a, b) => a + b, 0) || 1;
  $("deciles").innerHTML = e.decileWealth.map((w, i) =>
    `<div><span>${(i + 1) * 10}%</span><i style="width:${(300 * w / total).toFixed(1)}px"></i><span>${(100 * w / total).toFixed(1)} %</span></div>`).join("");
  $("richest").innerHTML = e.richest.map(d => `<tr><td>${d.id}</td><td>${d.type}</td><td>${(d.wealth / 1e6).toFixed(2)}</td></tr>`).join("");
  if (e.offlineByType && run) $("devices").innerHTML = run.devicesByType.map((t, i) =>
    `<tr><td>${t.type}</td><td>${(t.online - e.offlineByType[i]).toLocaleString()}</td><td>${e.offlineByType[i].toLocaleString()}</td></tr>`).join("");
  $("books").innerHTML = e.markets.map(m => `<tr><td>${m.resource}</td><td>${m.orders.toLocaleString()}</td><td>${m.unfilled.toLocaleString()}</td></tr>`).join("");
}

function show(update) {
  if (update.run && !run) setUp(update.run);
  if (!run) return;
  addPoints(update.points);
  $("tick").textContent = update.ticksDone.toLocaleString();
  $("tick").dataset.tick = String(update.ticksDone);
  $("progress").value = update.ticksDone;
  $("state").textContent = update.state;
  $("state").className = `state ${update.state}`;
  $("rate").textContent = update.ticksPerSecond > 0 ? `${update.ticksPerSecond.toFixed(1)} ticks/s` : "";
  $("pause").disabled = update.state !== "running";
  $("resume").disabled = update.state !== "paused";
  $("stop").disabled = !["running", "paused"].includes(update.state);
  $("error").hidden = !update.error;
  $("error").textContent = update.error || "";
  showEconomy(update.economy);
  document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
}

async function control(action) {
  const response = await fetch(`api/run/${action}`, { method: "POST" });
  if (response.ok) show({ ...(await response.json()), points: [] });
}

for (const action of ["pause", "resume", "stop"]) $(action).addEventListener("click", () => control(action));
new EventSource("api/events").onmessage = message => show(JSON.parse(message.data));
