package dev.parley.administration;

/** The kind of value a setting holds, which decides how it is validated and edited. */
public enum SettingType {

	STRING, INTEGER, BOOLEAN, CHOICE, ZONE,

	/** An absolute http or https address without query or fragment. */
	URL

}
