package dev.parley.customers.internal;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the customer list's filters offer: the levels, and the attributes a list may be
 * filtered by (sensitive ones are not).
 */
@Service
public class CustomerFilterOptions {

	private final JdbcClient jdbc;

	CustomerFilterOptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Options options() {
		List<Level> levels = this.jdbc.sql("SELECT id, name FROM customer_level ORDER BY position, name")
			.query((rs, row) -> new Level(rs.getLong(1), rs.getString(2)))
			.list();
		List<Attribute> attributes = this.jdbc
			.sql("SELECT a.attr_key, a.label, a.attr_type, a.choices FROM customer_attribute a "
					+ "WHERE a.is_sensitive = FALSE ORDER BY a.position, a.label")
			.query((rs, row) -> new Attribute(rs.getString(1), rs.getString(2), rs.getString(3),
					(rs.getString(4) != null) ? Arrays.asList(rs.getString(4).split("\n")) : List.of()))
			.list();
		return new Options(levels, attributes);
	}

	public record Options(List<Level> levels, List<Attribute> attributes) {
	}

	public record Level(long id, String name) {
	}

	/**
	 * @param type TEXT, NUMBER, DATE or CHOICE
	 */
	public record Attribute(String key, String label, String type, List<String> choices) {
	}

}
