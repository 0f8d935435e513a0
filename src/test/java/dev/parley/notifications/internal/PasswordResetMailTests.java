package dev.parley.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.parley.administration.Settings;
import dev.parley.identity.StaffPasswordResetRequested;
import dev.parley.notifications.Audience;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationRequest;
import dev.parley.notifications.Notifications;
import dev.parley.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reset e-mail as the listener asks for it, with a captured {@link Notifications}.
 */
class PasswordResetMailTests {

	private final List<NotificationRequest> enqueued = new ArrayList<>();

	private final Map<String, String> settings = new java.util.HashMap<>(
			Map.of("organisation.publicUrl", "https://support.example.com/", "organisation.language", "zh-TW"));

	private final MutableClock clock = new MutableClock();

	private final PasswordResetMail mail = new PasswordResetMail((request) -> {
		this.enqueued.add(request);
		return Optional.of((long) this.enqueued.size());
	}, new FakeSettings(), this.clock);

	@Test
	void asksForAnEmailWithTheLinkInTheMembersLanguage() {
		Instant expiresAt = this.clock.instant().plus(Duration.ofMinutes(30));
		this.mail
			.on(new StaffPasswordResetRequested(7, "lin@example.com", "Lin <Mei>", "zh-CN", "tok_EN-123", expiresAt));
		assertThat(this.enqueued).hasSize(1);
		NotificationRequest request = this.enqueued.get(0);
		assertThat(request.channel()).isEqualTo(NotificationChannel.EMAIL);
		assertThat(request.audience()).isEqualTo(Audience.STAFF);
		assertThat(request.staffUserId()).isEqualTo(7L);
		assertThat(request.recipient()).isEqualTo("lin@example.com");
		assertThat(request.template()).isEqualTo("staff-password-reset");
		assertThat(request.language()).isEqualTo("zh-CN");
		assertThat(request.idempotencyKey()).isEqualTo("staff-password-reset:7:" + expiresAt.toEpochMilli());
		assertThat(request.values()).containsEntry("name", "Lin <Mei>")
			.containsEntry("link", "https://support.example.com/console/reset-password#token=tok_EN-123")
			.containsEntry("expiresInMinutes", 30L);
	}

	@Test
	void withoutALanguageOfHisOwnTheOrganisationsAndTheMinutesLeft() {
		this.mail.on(new StaffPasswordResetRequested(8, "a@example.com", "A", null, "t",
				this.clock.instant().plus(Duration.ofMinutes(30))));
		this.clock.advance(Duration.ofMinutes(20).plusSeconds(10));
		this.mail.on(new StaffPasswordResetRequested(8, "a@example.com", "A", null, "u",
				this.clock.instant().plus(Duration.ofMinutes(9).plusSeconds(50))));
		assertThat(this.enqueued).extracting(NotificationRequest::language).containsExactly("zh-TW", "zh-TW");
		assertThat(this.enqueued.get(1).values()).containsEntry("expiresInMinutes", 10L);
	}

	@Test
	void aLinkExpiredBeforeItCouldBeSentIsNotSent() {
		Instant expiresAt = this.clock.instant().plus(Duration.ofMinutes(30));
		this.clock.advance(Duration.ofMinutes(31));
		this.mail.on(new StaffPasswordResetRequested(9, "a@example.com", "A", "en", "t", expiresAt));
		assertThat(this.enqueued).isEmpty();
	}

	private final class FakeSettings implements Settings {

		@Override
		public String get(String key) {
			return PasswordResetMailTests.this.settings.get(key);
		}

		@Override
		public int getInt(String key) {
			return Integer.parseInt(get(key));
		}

		@Override
		public List<Setting> all() {
			return List.of();
		}

		@Override
		public void update(Map<String, String> changes, String actor) {
			PasswordResetMailTests.this.settings.putAll(changes);
		}

	}

}
