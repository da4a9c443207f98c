//! The team client in a real browser: headless Chromium driven over WebDriver (Debian's `chromium` and
//! `chromium-driver`). A device joins a team by its link, gives its name, changes a decision and sees the
//! change in the next update; the console page starts a round and the device shows it. Screenshots at phone
//! (390x844) and laptop (1366x768) size go to `$CARGO_TARGET_TMPDIR/browser/`.
//!
//! It needs the browser, so it is ignored in the plain test run; `.ci/run` installs Chromium and runs it:
//! `cargo test --release --test browser -- --ignored`.

mod common;

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::hosting::{TestHost, journal_commands, scratch};
use fantoccini::{ClientBuilder, Locator};
use serde_json::json;

/// ChromeDriver on a free loopback port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start() -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (Debian's chromium-driver) must be installed for this test");
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, url }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn shots() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn browser(driver: &Driver, profile: &std::path::Path) -> fantoccini::Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                format!("--user-data-dir={}", profile.display()),
            ],
        }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("a browser session")
}

/// Waits until `script` (returning a boolean) is true in the page.
async fn until(c: &fantoccini::Client, what: &str, script: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let v = c.execute(script, vec![]).await.unwrap();
        if v == json!(true) {
            return;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Nothing in the page sticks out sideways (no horizontal scrolling).
async fn fits_width(c: &fantoccini::Client) -> bool {
    let v = c
        .execute(
            "return document.documentElement.scrollWidth <= window.innerWidth",
            vec![],
        )
        .await
        .unwrap();
    v == json!(true)
}

async fn shot(c: &fantoccini::Client, name: &str) {
    let png = c.screenshot().await.unwrap();
    assert!(png.len() > 1000, "a real screenshot");
    std::fs::write(shots().join(name), png).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium and ChromeDriver; .ci/run installs them and runs it"]
async fn a_device_joins_decides_and_sees_it_in_the_browser() {
    let dir = scratch("browser");
    let host = TestHost::start(2, 10.0, &dir, false);
    let driver = Driver::start();
    let profile = scratch("browser-profile");
    let c = browser(&driver, &profile).await;

    // A phone opens the team's link (as its QR code gives it), names itself and joins.
    join_phone(&c, &host.base, &host.codes[1], "Bea, baking").await;
    until(&c, "the team's state", "return !document.getElementById('app').hidden && document.querySelectorAll('.step').length > 2").await;
    until(
        &c,
        "the live connection",
        "return document.getElementById('status').textContent === 'connected'",
    )
    .await;
    let team = c
        .find(Locator::Id("team-name"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(team.contains("Team 2"), "{team}");
    shot(&c, "team-phone.png").await;
    assert!(
        fits_width(&c).await,
        "nothing sticks out sideways on a phone"
    );

    // The device turns the shared board on; the answer and the next update show it.
    let board = "document.querySelector('[data-act=board]')";
    until(
        &c,
        "the board's switch",
        &format!("return {board} !== null && {board}.checked === false"),
    )
    .await;
    click(&c, "[data-act=board]").await;
    until(&c, "the answer", "return Array.from(document.querySelectorAll('.toast')).some(t => t.textContent === 'Accepted')").await;
    until(
        &c,
        "the change in an update",
        &format!("return {board}.checked === true"),
    )
    .await;

    // The facilitator's console (behind its key) starts the round; the device shows it running.
    let console = browser(&driver, &scratch("browser-profile-2")).await;
    console.set_window_size(1366, 768).await.unwrap();
    console
        .goto(&format!("{}/console#{}", host.base, host.key))
        .await
        .unwrap();
    until(
        &console,
        "the console",
        "return document.querySelectorAll('.team-card svg').length === 2",
    )
    .await;
    until(
        &console,
        "the device in the list",
        "return document.getElementById('teams').textContent.includes('Bea, baking')",
    )
    .await;
    console
        .find(Locator::Id("start"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    until(
        &c,
        "the round running",
        "return document.getElementById('clock').textContent.includes('Round 1 of')",
    )
    .await;
    shot(&console, "console-laptop.png").await;
    // The console switches to Swedish: its own texts at once, the room's from the host after reconnecting.
    console
        .execute(
            "const s = document.getElementById('lang'); s.value = 'sv'; s.dispatchEvent(new Event('change'));",
            vec![],
        )
        .await
        .unwrap();
    until(
        &console,
        "the console in Swedish",
        "return document.getElementById('end').textContent === 'Avsluta omgången nu' \
           && document.getElementById('teams').textContent.includes('1 enhet: Bea, baking') \
           && document.getElementById('clock').textContent.includes('Omgång 1')",
    )
    .await;

    c.set_window_size(1366, 768).await.unwrap();
    c.execute("window.scrollTo(0, 0)", vec![]).await.unwrap();
    until(
        &c,
        "a redraw at laptop size",
        "return document.querySelectorAll('.step').length > 2",
    )
    .await;
    assert!(
        fits_width(&c).await,
        "nothing sticks out sideways at laptop size"
    );
    shot(&c, "team-laptop.png").await;

    // The device switches to Swedish: its own texts at once, the factory's (ticker, order states) from the
    // host, which sends this device its states in Swedish after it joins again.
    c.execute(
        "const s = document.getElementById('lang'); s.value = 'sv'; s.dispatchEvent(new Event('change'));",
        vec![],
    )
    .await
    .unwrap();
    until(
        &c,
        "the page's texts in Swedish",
        "return document.body.textContent.includes('Ert bageri') && document.body.textContent.includes('Levererade')",
    )
    .await;
    until(
        &c,
        "the host's texts in Swedish",
        "return document.getElementById('ticker').textContent.includes('gemensam tavla på') \
         && document.getElementById('clock').textContent.includes('Omgång 1 av')",
    )
    .await;
    shot(&c, "team-laptop-sv.png").await;
    console.close().await.unwrap();
    c.close().await.unwrap();
    drop(driver);
    host.stop().unwrap();

    let journal = journal_commands(&dir);
    let board: Vec<_> = journal
        .iter()
        .filter(|e| e["command"]["Team"]["action"]["SetPractice"]["SharedBoard"] == true)
        .collect();
    assert_eq!(board.len(), 1, "{journal:?}");
    assert_eq!(board[0]["source"]["device"]["who"], "Bea, baking");
    assert_eq!(board[0]["source"]["device"]["factory"], 1);
    for name in [
        "team-phone.png",
        "team-laptop.png",
        "team-laptop-sv.png",
        "console-laptop.png",
    ] {
        assert!(shots().join(name).exists());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Joins team `code` on a phone-sized page as `who`.
async fn join_phone(c: &fantoccini::Client, base: &str, code: &str, who: &str) {
    c.set_window_size(390, 844).await.unwrap();
    c.goto(&format!("{base}/join/{code}")).await.unwrap();
    type_into(c, "who-input", who).await;
    click(c, "#join-button").await;
    until(
        c,
        "the reflection before the game",
        "return document.getElementById('hope-0') !== null",
    )
    .await;
}

/// Types `text` into the field `id`.
async fn type_into(c: &fantoccini::Client, id: &str, text: &str) {
    c.find(Locator::Id(id))
        .await
        .unwrap()
        .send_keys(text)
        .await
        .unwrap();
}

/// Clicks the element `css` (scrolled into view first).
async fn click(c: &fantoccini::Client, css: &str) {
    let el = c.find(Locator::Css(css)).await.unwrap();
    c.execute(
        "arguments[0].scrollIntoView({block: 'center'})",
        vec![serde_json::to_value(&el).unwrap()],
    )
    .await
    .unwrap();
    el.click().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium and ChromeDriver; .ci/run installs them and runs it"]
async fn two_devices_give_their_hopes_fears_and_scales_and_the_console_shows_them() {
    let dir = scratch("browser-voices");
    let host = TestHost::start(2, 10.0, &dir, false);
    let driver = Driver::start();
    let ylva = browser(&driver, &scratch("browser-profile-ylva")).await;
    let bo = browser(&driver, &scratch("browser-profile-bo")).await;

    // Ylva answers anonymously; Bo signs with his name.
    join_phone(&ylva, &host.base, &host.codes[0], "Ylva").await;
    type_into(&ylva, "hope-0", "learn how others collaborate").await;
    type_into(&ylva, "fear-0", "we stay in our silos").await;
    click(&ylva, "input[name='before-0-0'][value='4']").await;
    click(&ylva, "input[name='before-2-2'][value='2']").await;
    shot(&ylva, "reflection-phone.png").await;
    assert!(fits_width(&ylva).await, "the reflection fits a phone");
    click(&ylva, "[data-act=send-before]").await;
    until(&ylva, "the answers accepted", "return Array.from(document.querySelectorAll('.toast')).filter(t => t.textContent === 'Accepted').length >= 2").await;

    join_phone(&bo, &host.base, &host.codes[1], "Bo").await;
    type_into(&bo, "hope-0", "courage to try").await;
    click(&bo, "input[name='before-0-0'][value='2']").await;
    click(&bo, "#sign").await;
    click(&bo, "[data-act=send-before]").await;
    until(&bo, "the answers accepted", "return Array.from(document.querySelectorAll('.toast')).filter(t => t.textContent === 'Accepted').length >= 2").await;

    // The console (the projector's view) shows the room's answers, anonymously.
    let console = browser(&driver, &scratch("browser-profile-console")).await;
    console.set_window_size(1366, 900).await.unwrap();
    console
        .goto(&format!("{}/console#{}", host.base, host.key))
        .await
        .unwrap();
    let voices = "document.getElementById('voices').textContent";
    until(
        &console,
        "the room's voices",
        &format!(
            "return {voices}.includes('learn how others collaborate') && {voices}.includes('courage to try') \
             && {voices}.includes('we stay in our silos') && {voices}.includes('2 participants')"
        ),
    )
    .await;
    // Two answered the first scale: one 2, one 4.
    until(
        &console,
        "the first scale's distribution",
        "return Array.from(document.querySelectorAll('#voices .dist')[0].children).map(b => b.title).join() === '1: 0,2: 1,3: 0,4: 1,5: 0'",
    )
    .await;
    let shown = console
        .execute(&format!("return {voices}"), vec![])
        .await
        .unwrap();
    assert!(
        !shown.as_str().unwrap().contains("Ylva"),
        "Ylva did not sign: {shown}"
    );
    // The facilitator clusters Ylva's fear under a theme.
    console
        .execute(
            "const el = document.querySelector('#voices input.tag[data-fear=true]'); el.value = 'Friction'; \
             el.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![],
        )
        .await
        .unwrap();
    until(
        &console,
        "the fear under its theme",
        "return Array.from(document.querySelectorAll('#voices .cluster h4')).some(h => h.textContent === 'Friction')",
    )
    .await;
    // ... and drags Bo's hope onto one of the suggested themes, as a mouse would (the page's own drag and
    // drop handlers, with the browser's DataTransfer).
    console
        .execute(
            "const li = Array.from(document.querySelectorAll('#voices li[draggable][data-fear=false]')) \
               .find(l => l.textContent.includes('courage to try')); \
             const chip = document.querySelector('#voices .chip[data-fear=false]'); \
             window.dropped = chip.dataset.theme; \
             const dt = new DataTransfer(); \
             li.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: dt})); \
             chip.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: dt})); \
             chip.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: dt})); \
             li.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: dt}));",
            vec![],
        )
        .await
        .unwrap();
    until(
        &console,
        "the hope dragged under a suggested theme",
        "return Array.from(document.querySelectorAll('#voices .cluster[data-fear=false]')) \
           .some(c => c.dataset.theme === window.dropped && c.textContent.includes('courage to try'))",
    )
    .await;
    console
        .execute("document.getElementById('voices').scrollIntoView()", vec![])
        .await
        .unwrap();
    shot(&console, "console-voices.png").await;
    for c in [ylva, bo, console] {
        c.close().await.unwrap();
    }
    drop(driver);
    host.stop().unwrap();

    let journal = journal_commands(&dir);
    let voices: Vec<_> = journal
        .iter()
        .filter(|e| e["command"]["Voice"].is_object())
        .collect();
    assert_eq!(voices.len(), 4, "{journal:?}");
    let signed: Vec<_> = voices
        .iter()
        .filter_map(|e| e["command"]["Voice"]["signed"].as_str())
        .collect();
    assert_eq!(signed, ["Bo", "Bo"], "only Bo signed");
    assert!(!serde_json::to_string(&voices).unwrap().contains("Ylva"));
    let _ = std::fs::remove_dir_all(&dir);
}
