// The facilitator's console in a browser (the headless host's, or beside the window's): start, pause and end
// rounds, set the speed, inject disruptions from the palette, see each team's code, QR code, devices and
// figures, and revoke a code. Opens only with the facilitator key (kept after '#' in the link).
"use strict";

const $ = (id) => document.getElementById(id);
let link = null;
let room = null;
let paletteKey = "";
let voicesKey = "";

function open(key) {
  openedWith = key;
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
      CF.toast(msg.accepted ? (msg.repeat ? t("already-done") : t("accepted")) : t("rejected", { reason: msg.reason }), msg.accepted ? "good" : "bad");
      break;
    case "error":
      if (msg.error === "forbidden") {
        link.close();
        $("login").hidden = false;
        $("app").hidden = true;
        $("login-error").textContent = CF.errorText(msg);
      } else {
        CF.toast(CF.errorText(msg), "bad");
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
  $("pause").textContent = c.paused ? t("console-resume") : t("console-pause");
  $("speeds").innerHTML = r.speeds.map((s) =>
    `<button data-speed="${s}" class="${s === c.speed ? "selected" : ""}">${s}×</button>`).join("");
  const key = JSON.stringify([r.palette, r.teams.map((t) => t.team), CF.lang]);
  if (key !== paletteKey) {
    paletteKey = key;
    $("palette").innerHTML = r.palette.map((p) => `<option value="${CF.esc(p.id)}">${CF.esc(p.headline)}</option>`).join("");
    $("targets").innerHTML = `<label class="inline"><input type="checkbox" id="all-teams" checked> ${t("console-all-teams")}</label>` +
      r.teams.map((t, i) => `<label class="inline"><input type="checkbox" class="target" value="${i}"> ${CF.esc(t.team)}</label>`).join("");
  }
  $("teams").innerHTML = r.teams.map((t, i) => `
    <div class="card team-card">
      <div class="team-head"><strong>${CF.esc(t.team)}</strong> <span class="muted">${CF.esc(t.design)}</span></div>
      <div class="qr">${t.qr_svg}</div>
      <div class="code">${CF.esc(t.code)}</div>
      <div class="muted small">${CF.esc(t.join_url)}</div>
      <div>${CF.t(t.devices.length === 1 ? "console-device" : "console-devices", { count: t.devices.length })}${t.devices.filter((d) => d).length ? `: ${CF.esc(t.devices.filter((d) => d).join(", "))}` : ""}</div>
      <div>${CF.t("console-figures", { delivered: t.figures.delivered, late: t.figures.late, profit: CF.money(t.figures.profit), wip: t.figures.wip })}</div>
      <button data-revoke="${i}">${CF.t("console-new-code")}</button>
    </div>`).join("");
  renderVoices(r.voices);
  $("ticker").innerHTML = r.ticker.slice().reverse().map((t) =>
    `<li class="${t.severity}"><span class="muted">R${t.round} ${CF.clock(t.minute)}</span> ${CF.esc(t.text)}</li>`).join("");
}

// The room's voices, anonymous: the self-assessments as distributions (before and after), the hopes and
// fears by the facilitator's themes (type or pick a theme beside each), and the dialogue answers to pin.
function renderVoices(v) {
  const box = $("voices");
  // Not while the facilitator types a theme or drags an item: the next update (or the drop) draws it.
  if (box.contains(document.activeElement) && document.activeElement.tagName !== "BUTTON") return;
  if (dragging) {
    waiting = v;
    return;
  }
  const key = JSON.stringify(v);
  if (key === voicesKey) return;
  voicesKey = key;
  const dist = (counts) => {
    const most = Math.max(1, ...counts);
    const n = counts.reduce((a, b) => a + b, 0);
    const mean = n ? counts.reduce((s, c, i) => s + c * (i + 1), 0) / n : null;
    return `<span class="dist">${counts.map((c, i) => `<i title="${i + 1}: ${c}" style="height:${4 + Math.round(28 * c / most)}px"></i>`).join("")}</span>
      <span class="muted small">${mean == null ? "–" : t("mean", { mean: mean.toLocaleString(CF.lang === "sv" ? "sv-SE" : "en", { maximumFractionDigits: 1 }) })}</span>`;
  };
  const scales = v.scales.map((s) => `<tr><td>${s.level === 0 ? `<strong>${CF.esc(v.labels.themes[s.theme])}</strong><br>` : ""}${CF.esc(v.labels.levels[s.level])}</td>
    <td>${t("before")} ${dist(s.before)}</td><td>${t("after")} ${dist(s.after)}</td></tr>`).join("");
  // Each hope or fear can be dragged onto a theme (a cluster, or one of the suggested themes below them), or
  // given a theme by typing or picking it beside it.
  const items = (list, fear) => {
    const themes = [...new Set(list.map((i) => i.theme))].sort((a, b) => (a === "") - (b === "") || a.localeCompare(b));
    const used = new Set(themes);
    const clusters = themes.map((theme) => `<div class="cluster" data-theme="${CF.esc(theme)}" data-fear="${fear}"><h4>${CF.esc(theme || t("unclustered"))}</h4><ul>${list.filter((i) => i.theme === theme).map((i) =>
      `<li draggable="true" data-participant="${CF.esc(i.participant)}" data-index="${i.index}" data-fear="${fear}" title="${t("drag-hint")}">${CF.esc(i.text)} <input class="tag" list="clusters" value="${CF.esc(i.theme)}" placeholder="${t("theme-for")}" aria-label="${t("theme-for")}"
        data-participant="${CF.esc(i.participant)}" data-index="${i.index}" data-fear="${fear}"></li>`).join("")}</ul></div>`).join("");
    const chips = v.clusters.filter((c) => !used.has(c)).map((c) =>
      `<span class="chip" data-theme="${CF.esc(c)}" data-fear="${fear}">${CF.esc(c)}</span>`).join("");
    return clusters ? `${clusters}<div class="chips">${chips}</div>` : `<p class="muted">${t("nothing-yet")}</p>`;
  };
  const answer = (a) => `<li>${CF.esc(a.text)}${a.signed ? ` <span class="muted">— ${CF.esc(a.signed)}</span>` : ""}
    <span class="muted small">(${CF.esc(room.teams[a.factory] ? room.teams[a.factory].team : "")})</span>
    <button data-pin="${CF.esc(a.participant)}" data-round="${a.round}" data-question="${a.question}" data-on="${!a.pinned}">${a.pinned ? t("unpin") : t("pin")}</button></li>`;
  const pinned = v.answers.filter((a) => a.pinned);
  const moments = v.moments.map(([at, note]) => `<li><strong>${CF.esc(at)}</strong> ${CF.esc(note)}</li>`).join("");
  const rounds = [...new Set(v.answers.map((a) => a.round))];
  const dialogue = rounds.map((r) => `<h4>${CF.esc(t("round-over", { round: r, rounds: room.clock.rounds }))}</h4>` +
    v.labels.questions.map((q, qi) => {
      const list = v.answers.filter((a) => a.round === r && a.question === qi);
      return list.length ? `<div><strong>${CF.esc(q)}</strong><ul>${list.map(answer).join("")}</ul></div>` : "";
    }).join("")).join("");
  box.innerHTML = `<h2>${t("voices")}</h2>
    <p class="muted">${t("participants", { count: v.participants, before: v.assessed[0], after: v.assessed[1] })}</p>
    <datalist id="clusters">${v.clusters.map((c) => `<option value="${CF.esc(c)}">`).join("")}</datalist>
    <table class="scales">${scales}</table>
    <div class="columns"><div><h3>${t("hopes")}</h3>${items(v.hopes, false)}</div><div><h3>${t("fears")}</h3>${items(v.fears, true)}</div></div>
    <div class="row"><input id="pin-note" maxlength="280" placeholder="${t("pin-note")}"> <button id="pin-now">📌 ${t("pin-now")}</button></div>
    ${moments ? `<h4>${t("moments")}</h4><ul>${moments}</ul>` : ""}
    <h3>${t("dialogue")}</h3>
    ${pinned.length ? `<div class="pinned"><h4>${t("pinned")}</h4><ul>${pinned.map(answer).join("")}</ul></div>` : ""}
    ${dialogue || `<p class="muted">${t("nothing-yet")}</p>`}`;
}

// Puts a hope or fear (`item`: its participant, index and whether a fear) under `theme` ("": no theme).
function tag(item, theme) {
  control({ curate: { Tag: { item, theme: theme.trim() } } });
}

const itemOf = (el) => ({ participant: el.dataset.participant, fear: el.dataset.fear === "true", index: Number(el.dataset.index) });

document.addEventListener("change", (e) => {
  const el = e.target;
  if (!room || !el.classList.contains("tag")) return;
  tag(itemOf(el), el.value);
  el.blur();
});

// Clustering by dragging: a hope or fear dropped onto a theme (a cluster or a suggested theme) of its own
// column goes under that theme; dropped onto "not clustered", it leaves its theme.
let dragging = null;
let waiting = null;
const dropTarget = (e) => {
  const target = e.target.closest && e.target.closest("#voices [data-theme]");
  return target && dragging && target.dataset.fear === String(dragging.fear) ? target : null;
};
document.addEventListener("dragstart", (e) => {
  const li = e.target.closest && e.target.closest("#voices li[draggable]");
  if (!li) return;
  dragging = itemOf(li);
  e.dataTransfer.setData("text/plain", JSON.stringify(dragging));
  e.dataTransfer.effectAllowed = "move";
});
document.addEventListener("dragover", (e) => {
  const target = dropTarget(e);
  if (!target) return;
  e.preventDefault();
  target.classList.add("over");
});
document.addEventListener("dragleave", (e) => {
  const target = e.target.closest && e.target.closest("#voices [data-theme]");
  if (target) target.classList.remove("over");
});
document.addEventListener("drop", (e) => {
  const target = dropTarget(e);
  if (!target) return;
  e.preventDefault();
  target.classList.remove("over");
  tag(dragging, target.dataset.theme);
});
document.addEventListener("dragend", () => {
  dragging = null;
  if (waiting) {
    const v = waiting;
    waiting = null;
    renderVoices(v);
  }
});

document.addEventListener("click", (e) => {
  const t = e.target;
  if (!room || t.tagName !== "BUTTON" || t.disabled) return;
  if (t.id === "pin-now") {
    control({ pin_now: { note: $("pin-note").value.trim() } });
    $("pin-note").value = "";
    return;
  }
  if (t.dataset.pin !== undefined) {
    control({ curate: { PinAnswer: { answer: { participant: t.dataset.pin, round: Number(t.dataset.round), question: Number(t.dataset.question) }, on: t.dataset.on === "true" } } });
    return;
  }
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
    if (confirm(CF.t("console-revoke-confirm", { team: team.team }))) {
      control({ revoke: { team: Number(t.dataset.revoke) } });
    }
  }
});

$("login-button").addEventListener("click", () => open($("key").value.trim()));
// The console's language: its texts at once, and the room's states (names, ticker, labels) from the host in
// it after reconnecting.
let openedWith = "";
$("lang").addEventListener("change", (e) => CF.setLang(e.target.value, () => {
  voicesKey = "";
  paletteKey = "";
  if (openedWith) open(openedWith);
}));
CF.localize();
const key = decodeURIComponent(location.hash.slice(1));
if (key) open(key); else $("login").hidden = false;
