## A petition's updates and response in the dashboard.
updates-dashboard-title = Updates and response
updates-dashboard-intro = { $subscribers ->
    [0] No confirmed signer has asked for updates yet. Updates are still shown on the petition’s page.
    [one] One confirmed signer asked for updates: they are mailed each update, and the response.
   *[other] { $subscribers } confirmed signers asked for updates: they are mailed each update, and the response.
}
update-new = Write an update
update-remaining = { $remaining ->
    [0] No more updates this week (at most { $max } in seven days).
    [one] One more update this week (at most { $max } in seven days).
   *[other] { $remaining } more updates this week (at most { $max } in seven days).
}
field-body = Text
hint-update-body = Markdown: **bold**, *italic*, - list, [link](https://example.org). Shown on the petition’s page and mailed as written.
update-send = Publish and mail the update
response-dashboard-heading = The addressee’s response
response-dashboard-intro = When the addressee responds, record it here: it is shown on top of the petition’s page and mailed once to the signers who asked for updates. It does not count as an update.
response-recorded = { $recipients ->
    [one] The response is recorded and was mailed to one signer. A correction is shown on the page and not mailed again.
   *[other] The response is recorded and was mailed to { $recipients } signers. A correction is shown on the page and not mailed again.
}
field-response_body = The response
field-responded_on = Date of the response
field-document_url = Link to the response document
response-send = Publish and mail the response
response-correct = Save the correction
updates-sent = Updates published
update-recipients = { $count ->
    [one] mailed to one signer
   *[other] mailed to { $count } signers
}
updates-none = No update yet.
flash-update-sent = The update is published and queued for the signers who asked for it.
flash-response-sent = The response is published and queued for the signers who asked for updates.
flash-response-corrected = The response is corrected.
