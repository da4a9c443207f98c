# The debrief and its exports (CSV column names stay English).
takehome-title = Cake Factory — { $scenario }: to take home
takehome-for = For { $name }, { $team }
takehome-for-team = A member of { $team }
takehome-figures = Your team's game
takehome-delivered = Cakes delivered
takehome-on-time = On time
takehome-profit = Profit
takehome-lead-time = Mean lead time (min)
takehome-cross-unit = Handoffs between units
takehome-spanners = Boundary spanners at the end
takehome-then = What you brought into the room
takehome-hopes = Your hopes
takehome-fears = Your fears
takehome-assessment = Your self-assessment (1 poor – 5 excellent)
takehome-you-before = You, before
takehome-you-after = You, after
takehome-room-before = The room, before (mean)
takehome-room-after = The room, after (mean)
takehome-dialogue = Your team's dialogue
takehome-round = Round { $round }
takehome-pinned = Pinned for the room
takehome-commitment = The one action you commit to
takehome-write-one = (You gave none: write it here.)
then-now = Then and now
then-now-hopes = Hopes, by theme
then-now-fears = Fears, by theme
then-now-unclustered = Not clustered
then-now-scales = Self-assessment, before and after (mean of the room and of each team, with how many answered)
then-now-level = Level
then-now-room = Room
then-now-measured = What the game measured
then-now-on-time = on time
then-now-cross = cross-unit handoffs per delivery
then-now-pinned = Pinned moments and answers
then-now-nothing = Nobody answered from a device in this session.
then-now-export = Export take-home pages
then-now-exported = Wrote { $count } take-home pages to { $dir }
then-now-commitments = Commitments

# The dashboard
debrief-title = Debrief
tab-scoreboard = Scoreboard
tab-flow = Flow
tab-collaboration = Collaboration
tab-disruptions = Disruptions
tab-compare = Compare
tab-reflection = Reflection
tab-what-if = What-if
debrief-export = 💾 Export
debrief-export-hint = Write every table (CSV), every chart (PNG) and a self-contained HTML report into a new folder
debrief-exported = Exported { $tables } tables, { $charts } charts and the report to { $dir }
debrief-export-failed = Export failed: { $error }
debrief-back = Back to the game
debrief-quit = Quit
debrief-replay = ⏪ Replay
debrief-replay-hint = Put any moment of any team back on the screen, side by side, and try what-ifs
debrief-needs-record = Replay and what-ifs need the session's record (the game's session folder, or `run --record DIR`); an event log alone shows the debrief only
debrief-reflection-unreadable = Could not read the reflection: { $error }
debrief-reflection-unsaved = Could not save the reflection: { $error }
debrief-team = Team:
debrief-show-team = Show { $team }
debrief-round = Round { $round }
debrief-all-rounds = All rounds
minutes-short = { $minutes } min
decision-by = { $what } (by { $who })
decision-after = +{ $minutes } min: { $what }

# Scoreboard
scoreboard-caption = Key figures of every team: lead times in minutes, profit in the game's money; hover a header for its definition.

# Flow
flow-cfd = Cumulative flow
flow-cfd-caption = Orders that had reached each step (or a later one) over simulated minutes; the height of a band is the work in that step, its width the time spent there. A click replays that moment.
flow-delivered = delivered
flow-time-axis = round and time into it
flow-orders-cumulative = orders (cumulative)
flow-throughput = Throughput and WIP
flow-throughput-caption = Deliveries in the trailing hour and orders in the factory, per simulated minute; coloured lines are disruptions (hover the marker on top for the headline), grey lines round starts. The wheel scrolls the page; Ctrl + wheel zooms the chart; a click replays that moment.
flow-throughput-series = throughput (per hour)
flow-wip-series = WIP (orders)
flow-round-start = round start
flow-orders = orders
flow-disruption = R{ $round } { $clock }: { $headline }
flow-lead = Lead time per round
flow-lead-caption = Minutes from order to delivery of the cakes delivered in each round: box from the first to the third quartile, line at the median, whiskers to the extremes.
flow-round-axis = round
flow-lead-axis = lead time (minutes)
flow-lead-box = round { $round }: { $count } cakes
flow-lead-series = lead time
flow-no-cake = No cake delivered yet.

# Collaboration
collab-handoffs = Handoffs between units
collab-handoffs-caption = Rows hand over to columns: number of handoffs and mean minutes until the next task started. Cells off the diagonal cross a unit boundary.
collab-ei = E-I index per unit
collab-ei-caption = (ties to other units - ties inside) / all ties: -1 a closed silo, +1 every tie goes outward. The tick and "forced": what the design alone makes cross a unit; "beyond": the difference, above 0 more working across units than the structure requires.
collab-questions = Questions and rework
collab-questions-caption = Questions asked at handoffs and answered by the sender's unit; what sent work back to be redone.
collab-questions-count = Questions asked: { $asked }   answered: { $answered }
collab-rework-after = Rework after { $cause }: { $count }
collab-no-rework = No rework.
collab-network = Who worked with whom
collab-network-caption = People coloured by unit; a line for every pair that handed over, answered a question or took over a task, as wide as their number of ties (stand-ups are not drawn). ★ boundary spanner.
collab-spanners = Boundary spanners
collab-spanners-caption = Share of shortest paths between other people that pass through a person (betweenness, 0-1).
collab-actual = actual
collab-forced = forced
collab-beyond = beyond
collab-from-to = from \ to
collab-cell = { $from } → { $to }: { $count } handoffs, mean wait { $wait }

# Disruptions
disruptions-caption = Each team against its twin: the same factory re-simulated from the instant before the disruption without it (same later decisions and random draws), over a round's length after it. Lost: the twin's deliveries and profit minus the team's; late: the team's late deliveries minus the twin's; settled: minutes until the delivery gap stopped growing. Response: the team's decisions in the { $minutes } minutes after.
disruptions-none = No disruption in this session.
disruptions-title = Round { $round } at { $clock }: { $headline }
disruptions-team = Team
disruptions-lost = Deliveries lost
disruptions-late = More late
disruptions-profit = Profit lost
disruptions-settled = Settled after
disruptions-response = Response
disruptions-not-measured = not measured
disruptions-no-change = no change

# Compare
compare-teams = two teams
compare-rounds = two rounds of one team
compare-nothing = Nothing to compare yet.
compare-team-round = { $team } round { $round }
compare-caption = Deliveries in the trailing hour (solid) and orders in the factory (thin), per simulated minute (minutes into the round when comparing rounds).
compare-key = { $side }: { $name } (thick: throughput, thin: WIP)
compare-minutes = simulated minutes
compare-throughput = { $side } throughput: { $name }
compare-wip = { $side } WIP: { $name }
compare-team = Team
fig-delivered = Delivered
fig-on-time = On time
fig-lost = Lost
fig-profit = Profit
fig-lead-mean = Lead time mean (min)
fig-lead-p90 = Lead time p90 (min)
fig-rework = Rework tasks
fig-cross-wait = Cross-unit wait (min)
fig-ei = E-I index

# Reflection (the participants' own answers first, the facilitator's record beside them)
reflect-self = Self-assessment
reflect-self-caption = 1 poor to 5 excellent, before the game and after it; beside each, the figures that answer it and how to read them.
reflect-voices-caption = From the participants' devices: the mean of me · my organisation · us together, with how many answered. Where nobody of the team answered, the facilitator may enter the team's own score.
reflect-before = Before
reflect-after = After
reflect-measured = Measured
reflect-levels = { $me } · { $org } · { $us } ({ $count })
reflect-typed = entered by the facilitator
reflect-notes = Dialogue per round
reflect-notes-caption = The learning meeting's three questions, round by round: what the team's devices answered, and the facilitator's own notes below.
reflect-facilitator-note = Facilitator's note
reflect-q-across = How good are we at working across functions?
reflect-q-change = How good were we at adapting to change?
reflect-q-spanners = How well did we use boundary spanners?

# What-ifs
whatifs-none = No what-ifs yet: open the replay, go to a moment and choose "What if... from this moment".
whatifs-label = What-if:
whatifs-from = { $name } (from { $moment })
whatifs-running = Re-simulating the what-if...
whatifs-pick = Pick a what-if to see it beside what happened.

# The figures that answer the self-assessment
answers-across-wait = cross-unit wait { $wait } per order, rework { $rework } tasks per order
answers-across-ei = E-I { $ei } where the design forces { $forced }: { $beyond } beyond the structure
answers-aid-across = Less waiting and rework per order is better; "beyond" above 0 means more working across units than the design makes you.
answers-change-none = no disruption measured against its twin (yet)
answers-change-cost = { $count } disruption(s) cost { $deliveries } deliveries and { $profit } profit against the twin, { $late } more late
answers-change-settled = the delivery gap stopped growing after { $settled } on average; { $lost } orders lost in all
answers-aid-change = Fewer deliveries and less profit lost against the twin, and a gap that stops growing sooner, mean the shocks were absorbed.
answers-spanners = { $count } designated spanner(s): { $minutes } min spanning, load { $load }
answers-spanner-load = { $share } of their time
answers-questions = questions: { $answered } of { $asked } answered, { $across } across units; most between: { $people }
answers-aid-spanners = Spanners earn their time when questions get answered across units; a high load with few answers means the time buys little.
cause-miscommunication = miscommunication
cause-process = process defect
cause-spec-change = spec change

# The HTML report
report-title = Cake Factory debrief: { $scenario }
report-heading = Cake Factory debrief
report-session = Scenario { $scenario }, seed { $seed }, { $teams } teams, { $rounds } rounds of { $minutes } minutes.
report-scoreboard-caption = Totals over all rounds; bold green is the best in the column.
report-design = Design
report-on-time-share = On time %
report-disruption = Disruption
report-settled-min = Settled after (min)
report-round-dialogue = Round { $round }: dialogue
report-footer = Made with Cake Factory. Every figure is computed from the session's event log.

# The charts of the export
chart-time-axis = round and time into it (h:mm)
chart-flow = { $team }: throughput (deliveries in the last hour) and WIP (orders in the factory)
chart-throughput = throughput (deliveries in the last hour)
chart-wip = WIP (orders in the factory)
chart-disruption = a disruption (numbered below)
chart-cfd = { $team }: cumulative flow (orders that reached each step or beyond, and delivered)
chart-lead = { $team }: lead time of delivered cakes per round (minutes, 30-minute bins)
chart-lead-axis = lead time (minutes from order to delivery)
chart-cakes = cakes
chart-handoffs = { $team }: handoffs between units (count · mean wait in min)
chart-from-unit = from unit (rows)
chart-to-unit = to unit (columns)
chart-network = { $team }: who worked with whom (ties: handoffs, questions, help, meetings)
chart-ei = { $team }: E-I index per unit ((ties out - ties in) / all ties); tick: what the design forces
chart-ei-axis = E-I index: -1 silo, 0 balanced, +1 all outward
chart-compare = All teams: throughput (deliveries in the last hour)
chart-per-hour = deliveries per hour
chart-disruptions = Deliveries each disruption cost, against the team's twin (a round's length after it)
chart-disruption-axis = disruption (numbered in the key)
chart-deliveries-lost = deliveries lost
bench-debrief = debrief of 12 teams x 4 rounds: { $events } events
bench-debrief-frames = debrief UI work per frame (egui dashboard, ms; the first frames of each tab included):
bench-debrief-tab = mean { $mean }, median { $median }, p95 { $p95 }, max { $max }
bench-debrief-all = all tabs       mean { $mean }, p95 { $p95 }, max { $max }
