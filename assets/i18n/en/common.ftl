# Texts shared by every part of the game.
lang-name = English

## Ticker lines: what happened, as the room reads it.
ticker-round-starts = Round { $round } starts
ticker-round-over = Round { $round } is over
ticker-station-down = { $units } x { $station } out of action
ticker-worker-away = { $worker } is away
ticker-rush-offer = rush offer: { $quantity } x { $product } at { $price } each, accept or decline!
ticker-big-order = big order: { $product } ({ $price })
ticker-late = delivered { $minutes } min late
ticker-cancelled = a customer cancelled
ticker-sent-back = a customer sent a cake back
ticker-not-done = not done: { $reason }
ticker-rush-accepted = accepted the rush offer
ticker-rush-declined = declined the rush offer
ticker-rush-taken-default = no answer to the rush offer in time: taken by default
ticker-rush-declined-default = no answer to the rush offer in time: declined by default

## A team's decision, in words.
action-design = chose the design { $design }
action-move = moved { $worker } to { $unit }
action-spanner-on = made { $worker } a boundary spanner
action-spanner-off = { $worker } is no longer a boundary spanner
action-standups = stand-ups every { $minutes } min
action-standups-off = stopped stand-ups
action-board-on = shared board on
action-board-off = shared board off
action-wip-limit = WIP limit { $limit } on { $step }
action-no-wip-limit = no WIP limit on { $step }
action-helping = helping: { $how }
action-queues = queues: { $how }
action-owned = { $step } owned by { $units }
action-expedite = expedited order { $order }
action-rush-accepted = accepted rush offer { $offer }
action-rush-declined = declined rush offer { $offer }

## Practices.
helping-none = specialists only
helping-own-unit = within the unit
helping-anyone = anyone, anywhere
priority-fifo = first come, first served
priority-earliest-due = earliest due first

## What a worker is doing.
activity-idle = idle
activity-working = working
activity-answering = answering a question
activity-meeting = in the stand-up
activity-spanning = spanning (linking units)
activity-away = away

## Where an order is at its step.
status-queued = queued
status-working = in work
status-processing = in the station
status-asking = waiting for an answer
status-blocked = waiting outside (WIP limit)
status-incoming = on its way

## The learning meeting: the self-assessment's themes and levels, the dialogue questions, clusters.
theme-across = Working across functions
theme-change = Adapting to change
theme-spanners = Using boundary spanners
level-me = How good am I?
level-organisation = How good is my organisation?
level-together = How good are we together?
question-heard = What did we hear?
question-take = What do we take with us?
question-apply = How do we apply it at home?
cluster-knowledge = Knowledge
cluster-plans = Concrete plans
cluster-courage = Courage
cluster-collaboration = Collaboration
cluster-practice = Turning it into practice
cluster-behaviour = Behaviour
cluster-resources = Resources
cluster-friction = Friction

## Names.
team-number = Team { $number }
