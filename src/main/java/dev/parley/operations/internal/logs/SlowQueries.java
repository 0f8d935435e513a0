package dev.parley.operations.internal.logs;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * The slow-query log: datasource-proxy around the application's pool measures every
 * statement, and one that took at least {@code parley.logs.slow-query-threshold} becomes
 * a WARN line of logger {@code parley.slow-query} with its duration, its SQL as written
 * (placeholders, never the values bound to them: those are personal data) and the Parley
 * method that ran it. Measured after the statement, on its own thread: no timer per
 * statement, and the caller is found (a stack walk) only for the slow ones.
 */
class SlowQueries implements BeanPostProcessor {

	private static final Logger logger = LoggerFactory.getLogger(LogType.SLOW_QUERY.logger());

	private static final int MAX_SQL = 2000;

	private final Environment environment;

	SlowQueries(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof DataSource dataSource) || bean instanceof ProxyDataSource) {
			return bean;
		}
		long threshold = this.environment
			.getProperty("parley.logs.slow-query-threshold", java.time.Duration.class, java.time.Duration.ofMillis(500))
			.toMillis();
		if (threshold <= 0) {
			return bean;
		}
		ProxyDataSource built = ProxyDataSourceBuilder.create(dataSource)
			.name(beanName)
			.listener(new Listener(threshold))
			.build();
		PoolProxy proxy = new PoolProxy(dataSource);
		proxy.setProxyConfig(built.getProxyConfig());
		proxy.setDataSourceName(beanName);
		return proxy;
	}

	/**
	 * The proxy, unwrapping to the pool it wraps: Spring Boot derives Flyway's own data
	 * source (a separate migration user, docs/deployment.md) from the pool's class and
	 * properties, and the pool's metrics read the pool, so {@code unwrap} must reach it
	 * (datasource-proxy's own answers the proxy itself for {@code DataSource}).
	 */
	static final class PoolProxy extends ProxyDataSource {

		PoolProxy(DataSource pool) {
			super(pool);
		}

		@Override
		public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
			return type.isInstance(getDataSource()) ? type.cast(getDataSource()) : super.unwrap(type);
		}

		@Override
		public boolean isWrapperFor(Class<?> type) throws java.sql.SQLException {
			return type.isInstance(getDataSource()) || super.isWrapperFor(type);
		}

	}

	/** Logs a statement that took at least the threshold. */
	static final class Listener implements QueryExecutionListener {

		private final long thresholdMillis;

		Listener(long thresholdMillis) {
			this.thresholdMillis = thresholdMillis;
		}

		@Override
		public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		}

		@Override
		public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			long millis = execution.getElapsedTime();
			if (millis < this.thresholdMillis || !logger.isWarnEnabled()) {
				return;
			}
			StringBuilder sql = new StringBuilder();
			for (QueryInfo query : queries) {
				if (sql.length() > 0) {
					sql.append("; ");
				}
				sql.append(query.getQuery());
			}
			String statement = (sql.length() > MAX_SQL) ? sql.substring(0, MAX_SQL) + "…" : sql.toString();
			String caller = caller().orElse("unknown");
			logger.atWarn()
				.addKeyValue("event.duration", millis * 1_000_000)
				.addKeyValue("code.caller", caller)
				.log("Slow query " + millis + " ms by " + caller + ": " + statement);
		}

		/**
		 * @return the innermost Parley method on the stack that is not this log
		 */
		static Optional<String> caller() {
			return StackWalker.getInstance()
				.walk((frames) -> frames
					.filter((frame) -> frame.getClassName().startsWith("dev.parley.")
							&& !frame.getClassName().startsWith(SlowQueries.class.getPackageName()))
					.findFirst()
					.map((frame) -> frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber()));
		}

	}

}
