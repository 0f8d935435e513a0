package dev.parley.notifications.internal;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.parley.platform.ApiException.invalid;

/**
 * The SMS gateway as administrators see and change it: secrets masked on the way out and
 * kept when the mask comes back, every change checked and audited (without its secrets),
 * and a test message sent at once.
 */
@Service
public class SmsGatewaySettings {

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{2,31}");

	private final SmsGatewayRepository gateways;

	private final SmsSender sender;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	SmsGatewaySettings(SmsGatewayRepository gateways, SmsSender sender, AuditLog auditLog,
			PlatformTransactionManager transactions) {
		this.gateways = gateways;
		this.sender = sender;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** What an administrator sends; a secret's value may be the mask to keep it. */
	public record Input(Boolean enabled, String preset, String url, String method, List<EntryInput> headers,
			List<EntryInput> parameters, String contentType, String bodyTemplate, String sender, String successPointer,
			String successValue, String successSubstring, String messageIdPointer, Integer timeoutSeconds,
			Boolean allowPrivateNetwork) {
	}

	/**
	 * A header or parameter as sent; not marked secret unless said so (or by its name).
	 */
	public record EntryInput(String name, String value, Boolean secret) {
	}

	/** The outcome of a test message. */
	public record TestOutcome(String outcome, String providerMessageId, String error) {
	}

	/** The gateway with every secret value replaced by the mask. */
	public SmsGateway masked() {
		SmsGateway gateway = this.gateways.load();
		return new SmsGateway(gateway.enabled(), gateway.preset(), gateway.url(), gateway.method(),
				mask(gateway.headers()), mask(gateway.parameters()), gateway.contentType(), gateway.bodyTemplate(),
				gateway.sender(), gateway.successPointer(), gateway.successValue(), gateway.successSubstring(),
				gateway.messageIdPointer(), gateway.timeoutSeconds(), gateway.allowPrivateNetwork());
	}

	public List<SmsPresets.SmsPreset> presets() {
		return SmsPresets.ALL;
	}

	/**
	 * Checks (resolving the address's name, outside any transaction) and stores the
	 * gateway with its audit entry.
	 */
	public SmsGateway update(Input input, String actor) {
		SmsGateway gateway = SmsGatewayChecks.check(input, this.gateways.load());
		this.transaction.executeWithoutResult((status) -> {
			this.gateways.save(gateway, actor);
			this.auditLog.record(actor, "sms_gateway.updated", "sms-gateway", AuditResult.SUCCESS, summary(gateway));
		});
		return masked();
	}

	/**
	 * Sends one message through the stored gateway now, switched on or not.
	 * @throws ApiException {@code validation_failed} for a phone number that is none,
	 * {@code sms_gateway_not_configured} when no address is stored
	 */
	public TestOutcome test(String phone, String text, String actor) {
		String to = (phone != null) ? phone.strip() : "";
		if (!PHONE.matcher(to).matches()) {
			throw invalid("phone", "must be a phone number");
		}
		String message = (text == null || text.isBlank()) ? "Parley: this is a test message." : text.strip();
		if (message.length() > 640) {
			throw invalid("text", "must be at most 640 characters");
		}
		SmsGateway gateway = this.gateways.load();
		if (!gateway.configured()) {
			throw new ApiException(HttpStatus.CONFLICT, "sms_gateway_not_configured",
					"Save the SMS gateway's address first");
		}
		DeliveryResult result = this.sender.send(gateway, to, message, "test by " + actor);
		TestOutcome outcome;
		if (result instanceof DeliveryResult.Delivered delivered) {
			outcome = new TestOutcome("delivered", delivered.providerMessageId(), null);
		}
		else if (result instanceof DeliveryResult.Retry retry) {
			outcome = new TestOutcome("retry", null, retry.error());
		}
		else {
			outcome = new TestOutcome("refused", null, ((DeliveryResult.Refused) result).error());
		}
		this.auditLog.record(actor, "sms_gateway.tested", "sms-gateway",
				outcome.outcome().equals("delivered") ? AuditResult.SUCCESS : AuditResult.FAILURE, outcome.outcome());
		return outcome;
	}

	private static List<SmsGateway.Entry> mask(List<SmsGateway.Entry> entries) {
		return entries.stream()
			.map((entry) -> entry.secret() ? new SmsGateway.Entry(entry.name(), SmsGatewayChecks.MASK, true) : entry)
			.toList();
	}

	/** What changed, for the audit log: never a value of a header or parameter. */
	private static String summary(SmsGateway gateway) {
		String host = "-";
		try {
			if (gateway.url() != null) {
				String url = gateway.url();
				host = String.valueOf(URI.create(url.substring(0, Math.min(url.length(), indexOfPath(url)))).getHost());
			}
		}
		catch (IllegalArgumentException ex) {
			host = "?";
		}
		return (gateway.enabled() ? "enabled" : "disabled") + ", preset " + gateway.preset() + ", host " + host
				+ (gateway.allowPrivateNetwork() ? ", private network allowed" : "");
	}

	private static int indexOfPath(String url) {
		int start = url.indexOf("://");
		int slash = (start < 0) ? -1 : url.indexOf('/', start + 3);
		return (slash < 0) ? url.length() : slash;
	}

}
