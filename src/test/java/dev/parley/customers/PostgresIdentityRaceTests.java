package dev.parley.customers;

import dev.parley.testing.TestDatabases;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.ContextConfiguration;

/**
 * Two first arrivals with one identity at once become one customer, on PostgreSQL
 * (skipped with the reason printed when no server answers, failed under CI=true).
 */
@ExtendWith(TestDatabases.Postgres.class)
@ContextConfiguration(initializers = TestDatabases.Postgres.class)
class PostgresIdentityRaceTests extends IdentityRace {

}
