# The command line's human-readable output. (CSV and JSON outputs keep their English column names.)
cli-teams = { $count ->
    [one] { $count } team
   *[other] { $count } teams
}
cli-check-ok = { $file }: ok: { $summary }
cli-scenario-summary = "{ $name }": { $rounds } { $rounds ->
        [one] round
       *[other] rounds
    } x { $minutes } min, { $teams } { $teams ->
        [one] team
       *[other] teams
    }, { $workers } workers, { $steps } steps, { $products } products, { $designs } designs, { $scheduled } scheduled disruptions, { $palette } in the palette
cli-run-title = { $scenario } — seed { $seed }, { $teams } teams, { $rounds } rounds x { $minutes } min
cli-run-plan = plan: { $count } commands
cli-col-team = team
cli-col-design = design
cli-col-received = recv
cli-col-delivered = dlvd
cli-col-on-time = on time
cli-col-lost = lost
cli-col-profit = profit
cli-col-lead = lead
cli-col-p90 = p90
cli-col-throughput = thr/h
cli-col-wip = WIP
cli-col-flow = flow
cli-col-cross = x-hand
cli-col-rework = rework
cli-col-ei = E-I
cli-col-util = util
cli-col-round = round
cli-col-cross-wait = x-wait
cli-col-questions = qs
cli-col-spanners = spanners
cli-col-minute = min
cli-col-kind = kind
cli-col-headline = headline
cli-col-late = late
cli-col-settled = settled
cli-col-strategy = strategy
cli-run-legend = lead, p90: mean and 90th percentile lead time (min); thr/h: deliveries per hour; flow: touch / lead time;
    x-hand: cross-unit handoffs; E-I: Krackhardt E-I index of worker ties; util: mean utilisation.
cli-run-per-round = Per round:
cli-run-disruptions = Disruptions, against their twins (mean over teams; lost: twin minus team over a round's length after it; settled: minutes until the delivery gap stopped growing):
cli-tournament-title = { $scenario } - means over seeds 1..{ $seeds } (each strategy one team, same orders)
cli-tournament-per-round = on time per round    WIP per round
cli-verified = { $dir }: verified: { $commands } commands re-simulated; { $events } events and { $hashes } round hashes identical
cli-not-verified = { $dir }: does not verify: { $why }
cli-not-replayed = { $dir }: does not verify, so it is not replayed: { $why }
cli-replay-needs-record = { $dir }: replay and what-ifs need a session record (a folder with { $header } and { $journal }, as the game and `run --record DIR` write); an event log alone opens in `cakefactory debrief`
cli-plan-written = { $file }: the record's commands as a plan ({ $lines } lines)
cli-cannot-write = { $file }: cannot write: { $why }
cli-no-window = this build has no game window (built without the `gui` feature); --export-plan works without it
cli-report-written = wrote { $csv } CSV tables, { $charts } charts, { $html } and { $pages } take-home pages to { $dir }
cli-host-listening = Cake Factory host listening on { $addr }
cli-host-record = session record: { $dir }
cli-host-console = facilitator's console (keep this link to yourself): { $url }
cli-host-teams = teams:
cli-host-team = code { $code }
cli-host-speed = --speed must be one of { $speeds }
cli-host-team-range = --teams must be within 1..{ $max } (got { $got })
bench-debug-build = note: this is a debug build; run `cargo run --release -- bench` for meaningful figures
bench-standard = standard scenario, { $teams } factories x { $rounds } rounds: best { $best } ms, median { $median } ms ({ $orders } orders in all, { $per_order } us per order)
bench-calibration = calibration M/M/c, 1 factory, { $orders } orders: best { $best } s, median { $median } s ({ $per_order } us per order)
bench-seek = replay seek to { $share }% of the standard game (6 factories): best { $best } ms, median { $median } ms ({ $events } events re-simulated)
bench-seek-worst = replay seek, slowest median: { $median } ms (limit 100 ms)
load-setup = load test: { $teams } teams x { $devices } devices ({ $joined } joined) at { $speed }x for { $seconds } s, a decision every { $every } ms per device
load-commands = commands: { $sent } sent, { $answered } answered, { $lost } lost, { $duplicated } duplicated, { $resent } sent again after a reconnect
load-latency = command to answer: median { $median } ms, p99 { $p99 } ms, longest { $longest } ms
load-updates = state updates per device: at least { $least }/s, mean { $mean }/s
cli-flag-within = { $flag } must be within { $range }
cli-flag-one-of = { $flag } must be one of { $values }
