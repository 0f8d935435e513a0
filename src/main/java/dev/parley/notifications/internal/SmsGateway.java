package dev.parley.notifications.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The installation's SMS gateway: one HTTP request per text message, shaped by an
 * administrator (or a preset) so that a provider plugs in without code. Secret values
 * here are plain (opened from the database's sealed form); they never leave the server.
 *
 * @param preset the preset the administrator started from ({@code custom} for none)
 * @param url the address, a template whose values are URL-encoded (values may appear only
 * after the host)
 * @param headers sent with every request; secret ones are stored encrypted
 * @param parameters further values the templates may use, e.g. an account id or an API
 * key ({{accountSid}}); secret ones are stored encrypted
 * @param bodyTemplate the body, a template with {{to}}, {{text}}, {{from}} and the
 * parameters, escaped for the content type
 * @param sender the {{from}} value: the sender number or name the provider knows
 * @param successPointer a JSON pointer into the answer that must equal
 * {@code successValue} for a 2xx answer to count as accepted, or null
 * @param successSubstring text the answer must contain to count as accepted, or null
 * @param messageIdPointer a JSON pointer to the provider's id of the message, or null
 * @param allowPrivateNetwork whether the gateway may be on a loopback or private address
 */
public record SmsGateway(boolean enabled, String preset, String url, SmsMethod method, List<Entry> headers,
		List<Entry> parameters, SmsContentType contentType, String bodyTemplate, String sender, String successPointer,
		String successValue, String successSubstring, String messageIdPointer, int timeoutSeconds,
		boolean allowPrivateNetwork) {

	public static final int DEFAULT_TIMEOUT_SECONDS = 10;

	public SmsGateway {
		headers = List.copyOf(headers);
		parameters = List.copyOf(parameters);
	}

	/** A header or parameter; a secret one is never shown again. */
	public record Entry(String name, String value, boolean secret) {
	}

	/** Nothing set up: the state of a new installation. */
	public static SmsGateway none() {
		return new SmsGateway(false, "custom", null, SmsMethod.POST, List.of(), List.of(), SmsContentType.FORM, null,
				null, null, null, null, null, DEFAULT_TIMEOUT_SECONDS, false);
	}

	/** Whether a request can be made at all (an address is set). */
	public boolean configured() {
		return this.url != null && !this.url.isBlank();
	}

	/** The values the templates see for one message. */
	public Map<String, Object> values(String to, String text) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (Entry parameter : this.parameters) {
			values.put(parameter.name(), parameter.value());
		}
		values.put("to", to);
		values.put("text", text);
		values.put("from", (this.sender != null) ? this.sender : "");
		return values;
	}

	/** Every secret value, to be blotted out of anything logged or shown. */
	public List<String> secretValues() {
		List<String> secrets = new ArrayList<>();
		for (List<Entry> entries : List.of(this.headers, this.parameters)) {
			for (Entry entry : entries) {
				if (entry.secret() && entry.value() != null && entry.value().length() >= 4) {
					secrets.add(entry.value());
				}
			}
		}
		return secrets;
	}

}
