package dev.parley.notifications.web;

import java.security.Principal;

import dev.parley.notifications.internal.MailAccount;
import dev.parley.notifications.internal.MailAccounts;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The mail account: SMTP for sending, IMAP for customers' replies. */
@RestController
@RequestMapping("/api/v1/mail-account")
@RequiresPermission(Permission.NOTIFICATION_MANAGE)
class MailAccountController {

	private final MailAccounts accounts;

	MailAccountController(MailAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	MailAccountView get() {
		return MailAccountView.of(this.accounts.current());
	}

	@PutMapping
	MailAccountView update(@RequestBody MailAccounts.Form form, Principal principal) {
		return MailAccountView.of(this.accounts.update(form, principal.getName()));
	}

	@PostMapping("/test")
	MailAccounts.TestResult test(@RequestBody TestRequest request, Principal principal) {
		return this.accounts.test(request.to(), LocaleContextHolder.getLocale().toLanguageTag(), principal.getName());
	}

	record TestRequest(String to) {
	}

	/** The account without its passwords: only whether one is stored. */
	record MailAccountView(boolean smtpEnabled, String smtpHost, Integer smtpPort, String smtpSecurity,
			String smtpUsername, boolean smtpPasswordSet, String fromAddress, String fromName, String replyAddress,
			boolean imapEnabled, String imapHost, Integer imapPort, String imapSecurity, String imapUsername,
			boolean imapPasswordSet, String imapFolder, java.util.List<String> supportAddresses, boolean canSend,
			boolean canReceive) {

		static MailAccountView of(MailAccount a) {
			return new MailAccountView(a.smtpEnabled(), a.smtpHost(), a.smtpPort(), a.smtpSecurity().value(),
					a.smtpUsername(), a.smtpPassword() != null, a.fromAddress(), a.fromName(), a.replyAddress(),
					a.imapEnabled(), a.imapHost(), a.imapPort(), a.imapSecurity().value(), a.imapUsername(),
					a.imapPassword() != null, a.imapFolder(), a.supportAddresses(), a.canSend(), a.canReceive());
		}

	}

}
