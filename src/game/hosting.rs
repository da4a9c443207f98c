//! The window as the host: with the lobby's switch on (or `play --host`), each new or resumed session is
//! served to the teams' devices and the facilitator's console page; the console page's clock controls move
//! the window's clock; the devices see the window's pace and its offer countdowns. Replays are never served.

use std::net::SocketAddr;

use bevy::prelude::*;

use super::clock::{GameClock, SPEEDS};
use super::record::{EventRecord, OpenOffers, SessionFolder};
use super::state::Screen;
use super::ui::Notice;
use super::ui::devices::{DeviceCard, DevicesView, HostAction};
use crate::host::state::OfferCountdowns;
use crate::host::{Codes, Host, HostControl, Pace};
use crate::sim::Session;

/// The address the window's host listens on unless told otherwise: every interface, for the room's network.
pub const DEFAULT_LISTEN: &str = "0.0.0.0:8080";

/// Whether and where the window serves its sessions to devices.
#[derive(Resource, Clone, Debug, PartialEq)]
pub struct Hosting {
    /// Serve each session.
    pub enabled: bool,
    /// The address to listen on.
    pub listen: SocketAddr,
    /// The address devices open, if not found from the listening address.
    pub public_url: Option<String>,
}

impl Default for Hosting {
    fn default() -> Self {
        Hosting {
            enabled: false,
            listen: DEFAULT_LISTEN
                .parse()
                .unwrap_or_else(|_| SocketAddr::from(([0, 0, 0, 0], 8080))),
            public_url: None,
        }
    }
}

/// The teams the lobby is setting up (their names), served their codes before the session starts.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct LobbyTeams(pub Vec<String>);

/// The host serving the session now (or the lobby's teams before it starts), and each join link's QR code.
#[derive(Resource)]
pub struct Served {
    /// The running host.
    pub host: Host,
    /// The session it serves (its factories); none while the lobby sets the teams up.
    factories: Vec<Entity>,
    /// Before the session: the host's link into the app, held so devices can join and wait for the session
    /// (what they send waits there; the session's own host takes over at its start).
    _waiting: Option<crate::host::Bridge>,
    /// Each team's join link and its QR code's modules (`true`: dark), width first.
    pub links: Vec<(String, Option<(usize, Vec<bool>)>)>,
    /// The facilitator's console page, with its key.
    console: String,
}

impl Served {
    /// The devices panel's view of the teams `names`: with `facilitator`, the console page's link too (never
    /// on the projector); QR codes of `qr_size` points (0: none).
    pub fn view<'a>(
        &'a self,
        names: &'a [String],
        facilitator: bool,
        qr_size: f32,
    ) -> DevicesView<'a> {
        let codes = self.host.codes();
        let devices = self.host.devices();
        DevicesView {
            address: &self.host.public_url,
            console_url: facilitator.then_some(self.console.as_str()),
            teams: names
                .iter()
                .enumerate()
                .map(|(f, team)| DeviceCard {
                    team,
                    code: crate::host::codes::grouped(
                        codes.teams.get(f).map_or("", String::as_str),
                    ),
                    url: self.links.get(f).map_or("", |l| l.0.as_str()),
                    qr: self.links.get(f).and_then(|l| l.1.as_ref()),
                    devices: devices.get(f).cloned().unwrap_or_default(),
                })
                .collect(),
            qr_size,
        }
    }

    /// Makes the QR codes of the links that changed (a revoked code).
    fn refresh(&mut self, teams: usize) {
        for f in 0..teams {
            let url = self.host.join_url(f as u16);
            if self.links.get(f).is_some_and(|(u, _)| *u == url) {
                continue;
            }
            let qr = crate::host::qr_modules(&url);
            if f < self.links.len() {
                self.links[f] = (url, qr);
            } else {
                self.links.push((url, qr));
            }
        }
        self.links.truncate(teams);
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Hosting>()
        .init_resource::<OfferCountdowns>()
        .init_resource::<LobbyTeams>()
        .add_message::<HostAction>();
    crate::host::plugin(app);
    app.add_systems(Startup, from_command_line);
    // A replay replaces the live session in the world: the devices are let go rather than shown it.
    app.add_systems(OnEnter(Screen::Replay), stop);
    app.add_systems(
        Update,
        (
            take_actions,
            serve_lobby.run_if(in_state(Screen::Lobby)),
            serve.run_if(not(in_state(Screen::Replay)).and_then(not(in_state(Screen::Lobby)))),
            follow_console,
            keep_pace,
        )
            .chain()
            .before(crate::sim::SimSet::Commands),
    );
}

/// `play --host [ADDR:PORT]` turns hosting on from the start.
fn from_command_line(options: Option<Res<super::PlayOptions>>, mut hosting: ResMut<Hosting>) {
    if let Some((listen, public_url)) = options.as_ref().and_then(|o| o.host.clone()) {
        *hosting = Hosting {
            enabled: true,
            listen,
            public_url,
        };
    }
}

fn say(world: &mut World, text: String) {
    let until = world.resource::<Time<Real>>().elapsed_secs_f64() + 10.0;
    world.resource_mut::<Notice>().0 = Some((text, until));
}

fn take_actions(
    mut actions: MessageReader<HostAction>,
    mut hosting: ResMut<Hosting>,
    mut served: Option<ResMut<Served>>,
    session: Option<Res<Session>>,
    mut notice: ResMut<Notice>,
    time: Res<Time<Real>>,
    settings: Res<crate::game::ui::UiSettings>,
) {
    let lang = settings.lang;
    for a in actions.read() {
        match a {
            HostAction::Enable(on) => hosting.enabled = *on,
            HostAction::Revoke(f) => {
                let Some(s) = served.as_mut() else { continue };
                let text = match s.host.revoke(*f) {
                    Ok(()) => crate::t!(lang, "notice-new-code", team = f + 1),
                    Err(e) => crate::t!(lang, "notice-no-new-code", error = e),
                };
                notice.0 = Some((text, time.elapsed_secs_f64() + 6.0));
                let teams = session.as_ref().map_or(0, |s| s.factories.len());
                s.refresh(teams);
            }
        }
    }
}

/// Serves each new session (and stops serving when the switch is off).
fn serve(world: &mut World) {
    let enabled = world.resource::<Hosting>().enabled;
    // Only a live session is served: one the game records (a replay's, or what it left behind, is not).
    let live = world.contains_resource::<crate::sim::record::Recording>();
    let current = world
        .get_resource::<Session>()
        .filter(|_| live)
        .map(|s| s.factories.clone());
    let served = world.get_resource::<Served>().map(|s| s.factories.clone());
    match (enabled, current) {
        (true, Some(factories)) if served.as_ref() != Some(&factories) => {
            // The lobby's codes go on into the session; the old host lets its port go first.
            let lobby = world
                .get_resource::<Served>()
                .filter(|s| s.factories.is_empty())
                .map(|s| s.host.codes());
            stop(world);
            if let Err(e) = start(world, factories, lobby) {
                world.resource_mut::<Hosting>().enabled = false;
                say(world, format!("Team devices cannot join: {e}"));
            }
        }
        (false, _) | (true, None) if served.is_some() => stop(world),
        _ => {}
    }
}

fn stop(world: &mut World) {
    world.remove_resource::<Served>();
    world.remove_resource::<crate::host::Bridge>();
}

/// While the lobby sets the teams up: their codes are served already (devices join and wait for the
/// session), as many as the lobby has teams; a team added gets a new code, the others keep theirs.
fn serve_lobby(world: &mut World) {
    let enabled = world.resource::<Hosting>().enabled;
    let names = world.resource::<LobbyTeams>().0.clone();
    let served = world
        .get_resource::<Served>()
        .map(|s| (s.factories.is_empty(), s.host.codes()));
    match served {
        _ if !enabled || names.is_empty() => {
            if served.is_some() {
                stop(world);
            }
        }
        Some((true, codes)) if codes.teams.len() == names.len() => {
            let s = world.resource::<Served>();
            if s.host.team_names() != names {
                s.host.rename(&names);
            }
        }
        _ => {
            let codes = served.map(|(_, c)| c);
            stop(world);
            if let Err(e) = start_lobby(world, names, codes) {
                world.resource_mut::<Hosting>().enabled = false;
                say(world, format!("Team devices cannot join: {e}"));
            }
        }
    }
}

/// The codes for `teams` teams: those of `kept` for the first ones, new ones for the rest.
fn codes_for(teams: usize, kept: Option<Codes>) -> Result<Codes, String> {
    let mut codes = Codes::new(teams)?;
    if let Some(k) = kept {
        codes.facilitator = k.facilitator;
        for (new, old) in codes.teams.iter_mut().zip(k.teams) {
            *new = old;
        }
    }
    Ok(codes)
}

/// A port the system chose (`:0`) is kept for the next host, so devices that joined in the lobby find the
/// session's host where they left the lobby's.
fn keep_port(world: &mut World, host: &Host) {
    let mut hosting = world.resource_mut::<Hosting>();
    if hosting.listen.port() == 0 {
        hosting.listen.set_port(host.addr.port());
    }
}

/// Says where devices join; the console page's link (with its key) goes to the facilitator's terminal (and
/// the presenter view's own window), never onto the projector.
fn announce(world: &mut World, address: &str, console: &str) {
    use std::io::Write;
    let lang = world
        .get_resource::<crate::game::ui::UiSettings>()
        .map_or(crate::i18n::Lang::En, |s| s.lang);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "{}\n{}",
        crate::t!(lang, "notice-devices-at", address = address),
        crate::t!(lang, "cli-host-console", url = console)
    );
    say(
        world,
        crate::t!(lang, "notice-devices-at", address = address),
    );
}

fn start_lobby(world: &mut World, names: Vec<String>, kept: Option<Codes>) -> Result<(), String> {
    let hosting = world.resource::<Hosting>().clone();
    let codes = codes_for(names.len(), kept)?;
    let (host, bridge) = Host::start(
        hosting.listen,
        hosting.public_url,
        names.clone(),
        codes,
        None,
    )?;
    keep_port(world, &host);
    let mut served = Served {
        host,
        factories: Vec::new(),
        _waiting: Some(bridge),
        links: Vec::new(),
        console: String::new(),
    };
    served.console = served.host.console_url();
    served.refresh(names.len());
    let (address, console) = (served.host.public_url.clone(), served.console.clone());
    world.insert_resource(served);
    announce(world, &address, &console);
    Ok(())
}

/// Starts the host for the session in `world`: the codes kept in its folder (a resumed session's devices
/// rejoin with them), else the ones the lobby gave out (its devices rejoin by themselves), else new ones;
/// kept in the session's folder.
fn start(world: &mut World, factories: Vec<Entity>, lobby: Option<Codes>) -> Result<(), String> {
    let hosting = world.resource::<Hosting>().clone();
    let names = world.resource::<Session>().team_names.clone();
    let dir = world.resource::<SessionFolder>().dir.clone();
    let kept = match &dir {
        Some(d) => Codes::load(d)?.filter(|c| c.teams.len() == names.len()),
        None => None,
    };
    let codes = match kept {
        Some(c) => c,
        None => codes_for(names.len(), lobby)?,
    };
    if let Some(d) = &dir {
        codes.save(d)?;
    }
    let (host, mut bridge) = Host::start(
        hosting.listen,
        hosting.public_url,
        names.clone(),
        codes,
        dir.clone(),
    )?;
    // A resumed session: the keys its journal holds are answered, never applied again.
    if let Some(d) = &dir
        && let Ok(record) = crate::sim::record::load(d)
    {
        bridge.remember(&record.entries, &world.resource::<EventRecord>().0);
    }
    keep_port(world, &host);
    let console = host.console_url();
    let mut served = Served {
        host,
        factories,
        _waiting: None,
        links: Vec::new(),
        console: console.clone(),
    };
    served.refresh(names.len());
    let address = served.host.public_url.clone();
    world.insert_resource(bridge);
    world.insert_resource(served);
    announce(world, &address, &console);
    Ok(())
}

/// The console page's pause, resume and speed move the window's clock.
fn follow_console(mut controls: MessageReader<HostControl>, mut clock: ResMut<GameClock>) {
    for c in controls.read() {
        match *c {
            HostControl::Pause => clock.paused = true,
            HostControl::Resume => clock.paused = false,
            HostControl::Speed(s) => {
                if let Some(i) = SPEEDS.iter().position(|&x| x == s) {
                    clock.speed = i;
                }
            }
        }
    }
}

/// The devices see the window's pace and its offers' countdowns in real seconds.
fn keep_pace(
    clock: Res<GameClock>,
    offers: Res<OpenOffers>,
    mut pace: ResMut<Pace>,
    mut countdowns: ResMut<OfferCountdowns>,
) {
    let now = Pace {
        paused: clock.paused,
        speed: SPEEDS[clock.speed.min(SPEEDS.len() - 1)],
    };
    if *pace != now {
        *pace = now;
    }
    countdowns.0 = offers
        .0
        .iter()
        .map(|o| (o.team, o.offer, o.seconds_left))
        .collect();
}
