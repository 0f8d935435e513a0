package dev.parley.customers.internal;

/** The kinds of value a custom attribute holds, each in its own column. */
public enum AttributeType {

	TEXT, NUMBER, DATE, CHOICE

}
