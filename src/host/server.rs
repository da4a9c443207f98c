//! The HTTP and WebSocket server: serves only its own embedded pages (the team client and the console), and
//! runs each device's connection: joining with a code or the facilitator key, size and rate limits,
//! passing commands on to the app, sending each answer and the latest state.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Instant;

use axum::Router;
use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::{mpsc, watch};

use super::protocol::{self, Control, ErrorCode, Reply, Request};
use super::{Inbound, Shared};
use crate::i18n::Lang;

/// Connections served at once; more are turned away (503).
const MAX_CONNECTIONS: usize = 1000;

/// The most a message may hold to be read at all: a longer message than [`super::protocol::MAX_MESSAGE_BYTES`] up to this
/// is answered `too_large`; beyond it the connection is closed unread.
const MAX_READ_BYTES: usize = 64 * 1024;

/// Messages a connection may send in a burst, and how many more it earns per second.
const BURST: f64 = 20.0;
const PER_SECOND: f64 = 10.0;

/// A connection that keeps sending after this many refusals in a row is closed.
const MAX_REFUSED: u32 = 100;

static NEXT_CONNECTION: AtomicU64 = AtomicU64::new(1);

#[derive(Clone)]
struct Server {
    shared: Arc<Shared>,
    connections: Arc<AtomicUsize>,
}

const TEAM_PAGE: &str = include_str!("../../assets/web/team.html");
const CONSOLE_PAGE: &str = include_str!("../../assets/web/console.html");
const TEAM_JS: &str = include_str!("../../assets/web/team.js");
const CONSOLE_JS: &str = include_str!("../../assets/web/console.js");
const COMMON_JS: &str = include_str!("../../assets/web/common.js");
const STYLE: &str = include_str!("../../assets/web/style.css");

/// Serves until `stop` turns true.
pub(super) async fn serve(
    listener: tokio::net::TcpListener,
    shared: Arc<Shared>,
    mut stop: watch::Receiver<bool>,
) {
    let app = Router::new()
        .route("/", get(|| async { page(TEAM_PAGE) }))
        .route("/join/{code}", get(|| async { page(TEAM_PAGE) }))
        .route("/console", get(|| async { page(CONSOLE_PAGE) }))
        .route(
            "/web/team.js",
            get(|| async { asset(TEAM_JS, "text/javascript") }),
        )
        .route(
            "/web/console.js",
            get(|| async { asset(CONSOLE_JS, "text/javascript") }),
        )
        .route(
            "/web/common.js",
            get(|| async { asset(COMMON_JS, "text/javascript") }),
        )
        .route(
            "/web/messages.js",
            get(|| async { asset(messages_js(), "text/javascript") }),
        )
        .route("/web/style.css", get(|| async { asset(STYLE, "text/css") }))
        .route("/ws", get(upgrade))
        .with_state(Server {
            shared,
            connections: Arc::new(AtomicUsize::new(0)),
        });
    let shutdown = async move {
        while !*stop.borrow() {
            if stop.changed().await.is_err() {
                break;
            }
        }
    };
    // Serving ends only when stopped; an accept error is retried by axum itself.
    let _ = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await;
}

fn headers(content_type: &'static str) -> [(header::HeaderName, &'static str); 4] {
    [
        (header::CONTENT_TYPE, content_type),
        (header::CACHE_CONTROL, "no-store"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'",
        ),
    ]
}

fn page(html: &'static str) -> Response {
    (headers("text/html; charset=utf-8"), html).into_response()
}

/// The pages' messages in every language, from the game's message files: `CF.messages = {"en": {..}, ..}`.
fn messages_js() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        let all: std::collections::BTreeMap<&str, _> = Lang::ALL
            .iter()
            .map(|l| (l.code(), crate::i18n::web_messages(*l)))
            .collect();
        format!(
            "\"use strict\";\nCF.messages = {};\n",
            serde_json::to_string(&all).unwrap_or_else(|_| "{}".into())
        )
    })
}

fn asset(text: &'static str, kind: &'static str) -> Response {
    let content_type = if kind == "text/css" {
        "text/css; charset=utf-8"
    } else {
        "text/javascript; charset=utf-8"
    };
    (headers(content_type), text).into_response()
}

/// A place among the [`MAX_CONNECTIONS`], given back when dropped: when the connection ends, or when its
/// upgrade never completes.
struct Place(Arc<AtomicUsize>);

impl Place {
    fn take(count: &Arc<AtomicUsize>) -> Option<Place> {
        if count.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            count.fetch_sub(1, Ordering::SeqCst);
            return None;
        }
        Some(Place(Arc::clone(count)))
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

async fn upgrade(State(server): State<Server>, ws: WebSocketUpgrade) -> Response {
    let Some(place) = Place::take(&server.connections) else {
        return (StatusCode::SERVICE_UNAVAILABLE, "too many devices").into_response();
    };
    ws.max_message_size(MAX_READ_BYTES)
        .max_frame_size(MAX_READ_BYTES)
        .on_upgrade(move |socket| async move {
            let id = NEXT_CONNECTION.fetch_add(1, Ordering::Relaxed);
            Connection::new(id, Arc::clone(&server.shared))
                .run(socket)
                .await;
            drop(place);
        })
}

/// What a connection has joined.
enum Joined {
    Nothing,
    /// A team, with the code used (checked again at every update: a revoked code ends the connection).
    Team {
        factory: u16,
        code: String,
        who: String,
        states: watch::Receiver<Arc<str>>,
    },
    Console {
        states: watch::Receiver<Arc<str>>,
    },
}

/// A token bucket: [`BURST`] messages at once, [`PER_SECOND`] more each second.
struct RateLimit {
    tokens: f64,
    at: Instant,
}

impl RateLimit {
    fn allow(&mut self) -> bool {
        let now = Instant::now();
        self.tokens =
            (self.tokens + now.duration_since(self.at).as_secs_f64() * PER_SECOND).min(BURST);
        self.at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

struct Connection {
    id: u64,
    shared: Arc<Shared>,
    joined: Joined,
    limit: RateLimit,
    refused: u32,
    replies: mpsc::UnboundedSender<String>,
    answers: mpsc::UnboundedReceiver<String>,
    /// The language the device or console joined in.
    lang: Lang,
}

/// The connection's loop ends.
struct Close;

impl Connection {
    fn new(id: u64, shared: Arc<Shared>) -> Connection {
        let (replies, answers) = mpsc::unbounded_channel();
        Connection {
            id,
            shared,
            joined: Joined::Nothing,
            limit: RateLimit {
                tokens: BURST,
                at: Instant::now(),
            },
            refused: 0,
            replies,
            answers,
            lang: Lang::En,
        }
    }

    async fn run(mut self, mut socket: WebSocket) {
        loop {
            let next = tokio::select! {
                message = socket.recv() => match message {
                    Some(Ok(Message::Text(text))) => self.take(text.as_str()),
                    Some(Ok(Message::Binary(_))) => {
                        self.refuse(Reply::error(ErrorCode::BadMessage, "messages are JSON text"))
                    }
                    Some(Ok(Message::Close(_))) | None => Some(Close),
                    Some(Ok(_)) => None,
                    // A frame over the size limit or a broken connection ends it.
                    Some(Err(_)) => Some(Close),
                },
                Some(answer) = self.answers.recv() => {
                    if socket.send(Message::Text(answer.into())).await.is_err() {
                        Some(Close)
                    } else {
                        None
                    }
                }
                changed = changed(&mut self.joined) => match changed {
                    Some(state) => self.send_state(&mut socket, state).await,
                    None => Some(Close),
                },
            };
            if next.is_some() {
                break;
            }
        }
        self.leave();
        let _ = socket.send(Message::Close(None)).await;
    }

    /// Takes one message from the device; replies go through the connection's own channel.
    fn take(&mut self, text: &str) -> Option<Close> {
        if !self.limit.allow() {
            return self.refuse(Reply::error(
                ErrorCode::RateLimited,
                "too many messages: wait a moment and send again",
            ));
        }
        let request = match protocol::parse(text) {
            Ok(r) => r,
            Err(reply) => return self.refuse(reply),
        };
        match request {
            Request::Join { code, who, lang } => self.join(&code, who, lang),
            Request::Console { key, lang } => self.open_console(&key, lang),
            Request::Command { key, action } => {
                let Joined::Team { factory, who, .. } = &self.joined else {
                    return self.refuse(Reply::error(
                        ErrorCode::NotJoined,
                        "join a team with its code before deciding",
                    ));
                };
                self.pass(Inbound::Command {
                    factory: *factory,
                    who: who.clone(),
                    key,
                    command: crate::domain::Command::Team {
                        factory: *factory,
                        action,
                    },
                    reply: self.replies.clone(),
                    lang: self.lang,
                })
            }
            Request::Voice {
                key,
                participant,
                signed,
                voice,
            } => {
                let Joined::Team { factory, .. } = &self.joined else {
                    return self.refuse(Reply::error(
                        ErrorCode::NotJoined,
                        "join a team with its code before answering",
                    ));
                };
                self.pass(Inbound::Command {
                    factory: *factory,
                    // Anonymous unless signed: the device's name stays out of the journal's source.
                    who: String::new(),
                    key,
                    command: crate::domain::Command::Voice {
                        factory: *factory,
                        participant,
                        signed: signed.trim().to_string(),
                        voice,
                    },
                    reply: self.replies.clone(),
                    lang: self.lang,
                })
            }
            Request::Control { key, control } => {
                if !matches!(self.joined, Joined::Console { .. }) {
                    return self.refuse(Reply::error(
                        ErrorCode::Forbidden,
                        "only the facilitator's console controls the session",
                    ));
                }
                if let Control::Revoke { team } = control {
                    let outcome = self.shared.revoke(team);
                    let _ = self.replies.send(
                        Reply::Ack {
                            key,
                            accepted: outcome.is_ok(),
                            reason: outcome.err().map(|r| crate::i18n::again(self.lang, &r)),
                            repeat: false,
                        }
                        .text(),
                    );
                    return self.accepted();
                }
                self.pass(Inbound::Control {
                    key,
                    control,
                    reply: self.replies.clone(),
                    lang: self.lang,
                })
            }
        }
    }

    fn accepted(&mut self) -> Option<Close> {
        self.refused = 0;
        None
    }

    /// Replies with an error; a connection that goes on sending only refused messages is closed.
    fn refuse(&mut self, reply: Reply) -> Option<Close> {
        self.refused += 1;
        let _ = self.replies.send(reply.text());
        (self.refused > MAX_REFUSED).then_some(Close)
    }

    fn pass(&mut self, inbound: Inbound) -> Option<Close> {
        match self.shared.inbound.try_send(inbound) {
            Ok(()) => self.accepted(),
            Err(_) => self.refuse(Reply::error(
                ErrorCode::Busy,
                "the host is busy: send again in a moment",
            )),
        }
    }

    fn join(&mut self, code: &str, who: String, lang: Lang) -> Option<Close> {
        if !matches!(self.joined, Joined::Nothing) {
            return self.refuse(Reply::error(
                ErrorCode::BadMessage,
                "this connection has already joined; open a new one to join another team",
            ));
        }
        let Some(factory) = self.shared.codes().team_of(code) else {
            return self.refuse(Reply::error(
                ErrorCode::UnknownCode,
                "no team has this code: check it on the projector",
            ));
        };
        let who = who.trim().to_string();
        let Some(states) = self.shared.team_states.get(factory as usize) else {
            return self.refuse(Reply::error(ErrorCode::UnknownCode, "no such team"));
        };
        let mut states = states[lang.index()].subscribe();
        self.lang = lang;
        // The first update goes out at once.
        states.mark_changed();
        if let Some(list) = self.shared.roster().get_mut(factory as usize) {
            list.push((self.id, who.clone()));
        }
        let team = self
            .shared
            .codes()
            .teams
            .get(factory as usize)
            .cloned()
            .unwrap_or_default();
        self.joined = Joined::Team {
            factory,
            code: team,
            who: who.clone(),
            states,
        };
        let _ = self.replies.send(
            Reply::Welcome {
                factory,
                team: self
                    .shared
                    .team_names
                    .read()
                    .map(|n| n.get(factory as usize).cloned().unwrap_or_default())
                    .unwrap_or_default(),
                who,
            }
            .text(),
        );
        self.accepted()
    }

    fn open_console(&mut self, key: &str, lang: Lang) -> Option<Close> {
        if !self.shared.codes().is_facilitator(key) {
            return self.refuse(Reply::error(
                ErrorCode::Forbidden,
                "not the facilitator key",
            ));
        }
        let mut states = self.shared.room[lang.index()].subscribe();
        self.lang = lang;
        states.mark_changed();
        self.joined = Joined::Console { states };
        let _ = self.replies.send(Reply::ConsoleOpen.text());
        self.accepted()
    }

    /// Sends the latest state, unless the team's code was revoked (then the device is told and let go).
    async fn send_state(&mut self, socket: &mut WebSocket, state: Arc<str>) -> Option<Close> {
        if let Joined::Team { factory, code, .. } = &self.joined
            && self.shared.codes().team_of(code) != Some(*factory)
        {
            let _ = socket
                .send(Message::Text(
                    Reply::error(
                        ErrorCode::Revoked,
                        "the facilitator gave this team a new code: join again with it",
                    )
                    .text()
                    .into(),
                ))
                .await;
            return Some(Close);
        }
        if state.is_empty() {
            return None;
        }
        match socket.send(Message::Text(state.as_ref().into())).await {
            Ok(()) => None,
            Err(_) => Some(Close),
        }
    }

    /// The device leaves its team's list.
    fn leave(&mut self) {
        if let Joined::Team { factory, .. } = &self.joined
            && let Some(list) = self.shared.roster().get_mut(*factory as usize)
        {
            list.retain(|(id, _)| *id != self.id);
        }
    }
}

/// The next state of what the connection joined (pending forever before it joins; `None` when the host
/// stops publishing).
async fn changed(joined: &mut Joined) -> Option<Arc<str>> {
    let states = match joined {
        Joined::Team { states, .. } | Joined::Console { states } => states,
        Joined::Nothing => return std::future::pending().await,
    };
    states.changed().await.ok()?;
    Some(Arc::clone(&states.borrow_and_update()))
}
