//! Helpers for the host's tests: a host running in this process on a loopback port with its own record, and
//! a real WebSocket client. Every wait is bounded.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::Value;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use cakefactory::host::run::{HostOptions, run};

/// The longest any single wait in these tests lasts.
pub const WAIT: Duration = Duration::from_secs(10);

/// A host serving a session in this process.
pub struct TestHost {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// Each team's join code (grouped as shown).
    pub codes: Vec<String>,
    /// The facilitator key.
    pub key: String,
    /// The session record's folder.
    pub dir: PathBuf,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<Result<(), String>>>,
}

impl TestHost {
    /// Starts a host of `teams` teams of the default scenario at `speed`, recording into `dir` (or resuming
    /// the record there).
    pub fn start(teams: u32, speed: f64, dir: &Path, resume: bool) -> TestHost {
        let stop = Arc::new(AtomicBool::new(false));
        let (tx, rx) = std::sync::mpsc::channel();
        let resume =
            resume.then(|| cakefactory::sim::record::load(dir).expect("a record to resume"));
        let options = HostOptions {
            model: Arc::new(cakefactory::scenario::default_model().unwrap()),
            teams: Some(teams),
            seed: 7,
            listen: "127.0.0.1:0".parse().unwrap(),
            public_url: None,
            record: Some(dir.to_path_buf()),
            resume,
            speed,
            exit_when_finished: false,
        };
        let flag = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            run(options, flag, |s| {
                let _ = tx.send((
                    s.addr,
                    s.teams.iter().map(|t| t.1.clone()).collect::<Vec<_>>(),
                    s.console_url.clone(),
                ));
            })
        });
        let (addr, codes, console) = match rx.recv_timeout(WAIT) {
            Ok(v) => v,
            Err(_) => panic!("the host did not start: {:?}", thread.join()),
        };
        let key = console.split('#').nth(1).unwrap().to_string();
        TestHost {
            base: format!("http://{addr}"),
            codes,
            key,
            dir: dir.to_path_buf(),
            stop,
            thread: Some(thread),
        }
    }

    /// The WebSocket's address.
    pub fn ws(&self) -> String {
        format!("{}/ws", self.base.replace("http://", "ws://"))
    }

    /// Stops the host and waits for it; its error, if it had one.
    pub fn stop(mut self) -> Result<(), String> {
        self.halt()
    }

    fn halt(&mut self) -> Result<(), String> {
        self.stop.store(true, Ordering::Relaxed);
        match self.thread.take() {
            Some(t) => t.join().unwrap_or_else(|_| Err("the host panicked".into())),
            None => Ok(()),
        }
    }
}

impl Drop for TestHost {
    fn drop(&mut self) {
        let _ = self.halt();
    }
}

/// A device's WebSocket connection.
pub struct Client {
    ws: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl Client {
    /// Connects to the host's WebSocket.
    pub async fn connect(url: &str) -> Client {
        let (ws, _) = tokio::time::timeout(WAIT, tokio_tungstenite::connect_async(url))
            .await
            .expect("connect in time")
            .expect("connect");
        Client { ws }
    }

    /// Connects and joins a team; returns the client after its welcome.
    pub async fn join(url: &str, code: &str, who: &str) -> Client {
        let mut c = Client::connect(url).await;
        c.send_json(&serde_json::json!({"type": "join", "code": code, "who": who}))
            .await;
        let welcome = c.recv_type("welcome").await;
        assert_eq!(welcome["who"], who);
        c
    }

    /// Sends text as one message.
    pub async fn send(&mut self, text: &str) {
        self.ws
            .send(Message::Text(text.into()))
            .await
            .expect("send");
    }

    /// Sends a JSON value.
    pub async fn send_json(&mut self, v: &Value) {
        self.send(&v.to_string()).await;
    }

    /// Sends raw bytes as a binary message.
    pub async fn send_binary(&mut self, bytes: Vec<u8>) {
        self.ws
            .send(Message::Binary(bytes.into()))
            .await
            .expect("send");
    }

    /// The next JSON message (`None` when the host closed the connection).
    pub async fn next(&mut self) -> Option<Value> {
        loop {
            let m = tokio::time::timeout(WAIT, self.ws.next())
                .await
                .expect("a message in time");
            match m {
                Some(Ok(Message::Text(t))) => {
                    return Some(serde_json::from_str(t.as_str()).expect("JSON from the host"));
                }
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return None,
                Some(Ok(_)) => {}
            }
        }
    }

    /// The next message of type `ty`, skipping others.
    pub async fn recv_type(&mut self, ty: &str) -> Value {
        loop {
            let v = self
                .next()
                .await
                .unwrap_or_else(|| panic!("closed while waiting for {ty}"));
            if v["type"] == ty {
                return v;
            }
        }
    }

    /// The answer to the command with `key`, skipping other messages.
    pub async fn ack(&mut self, key: &str) -> Value {
        loop {
            let v = self.recv_type("ack").await;
            if v["key"] == key {
                return v;
            }
        }
    }

    /// Sends a team decision with `key`.
    pub async fn decide(&mut self, key: &str, action: Value) {
        self.send_json(&serde_json::json!({"type": "command", "key": key, "action": action}))
            .await;
    }
}

/// The journal's command lines.
pub fn journal_commands(dir: &Path) -> Vec<Value> {
    std::fs::read_to_string(dir.join("journal.jsonl"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|v| v["entry"] == "command")
        .collect()
}

/// A fresh folder for a test's record.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cf-host-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The session record in `dir`, checked to re-simulate exactly.
pub fn verified_record(dir: &Path) -> cakefactory::sim::record::LoadedRecord {
    let record = cakefactory::sim::record::load(dir).unwrap();
    cakefactory::headless::record::verify(&record)
        .map_err(|e| format!("{e:?}"))
        .unwrap();
    record
}

/// The debrief of `record`, the session recorded in `dir`: its event log read with its journal.
pub fn debrief_of(
    dir: &Path,
    record: &cakefactory::sim::record::LoadedRecord,
) -> cakefactory::debrief::Debrief {
    let events = cakefactory::sim::journal::read_log(&dir.join("events.jsonl")).unwrap();
    cakefactory::debrief::Debrief::from_record(&events, &record.entries).unwrap()
}
