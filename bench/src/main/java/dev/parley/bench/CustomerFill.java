package dev.parley.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Fills a migrated Parley database with generated customers and conversations for the
 * customer list and search benchmark (docs/performance.md, "Finding customers"), by
 * {@code INSERT ... SELECT} statements that run unchanged on H2 and PostgreSQL: half
 * Chinese names of three characters (20 surnames, 37 given characters), half English
 * names (20 first names, 20 surnames), a company for every third, one or two of 100 tags,
 * five levels (10% VIP, at random), 70% with conversations (5 per 700,000 customers by
 * default) through one visitor each. Search terms are written as {@code platform.Words}
 * makes them for such names: Chinese, each character and each pair; English, each word in
 * lower case; tags and companies, their words. No e-mail addresses or phone numbers (they
 * are sealed with the server's key, which the harness does not have).
 */
final class CustomerFill {

	/** A pseudo-random number in [0, m) from the row number {@code g} and a salt. */
	private static String h(String g, int salt, int m) {
		return "CAST(MOD(MOD(CAST(" + g + " AS BIGINT) * " + (7919 + salt * 104_729L) + " + " + (salt * 31 + 17)
				+ ", 1000003), " + m + ") AS INT)";
	}

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高";

	private static final String GIVEN = "小明华丽伟芳娜敏静强磊军洋勇艳杰娟涛超秀英霞平刚桂兰文辉建国红玉海波宇新春";

	private static final List<String> FIRSTS = List.of("James", "Mary", "John", "Linda", "Robert", "Susan", "Michael",
			"Karen", "David", "Lisa", "Alexander", "Emma", "Oliver", "Sophia", "Daniel", "Grace", "Henry", "Chloe",
			"Lucas", "Alice");

	private static final List<String> LASTS = List.of("Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies",
			"Evans", "Thomas", "Roberts", "Walker", "Wright", "Hughes", "Green", "Hall", "Wood", "Turner", "Clarke",
			"Baker", "Harris", "King");

	private final FillSql sql;

	CustomerFill(Connection connection) {
		this.sql = new FillSql(connection);
	}

	/**
	 * @param customers how many customers (a multiple of 1,000)
	 * @param conversations how many conversations
	 * @param now the newest time in the data (epoch milliseconds)
	 */
	void fill(int customers, int conversations, long now) throws SQLException {
		List<String> indexes = this.sql.dropIndexes(TABLES);
		fillRows(customers, conversations, now);
		this.sql.makeIndexes(indexes);
	}

	/** The tables filled here. */
	private static final List<String> TABLES = List.of("customer", "customer_tag", "customer_term", "visitor",
			"customer_channel", "conversation");

	private void fillRows(int customers, int conversations, long now) throws SQLException {
		String t0 = Long.toString(now);
		long start = System.nanoTime();
		this.sql.exec("CREATE TABLE bench_n (n INT PRIMARY KEY)");
		this.sql.exec("INSERT INTO bench_n (n) VALUES " + String.join(", ",
				java.util.stream.IntStream.rangeClosed(1, 1000).mapToObj((i) -> "(" + i + ")").toList()));
		this.sql.exec("CREATE TABLE bench_word (kind VARCHAR(8), i INT, w VARCHAR(20), PRIMARY KEY (kind, i))");
		words("first", FIRSTS);
		words("last", LASTS);
		this.sql.exec("INSERT INTO customer_level (name, position, created_at) VALUES ('VIP', 1, 0), ('Gold', 2, 0), "
				+ "('Silver', 3, 0), ('Bronze', 4, 0), ('Trial', 5, 0)");
		long vip = this.sql.single("SELECT id FROM customer_level WHERE name = 'VIP'");
		long channel = this.sql.single("SELECT MIN(id) FROM chat_channel");
		String g = "r.g";
		// {lo} and {hi}: the chunk's first and last customer id (statements of CHUNK
		// rows:
		// H2 reads a big transaction's undo log back at its commit)
		String rows = "(SELECT (a.n - 1) * 1000 + b.n AS g FROM bench_n a, bench_n b WHERE a.n BETWEEN ({lo} + 999) / 1000 "
				+ "AND {hi} / 1000) r";
		String cn = "SUBSTRING('" + SURNAMES + "', 1 + " + h(g, 1, 20) + ", 1) || SUBSTRING('" + GIVEN + "', 1 + "
				+ h(g, 2, 37) + ", 1) || SUBSTRING('" + GIVEN + "', 1 + MOD(" + h(g, 2, 37) + " + 1 + " + h(g, 3, 36)
				+ ", 37), 1)";
		String en = "(SELECT w FROM bench_word WHERE kind = 'first' AND i = " + h(g, 1, 20)
				+ ") || ' ' || (SELECT w FROM bench_word WHERE kind = 'last' AND i = " + h(g, 2, 20) + ")";
		String day = "86400000";
		chunks(customers, "INSERT INTO customer (id, name, company, language, level_id, first_seen_at, last_seen_at, "
				+ "last_conversation_at, conversation_count, last_rating, created_at, updated_at, version) SELECT g, "
				+ "CASE WHEN MOD(g, 2) = 0 THEN " + cn + " ELSE " + en + " END, "
				+ "CASE WHEN MOD(g, 3) = 0 THEN 'Company ' || (1000 + MOD(g, 5000)) END, "
				+ "CASE WHEN MOD(g, 2) = 0 THEN 'zh-CN' ELSE 'en' END, " + "CASE WHEN " + h(g, 5, 10) + " = 0 THEN "
				+ vip + " WHEN " + h(g, 5, 10) + " < 5 THEN " + vip + " + " + h(g, 5, 10) + " END, " + t0 + " - ("
				+ h(g, 4, 365) + ") * CAST(" + day + " AS BIGINT), " + t0 + " - MOD(CAST(" + g
				+ " AS BIGINT) * 2654435761, CAST(" + day + " AS BIGINT) * 90), "
				+ "CASE WHEN MOD(g, 10) BETWEEN 1 AND 7 THEN " + t0 + " - MOD(CAST(" + g
				+ " AS BIGINT) * 2246822519, CAST(" + day + " AS BIGINT) * 120) END, "
				+ "CASE WHEN MOD(g, 10) BETWEEN 1 AND 7 THEN " + (conversations / Math.max(1, customers * 7 / 10))
				+ " ELSE 0 END, CASE WHEN MOD(g, 4) = 0 THEN 1 + MOD(g, 5) END, " + t0 + " - (" + h(g, 4, 365)
				+ ") * CAST(" + day + " AS BIGINT), " + t0 + ", 0 FROM " + rows);
		FillSql.lap("customers", start);
		String ids = " AND id BETWEEN {lo} AND {hi}";
		chunks(customers, "INSERT INTO customer_tag (customer_id, tag) SELECT id, 'tag-' || MOD(id, 100) FROM customer "
				+ "WHERE 1 = 1" + ids);
		chunks(customers, "INSERT INTO customer_tag (customer_id, tag) SELECT id, 'tag-' || MOD(id * 7 + 3, 100) "
				+ "FROM customer WHERE MOD(id, 5) = 0 AND MOD(id * 7 + 3, 100) <> MOD(id, 100)" + ids);
		FillSql.lap("tags", start);
		// no customer gets a term twice: a name's characters differ (the surnames and the
		// given
		// characters are apart, the two given characters differ), company numbers are
		// 1000 and
		// up, tag numbers below 100, and only the first tag gives the word "tag"
		String first = "INSERT INTO customer_term (term, customer_id) ";
		chunks(customers, first + "SELECT LOWER(SUBSTRING(name, 1, POSITION(' ' IN name) - 1)), id FROM customer "
				+ "WHERE MOD(id, 2) = 1" + ids);
		chunks(customers, first + "SELECT LOWER(SUBSTRING(name, POSITION(' ' IN name) + 1, 40)), id FROM customer "
				+ "WHERE MOD(id, 2) = 1" + ids);
		chunks(customers, first + "SELECT SUBSTRING(c.name, k.n, 1), c.id FROM customer c, bench_n k WHERE "
				+ "MOD(c.id, 2) = 0 AND k.n <= 3 AND c.id BETWEEN {lo} AND {hi}");
		chunks(customers, first + "SELECT SUBSTRING(c.name, k.n, 2), c.id FROM customer c, bench_n k WHERE "
				+ "MOD(c.id, 2) = 0 AND k.n <= 2 AND c.id BETWEEN {lo} AND {hi}");
		chunks(customers, first + "SELECT 'company', id FROM customer WHERE company IS NOT NULL" + ids);
		chunks(customers, first + "SELECT SUBSTRING(company, 9, 10), id FROM customer WHERE company IS NOT NULL" + ids);
		chunks(customers, first + "SELECT 'tag', id FROM customer WHERE 1 = 1" + ids);
		chunks(customers, first + "SELECT SUBSTRING(tag, 5, 10), customer_id FROM customer_tag WHERE customer_id "
				+ "BETWEEN {lo} AND {hi}");
		FillSql.lap("terms", start);
		// one visitor per customer with conversations, his conversations spread over a
		// year
		chunks(customers,
				"INSERT INTO visitor (id, channel_id, customer_id, name, language, created_at, last_seen_at) "
						+ "SELECT id, " + channel + ", id, name, language, first_seen_at, last_seen_at FROM customer "
						+ "WHERE MOD(id, 10) BETWEEN 1 AND 7" + ids);
		chunks(customers,
				"INSERT INTO customer_channel (customer_id, channel_id, first_seen_at, last_seen_at) SELECT id, "
						+ channel + ", created_at, last_seen_at FROM visitor WHERE 1 = 1" + ids);
		FillSql.lap("visitors", start);
		int withConversations = customers * 7 / 10;
		int blocks = (conversations + withConversations - 1) / withConversations;
		// conversation k: customer 10 * (i / 7) + i % 7 + 1 with i = k mod 700,000
		String k = "((b.n - 1) * " + withConversations + " + v.i)";
		String visitorOf = "(10 * (v.i / 7) + MOD(v.i, 7) + 1)";
		String created = t0 + " - MOD(CAST(" + k + " AS BIGINT) * 2654435761, CAST(" + day + " AS BIGINT) * 365)";
		this.sql.exec("CREATE TABLE bench_i (i INT PRIMARY KEY)");
		this.sql.exec("INSERT INTO bench_i (i) SELECT (a.n - 1) * 1000 + b.n - 1 FROM bench_n a, bench_n b WHERE "
				+ "(a.n - 1) * 1000 + b.n - 1 < " + withConversations);
		for (int block = 1; block <= blocks; block++) {
			chunks(withConversations,
					("INSERT INTO conversation (channel_id, visitor_id, status, question, language, created_at, closed_at, "
							+ "closed_by, last_message_at, last_message_preview, last_seq, agent_read_seq, visitor_read_seq, "
							+ "rating) SELECT " + channel + ", " + visitorOf
							+ ", 'CLOSED', 'Where is my order?', 'en', " + created + ", " + created
							+ " + 600000, 'AGENT', " + created + " + 600000, 'Thank you', 8, 8, 8, " + "CASE WHEN MOD("
							+ k + ", 4) = 0 THEN 1 + MOD(" + k + ", 5) END FROM bench_i v, bench_n b WHERE b.n = "
							+ block + " AND v.i BETWEEN {lo} - 1 AND {hi} - 1 AND " + k + " < " + conversations));
		}
		FillSql.lap("conversations", start);
		this.sql.exec("DROP TABLE bench_i");
		this.sql.exec("DROP TABLE bench_word");
		this.sql.exec("DROP TABLE bench_n");
	}

	/** Rows per statement. */
	private static final int CHUNK = 50_000;

	/**
	 * Runs the statement for ids 1 to {@code total} in chunks, {@code {lo}} and
	 * {@code {hi}} replaced by each chunk's first and last id.
	 */
	private void chunks(int total, String statement) throws SQLException {
		this.sql.chunks(total, CHUNK, statement);
	}

	private void words(String kind, List<String> words) throws SQLException {
		StringBuilder sql = new StringBuilder("INSERT INTO bench_word (kind, i, w) VALUES ");
		for (int i = 0; i < words.size(); i++) {
			sql.append((i > 0) ? ", " : "").append("('").append(kind).append("', ").append(i).append(", '");
			sql.append(words.get(i)).append("')");
		}
		this.sql.exec(sql.toString());
	}

}
