package dev.parley.operations.internal.faults;

/** A function of Parley a fault can affect. */
public enum FaultFunction {

	CHAT, WIDGET, TICKETS, CUSTOMERS, MAIL, SMS, REPORTS, CONSOLE, SIGN_IN, BACKUPS, INTEGRATIONS

}
