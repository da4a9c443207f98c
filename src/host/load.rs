//! The host's load test (`cakefactory load-test`, and a quick run in the tests): a hosted session on a
//! loopback port, a facilitator's console starting every round, and many devices per team deciding all the
//! time, some dropping their connection with a command unanswered and sending it again after reconnecting.
//! Measures command-to-answer times and updates per device, and counts lost and duplicated commands against
//! the session's journal.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

use super::run::{HostOptions, run};
use crate::i18n::{Lang, decimal};
use crate::scenario::Model;
use crate::sim::record::{Entry, Source};
use crate::t;

/// What to load the host with.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Teams in the session.
    pub teams: u32,
    /// Devices joined to each team.
    pub devices: u32,
    /// The game's speed (simulated minutes per real second).
    pub speed: f64,
    /// How long the devices keep deciding.
    pub seconds: f64,
    /// Each device's time between decisions.
    pub every: Duration,
}

/// What the load test measured.
#[derive(Clone, Debug, Default)]
pub struct LoadReport {
    /// Devices that joined.
    pub devices: usize,
    /// Commands sent (each key counted once, however often it was sent).
    pub commands: usize,
    /// Of them, answered.
    pub answered: usize,
    /// Keys sent that neither got an answer nor reached the journal.
    pub lost: usize,
    /// Keys the journal holds more than once.
    pub duplicated: usize,
    /// Keys sent again after a reconnect.
    pub resent: usize,
    /// Command-to-answer times (ms): median, 99th percentile and the longest.
    pub p50_ms: f64,
    /// The 99th percentile.
    pub p99_ms: f64,
    /// The longest.
    pub max_ms: f64,
    /// State updates per second: the fewest any device got, and the mean.
    pub min_updates_per_s: f64,
    /// The mean over devices.
    pub mean_updates_per_s: f64,
    /// How long the devices decided.
    pub seconds: f64,
}

impl LoadReport {
    /// The figures as lines of text in `l`.
    pub fn text(&self, o: &LoadOptions, l: Lang) -> String {
        let d = |x: f64| decimal(l, x, 1);
        [
            t!(
                l,
                "load-setup",
                teams = o.teams,
                devices = o.devices,
                joined = self.devices,
                speed = o.speed,
                seconds = d(self.seconds),
                every = o.every.as_millis() as u64
            ),
            t!(
                l,
                "load-commands",
                sent = self.commands,
                answered = self.answered,
                lost = self.lost,
                duplicated = self.duplicated,
                resent = self.resent
            ),
            t!(
                l,
                "load-latency",
                median = d(self.p50_ms),
                p99 = d(self.p99_ms),
                longest = d(self.max_ms)
            ),
            t!(
                l,
                "load-updates",
                least = d(self.min_updates_per_s),
                mean = d(self.mean_updates_per_s)
            ),
        ]
        .iter()
        .map(|line| format!("{line}\n"))
        .collect()
    }
}

/// What one device saw.
#[derive(Default)]
struct DeviceLog {
    sent: Vec<String>,
    answered: HashMap<String, f64>,
    updates: usize,
    resent: usize,
}

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn join(url: &str, code: &str, who: &str) -> Result<Socket, String> {
    let (mut ws, _) = tokio_tungstenite::connect_async(url)
        .await
        .map_err(|e| format!("cannot connect to {url}: {e}"))?;
    let hello = json!({"type": "join", "code": code, "who": who}).to_string();
    ws.send(Message::Text(hello.into()))
        .await
        .map_err(|e| e.to_string())?;
    Ok(ws)
}

/// The decision a device gives the `n`th time: practices that every design allows, so the session takes
/// them all (a rejected one is answered just the same).
fn decision(n: usize) -> Value {
    match n % 4 {
        0 => json!({"SetPractice": {"Priority": "EarliestDue"}}),
        1 => json!({"SetPractice": {"SharedBoard": true}}),
        2 => json!({"SetPractice": {"Priority": "Fifo"}}),
        _ => json!({"SetPractice": {"SharedBoard": false}}),
    }
}

/// One device: decides every `every` until `until`; with `drop_once`, halfway it drops its connection right
/// after sending and sends that command again after reconnecting.
async fn device(
    url: String,
    code: String,
    id: String,
    every: Duration,
    until: Instant,
    drop_once: bool,
) -> Result<DeviceLog, String> {
    let mut log = DeviceLog::default();
    let mut ws = join(&url, &code, &id).await?;
    let start = Instant::now();
    let halfway = start + (until - start) / 2;
    let mut sent_at: HashMap<String, Instant> = HashMap::new();
    let mut dropped = !drop_once;
    let mut next = Instant::now() + every;
    let mut n = 0;
    loop {
        let now = Instant::now();
        if now >= until {
            break;
        }
        let wake = tokio::time::Instant::from_std(next.min(until));
        tokio::select! {
            m = ws.next() => match m {
                Some(Ok(Message::Text(t))) => {
                    let v: Value = serde_json::from_str(t.as_str()).unwrap_or(Value::Null);
                    match v["type"].as_str() {
                        Some("state") => log.updates += 1,
                        Some("ack") => {
                            let key = v["key"].as_str().unwrap_or_default().to_string();
                            if let Some(t0) = sent_at.get(&key) {
                                log.answered.entry(key).or_insert(t0.elapsed().as_secs_f64() * 1000.0);
                            }
                        }
                        _ => {}
                    }
                }
                Some(Ok(_)) => {}
                _ => return Err(format!("{id}: the host closed the connection")),
            },
            () = tokio::time::sleep_until(wake) => {
                if Instant::now() >= until {
                    break;
                }
                n += 1;
                let key = format!("{id}-{n}");
                let text = json!({"type": "command", "key": key, "action": decision(n)}).to_string();
                sent_at.insert(key.clone(), Instant::now());
                log.sent.push(key.clone());
                ws.send(Message::Text(text.clone().into())).await.map_err(|e| e.to_string())?;
                next += every;
                if !dropped && Instant::now() >= halfway {
                    // The connection drops before the answer comes; the device reconnects and sends again.
                    dropped = true;
                    let _ = ws.close(None).await;
                    ws = join(&url, &code, &id).await?;
                    sent_at.insert(key.clone(), Instant::now());
                    ws.send(Message::Text(text.into())).await.map_err(|e| e.to_string())?;
                    log.resent += 1;
                }
            }
        }
    }
    // The answers still on their way.
    let grace = Instant::now() + Duration::from_secs(2);
    while log.answered.len() < log.sent.len() && Instant::now() < grace {
        let left = tokio::time::Instant::from_std(grace);
        tokio::select! {
            m = ws.next() => match m {
                Some(Ok(Message::Text(t))) => {
                    let v: Value = serde_json::from_str(t.as_str()).unwrap_or(Value::Null);
                    if v["type"] == "ack" {
                        let key = v["key"].as_str().unwrap_or_default().to_string();
                        if let Some(t0) = sent_at.get(&key) {
                            log.answered.entry(key).or_insert(t0.elapsed().as_secs_f64() * 1000.0);
                        }
                    }
                }
                Some(Ok(_)) => {}
                _ => break,
            },
            () = tokio::time::sleep_until(left) => break,
        }
    }
    let _ = ws.close(None).await;
    Ok(log)
}

/// The facilitator: starts each round as soon as the last one is over, until `until`.
async fn console(url: String, key: String, until: Instant) -> Result<(), String> {
    let (mut ws, _) = tokio_tungstenite::connect_async(&url)
        .await
        .map_err(|e| e.to_string())?;
    let hello = json!({"type": "console", "key": key}).to_string();
    ws.send(Message::Text(hello.into()))
        .await
        .map_err(|e| e.to_string())?;
    let mut n = 0;
    let mut asked_round = 0;
    while Instant::now() < until {
        let left = tokio::time::Instant::from_std(until);
        let m = tokio::select! {
            m = ws.next() => m,
            () = tokio::time::sleep_until(left) => break,
        };
        let Some(Ok(Message::Text(t))) = m else {
            continue;
        };
        let v: Value = serde_json::from_str(t.as_str()).unwrap_or(Value::Null);
        let c = &v["clock"];
        if v["type"] == "room" && c["running"] == false && c["finished"] == false {
            let round = c["round"].as_u64().unwrap_or(0);
            if round >= asked_round {
                asked_round = round + 1;
                n += 1;
                let start = json!({"type": "control", "key": format!("start-{n}"), "control": "start_round"});
                ws.send(Message::Text(start.to_string().into()))
                    .await
                    .map_err(|e| e.to_string())?;
            }
        }
    }
    let _ = ws.close(None).await;
    Ok(())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Runs the load test on the scenario `model`, keeping the session's record in `dir` (a new folder).
pub fn load_test(
    model: Arc<Model>,
    options: &LoadOptions,
    dir: PathBuf,
) -> Result<LoadReport, String> {
    let stop = Arc::new(AtomicBool::new(false));
    let (tx, rx) = std::sync::mpsc::channel();
    let host_options = HostOptions {
        model,
        teams: Some(options.teams),
        seed: 1,
        listen: "127.0.0.1:0".parse().map_err(|e| format!("{e}"))?,
        public_url: None,
        record: Some(dir.clone()),
        resume: None,
        speed: options.speed,
        exit_when_finished: false,
    };
    let flag = Arc::clone(&stop);
    let host = std::thread::spawn(move || {
        run(host_options, flag, |s| {
            let codes: Vec<String> = s.teams.iter().map(|t| t.1.clone()).collect();
            let _ = tx.send((s.addr, codes, s.console_url.clone()));
        })
    });
    let Ok((addr, codes, console_url)) = rx.recv_timeout(Duration::from_secs(30)) else {
        return Err(match host.join() {
            Ok(Err(e)) => e,
            _ => "the host did not start".into(),
        });
    };
    let key = console_url
        .split('#')
        .nth(1)
        .unwrap_or_default()
        .to_string();
    let url = format!("ws://{addr}/ws");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let until = Instant::now() + Duration::from_secs_f64(options.seconds);
    let began = Instant::now();
    let logs = runtime.block_on(async {
        let console = tokio::spawn(console(url.clone(), key, until));
        let mut tasks = Vec::new();
        for (team, code) in codes.iter().enumerate() {
            for d in 0..options.devices {
                let id = format!("t{team}d{d}");
                let n = team * options.devices as usize + d as usize;
                // Devices start spread over one interval, as people do.
                let offset = options.every.mul_f64((n % 97) as f64 / 97.0);
                let task = device(
                    url.clone(),
                    code.clone(),
                    id,
                    options.every,
                    until,
                    n.is_multiple_of(5),
                );
                tasks.push(tokio::spawn(async move {
                    tokio::time::sleep(offset).await;
                    task.await
                }));
            }
        }
        let mut logs = Vec::new();
        for t in tasks {
            logs.push(t.await.map_err(|e| e.to_string()).and_then(|r| r));
        }
        let _ = console.await;
        logs
    });
    let seconds = began.elapsed().as_secs_f64();
    stop.store(true, Ordering::Relaxed);
    host.join().map_err(|_| "the host panicked".to_string())??;
    let logs: Vec<DeviceLog> = logs.into_iter().collect::<Result<_, _>>()?;
    report(&logs, &dir, seconds)
}

fn report(logs: &[DeviceLog], dir: &std::path::Path, seconds: f64) -> Result<LoadReport, String> {
    let record = crate::sim::record::load(dir).map_err(|e| e.to_string())?;
    let mut journaled: HashMap<String, usize> = HashMap::new();
    for e in &record.entries {
        if let Entry::Command {
            source: Source::Device { key, .. },
            ..
        } = e
        {
            *journaled.entry(key.clone()).or_default() += 1;
        }
    }
    let mut times: Vec<f64> = logs
        .iter()
        .flat_map(|l| l.answered.values().copied())
        .collect();
    times.sort_by(f64::total_cmp);
    let sent: Vec<&String> = logs.iter().flat_map(|l| &l.sent).collect();
    let answered = logs.iter().map(|l| l.answered.len()).sum();
    let lost = sent
        .iter()
        .filter(|k| !journaled.contains_key(k.as_str()))
        .filter(|k| !logs.iter().any(|l| l.answered.contains_key(k.as_str())))
        .count();
    let rates: Vec<f64> = logs.iter().map(|l| l.updates as f64 / seconds).collect();
    Ok(LoadReport {
        devices: logs.len(),
        commands: sent.len(),
        answered,
        lost,
        duplicated: journaled.values().filter(|n| **n > 1).count(),
        resent: logs.iter().map(|l| l.resent).sum(),
        p50_ms: percentile(&times, 0.5),
        p99_ms: percentile(&times, 0.99),
        max_ms: times.last().copied().unwrap_or(0.0),
        min_updates_per_s: rates.iter().copied().fold(f64::INFINITY, f64::min).min(1e9),
        mean_updates_per_s: rates.iter().sum::<f64>() / rates.len().max(1) as f64,
        seconds,
    })
}

/// One device's whole visit, blocking (the window's smoke test): joins the team with `code` at the host's
/// WebSocket `url` as `who`, waits for the team's state, gives `action` with `key`, and returns the answer.
/// Every wait is bounded.
pub fn one_decision(
    url: &str,
    code: &str,
    who: &str,
    key: &str,
    action: Value,
) -> Result<Value, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let visit = async {
            let mut ws = join(url, code, who).await?;
            let mut decided = false;
            while let Some(m) = ws.next().await {
                let Ok(Message::Text(t)) = m else { continue };
                let v: Value = serde_json::from_str(t.as_str()).unwrap_or(Value::Null);
                match v["type"].as_str() {
                    Some("state") if !decided => {
                        decided = true;
                        let text =
                            json!({"type": "command", "key": key, "action": action}).to_string();
                        ws.send(Message::Text(text.into()))
                            .await
                            .map_err(|e| e.to_string())?;
                    }
                    Some("ack") if v["key"] == key => {
                        let _ = ws.close(None).await;
                        return Ok(v);
                    }
                    Some("error") => return Err(format!("the host answered {v}")),
                    _ => {}
                }
            }
            Err("the host closed the connection".to_string())
        };
        tokio::time::timeout(Duration::from_secs(20), visit)
            .await
            .map_err(|_| "no answer within 20 s".to_string())?
    })
}
