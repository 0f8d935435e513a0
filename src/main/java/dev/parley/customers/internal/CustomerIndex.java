package dev.parley.customers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.parley.customers.CustomerChanged;
import dev.parley.customers.CustomersMerged;
import dev.parley.platform.Words;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search terms of customers ({@code customer_term}), rewritten in the transaction of
 * every change ({@link CustomerChanged} is published inside it), so a search never finds
 * a customer by what he no longer is. Indexed: name, company, tags, notes, and the values
 * of text and choice attributes that are not sensitive. E-mail addresses and phone
 * numbers are not terms; they are found by their blind index. Merged and erased records
 * have none.
 */
@Component
class CustomerIndex {

	/** At most this many terms per customer (long notes are cut). */
	static final int MAX_TERMS = 2000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Words words;

	CustomerIndex(JdbcClient jdbc, JdbcTemplate template, Words words) {
		this.jdbc = jdbc;
		this.template = template;
		this.words = words;
	}

	@EventListener
	void on(CustomerChanged changed) {
		reindex(changed.customerId());
	}

	/** The merged-away record keeps no terms (the survivor is announced as changed). */
	@EventListener
	void on(CustomersMerged merged) {
		reindex(merged.mergedId());
	}

	/** Rewrites the customer's terms from what he is now. */
	@Transactional
	public void reindex(long customerId) {
		// one rewrite per customer at a time: two at once would insert the same terms
		this.jdbc.sql("SELECT id FROM customer WHERE id = ? FOR UPDATE").param(customerId).query(Long.class).list();
		this.jdbc.sql("DELETE FROM customer_term WHERE customer_id = ?").param(customerId).update();
		Set<String> terms = this.words.index(String.join("\n", texts(customerId)), MAX_TERMS);
		List<Object[]> rows = new ArrayList<>(terms.size());
		terms.forEach((term) -> rows.add(new Object[] { term, customerId }));
		if (!rows.isEmpty()) {
			this.template.batchUpdate("INSERT INTO customer_term (term, customer_id) VALUES (?, ?)", rows);
		}
	}

	private List<String> texts(long customerId) {
		List<String> texts = new ArrayList<>();
		List<String[]> record = this.jdbc
			.sql("SELECT name, company FROM customer WHERE id = ? AND merged_into IS NULL AND erased_at IS NULL")
			.param(customerId)
			.query((rs, row) -> new String[] { rs.getString("name"), rs.getString("company") })
			.list();
		if (record.isEmpty()) {
			return texts;
		}
		for (String value : record.get(0)) {
			if (value != null) {
				texts.add(value);
			}
		}
		texts.addAll(this.jdbc.sql("SELECT tag FROM customer_tag WHERE customer_id = ?")
			.param(customerId)
			.query(String.class)
			.list());
		texts.addAll(this.jdbc
			.sql("SELECT v.text_value, v.choice_value FROM customer_attribute_value v JOIN customer_attribute a "
					+ "ON a.id = v.attribute_id WHERE v.customer_id = ? AND a.is_sensitive = FALSE "
					+ "AND a.attr_type IN ('TEXT', 'CHOICE')")
			.param(customerId)
			.query((rs, row) -> (rs.getString(1) != null) ? rs.getString(1) : rs.getString(2))
			.list()
			.stream()
			.filter((value) -> value != null)
			.toList());
		texts.addAll(this.jdbc.sql("SELECT body FROM customer_note WHERE customer_id = ? ORDER BY created_at DESC")
			.param(customerId)
			.query(String.class)
			.list());
		return texts;
	}

}
