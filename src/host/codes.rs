//! Join codes and the facilitator key: drawn from the operating system's randomness (never the game's seed),
//! one code per team, revocable, and kept beside the session record so devices rejoin a resumed session with
//! the same codes.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The file in a session record's folder that keeps the codes (readable by its owner only).
pub const CODES_FILE: &str = "devices.json";

/// Letters of a code: no 0/O, 1/I/L, so a code read off a projector is typed right.
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// Letters in a team's join code: 31^10, about 2^50, of which a room uses at most 50.
const TEAM_CODE_LEN: usize = 10;

/// Letters in the facilitator key.
const KEY_LEN: usize = 24;

/// The codes of one hosted session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Codes {
    /// Each team's join code, by factory index.
    pub teams: Vec<String>,
    /// The key to the facilitator's console page.
    pub facilitator: String,
}

/// `len` letters of [`ALPHABET`] from the operating system's randomness.
fn random_code(len: usize) -> Result<String, String> {
    let mut out = String::with_capacity(len);
    let mut byte = [0u8; 1];
    while out.len() < len {
        getrandom::fill(&mut byte)
            .map_err(|e| format!("the operating system gave no randomness for the codes: {e}"))?;
        // Rejection sampling keeps every letter equally likely: 248 = 8 x 31.
        if byte[0] < 248 {
            out.push(ALPHABET[(byte[0] % 31) as usize] as char);
        }
    }
    Ok(out)
}

impl Codes {
    /// New codes for `teams` teams.
    pub fn new(teams: usize) -> Result<Codes, String> {
        Ok(Codes {
            teams: (0..teams)
                .map(|_| random_code(TEAM_CODE_LEN))
                .collect::<Result<_, _>>()?,
            facilitator: random_code(KEY_LEN)?,
        })
    }

    /// The team whose code `code` is (typed in any case, with or without spaces and dashes).
    pub fn team_of(&self, code: &str) -> Option<u16> {
        let code = normalise(code);
        self.teams
            .iter()
            .position(|c| constant_time_eq(c.as_bytes(), code.as_bytes()))
            .map(|f| f as u16)
    }

    /// `key` is the facilitator key.
    pub fn is_facilitator(&self, key: &str) -> bool {
        constant_time_eq(self.facilitator.as_bytes(), normalise(key).as_bytes())
    }

    /// Gives team `factory` a new code; the old one stops working (devices joined with it are sent away).
    pub fn revoke(&mut self, factory: u16) -> Result<(), String> {
        let code = self
            .teams
            .get_mut(factory as usize)
            .ok_or_else(|| format!("there is no team {}", factory + 1))?;
        *code = random_code(TEAM_CODE_LEN)?;
        Ok(())
    }

    /// The codes kept in the record folder `dir`, if it has them.
    pub fn load(dir: &Path) -> Result<Option<Codes>, String> {
        let path = dir.join(CODES_FILE);
        if !path.exists() {
            return Ok(None);
        }
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        serde_json::from_str(&text).map(Some).map_err(|e| {
            format!(
                "{}:{}:{}: not the host's codes: {e}",
                path.display(),
                e.line(),
                e.column()
            )
        })
    }

    /// Keeps the codes in the record folder `dir`, readable by its owner only.
    pub fn save(&self, dir: &Path) -> Result<PathBuf, String> {
        let path = dir.join(CODES_FILE);
        let text = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        crate::sim::record::write::write_atomic(&path, format!("{text}\n").as_bytes())?;
        owner_only(&path);
        Ok(path)
    }
}

#[cfg(unix)]
fn owner_only(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    // Best effort: a file system without permissions keeps the codes all the same.
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
}

#[cfg(not(unix))]
fn owner_only(_path: &Path) {}

/// A code as typed: upper case, without spaces or dashes.
pub fn normalise(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// Compares without returning early, so the time taken does not tell how much of a guess was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A code as shown: in groups of five ("K7M2P-XQ9RT").
pub fn grouped(code: &str) -> String {
    code.as_bytes()
        .chunks(5)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_reach_their_own_team_only() {
        let codes = Codes::new(50).unwrap();
        let mut seen = std::collections::HashSet::new();
        for (f, c) in codes.teams.iter().enumerate() {
            assert_eq!(c.len(), TEAM_CODE_LEN);
            assert!(c.bytes().all(|b| ALPHABET.contains(&b)));
            assert!(seen.insert(c.clone()), "a code repeats");
            assert_eq!(codes.team_of(c), Some(f as u16));
            assert_eq!(codes.team_of(&grouped(&c.to_lowercase())), Some(f as u16));
        }
        assert_eq!(codes.team_of(""), None);
        assert_eq!(codes.team_of(&codes.facilitator), None);
        assert!(codes.is_facilitator(&codes.facilitator));
        assert!(!codes.is_facilitator(&codes.teams[0]));
    }

    #[test]
    fn two_draws_differ_and_revoking_replaces_a_code() {
        let a = Codes::new(3).unwrap();
        let b = Codes::new(3).unwrap();
        assert_ne!(a, b, "codes come from the OS, not a fixed seed");
        let mut c = a.clone();
        c.revoke(1).unwrap();
        assert_eq!(c.team_of(&a.teams[1]), None);
        assert_eq!(c.team_of(&c.teams[1]), Some(1));
        assert_eq!(c.teams[0], a.teams[0]);
        assert!(c.revoke(3).is_err());
    }

    #[test]
    fn codes_survive_a_save_and_load() {
        let dir = std::env::temp_dir().join(format!("cf-codes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let codes = Codes::new(4).unwrap();
        codes.save(&dir).unwrap();
        assert_eq!(Codes::load(&dir).unwrap(), Some(codes));
        std::fs::write(dir.join(CODES_FILE), "{\"teams\": 3}").unwrap();
        let e = Codes::load(&dir).unwrap_err();
        assert!(e.contains("devices.json:1:"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
