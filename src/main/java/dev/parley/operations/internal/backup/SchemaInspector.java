package dev.parley.operations.internal.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the tables a backup holds from the database's own catalogue, in an order where
 * every table comes after the tables it references (so rows are inserted parents first
 * and deleted children first).
 * <p>
 * Left out are the tables that describe the installation's machinery rather than its
 * data, and that a restore must not roll back: the schema history (the target's schema is
 * migrated by Flyway), the event publication registry (events of the moment of the
 * backup, delivered already or to be delivered by the running nodes), the node registry,
 * leases, maintenance state, and the backup catalogue and strategy themselves (restoring
 * an old backup must not forget the newer ones).
 */
final class SchemaInspector {

	static final Set<String> EXCLUDED = Set.of("flyway_schema_history", "event_publication",
			"event_publication_archive", "node_lease", "cluster_node", "maintenance_state", "maintenance_ack",
			"backup_run", "restore_run", "backup_strategy", "backup_schedule", "spring_session",
			"spring_session_attributes");

	private SchemaInspector() {
	}

	static List<TableLayout> tables(Connection connection) throws SQLException {
		DatabaseMetaData metadata = connection.getMetaData();
		String catalog = connection.getCatalog();
		String schema = connection.getSchema();
		Map<String, String> names = new TreeMap<>();
		try (ResultSet tables = metadata.getTables(catalog, schema, "%", new String[] { "TABLE", "BASE TABLE" })) {
			while (tables.next()) {
				String name = tables.getString("TABLE_NAME");
				String lower = name.toLowerCase(Locale.ROOT);
				if (!EXCLUDED.contains(lower)) {
					names.put(lower, name);
				}
			}
		}
		Map<String, TableLayout> layouts = new LinkedHashMap<>();
		for (Map.Entry<String, String> table : names.entrySet()) {
			layouts.put(table.getKey(), layout(metadata, catalog, schema, table.getKey(), table.getValue()));
		}
		return ordered(layouts);
	}

	private static TableLayout layout(DatabaseMetaData metadata, String catalog, String schema, String lower,
			String name) throws SQLException {
		List<TableLayout.Column> columns = new ArrayList<>();
		String identity = null;
		try (ResultSet rows = metadata.getColumns(catalog, schema, name, "%")) {
			while (rows.next()) {
				String column = rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
				columns.add(new TableLayout.Column(column,
						ColumnKind.of(rows.getInt("DATA_TYPE"), rows.getString("TYPE_NAME"), lower, column)));
				if ("YES".equalsIgnoreCase(rows.getString("IS_AUTOINCREMENT"))) {
					identity = column;
				}
			}
		}
		Set<String> references = new LinkedHashSet<>();
		try (ResultSet keys = metadata.getImportedKeys(catalog, schema, name)) {
			while (keys.next()) {
				String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
				if (!parent.equals(lower)) {
					references.add(parent);
				}
			}
		}
		return new TableLayout(lower, List.copyOf(columns), identity, List.copyOf(references));
	}

	private static List<TableLayout> ordered(Map<String, TableLayout> layouts) {
		List<TableLayout> ordered = new ArrayList<>();
		Set<String> placed = new LinkedHashSet<>();
		while (placed.size() < layouts.size()) {
			boolean progress = false;
			for (TableLayout table : layouts.values()) {
				if (!placed.contains(table.name()) && table.references()
					.stream()
					.allMatch((parent) -> placed.contains(parent) || !layouts.containsKey(parent))) {
					ordered.add(table);
					placed.add(table.name());
					progress = true;
				}
			}
			if (!progress) {
				throw new IllegalStateException("Tables reference each other in a cycle: " + layouts.keySet());
			}
		}
		return ordered;
	}

}
