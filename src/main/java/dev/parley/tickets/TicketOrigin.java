package dev.parley.tickets;

/** Where a ticket came from. */
public enum TicketOrigin {

	/** Made by an agent from a conversation. */
	CHAT,
	/** A mail to the support address. */
	EMAIL,
	/** The customer, in the portal. */
	PORTAL,
	/** An agent, for a caller. */
	PHONE,
	/** An agent, from scratch. */
	AGENT,
	/** A message a visitor left when nobody could chat. */
	LEFT_MESSAGE,
	/** An integration, over the API with a token. */
	API

}
