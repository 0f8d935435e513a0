package dev.parley.platform;

/**
 * Secrets the application creates for itself (the key that signs visitor tokens, for
 * example), kept in the database so that every node of a cluster uses the same one.
 */
public interface ServerSecrets {

	/**
	 * @param name what the secret is for, e.g. {@code visitor-token}
	 * @return 32 random bytes, created on first use and the same ever after
	 */
	byte[] secret(String name);

	/**
	 * Signs data with a secret: HMAC-SHA256 keyed with {@link #secret(String)} of that
	 * name (tokens in links and cookies that only this installation can have made).
	 */
	default byte[] hmacSha256(String name, byte[] data) {
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(secret(name), "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
