package dev.parley.notifications.internal.inbound;

import java.time.Instant;
import java.util.List;

import dev.parley.notifications.internal.inbound.InboundMailLog.Entry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the inbound mail log must do on every supported database (V17_3 on a real engine,
 * each test in a transaction rolled back at its end): one row per mail key, text stored
 * verbatim within its limits, newest first, filtered and paged.
 */
@Transactional
abstract class InboundMailLogContract {

	@Autowired
	InboundMailLog log;

	private static Entry entry(String key, InboundOutcome outcome, String subject) {
		return new Entry(0, key, Instant.ofEpochMilli(1_000), "carol@example.com", subject, 42L, outcome, "detail");
	}

	@Test
	void aMailKeyIsRecordedOnce() {
		String key = MailParser.sha256("id:<once@example.com>");
		assertThat(this.log.record(entry(key, InboundOutcome.POSTED, "Re: hi"))).isTrue();
		assertThat(this.log.record(entry(key, InboundOutcome.DUPLICATE, "Re: hi"))).isFalse();
		assertThat(this.log.contains(key)).isTrue();
		assertThat(this.log.find(null, null, 10)).singleElement()
			.satisfies((e) -> assertThat(e.outcome()).isEqualTo(InboundOutcome.POSTED));
	}

	@Test
	void textIsStoredVerbatimWithinItsLimitsAndWithoutLineBreaks() {
		String emoji = "\uD83D\uDE00";
		String subject = "回复：订单 " + emoji + "\r\nBcc: x@evil.example " + "长".repeat(300);
		this.log.record(entry(MailParser.sha256("id:<tricky@example.com>"), InboundOutcome.POSTED, subject));
		Entry stored = this.log.find(null, null, 10).get(0);
		assertThat(stored.subject()).startsWith("回复：订单 " + emoji + "  Bcc: x@evil.example 长")
			.doesNotContain("\r", "\n")
			.hasSizeLessThanOrEqualTo(200);
		assertThat(stored.conversationId()).isEqualTo(42L);
		assertThat(stored.receivedAt()).isEqualTo(Instant.ofEpochMilli(1_000));
		// a cut never splits a pair of surrogates
		this.log
			.record(entry(MailParser.sha256("id:<cut@example.com>"), InboundOutcome.POSTED, "a".repeat(199) + emoji));
		assertThat(this.log.find(null, null, 1).get(0).subject()).isEqualTo("a".repeat(199));
	}

	@Test
	void theLogIsReadNewestFirstFilteredAndPaged() {
		for (int i = 0; i < 5; i++) {
			this.log.record(entry(MailParser.sha256("id:<page-" + i + "@example.com>"),
					(i % 2 == 0) ? InboundOutcome.AUTO_REPLY : InboundOutcome.POSTED, "mail " + i));
		}
		List<Entry> autoReplies = this.log.find(InboundOutcome.AUTO_REPLY, null, 2);
		assertThat(autoReplies).extracting(Entry::subject).containsExactly("mail 4", "mail 2");
		assertThat(this.log.find(InboundOutcome.AUTO_REPLY, autoReplies.get(1).id(), 2)).extracting(Entry::subject)
			.containsExactly("mail 0");
		assertThat(this.log.find(null, null, 10)).hasSize(5);
	}

}
