-- Personal data of visitors and conversations sealed at rest (issue 13, privacy; module:
-- conversations): the e-mail address, phone number and IP address a visitor gave or came
-- from, the IP a conversation started from and the address a transcript was asked for,
-- stored as platform.PersonalData seals them (pd1:<key id>:<Base64>, up to ~400
-- characters for the longest address). New columns rather than a change of type (see
-- README.md: the release before this one keeps working while both run); the Java
-- migration 19.4.1 (db.migration.SealVisitorData) seals every existing value
-- into them and empties the plain columns, which the next release drops.
ALTER TABLE visitor ADD email_sealed VARCHAR(700);
ALTER TABLE visitor ADD phone_sealed VARCHAR(700);
ALTER TABLE visitor ADD ip_sealed VARCHAR(700);
ALTER TABLE conversation ADD ip_sealed VARCHAR(700);
ALTER TABLE conversation ADD transcript_email_sealed VARCHAR(700);

-- The same for the notifications module: a notification's recipient (an e-mail address or
-- a phone number) and its template values (names, transcripts) sealed, with a blind index
-- of the recipient for the rate limits, the threading and the delivery log's search; the
-- sender of an inbound mail sealed. New rows keep the blind index in the old recipient
-- column (it is NOT NULL); notification_opt_out.address holds the blind index of the
-- address from now on. The Java migration 19.4.2 (db.migration.SealNotificationData)
-- seals the existing rows.
ALTER TABLE notification ADD recipient_sealed VARCHAR(700);
ALTER TABLE notification ADD recipient_index VARCHAR(64);
CREATE INDEX ix_notification_recipient_index ON notification (recipient_index, created_at);
ALTER TABLE inbound_mail ADD sender_sealed VARCHAR(700);

-- When a conversation was anonymised (a customer's erasure, or retention:
-- customers.retentionDays); null while its texts are kept.
ALTER TABLE conversation ADD anonymised_at BIGINT;
