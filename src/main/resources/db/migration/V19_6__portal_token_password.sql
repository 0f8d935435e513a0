-- A registration's password travels with its verification link (issue 13 review): the
-- account takes the password of the registration whose link is followed, never that of
-- a later registration of the same address. Null for other links.
ALTER TABLE customer_account_token ADD password_hash VARCHAR(200);
