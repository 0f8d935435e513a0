package dev.parley.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a free local port, put between Parley and a shared service (Redis,
 * RabbitMQ) so a test can simulate that service's outage without stopping it for
 * everybody else. {@link #cut()} drops every connection and refuses new ones (a stopped
 * service); {@link #hang()} keeps connections open but passes nothing in either direction
 * and answers no new ones (a service that stopped answering); {@link #restore()} forwards
 * again (hung connections are dropped then, so clients reconnect).
 */
public final class TcpProxy implements AutoCloseable {

	private enum Mode {

		FORWARD, CUT, HANG

	}

	private final String targetHost;

	private final int targetPort;

	private final ServerSocket listener;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile Mode mode = Mode.FORWARD;

	public TcpProxy(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		try {
			this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Thread acceptor = new Thread(this::accept, "tcp-proxy-" + port());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** A proxy to {@code host:port} as written in the test settings. */
	public static TcpProxy to(String hostAndPort) {
		String[] parts = hostAndPort.split(":");
		return new TcpProxy(parts[0], Integer.parseInt(parts[1]));
	}

	public int port() {
		return this.listener.getLocalPort();
	}

	/** Drops every connection and refuses new ones until {@link #restore()}. */
	public void cut() {
		this.mode = Mode.CUT;
		dropAll();
	}

	/**
	 * Keeps connections open but passes no byte in either direction, and leaves new
	 * connections unanswered, until {@link #restore()}.
	 */
	public void hang() {
		this.mode = Mode.HANG;
	}

	/** Forwards again; connections held by {@link #hang()} are dropped. */
	public void restore() {
		Mode before = this.mode;
		this.mode = Mode.FORWARD;
		if (before == Mode.HANG) {
			dropAll();
		}
	}

	@Override
	public void close() {
		this.mode = Mode.CUT;
		try {
			this.listener.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		dropAll();
	}

	private void dropAll() {
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
		this.sockets.clear();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			Socket client;
			try {
				client = this.listener.accept();
			}
			catch (IOException ex) {
				return;
			}
			if (this.mode == Mode.CUT) {
				closeQuietly(client);
				continue;
			}
			this.sockets.add(client);
			if (this.mode == Mode.HANG) {
				pump(client, null);
				continue;
			}
			try {
				Socket upstream = new Socket();
				upstream.connect(new InetSocketAddress(this.targetHost, this.targetPort), 2000);
				this.sockets.add(upstream);
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException ex) {
				closeQuietly(client);
			}
		}
	}

	/**
	 * Copies {@code from} to {@code to} while forwarding; swallows the bytes while hung
	 * (and always, without {@code to}); closes both at the end.
	 */
	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream()) {
				OutputStream out = (to != null) ? to.getOutputStream() : null;
				int read;
				while ((read = in.read(buffer)) >= 0) {
					if (out != null && this.mode == Mode.FORWARD) {
						out.write(buffer, 0, read);
						out.flush();
					}
				}
			}
			catch (IOException ex) {
				// the connection ended
			}
			finally {
				closeQuietly(from);
				if (to != null) {
					closeQuietly(to);
				}
			}
		}, "tcp-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private void closeQuietly(Socket socket) {
		this.sockets.remove(socket);
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
