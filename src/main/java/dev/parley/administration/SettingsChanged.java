package dev.parley.administration;

import java.time.Instant;
import java.util.List;

/**
 * Settings changed (by an administrator in the console or over the API), published in the
 * transaction that stores them; only the settings whose value differs are listed.
 */
public record SettingsChanged(List<Change> changes, String actor, Instant at) {

	public SettingsChanged {
		changes = List.copyOf(changes);
	}

	/** One setting: its key, its value before and after. */
	public record Change(String key, String previous, String value) {
	}

	/** Whether the setting with this key is among the changes. */
	public boolean changed(String key) {
		return this.changes.stream().anyMatch((c) -> c.key().equals(key));
	}

}
