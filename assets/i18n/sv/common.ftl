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
