## The banner of a demo instance that is wiped on schedule ([demo] reset_hours), on every page.
demo-banner = Dies ist eine Demo: Alles wird am { $when } gelöscht.
