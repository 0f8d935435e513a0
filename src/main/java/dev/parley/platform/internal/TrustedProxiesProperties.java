package dev.parley.platform.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which peers may tell Parley the client's address and scheme ({@code X-Forwarded-For},
 * {@code X-Forwarded-Proto}, {@code -Host}, {@code -Port}): the reverse proxies in front
 * of it. From any other peer those headers are ignored. Checked at start-up: an entry
 * that is not an IP address or CIDR range stops the node with its name.
 *
 * @param trustedProxies addresses and ranges, IPv4 or IPv6 ({@code 10.0.0.5},
 * {@code 10.0.0.0/24}, {@code fd00::/8}); empty trusts nobody
 */
@ConfigurationProperties("parley.security")
record TrustedProxiesProperties(@DefaultValue( {
		"127.0.0.0/8", "::1" }) List<String> trustedProxies){

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	TrustedProxiesProperties {
		List<String> ranges = new ArrayList<>();
		for (String entry : (trustedProxies != null) ? trustedProxies : List.<String>of()) {
			if (entry != null && !entry.isBlank()) {
				ranges.add(range(entry.strip()));
			}
		}
		trustedProxies = List.copyOf(ranges);
	}

	/**
	 * An address or range in CIDR form ({@code 10.0.0.5} becomes {@code 10.0.0.5/32}).
	 * @throws IllegalArgumentException naming the entry when it is neither
	 */
	static String range(String entry) {
		int slash = entry.indexOf('/');
		String address = (slash < 0) ? entry : entry.substring(0, slash);
		boolean v4 = IPV4.matcher(address).matches();
		if (!v4 && !IPV6.matcher(address).matches()) {
			throw invalid(entry);
		}
		int bits = v4 ? 32 : 128;
		int prefix = bits;
		if (slash >= 0) {
			String length = entry.substring(slash + 1);
			if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
				throw invalid(entry);
			}
			prefix = Integer.parseInt(length);
		}
		try {
			// a literal only (checked above): no name is looked up
			InetAddress parsed = InetAddress.getByName(address);
			if (parsed.getAddress().length * 8 != bits) {
				throw invalid(entry);
			}
			return parsed.getHostAddress() + "/" + prefix;
		}
		catch (UnknownHostException ex) {
			throw invalid(entry);
		}
	}

	private static IllegalArgumentException invalid(String entry) {
		return new IllegalArgumentException("parley.security.trusted-proxies: '" + entry
				+ "' is not an IP address or CIDR range (e.g. 10.0.0.5, 10.0.0.0/24, fd00::/8)");
	}

}
