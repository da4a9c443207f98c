# Spelfönstret.
language = Språk
language-hint = Språket i det här fönstret; varje lags enhet väljer sitt eget

## Menyn.
menu-text-size = Textstorlek
menu-presenter = Presentatörsvy: konsolen i ett eget fönster
menu-presenter-hint = Ett andra fönster för spelledaren (konsol, beslut, vad som kommer härnäst); det här fönstret, för projektorn, visar då bara det rummet ska se
menu-save-log = Spara händelseloggen
menu-debrief = Öppna utvärderingen
menu-debrief-hint = Utvärderingens översikt över sessionen hittills
menu-back-to-lobby = Tillbaka till lobbyn (avslutar sessionen)
menu-quit = Avsluta

## Lobbyn.
lobby-tagline = Driv ett tårtbageri tillsammans. Samarbeta över funktionsgränser. Ställ om när det händer.
lobby-resume-heading = Återuppta en oavslutad session
lobby-resume = Återuppta
lobby-resume-hint = Bygg upp sessionen igen från dess inspelning ({ $dir }) och fortsätt, pausad, där den stod
lobby-older = och { $count } äldre (cakefactory play --resume DIR)
lobby-scenario = Scenario
lobby-scenario-file = En scenariofil:
lobby-open = Öppna
lobby-open-hint = Läs in och kontrollera scenariofilen
lobby-open-first = öppna en scenariofil först
lobby-teams = Lag
lobby-team-count = Antal lag
lobby-team = Lag { $number }
lobby-seed = Frö
lobby-seed-hint = Samma frö och samma beslut ger exakt samma spel
lobby-presenter = Presentatörsvy: ett andra fönster för spelledaren
lobby-presenter-hint = Konsolen, lagens beslut och vad som kommer härnäst i ett eget fönster, för din skärm; det här fönstret, för projektorn, visar bara det rummet ska se
lobby-start = Starta spelet ▶
lobby-devices = Lagen spelar från sina egna enheter (mobiler, surfplattor, datorer)
lobby-devices-hint = Spelet ger varje lag en sida i webbläsaren, inget att installera: varje lag ansluter med sin egen kod eller QR-kod, som visas här, i genomgångarna och i konsolen
lobby-devices-open = Enheter på rummets nätverk öppnar { $address }
lobby-offers = Brådskande erbjudanden:
lobby-offers-within = svara inom
lobby-offers-within-hint = Varje erbjudande väntar så många sekunder av spelet (pauser räknas inte)
lobby-offers-pause = pausa spelet tills de besvarats
lobby-offers-pause-hint = Spelet pausas när ett erbjudande kommer; när spelet fortsätter får ett obesvarat erbjudande sitt standardsvar

## Meddelanden.
notice-devices-at = Lagen ansluter från sina enheter på { $address }

## Övre raden.
bar-decisions = Beslut (D)
bar-facilitator = Spelledare (F)
bar-decisions-hint = Visa eller dölj lagets beslutspanel
bar-facilitator-hint = Visa eller dölj spelledarens konsol
bar-team-hint = Laget vars bageri syns (Tab eller översikten byter lag)
bar-round = Omgång { $round }/{ $rounds }
bar-round-hint = Omgången och den simulerade tiden i den (timmar:minuter)
bar-paused = PAUSAT
bar-resume = Fortsätt
bar-pause = Pausa
bar-pause-hint = Pausa eller fortsätt simuleringen (mellanslag)
bar-speed-key = { $speed }x  (tangent { $key })
bar-speed-hint = { $speed } simulerade minuter per sekund (fortsätter inte ett pausat spel)
bar-speeds-hint = Hastigheten (tangenterna 1-6; en hastighet fortsätter inte ett pausat spel)
bar-delivered = Levererade
bar-delivered-hint = Tårtor levererade under sessionen
bar-late = Sena
bar-late-hint = Tårtor levererade efter sin förfallotid
bar-profit = Vinst
bar-profit-hint = Intäkter (minus förseningsavdrag) minus löner, fasta kostnader, ingredienser och expressavgifter
bar-wip = PIA
bar-wip-hint = Order i bageriet nu

## Lagets beslutspanel.
team-decisions = { $team }: beslut
team-nothing-changes = Ingenting skulle ändras.
team-switch-changes = Bytet skulle ändra:
team-other-decisions-stay = Era andra beslut (gränsgångare, arbetssätt, PIA-gränser) står kvar.
team-design = Organisation
team-design-now = Nu: { $design }
team-design-next = Från nästa omgång: { $design }
team-use-design = Använd den här organisationen
team-use-design-hint = Organisera om till den här organisationen. Under en omgång gäller den från nästa omgångs start; mellan omgångar med en gång. Pågående arbete följer med.
team-people = Medarbetare
team-people-help = Enhet, ★ gränsgångare, vad de gör nu
team-skills = Färdigheter: { $skills }
team-move-hint = Flytta personen till en annan enhet. Personen gör först klart uppgiften den håller på med.
team-spanner-hint = Gränsgångare: svarar på alla enheters frågor och gör, under arbetstid, överlämningar in i och ut ur den egna enheten smidigare (som scenariot anger). Kostar { $minutes } av var { $every }:e minut i gränsgång, borta från uppgifterna.
team-practices = Arbetssätt
team-board = Gemensam tavla
team-board-hint = Alla ser varje orders status: överlämningar väntar mindre och väcker färre frågor. Att hålla den aktuell lägger { $minutes } min till varje uppgift.
team-standups = Stående möten
team-standups-hint = Korta regelbundna möten: folk kommer när de gjort klart sin uppgift. De kostar arbetstid men förbättrar överlämningar som scenariot anger; effekten klingar av till inget under { $minutes } min efter varje möte.
team-every = var
team-for = i
team-whole-factory = hela bageriet
team-whole-factory-hint = Utan kryss: varje enhet möts för sig
team-helping = Hjälp:
team-helping-none = ingen
team-helping-none-hint = Specialisterna gör bara sin egen specialitet i sin egen enhet.
team-helping-own = egna enheten
team-helping-own-hint = Alla i enheten med färdigheten tar enhetens uppgifter.
team-helping-anyone = alla
team-helping-anyone-hint = Lediga tar också andra enheters uppgifter de har färdigheten för, när de väntat en stund.
team-queues = Köer:
team-fifo = först in
team-fifo-hint = Uppgifterna tas i den ordning de kom.
team-edd = tidigast förfallodag
team-edd-hint = Uppgiften för den order som förfaller först tas först.
team-wip-limits = PIA-gränser (order som får vara i ett steg samtidigt):
team-wip-limits-hint = Order väntar utanför ett fullt steg: mindre arbete hopar sig inne.
team-rush-offers = Brådskande erbjudanden
team-rush-terms = { $quantity } x { $product } à { $price }, ska levereras { $due }
team-left-to-answer = { $time } kvar att svara
team-game-waits = Spelet väntar på ert svar
team-accept = Tacka ja
team-accept-hint = Ta den brådskande ordern
team-decline = Tacka nej
team-decline-hint = Avböj den brådskande ordern
team-orders = Order i bageriet ({ $count })
team-late-by = { $minutes } min sen
team-due-in = förfaller om { $minutes } min
team-expedited = prioriterad
team-expedite = Skynda på
team-expedite-hint = Sätt den här ordern före alla andra i varje kö (kostar { $cost })

## Delat av panelerna.
all-teams = Alla lag
overview-hint = Klicka på ett lag eller tryck Tab
due-round-at = omgång { $round } kl. { $time }
offer-terms = { $quantity } x { $product } à { $price }
banner-rush = Brådskande erbjudande: { $terms }, ska levereras { $due }
banner-rush-left = { $who }: tacka ja eller nej, { $time } kvar
banner-rush-waits = spelet väntar på svar från { $who }
console-waiting = väntar
console-left = { $time } kvar
console-rush-offer = { $team }: brådskande erbjudande, { $terms }

## Genomgången före en omgång.
briefing-round = Omgång { $round } av { $rounds }
briefing-no-news = Inga nyheter från marknaden.
briefing-teams = Lagen och deras organisation
briefing-may-change = Lagen kan ändra organisation, medarbetare och arbetssätt i panelen under spelet.
briefing-speed = Hastighet för den här omgången:
briefing-speed-hint = { $speed } simulerade minuter per sekund
briefing-start = Starta omgången
briefing-start-hint = Starta omgången för alla lag, pausad: tryck mellanslag eller Fortsätt när rummet är redo
briefing-next = nästa: { $design }

## Resultaten efter en omgång och vid slutet.
results-round-over = Omgång { $round } är slut
results-final = Slutställning
results-round = Omgång { $round }
results-all-rounds = Alla omgångar hittills
results-profit = Så blir vinsten
results-profit-help = Intäkten är priset för varje levererad tårta minus förseningsavdraget. Löner och den fasta kostnaden löper minut för minut medan en omgång pågår (som den övre raden visade dem), så siffrorna här gäller hela omgången.
results-disruptions = Störningar
results-twin-later = mäts mot sin tvilling en omgångs längd efteråt
results-mean-per-team = medel per lag: { $impact }
results-disruption = Omgång { $round } minut { $minute }: { $headline } — { $impact }
results-next = Nästa omgång ▶
results-next-hint = Gå till genomgången före nästa omgång
results-debrief = Utvärdering
results-replay = Uppspelning
results-replay-hint = Visa vilket ögonblick som helst för vilket lag som helst igen, sida vid sida, och prova tänk-om
results-save-hint = Skriv sessionens alla händelser som JSON-rader (för utvärderingen och forskare)
results-new-game = Nytt spel
results-new-game-hint = Tillbaka till lobbyn

## Ställningen.
std-team = Lag
std-team-hint = Lagets namn
std-design = Organisation
std-on-screen = Laget som syns
std-legend = ★ bäst i kolumnen. Håll muspekaren över en rubrik för vad den mäter.
std-click-to-sort = { $tip } (klicka för att sortera)
std-delivered = Levererade
std-delivered-hint = Levererade tårtor
std-on-time = I tid
std-on-time-hint = Andel levererade senast förfallotiden
std-lost = Förlorade
std-lost-hint = Order som kunden avbeställde
std-profit = Vinst
std-profit-hint = Intäkter minus kostnader
std-lead = Ledtid
std-lead-hint = Medelminuter från order till leverans
std-p90 = Ledtid p90
std-p90-hint = 90 % av tårtorna kom fram inom så här många minuter
std-rework = Omarbete
std-rework-hint = Uppgifter som gjordes om på grund av fel eller ändrade beställningar
std-cross-wait = Väntan mellan enheter
std-cross-wait-hint = Medelminuter från en överlämning mellan enheter till nästa uppgifts start
std-ei = E-I
std-ei-hint = Krackhardts E-I-index för vem som arbetade med vem: -1 silor, +1 allt över enhetsgränser
profit-revenue = Intäkter
profit-penalties = (förseningsavdrag)
profit-wages = - Löner
profit-fixed = - Fasta
profit-ingredients = - Ingredienser
profit-expedite = - Express
profit-profit = = Vinst

## Spelledarens konsol.
console-all-teams = alla lag
console-timed = { $headline } ({ $target }, tidsinställd av dig)
console-inject-heading = Skicka in en störning
console-no-palette = Scenariot har inga störningar i sin palett.
console-inject = Skicka in
console-inject-hint = Skicka störningen till de valda lagen
console-confirm-end = Avsluta omgång { $round } nu för alla lag, vid { $time }? Pågående arbete följer med.
console-yes-end = Ja, avsluta omgången
console-cancel = Avbryt
console-round-heading = Omgång
console-all-played = alla omgångar spelade
console-running = pågår, { $time }
console-between = mellan omgångar
console-paused = pausat
console-start = Starta omgången
console-start-hint = Starta nästa omgång för alla lag
console-pause-hint = Pausa eller fortsätt för alla lag (mellanslag)
console-end = Avsluta omgången
console-end-hint = Avsluta omgången nu för alla lag (frågar först; pågående arbete följer med)
console-speed = Hastighet:
console-between-limits = Mellan { $min } och { $max } (scenariots gränser)
console-teams = Lag:
console-all = alla
console-chosen = valda:
console-when = När:
console-now = nu
console-at-minute = vid minut
console-coming = Härnäst
console-nothing-scheduled = Inget schemalagt
console-injected = Inskickade
console-nothing-yet = Inget än
param-lasts = Varar
param-stock-lost = Förstört lager
param-units = Stationer ur funktion
param-quantity = Tårtor
param-due-within = Ska levereras inom
param-price = Pris, av listpris
param-share = Ändrade order
param-demand = Efterfrågan
param-delay = Förseningar vid överlämning
param-miscommunication = Överlämningar som går fel
param-questions = Frågor
param-amount = Mängd
console-pin = Fäst det här ögonblicket
console-pin-note = vad vi ska titta på
console-pin-hint = Spara det här ögonblicket av spelet, med din anteckning, till utvärderingen och nästa morgons "då och nu"

## Lagens enheter.
devices-heading = Lagens enheter
devices-none = ingen enhet än
devices-count = { $count ->
    [one] { $count } enhet
   *[other] { $count } enheter
}
devices-and-more = { $count }: { $names } (och { $more } till)
devices-join = Anslut från mobilen eller datorn: skanna ert lags kod, eller öppna { $address } och skriv in den
devices-console = Spelledarens konsolsida: { $url }
devices-new-code = Ny kod
devices-new-code-hint = Ge laget en ny kod: enheter som anslöt med den gamla skickas bort
console-heading = Spelledare
console-hide = Dölj konsolen (F)
desk-room-text-size = Rummets textstorlek
desk-one-window = Ett fönster
desk-replaying = Spelar upp den inspelade sessionen
desk-replaying-help = Tidslinjen, sida vid sida och tänk-om finns i rummets fönster.
desk-only-this-window = Bara det här fönstret ser konsolen; rummet ser det andra.

## Bageriets golv.
floor-away = Borta
floor-standard-cake = standardtårta
floor-custom-cake = specialtårta
floor-late = sen
floor-waiting = väntar (PIA-gräns)
floor-station-free = station ledig
floor-station-broken = station trasig
floor-handoff = överlämning mellan enheter
floor-answering = svarar
floor-standup = stående möte
floor-spanning = gränsgång
floor-more = +{ $count } till
floor-in-work = i arbete { $count }
floor-asking = frågar { $count }
floor-coming = på väg { $count }
floor-next-round = nästa omgång: { $design }

# The replay
replay-title = Repris
replay-team-on-screen = Lag på skärmen (Tab)
replay-beside = Bredvid
replay-beside-nothing = inget: dess golv
replay-beside-team = { $team }, i samma ögonblick
replay-beside-round = sig självt i omgång { $round }, vid samma minut
replay-what-if = Tänk om... från det här ögonblicket
replay-what-if-hint = Ändra lagens beslut härifrån (utelämna några, lägg till andra) och kör resten av sessionen med samma slumptal
replay-leave = Lämna reprisen
replay-leave-hint = Tillbaka till hela sessionen
replay-cannot = Kan inte visa repris: { $error }
replay-no-later = { $team } har ingen senare { $kind }
replay-no-earlier = { $team } har ingen tidigare { $kind }
replay-saved = Tänk om sparat som { $name }
timeline-previous = Lagets föregående { $kind }
timeline-next = Lagets nästa { $kind }
timeline-hint = Klicka eller dra för att gå till ett ögonblick; håll pekaren över en markering för vad den var
marker-disruption = störning
marker-decision = beslut
marker-late = sen leverans
marker-late-text = en tårta levererad { $minutes } min för sent
marker-decision-text = { $what } (av { $who }, kommando { $seq })
source-facilitator = facilitatorn
source-offer-clock = erbjudandeklockan
source-plan = planen
source-runner = körningen
source-what-if = tänk om
draft-title = Tänk om... från { $moment }
draft-same = Samma beställningar och samma slumptal; bara besluten ändras från det här ögonblicket.
draft-later = Lagens beslut härifrån (bocka ur för att utelämna ett)
draft-none = inga
draft-added = Tillagda beslut
draft-added-how = Besluta med { $team }s panel nedan: varje beslut läggs till vid ögonblicket på skärmen (flytta tidslinjen för att lägga till ett senare).
draft-take-back = Ta tillbaka
draft-run = Kör till slutet och jämför
draft-cancel = Avbryt
outcome-title = Det som hände, och tänk om från { $moment }
outcome-caption = Varje siffra: vad tänk om ger, och inom parentes hur långt det är från det som hände. Sparat i { $saved }
outcome-team = lag
outcome-delivered = levererade
outcome-late = sena
outcome-profit = vinst
outcome-handoffs = överlämningar mellan enheter
outcome-chart = { $team }: genomflöde och PIA
outcome-dashed = streckad
outcome-throughput-actual = genomflöde, det som hände
outcome-throughput-what-if = genomflöde, tänk om
outcome-wip-actual = PIA, det som hände
outcome-wip-what-if = PIA, tänk om
outcome-moment = tänk om-ögonblicket
glance-figures = levererade { $delivered } · sena { $late } · vinst { $profit } · PIA { $wip }
glance-step = { $waiting } väntar, { $working } i arbete
glance-step-held = { $waiting } väntar (+{ $held } hållna), { $working } i arbete
glance-station = { $station }: { $used } av { $count } används
glance-station-broken = { $station }: { $used } av { $count } används, { $broken } trasiga
glance-away = borta: { $people }

# Notices
notice-speed = Hastighet { $speed }x
notice-speed-paused = Hastighet { $speed }x (pausad: mellanslag fortsätter)
notice-round-ready = Omgång { $round } är redo, pausad: mellanslag eller Fortsätt startar den i { $speed }x
notice-paused = Pausad ({ $speed }x när den fortsätter)
notice-running = Går i { $speed }x
notice-round-ended = Omgång { $round } avslutad av facilitatorn
notice-presenter-on = Presentatörsvy: konsolen, besluten och det som kommer härnäst finns i facilitatorns fönster
notice-presenter-off = Ett fönster: F visar konsolen vid högerkanten
notice-log-saved = Händelseloggen sparad i { $path }
notice-log-unsaved = Kunde inte spara händelseloggen: { $error }
notice-text-size = Textstorlek { $size }
notice-new-code = Lag { $team } har en ny kod; dess enheter måste ansluta igen
notice-no-new-code = Ingen ny kod: { $error }
lobby-reached = omgång { $round }, minut { $minute }
lobby-before-first = före första omgången
lobby-resumable = { $scenario }, { $teams } lag, frö { $seed }: { $reached }
resumed = Återupptog { $dir }: { $state }
resumed-over = sessionen är slut
resumed-running = omgång { $round } vid { $clock }, pausad: mellanslag fortsätter
resumed-between = omgång { $round } är slut
resume-failed = Kunde inte återuppta: { $error }

# The overview's hovers
overview-tile-hint = { $team }: { $design }
    levererade { $delivered }, sena { $late }, förlorade { $lost }, PIA { $wip }, vinst { $profit }
    klicka för att följa laget
overview-row-hint = { $team }: { $design }; levererade, sena, vinst hittills; klicka för att följa laget
overview-delivered = Levererade
overview-late = Levererade sent
overview-lost = Förlorade (kunden avbeställde)
overview-wip = Beställningar i fabriken nu
overview-wip-short = PIA { $wip }
overview-profit = Vinst hittills
overview-sparkline = Leveranser per halvtimme sedan start (minidiagram); klicka för att följa laget

# What a switch of design would change
reorg-units = Enheter: { $now } blir { $after }
reorg-move = { $worker } till { $unit }
reorg-moves = Flyttar: { $moves }
reorg-many-move = { $count } av { $people } personer byter enhet
reorg-spanners-new = Nya gränsgångare: { $people }
reorg-spanners-gone = Inte längre gränsgångare: { $people }
reorg-none = ingen
reorg-standup = var { $every } min i { $minutes } min, { $scope }
reorg-each-unit = varje enhet
reorg-whole-factory = hela fabriken
reorg-standups = Stående möten: { $after } (nu { $now })
reorg-board-on = Den gemensamma tavlan sätts upp
reorg-board-off = Den gemensamma tavlan tas ner
reorg-helping = Hjälp: { $after } (nu { $now })
reorg-queues = Köer: { $after } (nu { $now })
reorg-wip = PIA-gräns för { $step }: { $after } (nu { $now })
replay-pin-hint = Spara ögonblicket på skärmen, för laget på skärmen, med din anteckning: debriefingen och nästa morgons "då och nu" visar det (sparas bredvid inspelningen, som förblir som den spelades)
replay-pinned = Nålade fast { $moment } till nästa morgon
