-- Secrets at rest (issue 17): the server secrets and the channels' identity secrets are
-- sealed with the personal data keys. Expand only: the plain columns stay for the previous
-- release while both run; V27_1 (db.migration.SealStoredSecrets) seals what is there, and
-- the key rotation overwrites the plain copies once every node runs this release.
ALTER TABLE server_secret ADD secret_sealed VARCHAR(200);

ALTER TABLE chat_channel ADD identity_secret_sealed VARCHAR(300);
