package dev.parley.notifications.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Where an SMS gateway may be: never at a link-local or cloud metadata address (the
 * instance's credentials live there), nor at an unspecified, multicast, broadcast or
 * reserved one; at a loopback or private address only when the administrator allows the
 * private network. Checked when the gateway is saved and again on the addresses the name
 * resolves to before every request, since DNS can change.
 */
final class GatewayAddresses {

	/** Names of metadata services that need no resolving to be refused. */
	private static final Set<String> METADATA_NAMES = Set.of("metadata", "metadata.google.internal", "metadata.goog",
			"instance-data", "instance-data.ec2.internal", "metadata.tencentyun.com", "metadata.azure.internal",
			"metadata.platformequinix.com");

	/** Metadata services outside 169.254/16: Alibaba Cloud's, AWS' IPv6 one. */
	private static final Set<String> METADATA_ADDRESSES = Set.of("100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

	private GatewayAddresses() {
	}

	/** What an address is to a gateway. */
	enum Kind {

		/** A public address. */
		PUBLIC,

		/**
		 * Loopback or private: only when the administrator allows the private network.
		 */
		PRIVATE,

		/** Link-local, metadata, unspecified, multicast, broadcast or reserved: never. */
		FORBIDDEN

	}

	/** Why an address was refused, in English for the log and the delivery log. */
	record Refusal(boolean forbidden, String reason) {
	}

	/**
	 * @return the refusal of the URL's host, or null when it may be called; a host that
	 * does not resolve is not refused here (the request will fail and be retried)
	 */
	static Refusal check(URI url, boolean allowPrivateNetwork) {
		String host = host(url);
		if (host == null) {
			return new Refusal(true, "the address has no host");
		}
		if (METADATA_NAMES.contains(host)) {
			return new Refusal(true, host + " is a cloud metadata service");
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			return null;
		}
		for (InetAddress address : addresses) {
			Kind kind = kind(address);
			if (kind == Kind.FORBIDDEN) {
				return new Refusal(true, host + " is " + address.getHostAddress()
						+ ", a link-local, metadata, multicast or reserved address");
			}
			if (kind == Kind.PRIVATE && !allowPrivateNetwork) {
				return new Refusal(false, host + " is " + address.getHostAddress() + ", a loopback or private address");
			}
		}
		return null;
	}

	/** The host of the URL in lower case without brackets or a final dot, or null. */
	static String host(URI url) {
		String host = url.getHost();
		if (host == null || host.isEmpty()) {
			return null;
		}
		host = host.toLowerCase(Locale.ROOT);
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		while (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		return host;
	}

	static Kind kind(InetAddress address) {
		if (address instanceof Inet6Address v6) {
			Inet4Address embedded = embeddedIpv4(v6.getAddress());
			if (embedded != null) {
				return kind(embedded);
			}
		}
		if (METADATA_ADDRESSES.contains(address.getHostAddress().toLowerCase(Locale.ROOT).replaceAll("%.*", ""))) {
			return Kind.FORBIDDEN;
		}
		if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isMulticastAddress()) {
			return Kind.FORBIDDEN;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			if (first == 0 || first >= 240 || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)) {
				// "this network", reserved and broadcast, IETF protocol assignments
				return Kind.FORBIDDEN;
			}
			if (address.isLoopbackAddress() || address.isSiteLocalAddress() || (first == 100 && (second & 0xc0) == 64)
					|| (first == 198 && (second & 0xfe) == 18)) {
				// 127/8, 10/8, 172.16/12, 192.168/16, shared address space 100.64/10,
				// benchmarking 198.18/15
				return Kind.PRIVATE;
			}
			return Kind.PUBLIC;
		}
		if ((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0xc0) {
			// site-local fec0::/10, deprecated
			return Kind.FORBIDDEN;
		}
		if (address.isLoopbackAddress() || (bytes[0] & 0xfe) == 0xfc) {
			// ::1 and unique local fc00::/7
			return Kind.PRIVATE;
		}
		return Kind.PUBLIC;
	}

	/**
	 * The IPv4 address an IPv6 one stands for (IPv4-compatible ::a.b.c.d, NAT64
	 * 64:ff9b::/96, 6to4 2002::/16), so that the metadata service cannot be reached
	 * through a translation; null for others. (IPv4-mapped ::ffff:a.b.c.d is an
	 * {@link Inet4Address} already.)
	 */
	private static Inet4Address embeddedIpv4(byte[] v6) {
		boolean compatible = true;
		for (int i = 0; i < 12; i++) {
			compatible &= v6[i] == 0;
		}
		boolean nat64 = (v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff
				&& (v6[3] & 0xff) == 0x9b;
		for (int i = 4; nat64 && i < 12; i++) {
			nat64 = v6[i] == 0;
		}
		byte[] v4 = null;
		if ((compatible && !(v6[12] == 0 && v6[13] == 0 && v6[14] == 0 && (v6[15] == 0 || v6[15] == 1))) || nat64) {
			v4 = new byte[] { v6[12], v6[13], v6[14], v6[15] };
		}
		else if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
			v4 = new byte[] { v6[2], v6[3], v6[4], v6[5] };
		}
		if (v4 == null) {
			return null;
		}
		try {
			return (Inet4Address) InetAddress.getByAddress(v4);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
