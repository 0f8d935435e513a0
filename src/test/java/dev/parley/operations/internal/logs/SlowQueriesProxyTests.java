package dev.parley.operations.internal.logs;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slow-query proxy around the pool unwraps to the pool: Spring Boot derives a
 * separate migration user's data source from it (this failed the start of a node with its
 * own Flyway user), and the pool's metrics read the pool through it.
 */
class SlowQueriesProxyTests {

	@Test
	void theProxyUnwrapsToThePoolSoADerivedDataSourceCanBeBuilt() throws Exception {
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl("jdbc:h2:mem:proxy-unwrap");
			pool.setUsername("runtime");
			DataSource proxied = (DataSource) new SlowQueries(new MockEnvironment())
				.postProcessAfterInitialization(pool, "dataSource");
			assertThat(proxied).isInstanceOf(SlowQueries.PoolProxy.class);
			assertThat(proxied.unwrap(HikariDataSource.class)).isSameAs(pool);
			assertThat(proxied.isWrapperFor(HikariDataSource.class)).isTrue();
			try (HikariDataSource migration = (HikariDataSource) DataSourceBuilder.derivedFrom(proxied)
				.username("migration")
				.build()) {
				assertThat(migration.getJdbcUrl()).isEqualTo("jdbc:h2:mem:proxy-unwrap");
				assertThat(migration.getUsername()).isEqualTo("migration");
			}
		}
	}

}
