## The banner of a demo instance that is wiped on schedule ([demo] reset_hours), on every page.
demo-banner = Esto es una demostración: todo se borra el { $when }.
