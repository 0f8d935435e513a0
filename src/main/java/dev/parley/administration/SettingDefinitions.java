package dev.parley.administration;

import java.util.List;

/**
 * The settings one module contributes; declare one bean of this type per module.
 */
public record SettingDefinitions(List<SettingDefinition> definitions) {

	public SettingDefinitions(SettingDefinition... definitions) {
		this(List.of(definitions));
	}

}
