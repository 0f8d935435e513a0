package dev.parley.notifications.internal;

import java.util.Set;

import dev.parley.notifications.MailThread;
import dev.parley.notifications.NotificationRequest;
import dev.parley.notifications.internal.ReplyTokens.ThreadCandidate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reply tokens of other modules' mail threads, beside the conversations' ones. */
class ThreadTokenTests {

	private final ReplyTokens tokens = new ReplyTokens((name) -> new byte[32]);

	@Test
	void aThreadTokenIsSignedOverKindIdAndParty() {
		String token = this.tokens.tokenFor(new MailThread("t", 42, 7));

		assertThat(token).matches("t42\\.[a-z2-7]{16}");
		ThreadCandidate found = this.tokens.findThread("support+" + token + "@example.com", Set.of("t")).orElseThrow();
		assertThat(found.name()).isEqualTo("t42");
		assertThat(this.tokens.verify(found, 7)).isTrue();
		assertThat(this.tokens.verify(found, 8)).isFalse();
		// another kind with the same numbers, and a conversation's token, differ
		assertThat(this.tokens.tokenFor(new MailThread("u", 42, 7)).substring(1)).isNotEqualTo(token.substring(1));
		assertThat(this.tokens.tokenFor(42, 7).substring(1)).isNotEqualTo(token.substring(1));
	}

	@Test
	void onlyTheKindsAskedForAreFoundAndNeverInsideAnotherWord() {
		String token = this.tokens.tokenFor(new MailThread("t", 5, 1));

		assertThat(this.tokens.findThread("<parley." + token + ".n9.k3@example.com>", Set.of("t"))).isPresent();
		assertThat(this.tokens.findThread("<parley." + token + ".n9.k3@example.com>", Set.of("u"))).isEmpty();
		assertThat(this.tokens.findThread("<CAF" + token + "@mail.example>", Set.of("t"))).isEmpty();
		assertThat(this.tokens.findThread(this.tokens.tokenFor(5, 1), Set.of("c", "t"))).isEmpty();
		// the conversations' reader does not take a thread token for its own
		assertThat(this.tokens.find(token)).isEmpty();
	}

	@Test
	void aThreadIsOneLetterOtherThanTheConversationsAndNotBesideAConversation() {
		assertThatThrownBy(() -> new MailThread("c", 1, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new MailThread("tk", 1, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new MailThread("T", 1, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new NotificationRequest("k", dev.parley.notifications.NotificationChannel.EMAIL,
				"a@example.com", dev.parley.notifications.Audience.CUSTOMER, null, "ticket-reply", "en", null, 4L, null,
				new MailThread("t", 1, 1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
