package dev.parley.notifications.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.parley.notifications.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends a text message through the installation's HTTP gateway ({@link SmsGateway}): one
 * request per message, redirects never followed, the address checked against the network
 * rules on what it resolves to right before the request ({@link GatewayAddresses}). A
 * 5xx, 429 or 408 answer, a timeout or a failed connection is worth another attempt; any
 * other answer that is not a 2xx passing the success test is refused for good, with the
 * status and a short, cleaned excerpt of the answer (secrets blotted out) as the error.
 */
@Component
class SmsSender implements ChannelSender {

	private static final Logger log = LoggerFactory.getLogger(SmsSender.class);

	private final SmsGatewayRepository gateways;

	/** One client per timeout (the connect timeout is the client's). */
	private final Map<Integer, HttpClient> clients = new ConcurrentHashMap<>();

	SmsSender(SmsGatewayRepository gateways) {
		this.gateways = gateways;
	}

	@Override
	public NotificationChannel channel() {
		return NotificationChannel.SMS;
	}

	@Override
	public boolean ready() {
		SmsGateway gateway = this.gateways.load();
		return gateway.enabled() && gateway.configured();
	}

	@Override
	public DeliveryResult send(Outgoing message) {
		SmsGateway gateway = this.gateways.load();
		if (!gateway.enabled() || !gateway.configured()) {
			return DeliveryResult.retry("The SMS gateway is switched off");
		}
		return send(gateway, message.recipient(), message.text(), "notification " + message.notificationId());
	}

	/**
	 * One attempt through the given gateway, whether it is switched on or not (the
	 * console's test message).
	 * @param what what the message is, for the log
	 */
	DeliveryResult send(SmsGateway gateway, String to, String text, String what) {
		DeliveryResult result = attempt(gateway, to, text);
		if (result instanceof DeliveryResult.Delivered delivered) {
			log.info("SMS {} accepted by the gateway (id {})", what, delivered.providerMessageId());
		}
		else if (result instanceof DeliveryResult.Retry retry) {
			log.warn("SMS {} not sent, to be tried again: {}", what, retry.error());
		}
		else if (result instanceof DeliveryResult.Refused refused) {
			log.warn("SMS {} refused for good: {}", what, refused.error());
		}
		return result;
	}

	private DeliveryResult attempt(SmsGateway gateway, String to, String text) {
		Map<String, Object> values = gateway.values(to, (text != null) ? text : "");
		HttpRequest request;
		try {
			URI url = new URI(SmsTemplates.url(gateway.url(), values));
			String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || url.getRawUserInfo() != null) {
				return DeliveryResult.refused("The SMS gateway's address is not an http or https address");
			}
			GatewayAddresses.Refusal refusal = GatewayAddresses.check(url, gateway.allowPrivateNetwork());
			if (refusal != null) {
				return DeliveryResult.refused("The SMS gateway's address is not allowed: " + refusal.reason());
			}
			request = request(gateway, url, values);
		}
		catch (URISyntaxException | SmsTemplates.TemplateProblem ex) {
			return DeliveryResult.refused("The SMS gateway's address or body cannot be made: " + ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			// a header the HTTP client refuses (its message may quote the value: not
			// logged)
			return DeliveryResult.refused("The SMS gateway's request has a header that cannot be sent");
		}
		CompletableFuture<HttpResponse<byte[]>> exchange = client(gateway.timeoutSeconds()).sendAsync(request,
				(info) -> new LimitedBody());
		try {
			HttpResponse<byte[]> response = exchange.get(gateway.timeoutSeconds() + 1L, TimeUnit.SECONDS);
			return SmsAnswers.judge(gateway, response.statusCode(), response.body());
		}
		catch (TimeoutException ex) {
			exchange.cancel(true);
			return timedOut(gateway);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			exchange.cancel(true);
			return DeliveryResult.retry("Interrupted while waiting for the SMS gateway");
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof HttpTimeoutException) {
				return timedOut(gateway);
			}
			if (cause instanceof ConnectException) {
				return DeliveryResult.retry("Cannot connect to the SMS gateway: " + describe(cause));
			}
			if (cause instanceof IOException) {
				return DeliveryResult.retry("The exchange with the SMS gateway failed: " + describe(cause));
			}
			return DeliveryResult.retry("The SMS gateway cannot be reached: " + describe(cause));
		}
	}

	private static HttpRequest request(SmsGateway gateway, URI url, Map<String, Object> values) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(url)
			.timeout(Duration.ofSeconds(gateway.timeoutSeconds()))
			.header("Accept", "application/json, text/plain;q=0.9, */*;q=0.8");
		for (SmsGateway.Entry header : gateway.headers()) {
			builder.header(header.name(), header.value());
		}
		String body = SmsTemplates.body(gateway.contentType(), gateway.bodyTemplate(), values);
		if (body != null) {
			builder.header("Content-Type", gateway.contentType().mediaType());
			builder.method(gateway.method().name(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		}
		else {
			builder.method(gateway.method().name(), HttpRequest.BodyPublishers.noBody());
		}
		return builder.build();
	}

	private static DeliveryResult timedOut(SmsGateway gateway) {
		return DeliveryResult.retry("The SMS gateway did not answer within " + gateway.timeoutSeconds() + " s");
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		return (message != null && !message.isBlank()) ? SmsAnswers.clean(message) : failure.getClass().getSimpleName();
	}

	private HttpClient client(int timeoutSeconds) {
		return this.clients.computeIfAbsent(timeoutSeconds,
				(seconds) -> HttpClient.newBuilder()
					.followRedirects(HttpClient.Redirect.NEVER)
					.proxy(HttpClient.Builder.NO_PROXY)
					.version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(Duration.ofSeconds(seconds))
					.build());
	}

}
