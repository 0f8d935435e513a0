package dev.parley.notifications.internal;

import java.time.Instant;
import java.util.List;

import dev.parley.notifications.Audience;
import dev.parley.notifications.MailAttachment;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's statements on every supported database: one row per idempotency key,
 * claims that give each due row to one node (and take back a dead node's), outcomes
 * recorded only by the claimer, the thread's last Message-ID.
 */
@Transactional
abstract class NotificationRepositoryContract {

	private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

	@Autowired
	NotificationRepository outbox;

	@Autowired
	NotificationAttachments attachments;

	private long add(String key, Instant due, Long conversationId) {
		return this.outbox
			.insert(new NotificationRepository.NewNotification(key, NotificationChannel.EMAIL, "li@example.com",
					Audience.CUSTOMER, null, "message-left-ack", "zh-CN", "{\"name\":\"李雷\"}", conversationId,
					NotificationStatus.PENDING, due, null, NOW))
			.orElseThrow();
	}

	@Test
	void theLastMessageIdOfAThreadIsPerThreadAndRecipient() {
		String run = "t" + System.nanoTime();
		long ticket = this.outbox
			.insert(new NotificationRepository.NewNotification(run + ":1", NotificationChannel.EMAIL, "li@example.com",
					Audience.CUSTOMER, null, "ticket-reply", "en", "{}", null, NotificationStatus.PENDING, NOW, null,
					NOW, run))
			.orElseThrow();
		long other = this.outbox
			.insert(new NotificationRepository.NewNotification(run + ":2", NotificationChannel.EMAIL, "li@example.com",
					Audience.CUSTOMER, null, "ticket-reply", "en", "{}", null, NotificationStatus.PENDING, NOW, null,
					NOW, run + "9"))
			.orElseThrow();
		this.outbox.claimDue("node-t", NOW, NOW.plusSeconds(300), 100);
		this.outbox.markSent(ticket, "node-t", "250 ok", "parley." + run + ".a@acme.test", NOW);
		this.outbox.markSent(other, "node-t", "250 ok", "parley." + run + ".b@acme.test", NOW);

		assertThat(this.outbox.find(ticket).orElseThrow().thread()).isEqualTo(run);
		assertThat(this.outbox.lastMessageIdInThread(run, "LI@example.com")).contains("parley." + run + ".a@acme.test");
		assertThat(this.outbox.lastMessageIdInThread(run, "wang@example.com")).isEmpty();
	}

	@Test
	void filesAreKeptExactlyAndForgottenWithTheirNotification() {
		byte[] bytes = new byte[70_000];
		new java.util.Random(7).nextBytes(bytes);
		long id = add("file:" + System.nanoTime(), NOW, 42L);
		this.attachments.store(id, List.of(new MailAttachment("客服报表 2026-12.xlsx", "application/octet-stream", bytes),
				new MailAttachment("b.csv", "text/csv; charset=UTF-8", new byte[0])));
		List<MailAttachment> read = this.attachments.of(id);
		assertThat(read).extracting(MailAttachment::fileName).containsExactly("客服报表 2026-12.xlsx", "b.csv");
		assertThat(read.get(0).content()).isEqualTo(bytes);
		assertThat(read.get(1).contentType()).isEqualTo("text/csv; charset=UTF-8");
		this.outbox.forgetConversation(42L, "anonymised");
		assertThat(this.attachments.of(id)).isEmpty();

		long other = add("file:" + System.nanoTime(), NOW, null);
		this.attachments.store(other, List.of(new MailAttachment("c.csv", "text/csv", bytes)));
		this.outbox.forgetValues(other);
		assertThat(this.attachments.of(other)).isEmpty();
	}

	@Test
	void oneRowPerIdempotencyKey() {
		long id = add("left:1:" + System.nanoTime(), NOW, null);
		String key = this.outbox.find(id).orElseThrow().idempotencyKey();
		assertThat(this.outbox
			.insert(new NotificationRepository.NewNotification(key, NotificationChannel.SMS, "+86", Audience.CUSTOMER,
					null, "message-left-ack", "en", "{}", null, NotificationStatus.PENDING, NOW, null, NOW)))
			.isEmpty();
		assertThat(this.outbox.find(id).orElseThrow().payload()).isEqualTo("{\"name\":\"李雷\"}");
		assertThat(this.outbox.countRecent("li@example.com", "message-left-ack", NOW.minusSeconds(1)))
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void eachDueRowIsClaimedByOneNodeAndADeadNodesClaimIsTakenBack() {
		String run = "c" + System.nanoTime() + ":";
		long first = add(run + 1, NOW.minusSeconds(30), 77L);
		long second = add(run + 2, NOW.minusSeconds(20), 77L);
		long third = add(run + 3, NOW.minusSeconds(10), null);
		long later = add(run + 4, NOW.plusSeconds(60), null);

		List<Notification> a = this.outbox.claimDue("node-a", NOW, NOW.plusSeconds(300), 2);
		List<Notification> b = this.outbox.claimDue("node-b", NOW, NOW.plusSeconds(300), 10);
		List<Long> claimedByA = a.stream().map(Notification::id).toList();
		List<Long> claimedByB = b.stream().map(Notification::id).toList();
		assertThat(claimedByA).doesNotContainAnyElementsOf(claimedByB);
		assertThat(claimedByA).hasSize(2);
		assertThat(claimedByB).contains(third).doesNotContain(later);
		assertThat(a).allSatisfy((n) -> assertThat(n.attempts()).isEqualTo(1));
		assertThat(this.outbox.claimDue("node-c", NOW, NOW.plusSeconds(300), 10)).isEmpty();

		long mine = claimedByA.get(0);
		assertThat(this.outbox.markSent(mine, "node-b", "x", "m@x", NOW)).as("not its claim").isFalse();
		assertThat(this.outbox.renewClaims(List.of(mine, third), "node-a", NOW.plusSeconds(600))).containsOnly(mine);
		assertThat(this.outbox.markSent(mine, "node-a", "250 ok", "parley.n1@acme.test", NOW)).isTrue();
		assertThat(this.outbox.find(mine).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
		assertThat(this.outbox.lastMessageId(77L, "li@example.com")).contains("parley.n1@acme.test");

		this.outbox.markRetry(third, "node-b", "SMTP: 421 try later", NOW.plusSeconds(30));
		assertThat(this.outbox.find(third).orElseThrow().status()).isEqualTo(NotificationStatus.PENDING);
		assertThat(this.outbox.claimDue("node-c", NOW.plusSeconds(31), NOW.plusSeconds(331), 10))
			.extracting(Notification::id)
			.contains(third);

		// node A died holding its second row: after its claim ran out, another node takes
		// it
		long stranded = claimedByA.get(1);
		assertThat(this.outbox.claimDue("node-c", NOW.plusSeconds(301), NOW.plusSeconds(601), 10))
			.extracting(Notification::id)
			.contains(stranded);
		assertThat(this.outbox.find(stranded).orElseThrow().attempts()).isEqualTo(2);
		assertThat(List.of(first, second)).contains(stranded);
	}

	@Test
	void aFailedNotificationIsQueuedAgainOnlyOnce() {
		long id = add("f" + System.nanoTime(), NOW, null);
		this.outbox.claimDue("node-a", NOW, NOW.plusSeconds(300), 50);
		this.outbox.markFinal(id, "node-a", NotificationStatus.FAILED, "SMTP: 550 no such user");
		assertThat(this.outbox.requeue(id, NOW)).isTrue();
		assertThat(this.outbox.requeue(id, NOW)).as("pending now").isFalse();
		assertThat(this.outbox.find(id).orElseThrow().attempts()).isZero();
	}

}
