package dev.parley.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An idle widget connection as a browser opens it: the handshake offers
 * {@code permessage-deflate} (every current browser does, and the JDK's WebSocket client
 * cannot), says {@code hello}, waits for the first answer, then stays quiet. A plain
 * blocking socket, so ten thousand of them cost the generator no threads.
 */
final class BrowserSocket implements AutoCloseable {

	private final Socket socket;

	private final boolean deflate;

	private BrowserSocket(Socket socket, boolean deflate) {
		this.socket = socket;
		this.deflate = deflate;
	}

	static BrowserSocket open(String wsBase, String path, String hello) throws IOException {
		URI uri = URI.create(wsBase + path);
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
		socket.setSoTimeout(30_000);
		byte[] nonce = new byte[16];
		ThreadLocalRandom.current().nextBytes(nonce);
		String request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
				+ "\r\nOrigin: https://shop.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
				+ "\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";
		OutputStream out = socket.getOutputStream();
		out.write(request.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		String response = readHead(socket.getInputStream());
		if (!response.startsWith("HTTP/1.1 101")) {
			socket.close();
			throw new IOException("handshake refused: " + response.lines().findFirst().orElse(""));
		}
		boolean deflate = response.toLowerCase().contains("sec-websocket-extensions: permessage-deflate");
		out.write(maskedText(hello.getBytes(StandardCharsets.UTF_8)));
		out.flush();
		readFrameHeader(socket.getInputStream());
		return new BrowserSocket(socket, deflate);
	}

	/**
	 * Whether the server agreed to compress (and so keeps a compressor for this socket).
	 */
	boolean deflate() {
		return this.deflate;
	}

	private static String readHead(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("closed during the handshake");
			}
			head.append((char) b);
		}
		return head.toString();
	}

	/** Reads the first two bytes of the server's next frame: proof that it answered. */
	private static void readFrameHeader(InputStream in) throws IOException {
		if (in.read() < 0 || in.read() < 0) {
			throw new IOException("closed before answering hello");
		}
	}

	/** One final text frame from a client (masked, as clients must). */
	private static byte[] maskedText(byte[] payload) {
		int headerLength = (payload.length < 126) ? 2 : 4;
		byte[] frame = new byte[headerLength + 4 + payload.length];
		frame[0] = (byte) 0x81;
		if (payload.length < 126) {
			frame[1] = (byte) (0x80 | payload.length);
		}
		else {
			frame[1] = (byte) (0x80 | 126);
			frame[2] = (byte) (payload.length >> 8);
			frame[3] = (byte) payload.length;
		}
		byte[] mask = new byte[4];
		ThreadLocalRandom.current().nextBytes(mask);
		System.arraycopy(mask, 0, frame, headerLength, 4);
		for (int i = 0; i < payload.length; i++) {
			frame[headerLength + 4 + i] = (byte) (payload[i] ^ mask[i % 4]);
		}
		return frame;
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// gone already
		}
	}

}
