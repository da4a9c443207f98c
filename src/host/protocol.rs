//! The devices' protocol: the messages a team's device or the facilitator's console page sends over the
//! WebSocket, the replies it gets, and the checks every message passes before it reaches the session (size,
//! shape, keys). Everything is JSON text, one message per WebSocket message, tagged by `"type"`.

use serde::{Deserialize, Serialize};

use crate::domain::{Curation, TeamAction, Voice};
use crate::i18n::Lang;

/// The largest message a device may send (bytes); a longer one is refused unread.
pub const MAX_MESSAGE_BYTES: usize = 4096;

/// The longest name or role a participant may give (characters).
pub const MAX_WHO_CHARS: usize = 40;

/// The longest idempotency key (characters: letters, digits, `-` and `_`).
pub const MAX_KEY_CHARS: usize = 64;

/// What a device sends.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Request {
    /// Join a team with its code, optionally giving a name or role.
    Join {
        /// The team's join code.
        code: String,
        /// The participant's name or role, as they want it to appear ("" for none).
        #[serde(default)]
        who: String,
        /// The language the device's states come in (`en` or `sv`; English when absent).
        #[serde(default)]
        lang: Lang,
    },
    /// A decision for the team's own factory.
    Command {
        /// The idempotency key: the same key twice is applied once.
        key: String,
        /// The decision.
        action: TeamAction,
    },
    /// A participant's own voice (hopes and fears, a self-assessment, a dialogue answer, a commitment), for
    /// the team the device joined.
    Voice {
        /// The idempotency key.
        key: String,
        /// The participant: an id the device made up (1-40 letters, digits, `-`, `_`), naming nobody.
        participant: String,
        /// The name they choose to sign with ("" for anonymous, the default).
        #[serde(default)]
        signed: String,
        /// What they say.
        voice: Voice,
    },
    /// Open the facilitator's console with the facilitator key.
    Console {
        /// The facilitator key.
        key: String,
        /// The language the room's states come in (`en` or `sv`; English when absent).
        #[serde(default)]
        lang: Lang,
    },
    /// A facilitator's control (only after `console`).
    Control {
        /// The idempotency key.
        key: String,
        /// What to do.
        control: Control,
    },
}

/// What the facilitator's console can do.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Control {
    /// Start the next round.
    StartRound,
    /// End the running round now.
    EndRound,
    /// Stop the clock.
    Pause,
    /// Let the clock run again.
    Resume,
    /// Set the game's speed in simulated minutes per real second (one of the game's speeds).
    Speed(f64),
    /// Inject a disruption of the scenario's palette into some teams (all when `teams` is empty).
    Inject {
        /// The palette entry's id.
        disruption: String,
        /// The teams' factory indices (0 for the first).
        #[serde(default)]
        teams: Vec<u16>,
    },
    /// Give a team a new join code; devices joined with the old one are sent away.
    Revoke {
        /// The team's factory index.
        team: u16,
    },
    /// Curate the room's voices: put a hope or fear under a theme, pin an answer or a moment.
    Curate(Curation),
    /// Pin this moment of the run, with a note (at most 280 characters).
    PinNow {
        /// What to look at there.
        note: String,
    },
}

/// Why a message had no effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Not JSON, not one of the messages, or a field out of bounds.
    BadMessage,
    /// Longer than [`MAX_MESSAGE_BYTES`].
    TooLarge,
    /// No team has this code (or it was revoked).
    UnknownCode,
    /// A decision before joining a team.
    NotJoined,
    /// A facilitator's control without the facilitator key, or a wrong key.
    Forbidden,
    /// Too many messages in a short time; wait and send again.
    RateLimited,
    /// The facilitator revoked the code this device joined with.
    Revoked,
    /// The host cannot take more now; send again.
    Busy,
}

/// What the host answers (state updates are sent as their own messages, see `state`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Reply {
    /// Joined: the team, and what the device shows until the first update.
    Welcome {
        /// The team's factory index.
        factory: u16,
        /// The team's name.
        team: String,
        /// The name or role the device gave.
        who: String,
    },
    /// The console is open.
    ConsoleOpen,
    /// The outcome of a command or control with this key.
    Ack {
        /// The command's key.
        key: String,
        /// Applied (`true`) or rejected.
        accepted: bool,
        /// Why it was rejected, in the game's words.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
        /// The key had been sent before: this is the first outcome again, and nothing was applied now.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        repeat: bool,
    },
    /// The message had no effect.
    Error {
        /// What kind of error.
        error: ErrorCode,
        /// What was wrong, in words.
        message: String,
    },
}

impl Reply {
    /// An error reply.
    pub fn error(error: ErrorCode, message: impl Into<String>) -> Reply {
        Reply::Error {
            error,
            message: message.into(),
        }
    }

    /// The reply as the text sent.
    pub fn text(&self) -> String {
        // Replies always serialise: their fields are strings, numbers and flags.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Reads a device's message: within the size limit, JSON of one of the [`Request`]s, its keys and names
/// within bounds.
pub fn parse(text: &str) -> Result<Request, Reply> {
    if text.len() > MAX_MESSAGE_BYTES {
        return Err(Reply::error(
            ErrorCode::TooLarge,
            format!("a message may have at most {MAX_MESSAGE_BYTES} bytes"),
        ));
    }
    let request: Request = serde_json::from_str(text).map_err(|e| {
        Reply::error(
            ErrorCode::BadMessage,
            format!("line {} column {}: {e}", e.line(), e.column()),
        )
    })?;
    check(&request).map_err(|m| Reply::error(ErrorCode::BadMessage, m))?;
    Ok(request)
}

fn check(request: &Request) -> Result<(), String> {
    match request {
        Request::Join { who, .. } => {
            if who.chars().count() > MAX_WHO_CHARS {
                return Err(format!("`who` may have at most {MAX_WHO_CHARS} characters"));
            }
            if who.chars().any(char::is_control) {
                return Err("`who` may not hold control characters".into());
            }
            Ok(())
        }
        Request::Command { key, .. } | Request::Control { key, .. } => check_key(key),
        Request::Voice {
            key,
            participant,
            signed,
            voice,
        } => {
            check_key(key)?;
            // The round of an answer is checked against the session when it is applied.
            crate::domain::voice::check_voice(participant, signed, voice, u32::MAX, u32::MAX)
        }
        Request::Console { .. } => Ok(()),
    }
}

fn check_key(key: &str) -> Result<(), String> {
    let ok = !key.is_empty()
        && key.len() <= MAX_KEY_CHARS
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`key` must be 1 to {MAX_KEY_CHARS} letters, digits, `-` or `_`"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_messages_parse() {
        let join =
            parse(r#"{"type":"join","code":"ABCDE-FGHJK","who":"Anna, purchasing"}"#).unwrap();
        assert!(matches!(join, Request::Join { .. }));
        let cmd = parse(
            r#"{"type":"command","key":"k-1","action":{"SetPractice":{"WipLimit":{"step":"bake","limit":4}}}}"#,
        )
        .unwrap();
        assert!(matches!(cmd, Request::Command { .. }));
        let inject = parse(
            r#"{"type":"control","key":"c1","control":{"inject":{"disruption":"oven","teams":[0]}}}"#,
        )
        .unwrap();
        assert!(matches!(inject, Request::Control { .. }));
        assert!(parse(r#"{"type":"control","key":"c2","control":{"speed":30}}"#).is_ok());
        assert!(parse(r#"{"type":"control","key":"c3","control":"start_round"}"#).is_ok());
    }

    #[test]
    fn bad_messages_are_named() {
        let code = |text: &str| match parse(text) {
            Err(Reply::Error { error, .. }) => error,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(code("not json"), ErrorCode::BadMessage);
        assert_eq!(code(r#"{"type":"join"}"#), ErrorCode::BadMessage);
        assert_eq!(
            code(r#"{"type":"join","code":"A","factory":2}"#),
            ErrorCode::BadMessage
        );
        assert_eq!(
            code(r#"{"type":"command","key":"","action":{"Expedite":{"order":1}}}"#),
            ErrorCode::BadMessage
        );
        assert_eq!(
            code(r#"{"type":"command","key":"a b","action":{"Expedite":{"order":1}}}"#),
            ErrorCode::BadMessage
        );
        assert_eq!(
            code(r#"{"type":"command","key":"k","action":{"Fly":{}}}"#),
            ErrorCode::BadMessage
        );
        let long = format!(
            r#"{{"type":"join","code":"A","who":"{}"}}"#,
            "x".repeat(5000)
        );
        assert_eq!(code(&long), ErrorCode::TooLarge);
        let who = format!(r#"{{"type":"join","code":"A","who":"{}"}}"#, "x".repeat(41));
        assert_eq!(code(&who), ErrorCode::BadMessage);
    }
}
