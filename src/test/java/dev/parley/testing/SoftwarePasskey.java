package dev.parley.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import tools.jackson.databind.JsonNode;

/**
 * A passkey authenticator in software, for tests of the server's WebAuthn ceremonies: an
 * EC P-256 key, "none" attestation, and a signature count that goes up with each use (or
 * is set, to replay one). It answers the options the server gave as a browser would pass
 * them on, in the JSON form the console sends.
 */
public final class SoftwarePasskey {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final ObjectConverter CONVERTER = new ObjectConverter();

	private final KeyPair key;

	private final byte[] credentialId = new byte[32];

	private long count;

	public SoftwarePasskey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			this.key = generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		new SecureRandom().nextBytes(this.credentialId);
	}

	public String credentialId() {
		return BASE64URL.encodeToString(this.credentialId);
	}

	/** The next use signs with this count (to replay one already used). */
	public void count(long count) {
		this.count = count;
	}

	/**
	 * What navigator.credentials.create() makes of the server's creation options.
	 * @param challenge the challenge to sign instead of the options' own, or null
	 */
	public Map<String, Object> register(JsonNode options, String origin, String challenge) {
		String rpId = options.path("rp").path("id").asString();
		String clientData = clientData("webauthn.create",
				(challenge != null) ? challenge : options.path("challenge").asString(), origin);
		AttestedCredentialData credential = new AttestedCredentialData(AAGUID.ZERO, this.credentialId,
				EC2COSEKey.create((ECPublicKey) this.key.getPublic(), COSEAlgorithmIdentifier.ES256));
		AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data = new AuthenticatorData<>(sha256(rpId),
				(byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_AT), this.count,
				credential);
		byte[] attestation = new AttestationObjectConverter(CONVERTER)
			.convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("attestationObject", BASE64URL.encodeToString(attestation));
		response.put("clientDataJSON", BASE64URL.encodeToString(clientData.getBytes(StandardCharsets.UTF_8)));
		response.put("transports", List.of("internal"));
		return credential(response);
	}

	/**
	 * What navigator.credentials.get() makes of the server's request options: the
	 * authenticator data and client data, signed, with the count one higher.
	 */
	public Map<String, Object> sign(JsonNode options, String origin) {
		this.count++;
		String rpId = options.path("rpId").asString();
		String clientData = clientData("webauthn.get", options.path("challenge").asString(), origin);
		byte[] clientDataBytes = clientData.getBytes(StandardCharsets.UTF_8);
		byte[] authenticatorData = new AuthenticatorDataConverter(CONVERTER).convert(new AuthenticatorData<>(
				sha256(rpId), (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV), this.count));
		byte[] signature;
		try {
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(this.key.getPrivate());
			signer.update(ByteBuffer.allocate(authenticatorData.length + 32)
				.put(authenticatorData)
				.put(sha256(clientDataBytes))
				.array());
			signature = signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("authenticatorData", BASE64URL.encodeToString(authenticatorData));
		response.put("clientDataJSON", BASE64URL.encodeToString(clientDataBytes));
		response.put("signature", BASE64URL.encodeToString(signature));
		return credential(response);
	}

	private Map<String, Object> credential(Map<String, Object> response) {
		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put("id", credentialId());
		credential.put("rawId", credentialId());
		credential.put("type", "public-key");
		credential.put("response", response);
		credential.put("clientExtensionResults", Map.of());
		return credential;
	}

	private static String clientData(String type, String challenge, String origin) {
		return "{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
				+ "\",\"crossOrigin\":false}";
	}

	private static byte[] sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
