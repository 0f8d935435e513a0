package dev.parley.identity.internal;

import dev.parley.testing.ExternalServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The repository contract on a real MariaDb server, in a database made for this run. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class MariaDbStaffRepositoryTests extends StaffRepositoryContract {

	private static ExternalServices.TestDatabase database;

	@BeforeAll
	static void createDatabase() {
		database = ExternalServices.mariadb();
	}

	@AfterAll
	static void dropDatabase() {
		if (database != null) {
			database.drop();
		}
	}

	@DynamicPropertySource
	static void datasource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database.url());
		registry.add("spring.datasource.username", () -> database.username());
		registry.add("spring.datasource.password", () -> "");
	}

}
