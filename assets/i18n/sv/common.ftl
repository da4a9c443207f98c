# Texter som alla delar av spelet delar.
lang-name = Svenska

## Tickerrader: vad som hände, som rummet läser det.
ticker-round-starts = Omgång { $round } börjar
ticker-round-over = Omgång { $round } är slut
ticker-station-down = { $units } x { $station } ur funktion
ticker-worker-away = { $worker } är borta
ticker-rush-offer = brådskande erbjudande: { $quantity } x { $product } à { $price }, tacka ja eller nej!
ticker-big-order = stor order: { $product } ({ $price })
ticker-late = levererad { $minutes } min för sent
ticker-cancelled = en kund avbeställde
ticker-sent-back = en kund skickade tillbaka en tårta
ticker-not-done = inte gjort: { $reason }
ticker-rush-accepted = tackade ja till det brådskande erbjudandet
ticker-rush-declined = tackade nej till det brådskande erbjudandet
ticker-rush-taken-default = inget svar på det brådskande erbjudandet i tid: antaget som standard
ticker-rush-declined-default = inget svar på det brådskande erbjudandet i tid: avböjt som standard

## Ett lags beslut, i ord.
action-design = valde organisationen { $design }
action-move = flyttade { $worker } till { $unit }
action-spanner-on = gjorde { $worker } till gränsgångare
action-spanner-off = { $worker } är inte längre gränsgångare
action-standups = stående möten var { $minutes }:e min
action-standups-off = slutade med stående möten
action-board-on = gemensam tavla på
action-board-off = gemensam tavla av
action-wip-limit = PIA-gräns { $limit } för { $step }
action-no-wip-limit = ingen PIA-gräns för { $step }
action-helping = hjälp: { $how }
action-queues = köer: { $how }
action-owned = { $step } ägs av { $units }
action-expedite = skyndade på order { $order }
action-rush-accepted = tackade ja till brådskande erbjudande { $offer }
action-rush-declined = tackade nej till brådskande erbjudande { $offer }

## Arbetssätt.
helping-none = bara specialister
helping-own-unit = inom enheten
helping-anyone = vem som helst, var som helst
priority-fifo = först in, först ut
priority-earliest-due = tidigast förfallodag först

## Vad en medarbetare gör.
activity-idle = ledig
activity-working = arbetar
activity-answering = svarar på en fråga
activity-meeting = på det stående mötet
activity-spanning = gränsgångar (länkar enheter)
activity-away = borta

## Var en order är i sitt steg.
status-queued = i kö
status-working = i arbete
status-processing = i stationen
status-asking = väntar på svar
status-blocked = väntar utanför (PIA-gräns)
status-incoming = på väg

## Lärandeträffen: självskattningens teman och nivåer, dialogfrågorna, kluster.
theme-across = Att arbeta över funktionsgränser
theme-change = Att ställa om när det förändras
theme-spanners = Att använda gränsgångare
level-me = Hur bra är jag?
level-organisation = Hur bra är min organisation?
level-together = Hur bra är vi tillsammans?
question-heard = Vad hörde vi?
question-take = Vad tar vi med oss?
question-apply = Hur kan vi använda det hemma?
cluster-knowledge = Kunskap
cluster-plans = Konkreta planer
cluster-courage = Mod
cluster-collaboration = Samarbete
cluster-practice = Att omsätta i praktik
cluster-behaviour = Beteende
cluster-resources = Resurser
cluster-friction = Friktion

## Namn.
team-number = Lag { $number }
kind-supply-shortage = en leverantör sviker
kind-station-breakdown = en station går sönder
kind-worker-absent = en person är borta
kind-rush-order = en brådskande order erbjuds
kind-spec-change = kunder ändrar sina beställningar
kind-demand-surge = efterfrågan rusar
kind-communication-outage = kommunikationen bryts
kind-new-requirement = ett nytt steg krävs
kind-reorganisation = en omorganisation beordras
kind-other = en störning

# Why a command was not done, and what is wrong with a value (kept in English in logs and records, and said
# again in the reader's language: their English patterns must stay plain text and variables)
refuse-round-running = en omgång pågår redan
refuse-all-played = alla omgångar är spelade
refuse-no-round = ingen omgång pågår
refuse-round-not-played = omgång { $round } har inte spelats än: dialogen gäller en spelad omgång
refuse-too-many-orders = det här skulle ge ungefär { $extra } beställningar till i en session som kan ta { $left } till (högst { $most } i en körning)
refuse-factory-gone = lagets fabrik finns inte längre
refuse-no-offer = det finns inget erbjudande { $offer }
refuse-offer-decided = erbjudande { $offer } är redan avgjort
refuse-order-absent = beställning { $order } finns inte i fabriken
refuse-already-expedited = beställning { $order } är redan prioriterad
refuse-already-in = `{ $worker }` är redan i `{ $unit }`
refuse-already-spanner = `{ $worker }` är redan gränsgångare
refuse-not-spanner = `{ $worker }` är inte gränsgångare
refuse-stuck = det här skulle låsa fabriken: { $problem }
refuse-text-long = { $what } är längre än { $most } tecken
refuse-text-control = { $what } har styrtecken
refuse-what-hope = en förhoppning eller farhåga
refuse-what-answer = ett svar
refuse-what-commitment = ett åtagande
refuse-what-note = en anteckning
refuse-participant = en deltagare betecknas med 1-{ $most } bokstäver, siffror, - eller _
refuse-signature = ett namn är högst { $most } tecken, utan styrtecken
refuse-too-many-hopes = högst { $most } förhoppningar och { $most } farhågor
refuse-score = en skattning är 1 till { $top } (0: inte given)
refuse-round-unknown = omgång { $round } är inte en omgång i den här sessionen
refuse-question-unknown = fråga { $question } är inte en av de { $count }
refuse-no-hope = ingen sådan förhoppning eller farhåga
refuse-theme-long = ett tema är högst { $most } tecken
refuse-no-question = ingen sådan fråga
refuse-step-no-units = ett steg måste ägas av minst en enhet
refuse-wip-zero = en PIA-gräns måste vara minst 1
refuse-target-empty = målet anger inget lag
refuse-at-minute = `at_minute` måste vara en minut i omgången, 0 till under { $round } (fick { $minute })
problem-unknown = okänd { $what } `{ $id }` (förväntade en av: { $known })
problem-unknown-none = okänd { $what } `{ $id }` (scenariot har ingen)
problem-kind-worker = person
problem-kind-step = steg
problem-kind-design = organisation
problem-kind-product = produkt
problem-kind-ingredient = ingrediens
problem-kind-station = station
problem-no-unit = ingen enhet `{ $id }` i organisationen `{ $design }` (dess enheter: { $units })
problem-disruption-id = en störning behöver ett `id` som inte är tomt
problem-disruption-headline = störningen `{ $id }` behöver en rubrik
problem-no-skill = ingen person har den färdighet steget `{ $step }` kräver
problem-standups = ett stående möte var { $every } min ger { $count } möten i en omgång på { $round } minuter; högst { $most } är tillåtna
problem-no-team-none = det finns inget lag { $team }: sessionen har inga lag
problem-no-team-one = det finns inget lag { $team }: sessionen har 1 lag, numrerat 0
problem-no-team = det finns inget lag { $team }: sessionen har { $count } lag, numrerade 0 till { $last }
problem-step-unowned = ingen enhet äger steget `{ $step }`, som en rutt behöver
problem-step-unstaffed = ingen kan göra steget `{ $step }`: ingen medlem i en enhet som äger det har färdigheten `{ $skill }`
problem-step-unstaffed-primary = ingen kan göra steget `{ $step }`: ingen medlem i en enhet som äger det har färdigheten `{ $skill }` som sin huvudfärdighet (helping: None)
problem-standup-every = ett stående mötes `every_min` måste vara ett positivt antal minuter (fick { $got })
problem-standup-duration = ett stående mötes `duration_min` måste vara positivt och kortare än `every_min` (fick { $duration } och { $every })
problem-units = `units` måste vara minst 1
problem-quantity = `quantity` måste ligga inom 1..{ $most } (fick { $got })
problem-surge = en efterfrågetopps `factor` måste vara minst 1 (fick { $got })
problem-minutes = `{ $what }` måste vara ett positivt antal minuter, högst { $most } (fick { $got })
problem-probability = `{ $what }` är en sannolikhet och måste ligga inom 0..1 (fick { $got })
problem-factor = `{ $what }` måste vara en faktor inom 0..1000 (fick { $got })
problem-dist-finite = fördelningens parametrar måste vara ändliga tal
problem-dist-negative = fördelningens parametrar får inte vara negativa
problem-dist-large = fördelningens parametrar får vara högst { $most } minuter
problem-dist-uniform = Uniform kräver min <= max (fick { $min } > { $max })
problem-dist-triangular = Triangular kräver min <= mode <= max (fick { $min }, { $mode }, { $max })
problem-dist-mean = medelvärdet måste vara större än noll
problem-dist-zero = en varaktighet måste vara större än noll
refuse-no-palette = scenariots palett har ingen störning `{ $disruption }`
refuse-speed = hastigheten måste vara en av { $speeds } minuter per sekund
refuse-not-control = inte en styrning av sessionen
