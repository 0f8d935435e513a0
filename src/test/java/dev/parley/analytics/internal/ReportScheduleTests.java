package dev.parley.analytics.internal;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.mail.internet.MimeMessage;

import dev.parley.testing.ApiClient;
import dev.parley.testing.MailServer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled reports: who may define them and what is refused; the job sends each planned
 * time exactly once (run again, or by two nodes at once), through the notifications
 * outbox, to each recipient the report as he may see it, in his language; nothing while
 * the owner may no longer export.
 */
class ReportScheduleTests extends ReportTest {

	@Autowired
	ScheduledReports job;

	@Autowired
	JdbcClient jdbc;

	private static Map<String, Object> schedule(Object... fields) {
		Map<String, Object> form = new HashMap<>(Map.of("name", "Daily figures", "report", "overview", "frequency",
				"daily", "hour", 8, "period", "yesterday", "format", "csv"));
		for (int i = 0; i < fields.length; i += 2) {
			form.put((String) fields[i], fields[i + 1]);
		}
		return form;
	}

	@Test
	void aScheduleIsSentOnceAtEachPlannedTimeToEachRecipientAsHeSeesIt() throws Exception {
		Map<String, Object> account = new HashMap<>();
		try (MailServer mail = MailServer.onFreePorts()) {
			account.putAll(mail.account("reports@acme.test"));
			assertThat(admin().put("/api/v1/mail-account", account).status()).isEqualTo(200);
			sendsOnceToEachAsHeSeesIt(mail);
		}
		finally {
			account.put("smtpEnabled", false);
			admin().put("/api/v1/mail-account", account);
		}
	}

	private void sendsOnceToEachAsHeSeesIt(MailServer mail) throws Exception {
		ReportFixtures.Team team = team();
		ReportFixtures.Team other = team();
		ReportFixtures.Visitor visitor = team.visitor();
		assertThat(team.ann.post("/api/v1/conversations/" + visitor.id() + "/assign", Map.of()).status())
			.isEqualTo(200);
		other.visitor();
		other.visitor();
		figuresUpToDate();
		LocalDate day = today();
		String sueEmail = email(team.sue);
		String samEmail = email(other.sue);
		ApiClient.Response chinese = other.sue.put("/api/v1/me/profile",
				Map.of("displayName", "Sam", "email", samEmail, "language", "zh-CN", "currentPassword", OWN_PASSWORD));
		assertThat(chinese.status()).as(chinese.toString()).isEqualTo(200);

		// sent at this hour, which has begun today: first tomorrow
		int hour = LocalDateTime.ofInstant(this.clock.instant(), SHANGHAI).getHour();
		ApiClient.Response created = team.sue.post("/api/v1/report-schedules",
				schedule("hour", hour, "recipients", List.of(team.sueId, other.sueId)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		assertThat(created.json().path("nextRunAt").asString())
			.isEqualTo(day.plusDays(1).atTime(hour, 0).atZone(SHANGHAI).toInstant().toString());
		this.job.runOnce();
		assertThat(sent(id)).as("not due yet").isZero();

		this.clock.advance(Duration.ofDays(1));
		this.job.runOnce();
		this.job.runOnce();
		assertThat(sent(id)).as("once per recipient").isEqualTo(2);
		MimeMessage toSue = mail.awaitMessagesTo(sueEmail, 1).get(0);
		assertThat(toSue.getSubject()).isEqualTo("Overview report, " + day + " to " + day + ": Daily figures");
		MailServer.Attachment file = MailServer.attachments(toSue).get(0);
		assertThat(file.fileName()).isEqualTo("parley-overview-" + day + "-" + day + ".csv");
		assertThat(figure(file, "Conversations")).as("her group's conversation").containsExactly("1", "0", "1");
		MimeMessage toSam = mail.awaitMessagesTo(samEmail, 1).get(0);
		assertThat(toSam.getSubject()).startsWith("概览报表");
		assertThat(figure(MailServer.attachments(toSam).get(0), "会话数")).as("his group's two, in his language")
			.containsExactly("2", "0", "2");

		// two nodes at once: still once
		this.clock.advance(Duration.ofDays(1));
		CompletableFuture<Integer> one = CompletableFuture.supplyAsync(this.job::runOnce);
		CompletableFuture<Integer> two = CompletableFuture.supplyAsync(this.job::runOnce);
		one.get();
		two.get();
		assertThat(sent(id)).isEqualTo(4);
		List<MimeMessage> second = mail.awaitMessagesTo(sueEmail, 2);
		assertThat(figure(MailServer.attachments(second.get(1)).get(0), "Conversations")).as("the next day's")
			.containsExactly("0", "1", "-1");

		// the owner may no longer export: nothing goes out, and the day is not sent later
		ApiClient.Response revoked = admin().put("/api/v1/users/" + team.sueId + "/permissions",
				Map.of("granted", List.of(), "revoked", List.of("statistics.export")));
		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
		this.clock.advance(Duration.ofDays(1));
		this.job.runOnce();
		assertThat(sent(id)).isEqualTo(4);
		admin().put("/api/v1/users/" + team.sueId + "/permissions", Map.of("granted", List.of(), "revoked", List.of()));
		this.job.runOnce();
		assertThat(sent(id)).isEqualTo(4);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'statistics.exported' AND target = ? "
					+ "AND detail LIKE 'scheduled report Daily figures: parley-overview-%'")
			.param(String.valueOf(id))
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void satisfactionConversationsAndTicketsGoOutAsTheirOwnFiles() throws Exception {
		Map<String, Object> account = new HashMap<>();
		try (MailServer mail = MailServer.onFreePorts()) {
			account.putAll(mail.account("reports@acme.test"));
			assertThat(admin().put("/api/v1/mail-account", account).status()).isEqualTo(200);
			ReportFixtures.Team team = team();
			team.visitor();
			figuresUpToDate();
			LocalDate day = today();
			String sueEmail = email(team.sue);
			int hour = LocalDateTime.ofInstant(this.clock.instant(), SHANGHAI).getHour();
			for (String report : List.of("csat", "conversations", "tickets")) {
				ApiClient.Response created = team.sue.post("/api/v1/report-schedules", schedule("name",
						"Daily " + report, "report", report, "hour", hour, "recipients", List.of(team.sueId)));
				assertThat(created.status()).as(created.toString()).isEqualTo(201);
			}
			this.clock.advance(Duration.ofDays(1));
			this.job.runOnce();
			List<String> files = new java.util.ArrayList<>();
			for (MimeMessage message : mail.awaitMessagesTo(sueEmail, 3)) {
				MailServer.Attachment file = MailServer.attachments(message).get(0);
				files.add(file.fileName());
				String text = new String(file.content(), java.nio.charset.StandardCharsets.UTF_8);
				if (file.fileName().startsWith("parley-conversations")) {
					assertThat(text).as("the conversation of her group").contains("Conversation");
				}
			}
			assertThat(files).containsExactlyInAnyOrder("parley-csat-" + day + "-" + day + ".csv",
					"parley-conversations-" + day + "-" + day + ".csv", "parley-tickets-" + day + "-" + day + ".csv");
		}
		finally {
			account.put("smtpEnabled", false);
			admin().put("/api/v1/mail-account", account);
		}
	}

	@Test
	void exportersDefineSchedulesForRecipientsWhoMaySeeThem() {
		ReportFixtures.Team team = team();
		ReportFixtures.Team other = team();
		String path = "/api/v1/report-schedules";
		List<Long> sue = List.of(team.sueId);
		assertThat(field(team.sue.post(path, schedule("name", " ", "recipients", sue)))).isEqualTo("name");
		assertThat(field(team.sue.post(path, schedule("report", "colours", "recipients", sue)))).isEqualTo("report");
		assertThat(field(team.sue.post(path, schedule("frequency", "hourly", "recipients", sue))))
			.isEqualTo("frequency");
		assertThat(field(team.sue.post(path, schedule("frequency", "weekly", "recipients", sue))))
			.as("weekly needs its day")
			.isEqualTo("weekday");
		assertThat(field(team.sue.post(path, schedule("weekday", 1, "recipients", sue)))).as("daily has none")
			.isEqualTo("weekday");
		assertThat(field(team.sue.post(path, schedule("frequency", "weekly", "weekday", 8, "recipients", sue))))
			.isEqualTo("weekday");
		assertThat(field(team.sue.post(path, schedule("hour", 24, "recipients", sue)))).isEqualTo("hour");
		assertThat(field(team.sue.post(path, schedule("period", "fortnight", "recipients", sue)))).isEqualTo("period");
		assertThat(field(team.sue.post(path, schedule("format", "pdf", "recipients", sue)))).isEqualTo("format");
		assertThat(field(team.sue.post(path, schedule("hours", "fast", "recipients", sue)))).isEqualTo("hours");
		assertThat(field(team.sue.post(path, schedule("recipients", List.of())))).isEqualTo("recipients");
		assertThat(field(team.sue.post(path, schedule("recipients", List.of(999_999_999L))))).isEqualTo("recipients");
		ApiClient.Response agent = team.sue.post(path, schedule("recipients", List.of(team.annId)));
		assertThat(agent.json().path("userIds").get(0).asLong()).as("an agent sees no team report")
			.isEqualTo(team.annId);
		assertThat(team.sue.post(path, schedule("report", "agents", "recipients", List.of(team.annId))).status())
			.as("but his own row of the agent report")
			.isEqualTo(201);
		assertThat(field(team.sue.post(path, schedule("groupId", team.groupId, "recipients", List.of(other.sueId)))))
			.as("a supervisor of another group")
			.isEqualTo("recipients");
		assertThat(field(
				team.sue.post(path, schedule("report", "agents", "channelId", team.channelId, "recipients", sue))))
			.isEqualTo("channelId");
		assertThat(field(team.sue.post(path, schedule("groupId", 999_999_999L, "recipients", sue))))
			.isEqualTo("groupId");
		assertThat(team.sue.post(path, schedule("groupId", other.groupId, "recipients", sue)).status())
			.as("not her group")
			.isEqualTo(403);
		assertThat(team.ann.post(path, schedule("recipients", sue)).status()).as("no statistics.export").isEqualTo(403);
		assertThat(signedInAs("support").get(path).status()).isEqualTo(403);

		ApiClient.Response created = team.sue.post(path,
				schedule("name", "Weekly team", "frequency", "weekly", "weekday", 1, "period", "lastWeek", "format",
						"xlsx", "groupId", team.groupId, "channelId", team.channelId, "recipients", sue));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode view = created.json();
		long id = view.path("id").asLong();
		assertThat(view.path("weekday").asInt()).isEqualTo(1);
		assertThat(view.path("period").asString()).isEqualTo("lastWeek");
		assertThat(view.path("recipients").get(0).path("id").asLong()).isEqualTo(team.sueId);
		assertThat(view.path("enabled").asBoolean()).isTrue();
		assertThat(team.sue.get(path).json().findValuesAsString("name")).contains("Weekly team");
		assertThat(other.sue.get(path + "/" + id).status()).as("someone else's").isEqualTo(404);
		assertThat(other.sue.get(path).json().findValuesAsString("name")).doesNotContain("Weekly team");

		ApiClient admin = admin();
		assertThat(admin.get(path).json().findValuesAsString("name")).as("statistics.view_all").contains("Weekly team");
		Map<String, Object> changed = schedule("name", "Weekly team", "frequency", "weekly", "weekday", 5, "period",
				"lastWeek", "recipients", sue, "enabled", false);
		ApiClient.Response updated = admin.put(path + "/" + id, changed);
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.json().path("weekday").asInt()).isEqualTo(5);
		assertThat(updated.json().path("nextRunAt").isNull()).as("off").isTrue();
		assertThat(field(team.sue.put(path + "/" + id, schedule("hour", -1, "recipients", sue)))).isEqualTo("hour");
		assertThat(team.sue.get(path + "/" + id).json().path("weekday").asInt()).as("nothing changed").isEqualTo(5);
		assertThat(team.sue.delete(path + "/" + id).status()).isEqualTo(204);
		assertThat(team.sue.get(path + "/" + id).status()).isEqualTo(404);
		for (String action : List.of("report.schedule.created", "report.schedule.updated", "report.schedule.deleted")) {
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND target = ?")
				.params(action, String.valueOf(id))
				.query(Integer.class)
				.single()).as(action).isEqualTo(1);
		}
	}

	/** How many e-mails of the schedule are in the outbox. */
	private int sent(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE idempotency_key LIKE ?")
			.param("scheduled-report:" + id + ":%")
			.query(Integer.class)
			.single();
	}

	private static String email(ApiClient staff) {
		return staff.get("/api/v1/me/profile").json().path("email").asString();
	}

	/** The row of a figure in the attached CSV: value, previous, change. */
	private static List<String> figure(MailServer.Attachment file, String name) throws Exception {
		String text = new String(file.content(), StandardCharsets.UTF_8).substring(1);
		for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(text))) {
			if (record.get(0).equals(name)) {
				return record.toList().subList(1, 4);
			}
		}
		throw new AssertionError("No figure " + name + " in " + text);
	}

	/** The field of the first error of a refusal. */
	private static String field(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		return response.json().path("errors").get(0).path("field").asString();
	}

}
