package dev.parley.identity.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import dev.parley.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;

/**
 * WebAuthn's JSON between the console and the server, in Spring Security's forms (its
 * Jackson module: binary values as base64url). A body is read up to {@link #LIMIT} bytes
 * only: anything longer is refused before it is parsed.
 */
final class WebAuthnJson {

	/** The most a WebAuthn body may hold; real ones are one or two kilobytes. */
	static final int LIMIT = 16 * 1024;

	private static final JsonMapper MAPPER = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

	private static final TypeReference<PublicKeyCredential<AuthenticatorAttestationResponse>> ATTESTATION = new TypeReference<>() {
	};

	private static final TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>> ASSERTION = new TypeReference<>() {
	};

	private WebAuthnJson() {
	}

	/** Options as the browser gets them. */
	static JsonNode write(Object options) {
		return MAPPER.valueToTree(options);
	}

	/**
	 * @throws ApiException {@code payload_too_large} (413), {@code malformed_passkey}
	 */
	static JsonNode body(HttpServletRequest request) {
		if (request.getContentLengthLong() > LIMIT) {
			throw tooLarge();
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(LIMIT + 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (body.length > LIMIT) {
			throw tooLarge();
		}
		try {
			JsonNode node = MAPPER.readTree(body);
			if (node == null || !node.isObject()) {
				throw malformed();
			}
			return node;
		}
		catch (RuntimeException ex) {
			throw (ex instanceof ApiException api) ? api : malformed();
		}
	}

	/** A new credential, as navigator.credentials.create() made it. */
	static PublicKeyCredential<AuthenticatorAttestationResponse> attestation(JsonNode node) {
		PublicKeyCredential<AuthenticatorAttestationResponse> credential = read(node, ATTESTATION);
		AuthenticatorAttestationResponse response = credential.getResponse();
		if (response == null || response.getAttestationObject() == null || response.getClientDataJSON() == null) {
			throw malformed();
		}
		return credential;
	}

	/** A signed challenge, as navigator.credentials.get() made it. */
	static PublicKeyCredential<AuthenticatorAssertionResponse> assertion(JsonNode node) {
		PublicKeyCredential<AuthenticatorAssertionResponse> credential = read(node, ASSERTION);
		AuthenticatorAssertionResponse response = credential.getResponse();
		if (response == null || response.getAuthenticatorData() == null || response.getClientDataJSON() == null
				|| response.getSignature() == null) {
			throw malformed();
		}
		return credential;
	}

	private static <T extends PublicKeyCredential<?>> T read(JsonNode node, TypeReference<T> type) {
		if (node == null || !node.isObject()) {
			throw malformed();
		}
		T credential;
		try {
			credential = MAPPER.readerFor(type).readValue(node);
		}
		catch (RuntimeException ex) {
			throw malformed();
		}
		if (credential == null || credential.getRawId() == null || credential.getRawId().getBytes().length == 0
				|| credential.getRawId().getBytes().length > 512) {
			throw malformed();
		}
		return credential;
	}

	private static ApiException tooLarge() {
		return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
				"A passkey's message is at most " + LIMIT + " bytes");
	}

	private static ApiException malformed() {
		return ApiException.badRequest("malformed_passkey", "This is not a passkey's answer");
	}

}
