## The banner of a demo instance that is wiped on schedule ([demo] reset_hours), on every page.
demo-banner = This is a demo: everything is wiped on { $when }.
