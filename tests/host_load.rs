//! The host's load test, quick: 50 teams with 4 devices each at 60x deciding every second for a few
//! seconds, some dropping their connection and sending again. Every command is answered, none is lost and
//! none is applied twice; every device gets updates. (The timings are figures, printed, not asserted: see
//! `cakefactory load-test` and the README.)

use std::sync::Arc;
use std::time::Duration;

use cakefactory::host::load::{LoadOptions, load_test};

#[test]
fn a_room_of_devices_loses_and_repeats_nothing() {
    let options = LoadOptions {
        teams: 50,
        devices: 4,
        speed: 60.0,
        seconds: 6.0,
        every: Duration::from_millis(1000),
    };
    let dir = std::env::temp_dir().join(format!("cf-host-load-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let model = Arc::new(cakefactory::scenario::default_model().unwrap());
    let report = load_test(model, &options, dir.clone()).unwrap();
    println!("{}", report.text(&options, cakefactory::i18n::Lang::En));
    assert_eq!(report.devices, 200);
    assert!(report.commands >= 200 * 4, "{report:?}");
    assert_eq!(report.lost, 0, "{report:?}");
    assert_eq!(report.duplicated, 0, "{report:?}");
    assert!(report.resent >= 30, "{report:?}");
    assert_eq!(
        report.answered, report.commands,
        "every command is answered: {report:?}"
    );
    assert!(
        report.min_updates_per_s > 0.0,
        "every device got updates: {report:?}"
    );
    let record = cakefactory::sim::record::load(&dir).unwrap();
    cakefactory::headless::record::verify(&record)
        .map_err(|e| format!("{e:?}"))
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}
