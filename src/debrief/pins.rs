//! The moments the facilitator pins while replaying a recorded session. A replay records nothing into the
//! session's record (it stays exactly what was played, and `verify` still holds), so its pins are kept beside
//! the record in [`PINS_FILE`]: one `PinMoment` curation as JSON per line, appended the moment it is pinned.
//! The debrief reads them in with the moments pinned live.

use std::io::Write as _;
use std::path::Path;

use crate::domain::Curation;
use crate::i18n::Lang::En;
use crate::t;

/// The file of a record's folder that keeps the moments pinned in its replay.
pub const PINS_FILE: &str = "pins.jsonl";

/// The most pins one file may hold (a larger file is read only this far).
pub const MAX_PINS: usize = 10_000;

/// Keeps `pin` (a `PinMoment`) in the record folder `dir`, after what is there.
pub fn pin(dir: &Path, pin: &Curation) -> Result<(), String> {
    if !matches!(pin, Curation::PinMoment { .. }) {
        return Err(t!(En, "refuse-not-a-pin"));
    }
    pin.check()?;
    let path = dir.join(PINS_FILE);
    let line = serde_json::to_string(pin).map_err(|e| e.to_string())?;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    writeln!(file, "{line}")
        .and_then(|()| file.sync_data())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The moments pinned in the replay of the record in `dir` (none when it has no [`PINS_FILE`]), and a
/// `FILE:LINE:COL: problem` for every line that is not a valid pin (it is left out; the others stand).
pub fn load(dir: &Path) -> (Vec<Curation>, Vec<String>) {
    let path = dir.join(PINS_FILE);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return (Vec::new(), Vec::new());
    };
    let mut pins = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate().take(MAX_PINS) {
        if line.trim().is_empty() {
            continue;
        }
        let at = |col: usize, why: &str| format!("{}:{}:{col}: {why}", path.display(), i + 1);
        match serde_json::from_str::<Curation>(line) {
            Ok(c @ Curation::PinMoment { .. }) => match c.check() {
                Ok(()) => pins.push(c),
                Err(why) => problems.push(at(1, &why)),
            },
            Ok(_) => problems.push(at(1, &t!(En, "refuse-not-a-pin"))),
            Err(e) => problems.push(at(e.column().max(1), &e.to_string())),
        }
    }
    (pins, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::SimTime;

    #[test]
    fn pins_are_kept_line_by_line_and_a_bad_line_is_named_and_left_out() {
        let dir = std::env::temp_dir().join(format!("cf-pins-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let moment = |minute: u64, note: &str| Curation::PinMoment {
            t: SimTime(minute * 60_000),
            team: Some(1),
            note: note.into(),
            on: true,
        };
        pin(&dir, &moment(90, "the oven broke here")).unwrap();
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(dir.join(PINS_FILE))
            .unwrap();
        writeln!(file, "{{not json").unwrap();
        drop(file);
        pin(&dir, &moment(200, "they moved Sara")).unwrap();
        assert!(pin(&dir, &moment(1, &"x".repeat(5000))).is_err(), "checked");
        let (pins, problems) = load(&dir);
        assert_eq!(
            pins,
            vec![
                moment(90, "the oven broke here"),
                moment(200, "they moved Sara")
            ]
        );
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("pins.jsonl:2:"), "{problems:?}");
        assert_eq!(load(&dir.join("none")), (Vec::new(), Vec::new()));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
