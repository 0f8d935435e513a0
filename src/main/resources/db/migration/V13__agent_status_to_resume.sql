-- The status an agent had when presence took him offline (his console closed), to give back
-- at his next sign-in when the organisation remembers statuses; null when he chose his status
-- himself since (module: agents).
ALTER TABLE agent_profile ADD status_to_resume VARCHAR(10);
