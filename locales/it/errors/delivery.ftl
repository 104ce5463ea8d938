error-addressees-too-many = Una petizione può avere al massimo 20 destinatari.
error-delivery-milestone = Scrivete il numero di firme, un numero intero tra 1 e 1.000.000.000.
error-delivery-no-addressees = Aggiungete un destinatario prima di consegnare la petizione.
error-delivery-withheld = I moderatori di questa istanza hanno ritirato la petizione dalla vista pubblica: la sua consegna non è più mostrata e non può essere consegnata.
