## The banner of a demo instance that is wiped on schedule ([demo] reset_hours), on every page.
demo-banner = This is a demo: everything is wiped on { $when }.
# $month is one of month-1 … month-12; $time is 24-hour, in UTC.
demo-reset-when = { $month } { $day }, { $year }, at { $time } UTC
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
