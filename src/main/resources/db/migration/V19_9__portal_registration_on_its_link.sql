-- Each registration of an address nobody verified keeps its own link (issue 13, the
-- pre-account takeover): its name and language travel with it as its password does
-- (V19_6), so a later registration of the same address changes neither the earlier
-- registrant's link nor what his account becomes. Null for other links.
ALTER TABLE customer_account_token ADD name VARCHAR(100);
ALTER TABLE customer_account_token ADD language VARCHAR(35);
