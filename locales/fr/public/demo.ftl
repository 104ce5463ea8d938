## Le bandeau d’une instance de démonstration effacée à intervalles réguliers ([demo] reset_hours), sur chaque page.
demo-banner = Ceci est une démo : tout est effacé le { $when }.
# $month est l’un de month-1 … month-12. $time est sur 24 heures, en UTC.
demo-reset-when = { $day } { $month } { $year } à { $time } UTC
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
