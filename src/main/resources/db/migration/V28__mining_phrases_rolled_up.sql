-- Text mining (module: analytics, issue 15): hot topics, trends and the word cloud count
-- phrases ("delivery late") as well as keywords. mining_day gains rows for phrases; a
-- document records what it added there, so that analysing it again takes back exactly
-- that: 1 its keywords (documents of the previous release, which keeps writing 1 while
-- both releases run), 2 its keywords and phrases. Documents analysed before count their
-- phrases from the next re-run of their period (docs/metrics.md, "Text mining").
ALTER TABLE mining_document ADD rolled_up INT DEFAULT 1 NOT NULL;
