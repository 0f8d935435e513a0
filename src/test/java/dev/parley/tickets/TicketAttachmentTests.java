package dev.parley.tickets;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.parley.platform.ApiException;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.TicketArticle;
import dev.parley.tickets.internal.TicketArticles;
import dev.parley.tickets.internal.TicketAttachments;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files on tickets: uploaded, put on an article by id (a resend changes nothing), listed
 * with the articles, downloaded only by who may see the ticket and never run in the
 * browser; oversize files and programs refused with nothing stored.
 */
class TicketAttachmentTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TicketAttachments attachments;

	@Test
	void aFileIsUploadedPutOnAReplyListedWithItAndDownloadedAsADownload() {
		TicketFixtures f = new TicketFixtures(this.jdbc, admin());
		ApiClient agent = signedInAs("agent");
		JsonNode ticket = f.ticket(agent, f.customer("Luo"), Map.of());
		String path = "/api/v1/tickets/" + ticket.path("id").asLong();
		ApiClient.Response uploaded = agent.upload(path + "/attachments", "../receipt\u202E.txt",
				"Order 1001 paid twice".getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		String fileId = uploaded.json().path("id").asString();
		assertThat(uploaded.json().path("fileName").asString()).isEqualTo("receipt.txt");
		assertThat(uploaded.json().path("contentType").asString()).isEqualTo("text/plain");

		ApiClient.Response reply = agent.post(path + "/articles", Map.of("kind", "REPLY", "body", "See the receipt",
				"clientId", "r-1", "attachmentIds", List.of(fileId)));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		assertThat(reply.json().path("article").path("attachments").findValuesAsString("id")).containsExactly(fileId);
		ApiClient.Response resend = agent.post(path + "/articles", Map.of("kind", "REPLY", "body", "See the receipt",
				"clientId", "r-1", "attachmentIds", List.of(fileId)));
		assertThat(resend.status()).isEqualTo(200);
		assertThat(resend.json().path("article").path("attachments").findValuesAsString("id")).containsExactly(fileId);
		ApiClient.Response other = agent.post(path + "/articles",
				Map.of("kind", "NOTE", "body", "Again", "attachmentIds", List.of(fileId)));
		assertThat(other.status()).isEqualTo(400);
		assertThat(agent
			.post(path + "/articles",
					Map.of("kind", "NOTE", "body", "Nothing", "attachmentIds", List.of("0".repeat(32))))
			.status()).isEqualTo(400);
		JsonNode articles = agent.get(path + "/articles").json().path("items");
		assertThat(articles).hasSize(1);
		assertThat(articles.get(0).path("attachments").get(0).path("fileName").asString()).isEqualTo("receipt.txt");

		ApiClient.Response download = agent.get("/api/v1/ticket-attachments/" + fileId);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo("Order 1001 paid twice");
		assertThat(download.header("Content-Disposition")).startsWith("attachment");
		assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.header("Content-Type")).startsWith("text/plain");
		assertThat(agent.get(path + "/attachments").json().path("items").findValuesAsString("id"))
			.containsExactly(fileId);
		assertThat(agent.get("/api/v1/ticket-attachments/not-an-id").status()).isEqualTo(404);
	}

	@Test
	void oversizeFilesAndProgramsAreRefusedAndNothingIsStored() {
		TicketFixtures f = new TicketFixtures(this.jdbc, admin());
		ApiClient agent = signedInAs("agent");
		JsonNode ticket = f.ticket(agent, f.customer("Tang"), Map.of());
		long id = ticket.path("id").asLong();
		String upload = "/api/v1/tickets/" + id + "/attachments";
		byte[] program = new byte[512];
		program[0] = 'M';
		program[1] = 'Z';
		ApiClient.Response exe = agent.upload(upload, "setup.exe", program, Map.of());
		assertThat(exe.status()).isEqualTo(415);
		assertThat(exe.code()).isEqualTo("executable_refused");
		assertThat(agent.upload(upload, "photo.png", program, Map.of()).code()).isEqualTo("executable_refused");
		assertThat(agent.upload(upload, "run.js", "alert(1)".getBytes(StandardCharsets.UTF_8), Map.of()).code())
			.isEqualTo("executable_refused");
		assertThat(agent.upload(upload, "empty.txt", new byte[0], Map.of()).status()).isEqualTo(400);

		admin().put("/api/v1/settings", Map.of("chat.attachmentMaxMegabytes", "1"));
		try {
			byte[] big = new byte[1024 * 1024 + 1];
			Arrays.fill(big, (byte) 'a');
			ApiClient.Response oversize = agent.upload(upload, "big.txt", big, Map.of());
			assertThat(oversize.status()).isEqualTo(413);
			assertThat(oversize.code()).isEqualTo("payload_too_large");
			assertThat(oversize.header("Content-Type")).contains("json");
		}
		finally {
			admin().put("/api/v1/settings", Map.of("chat.attachmentMaxMegabytes", "10"));
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM ticket_attachment WHERE ticket_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
		assertThat(agent.upload(upload, "notes.txt", "fine".getBytes(StandardCharsets.UTF_8), Map.of()).status())
			.isEqualTo(201);
	}

	@Test
	void onlyWhoMaySeeTheTicketGetsItsFilesAndTheCustomerNotThoseOfNotes() {
		TicketFixtures f = new TicketFixtures(this.jdbc, admin());
		ApiClient agent = signedInAs("agent");
		ApiClient outsider = signedInAs("agent");
		long customer = f.customer("Song");
		long group = f.group(unique("Claims"), List.of(TicketFixtures.userId(agent)));
		JsonNode ticket = f.ticket(admin(), customer, Map.of("groupId", group));
		long id = ticket.path("id").asLong();
		String upload = "/api/v1/tickets/" + id + "/attachments";
		assertThat(signedInAs("support").upload(upload, "a.txt", "x".getBytes(), Map.of()).status()).isEqualTo(403);
		assertThat(outsider.upload(upload, "a.txt", "x".getBytes(), Map.of()).status()).isEqualTo(404);
		JsonNode note = agent.post("/api/v1/tickets/" + id + "/articles", Map.of("kind", "NOTE", "body", "Internal"))
			.json()
			.path("article");
		ApiClient.Response onNote = agent.upload(upload, "internal.txt", "secret".getBytes(),
				Map.of("articleId", note.path("id").asString()));
		assertThat(onNote.status()).as(onNote.toString()).isEqualTo(201);
		String fileId = onNote.json().path("id").asString();
		assertThat(outsider.get("/api/v1/ticket-attachments/" + fileId).status()).isEqualTo(404);
		assertThat(agent.get("/api/v1/ticket-attachments/" + fileId).status()).isEqualTo(200);
		assertThat(agent.upload(upload, "a.txt", "x".getBytes(), Map.of("articleId", "99999999")).status())
			.isEqualTo(400);

		// the portal and mail use the same service, as the customer
		TicketActor him = TicketActor.customer(customer);
		TicketAttachments.Attachment his = this.attachments.attach(id, null, "photo.txt", "text/plain",
				"from the customer".getBytes(), him);
		// his upload is his to read once it is sent with something he wrote; a note's
		// never
		assertThatThrownBy(() -> this.attachments.download(his.id(), him)).isInstanceOf(ApiException.class);
		assertThatThrownBy(() -> this.attachments.download(fileId, him)).isInstanceOf(ApiException.class)
			.hasMessageContaining("not");
		assertThat(this.attachments.list(id, him)).isEmpty();
		this.attachments.write(id, new TicketArticles.Draft(TicketArticle.ArticleKind.CUSTOMER,
				TicketArticle.ArticleVia.PORTAL, "my photo", "p-1", false, null, null), List.of(his.id()), him);
		assertThat(this.attachments.download(his.id(), him).content()).isEqualTo("from the customer".getBytes());
		assertThat(this.attachments.list(id, him)).extracting(TicketAttachments.Attachment::id)
			.containsExactly(his.id());
		assertThatThrownBy(() -> this.attachments.attach(id, null, "x.txt", null, "x".getBytes(),
				TicketActor.customer(f.customer("Other"))))
			.isInstanceOf(ApiException.class);
	}

}
