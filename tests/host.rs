//! The host's protocol with a real WebSocket client on loopback: joining, deciding and seeing the change,
//! idempotency keys, the facilitator's console behind its key, revoked codes, bad messages without effect,
//! rate limits, and devices rejoining a resumed session with the same codes.

mod common;

use common::hosting::{Client, TestHost, debrief_of, journal_commands, scratch, verified_record};
use serde_json::{Value, json};

/// Waits for an update of type `ty` that satisfies `ok` (bounded by the client's own waits: 60 updates at
/// most).
async fn update_where(c: &mut Client, ty: &str, ok: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..60 {
        let s = c.recv_type(ty).await;
        if ok(&s) {
            return s;
        }
    }
    panic!("no {ty} update showed the change");
}

/// Waits for a team's state that satisfies `ok`.
async fn state_where(c: &mut Client, ok: impl Fn(&Value) -> bool) -> Value {
    update_where(c, "state", ok).await
}

/// Waits for a room state that satisfies `ok`.
async fn room_where(c: &mut Client, ok: impl Fn(&Value) -> bool) -> Value {
    update_where(c, "room", ok).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_device_joins_decides_and_sees_the_change_once() {
    let dir = scratch("decide");
    let host = TestHost::start(3, 5.0, &dir, false);
    let mut anna = Client::join(&host.ws(), &host.codes[1], "Anna, purchasing").await;
    let first = anna.recv_type("state").await;
    assert_eq!(first["factory"], 1);
    assert_eq!(first["practices"]["shared_board"], false);
    assert!(first["steps"].as_array().unwrap().len() > 3);
    assert!(first["people"].as_array().unwrap().len() > 3);

    anna.decide("k-board-1", json!({"SetPractice": {"SharedBoard": true}}))
        .await;
    let ack = anna.ack("k-board-1").await;
    assert_eq!(ack["accepted"], true, "{ack}");
    state_where(&mut anna, |s| s["practices"]["shared_board"] == true).await;

    // The same key again: answered with the first outcome, applied once.
    anna.decide("k-board-1", json!({"SetPractice": {"SharedBoard": true}}))
        .await;
    let again = anna.ack("k-board-1").await;
    assert_eq!(again["repeat"], true);
    assert_eq!(again["accepted"], true);

    // A decision the game refuses is answered with its reason.
    anna.decide(
        "k-bad",
        json!({"MoveWorker": {"worker": "nobody", "unit": "x"}}),
    )
    .await;
    let refused = anna.ack("k-bad").await;
    assert_eq!(refused["accepted"], false);
    let reason = refused["reason"].as_str().unwrap();
    assert!(reason.starts_with("unknown worker `nobody`"), "{reason}");
    // A device that speaks Swedish hears the same refusal in Swedish.
    let mut bo = Client::connect(&host.ws()).await;
    bo.send_json(&json!({"type": "join", "code": host.codes[2], "who": "", "lang": "sv"}))
        .await;
    bo.recv_type("welcome").await;
    bo.decide(
        "k-bad-sv",
        json!({"MoveWorker": {"worker": "nobody", "unit": "x"}}),
    )
    .await;
    let refused = bo.ack("k-bad-sv").await;
    let reason = refused["reason"].as_str().unwrap();
    assert!(reason.starts_with("okänd person `nobody`"), "{reason}");

    // A second device of the same team sees the change too; another team's device does not.
    let mut ben = Client::join(&host.ws(), &host.codes[1], "").await;
    assert_eq!(
        ben.recv_type("state").await["practices"]["shared_board"],
        true
    );
    let mut other = Client::join(&host.ws(), &host.codes[0], "Cleo").await;
    let theirs = other.recv_type("state").await;
    assert_eq!(theirs["factory"], 0);
    assert_eq!(theirs["practices"]["shared_board"], false);
    let said = |state: &Value, text: &str| {
        state["ticker"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["text"] == text)
    };
    assert!(
        !said(&theirs, "shared board on"),
        "another team's decision stays out of its ticker: {}",
        theirs["ticker"]
    );
    let ours = state_where(&mut ben, |s| {
        s["ticker"].as_array().is_some_and(|t| !t.is_empty())
    })
    .await;
    assert!(said(&ours, "shared board on"), "{ours}");
    host.stop().unwrap();

    let journal = journal_commands(&dir);
    let board: Vec<&Value> = journal
        .iter()
        .filter(|e| e["source"]["device"]["key"] == "k-board-1")
        .collect();
    assert_eq!(board.len(), 1, "the key is journaled once");
    assert_eq!(board[0]["source"]["device"]["who"], "Anna, purchasing");
    assert_eq!(board[0]["source"]["device"]["factory"], 1);
    assert_eq!(board[0]["command"]["Team"]["factory"], 1);
    // The record re-simulates exactly.
    let record = verified_record(&dir);
    // The debrief says who on the team decided.
    let debrief = debrief_of(&dir, &record);
    let decided: Vec<String> = debrief.teams[1]
        .commands
        .iter()
        .map(|c| debrief.decision(c, cakefactory::i18n::Lang::En))
        .collect();
    assert_eq!(decided, ["shared board on (by Anna, purchasing)"]);
    let sv: Vec<String> = debrief.teams[1]
        .commands
        .iter()
        .map(|c| debrief.decision(c, cakefactory::i18n::Lang::Sv))
        .collect();
    assert!(sv[0].ends_with("(av Anna, purchasing)"), "{sv:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_messages_get_an_error_and_change_nothing() {
    let dir = scratch("bad");
    let host = TestHost::start(2, 5.0, &dir, false);
    let mut c = Client::connect(&host.ws()).await;
    let big = format!(r#"{{"type":"join","code":"{}"}}"#, "A".repeat(5000));
    let corpus: Vec<(String, &str)> = vec![
        ("".into(), "bad_message"),
        ("not json".into(), "bad_message"),
        ("{}".into(), "bad_message"),
        ("[1,2,3]".into(), "bad_message"),
        (r#"{"type":"fly"}"#.into(), "bad_message"),
        (r#"{"type":"join"}"#.into(), "bad_message"),
        (r#"{"type":"join","code":7}"#.into(), "bad_message"),
        (
            r#"{"type":"join","code":"ZZZZZZZZZZ"}"#.into(),
            "unknown_code",
        ),
        (r#"{"type":"join","code":""}"#.into(), "unknown_code"),
        (big, "too_large"),
        (
            r#"{"type":"command","key":"k1","action":{"SetPractice":{"SharedBoard":true}}}"#.into(),
            "not_joined",
        ),
        (
            r#"{"type":"control","key":"c1","control":"start_round"}"#.into(),
            "forbidden",
        ),
        (r#"{"type":"console","key":"WRONGKEY"}"#.into(), "forbidden"),
        ("\u{0}\u{1}\u{2}".into(), "bad_message"),
        (
            r#"{"type":"join","code":"A","who":"a\u0007b"}"#.into(),
            "bad_message",
        ),
    ];
    for (text, want) in &corpus {
        c.send(text).await;
        let reply = c.next().await.expect("the host answers and stays");
        assert_eq!(reply["type"], "error", "{text}: {reply}");
        assert_eq!(reply["error"], *want, "{text}: {reply}");
    }
    c.send_binary(vec![0xff, 0x00, 0x12]).await;
    assert_eq!(c.next().await.unwrap()["error"], "bad_message");

    // A joined device: a message naming another team, a key out of bounds, an unknown action.
    let mut d = Client::join(&host.ws(), &host.codes[0], "").await;
    for (text, want) in [
        (
            r#"{"type":"command","key":"k2","factory":1,"action":{"SetPractice":{"SharedBoard":true}}}"#,
            "bad_message",
        ),
        (
            r#"{"type":"command","key":"","action":{"SetPractice":{"SharedBoard":true}}}"#,
            "bad_message",
        ),
        (
            r#"{"type":"command","key":"k k","action":{"SetPractice":{"SharedBoard":true}}}"#,
            "bad_message",
        ),
        (
            r#"{"type":"command","key":"k3","action":{"Explode":{}}}"#,
            "bad_message",
        ),
        (
            r#"{"type":"command","key":"k4","action":{"SetPractice":{"WipLimit":{"step":"bake","limit":-1}}}}"#,
            "bad_message",
        ),
        (r#"{"type":"join","code":"ZZZZZZZZZZ"}"#, "bad_message"),
        (
            r#"{"type":"control","key":"c2","control":"end_round"}"#,
            "forbidden",
        ),
    ] {
        d.send(text).await;
        let reply = loop {
            let v = d.next().await.expect("still connected");
            if v["type"] != "state" {
                break v;
            }
        };
        assert_eq!(reply["error"], want, "{text}: {reply}");
    }
    // Still serving: a good decision goes through.
    d.decide("k-ok", json!({"SetPractice": {"Priority": "EarliestDue"}}))
        .await;
    assert_eq!(d.ack("k-ok").await["accepted"], true);
    host.stop().unwrap();
    let journal = journal_commands(&dir);
    assert_eq!(
        journal.len(),
        1,
        "only the good decision reached the journal: {journal:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_is_rate_limited_and_an_oversized_frame_closes_only_its_connection() {
    let dir = scratch("flood");
    let host = TestHost::start(1, 5.0, &dir, false);
    let mut c = Client::connect(&host.ws()).await;
    for _ in 0..60 {
        c.send("{}").await;
    }
    let mut limited = 0;
    for _ in 0..60 {
        let v = c.next().await.unwrap();
        if v["error"] == "rate_limited" {
            limited += 1;
        }
    }
    assert!(limited >= 20, "{limited} of 60 were rate-limited");
    let mut huge = Client::connect(&host.ws()).await;
    huge.send(&"x".repeat(200_000)).await;
    assert!(huge.next().await.is_none(), "the connection is closed");
    // Others are served on.
    let mut d = Client::join(&host.ws(), &host.codes[0], "").await;
    d.recv_type("state").await;
    host.stop().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_controls_the_session_and_revokes_codes() {
    let dir = scratch("console");
    let host = TestHost::start(2, 60.0, &dir, false);
    let mut console = Client::connect(&host.ws()).await;
    console
        .send_json(&json!({"type": "console", "key": host.key.to_lowercase()}))
        .await;
    console.recv_type("console_open").await;
    let room = console.recv_type("room").await;
    assert_eq!(room["teams"].as_array().unwrap().len(), 2);
    assert!(
        room["teams"][0]["qr_svg"]
            .as_str()
            .unwrap()
            .contains("<svg")
    );
    assert!(!room["palette"].as_array().unwrap().is_empty());

    let mut device = Client::join(&host.ws(), &host.codes[0], "Dan").await;
    let control = |key: &str, c: Value| json!({"type": "control", "key": key, "control": c});
    console
        .send_json(&control("c-start", json!("start_round")))
        .await;
    assert_eq!(console.ack("c-start").await["accepted"], true);
    state_where(&mut device, |s| s["clock"]["running"] == true).await;
    console
        .send_json(&control("c-speed", json!({"speed": 7})))
        .await;
    assert_eq!(console.ack("c-speed").await["accepted"], false);
    console.send_json(&control("c-pause", json!("pause"))).await;
    assert_eq!(console.ack("c-pause").await["accepted"], true);
    state_where(&mut device, |s| s["clock"]["paused"] == true).await;
    let disruption = room["palette"][0]["id"].as_str().unwrap().to_string();
    console
        .send_json(&control(
            "c-inject",
            json!({"inject": {"disruption": disruption, "teams": [0]}}),
        ))
        .await;
    assert_eq!(console.ack("c-inject").await["accepted"], true);
    console
        .send_json(&control(
            "c-nothing",
            json!({"inject": {"disruption": "no-such", "teams": []}}),
        ))
        .await;
    assert_eq!(console.ack("c-nothing").await["accepted"], false);

    // The device sees who is joined; a revoked code sends its devices away and stops working.
    let room = console.recv_type("room").await;
    assert_eq!(room["teams"][0]["devices"][0], "Dan");
    console
        .send_json(&control("c-revoke", json!({"revoke": {"team": 0}})))
        .await;
    assert_eq!(console.ack("c-revoke").await["accepted"], true);
    let mut told = false;
    while let Some(v) = device.next().await {
        if v["error"] == "revoked" {
            told = true;
        }
    }
    assert!(told, "the device was told its code was revoked");
    let mut late = Client::connect(&host.ws()).await;
    late.send_json(&json!({"type": "join", "code": host.codes[0]}))
        .await;
    assert_eq!(late.next().await.unwrap()["error"], "unknown_code");
    let room = loop {
        let r = console.recv_type("room").await;
        if r["teams"][0]["code"] != host.codes[0] {
            break r;
        }
    };
    let new_code = room["teams"][0]["code"].as_str().unwrap().to_string();
    Client::join(&host.ws(), &new_code, "Dan again").await;
    host.stop().unwrap();
    let journal = journal_commands(&dir);
    let consoles = journal
        .iter()
        .filter(|e| e["source"]["console"].is_object())
        .count();
    assert_eq!(
        consoles, 2,
        "start and inject are journaled as the console's: {journal:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn devices_rejoin_a_resumed_session_with_the_same_codes_and_nothing_applies_twice() {
    let dir = scratch("resume");
    let host = TestHost::start(2, 30.0, &dir, false);
    let codes = host.codes.clone();
    let mut console = Client::connect(&host.ws()).await;
    console
        .send_json(&json!({"type": "console", "key": host.key}))
        .await;
    console.recv_type("console_open").await;
    console
        .send_json(&json!({"type": "control", "key": "s1", "control": "start_round"}))
        .await;
    console.ack("s1").await;
    let mut d = Client::join(&host.ws(), &codes[1], "Eva").await;
    d.decide(
        "once-1",
        json!({"SetSpanner": {"worker": "sara", "on": true}}),
    )
    .await;
    let first = d.ack("once-1").await;
    // The host goes down (its record is on disk) and comes back from it.
    drop(host);
    let again = TestHost::start(2, 30.0, &dir, true);
    assert_eq!(again.codes, codes, "the same codes");
    let mut d = Client::join(&again.ws(), &codes[1], "Eva").await;
    d.decide(
        "once-1",
        json!({"SetSpanner": {"worker": "sara", "on": true}}),
    )
    .await;
    let repeat = d.ack("once-1").await;
    assert_eq!(repeat["repeat"], true);
    assert_eq!(repeat["accepted"], first["accepted"]);
    again.stop().unwrap();
    let journal = journal_commands(&dir);
    let n = journal
        .iter()
        .filter(|e| e["source"]["device"]["key"] == "once-1")
        .count();
    assert_eq!(n, 1);
    verified_record(&dir);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pages_are_served_and_nothing_else() {
    let dir = scratch("pages");
    let host = TestHost::start(1, 5.0, &dir, false);
    let addr = host.base.trim_start_matches("http://").to_string();
    let get = |path: &'static str| {
        let addr = addr.clone();
        async move {
            use tokio::io::{AsyncReadExt, AsyncWriteExt};
            let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
            let request = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            s.write_all(request.as_bytes()).await.unwrap();
            let mut out = Vec::new();
            tokio::time::timeout(common::hosting::WAIT, s.read_to_end(&mut out))
                .await
                .unwrap()
                .unwrap();
            String::from_utf8_lossy(&out).into_owned()
        }
    };
    for path in [
        "/",
        "/join/ABCDE",
        "/console",
        "/web/team.js",
        "/web/console.js",
        "/web/common.js",
        "/web/style.css",
    ] {
        let r = get(path).await;
        assert!(
            r.starts_with("HTTP/1.1 200"),
            "{path}: {}",
            r.lines().next().unwrap_or("")
        );
    }
    for path in [
        "/../Cargo.toml",
        "/web/../../Cargo.toml",
        "/etc/passwd",
        "/web/missing.js",
        "/devices.json",
    ] {
        let r = get(path).await;
        assert!(!r.starts_with("HTTP/1.1 200"), "{path} must not be served");
    }
    host.stop().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn participants_voices_reach_the_console_anonymously_and_survive_a_resume() {
    let dir = scratch("voices");
    let host = TestHost::start(2, 30.0, &dir, false);
    let voice = |key: &str, participant: &str, signed: &str, v: Value| json!({"type": "voice", "key": key, "participant": participant, "signed": signed, "voice": v});
    // Anna joins with her name but answers anonymously; Bo signs his answers.
    let mut anna = Client::join(&host.ws(), &host.codes[0], "Anna").await;
    anna.send_json(&voice(
        "a-1",
        "pa",
        "",
        json!({"HopesAndFears": {"hopes": ["learn from the others"], "fears": ["silos"]}}),
    ))
    .await;
    assert_eq!(anna.ack("a-1").await["accepted"], true);
    let scores =
        json!({"Assessment": {"phase": "Before", "scores": [[2, 3, 1], [4, 0, 0], [0, 0, 0]]}});
    anna.send_json(&voice("a-2", "pa", "", scores)).await;
    assert_eq!(anna.ack("a-2").await["accepted"], true);
    let mut bo = Client::join(&host.ws(), &host.codes[1], "Bo").await;
    bo.send_json(&voice(
        "b-1",
        "pb",
        "Bo",
        json!({"Assessment": {"phase": "Before", "scores": [[4, 3, 1], [4, 0, 0], [0, 0, 0]]}}),
    ))
    .await;
    assert_eq!(bo.ack("b-1").await["accepted"], true);
    // Voices the game cannot take are refused and change nothing.
    for (key, bad) in [
        (
            "x-1",
            voice(
                "x-1",
                "pa",
                "",
                json!({"Assessment": {"phase": "Before", "scores": [[9, 0, 0], [0, 0, 0], [0, 0, 0]]}}),
            ),
        ),
        (
            "x-2",
            voice(
                "x-2",
                "pa",
                "",
                json!({"Dialogue": {"round": 9, "question": 0, "text": "x"}}),
            ),
        ),
        (
            // Before the first round: there is no round to talk about yet.
            "x-4",
            voice(
                "x-4",
                "pa",
                "",
                json!({"Dialogue": {"round": 1, "question": 0, "text": "too early"}}),
            ),
        ),
    ] {
        anna.send_json(&bad).await;
        let mut reply = Value::Null;
        for _ in 0..100 {
            reply = anna.next().await.unwrap();
            if reply["type"] == "error" || reply["type"] == "ack" {
                break;
            }
        }
        let refused =
            reply["type"] == "error" || (reply["key"] == key && reply["accepted"] == false);
        assert!(refused, "{reply}");
    }
    anna.send_json(&voice(
        "x-3",
        "not an id",
        "",
        json!({"Commitment": {"text": "x"}}),
    ))
    .await;
    assert_eq!(anna.recv_type("error").await["error"], "bad_message");

    // The console sees the room's distributions and hopes and fears, with no names but those signed.
    let mut console = Client::connect(&host.ws()).await;
    console
        .send_json(&json!({"type": "console", "key": host.key, "lang": "sv"}))
        .await;
    console.recv_type("console_open").await;
    let room = room_where(&mut console, |r| r["voices"]["participants"] == 2).await;
    let v = &room["voices"];
    assert_eq!(v["assessed"], json!([2, 0]));
    assert_eq!(v["scales"][0]["before"], json!([0, 1, 0, 1, 0]));
    assert_eq!(v["labels"]["themes"][0], "Att arbeta över funktionsgränser");
    assert_eq!(v["hopes"][0]["text"], "learn from the others");
    assert!(!v.to_string().contains("Anna"), "Anna did not sign: {v}");
    // The facilitator clusters a fear; the console shows it under its theme.
    console
        .send_json(
            &json!({"type": "control", "key": "c-tag", "control": {"curate": {"Tag": {
            "item": {"participant": "pa", "fear": true, "index": 0}, "theme": "Friktion"}}}}),
        )
        .await;
    assert_eq!(console.ack("c-tag").await["accepted"], true);
    room_where(&mut console, |r| {
        r["voices"]["fears"][0]["theme"] == "Friktion"
    })
    .await;

    // After the first round Bo's team answers a dialogue question; his teammates see it, the console pins it.
    console
        .send_json(&json!({"type": "control", "key": "c-s", "control": "start_round"}))
        .await;
    console.ack("c-s").await;
    console
        .send_json(&json!({"type": "control", "key": "c-e", "control": "end_round"}))
        .await;
    console.ack("c-e").await;
    bo.send_json(&voice(
        "b-2",
        "pb",
        "Bo",
        json!({"Dialogue": {"round": 1, "question": 1, "text": "talk before handing over"}}),
    ))
    .await;
    assert_eq!(bo.ack("b-2").await["accepted"], true);
    let mut mate = Client::join(&host.ws(), &host.codes[1], "").await;
    state_where(&mut mate, |s| {
        s["dialogue"][0]["text"] == "talk before handing over"
    })
    .await;
    console
        .send_json(
            &json!({"type": "control", "key": "c-pin", "control": {"curate": {"PinAnswer": {
            "answer": {"participant": "pb", "round": 1, "question": 1}, "on": true}}}}),
        )
        .await;
    assert_eq!(console.ack("c-pin").await["accepted"], true);
    room_where(&mut console, |r| {
        r["voices"]["answers"][0]["pinned"] == true
    })
    .await;
    // The facilitator pins this moment of the run for tomorrow.
    console
        .send_json(&json!({"type": "control", "key": "c-now", "control": {"pin_now": {"note": "the handoff jam"}}}))
        .await;
    assert_eq!(console.ack("c-now").await["accepted"], true);
    let room = room_where(&mut console, |r| {
        !r["voices"]["moments"].as_array().unwrap().is_empty()
    })
    .await;
    assert_eq!(room["voices"]["moments"][0][1], "the handoff jam");
    assert!(
        room["voices"]["moments"][0][0]
            .as_str()
            .unwrap()
            .starts_with("R1 ")
    );

    // The host goes down and comes back from its record: the voices are all there.
    drop(host);
    let again = TestHost::start(2, 30.0, &dir, true);
    let mut console = Client::connect(&again.ws()).await;
    console
        .send_json(&json!({"type": "console", "key": again.key}))
        .await;
    console.recv_type("console_open").await;
    let room = room_where(&mut console, |r| r["voices"]["participants"] == 2).await;
    assert_eq!(room["voices"]["fears"][0]["theme"], "Friktion");
    assert_eq!(room["voices"]["answers"][0]["pinned"], true);
    assert_eq!(room["voices"]["answers"][0]["signed"], "Bo");
    again.stop().unwrap();
    // The journal keeps Anna's voice without her name.
    let journal = journal_commands(&dir);
    let hers: Vec<&Value> = journal
        .iter()
        .filter(|e| e["command"]["Voice"]["participant"] == "pa")
        .collect();
    assert_eq!(
        hers.len(),
        4,
        "her two answers and the two refused ones (journaled, then rejected): {journal:?}"
    );
    assert!(!serde_json::to_string(&hers).unwrap().contains("Anna"));
    let record = verified_record(&dir);

    // The export, take-home pages and all, names nobody who did not sign: Anna gave her name only to join.
    let debrief = debrief_of(&dir, &record);
    let mut reflection = cakefactory::debrief::reflection::Reflection::default();
    reflection.fit(&debrief.tables.factories, debrief.rounds as usize);
    let out = scratch("voices-export");
    let done = cakefactory::debrief::export::export(
        &debrief,
        &reflection,
        &out,
        cakefactory::i18n::Lang::Sv,
    )
    .unwrap();
    assert_eq!(done.take_home.len(), 2);
    let page = |id: &str| {
        std::fs::read_to_string(out.join("take-home").join(format!("{id}.html"))).unwrap()
    };
    let hers = page("pa");
    assert!(
        hers.contains("silos") && hers.contains("Att arbeta över funktionsgränser"),
        "{hers}"
    );
    assert!(page("pb").contains("Bo") && page("pb").contains("talk before handing over"));
    assert!(
        hers.contains("the handoff jam"),
        "the pinned moment goes home too"
    );
    // The researcher's table of voices: every score, hope, fear, answer and commitment, by participant id.
    let voices = std::fs::read_to_string(out.join("voices.csv")).unwrap();
    assert!(
        voices.starts_with(
            "team,participant,signed,kind,round,theme,level,question,score,text,cluster"
        )
    );
    assert!(
        voices
            .lines()
            .any(|l| l.contains(",pa,,fear,") && l.contains("silos") && l.ends_with(",Friktion")),
        "{voices}"
    );
    assert!(
        voices
            .lines()
            .any(|l| l.contains(",pb,Bo,answer (pinned),1,")
                && l.contains("talk before handing over")),
        "{voices}"
    );
    let mut texts = done.csv.clone();
    texts.push(done.html.clone());
    texts.extend(done.take_home.iter().cloned());
    for f in &texts {
        let text = std::fs::read_to_string(f).unwrap();
        assert!(
            !text.contains("Anna"),
            "{} names Anna, who did not sign",
            f.display()
        );
    }
    let _ = std::fs::remove_dir_all(&out);
    let _ = std::fs::remove_dir_all(&dir);
}
