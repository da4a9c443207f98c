# The game window.
language = Language
language-hint = The language of this window; each team device chooses its own

## The menu.
menu-text-size = Text size
menu-presenter = Presenter view: the console in a window of its own
menu-presenter-hint = A second window for the facilitator (console, decisions, what is coming next); this one, for the projector, then shows only what the room should see
menu-save-log = Save the event log
menu-debrief = Open the debrief
menu-debrief-hint = The debrief dashboard of the session so far
menu-back-to-lobby = Back to the lobby (ends this session)
menu-quit = Quit

## The lobby.
lobby-tagline = Run a cake factory together. Collaborate across functions. Adapt to change.
lobby-resume-heading = Resume an unfinished session
lobby-resume = Resume
lobby-resume-hint = Rebuild this session from its record ({ $dir }) and go on, paused, where it stood
lobby-older = and { $count } older ones (cakefactory play --resume DIR)
lobby-scenario = Scenario
lobby-scenario-file = A scenario file:
lobby-open = Open
lobby-open-hint = Load and check the scenario file
lobby-open-first = open a scenario file first
lobby-teams = Teams
lobby-team-count = Number of teams
lobby-team = Team { $number }
lobby-seed = Seed
lobby-seed-hint = The same seed and the same decisions give exactly the same game
lobby-presenter = Presenter view: a second window for the facilitator
lobby-presenter-hint = The console, the teams' decisions and what is coming next in a window of their own, for your screen; this window, for the projector, shows only what the room should see
lobby-start = Start the game ▶
lobby-devices = Teams play from their own devices (phones, tablets, laptops)
lobby-devices-hint = The game serves each team a page in the browser, nothing to install: each team joins with its own code or QR code, shown here, on the briefings and in the console
lobby-devices-open = Devices on the room's network open { $address }
lobby-offers = Rush offers:
lobby-offers-within = answer within
lobby-offers-within-hint = Each offer waits this many seconds of play (pauses do not count)
lobby-offers-pause = pause the game until answered
lobby-offers-pause-hint = The game pauses when an offer arrives; resuming lets an offer still open take its default

## Notices.
notice-devices-at = Teams join from their devices at { $address }

## The top bar.
bar-decisions = Decisions (D)
bar-facilitator = Facilitator (F)
bar-decisions-hint = Show or hide the team's decision panel
bar-facilitator-hint = Show or hide the facilitator console
bar-team-hint = The team whose factory is on screen (Tab or the overview switches teams)
bar-round = Round { $round }/{ $rounds }
bar-round-hint = Round and simulated time into it (hours:minutes)
bar-paused = PAUSED
bar-resume = Resume
bar-pause = Pause
bar-pause-hint = Pause or resume the simulation (Space)
bar-speed-key = { $speed }x  (key { $key })
bar-speed-hint = { $speed } simulated minutes per second (does not resume when paused)
bar-speeds-hint = The speed (keys 1-6; a speed does not resume a paused game)
bar-delivered = Delivered
bar-delivered-hint = Cakes delivered this session
bar-late = Late
bar-late-hint = Cakes delivered after their due time
bar-profit = Profit
bar-profit-hint = Revenue (minus late penalties) minus wages, fixed costs, ingredients and expedite fees
bar-wip = WIP
bar-wip-hint = Orders in the factory now

## The team's decision panel.
team-decisions = { $team }'s decisions
team-nothing-changes = Nothing would change.
team-switch-changes = This switch would change:
team-other-decisions-stay = Your other decisions (spanners, practices, WIP limits) stay.
team-design = Organisation design
team-design-now = Now: { $design }
team-design-next = From the next round: { $design }
team-use-design = Use this design
team-use-design-hint = Reorganise into this design. During a round it takes effect when the next round starts; between rounds at once. Work in progress carries over.
team-people = People
team-people-help = Unit, ★ boundary spanner, what they do now
team-skills = Skills: { $skills }
team-move-hint = Move this person to another unit. They finish the task in hand first.
team-spanner-hint = Boundary spanner: answers any unit's questions and, while at work, makes handoffs into and out of their own unit smoother (as the scenario sets). Costs { $minutes } of every { $every } min spent spanning, away from tasks.
team-practices = Practices
team-board = Shared board
team-board-hint = Everyone sees every order's status: handoffs wait less and raise fewer questions. Keeping it up to date adds { $minutes } min to every task.
team-standups = Stand-up meetings
team-standups-hint = Regular short meetings: people join when they finish their task. They cost working time but improve handoffs as the scenario sets; the effect fades to nothing over { $minutes } min after each.
team-every = every
team-for = for
team-whole-factory = whole factory
team-whole-factory-hint = Unchecked: each unit meets on its own
team-helping = Helping:
team-helping-none = none
team-helping-none-hint = Specialists only do their own speciality in their own unit.
team-helping-own = own unit
team-helping-own-hint = Anyone in the unit with the skill takes the unit's tasks.
team-helping-anyone = anyone
team-helping-anyone-hint = Idle people also take other units' tasks they have the skill for, once those have waited a while.
team-queues = Queues:
team-fifo = first come
team-fifo-hint = Tasks are taken in the order they arrived.
team-edd = earliest due
team-edd-hint = The task of the order due first is taken first.
team-wip-limits = WIP limits (orders allowed in a step at once):
team-wip-limits-hint = Orders wait outside a step that is full: less work piles up inside.
team-rush-offers = Rush offers
team-rush-terms = { $quantity } x { $product } at { $price } each, due { $due }
team-left-to-answer = { $time } left to answer
team-game-waits = The game waits for your answer
team-accept = Accept
team-accept-hint = Take the rush order
team-decline = Decline
team-decline-hint = Turn the rush order down
team-orders = Orders in the factory ({ $count })
team-late-by = late { $minutes } min
team-due-in = due in { $minutes } min
team-expedited = expedited
team-expedite = Expedite
team-expedite-hint = Put this order ahead of all others in every queue (costs { $cost })

## Shared by the panels.
all-teams = All teams
overview-hint = Click a team or press Tab
due-round-at = round { $round } at { $time }
offer-terms = { $quantity } x { $product } at { $price } each
banner-rush = Rush offer: { $terms }, due { $due }
banner-rush-left = { $who }: accept or decline, { $time } left
banner-rush-waits = the game waits for the answer of { $who }
console-waiting = waiting
console-left = { $time } left
console-rush-offer = { $team }: rush offer, { $terms }

## The briefing before a round.
briefing-round = Round { $round } of { $rounds }
briefing-no-news = No news from the market.
briefing-teams = Teams and their organisation
briefing-may-change = Teams may change their design, people and practices in the panel during play.
briefing-speed = Speed for this round:
briefing-speed-hint = { $speed } simulated minutes per second
briefing-start = Start the round
briefing-start-hint = Start the round for all teams, paused: press Space or Resume when the room is ready
briefing-next = next: { $design }

## The results after a round and at the end.
results-round-over = Round { $round } is over
results-final = Final standings
results-round = Round { $round }
results-all-rounds = All rounds so far
results-profit = How the profit adds up
results-profit-help = Revenue is the price of each cake delivered less its late penalty. Wages and the fixed cost accrue minute by minute while a round runs (as the top bar showed them), so the figures here are those of the whole round.
results-disruptions = Disruptions
results-twin-later = measured against its twin a round's length after it
results-mean-per-team = mean per team: { $impact }
results-disruption = Round { $round } minute { $minute }: { $headline } — { $impact }
results-next = Next round ▶
results-next-hint = Go to the briefing of the next round
results-debrief = Debrief
results-replay = Replay
results-replay-hint = Put any moment of any team back on the screen, side by side, and try what-ifs
results-save-hint = Write every event of the session as JSON lines (for the debrief and researchers)
results-new-game = New game
results-new-game-hint = Back to the lobby

## The standings.
std-team = Team
std-team-hint = Team name
std-design = Design
std-on-screen = The team on screen
std-legend = ★ best in the column. Hover a header for what it measures.
std-click-to-sort = { $tip } (click to sort)
std-delivered = Delivered
std-delivered-hint = Cakes delivered
std-on-time = On time
std-on-time-hint = Share delivered by the due time
std-lost = Lost
std-lost-hint = Orders the customer cancelled
std-profit = Profit
std-profit-hint = Revenue minus costs
std-lead = Lead
std-lead-hint = Mean minutes from order to delivery
std-p90 = Lead p90
std-p90-hint = 90% of cakes arrived within this many minutes
std-rework = Rework
std-rework-hint = Tasks done again because of defects or spec changes
std-cross-wait = X-unit wait
std-cross-wait-hint = Mean minutes from a cross-unit handoff to the next task's start
std-ei = E-I
std-ei-hint = Krackhardt E-I index of who worked with whom: -1 silos, +1 all across units
profit-revenue = Revenue
profit-penalties = (late penalties)
profit-wages = - Wages
profit-fixed = - Fixed
profit-ingredients = - Ingredients
profit-expedite = - Expedite
profit-profit = = Profit

## The facilitator's console.
console-all-teams = all teams
console-timed = { $headline } ({ $target }, timed by you)
console-inject-heading = Inject a disruption
console-no-palette = This scenario has no disruptions in its palette.
console-inject = Inject
console-inject-hint = Send this disruption to the chosen teams
console-confirm-end = End round { $round } now for all teams, at { $time }? Work in progress carries over.
console-yes-end = Yes, end the round
console-cancel = Cancel
console-round-heading = Round
console-all-played = all rounds played
console-running = running, { $time }
console-between = between rounds
console-paused = paused
console-start = Start round
console-start-hint = Start the next round for all teams
console-pause-hint = Pause or resume all teams (Space)
console-end = End round
console-end-hint = End the round now for all teams (asks first; work in progress carries over)
console-speed = Speed:
console-between-limits = Between { $min } and { $max } (the scenario's limits)
console-teams = Teams:
console-all = all
console-chosen = chosen:
console-when = When:
console-now = now
console-at-minute = at minute
console-coming = Coming next
console-nothing-scheduled = Nothing scheduled
console-injected = Injected
console-nothing-yet = Nothing yet
param-lasts = Lasts
param-stock-lost = Stock spoilt
param-units = Stations out
param-quantity = Cakes
param-due-within = Due within
param-price = Price, of list
param-share = Orders changed
param-demand = Demand
param-delay = Handoff delays
param-miscommunication = Handoffs gone wrong
param-questions = Questions
param-amount = Amount
console-pin = Pin this moment
console-pin-note = what to look at
console-pin-hint = Keep this moment of the run, with your note, for the debrief and the next morning's "then and now"

## Team devices.
devices-heading = Team devices
devices-none = no device yet
devices-count = { $count ->
    [one] { $count } device
   *[other] { $count } devices
}
devices-and-more = { $count }: { $names } (and { $more } more)
devices-join = Join from your phone or laptop: scan your team's code, or open { $address } and type it
devices-console = Facilitator's console page: { $url }
devices-new-code = New code
devices-new-code-hint = Give this team a new code: devices that joined with the old one are sent away
console-heading = Facilitator
console-hide = Hide the console (F)
desk-room-text-size = Room text size
desk-one-window = One window
desk-replaying = Replaying the recorded session
desk-replaying-help = The timeline, the side by side and the what-ifs are in the room's window.
desk-only-this-window = Only this window sees the console; the room sees the other one.

## The factory floor.
floor-away = Away
floor-standard-cake = standard cake
floor-custom-cake = custom cake
floor-late = late
floor-waiting = waiting (WIP limit)
floor-station-free = station free
floor-station-broken = station broken
floor-handoff = cross-unit handoff
floor-answering = answering
floor-standup = stand-up
floor-spanning = spanning
floor-more = +{ $count } more
floor-in-work = in work { $count }
floor-asking = asking { $count }
floor-coming = coming { $count }
floor-next-round = next round: { $design }

# The replay
replay-title = Replay
replay-team-on-screen = Team on screen (Tab)
replay-beside = Beside it
replay-beside-nothing = nothing: its floor
replay-beside-team = { $team }, at the same moment
replay-beside-round = itself in round { $round }, at the same minute
replay-what-if = What if... from this moment
replay-what-if-hint = Change the teams' decisions from here on (leave some out, add others) and run the rest of the session with the same random numbers
replay-leave = Leave the replay
replay-leave-hint = Back to the whole session
replay-cannot = Cannot replay: { $error }
replay-no-later = { $team } has no later { $kind }
replay-no-earlier = { $team } has no earlier { $kind }
replay-saved = What-if saved as { $name }
timeline-previous = The team's previous { $kind }
timeline-next = The team's next { $kind }
timeline-hint = Click or drag to go to a moment; hover a mark for what it was
marker-disruption = disruption
marker-decision = decision
marker-late = late delivery
marker-late-text = a cake delivered { $minutes } min late
marker-decision-text = { $what } (by { $who }, command { $seq })
source-facilitator = the facilitator
source-offer-clock = the offer clock
source-plan = the plan
source-runner = the runner
source-what-if = the what-if
draft-title = What if... from { $moment }
draft-same = The same orders and the same random numbers; only the decisions change from this moment on.
draft-later = The teams' decisions from here (untick to leave one out)
draft-none = none
draft-added = Decisions added
draft-added-how = Decide with { $team }'s panel below: each decision is added at the moment on screen (move the timeline to add one later).
draft-take-back = Take it back
draft-run = Run to the end and compare
draft-cancel = Cancel
outcome-title = What happened, and what if from { $moment }
outcome-caption = Each figure: what the what-if gives, and in brackets how far that is from what happened. Saved in { $saved }
outcome-team = team
outcome-delivered = delivered
outcome-late = late
outcome-profit = profit
outcome-handoffs = handoffs across units
outcome-chart = { $team }: throughput and WIP
outcome-dashed = dashed
outcome-throughput-actual = throughput, what happened
outcome-throughput-what-if = throughput, what if
outcome-wip-actual = WIP, what happened
outcome-wip-what-if = WIP, what if
outcome-moment = the what-if's moment
glance-figures = delivered { $delivered } · late { $late } · profit { $profit } · WIP { $wip }
glance-step = { $waiting } waiting, { $working } in work
glance-step-held = { $waiting } waiting (+{ $held } held), { $working } in work
glance-station = { $station }: { $used } of { $count } in use
glance-station-broken = { $station }: { $used } of { $count } in use, { $broken } broken
glance-away = away: { $people }

# Notices
notice-speed = Speed { $speed }x
notice-speed-paused = Speed { $speed }x (paused: Space resumes)
notice-round-ready = Round { $round } is ready, paused: Space or Resume starts it at { $speed }x
notice-paused = Paused ({ $speed }x when resumed)
notice-running = Running at { $speed }x
notice-round-ended = Round { $round } ended by the facilitator
notice-presenter-on = Presenter view: the console, the decisions and what is coming next are in the facilitator's window
notice-presenter-off = One window: F shows the console at the right edge
notice-log-saved = Event log saved to { $path }
notice-log-unsaved = Could not save the event log: { $error }
notice-text-size = Text size { $size }
notice-new-code = Team { $team } has a new code; its devices must join again
notice-no-new-code = No new code: { $error }
lobby-reached = round { $round }, minute { $minute }
lobby-before-first = before the first round
lobby-resumable = { $scenario }, { $teams } teams, seed { $seed }: { $reached }
resumed = Resumed { $dir }: { $state }
resumed-over = the session is over
resumed-running = round { $round } at { $clock }, paused: Space resumes
resumed-between = round { $round } is over
resume-failed = Could not resume: { $error }

# The overview's hovers
overview-tile-hint = { $team }: { $design }
    delivered { $delivered }, late { $late }, lost { $lost }, WIP { $wip }, profit { $profit }
    click to watch this team
overview-row-hint = { $team }: { $design }; delivered, late, profit so far; click to watch this team
overview-delivered = Delivered
overview-late = Delivered late
overview-lost = Lost (customer cancelled)
overview-wip = Orders in the factory now
overview-wip-short = WIP { $wip }
overview-profit = Profit so far
overview-sparkline = Deliveries per half hour since the start (sparkline); click to watch this team

# What a switch of design would change
reorg-units = Units: { $now } become { $after }
reorg-move = { $worker } to { $unit }
reorg-moves = Moves: { $moves }
reorg-many-move = { $count } of { $people } people change unit
reorg-spanners-new = New boundary spanners: { $people }
reorg-spanners-gone = No longer boundary spanners: { $people }
reorg-none = none
reorg-standup = every { $every } min for { $minutes } min, { $scope }
reorg-each-unit = each unit
reorg-whole-factory = whole factory
reorg-standups = Stand-ups: { $after } (now { $now })
reorg-board-on = The shared board goes on
reorg-board-off = The shared board goes off
reorg-helping = Helping: { $after } (now { $now })
reorg-queues = Queues: { $after } (now { $now })
reorg-wip = WIP limit on { $step }: { $after } (now { $now })
replay-pin-hint = Keep the moment on screen, for the team on screen, with your note: the debrief and the next morning's "then and now" show it (kept beside the record, which stays as played)
replay-pinned = Pinned { $moment } for the next morning
