package dev.parley.notifications.internal;

import java.util.List;
import java.util.Optional;

/**
 * Request shapes of real SMS providers, to start from: choosing one fills the gateway's
 * fields, and the administrator adds the account's values (the secrets among them stored
 * encrypted). Providers that need every request signed with an HMAC (Aliyun SMS, Tencent
 * Cloud SMS) cannot be reached by a template; docs/notifications.md explains how to reach
 * them anyway.
 */
public final class SmsPresets {

	/** The preset of a gateway not started from any provider. */
	static final String CUSTOM = "custom";

	/**
	 * Twilio Programmable Messaging: a form POST to the account's Messages resource, HTTP
	 * Basic authentication (account SID and auth token), answered 201 with the message
	 * SID at {@code /sid}.
	 */
	static final SmsPreset TWILIO = new SmsPreset("twilio",
			"https://api.twilio.com/2010-04-01/Accounts/{{accountSid}}/Messages.json", SmsMethod.POST,
			List.of(new SmsGateway.Entry("Authorization", "", true)),
			List.of(new SmsGateway.Entry("accountSid", "", false)), SmsContentType.FORM,
			"To={{to}}&From={{from}}&Body={{text}}", null, null, null, "/sid");

	/**
	 * Vonage (Nexmo) SMS API: a JSON POST with the API key and secret in the body,
	 * answered 200 with a status per message part ("0" is success) and the id at
	 * {@code /messages/0/message-id}.
	 */
	static final SmsPreset VONAGE = new SmsPreset("vonage", "https://rest.nexmo.com/sms/json", SmsMethod.POST,
			List.of(), List.of(new SmsGateway.Entry("apiKey", "", false), new SmsGateway.Entry("apiSecret", "", true)),
			SmsContentType.JSON,
			"{\"api_key\":\"{{apiKey}}\",\"api_secret\":\"{{apiSecret}}\",\"from\":\"{{from}}\","
					+ "\"to\":\"{{to}}\",\"text\":\"{{text}}\",\"type\":\"unicode\"}",
			"/messages/0/status", "0", null, "/messages/0/message-id");

	/**
	 * Plivo Message API: a JSON POST to the account's Message resource, HTTP Basic
	 * authentication (auth id and token), answered 202 with the id at
	 * {@code /message_uuid/0}.
	 */
	static final SmsPreset PLIVO = new SmsPreset("plivo", "https://api.plivo.com/v1/Account/{{authId}}/Message/",
			SmsMethod.POST, List.of(new SmsGateway.Entry("Authorization", "", true)),
			List.of(new SmsGateway.Entry("authId", "", false)), SmsContentType.JSON,
			"{\"src\":\"{{from}}\",\"dst\":\"{{to}}\",\"text\":\"{{text}}\"}", null, null, null, "/message_uuid/0");

	public static final List<SmsPreset> ALL = List.of(TWILIO, VONAGE, PLIVO);

	private SmsPresets() {
	}

	static boolean exists(String name) {
		return CUSTOM.equals(name) || find(name).isPresent();
	}

	static Optional<SmsPreset> find(String name) {
		return ALL.stream().filter((preset) -> preset.name().equals(name)).findFirst();
	}

	/**
	 * A provider's request shape; header and parameter values are empty where the
	 * administrator fills in the account's.
	 */
	public record SmsPreset(String name, String url, SmsMethod method, List<SmsGateway.Entry> headers,
			List<SmsGateway.Entry> parameters, SmsContentType contentType, String bodyTemplate, String successPointer,
			String successValue, String successSubstring, String messageIdPointer) {
	}

}
