package dev.parley.platform.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.parley.platform.Maintenance;
import dev.parley.platform.MaintenanceReason;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What entering maintenance waits for and what it does to the chat sockets: a write
 * request already running finishes (and is stored) before {@code enter()} returns; open
 * sockets get a {@code maintenance} frame and close with 1012, new ones are refused until
 * it is over.
 */
@Timeout(120)
class MaintenanceQuiesceTests extends IntegrationTest {

	@Autowired
	Maintenance maintenance;

	@Autowired
	QuietGate gate;

	@Autowired
	@Qualifier("applicationTaskExecutor")
	TaskExecutor tasks;

	@AfterEach
	void leave() {
		this.maintenance.end("test");
		Eventually.until("maintenance over", () -> !this.maintenance.active());
	}

	@Test
	void enterWaitsForAWriteRequestInFlight() throws Exception {
		String key = createChannel();
		ApiClient.Response arrived = client().post("/api/v1/widget/channels/" + key + "/visitors", Map.of());
		assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
		String token = arrived.json().path("token").asString();
		String body = "{\"question\":\"Are you there during the upgrade?\"}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		int running = this.gate.running();

		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/widget/conversations HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: application/json\r\nAccept: application/json\r\nX-Parley-Visitor: " + token
					+ "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(bytes, 0, 10);
			out.flush();
			// the request is admitted and now waits for the rest of its body
			Eventually.until("the write is in flight", () -> this.gate.running() > running);

			CompletableFuture<Maintenance.Handle> entered = CompletableFuture
				.supplyAsync(() -> this.maintenance.enter(MaintenanceReason.BACKUP, null, "backup-test"));
			Eventually.until("new writes refused", () -> this.maintenance.active());
			assertThat(client().post("/api/v1/widget/channels/" + key + "/visitors", Map.of()).status()).isEqualTo(503);
			assertThat(entered).as("enter() waits for the write in flight").isNotDone();

			out.write(bytes, 10, bytes.length - 10);
			out.flush();
			String response = read(socket.getInputStream());
			assertThat(response).startsWith("HTTP/1.1 201");
			try (Maintenance.Handle handle = entered.get(30, TimeUnit.SECONDS)) {
				assertThat(this.gate.running()).isZero();
			}
		}
		assertThat(client().post("/api/v1/widget/channels/" + key + "/visitors", Map.of()).status())
			.as("accepted again once the handle is closed")
			.isEqualTo(200);
	}

	@Test
	void enterWaitsForAsynchronousWorkStartedBefore() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		int running = this.gate.running();
		this.tasks.execute(() -> {
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		Eventually.until("the listener's work is counted", () -> this.gate.running() > running);
		CompletableFuture<Maintenance.Handle> entered = CompletableFuture
			.supplyAsync(() -> this.maintenance.enter(MaintenanceReason.BACKUP, null, "backup-test"));
		Eventually.until("new writes refused", () -> this.maintenance.active());
		assertThat(entered).as("enter() waits for the module listener's work").isNotDone();
		release.countDown();
		entered.get(30, TimeUnit.SECONDS).close();
	}

	@Test
	void enterWaitsForAChatFrameBeingHandledAndThenRefusesThem() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Boolean> frame = CompletableFuture.supplyAsync(() -> this.maintenance.runWrite(() -> {
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		Eventually.until("the frame is counted", () -> this.gate.running() > 0);
		CompletableFuture<Maintenance.Handle> entered = CompletableFuture
			.supplyAsync(() -> this.maintenance.enter(MaintenanceReason.RESTORE, null, "restore-test"));
		Eventually.until("new writes refused", () -> this.maintenance.active());
		assertThat(entered).as("enter() waits for the frame").isNotDone();
		release.countDown();
		assertThat(frame.get(30, TimeUnit.SECONDS)).isTrue();
		try (Maintenance.Handle handle = entered.get(30, TimeUnit.SECONDS)) {
			assertThat(this.maintenance.runWrite(() -> {
				throw new AssertionError("ran during maintenance");
			})).isFalse();
		}
	}

	@Test
	void refusesToEnterFromAWriteItWouldWaitFor() {
		assertThat(this.gate.admitWrite()).isTrue();
		try {
			assertThatThrownBy(() -> this.maintenance.enter(MaintenanceReason.BACKUP, null, "test"))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("@AllowedDuringMaintenance");
		}
		finally {
			this.gate.writeDone();
		}
		assertThat(this.maintenance.active()).isFalse();
	}

	@Test
	void enteringTwiceIsRefused() {
		try (Maintenance.Handle handle = this.maintenance.enter(MaintenanceReason.UPGRADE, "first", "test")) {
			assertThatThrownBy(() -> this.maintenance.enter(MaintenanceReason.BACKUP, null, "test"))
				.hasMessageContaining("active already");
			assertThat(this.maintenance.current().orElseThrow().message()).isEqualTo("first");
		}
		assertThat(this.maintenance.active()).isFalse();
	}

	@Test
	void socketsGetTheMaintenanceFrameAndCloseWith1012AndNewOnesAreRefused() {
		String key = createChannel();
		String token = client().post("/api/v1/widget/channels/" + key + "/visitors", Map.of())
			.json()
			.path("token")
			.asString();
		ApiClient admin = admin();
		try (SocketClient visitor = SocketClient.visitor(this.port, token);
				SocketClient staff = SocketClient.staff(this.port, admin)) {
			Maintenance.Handle handle = this.maintenance.enter(MaintenanceReason.RESTORE, "Back at 10", "test");
			for (SocketClient socket : List.of(visitor, staff)) {
				JsonNode frame = socket.expect("maintenance");
				assertThat(frame.path("reason").asString()).isEqualTo("RESTORE");
				assertThat(frame.path("message").asString()).isEqualTo("Back at 10");
				assertThat(socket.awaitClose()).isEqualTo(1012);
			}
			assertThatThrownBy(() -> SocketClient.visitor(this.port, token)).as("handshake refused")
				.isInstanceOf(Exception.class);
			handle.close();
		}
		try (SocketClient again = SocketClient.visitor(this.port, token)) {
			again.assertStillUsable();
		}
	}

	private String createChannel() {
		Map<String, Object> body = new HashMap<>(Map.of("kind", "website", "name", unique("Site"), "allowedOrigins",
				List.of("https://shop.example.com"), "greeting", "Hello!", "prechatEnabled", false));
		ApiClient.Response response = admin().post("/api/v1/channels", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().path("key").asString();
	}

	private static String read(InputStream in) throws java.io.IOException {
		return new String(in.readAllBytes(), StandardCharsets.UTF_8);
	}

}
