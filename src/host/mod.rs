//! The host: serves the team client and the facilitator's console over HTTP and WebSocket (axum on tokio,
//! beside Bevy), and links the devices into the session through the bridge. A team's device joins with its
//! team's code and gives the same commands as the window's team panel; they enter the same command path and
//! the same journal, with who gave each. The window's `play --host` and the headless `host` command both
//! run it.

pub mod bridge;
pub mod codes;
pub mod load;
pub mod protocol;
pub mod run;
mod server;
pub mod state;
pub mod voices;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};

use bevy::prelude::*;
use tokio::sync::{mpsc, watch};

pub use bridge::{Bridge, HostControl};
pub use codes::Codes;
pub use state::Pace;

use crate::i18n::Lang;
use crate::sim::Session;
use protocol::Control;
use state::{FiguresState, PaletteEntry, RoomState, RoomTeam, TickerLine};

/// Messages from the devices waiting for the app (more are refused as busy).
const INBOUND_CAPACITY: usize = 10_000;

/// Adds the bridge's systems; the [`Bridge`] resource comes from [`Host::start`].
pub fn plugin(app: &mut App) {
    bridge::plugin(app);
}

/// A message a connection passed on to the app (already checked: the device's team, the console's key).
pub(crate) enum Inbound {
    /// A device's command for its team: a decision or a participant's voice.
    Command {
        factory: u16,
        /// The name or role the device joined with (given for decisions only: voices are signed or not
        /// in the command itself).
        who: String,
        key: String,
        command: crate::domain::Command,
        reply: mpsc::UnboundedSender<String>,
        /// The device's language, for the reason of a refusal.
        lang: crate::i18n::Lang,
    },
    /// A facilitator's control.
    Control {
        key: String,
        control: Control,
        reply: mpsc::UnboundedSender<String>,
        /// The console's language, for the reason of a refusal.
        lang: crate::i18n::Lang,
    },
}

/// What the connections and the app share.
pub(crate) struct Shared {
    codes: RwLock<Codes>,
    /// The teams' names, by factory index (renamed while a lobby sets the teams up).
    team_names: RwLock<Vec<String>>,
    /// Where the codes are kept (the session record's folder), if anywhere.
    codes_dir: Option<PathBuf>,
    /// The address devices open (`http://host:port`), for the join links and QR codes.
    public_url: String,
    /// The devices joined to each team: connection number and the name or role given.
    roster: Mutex<Vec<Vec<(u64, String)>>>,
    /// Each team's latest state (JSON), in each language (built only for a language a device listens in).
    team_states: Vec<[watch::Sender<Arc<str>>; 2]>,
    /// The room's latest state for the console (JSON), in each language.
    room: [watch::Sender<Arc<str>>; 2],
    inbound: mpsc::Sender<Inbound>,
    /// Each join link's QR code (SVG), made once per code.
    qr: Mutex<std::collections::HashMap<String, Arc<str>>>,
}

impl Shared {
    fn codes(&self) -> std::sync::RwLockReadGuard<'_, Codes> {
        self.codes
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn roster(&self) -> std::sync::MutexGuard<'_, Vec<Vec<(u64, String)>>> {
        self.roster
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The link a device of a team with `code` opens.
    fn join_url(&self, code: &str) -> String {
        format!("{}/join/{code}", self.public_url)
    }

    /// Gives team `factory` a new code and keeps it; devices joined with the old one are sent away.
    fn revoke(&self, factory: u16) -> Result<(), String> {
        let mut codes = self
            .codes
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        codes.revoke(factory)?;
        if let Some(dir) = &self.codes_dir {
            codes.save(dir)?;
        }
        Ok(())
    }

    /// The QR code of `url`, made the first time it is asked for.
    fn qr_of(&self, url: &str) -> Arc<str> {
        let mut made = self
            .qr
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Arc::clone(
            made.entry(url.to_string())
                .or_insert_with(|| qr_svg(url).into()),
        )
    }

    /// The room's state for the console.
    fn room_state(
        &self,
        session: &Session,
        pace: &Pace,
        shown: &[(FiguresState, String)],
        ticker: &std::collections::VecDeque<TickerLine>,
        (voices, round_starts): (&crate::debrief::voices::Voices, &[crate::domain::SimTime]),
        lang: Lang,
    ) -> String {
        let model = &session.model;
        let say = |english: &str| model.lexicon.say(lang, english).to_string();
        let codes = self.codes().clone();
        let roster = self.roster().clone();
        let teams = shown
            .iter()
            .enumerate()
            .map(|(f, (figures, design))| {
                let code = codes.teams.get(f).cloned().unwrap_or_default();
                let url = self.join_url(&code);
                RoomTeam {
                    team: session
                        .team_names
                        .get(f)
                        .map(|n| say(n))
                        .unwrap_or_default(),
                    code: codes::grouped(&code),
                    qr_svg: self.qr_of(&url).to_string(),
                    join_url: url,
                    devices: roster
                        .get(f)
                        .map(|d| d.iter().map(|(_, who)| who.clone()).collect())
                        .unwrap_or_default(),
                    figures: figures.clone(),
                    design: say(model.design_title(design)),
                }
            })
            .collect();
        let room = RoomState {
            kind: "room",
            scenario: say(&model.name),
            clock: state::clock_state(session, pace),
            speeds: crate::domain::time::SPEEDS.to_vec(),
            teams,
            palette: session
                .model
                .palette
                .iter()
                .map(|d| PaletteEntry {
                    id: d.id.clone(),
                    headline: say(d.headline.get(lang)),
                })
                .collect(),
            ticker: ticker.iter().cloned().collect(),
            voices: voices::room_voices(voices, lang, round_starts),
        };
        serde_json::to_string(&room).unwrap_or_default()
    }
}

/// A link as a QR code in SVG.
pub fn qr_svg(url: &str) -> String {
    match qrcode::QrCode::new(url.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(160, 160)
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
    }
}

/// A link as a QR code's modules (`true`: dark), row by row, for drawing in the window.
pub fn qr_modules(url: &str) -> Option<(usize, Vec<bool>)> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    let width = code.width();
    let modules = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Some((width, modules))
}

/// A running host: its server (on its own threads) and what the app needs to join it.
pub struct Host {
    /// The address it listens on.
    pub addr: SocketAddr,
    /// The address devices open.
    pub public_url: String,
    shared: Arc<Shared>,
    runtime: Option<tokio::runtime::Runtime>,
    stop: watch::Sender<bool>,
}

impl Host {
    /// Binds `listen` and starts serving the teams of `team_names` with `codes` (kept in `codes_dir`);
    /// `public_url` is the address devices open (from the listening address if `None`). Returns the host
    /// and the [`Bridge`] resource for the session's app.
    pub fn start(
        listen: SocketAddr,
        public_url: Option<String>,
        team_names: Vec<String>,
        codes: Codes,
        codes_dir: Option<PathBuf>,
    ) -> Result<(Host, Bridge), String> {
        let teams = team_names.len();
        if codes.teams.len() != teams {
            return Err(format!(
                "the codes are for {} teams, the session has {teams}",
                codes.teams.len()
            ));
        }
        let std_listener = std::net::TcpListener::bind(listen)
            .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
        std_listener
            .set_nonblocking(true)
            .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
        let addr = std_listener
            .local_addr()
            .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
        let public_url = address(addr, public_url);
        let (inbound_tx, inbound_rx) = mpsc::channel(INBOUND_CAPACITY);
        let shared = Arc::new(Shared {
            codes: RwLock::new(codes),
            team_names: RwLock::new(team_names),
            codes_dir,
            public_url: public_url.clone(),
            roster: Mutex::new(vec![Vec::new(); teams]),
            team_states: (0..teams)
                .map(|_| Lang::ALL.map(|_| watch::channel(Arc::from("")).0))
                .collect(),
            room: Lang::ALL.map(|_| watch::channel(Arc::from("")).0),
            inbound: inbound_tx,
            qr: Mutex::new(std::collections::HashMap::new()),
        });
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("cakefactory-host")
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start the host's threads: {e}"))?;
        let (stop, stopped) = watch::channel(false);
        let listener = {
            let _guard = runtime.enter();
            tokio::net::TcpListener::from_std(std_listener)
                .map_err(|e| format!("cannot listen on {listen}: {e}"))?
        };
        runtime.spawn(server::serve(listener, Arc::clone(&shared), stopped));
        let bridge = Bridge::new(Arc::clone(&shared), inbound_rx);
        Ok((
            Host {
                addr,
                public_url,
                shared,
                runtime: Some(runtime),
                stop,
            },
            bridge,
        ))
    }

    /// The codes now (after any revocation).
    pub fn codes(&self) -> Codes {
        self.shared.codes().clone()
    }

    /// The link a team's devices open.
    pub fn join_url(&self, factory: u16) -> String {
        let codes = self.codes();
        self.shared
            .join_url(codes.teams.get(factory as usize).map_or("", String::as_str))
    }

    /// The link to the facilitator's console page (the key travels after `#`, never to the server's logs).
    pub fn console_url(&self) -> String {
        format!("{}/console#{}", self.public_url, self.codes().facilitator)
    }

    /// The names or roles of the devices joined to each team now.
    pub fn devices(&self) -> Vec<Vec<String>> {
        self.shared
            .roster()
            .iter()
            .map(|d| d.iter().map(|(_, w)| w.clone()).collect())
            .collect()
    }

    /// Gives a team a new code (devices with the old one are sent away).
    pub fn revoke(&self, factory: u16) -> Result<(), String> {
        self.shared.revoke(factory)
    }

    /// Renames the teams (as many as there are), for devices that join from now on.
    pub fn rename(&self, names: &[String]) {
        let mut now = self
            .shared
            .team_names
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for (n, new) in now.iter_mut().zip(names) {
            n.clone_from(new);
        }
    }

    /// The teams' names as served.
    pub fn team_names(&self) -> Vec<String> {
        self.shared
            .team_names
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_timeout(std::time::Duration::from_secs(2));
        }
    }
}

/// The address devices open for a host listening on `listen`: `given` if there is one, else found from the
/// listening address (on every interface: this machine's address on the room's network).
pub fn address(listen: SocketAddr, given: Option<String>) -> String {
    given
        .map(|u| u.trim_end_matches('/').to_string())
        .unwrap_or_else(|| format!("http://{}", reachable(listen)))
}

/// The address devices can reach for a listening address: itself, unless it listens on every interface;
/// then the address this machine's outgoing route uses (found without sending anything).
fn reachable(addr: SocketAddr) -> SocketAddr {
    if !addr.ip().is_unspecified() {
        return addr;
    }
    let probe = std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| s.connect("192.0.2.1:9").map(|()| s))
        .and_then(|s| s.local_addr());
    match probe {
        Ok(local) => SocketAddr::new(local.ip(), addr.port()),
        Err(_) => SocketAddr::from(([127, 0, 0, 1], addr.port())),
    }
}
