error-addressees-too-many = Una petizione può avere al massimo 20 destinatari.
error-delivery-milestone = Scrivete il numero di firme, un numero intero tra 1 e 1.000.000.000.
error-delivery-no-addressees = Aggiungete un destinatario prima di consegnare la petizione.
