-- The address a visitor asked to get the transcript at when the conversation closes
-- (module: conversations); null: not asked.
ALTER TABLE conversation ADD transcript_email VARCHAR(254);
