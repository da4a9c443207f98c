// The facilitator's console in a browser (the headless host's, or beside the window's): start, pause and end
// rounds, set the speed, inject disruptions from the palette, see each team's code, QR code, devices and
// figures, and revoke a code. Opens only with the facilitator key (kept after '#' in the link).
"use strict";

const $ = (id) => document.getElementById(id);
let link = null;
let room = null;
let paletteKey = "";

function open(key) {
  if (link) link.close();
  link = new CF.Link(
    () => ({ type: "console", key, lang: CF.lang }),
    onMessage,
    (text, ok) => { const s = $("status"); s.textContent = text; s.className = `status ${ok ? "on" : "off"}`; },
  );
}

function onMessage(msg) {
  switch (msg.type) {
    case "console_open":
      $("login").hidden = true;
      $("app").hidden = false;
      break;
    case "room":
      room = msg;
      render();
      break;
    case "ack":
      CF.toast(msg.accepted ? (msg.repeat ? "Already done" : "Done") : `Not done: ${msg.reason}`, msg.accepted ? "good" : "bad");
      break;
    case "error":
      if (msg.error === "forbidden") {
        link.close();
        $("login").hidden = false;
        $("app").hidden = true;
        $("login-error").textContent = msg.message;
      } else {
        CF.toast(msg.message, "bad");
      }
      break;
  }
}

function control(c) {
  link.send({ type: "control", control: c });
}

function render() {
  const r = room;
  const c = r.clock;
  $("scenario").textContent = `· ${r.scenario}`;
  $("clock").innerHTML = `<strong>${CF.esc(CF.roundText(c))}</strong> <span class="muted">(${CF.esc(CF.paceText(c))})</span>`;
  $("start").disabled = c.running || c.finished;
  $("end").disabled = !c.running;
  $("pause").textContent = c.paused ? "Resume" : "Pause";
  $("speeds").innerHTML = r.speeds.map((s) =>
    `<button data-speed="${s}" class="${s === c.speed ? "selected" : ""}">${s}×</button>`).join("");
  const key = JSON.stringify([r.palette, r.teams.map((t) => t.team)]);
  if (key !== paletteKey) {
    paletteKey = key;
    $("palette").innerHTML = r.palette.map((p) => `<option value="${CF.esc(p.id)}">${CF.esc(p.headline)}</option>`).join("");
    $("targets").innerHTML = `<label class="inline"><input type="checkbox" id="all-teams" checked> all teams</label>` +
      r.teams.map((t, i) => `<label class="inline"><input type="checkbox" class="target" value="${i}"> ${CF.esc(t.team)}</label>`).join("");
  }
  $("teams").innerHTML = r.teams.map((t, i) => `
    <div class="card team-card">
      <div class="team-head"><strong>${CF.esc(t.team)}</strong> <span class="muted">${CF.esc(t.design)}</span></div>
      <div class="qr">${t.qr_svg}</div>
      <div class="code">${CF.esc(t.code)}</div>
      <div class="muted small">${CF.esc(t.join_url)}</div>
      <div>${t.devices.length} device${t.devices.length === 1 ? "" : "s"}${t.devices.filter((d) => d).length ? `: ${CF.esc(t.devices.filter((d) => d).join(", "))}` : ""}</div>
      <div>Delivered ${t.figures.delivered} · late ${t.figures.late} · profit ${CF.money(t.figures.profit)} · WIP ${t.figures.wip}</div>
      <button data-revoke="${i}">New code</button>
    </div>`).join("");
  $("ticker").innerHTML = r.ticker.slice().reverse().map((t) =>
    `<li class="${t.severity}"><span class="muted">R${t.round} ${CF.clock(t.minute)}</span> ${CF.esc(t.text)}</li>`).join("");
}

document.addEventListener("click", (e) => {
  const t = e.target;
  if (!room || t.tagName !== "BUTTON" || t.disabled) return;
  if (t.id === "start") control("start_round");
  else if (t.id === "end") control("end_round");
  else if (t.id === "pause") control(room.clock.paused ? "resume" : "pause");
  else if (t.dataset.speed) control({ speed: Number(t.dataset.speed) });
  else if (t.id === "inject") {
    const teams = $("all-teams").checked ? [] :
      Array.from(document.querySelectorAll(".target:checked"), (el) => Number(el.value));
    control({ inject: { disruption: $("palette").value, teams } });
  } else if (t.dataset.revoke !== undefined) {
    const team = room.teams[Number(t.dataset.revoke)];
    if (confirm(`Give ${team.team} a new code? Its devices must join again with the new one.`)) {
      control({ revoke: { team: Number(t.dataset.revoke) } });
    }
  }
});

$("login-button").addEventListener("click", () => open($("key").value.trim()));
const key = decodeURIComponent(location.hash.slice(1));
if (key) open(key); else $("login").hidden = false;
