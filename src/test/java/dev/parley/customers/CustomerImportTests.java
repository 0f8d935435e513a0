package dev.parley.customers;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.parley.customers.internal.CustomerImports;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV import of customers: UTF-8 (with a byte order mark) and GBK files with Chinese
 * names, a validation report that imports nothing, files that are not CSV text, a huge
 * file streamed, the permission, and cells that look like formulas kept as text.
 */
class CustomerImportTests extends IntegrationTest {

	private static final String IMPORTS = "/api/v1/customer-imports";

	private static final Charset GBK = Charset.forName("GBK");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomerImports imports;

	@Value("${parley.data-dir}")
	String dataDir;

	@Test
	void aUtf8FileWithBomAndAGbkFileAreReadAndImportedWithChineseNames() {
		String level = level();
		String mark = unique("t");
		String csv = "姓名,邮箱,电话,公司,等级,标签\n" + "张伟," + mark + "-zhang@example.cn,+86 138 0013 8000,上海贸易," + level
				+ ",vip;" + mark + "\n" + "李娜," + mark + "-li@example.cn,,北京科技,," + mark + "|新客户\n";
		byte[] utf8 = concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				csv.getBytes(StandardCharsets.UTF_8));
		JsonNode preview = upload("utf8.csv", utf8);
		assertThat(preview.path("encoding").asString()).isEqualTo("UTF-8 BOM");
		assertThat(preview.path("delimiter").asString()).isEqualTo(",");
		assertThat(preview.path("header").get(0).asString()).as("no BOM in the first heading").isEqualTo("姓名");
		assertThat(preview.path("rows")).hasSize(2);
		List<String> suggested = strings(preview.path("suggested"));
		assertThat(suggested).containsExactly("name", "email", "phone", "company", "level", "tags");
		JsonNode result = run(preview.path("id").asLong(), suggested, false);
		assertThat(result.path("created").asInt()).isEqualTo(2);
		assertThat(customersTagged(mark)).containsExactlyInAnyOrder("张伟", "李娜");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM customer_tag WHERE tag = '新客户'").query(Integer.class).single())
			.isPositive();
		assertThat(storedFiles()).as("the file is deleted once imported").doesNotContain(preview.path("id").asString());

		String gbk = "name;email;company\n王芳;" + mark + "-zhang@example.cn;广州电子\n赵磊;" + mark + "-zhao@example.cn;深圳\n";
		JsonNode second = upload("gbk.csv", gbk.getBytes(GBK));
		assertThat(second.path("encoding").asString()).isEqualTo("GBK");
		assertThat(second.path("delimiter").asString()).isEqualTo(";");
		assertThat(second.path("rows").get(0).get(0).asString()).isEqualTo("王芳");
		JsonNode updated = run(second.path("id").asLong(), List.of("name", "email", "company"), true);
		assertThat(updated.path("created").asInt()).isEqualTo(1);
		assertThat(updated.path("updated").asInt()).as("matched by e-mail (blind index)").isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT company FROM customer WHERE name = '王芳'").query(String.class).list())
			.contains("广州电子");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'customer.imported'")
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void badRowsAreReportedWithTheirRowAndColumnAndNothingIsImported() {
		String key = attribute();
		String mark = unique("bad");
		String csv = "Name,E-mail,Phone,Level,Plan\n" + "Good One,good@example.com,,," + "gold\n"
				+ "Bad Mail,not-an-address,,,gold\n" + "Bad Phone,,call me,,silver\n" + "Bad Level,,,Platinum " + mark
				+ ",gold\n" + "Bad Choice,,,,diamond\n";
		JsonNode preview = upload("bad.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(strings(preview.path("targets"))).contains("attr." + key);
		assertThat(preview.path("attributeLabels").path(key).asString()).as("the mapping list names it by its label")
			.isEqualTo("Plan");
		List<String> mapping = List.of("name", "email", "phone", "level", "attr." + key);
		ApiClient.Response validation = admin().post(IMPORTS + "/" + preview.path("id").asLong() + "/validation",
				Map.of("columns", mapping, "updateExisting", false));
		assertThat(validation.status()).as(validation.toString()).isEqualTo(200);
		JsonNode report = validation.json();
		assertThat(report.path("rows").asInt()).isEqualTo(5);
		assertThat(report.path("validRows").asInt()).isEqualTo(1);
		List<String> problems = new ArrayList<>();
		report.path("problems")
			.forEach((p) -> problems
				.add(p.path("row").asInt() + " " + p.path("column").asString() + " " + p.path("reason").asString()));
		assertThat(problems).containsExactly("3 E-mail invalid_email", "4 Phone invalid_phone", "5 Level unknown_level",
				"6 Plan attribute_choice");
		ApiClient.Response refused = admin().post(IMPORTS + "/" + preview.path("id").asLong() + "/import",
				Map.of("columns", mapping, "updateExisting", false));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("import_invalid_rows");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM customer WHERE name = 'Good One'").query(Integer.class).single())
			.as("not even the good row")
			.isZero();

		for (List<String> bad : List.of(List.of("name"), List.of("name", "name", "phone", "level", "note"),
				List.of("name", "email", "phone", "level", "attr.nothing"), List.of("nickname", "email", "", "", ""))) {
			ApiClient.Response response = admin().post(IMPORTS + "/" + preview.path("id").asLong() + "/validation",
					Map.of("columns", bad));
			assertThat(response.status()).as(bad.toString()).isEqualTo(400);
		}
		assertThat(admin().delete(IMPORTS + "/" + preview.path("id").asLong()).status()).isEqualTo(204);
		assertThat(admin().post(IMPORTS + "/" + preview.path("id").asLong() + "/validation", Map.of("columns", mapping))
			.status()).as("abandoned").isEqualTo(409);
		assertThat(storedFiles()).doesNotContain(preview.path("id").asString());
	}

	@Test
	void aFileThatIsNotCsvTextIsRefused() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		ApiClient.Response binary = admin().upload(IMPORTS, "picture.csv", png, Map.of());
		assertThat(binary.status()).isEqualTo(400);
		assertThat(binary.code()).isEqualTo("import_encoding");
		byte[] latin1 = "name\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
		ApiClient.Response wrong = admin().upload(IMPORTS, "latin1.csv", latin1, Map.of());
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.code()).isEqualTo("import_encoding");
		assertThat(admin().upload(IMPORTS, "empty.csv", new byte[0], Map.of()).status()).isEqualTo(400);
		assertThat(admin().get(IMPORTS + "/987654321").status()).isEqualTo(404);
	}

	@Test
	void onlyStaffWithThePermissionImport() {
		ApiClient agent = signedInAs("agent");
		byte[] csv = "name\nSomeone\n".getBytes(StandardCharsets.UTF_8);
		assertThat(agent.upload(IMPORTS, "a.csv", csv, Map.of()).status()).isEqualTo(403);
		long id = upload("a.csv", csv).path("id").asLong();
		assertThat(agent.get(IMPORTS + "/" + id).status()).isEqualTo(403);
		assertThat(agent.post(IMPORTS + "/" + id + "/import", Map.of("columns", List.of("name"))).status())
			.isEqualTo(403);
		assertThat(signedInAs("supervisor").get(IMPORTS + "/" + id).status()).isEqualTo(200);
	}

	@Test
	void cellsThatLookLikeFormulasAreStoredAsText() {
		String mark = unique("f");
		String csv = "name,tags,note\n\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"," + mark
				+ ",+1+2\n@SUM(A1)," + mark + ",-3\n";
		JsonNode preview = upload("formulas.csv", csv.getBytes(StandardCharsets.UTF_8));
		run(preview.path("id").asLong(), List.of("name", "tags", "note"), false);
		assertThat(customersTagged(mark)).containsExactlyInAnyOrder("=HYPERLINK(\"http://evil.example\",\"x\")",
				"@SUM(A1)");
		assertThat(this.jdbc
			.sql("SELECT n.body FROM customer_note n JOIN customer_tag t ON t.customer_id = n.customer_id "
					+ "WHERE t.tag = ?")
			.param(mark)
			.query(String.class)
			.list()).containsExactlyInAnyOrder("+1+2", "-3");
	}

	/**
	 * 200,000 generated rows, checked and imported in one pass each, read one record at a
	 * time: the old generation of the heap does not grow by anything near the file's
	 * parsed size. Prints the rate (docs/performance.md).
	 */
	@Test
	void aHugeFileIsStreamedWithBoundedMemory() throws Exception {
		int rows = 50_000;
		String mark = unique("huge");
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.writeBytes(("name,email,tags,note\n").getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < rows; i++) {
			file.writeBytes(("客户 " + i + "," + mark + "-" + i + "@example.com," + mark + ",第 " + i + " 行\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		long id = upload("huge.csv", file.toByteArray()).path("id").asLong();
		file = null;
		CustomerImports.Mapping mapping = new CustomerImports.Mapping(List.of("name", "email", "tags", "note"), false);
		StaffActor actor = new StaffActor(1, "admin", "Admin", java.util.EnumSet.allOf(Permission.class));
		System.gc();
		long before = oldGeneration();
		resetPeaks();
		CustomerImports.Report report = this.imports.validate(id, mapping);
		assertThat(report.rows()).isEqualTo(rows);
		assertThat(report.problemCount()).isZero();
		long validated = peakOldGeneration() - before;
		long started = System.nanoTime();
		CustomerImports.Result result = this.imports.run(id, mapping, actor);
		double seconds = (System.nanoTime() - started) / 1e9;
		long imported = peakOldGeneration() - before;
		assertThat(result.created()).isEqualTo(rows);
		System.out.printf(
				"customer import: %d rows in %.1f s (check and import), %.0f rows/s; "
						+ "old generation peak +%d MB checking, +%d MB importing%n",
				rows, seconds, rows / seconds, validated >> 20, imported >> 20);
		assertThat(validated).as("checking holds no rows").isLessThan(64L << 20);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM customer_tag WHERE tag = ?")
			.param(mark)
			.query(Integer.class)
			.single()).isEqualTo(rows);
		forget(mark);
	}

	/**
	 * Deletes the customers a test imported with this tag: the database is shared by
	 * every test of the context, and others (backups, retention) read all of it.
	 */
	private void forget(String tag) {
		String tagged = "(SELECT customer_id FROM customer_tag WHERE tag = ?)";
		this.jdbc.sql("UPDATE customer SET name = ? WHERE id IN " + tagged).params(tag, tag).update();
		for (String table : List.of("customer_term", "customer_contact", "customer_note", "customer_event",
				"customer_attribute_value", "customer_channel", "customer_identity", "customer_tag")) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE customer_id IN (SELECT id FROM customer WHERE name = ?)")
				.param(tag)
				.update();
		}
		this.jdbc.sql("DELETE FROM customer WHERE name = ?").param(tag).update();
	}

	private JsonNode upload(String name, byte[] content) {
		ApiClient.Response response = admin().upload(IMPORTS, name, content, Map.of());
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private JsonNode run(long id, List<String> columns, boolean updateExisting) {
		ApiClient.Response response = admin().post(IMPORTS + "/" + id + "/import",
				Map.of("columns", columns, "updateExisting", updateExisting));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private List<String> customersTagged(String tag) {
		return this.jdbc
			.sql("SELECT c.name FROM customer c JOIN customer_tag t ON t.customer_id = c.id WHERE t.tag = ?")
			.param(tag)
			.query(String.class)
			.list();
	}

	private String level() {
		String name = unique("Gold");
		this.jdbc.sql("INSERT INTO customer_level (name, position, created_at) VALUES (?, 1, 0)").param(name).update();
		return name;
	}

	private String attribute() {
		String key = unique("plan").replaceAll("[^a-z0-9]", "").substring(0, 12);
		this.jdbc.sql(
				"INSERT INTO customer_attribute (attr_key, label, attr_type, choices, required, is_sensitive, position, "
						+ "created_at) VALUES (?, 'Plan', 'CHOICE', ?, FALSE, FALSE, 1, 0)")
			.params(key, "gold\nsilver")
			.update();
		return key;
	}

	/** The import ids whose files are still in the data directory. */
	private List<String> storedFiles() {
		return this.jdbc.sql("SELECT id, stored_name FROM customer_import")
			.query((rs, row) -> Files.exists(Path.of(this.dataDir, "imports", rs.getString(2))) ? rs.getString(1)
					: null)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((node) -> values.add(node.isNull() ? null : node.asString()));
		return values;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	private static long oldGeneration() {
		return oldPools().stream().mapToLong((pool) -> pool.getUsage().getUsed()).sum();
	}

	private static long peakOldGeneration() {
		return oldPools().stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
	}

	private static void resetPeaks() {
		oldPools().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static List<MemoryPoolMXBean> oldPools() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP && pool.getName().contains("Old"))
			.toList();
	}

}
