# Kommandoradens utskrifter. (CSV och JSON behåller sina engelska kolumnnamn.)
cli-teams = { $count ->
    [one] { $count } lag
   *[other] { $count } lag
}
cli-check-ok = { $file }: ok: { $summary }
cli-scenario-summary = "{ $name }": { $rounds } { $rounds ->
        [one] omgång
       *[other] omgångar
    } x { $minutes } min, { $teams } lag, { $workers } medarbetare, { $steps } steg, { $products } produkter, { $designs } organisationer, { $scheduled } schemalagda störningar, { $palette } i paletten
cli-run-title = { $scenario } — frö { $seed }, { $teams } lag, { $rounds } omgångar x { $minutes } min
cli-run-plan = plan: { $count } kommandon
cli-col-team = lag
cli-col-design = organisation
cli-col-received = mott
cli-col-delivered = lev
cli-col-on-time = i tid
cli-col-lost = förl
cli-col-profit = vinst
cli-col-lead = ledtid
cli-col-p90 = p90
cli-col-throughput = lev/h
cli-col-wip = PIA
cli-col-flow = flöde
cli-col-cross = x-överl
cli-col-rework = omarb
cli-col-ei = E-I
cli-col-util = belägg
cli-col-round = omg
cli-col-cross-wait = x-vänt
cli-col-questions = fråg
cli-col-spanners = gränsgångare
cli-col-minute = min
cli-col-kind = slag
cli-col-headline = rubrik
cli-col-late = sena
cli-col-settled = stabil
cli-col-strategy = strategi
cli-run-legend = ledtid, p90: medel och 90:e percentilen av ledtiden (min); lev/h: leveranser per timme; flöde: beröringstid / ledtid;
    x-överl: överlämningar mellan enheter; E-I: Krackhardts E-I-index för medarbetarnas band; belägg: medelbeläggning. PIA: pågående order.
cli-run-per-round = Per omgång:
cli-run-disruptions = Störningar, mot sina tvillingar (medel över lagen; förl: tvillingen minus laget över en omgångs längd efter störningen; stabil: minuter tills leveransgapet slutade växa):
cli-tournament-title = { $scenario } - medel över frön 1..{ $seeds } (varje strategi ett lag, samma order)
cli-tournament-per-round = i tid per omgång    PIA per omgång
cli-verified = { $dir }: verifierad: { $commands } kommandon simulerade igen; { $events } händelser och { $hashes } omgångskontrollsummor identiska
cli-not-verified = { $dir }: verifieras inte: { $why }
cli-not-replayed = { $dir }: verifieras inte och spelas därför inte upp: { $why }
cli-replay-needs-record = { $dir }: uppspelning och tänk-om kräver en sessionsinspelning (en mapp med { $header } och { $journal }, som spelet och `run --record DIR` skriver); en händelselogg ensam öppnas i `cakefactory debrief`
cli-plan-written = { $file }: inspelningens kommandon som en plan ({ $lines } rader)
cli-cannot-write = { $file }: kan inte skriva: { $why }
cli-no-window = det här bygget har inget spelfönster (byggt utan funktionen `gui`); --export-plan fungerar utan det
cli-report-written = skrev { $csv } CSV-tabeller, { $charts } diagram, { $html } och { $pages } sidor att ta med hem till { $dir }
cli-host-listening = Cake Factory-värden lyssnar på { $addr }
cli-host-record = sessionsinspelning: { $dir }
cli-host-console = spelledarens konsol (behåll länken för dig själv): { $url }
cli-host-teams = lag:
cli-host-team = kod { $code }
cli-host-speed = --speed måste vara en av { $speeds }
cli-host-team-range = --teams måste vara inom 1..{ $max } (fick { $got })
bench-debug-build = obs: det här är ett felsökningsbygge; kör `cargo run --release -- bench` för meningsfulla siffror
bench-standard = standardscenariot, { $teams } fabriker x { $rounds } omgångar: bäst { $best } ms, median { $median } ms ({ $orders } beställningar totalt, { $per_order } µs per beställning)
bench-calibration = kalibrering M/M/c, 1 fabrik, { $orders } beställningar: bäst { $best } s, median { $median } s ({ $per_order } µs per beställning)
bench-seek = reprissökning till { $share } % av standardspelet (6 fabriker): bäst { $best } ms, median { $median } ms ({ $events } händelser simulerade på nytt)
bench-seek-worst = reprissökning, långsammaste median: { $median } ms (gräns 100 ms)
load-setup = lasttest: { $teams } lag x { $devices } enheter ({ $joined } anslutna) i { $speed }x under { $seconds } s, ett beslut per { $every } ms och enhet
load-commands = kommandon: { $sent } skickade, { $answered } besvarade, { $lost } förlorade, { $duplicated } dubblerade, { $resent } skickade igen efter återanslutning
load-latency = kommando till svar: median { $median } ms, p99 { $p99 } ms, längst { $longest } ms
load-updates = tillståndsuppdateringar per enhet: minst { $least }/s, medel { $mean }/s
cli-flag-within = { $flag } måste ligga inom { $range }
cli-flag-one-of = { $flag } måste vara en av { $values }
