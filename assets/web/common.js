// Cake Factory's browser pages: what the team client and the console share. The connection to the host
// (reconnecting by itself), commands with idempotency keys (re-sent after a reconnect until answered),
// escaping, number formats and the page's language. Served by the game itself; no library, no build step.
"use strict";

const CF = {};

// The page's language: the one chosen on this device before, else the browser's when the game speaks it.
CF.lang = (() => {
  const saved = localStorage.getItem("cf-lang");
  if (saved === "en" || saved === "sv") return saved;
  return (navigator.language || "en").toLowerCase().startsWith("sv") ? "sv" : "en";
})();

// The messages, by language (filled in by /web/messages.js from the game's message files).
CF.messages = {};

// The text of message `id` in the page's language, with `{$name}` filled in from `vars`.
CF.t = (id, vars) => {
  let s = (CF.messages[CF.lang] || {})[id] ?? (CF.messages.en || {})[id] ?? id;
  for (const [k, v] of Object.entries(vars || {})) s = s.split(`{$${k}}`).join(String(v));
  return s;
};
const t = CF.t;

// Writes the page's fixed texts (elements marked data-t and data-t-placeholder) in its language.
CF.localize = () => {
  document.documentElement.lang = CF.lang;
  document.querySelectorAll("[data-t]").forEach((el) => { el.textContent = t(el.dataset.t); });
  document.querySelectorAll("[data-t-placeholder]").forEach((el) => { el.placeholder = t(el.dataset.tPlaceholder); });
  const pick = document.getElementById("lang");
  if (pick) pick.value = CF.lang;
};

// Switches the page to `lang`, kept for this device; `then()` redraws what depends on it.
CF.setLang = (lang, then) => {
  CF.lang = lang === "sv" ? "sv" : "en";
  localStorage.setItem("cf-lang", CF.lang);
  CF.localize();
  if (then) then();
};

// A host's error in the page's language, by its code; the host's own words stand beside a malformed
// message's (they say what in it was wrong).
CF.errorText = (msg) => {
  const id = `error-${String(msg.error || "").replace(/_/g, "-")}`;
  const said = t(id);
  if (said === id) return msg.message || "";
  return msg.error === "bad_message" && msg.message ? `${said} (${msg.message})` : said;
};

CF.esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({
  "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
}[c]));

CF.clock = (minutes) => {
  const m = Math.max(0, Math.floor(minutes));
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
};

CF.money = (x) => (x < 0 ? "−" : "") + Math.round(Math.abs(x)).toLocaleString(CF.lang === "sv" ? "sv-SE" : "en");

CF.countdown = (s) => {
  const t = Math.max(0, Math.ceil(s));
  return `${Math.floor(t / 60)}:${String(t % 60).padStart(2, "0")}`;
};

// A random id for this device's commands, kept for the tab's life.
CF.deviceId = (() => {
  let id = sessionStorage.getItem("cf-device");
  if (!id) {
    const bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    sessionStorage.setItem("cf-device", id);
  }
  return id;
})();

// This participant's id for their answers: made up on this device and kept on it, so that their answers
// before and after the game are theirs, while naming nobody.
CF.participant = (() => {
  let id = localStorage.getItem("cf-participant");
  if (!id || !/^[a-z0-9]{1,40}$/.test(id)) {
    const bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    id = "p" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    localStorage.setItem("cf-participant", id);
  }
  return id;
})();

// A connection to the host's WebSocket. `hello()` gives the message that joins (sent at every connect);
// `onMessage(msg)` gets every message; `onStatus(text, ok)` tells whether the link is up.
CF.Link = class {
  constructor(hello, onMessage, onStatus) {
    this.hello = hello;
    this.onMessage = onMessage;
    this.onStatus = onStatus;
    this.pending = new Map(); // key -> message, until answered
    this.counter = 0;
    this.wait = 250;
    this.closed = false;
    this.lastState = 0;
    this.connect();
  }

  connect() {
    if (this.closed) return;
    const proto = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(`${proto}//${location.host}/ws`);
    this.ws = ws;
    ws.onopen = () => {
      this.wait = 250;
      ws.send(JSON.stringify(this.hello()));
      // Commands not yet answered go again with their keys: the host applies each key once.
      for (const msg of this.pending.values()) ws.send(JSON.stringify(msg));
      this.onStatus(t("connected"), true);
    };
    ws.onmessage = (e) => {
      let msg;
      try { msg = JSON.parse(e.data); } catch { return; }
      if (msg.type === "ack") this.pending.delete(msg.key);
      if (msg.type === "state" || msg.type === "room") this.lastState = Date.now();
      this.onMessage(msg);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.onStatus(t("reconnecting"), false);
      setTimeout(() => this.connect(), this.wait);
      this.wait = Math.min(this.wait * 2, 4000);
    };
    ws.onerror = () => ws.close();
  }

  // Sends a message carrying a fresh idempotency key; returns the key.
  send(fields) {
    const key = `${CF.deviceId}-${Date.now().toString(36)}-${++this.counter}`;
    const msg = { ...fields, key };
    this.pending.set(key, msg);
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
    return key;
  }

  // Connects again (the join message may have changed, as with the language).
  renew() {
    if (this.ws) this.ws.close();
  }

  // Stops for good (a revoked code): no more reconnecting.
  close() {
    this.closed = true;
    if (this.ws) this.ws.close();
  }
};

// A short message at the bottom of the screen.
CF.toast = (text, kind) => {
  const box = document.getElementById("toasts");
  if (!box) return;
  const div = document.createElement("div");
  div.className = `toast ${kind || ""}`;
  div.textContent = text;
  box.appendChild(div);
  setTimeout(() => div.remove(), kind === "bad" ? 6000 : 2500);
  while (box.children.length > 4) box.firstChild.remove();
};

CF.roundText = (c) => {
  if (c.finished) return t("game-over");
  if (c.running) {
    return t("round-running", { round: c.round, rounds: c.rounds, minute: CF.clock(c.minute), length: CF.clock(c.round_minutes) });
  }
  if (c.round === 0) return t("waiting-first", { rounds: c.rounds });
  return t("round-over", { round: c.round, rounds: c.rounds });
};

CF.paceText = (c) => (c.paused ? t("paused") : t("pace", { speed: c.speed }));
