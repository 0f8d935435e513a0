package dev.parley.administration.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.administration.SettingDefinition;
import dev.parley.administration.SettingDefinitions;
import dev.parley.administration.Settings;
import dev.parley.administration.SettingsChanged;
import dev.parley.platform.ApiException;
import dev.parley.platform.ReadCache;
import dev.parley.platform.ReadCaches;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settings stored in {@code system_setting}; a row exists only for a value that differs
 * from the default. The routing and chat paths read settings all the time, so the stored
 * rows are read together into one cache, emptied on every node when an update commits
 * (the cache's time to live covers an invalidation lost between nodes).
 */
@Service
class JdbcSettings implements Settings {

	static final String CACHE = "settings";

	private final Map<String, SettingDefinition> definitions;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ReadCaches caches;

	/** The stored rows, key to value. */
	private final ReadCache<Map<String, String>> rows;

	JdbcSettings(List<SettingDefinitions> contributions, JdbcClient jdbc, AuditLog auditLog, Clock clock,
			ReadCaches caches, ApplicationEventPublisher events) {
		this.events = events;
		Map<String, SettingDefinition> byKey = new TreeMap<>();
		contributions.stream().flatMap((c) -> c.definitions().stream()).forEach((definition) -> {
			if (byKey.put(definition.key(), definition) != null) {
				throw new IllegalStateException("Setting " + definition.key() + " is defined twice");
			}
		});
		this.definitions = byKey;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
		this.caches = caches;
		this.rows = caches.create(CACHE);
	}

	@Override
	public String get(String key) {
		SettingDefinition definition = definition(key);
		return this.rows.get(this::readRows).getOrDefault(key, definition.defaultValue());
	}

	@Override
	public int getInt(String key) {
		return Integer.parseInt(get(key));
	}

	@Override
	public List<Setting> all() {
		Map<String, String> stored = this.rows.get(this::readRows);
		List<Setting> result = new ArrayList<>();
		for (SettingDefinition definition : this.definitions.values()) {
			result.add(new Setting(definition, stored.getOrDefault(definition.key(), definition.defaultValue())));
		}
		result.sort(Comparator.comparing((setting) -> setting.definition().key()));
		return result;
	}

	@Override
	@Transactional
	public void update(Map<String, String> changes, String actor) {
		Map<String, String> accepted = new LinkedHashMap<>();
		List<Map<String, String>> errors = new ArrayList<>();
		for (Map.Entry<String, String> change : new TreeMap<>(changes).entrySet()) {
			SettingDefinition definition = this.definitions.get(change.getKey());
			if (definition == null) {
				throw ApiException.badRequest("unknown_setting", "No setting named " + change.getKey())
					.with("setting", change.getKey());
			}
			definition.problemWith(change.getValue())
				.ifPresentOrElse((problem) -> errors.add(Map.of("field", change.getKey(), "message", problem)),
						() -> accepted.put(change.getKey(), definition.normalise(change.getValue())));
		}
		if (!errors.isEmpty()) {
			throw ApiException
				.badRequest("validation_failed", errors.get(0).get("field") + ": " + errors.get(0).get("message"))
				.with("errors", errors);
		}
		long now = this.clock.millis();
		List<SettingsChanged.Change> changed = new ArrayList<>();
		accepted.forEach((key, value) -> {
			String previous = get(key);
			if (!value.equals(previous)) {
				changed.add(new SettingsChanged.Change(key, previous, value));
			}
		});
		accepted.forEach((key, value) -> {
			int updated = this.jdbc.sql(
					"UPDATE system_setting SET setting_value = ?, updated_at = ?, updated_by = ? WHERE setting_key = ?")
				.params(value, now, actor, key)
				.update();
			if (updated == 0) {
				this.jdbc.sql(
						"INSERT INTO system_setting (setting_key, setting_value, updated_at, updated_by) VALUES (?, ?, ?, ?)")
					.params(key, value, now, actor)
					.update();
			}
		});
		if (!accepted.isEmpty()) {
			this.caches.changed(CACHE);
			this.auditLog.record(actor, "settings.changed", String.join(", ", accepted.keySet()), AuditResult.SUCCESS,
					null);
		}
		if (!changed.isEmpty()) {
			this.events.publishEvent(new SettingsChanged(changed, actor, Instant.ofEpochMilli(now)));
		}
	}

	private Map<String, String> readRows() {
		Map<String, String> stored = new HashMap<>();
		this.jdbc.sql("SELECT setting_key, setting_value FROM system_setting").query((rs) -> {
			stored.put(rs.getString(1), rs.getString(2));
		});
		return Map.copyOf(stored);
	}

	private SettingDefinition definition(String key) {
		SettingDefinition definition = this.definitions.get(key);
		if (definition == null) {
			throw new IllegalArgumentException("Undefined setting " + key);
		}
		return definition;
	}

}
