package dev.parley.customers;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.parley.customers.internal.ContactKind;
import dev.parley.customers.internal.ContactRepository;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding customers: filters, orders and keyset pages, Chinese and English search, exact
 * e-mail search, segments, permissions and the export.
 */
class CustomerSearchTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	TestCustomers customers;

	TransactionTemplate transactions;

	@Autowired
	void customers(ApplicationEventPublisher events, PlatformTransactionManager manager) {
		this.customers = new TestCustomers(this.jdbc, events, manager, this.clock);
		this.transactions = this.customers.transactions();
	}

	@Autowired
	ContactRepository contacts;

	@Test
	void aFragmentOfAChineseNameFindsHimInSimplifiedAndTraditionalCharacters() {
		String tag = unique("cn");
		long simplified = customer("王小明", "上海科技有限公司", tag);
		long traditional = customer("陳大文", "香港貿易公司", tag);
		customer("李雷", null, tag);
		assertThat(ids("q=" + enc("小明") + "&tag=" + tag)).containsExactly(simplified);
		assertThat(ids("q=" + enc("王小明") + "&tag=" + tag)).containsExactly(simplified);
		assertThat(ids("q=" + enc("大文") + "&tag=" + tag)).containsExactly(traditional);
		assertThat(ids("q=" + enc("貿易") + "&tag=" + tag)).containsExactly(traditional);
		assertThat(ids("q=" + enc("科技") + "&tag=" + tag)).containsExactly(simplified);
		assertThat(ids("q=" + enc("明") + "&tag=" + tag)).containsExactly(simplified);
		assertThat(ids("q=" + enc("小文") + "&tag=" + tag)).isEmpty();
	}

	@Test
	void englishWordsAreFoundByTheirBeginningInAnyCase() {
		String tag = unique("en");
		long alexander = customer("Alexander Smith", "Acme Widgets", tag);
		long alice = customer("Alice Smithers", null, tag);
		assertThat(ids("q=alex&tag=" + tag)).containsExactly(alexander);
		assertThat(ids("q=SMITH&tag=" + tag)).containsExactlyInAnyOrder(alexander, alice);
		assertThat(ids("q=" + enc("acme smi") + "&tag=" + tag)).containsExactly(alexander);
		assertThat(ids("q=" + enc("ｗｉｄｇｅｔｓ") + "&tag=" + tag)).as("full-width letters (NFKC)")
			.containsExactly(alexander);
		assertThat(ids("q=bob&tag=" + tag)).isEmpty();
	}

	@Test
	void anEmailAddressOrPhoneIsFoundExactlyAndShownMasked() {
		String tag = unique("mail");
		long customer = customer("Mail Person", null, tag);
		String email = unique("someone") + "@example.com";
		this.transactions.executeWithoutResult((status) -> {
			this.contacts.add(customer, ContactKind.EMAIL, email, false, Instant.now());
			this.contacts.add(customer, ContactKind.PHONE, "+86 138 0013 8000", false, Instant.now());
		});
		assertThat(ids("q=" + enc(email.toUpperCase()))).containsExactly(customer);
		assertThat(ids("email=" + enc(email))).containsExactly(customer);
		assertThat(ids("phone=" + enc("+8613800138000"))).containsExactly(customer);
		assertThat(ids("q=" + enc("+86 138 0013 8000"))).containsExactly(customer);
		assertThat(ids("q=" + enc(email.substring(0, 8)) + "&tag=" + tag)).as("an address is no term").isEmpty();
		JsonNode item = list("tag=" + tag).path("items").get(0);
		assertThat(item.path("emails").get(0).asString()).isEqualTo(email.charAt(0) + "***@example.com");
		assertThat(item.path("phones").get(0).asString()).endsWith("8000").doesNotContain("138");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM customer_term WHERE term LIKE '%example%'")
			.query(Integer.class)
			.single()).isZero();
		assertThat(list("email=not-an-address").toString()).contains("email");
		assertThat(admin().get("/api/v1/customers?email=nope").status()).isEqualTo(400);
	}

	@Test
	void filtersOnFieldsTagsLevelsAndAttributes() {
		String tag = unique("f");
		long vip = level(unique("VIP"));
		long plan = attribute(unique("plan"), "CHOICE", "gold\nsilver");
		long seats = attribute(unique("seats"), "NUMBER", null);
		long a = customer("Anna", "Acme", tag);
		long b = customer("Bert", "Bolt", tag);
		long c = customer("Cleo", "Acme", tag, "second-" + tag);
		update("UPDATE customer SET level_id = ?, language = 'zh-CN', conversation_count = 3 WHERE id = ?", vip, a);
		update("UPDATE customer SET blocked_at = 1 WHERE id = ?", b);
		value(a, plan, "choice_value", "gold");
		value(b, plan, "choice_value", "silver");
		value(a, seats, "number_value", 12);
		value(c, seats, "number_value", 40);
		String planKey = key(plan);
		String seatsKey = key(seats);
		assertThat(ids("tag=" + tag + "&level=" + vip)).containsExactly(a);
		assertThat(ids("tag=" + tag + "&tag=second-" + tag)).containsExactly(c);
		assertThat(ids("tag=" + tag + "&company=acm")).containsExactlyInAnyOrder(a, c);
		assertThat(ids("tag=" + tag + "&language=zh-CN")).containsExactly(a);
		assertThat(ids("tag=" + tag + "&blocked=true")).containsExactly(b);
		assertThat(ids("tag=" + tag + "&blocked=false")).containsExactlyInAnyOrder(a, c);
		assertThat(ids("tag=" + tag + "&conversations.min=2")).containsExactly(a);
		assertThat(ids("tag=" + tag + "&attr." + planKey + "=gold&attr." + planKey + "=silver"))
			.containsExactlyInAnyOrder(a, b);
		assertThat(ids("tag=" + tag + "&attr." + seatsKey + ".from=20")).containsExactly(c);
		assertThat(ids("tag=" + tag + "&attr." + seatsKey + ".to=20")).containsExactly(a);
		assertThat(ids("tag=" + tag + "&q=gold")).as("choice values are terms").containsExactly(a);

		assertThat(refused("tag=" + tag + "&colour=red")).isEqualTo("colour");
		assertThat(refused("attr.nosuch=1")).isEqualTo("attr.nosuch");
		assertThat(refused("attr." + planKey + "=bronze")).isEqualTo("attr." + planKey);
		assertThat(refused("attr." + seatsKey + ".from=many")).isEqualTo("attr." + seatsKey + ".from");
		assertThat(refused("attr." + planKey + ".from=1")).isEqualTo("attr." + planKey + ".from");
		assertThat(refused("level=999999")).isEqualTo("level");
		assertThat(refused("lastSeen.from=yesterday-ish")).isEqualTo("lastSeen.from");
		assertThat(refused("timeZone=Mars/Olympus")).isEqualTo("timeZone");
		assertThat(refused("sort=shoeSize")).isEqualTo("sort");
		assertThat(refused("limit=101")).isEqualTo("limit");
		assertThat(refused("cursor=garbage")).isEqualTo("cursor");
	}

	@Test
	void pagesFollowTheOrderWithoutRepeatingOrSkippingEqualKeys() {
		String tag = unique("page");
		List<Long> all = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			all.add(customer("Same " + (i % 2), null, tag));
		}
		update("UPDATE customer SET last_seen_at = 5000, conversation_count = 1 WHERE id IN (?, ?, ?, ?, ?, ?, ?)",
				all.toArray());
		update("UPDATE customer SET last_conversation_at = 7000 WHERE id IN (?, ?, ?)", all.get(1), all.get(3),
				all.get(5));
		update("UPDATE customer SET name = NULL WHERE id = ?", all.get(6));
		List<Long> descending = new ArrayList<>(all);
		java.util.Collections.reverse(descending);
		assertThat(pages("tag=" + tag + "&limit=2")).containsExactlyElementsOf(descending);
		assertThat(pages("tag=" + tag + "&limit=3&sort=conversations&order=asc")).containsExactlyElementsOf(all);
		assertThat(pages("tag=" + tag + "&limit=2&sort=lastConversation")).containsExactly(all.get(5), all.get(3),
				all.get(1), all.get(6), all.get(4), all.get(2), all.get(0));
		assertThat(pages("tag=" + tag + "&limit=2&sort=name&order=asc")).containsExactly(all.get(0), all.get(2),
				all.get(4), all.get(1), all.get(3), all.get(5), all.get(6));
		String cursor = list("tag=" + tag + "&limit=2").path("nextCursor").asString();
		assertThat(refused("tag=" + tag + "&limit=2&order=asc&cursor=" + cursor)).isEqualTo("cursor");
	}

	@Autowired
	dev.parley.customers.internal.CustomerMerges merges;

	@Autowired
	dev.parley.customers.internal.CustomerRepository records;

	@Test
	void aMergedAwayRecordLeavesTheIndexAndTheSurvivorIsFound() {
		String tag = unique("merge");
		long survivor = customer("Survivor Quince", null, tag);
		long merged = customer("Merged Quokka", null, tag);
		this.transactions.executeWithoutResult((status) -> this.merges.merge(this.records.findById(survivor).get(),
				this.records.findById(merged).get(), ADMIN, "test"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM customer_term WHERE customer_id = ?")
			.param(merged)
			.query(Integer.class)
			.single()).isZero();
		assertThat(ids("q=quince&tag=" + tag)).containsExactly(survivor);
		assertThat(ids("q=quokka")).doesNotContain(merged);
	}

	@Test
	void mergedAndErasedRecordsAreNotListed() {
		String tag = unique("gone");
		long kept = customer("Kept", null, tag);
		long merged = customer("Merged", null, tag);
		long erased = customer("Erased", null, tag);
		update("UPDATE customer SET merged_into = ? WHERE id = ?", kept, merged);
		update("UPDATE customer SET erased_at = 1 WHERE id = ?", erased);
		assertThat(ids("tag=" + tag)).containsExactly(kept);
	}

	@Test
	void aSegmentOfVipsWithAConversationThisWeek() {
		String tag = unique("seg");
		long vip = level(unique("VIP"));
		long recent = customer("Recent VIP", null, tag);
		long old = customer("Old VIP", null, tag);
		long other = customer("Recent other", null, tag);
		long now = this.clock.instant().toEpochMilli();
		update("UPDATE customer SET level_id = ?, last_conversation_at = ? WHERE id = ?", vip, now, recent);
		update("UPDATE customer SET level_id = ?, last_conversation_at = ? WHERE id = ?", vip,
				now - Duration.ofDays(10).toMillis(), old);
		update("UPDATE customer SET last_conversation_at = ? WHERE id = ?", now, other);
		ApiClient agent = signedInAs("agent");
		ApiClient.Response saved = agent.post("/api/v1/customer-segments", Map.of("name", "VIP this week", "filter",
				Map.of("level", List.of(Long.toString(vip)), "lastConversation.from", "this-week", "tag", tag)));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
		long id = saved.json().path("id").asLong();
		assertThat(saved.json().path("shared").asBoolean()).isFalse();
		JsonNode page = agent.get("/api/v1/customers?segment=" + id).json();
		assertThat(page.path("items").valueStream().map((n) -> n.path("id").asLong()).toList()).containsExactly(recent);
		assertThat(signedInAs("agent").get("/api/v1/customers?segment=" + id).status())
			.as("a personal segment is its owner's")
			.isEqualTo(404);

		int before = segments();
		ApiClient.Response unknown = agent.post("/api/v1/customer-segments",
				Map.of("name", "Bad", "filter", Map.of("shoeSize", "44")));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("shoeSize");
		assertThat(agent.post("/api/v1/customer-segments", Map.of("name", "Shared", "filter", Map.of(), "shared", true))
			.status()).as("shared segments take customer.manage").isEqualTo(403);
		assertThat(agent.put("/api/v1/customer-segments/" + id, Map.of("name", "x", "filter", Map.of("attr.nope", "1")))
			.status()).isEqualTo(400);
		assertThat(segments()).isEqualTo(before);
		assertThat(agent.get("/api/v1/customer-segments/" + id).json().path("name").asString())
			.isEqualTo("VIP this week");
		assertThat(
				admin().post("/api/v1/customer-segments", Map.of("name", "Shared", "filter", Map.of(), "shared", true))
					.status())
			.isEqualTo(201);
		assertThat(agent.delete("/api/v1/customer-segments/" + id).status()).isEqualTo(204);
	}

	@Test
	void onlyStaffWithThePermissionsListAndExport() {
		ApiClient support = signedInAs("support");
		assertThat(support.get("/api/v1/customers").status()).isEqualTo(403);
		assertThat(support.get("/api/v1/customer-segments").status()).isEqualTo(403);
		assertThat(signedInAs("agent").get("/api/v1/customers/export").status()).isEqualTo(403);
		assertThat(client().get("/api/v1/customers").status()).isEqualTo(401);
	}

	@Test
	void theExportNeutralisesFormulasInCsvAndXlsx() throws Exception {
		String tag = unique("x");
		long customer = customer("=HYPERLINK(\"http://evil\")", "+1 Corp", tag);
		customer("@SUM(A1)", "-minus", tag);
		String email = unique("pii") + "@example.com";
		this.transactions.executeWithoutResult(
				(status) -> this.contacts.add(customer, ContactKind.EMAIL, email, true, Instant.now()));
		ApiClient supervisor = signedInAs("supervisor");
		ApiClient.Response csv = supervisor.get("/api/v1/customers/export?format=csv&sort=name&order=asc&tag=" + tag);
		assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
		List<CSVRecord> records = CSVFormat.DEFAULT.builder()
			.setHeader()
			.get()
			.parse(new StringReader(csv.body().substring(1)))
			.getRecords();
		assertThat(records).hasSize(2);
		assertThat(records.get(0).get("name")).isEqualTo("'=HYPERLINK(\"http://evil\")");
		assertThat(records.get(0).get("company")).isEqualTo("'+1 Corp");
		assertThat(records.get(0).get("emails")).as("a supervisor sees contacts").isEqualTo(email);
		assertThat(records.get(1).get("name")).isEqualTo("'@SUM(A1)");
		assertThat(records.get(1).get("company")).isEqualTo("'-minus");

		HttpResponse<byte[]> xlsx = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port
						+ "/api/v1/customers/export?format=xlsx&sort=name&order=asc&tag=" + tag))
				.header("Cookie", supervisor.cookieHeader())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows).hasSize(3);
			assertThat(rows.get(1).getCellText(1)).isEqualTo("'=HYPERLINK(\"http://evil\")");
			assertThat(rows.get(2).getCellText(2)).isEqualTo("'-minus");
		}
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'customers.exported' AND detail LIKE ?")
					.param("%" + tag + "%")
					.query(Integer.class)
					.single())
			.isEqualTo(2);

		ApiClient.Response masked = admin().get("/api/v1/customers/export?tag=" + tag + "&sort=name&order=asc");
		assertThat(masked.body()).contains(email);
		assertThat(admin().get("/api/v1/customers/export?format=pdf").status()).isEqualTo(400);
	}

	@Test
	void deletingAnAttributeTakesItsValuesOutOfTheSearch() {
		String word = "Zq" + letters();
		long plan = attribute(unique("plan"), "TEXT", null);
		long a = customer("Li Lei", null);
		value(a, plan, "text_value", word);
		assertThat(ids("q=" + word)).containsExactly(a);
		assertThat(admin().delete("/api/v1/customer-attributes/" + plan).status()).isEqualTo(204);
		assertThat(ids("q=" + word)).as("its terms went with it").isEmpty();
	}

	@Test
	void aLevelOnlyMergedAwayRecordsHadCanBeDeleted() {
		long level = level(unique("Gold"));
		long survivor = customer("Li Lei", null);
		long merged = customer("Li Lei", null);
		update("UPDATE customer SET level_id = ?, merged_into = ? WHERE id = ?", level, survivor, merged);
		ApiClient.Response levels = admin().get("/api/v1/customer-levels");
		assertThat(levels.json()
			.valueStream()
			.filter((l) -> l.path("id").asLong() == level)
			.findFirst()
			.orElseThrow()
			.path("customers")
			.asLong()).isZero();
		ApiClient.Response deleted = admin().delete("/api/v1/customer-levels/" + level);
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
		assertThat(this.jdbc.sql("SELECT level_id FROM customer WHERE id = ?").param(merged).query(Long.class).list())
			.containsExactly((Long) null);
	}

	@Test
	void aSegmentHoldsNoAddressOrPhoneNumber() {
		ApiClient agent = signedInAs("agent");
		int before = segments();
		for (Map.Entry<String, String> filter : Map
			.of("email", "li@example.com", "phone", "+86 138 0013 8000", "q", "li@example.com")
			.entrySet()) {
			ApiClient.Response refused = agent.post("/api/v1/customer-segments",
					Map.of("name", "Bad", "filter", Map.of(filter.getKey(), filter.getValue())));
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo(filter.getKey());
		}
		ApiClient.Response phone = agent.post("/api/v1/customer-segments",
				Map.of("name", "Bad", "filter", Map.of("q", "13800138000")));
		assertThat(phone.status()).as(phone.toString()).isEqualTo(400);
		assertThat(segments()).isEqualTo(before);
		assertThat(agent.post("/api/v1/customer-segments", Map.of("name", "Fine", "filter", Map.of("q", "Li Lei")))
			.status()).isEqualTo(201);
	}

	private static String letters() {
		StringBuilder text = new StringBuilder();
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		for (int i = 0; i < 10; i++) {
			text.append((char) ('a' + random.nextInt(26)));
		}
		return text.toString();
	}

	// --- helpers

	private long customer(String name, String company, String... tags) {
		return this.customers.customer(name, company, tags);
	}

	private void update(String sql, Object... params) {
		this.jdbc.sql(sql).params(params).update();
	}

	private long level(String name) {
		return this.customers.level(name);
	}

	private long attribute(String key, String type, String choices) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(
				"INSERT INTO customer_attribute (attr_key, label, attr_type, choices, required, is_sensitive, position, "
						+ "created_at) VALUES (?, ?, ?, ?, FALSE, FALSE, 0, 0)")
			.params(key, key, type, choices)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private String key(long attribute) {
		return this.jdbc.sql("SELECT attr_key FROM customer_attribute WHERE id = ?")
			.param(attribute)
			.query(String.class)
			.single();
	}

	private void value(long customer, long attribute, String column, Object value) {
		this.customers.change(customer, () -> this.jdbc
			.sql("INSERT INTO customer_attribute_value (customer_id, attribute_id, " + column + ") VALUES (?, ?, ?)")
			.params(customer, attribute, value)
			.update());
	}

	private int segments() {
		return this.jdbc.sql("SELECT COUNT(*) FROM customer_segment").query(Integer.class).single();
	}

	private JsonNode list(String query) {
		return admin().get("/api/v1/customers?" + query).json();
	}

	private List<Long> ids(String query) {
		ApiClient.Response response = admin().get("/api/v1/customers?" + query);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().path("items").valueStream().map((n) -> n.path("id").asLong()).toList();
	}

	private List<Long> pages(String query) {
		ApiClient admin = admin();
		List<Long> ids = new ArrayList<>();
		String cursor = null;
		for (int page = 0; page < 20; page++) {
			ApiClient.Response response = admin
				.get("/api/v1/customers?" + query + ((cursor != null) ? "&cursor=" + cursor : ""));
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			response.json().path("items").valueStream().forEach((n) -> ids.add(n.path("id").asLong()));
			JsonNode next = response.json().path("nextCursor");
			if (next.isNull() || next.isMissingNode()) {
				return ids;
			}
			cursor = next.asString();
		}
		throw new AssertionError("more pages than customers");
	}

	private String refused(String query) {
		ApiClient.Response response = admin().get("/api/v1/customers?" + query);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("validation_failed");
		return response.json().path("errors").get(0).path("field").asString();
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
