package dev.parley.security.internal;

import dev.parley.platform.ClientAddress;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Addresses and CIDR ranges, IPv4 and IPv6, parsed by Spring Security's
 * {@link IpAddressMatcher}; only literals are accepted, so nothing is ever looked up in
 * the DNS.
 */
final class AddressRanges {

	/** An IPv4 or IPv6 literal, optionally with a prefix length. */
	private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}(/[0-9]{1,3})?");

	static final int MAX_LENGTH = 64;

	private AddressRanges() {
	}

	/**
	 * @return a matcher for the address or range, or empty when it is none (a host name,
	 * a prefix longer than the address, a malformed address)
	 */
	static Optional<IpAddressMatcher> matcher(String range) {
		if (range == null || range.length() > MAX_LENGTH || !LITERAL.matcher(range).matches()) {
			return Optional.empty();
		}
		String address = range.contains("/") ? range.substring(0, range.indexOf('/')) : range;
		if (!address.contains(":") && !address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
			return Optional.empty(); // "10.1" would be read as 10.0.0.1
		}
		try {
			return Optional.of(new IpAddressMatcher(range));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * @return the range as stored: trimmed and lower case, or empty when it is none
	 */
	static Optional<String> normalised(String range) {
		if (range == null) {
			return Optional.empty();
		}
		String trimmed = range.strip().toLowerCase(Locale.ROOT);
		return matcher(trimmed).map((m) -> trimmed);
	}

	/**
	 * @return the one way an address is written (IPv6 in full form, as the servlet
	 * container gives it), or the text as it is when it is no literal address
	 */
	static String canonical(String address) {
		return (address != null && address.contains("/")) ? address : ClientAddress.canonical(address);
	}

	/**
	 * @return whether the canonical address is one of this host's loopback addresses
	 */
	static boolean loopback(String canonical) {
		return canonical != null && (canonical.startsWith("127.") || canonical.equals("0:0:0:0:0:0:0:1"));
	}

	/**
	 * @return whether the text is one address (no range)
	 */
	static boolean single(String address) {
		return address != null && !address.contains("/") && matcher(address.strip()).isPresent();
	}

}
