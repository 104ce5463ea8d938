# Italian: only the messages of this area that public pages show too (the header, the signing form's
# fields, pagination, the picture challenge). The rest of this area falls back to English, message by message.
account-menu = Account
signed-in-as = Accesso effettuato come { $name }
login-title = Accedi
logout-button = Esci
challenge-image-label = Scrivi le lettere che vedi nell’immagine
challenge-image-alt = Lettere deformate da scrivere. Se non riesci a leggerle, chiedi all’amministrazione di questo sito di creare il tuo account.
