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
kind-supply-shortage = a supplier fails
kind-station-breakdown = a station breaks down
kind-worker-absent = a person is away
kind-rush-order = a rush order is offered
kind-spec-change = customers change their orders
kind-demand-surge = demand surges
kind-communication-outage = communication breaks down
kind-new-requirement = a new step is required
kind-reorganisation = a reorganisation is ordered
kind-other = a disruption

# Why a command was not done, and what is wrong with a value (kept in English in logs and records, and said
# again in the reader's language: their English patterns must stay plain text and variables)
refuse-round-running = a round is already running
refuse-all-played = all rounds have been played
refuse-no-round = no round is running
refuse-round-not-played = round { $round } has not been played yet: the dialogue is about a round played
refuse-too-many-orders = this would bring about { $extra } more orders into a session that may take { $left } more (at most { $most } in one run)
refuse-factory-gone = the team's factory is gone
refuse-no-offer = there is no offer { $offer }
refuse-offer-decided = offer { $offer } is already decided
refuse-order-absent = order { $order } is not in the factory
refuse-already-expedited = order { $order } is already expedited
refuse-already-in = `{ $worker }` is already in `{ $unit }`
refuse-already-spanner = `{ $worker }` is already a boundary spanner
refuse-not-spanner = `{ $worker }` is not a boundary spanner
refuse-stuck = this would leave the factory stuck: { $problem }
refuse-text-long = { $what } is longer than { $most } characters
refuse-text-control = { $what } has control characters
refuse-what-hope = a hope or fear
refuse-what-answer = an answer
refuse-what-commitment = a commitment
refuse-what-note = a note
refuse-participant = a participant is named by 1-{ $most } letters, digits, - or _
refuse-signature = a name is at most { $most } characters, without control characters
refuse-too-many-hopes = at most { $most } hopes and { $most } fears
refuse-score = a score is 1 to { $top } (0: not given)
refuse-round-unknown = round { $round } is not a round of this session
refuse-question-unknown = question { $question } is not one of the { $count }
refuse-no-hope = no such hope or fear
refuse-theme-long = a theme is at most { $most } characters
refuse-no-question = no such question
refuse-step-no-units = a step must be owned by at least one unit
refuse-wip-zero = a WIP limit must be at least 1
refuse-target-empty = the target names no team
refuse-at-minute = `at_minute` must be a minute of the round, 0 to under { $round } (got { $minute })
problem-unknown = unknown { $what } `{ $id }` (expected one of: { $known })
problem-unknown-none = unknown { $what } `{ $id }` (the scenario has no { $what }s)
problem-kind-worker = worker
problem-kind-step = step
problem-kind-design = design
problem-kind-product = product
problem-kind-ingredient = ingredient
problem-kind-station = station
problem-no-unit = no unit `{ $id }` in design `{ $design }` (its units: { $units })
problem-disruption-id = a disruption needs a non-empty `id`
problem-disruption-headline = disruption `{ $id }` needs a headline
problem-no-skill = no worker has the skill step `{ $step }` needs
problem-standups = a stand-up every { $every } min makes { $count } meetings in a { $round }-minute round; at most { $most } are allowed
problem-no-team-none = there is no team { $team }: the session has no teams
problem-no-team-one = there is no team { $team }: the session has 1 team, numbered 0
problem-no-team = there is no team { $team }: the session has { $count } teams, numbered 0 to { $last }
problem-step-unowned = no unit owns step `{ $step }`, which a routing needs
problem-step-unstaffed = nobody can do step `{ $step }`: no member of a unit owning it has skill `{ $skill }`
problem-step-unstaffed-primary = nobody can do step `{ $step }`: no member of a unit owning it has skill `{ $skill }` as their primary skill (helping: None)
problem-standup-every = a stand-up's `every_min` must be a positive number of minutes (got { $got })
problem-standup-duration = a stand-up's `duration_min` must be positive and shorter than `every_min` (got { $duration } and { $every })
problem-units = `units` must be at least 1
problem-quantity = `quantity` must be within 1..{ $most } (got { $got })
problem-surge = a demand surge's `factor` must be at least 1 (got { $got })
problem-minutes = `{ $what }` must be a positive number of minutes, at most { $most } (got { $got })
problem-probability = `{ $what }` is a probability and must be within 0..1 (got { $got })
problem-factor = `{ $what }` must be a factor within 0..1000 (got { $got })
problem-dist-finite = distribution parameters must be finite numbers
problem-dist-negative = distribution parameters must not be negative
problem-dist-large = distribution parameters must be at most { $most } minutes
problem-dist-uniform = Uniform needs min <= max (got { $min } > { $max })
problem-dist-triangular = Triangular needs min <= mode <= max (got { $min }, { $mode }, { $max })
problem-dist-mean = the mean must be greater than zero
problem-dist-zero = a duration must be greater than zero
refuse-no-palette = the scenario's palette has no disruption `{ $disruption }`
refuse-speed = the speed must be one of { $speeds } minutes per second
refuse-not-control = not a session control
