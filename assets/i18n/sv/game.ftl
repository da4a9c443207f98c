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
