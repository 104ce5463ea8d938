## A petition's updates and response in the dashboard.
updates-dashboard-title = Nouvelles et réponse
updates-dashboard-intro = { $subscribers ->
    [0] Aucun signataire confirmé n’a encore demandé les nouvelles. Elles sont tout de même affichées sur la page de la pétition.
    [one] Un signataire confirmé a demandé les nouvelles : chaque nouvelle et la réponse lui sont envoyées.
   *[other] { $subscribers } signataires confirmés ont demandé les nouvelles : chaque nouvelle et la réponse leur sont envoyées.
}
update-new = Écrire une nouvelle
update-remaining = { $remaining ->
    [0] Plus de nouvelle possible cette semaine ({ $max } au plus en sept jours).
    [one] Encore une nouvelle possible cette semaine ({ $max } au plus en sept jours).
   *[other] Encore { $remaining } nouvelles possibles cette semaine ({ $max } au plus en sept jours).
}
field-body = Texte
hint-update-body = Markdown : **gras**, *italique*, - liste, [lien](https://example.org). Affiché sur la page de la pétition et envoyé tel quel.
update-send = Publier et envoyer la nouvelle
response-dashboard-heading = La réponse du destinataire
response-dashboard-intro = Quand le destinataire répond, enregistrez sa réponse ici : elle est affichée en haut de la page de la pétition et envoyée une fois aux signataires qui ont demandé les nouvelles. Elle ne compte pas comme une nouvelle.
response-recorded = { $recipients ->
    [one] La réponse est enregistrée et a été envoyée à un signataire. Une correction est affichée sur la page sans être renvoyée.
   *[other] La réponse est enregistrée et a été envoyée à { $recipients } signataires. Une correction est affichée sur la page sans être renvoyée.
}
field-response_body = La réponse
field-responded_on = Date de la réponse
field-document_url = Lien vers le document de la réponse
response-send = Publier et envoyer la réponse
response-correct = Enregistrer la correction
updates-sent = Nouvelles publiées
update-recipients = { $count ->
    [one] envoyée à un signataire
   *[other] envoyée à { $count } signataires
}
updates-none = Aucune nouvelle pour l’instant.
flash-update-sent = La nouvelle est publiée et en attente d’envoi aux signataires qui l’ont demandée.
flash-response-sent = La réponse est publiée et en attente d’envoi aux signataires qui ont demandé les nouvelles.
flash-response-corrected = La réponse est corrigée.
