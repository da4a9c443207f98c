//! `cakefactory check FILE...`

use std::path::PathBuf;
use std::process::ExitCode;

use super::{err, out};
use crate::i18n::Lang;
use crate::scenario;
use crate::t;

pub(super) fn check(files: &[PathBuf], lang: Lang) -> ExitCode {
    let mut worst = 0u8;
    for f in files {
        match scenario::load_path(f) {
            Ok(model) => out(&format!(
                "{}\n",
                t!(
                    lang,
                    "cli-check-ok",
                    file = f.display().to_string(),
                    summary = scenario::summary(&model, lang)
                )
            )),
            Err(e) => {
                worst = worst.max(if e.is_unreadable() { 2 } else { 1 });
                err(&e.to_string());
            }
        }
    }
    ExitCode::from(worst)
}
