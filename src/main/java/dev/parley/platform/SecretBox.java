package dev.parley.platform;

/**
 * Encrypts secrets that Parley must store and use again (a mail server's password, an SMS
 * gateway's key, the key that signs visitor tokens, a channel's identity secret), so that
 * a copy of the database alone does not give them away. The same keys as
 * {@link PersonalData}, with the same rotation: a secret is sealed with
 * {@code parley.personal-data.current-key} and opens with any configured key; secrets an
 * earlier release sealed with the installation's secret key itself ({@code v1:}) still
 * open, and a rotation re-seals them. Every node of a cluster needs the same keys.
 */
public interface SecretBox {

	/**
	 * @return the encrypted text ({@code pd1:<key id>:<Base64>}), different on every call
	 */
	String seal(String plainText);

	/**
	 * @throws IllegalStateException when the text was not sealed with a configured key,
	 * or was altered
	 */
	String open(String sealedText);

	/**
	 * @return whether the text is a sealed secret (of either format), not plain text
	 */
	static boolean isSealed(String text) {
		return text != null && (text.startsWith("pd1:") || text.startsWith("v1:"));
	}

}
