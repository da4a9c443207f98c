// The team client: joins a team with its code, shows the team's factory at a glance, its figures, offers
// and ticker, and offers every decision of the window's team panel. Each decision is a command with an
// idempotency key, answered "accepted" or "rejected" with the reason.
"use strict";

const $ = (id) => document.getElementById(id);
let link = null;
let state = null;
let decisionsKey = "";
let deferred = false;
let reflectionKey = "";
// What this participant is typing or has sent for the team they joined, kept on the device so that a redraw
// or a reload loses nothing (and another session's answers never show up in this one).
let draft = {};
const draftKey = () => `cf-draft-${sessionStorage.getItem("cf-code") || ""}`;
const saveDraft = () => localStorage.setItem(draftKey(), JSON.stringify(draft));
const standup = { every: 120, minutes: 10, factory: false };

function codeFromAddress() {
  const m = location.pathname.match(/^\/join\/([^/]+)$/);
  return m ? decodeURIComponent(m[1]) : (sessionStorage.getItem("cf-code") || "");
}

function startJoin(code, who) {
  sessionStorage.setItem("cf-code", code);
  draft = JSON.parse(localStorage.getItem(draftKey()) || "{}");
  localStorage.setItem("cf-who", who);
  if (link) link.close();
  link = new CF.Link(
    () => ({ type: "join", code, who, lang: CF.lang }),
    onMessage,
    (text, ok) => { const s = $("status"); s.textContent = text; s.className = `status ${ok ? "on" : "off"}`; },
  );
}

function showJoin(error) {
  $("join").hidden = false;
  $("app").hidden = true;
  $("join-error").textContent = error || "";
}

function onMessage(msg) {
  switch (msg.type) {
    case "welcome":
      $("join").hidden = true;
      $("app").hidden = false;
      $("team-name").textContent = `· ${msg.team}`;
      $("who").textContent = msg.who ? `· ${msg.who}` : "";
      document.title = `Cake Factory · ${msg.team}`;
      break;
    case "state":
      state = msg;
      render();
      break;
    case "ack":
      if (msg.accepted) {
        CF.toast(msg.repeat ? t("already-done") : t("accepted"), "good");
      } else {
        CF.toast(t("rejected", { reason: msg.reason }), "bad");
        // The controls go back to what the factory has.
        decisionsKey = "";
        if (state) renderDecisions(state);
      }
      break;
    case "error":
      if (msg.error === "unknown_code" || msg.error === "revoked") {
        link.close();
        showJoin(CF.errorText(msg));
      } else {
        CF.toast(CF.errorText(msg), "bad");
      }
      break;
  }
}

function decide(action) {
  link.send({ type: "command", action });
}

function render() {
  const s = state;
  const c = s.clock;
  $("clock").innerHTML = `<strong>${CF.esc(s.team)}</strong> · ${CF.esc(CF.roundText(c))}
    <span class="muted">(${CF.esc(CF.paceText(c))})</span>`;
  const f = s.figures;
  $("figures").innerHTML = [
    [t("delivered"), f.delivered, ""],
    [t("late"), f.late, f.late > 0 ? "warn" : ""],
    [t("profit"), CF.money(f.profit), f.profit < 0 ? "bad" : ""],
    [t("in-factory"), f.wip, ""],
    [t("past-due"), f.overdue, f.overdue > 0 ? "bad" : ""],
  ].map(([k, v, cls]) => `<div class="figure ${cls}"><div class="value">${CF.esc(v)}</div><div class="label">${k}</div></div>`).join("");
  renderOffers(s);
  renderReflection(s);
  renderGlance(s);
  $("ticker").innerHTML = s.ticker.slice().reverse().map((t) =>
    `<li class="${t.severity}"><span class="muted">R${t.round} ${CF.clock(t.minute)}</span> ${CF.esc(t.text)}</li>`).join("");
  renderDecisions(s);
}

function renderOffers(s) {
  $("offers").innerHTML = s.offers.map((o) => `
    <div class="card offer">
      <strong>${t("rush-offer")}</strong> ${CF.esc(t("rush-terms", { quantity: o.quantity, product: o.product, price: CF.money(o.price), due: dueText(o.due_minute, s.clock) }))}
      <div class="muted">${o.seconds_left == null ? t("clock-stopped") : t("left-to-answer", { time: CF.countdown(o.seconds_left) })}</div>
      <button class="primary" data-offer="${o.offer}" data-accept="true">${t("accept")}</button>
      <button data-offer="${o.offer}" data-accept="false">${t("decline")}</button>
    </div>`).join("");
}

function dueText(m, c) {
  if (c.round_minutes <= 0 || m < c.round_minutes) return m < 0 ? t("ago", { time: CF.clock(-m) }) : CF.clock(m);
  const later = Math.floor(m / c.round_minutes);
  return t("round-at", { round: c.round + later, time: CF.clock(m - later * c.round_minutes) });
}

function renderGlance(s) {
  const steps = s.steps.filter((st) => st.owned || st.queued + st.working + st.processing + st.asking + st.blocked + st.incoming > 0);
  const most = Math.max(1, ...steps.map((st) => st.queued + st.blocked));
  const rows = steps.map((st) => {
    const waiting = st.queued + st.blocked;
    const bar = Math.round((100 * waiting) / most);
    const limit = st.wip_limit != null ? ` <span class="tag">WIP ≤ ${st.wip_limit}</span>` : "";
    const people = st.people.length ? CF.esc(st.people.join(", ")) : `<span class="muted">${t("nobody")}</span>`;
    return `<div class="step">
      <div class="step-name">${CF.esc(st.name)}${limit}</div>
      <div class="bar" title="${t("waiting", { count: waiting })}"><div style="width:${bar}%"></div></div>
      <div class="step-counts">${t("queued", { count: st.queued })}${st.blocked ? `, ${t("outside", { count: st.blocked })}` : ""} · ${t("in-work", { count: st.working + st.processing })}${st.asking ? ` · ${t("asking", { count: st.asking })}` : ""}</div>
      <div class="step-people">${people}</div>
    </div>`;
  }).join("");
  const stations = s.stations.map((st) =>
    `<span class="station ${st.down > 0 ? "down" : ""}">${CF.esc(st.name)} ${st.in_use}/${st.count}${st.down > 0 ? ` · ${t("down", { count: st.down })}` : ""}</span>`).join(" ");
  $("glance").innerHTML = `${rows}<div class="stations">${stations}</div>
    <div class="muted">${CF.esc(t("design-now", { design: s.design }))}${s.pending_design ? ` → ${CF.esc(t("next-round", { design: s.pending_design }))}` : ""}</div>`;
}

// The decisions are drawn again only when they change, and not while someone is typing in them.
function renderDecisions(s) {
  const key = JSON.stringify([s.designs, s.pending_design, s.units, s.people.map((p) => [p.unit, p.spanner, p.moves]),
    s.practices, s.helping_refusals, s.steps.map((st) => [st.wip_limit, st.owned]), s.orders.map((o) => [o.id, o.expedited])]);
  const box = $("decisions");
  if (box.contains(document.activeElement) && document.activeElement.tagName !== "BUTTON") {
    deferred = true;
    return;
  }
  if (key === decisionsKey && !deferred) {
    updatePeopleDoing(s);
    return;
  }
  decisionsKey = key;
  deferred = false;
  box.innerHTML = designSection(s) + peopleSection(s) + practicesSection(s) + ordersSection(s);
}

function updatePeopleDoing(s) {
  s.people.forEach((p, i) => {
    const el = document.getElementById(`doing-${i}`);
    if (el) el.textContent = p.doing;
  });
}

function designSection(s) {
  const current = Math.max(0, s.designs.findIndex((d) => d.title === (s.pending_design || s.design)));
  const options = s.designs.map((d, i) =>
    `<option value="${i}" ${i === current ? "selected" : ""} ${d.refusal ? `disabled title="${CF.esc(d.refusal)}"` : ""}>${CF.esc(d.title)}${d.refusal ? ` ${t("not-possible")}` : ""}</option>`).join("");
  return `<section class="card"><h2>${t("design-heading")}</h2>
    <div>${t("now")} <strong>${CF.esc(s.design)}</strong>${s.pending_design ? `<div class="warn">${CF.esc(t("from-next-round", { design: s.pending_design }))}</div>` : ""}</div>
    <label>${t("switch-to")} <select id="design">${options}</select></label>
    <button data-act="design">${t("switch")}</button>
    <div class="muted" id="design-about">${CF.esc(s.designs[current]?.description || "")}</div></section>`;
}

function peopleSection(s) {
  const rows = s.people.map((p, i) => {
    const options = s.units.map((u, k) => {
      const why = p.moves[k];
      const disabled = why && k !== p.unit ? `disabled title="${CF.esc(why)}"` : "";
      return `<option value="${k}" ${k === p.unit ? "selected" : ""} ${disabled}>${CF.esc(u.name)}</option>`;
    }).join("");
    return `<tr><td title="${CF.esc(p.skills)}"><strong>${CF.esc(p.name)}</strong></td>
      <td><select data-act="move" data-person="${i}" aria-label="${CF.esc(t("unit-of", { name: p.name }))}">${options}</select></td>
      <td><label class="inline"><input type="checkbox" data-act="spanner" data-person="${i}" ${p.spanner ? "checked" : ""}> ★</label></td>
      <td class="muted" id="doing-${i}">${CF.esc(p.doing)}</td></tr>`;
  }).join("");
  return `<section class="card"><h2>${t("people")}</h2>
    <p class="muted">${t("people-help")}</p>
    <table class="people">${rows}</table></section>`;
}

function practicesSection(s) {
  const p = s.practices;
  const helping = [["None", t("helping-none")], ["OwnUnit", t("helping-own-unit")], ["Anyone", t("helping-anyone")]].map(([v, label], i) => {
    const why = s.helping_refusals[i];
    const on = p.helping === v;
    return `<button data-act="helping" data-value="${v}" class="${on ? "selected" : ""}" ${why && !on ? `disabled title="${CF.esc(why)}"` : ""}>${label}</button>`;
  }).join("");
  const priority = [["Fifo", t("priority-fifo")], ["EarliestDue", t("priority-earliest-due")]].map(([v, label]) =>
    `<button data-act="priority" data-value="${v}" class="${p.priority === v ? "selected" : ""}">${label}</button>`).join("");
  const limits = s.steps.filter((st) => st.owned).map((st) => `<tr><td>${CF.esc(st.name)}</td>
    <td><input type="number" min="1" max="50" value="${st.wip_limit ?? 5}" id="wip-${CF.esc(st.id)}" aria-label="${CF.esc(t("wip-limit-of", { step: st.name }))}"></td>
    <td><button data-act="wip" data-step="${CF.esc(st.id)}">${st.wip_limit != null ? t("change") : t("set")}</button>
    ${st.wip_limit != null ? `<button data-act="wip-off" data-step="${CF.esc(st.id)}">${t("remove")}</button>` : ""}</td></tr>`).join("");
  const su = p.standup;
  return `<section class="card"><h2>${t("practices")}</h2>
    <div class="row"><label class="inline"><input type="checkbox" data-act="standup" ${su ? "checked" : ""}> ${t("standups")}</label>
      ${su ? `<span class="muted">${t("standup-now", { every: su.every_min, minutes: su.duration_min, scope: su.scope === "Factory" ? t("whole-factory") : t("each-unit") })}</span>` : ""}</div>
    <div class="row">${t("every")} <input type="number" id="su-every" min="30" max="480" value="${standup.every}"> ${t("min-for")}
      <input type="number" id="su-minutes" min="5" max="30" value="${standup.minutes}"> ${t("min")}
      <label class="inline"><input type="checkbox" id="su-factory" ${standup.factory ? "checked" : ""}> ${t("whole-factory")}</label></div>
    <div class="row"><label class="inline"><input type="checkbox" data-act="board" ${p.shared_board ? "checked" : ""}> ${t("shared-board")}</label></div>
    <div class="row">${t("helping")} ${helping}</div>
    <div class="row">${t("queues")} ${priority}</div>
    <div>${t("wip-limits")}</div><table>${limits}</table></section>`;
}

function ordersSection(s) {
  const rows = s.orders.map((o) => `<tr class="${o.overdue ? "bad" : ""}"><td>#${o.id}</td><td>${CF.esc(o.product)}</td>
    <td>${CF.esc(o.step)} · ${CF.esc(o.status)}</td><td>${t("due", { due: dueText(o.due_minute, s.clock) })}</td>
    <td>${o.expedited ? `<span class="tag">${t("expedited")}</span>` : `<button data-act="expedite" data-order="${o.id}">${t("expedite", { cost: CF.money(s.expedite_cost) })}</button>`}</td></tr>`).join("");
  return `<section class="card"><h2>${t("orders", { count: s.figures.wip })}</h2>
    <table class="orders">${rows}</table></section>`;
}

// The learning meeting on the device: before the game hopes, fears and the self-assessment; after each round
// the team's answers to the three questions; after the game the self-assessment again and one commitment.
function reflectionPhase(c) {
  if (c.finished) return "after";
  if (c.running) return "";
  return c.round === 0 ? "before" : "dialogue";
}

function renderReflection(s) {
  const phase = reflectionPhase(s.clock);
  const box = $("reflection");
  const key = JSON.stringify([phase, s.clock.round, s.dialogue, s.labels, CF.lang]);
  if (box.contains(document.activeElement) && document.activeElement.tagName !== "BUTTON") return;
  if (key === reflectionKey) return;
  reflectionKey = key;
  if (!phase) { box.innerHTML = ""; return; }
  const sign = `<label class="inline"><input type="checkbox" id="sign" ${draft.sign ? "checked" : ""}> ${CF.esc(t("sign", { name: localStorage.getItem("cf-who") || "—" }))}</label>`;
  let body = "";
  if (phase === "before") {
    const list = (kind) => [0, 1, 2].map((i) =>
      `<input id="${kind}-${i}" maxlength="280" value="${CF.esc((draft[kind] || [])[i] || "")}" aria-label="${CF.esc(t(kind))} ${i + 1}">`).join("");
    body = `<h2>${t("before-title")}</h2><p class="muted">${t("anonymous")}</p>
      <div class="hopes"><div><h3>${t("hopes")}</h3>${list("hope")}</div><div><h3>${t("fears")}</h3>${list("fear")}</div></div>
      ${scalesTable(s, "before")}${sign}
      <button class="primary" data-act="send-before">${t("send")}</button>`;
  } else if (phase === "after") {
    body = `<h2>${t("after-title")}</h2><p class="muted">${t("anonymous")}</p>${scalesTable(s, "after")}
      <label>${t("commitment")} <textarea id="commitment" maxlength="280">${CF.esc(draft.commitment || "")}</textarea></label>${sign}
      <button class="primary" data-act="send-after">${t("send")}</button>`;
  } else {
    const r = s.clock.round;
    const mine = (q) => s.dialogue.find((a) => a.round === r && a.question === q && a.participant === CF.participant);
    const questions = s.labels.questions.map((text, q) => {
      const others = s.dialogue.filter((a) => a.round === r && a.question === q && a.participant !== CF.participant);
      const own = mine(q);
      return `<label>${CF.esc(text)} <textarea id="q-${q}" maxlength="280">${CF.esc(own ? own.text : ((draft.q || {})[`${r}-${q}`] || ""))}</textarea></label>
        <ul class="answers">${others.map((a) => `<li>${CF.esc(a.text)}${a.signed ? ` <span class="muted">— ${CF.esc(a.signed)}</span>` : ""}</li>`).join("")}</ul>`;
    }).join("");
    body = `<h2>${t("dialogue-title", { round: r })}</h2><p class="muted">${t("dialogue-help")}</p>${questions}${sign}
      <button class="primary" data-act="send-dialogue">${t("send")}</button>`;
  }
  box.innerHTML = `<section class="card reflection">${body}</section>`;
}

// The self-assessment: a row per theme and level, 1 (poor) to 5 (excellent).
function scalesTable(s, phase) {
  const scores = (draft[phase] || [[0, 0, 0], [0, 0, 0], [0, 0, 0]]);
  const rows = s.labels.themes.map((theme, th) => s.labels.levels.map((level, lv) => `<tr>
    <td>${lv === 0 ? `<strong>${CF.esc(theme)}</strong><br>` : ""}${CF.esc(level)}</td>
    ${[1, 2, 3, 4, 5].map((v) => `<td><label class="score"><input type="radio" name="${phase}-${th}-${lv}" value="${v}" ${scores[th][lv] === v ? "checked" : ""} aria-label="${CF.esc(theme)}, ${CF.esc(level)}: ${v}">${v}</label></td>`).join("")}
  </tr>`).join("")).join("");
  return `<h3>${t("assessment")}</h3><p class="muted">${t("scale-help")}</p><table class="scales">${rows}</table>`;
}

function readScores(phase) {
  return [0, 1, 2].map((th) => [0, 1, 2].map((lv) => {
    const el = document.querySelector(`input[name="${phase}-${th}-${lv}"]:checked`);
    return el ? Number(el.value) : 0;
  }));
}

function signed() {
  const box = $("sign");
  draft.sign = box ? box.checked : false;
  return draft.sign ? (localStorage.getItem("cf-who") || "") : "";
}

function voice(v) {
  link.send({ type: "voice", participant: CF.participant, signed: signed(), voice: v });
}

function sendReflection(act) {
  if (act === "send-before") {
    draft.hope = [0, 1, 2].map((i) => $(`hope-${i}`).value.trim());
    draft.fear = [0, 1, 2].map((i) => $(`fear-${i}`).value.trim());
    draft.before = readScores("before");
    voice({ HopesAndFears: { hopes: draft.hope.filter((h) => h), fears: draft.fear.filter((f) => f) } });
    voice({ Assessment: { phase: "Before", scores: draft.before } });
  } else if (act === "send-after") {
    draft.after = readScores("after");
    draft.commitment = $("commitment").value.trim();
    voice({ Assessment: { phase: "After", scores: draft.after } });
    voice({ Commitment: { text: draft.commitment } });
  } else if (act === "send-dialogue") {
    const r = state.clock.round;
    draft.q = draft.q || {};
    [0, 1, 2].forEach((q) => {
      const text = $(`q-${q}`).value.trim();
      draft.q[`${r}-${q}`] = text;
      voice({ Dialogue: { round: r, question: q, text } });
    });
  }
  saveDraft();
  reflectionKey = "";
}

function onClick(e) {
  const t = e.target.closest("[data-act],[data-offer]");
  if (!t || !state || t.disabled) return;
  if (t.dataset.offer !== undefined && t.tagName === "BUTTON") {
    decide({ RespondToOffer: { offer: Number(t.dataset.offer), accept: t.dataset.accept === "true" } });
    return;
  }
  const act = t.dataset.act;
  if (act && act.startsWith("send-")) {
    sendReflection(act);
    return;
  }
  if (act === "design") {
    const d = state.designs[Number($("design").value)];
    if (d) decide({ SetDesign: d.name });
  } else if (act === "helping") {
    decide({ SetPractice: { Helping: t.dataset.value } });
  } else if (act === "priority") {
    decide({ SetPractice: { Priority: t.dataset.value } });
  } else if (act === "wip") {
    const limit = Math.round(Number($(`wip-${t.dataset.step}`).value));
    decide({ SetPractice: { WipLimit: { step: t.dataset.step, limit } } });
  } else if (act === "wip-off") {
    decide({ SetPractice: { WipLimit: { step: t.dataset.step, limit: null } } });
  } else if (act === "expedite") {
    decide({ Expedite: { order: Number(t.dataset.order) } });
  }
}

function onChange(e) {
  const t = e.target;
  if (!state) return;
  if (t.id === "design") {
    const d = state.designs[Number(t.value)];
    $("design-about").textContent = d ? d.description : "";
    return;
  }
  if (t.id === "su-every") standup.every = Number(t.value);
  if (t.id === "su-minutes") standup.minutes = Number(t.value);
  if (t.id === "su-factory") standup.factory = t.checked;
  const act = t.dataset.act;
  const person = state.people[Number(t.dataset.person)];
  if (act === "move" && person) {
    const unit = state.units[Number(t.value)];
    if (unit) decide({ MoveWorker: { worker: person.id, unit: unit.id } });
  } else if (act === "spanner" && person) {
    decide({ SetSpanner: { worker: person.id, on: t.checked } });
  } else if (act === "board") {
    decide({ SetPractice: { SharedBoard: t.checked } });
  } else if (act === "standup") {
    decide({ SetPractice: { Standup: t.checked
      ? { every_min: standup.every, duration_min: standup.minutes, scope: standup.factory ? "Factory" : "Unit" }
      : null } });
  }
  t.blur();
}

CF.localize();
// Another language: the page's texts at once, the factory's (names, ticker) from the host in a moment.
$("lang").addEventListener("change", (e) => CF.setLang(e.target.value, () => {
  decisionsKey = "";
  if (state) render();
  if (link) link.renew();
}));
document.addEventListener("click", onClick);
document.addEventListener("change", onChange);
$("who-input").value = localStorage.getItem("cf-who") || "";
$("code").value = codeFromAddress();
$("join-button").addEventListener("click", () => {
  const code = $("code").value.trim();
  if (!code) { showJoin(t("type-code")); return; }
  startJoin(code, $("who-input").value.trim());
});
// Devices that drop reconnect by themselves; the team's page keeps its code for the tab's life.
if (codeFromAddress() && sessionStorage.getItem("cf-joined") === codeFromAddress()) {
  startJoin(codeFromAddress(), localStorage.getItem("cf-who") || "");
}
window.addEventListener("beforeunload", () => {
  if (state) sessionStorage.setItem("cf-joined", sessionStorage.getItem("cf-code") || "");
});
