package dev.parley.platform;

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

	private ClientAddress() {
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
