package dev.parley.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real Nginx in front of Parley nodes, run from the deployment's own configuration
 * ({@code deploy/nginx/parley.conf}) with only what differs on a test machine replaced:
 * the nodes' addresses, the ports (free ones on 127.0.0.1) and a self-signed certificate
 * for 127.0.0.1. Everything it writes (pid, logs, temporary files) stays in its prefix
 * directory. Skips the test (fails it in CI) when {@code nginx} or {@code openssl} is not
 * installed.
 */
public final class Nginx implements AutoCloseable {

	private static final Path DEPLOYED_CONFIG = Path.of("deploy/nginx/parley.conf");

	private static final Pattern UPSTREAM = Pattern.compile("(?s)(upstream parley \\{)(.*?)(\\n})");

	private static final Pattern NODE = Pattern.compile("(?m)^\\s*server \\S+ ([^;]*);\\n");

	private final Path prefix;

	private final List<Integer> nodePorts;

	private final int httpPort = freePort();

	private final int httpsPort = freePort();

	private final SSLContext tls;

	private final Process process;

	private final String nginx = executable("nginx");

	private Nginx(Path prefix, List<Integer> nodePorts) {
		this.prefix = prefix;
		this.nodePorts = nodePorts;
		try {
			Files.createDirectories(prefix.resolve("tmp"));
			this.tls = selfSignedCertificate();
			Files.writeString(prefix.resolve("nginx.conf"), mainConfig());
			writeSiteConfig(List.of());
			run(this.nginx, "-t", "-p", prefix + "/", "-e", prefix.resolve("error.log").toString(), "-c",
					prefix.resolve("nginx.conf").toString());
			this.process = new ProcessBuilder(this.nginx, "-p", prefix + "/", "-e",
					prefix.resolve("error.log").toString(), "-c", prefix.resolve("nginx.conf").toString())
				.redirectErrorStream(true)
				.redirectOutput(prefix.resolve("nginx.out").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		awaitListening();
	}

	/**
	 * Starts Nginx in {@code prefix} in front of the nodes listening on {@code nodePorts}
	 * (127.0.0.1).
	 */
	public static Nginx start(Path prefix, List<Integer> nodePorts) {
		for (String tool : List.of("nginx", "openssl")) {
			if (executable(tool) == null) {
				ExternalServices.unavailable(tool, "not on the PATH; .ci/run installs it");
			}
		}
		return new Nginx(prefix, nodePorts);
	}

	/** Where a browser reaches Parley: {@code https://127.0.0.1:port}. */
	public String https() {
		return "https://127.0.0.1:" + this.httpsPort;
	}

	/** The same, for sockets: {@code wss://127.0.0.1:port}. */
	public String wss() {
		return "wss://127.0.0.1:" + this.httpsPort;
	}

	/** The plain HTTP address, which only redirects. */
	public String http() {
		return "http://127.0.0.1:" + this.httpPort;
	}

	/** Trusts this Nginx's certificate (and nothing else). */
	public SSLContext tls() {
		return this.tls;
	}

	/**
	 * Marks the given nodes {@code down} (drained: no new requests or sockets go to them)
	 * and all others up, and reloads Nginx, as docs/deployment.md tells an operator to.
	 * Returns once the new worker has started.
	 */
	public void drain(Integer... nodePortsDown) {
		try {
			writeSiteConfig(List.of(nodePortsDown));
			int workers = startedWorkers();
			int leaving = count("gracefully shutting down");
			run(this.nginx, "-t", "-p", this.prefix + "/", "-e", this.prefix.resolve("error.log").toString(), "-c",
					this.prefix.resolve("nginx.conf").toString());
			run(this.nginx, "-s", "reload", "-p", this.prefix + "/", "-e", this.prefix.resolve("error.log").toString(),
					"-c", this.prefix.resolve("nginx.conf").toString());
			Eventually.until(() -> "a new Nginx worker after reload", () -> startedWorkers() > workers,
					Duration.ofSeconds(10));
			// until the old worker has stopped taking connections (under load it may take
			// a
			// moment to see the signal), a new socket could still reach a drained node
			Eventually.until(() -> "the old Nginx worker leaving after reload",
					() -> count("gracefully shutting down") > leaving, Duration.ofSeconds(10));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Nginx's error log, for a failure message. */
	public String errorLog() {
		try {
			return Files.readString(this.prefix.resolve("error.log"));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private String mainConfig() {
		Path p = this.prefix;
		// a master started as root runs its workers as "nobody", which may not enter the
		// test's temporary directory: run them as the user running the test (Nginx
		// ignores
		// the directive, with a warning, when it is not root)
		return """
				user %s;
				worker_processes 1;
				daemon off;
				pid %s;
				error_log %s notice;
				events { worker_connections 512; }
				http {
					access_log %s;
					client_body_temp_path %s;
					proxy_temp_path %s;
					fastcgi_temp_path %s;
					uwsgi_temp_path %s;
					scgi_temp_path %s;
					include %s;
				}
				""".formatted(System.getProperty("user.name"), p.resolve("nginx.pid"), p.resolve("error.log"),
				p.resolve("access.log"), p.resolve("tmp/body"), p.resolve("tmp/proxy"), p.resolve("tmp/fastcgi"),
				p.resolve("tmp/uwsgi"), p.resolve("tmp/scgi"), p.resolve("parley.conf"));
	}

	/**
	 * The deployment's file with the test machine's addresses, ports and certificate;
	 * each replacement must match exactly as often as expected, so a change of the
	 * deployed file that this test would no longer follow fails here instead of testing
	 * something else.
	 */
	private void writeSiteConfig(List<Integer> down) throws IOException {
		String config = Files.readString(DEPLOYED_CONFIG);
		Matcher upstream = UPSTREAM.matcher(config);
		if (!upstream.find()) {
			throw new IllegalStateException("no 'upstream parley {' block in " + DEPLOYED_CONFIG);
		}
		Matcher node = NODE.matcher(upstream.group(2));
		if (!node.find()) {
			throw new IllegalStateException("no 'server ...;' line in the upstream of " + DEPLOYED_CONFIG);
		}
		String parameters = node.group(1);
		StringBuilder nodes = new StringBuilder();
		for (int port : this.nodePorts) {
			nodes.append("\tserver 127.0.0.1:")
				.append(port)
				.append(' ')
				.append(parameters)
				.append(down.contains(port) ? " down" : "")
				.append(";\n");
		}
		String body = NODE.matcher(upstream.group(2)).replaceAll("");
		config = config.substring(0, upstream.start(2)) + "\n" + nodes + body + config.substring(upstream.end(2));
		config = replace(config, "(?m)^\\s*listen \\[::\\]:\\d+[^;]*;\\n", "", 2);
		config = replace(config, "(?m)^\\s*listen 80;", "\tlisten 127.0.0.1:" + this.httpPort + ";", 1);
		config = replace(config, "(?m)^\\s*listen 443 ssl", "\tlisten 127.0.0.1:" + this.httpsPort + " ssl", 1);
		config = replace(config, "(?m)^\\s*ssl_certificate /\\S+;",
				"\tssl_certificate " + this.prefix.resolve("cert.pem") + ";", 1);
		config = replace(config, "(?m)^\\s*ssl_certificate_key /\\S+;",
				"\tssl_certificate_key " + this.prefix.resolve("key.pem") + ";", 1);
		Files.writeString(this.prefix.resolve("parley.conf"), config);
	}

	private static String replace(String text, String regex, String replacement, int expected) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		int found = 0;
		while (matcher.find()) {
			found++;
		}
		if (found != expected) {
			throw new IllegalStateException(
					"expected " + expected + " × '" + regex + "' in " + DEPLOYED_CONFIG + ", found " + found);
		}
		return matcher.replaceAll(Matcher.quoteReplacement(replacement));
	}

	private SSLContext selfSignedCertificate() throws IOException {
		run(executable("openssl"), "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
				"-nodes", "-keyout", this.prefix.resolve("key.pem").toString(), "-out",
				this.prefix.resolve("cert.pem").toString(), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
				"subjectAltName=IP:127.0.0.1");
		try {
			KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
			trusted.load(null, null);
			trusted.setCertificateEntry("nginx", CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(this.prefix.resolve("cert.pem")))));
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trusted);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int startedWorkers() {
		return count("start worker process");
	}

	private int count(String line) {
		return errorLog().split(line, -1).length - 1;
	}

	private void awaitListening() {
		Eventually.until(() -> "Nginx listening on " + this.httpsPort + ":\n" + errorLog(), () -> {
			if (!this.process.isAlive()) {
				throw new AssertionError("Nginx stopped:\n" + errorLog());
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.httpsPort), 500);
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}, Duration.ofSeconds(15));
	}

	private void run(String... command) throws IOException {
		List<String> all = new ArrayList<>(List.of(command));
		Process tool = new ProcessBuilder(all).redirectErrorStream(true).start();
		try {
			String output = new String(tool.getInputStream().readAllBytes());
			if (!tool.waitFor(30, TimeUnit.SECONDS) || tool.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The tool's path, looked for on the PATH and in /usr/sbin, or null. */
	private static String executable(String tool) {
		List<String> dirs = new ArrayList<>(
				List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)));
		dirs.add("/usr/sbin");
		for (String dir : dirs) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
				return Path.of(dir, tool).toString();
			}
		}
		return null;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
