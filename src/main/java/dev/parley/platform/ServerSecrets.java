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

}
