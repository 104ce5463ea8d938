## The banner of a demo instance that is wiped on schedule ([demo] reset_hours), on every page.
demo-banner = Questa è una demo: tutto viene cancellato il { $when }.
