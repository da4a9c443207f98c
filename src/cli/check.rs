//! `cakefactory check FILE...`

use std::path::PathBuf;
use std::process::ExitCode;

use super::{err, out};
use crate::scenario;

pub(super) fn check(files: &[PathBuf]) -> ExitCode {
    let mut worst = 0u8;
    for f in files {
        match scenario::load_path(f) {
            Ok(model) => out(&format!(
                "{}: ok: {}\n",
                f.display(),
                scenario::summary(&model)
            )),
            Err(e) => {
                worst = worst.max(if e.is_unreadable() { 2 } else { 1 });
                err(&e.to_string());
            }
        }
    }
    ExitCode::from(worst)
}
