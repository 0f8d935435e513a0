package dev.parley.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records the SQL statements one thread runs while it asks ({@link #during}), to count
 * what a request costs the database: the context's DataSource is wrapped so that every
 * statement executed on a recording thread is noted (other threads, such as schedulers,
 * are not). Import it into a test of its own: it makes a context of its own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounting {

	private static final ThreadLocal<List<String>> recording = new ThreadLocal<>();

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource && !(bean instanceof Counting)) ? new Counting(dataSource)
						: bean;
			}

		};
	}

	/**
	 * Runs the work on this thread and returns the statements it executed.
	 */
	public static <T> Recorded<T> during(Supplier<T> work) {
		List<String> statements = new ArrayList<>();
		recording.set(statements);
		try {
			return new Recorded<>(work.get(), List.copyOf(statements));
		}
		finally {
			recording.remove();
		}
	}

	/**
	 * @param result what the work returned
	 * @param statements the SQL executed, in order
	 */
	public record Recorded<T>(T result, List<String> statements) {

		/** The statements that change rows: INSERT, UPDATE, DELETE, MERGE. */
		public List<String> writes() {
			return this.statements.stream().filter(Recorded::writes).toList();
		}

		private static boolean writes(String sql) {
			String verb = sql.stripLeading().split("\\s", 2)[0].toUpperCase(Locale.ROOT);
			return List.of("INSERT", "UPDATE", "DELETE", "MERGE").contains(verb);
		}

	}

	private static final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return connection(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return connection(super.getConnection(username, password));
		}

		private static Connection connection(Connection target) {
			return proxy(Connection.class, target, (method, args, result) -> {
				if (result instanceof CallableStatement statement) {
					return statement(CallableStatement.class, statement, (String) args[0]);
				}
				if (result instanceof PreparedStatement statement) {
					return statement(PreparedStatement.class, statement, (String) args[0]);
				}
				if (result instanceof Statement statement) {
					return statement(Statement.class, statement, null);
				}
				return result;
			});
		}

		private static <S extends Statement> S statement(Class<S> type, S target, String prepared) {
			return proxy(type, target, (method, args, result) -> {
				List<String> statements = recording.get();
				if (statements != null && method.getName().startsWith("execute")) {
					String sql = (prepared != null) ? prepared
							: (args != null && args.length > 0 && args[0] instanceof String text) ? text : "(batch)";
					statements.add(sql);
				}
				return result;
			});
		}

		interface After {

			Object apply(Method method, Object[] args, Object result);

		}

		@SuppressWarnings("unchecked")
		private static <T> T proxy(Class<T> type, T target, After after) {
			InvocationHandler handler = (proxy, method, args) -> {
				Object result;
				try {
					result = method.invoke(target, args);
				}
				catch (InvocationTargetException ex) {
					throw ex.getTargetException();
				}
				return after.apply(method, args, result);
			};
			return (T) Proxy.newProxyInstance(StatementCounting.class.getClassLoader(), new Class<?>[] { type },
					handler);
		}

	}

}
