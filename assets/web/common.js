// Cake Factory's browser pages: what the team client and the console share. The connection to the host
// (reconnecting by itself), commands with idempotency keys (re-sent after a reconnect until answered),
// escaping and number formats. Served by the game itself; no library, no build step.
"use strict";

const CF = {};

CF.esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({
  "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
}[c]));

CF.clock = (minutes) => {
  const m = Math.max(0, Math.floor(minutes));
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
};

CF.money = (x) => (x < 0 ? "−" : "") + Math.round(Math.abs(x)).toLocaleString("en");

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
      this.onStatus("connected", true);
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
      this.onStatus("reconnecting…", false);
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
  if (c.finished) return "The game is over";
  if (c.running) return `Round ${c.round} of ${c.rounds} · ${CF.clock(c.minute)} of ${CF.clock(c.round_minutes)}`;
  if (c.round === 0) return `Waiting for round 1 of ${c.rounds}`;
  return `Round ${c.round} of ${c.rounds} is over`;
};

CF.paceText = (c) => (c.paused ? "paused" : `${c.speed} min/s`);
