package dev.parley.platform;

/**
 * Encrypts secrets that Parley must store and use again (a mail server's password, an SMS
 * gateway's key), so that a copy of the database alone does not give them away. AES-GCM
 * with the installation's secret key ({@code parley.secret-key}, or a key file in the
 * data directory created on first start); every node of a cluster needs the same key.
 */
public interface SecretBox {

	/**
	 * @return the encrypted text (versioned, Base64), different on every call
	 */
	String seal(String plainText);

	/**
	 * @throws IllegalStateException when the text was not sealed with this installation's
	 * key, or was altered
	 */
	String open(String sealedText);

}
