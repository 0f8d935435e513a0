package dev.parley.administration;

import java.util.List;
import java.util.Map;

/**
 * The run-time settings of the installation, kept in the database so every node of a
 * cluster sees the same values. Keys and bounds come from the {@link SettingDefinitions}
 * of the modules.
 */
public interface Settings {

	/**
	 * @return the value in force (stored or default); throws for an undefined key
	 */
	String get(String key);

	int getInt(String key);

	/**
	 * @return every definition with its value in force, ordered by key
	 */
	List<Setting> all();

	/**
	 * Validates every change, then stores them all or none.
	 * @param changes key to new value
	 * @param actor username of who changes them, for the record
	 * @throws dev.parley.platform.ApiException {@code unknown_setting} or
	 * {@code validation_failed} when any change is refused; nothing is stored then
	 */
	void update(Map<String, String> changes, String actor);

	/** A definition with the value in force. */
	record Setting(SettingDefinition definition, String value) {
	}

}
