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
