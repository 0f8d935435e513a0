package dev.parley.operations.internal.backup;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On the embedded H2 database, makes every generated key continue after the largest key
 * its table holds, at every start: a restore sets them after its commit (H2's DDL
 * commits), and a crash between the two must not leave a table giving out keys it holds
 * already. Costs one query per table; changes nothing when the keys are right.
 */
@Component
class KeysAtStart {

	private static final Logger log = LoggerFactory.getLogger(KeysAtStart.class);

	private final DataSource dataSource;

	KeysAtStart(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@EventListener(ApplicationReadyEvent.class)
	void align() {
		try (Connection connection = this.dataSource.getConnection()) {
			Engine engine = Engine.of(connection);
			if (engine != Engine.H2) {
				return;
			}
			for (TableLayout table : SchemaInspector.tables(connection)) {
				engine.continueKeys(connection, table);
			}
		}
		catch (SQLException | RuntimeException ex) {
			log.warn("Could not check the generated keys of the embedded database: {}", ex.getMessage());
		}
	}

}
