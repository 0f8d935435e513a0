package dev.parley.administration.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.administration.SettingType;
import dev.parley.administration.Settings;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/settings")
@RequiresPermission(Permission.SETTINGS_MANAGE)
class SettingsController {

	private final Settings settings;

	SettingsController(Settings settings) {
		this.settings = settings;
	}

	@GetMapping
	List<SettingView> list() {
		return this.settings.all().stream().map(SettingView::of).toList();
	}

	@PutMapping
	List<SettingView> update(@RequestBody Map<String, String> changes, Principal principal) {
		this.settings.update(changes, principal.getName());
		return list();
	}

	record SettingView(String key, String type, String value, String defaultValue, Integer min, Integer max,
			List<String> allowed) {

		static SettingView of(Settings.Setting setting) {
			var definition = setting.definition();
			return new SettingView(definition.key(), typeName(definition.type()), setting.value(),
					definition.defaultValue(), definition.min(), definition.max(), definition.allowed());
		}

		private static String typeName(SettingType type) {
			return type.name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
