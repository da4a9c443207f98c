# Utvärderingen och dess exporter (CSV-kolumnernas namn förblir engelska).
takehome-title = Tårtfabriken — { $scenario }: att ta med hem
takehome-for = Till { $name }, { $team }
takehome-for-team = En medlem i { $team }
takehome-figures = Ert lags spel
takehome-delivered = Levererade tårtor
takehome-on-time = I tid
takehome-profit = Vinst
takehome-lead-time = Medelledtid (min)
takehome-cross-unit = Överlämningar mellan enheter
takehome-spanners = Gränsgångare vid slutet
takehome-then = Det du tog med dig in i rummet
takehome-hopes = Dina förhoppningar
takehome-fears = Dina farhågor
takehome-assessment = Din självskattning (1 dåligt – 5 utmärkt)
takehome-you-before = Du, före
takehome-you-after = Du, efter
takehome-room-before = Rummet, före (medel)
takehome-room-after = Rummet, efter (medel)
takehome-dialogue = Ert lags dialog
takehome-round = Omgång { $round }
takehome-pinned = Fäst för rummet
takehome-commitment = Det du lovar att göra
takehome-write-one = (Du angav inget: skriv det här.)
then-now = Då och nu
then-now-hopes = Förhoppningar, per tema
then-now-fears = Farhågor, per tema
then-now-unclustered = Inte klustrade
then-now-scales = Självskattning, före och efter (medel för rummet och varje lag, med hur många som svarade)
then-now-level = Nivå
then-now-room = Rummet
then-now-measured = Vad spelet mätte
then-now-on-time = i tid
then-now-cross = överlämningar mellan enheter per leverans
then-now-pinned = Fästa ögonblick och svar
then-now-nothing = Ingen svarade från en enhet i den här sessionen.
then-now-export = Exportera sidor att ta med hem
then-now-exported = Skrev { $count } sidor att ta med hem till { $dir }
then-now-commitments = Löften

# The dashboard
debrief-title = Debriefing
tab-scoreboard = Resultattavla
tab-flow = Flöde
tab-collaboration = Samarbete
tab-disruptions = Störningar
tab-compare = Jämför
tab-reflection = Reflektion
tab-what-if = Tänk om
debrief-export = 💾 Exportera
debrief-export-hint = Skriv alla tabeller (CSV), alla diagram (PNG) och en fristående HTML-rapport till en ny mapp
debrief-exported = Exporterade { $tables } tabeller, { $charts } diagram och rapporten till { $dir }
debrief-export-failed = Exporten misslyckades: { $error }
debrief-back = Tillbaka till spelet
debrief-quit = Avsluta
debrief-replay = ⏪ Repris
debrief-replay-hint = Ta fram vilket ögonblick som helst för vilket lag som helst, sida vid sida, och pröva tänk om
debrief-needs-record = Repris och tänk om kräver sessionens inspelning (spelets sessionsmapp, eller `run --record DIR`); en händelselogg ensam visar bara debriefingen
debrief-reflection-unreadable = Kunde inte läsa reflektionen: { $error }
debrief-reflection-unsaved = Kunde inte spara reflektionen: { $error }
debrief-team = Lag:
debrief-show-team = Visa { $team }
debrief-round = Omgång { $round }
debrief-all-rounds = Alla omgångar
minutes-short = { $minutes } min
decision-by = { $what } (av { $who })
decision-after = +{ $minutes } min: { $what }

# Scoreboard
scoreboard-caption = Varje lags nyckeltal: ledtider i minuter, vinst i spelets pengar; håll muspekaren över en rubrik för dess definition.

# Flow
flow-cfd = Kumulativt flöde
flow-cfd-caption = Beställningar som nått varje steg (eller ett senare) över simulerade minuter; ett bands höjd är arbetet i steget, dess bredd tiden där. Ett klick visar ögonblicket i repris.
flow-delivered = levererade
flow-time-axis = omgång och tid in i den
flow-orders-cumulative = beställningar (kumulativt)
flow-throughput = Genomflöde och PIA
flow-throughput-caption = Leveranser den senaste timmen och beställningar i fabriken, per simulerad minut; färgade linjer är störningar (håll pekaren över markeringen överst för rubriken), grå linjer omgångsstarter. Hjulet rullar sidan; Ctrl + hjul zoomar diagrammet; ett klick visar ögonblicket i repris.
flow-throughput-series = genomflöde (per timme)
flow-wip-series = PIA (beställningar)
flow-round-start = omgångsstart
flow-orders = beställningar
flow-disruption = R{ $round } { $clock }: { $headline }
flow-lead = Ledtid per omgång
flow-lead-caption = Minuter från beställning till leverans för tårtorna som levererades i varje omgång: lådan från första till tredje kvartilen, linjen vid medianen, morrhår till ytterligheterna.
flow-round-axis = omgång
flow-lead-axis = ledtid (minuter)
flow-lead-box = omgång { $round }: { $count } tårtor
flow-lead-series = ledtid
flow-no-cake = Ingen tårta levererad än.

# Collaboration
collab-handoffs = Överlämningar mellan enheter
collab-handoffs-caption = Rader lämnar över till kolumner: antal överlämningar och medelminuter tills nästa uppgift började. Rutor utanför diagonalen korsar en enhetsgräns.
collab-ei = E-I-index per enhet
collab-ei-caption = (band till andra enheter - band inom) / alla band: -1 ett slutet stuprör, +1 varje band går utåt. Strecket och "tvingat": vad organisationen ensam får att korsa en enhet; "utöver": skillnaden, över 0 mer arbete över enhetsgränser än strukturen kräver.
collab-questions = Frågor och omarbete
collab-questions-caption = Frågor som ställdes vid överlämningar och besvarades av avsändarens enhet; vad som skickade tillbaka arbete för att göras om.
collab-questions-count = Ställda frågor: { $asked }   besvarade: { $answered }
collab-rework-after = Omarbete efter { $cause }: { $count }
collab-no-rework = Inget omarbete.
collab-network = Vem arbetade med vem
collab-network-caption = Personer färgade efter enhet; en linje för varje par som lämnade över, besvarade en fråga eller tog över en uppgift, lika bred som antalet band (stående möten ritas inte). ★ gränsgångare.
collab-spanners = Gränsgångare
collab-spanners-caption = Andel av de kortaste vägarna mellan andra personer som går genom en person (mellanhandscentralitet, 0-1).
collab-actual = faktiskt
collab-forced = tvingat
collab-beyond = utöver
collab-from-to = från \ till
collab-cell = { $from } → { $to }: { $count } överlämningar, medelväntan { $wait }

# Disruptions
disruptions-caption = Varje lag mot sin tvilling: samma fabrik simulerad på nytt från ögonblicket före störningen men utan den (samma senare beslut och slumptal), under en omgångs längd efter den. Förlorat: tvillingens leveranser och vinst minus lagets; sena: lagets sena leveranser minus tvillingens; stabiliserat: minuter tills leveransgapet slutade växa. Respons: lagets beslut under de { $minutes } minuterna efter.
disruptions-none = Ingen störning i den här sessionen.
disruptions-title = Omgång { $round } kl. { $clock }: { $headline }
disruptions-team = Lag
disruptions-lost = Förlorade leveranser
disruptions-late = Fler sena
disruptions-profit = Förlorad vinst
disruptions-settled = Stabiliserat efter
disruptions-response = Respons
disruptions-not-measured = inte mätt
disruptions-no-change = ingen ändring

# Compare
compare-teams = två lag
compare-rounds = två omgångar för ett lag
compare-nothing = Inget att jämföra än.
compare-team-round = { $team } omgång { $round }
compare-caption = Leveranser den senaste timmen (tjock) och beställningar i fabriken (tunn), per simulerad minut (minuter in i omgången när omgångar jämförs).
compare-key = { $side }: { $name } (tjock: genomflöde, tunn: PIA)
compare-minutes = simulerade minuter
compare-throughput = { $side } genomflöde: { $name }
compare-wip = { $side } PIA: { $name }
compare-team = Lag
fig-delivered = Levererade
fig-on-time = I tid
fig-lost = Förlorade
fig-profit = Vinst
fig-lead-mean = Ledtid medel (min)
fig-lead-p90 = Ledtid p90 (min)
fig-rework = Omarbetsuppgifter
fig-cross-wait = Väntan mellan enheter (min)
fig-ei = E-I-index

# Reflection (the participants' own answers first, the facilitator's record beside them)
reflect-self = Självskattning
reflect-self-caption = 1 dåligt till 5 utmärkt, före spelet och efter det; bredvid varje, siffrorna som svarar på den och hur de ska läsas.
reflect-voices-caption = Från deltagarnas enheter: medelvärdet för jag · min organisation · vi tillsammans, med hur många som svarade. Där ingen i laget svarade kan facilitatorn ange lagets egen skattning.
reflect-before = Före
reflect-after = Efter
reflect-measured = Uppmätt
reflect-levels = { $me } · { $org } · { $us } ({ $count })
reflect-typed = angivet av facilitatorn
reflect-notes = Dialog per omgång
reflect-notes-caption = Lärmötets tre frågor, omgång för omgång: vad lagets enheter svarade, och facilitatorns egna anteckningar nedanför.
reflect-facilitator-note = Facilitatorns anteckning
reflect-q-across = Hur bra är vi på att arbeta över funktionsgränser?
reflect-q-change = Hur bra var vi på att anpassa oss till förändring?
reflect-q-spanners = Hur väl använde vi gränsgångare?

# What-ifs
whatifs-none = Inga tänk om än: öppna reprisen, gå till ett ögonblick och välj "Tänk om... från det här ögonblicket".
whatifs-label = Tänk om:
whatifs-from = { $name } (från { $moment })
whatifs-running = Simulerar tänk om på nytt...
whatifs-pick = Välj ett tänk om för att se det bredvid det som hände.

# The figures that answer the self-assessment
answers-across-wait = väntan mellan enheter { $wait } per beställning, omarbete { $rework } uppgifter per beställning
answers-across-ei = E-I { $ei } där organisationen tvingar fram { $forced }: { $beyond } utöver strukturen
answers-aid-across = Mindre väntan och omarbete per beställning är bättre; "utöver" över 0 betyder mer arbete över enhetsgränser än organisationen tvingar fram.
answers-change-none = ingen störning uppmätt mot sin tvilling (än)
answers-change-cost = { $count } störning(ar) kostade { $deliveries } leveranser och { $profit } i vinst mot tvillingen, { $late } fler sena
answers-change-settled = leveransgapet slutade växa efter { $settled } i medel; { $lost } beställningar förlorade totalt
answers-aid-change = Färre förlorade leveranser och mindre förlorad vinst mot tvillingen, och ett gap som slutar växa tidigare, betyder att chockerna togs upp.
answers-spanners = { $count } utsedda gränsgångare: { $minutes } min gränsgång, belastning { $load }
answers-spanner-load = { $share } av deras tid
answers-questions = frågor: { $answered } av { $asked } besvarade, { $across } över enhetsgränser; flest mellan: { $people }
answers-aid-spanners = Gränsgångare gör sig förtjänta av sin tid när frågor besvaras över enhetsgränser; hög belastning med få svar betyder att tiden ger lite.
cause-miscommunication = missförstånd
cause-process = processfel
cause-spec-change = ändrad specifikation

# The HTML report
report-title = Cake Factory-debriefing: { $scenario }
report-heading = Cake Factory-debriefing
report-session = Scenario { $scenario }, frö { $seed }, { $teams } lag, { $rounds } omgångar om { $minutes } minuter.
report-scoreboard-caption = Summor över alla omgångar; fet grön är bäst i kolumnen.
report-design = Organisation
report-on-time-share = I tid %
report-disruption = Störning
report-settled-min = Stabiliserat efter (min)
report-round-dialogue = Omgång { $round }: dialog
report-footer = Gjord med Cake Factory. Varje siffra är beräknad ur sessionens händelselogg.

# The charts of the export
chart-time-axis = omgång och tid in i den (h:mm)
chart-flow = { $team }: genomflöde (leveranser den senaste timmen) och PIA (beställningar i fabriken)
chart-throughput = genomflöde (leveranser den senaste timmen)
chart-wip = PIA (beställningar i fabriken)
chart-disruption = en störning (numrerad nedan)
chart-cfd = { $team }: kumulativt flöde (beställningar som nått varje steg eller längre, och levererade)
chart-lead = { $team }: ledtid för levererade tårtor per omgång (minuter, 30-minutersintervall)
chart-lead-axis = ledtid (minuter från beställning till leverans)
chart-cakes = tårtor
chart-handoffs = { $team }: överlämningar mellan enheter (antal · medelväntan i min)
chart-from-unit = från enhet (rader)
chart-to-unit = till enhet (kolumner)
chart-network = { $team }: vem arbetade med vem (band: överlämningar, frågor, hjälp, möten)
chart-ei = { $team }: E-I-index per enhet ((band ut - band in) / alla band); streck: vad organisationen tvingar fram
chart-ei-axis = E-I-index: -1 stuprör, 0 balanserat, +1 allt utåt
chart-compare = Alla lag: genomflöde (leveranser den senaste timmen)
chart-per-hour = leveranser per timme
chart-disruptions = Leveranser som varje störning kostade, mot lagets tvilling (en omgångs längd efter den)
chart-disruption-axis = störning (numrerad i förklaringen)
chart-deliveries-lost = förlorade leveranser
bench-debrief = debriefing av 12 lag x 4 omgångar: { $events } händelser
bench-debrief-frames = debriefingens UI-arbete per bildruta (egui-panelen, ms; de första bildrutorna för varje flik inräknade):
bench-debrief-tab = medel { $mean }, median { $median }, p95 { $p95 }, max { $max }
bench-debrief-all = alla flikar     medel { $mean }, p95 { $p95 }, max { $max }
