# Italian: only the messages of this area that public pages show too (the header, the signing form's
# fields, pagination, the picture challenge). The rest of this area falls back to English, message by message.
admin-title = Amministrazione
