## Le bandeau d’une instance de démonstration effacée à intervalles réguliers ([demo] reset_hours), sur chaque page.
demo-banner = Ceci est une démo : tout est effacé le { $when }.
