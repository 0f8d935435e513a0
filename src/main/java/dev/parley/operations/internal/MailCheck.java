package dev.parley.operations.internal;

import dev.parley.notifications.OutgoingMail;
import dev.parley.operations.SelfCheck;
import dev.parley.operations.SelfCheckContext;
import dev.parley.operations.SelfCheckResult;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Whether the outgoing mail account is set up: without it no password reset, alert,
 * transcript or reply reaches anyone by e-mail. Whether the server accepts mail is what
 * the page's test e-mail finds out.
 */
@Component
@Order(40)
class MailCheck implements SelfCheck {

	private final OutgoingMail mail;

	MailCheck(OutgoingMail mail) {
		this.mail = mail;
	}

	@Override
	public String key() {
		return "email";
	}

	@Override
	public SelfCheckResult run(SelfCheckContext context) {
		OutgoingMail.Status status = this.mail.status();
		if (!status.canSend()) {
			return SelfCheckResult.warning("selfCheck.email.notSetUp").withFix("selfCheck.email.fixSetUp");
		}
		return SelfCheckResult.ok("selfCheck.email.setUp", "host", status.smtpHost(), "from", status.fromAddress())
			.withFix("selfCheck.email.fixTest");
	}

}
