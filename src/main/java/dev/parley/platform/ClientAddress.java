package dev.parley.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client's IP address of the request being handled. Behind Nginx, the servlet
 * container resolves {@code X-Forwarded-For} from trusted proxies only (see
 * docs/deployment.md), so this is the address of the real client, not of the proxy.
 */
public final class ClientAddress {

	/** An IPv4 or IPv6 literal, never a name (which would be looked up). */
	private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private ClientAddress() {
	}

	/**
	 * @return the address in one spelling for each address ({@code ::1} and
	 * {@code 0:0:0:0:0:0:0:1} alike), so that addresses compare as text; anything that is
	 * not an IP literal as it is
	 */
	public static String canonical(String address) {
		if (address == null || !LITERAL.matcher(address).matches()) {
			return address;
		}
		try {
			return InetAddress.getByName(address).getHostAddress();
		}
		catch (UnknownHostException | IllegalArgumentException ex) {
			return address;
		}
	}

	/**
	 * @return the current request's client address, or {@code null} outside a request
	 */
	public static String current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
