package dev.parley.platform;

/**
 * The HTML shells of the front end: templates under {@code classpath:web/} with the
 * versioned asset prefix ({@code @ASSETS@}), the library URLs ({@code @VUE@},
 * {@code @VUE_ROUTER@}) and a fresh CSP nonce per response ({@code @NONCE@}) filled in.
 */
public interface Pages {

	/**
	 * @param templatePath a classpath resource such as {@code web/widget/frame.html}
	 */
	Page render(String templatePath);

	/** A rendered page and the nonce its scripts carry. */
	record Page(String html, String nonce) {

		/** The {@code script-src} sources that let this page's scripts and Vue run. */
		public String scriptSources() {
			return "'self' 'nonce-" + this.nonce + "' 'unsafe-eval'";
		}

	}

}
