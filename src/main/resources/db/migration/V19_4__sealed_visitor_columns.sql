-- Personal data of visitors and conversations sealed at rest (issue 13, privacy; module:
-- conversations): the e-mail address, phone number and IP address a visitor gave or came
-- from, the IP a conversation started from and the address a transcript was asked for,
-- stored as platform.PersonalData seals them (pd1:<key id>:<Base64>, up to ~400
-- characters for the longest address). New columns rather than a change of type (see
-- README.md: the release before this one keeps working while both run); the Java
-- migration 19.4.1 (conversations.internal.SealedVisitorData) seals every existing value
-- into them and empties the plain columns, which the next release drops.
ALTER TABLE visitor ADD email_sealed VARCHAR(700);
ALTER TABLE visitor ADD phone_sealed VARCHAR(700);
ALTER TABLE visitor ADD ip_sealed VARCHAR(700);
ALTER TABLE conversation ADD ip_sealed VARCHAR(700);
ALTER TABLE conversation ADD transcript_email_sealed VARCHAR(700);
