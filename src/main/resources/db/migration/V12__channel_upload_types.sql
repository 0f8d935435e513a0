-- The kinds of file a channel's visitors may send (comma-separated: images, pdf, office,
-- text, archives, media); NULL: the default (all but media). Programs are refused always.
ALTER TABLE chat_channel ADD upload_types VARCHAR(100);
