package dev.parley.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One database per server engine for the whole test run, shared by every test class of
 * that engine (and so by its one Spring context): created before the first such class
 * runs (skipped, or failed in CI, when the server is missing), dropped when the run ends.
 * Each engine is a JUnit extension that makes the database and a context initializer that
 * points the context at it; the context stays one cached context because its
 * configuration names only the initializer's class.
 */
public final class TestDatabases {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestDatabases.class);

	private static final Map<Class<?>, ExternalServices.TestDatabase> created = new ConcurrentHashMap<>();

	private TestDatabases() {
	}

	abstract static class Engine
			implements BeforeAllCallback, ApplicationContextInitializer<ConfigurableApplicationContext> {

		abstract ExternalServices.TestDatabase create();

		@Override
		public void beforeAll(ExtensionContext context) {
			context.getRoot().getStore(NAMESPACE).computeIfAbsent(getClass(), (engine) -> {
				ExternalServices.TestDatabase database = create();
				created.put(engine, database);
				return new Dropped(engine, database);
			}, Dropped.class);
		}

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			ExternalServices.TestDatabase database = created.get(getClass());
			if (database == null) {
				throw new IllegalStateException(getClass().getSimpleName() + " database not created: register "
						+ getClass().getName() + " as an extension of the test class");
			}
			TestPropertyValues
				.of("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
						"spring.datasource.password=")
				.applyTo(context);
		}

	}

	/** Drops an engine's database when the run ends. */
	private record Dropped(Class<?> engine, ExternalServices.TestDatabase database) implements AutoCloseable {

		@Override
		public void close() {
			created.remove(this.engine);
			this.database.drop();
		}

	}

	/** A PostgreSQL database. */
	public static final class Postgres extends Engine {

		@Override
		ExternalServices.TestDatabase create() {
			return ExternalServices.postgres();
		}

	}

	/** A MariaDB (or MySQL) database. */
	public static final class MariaDb extends Engine {

		@Override
		ExternalServices.TestDatabase create() {
			return ExternalServices.mariadb();
		}

	}

}
