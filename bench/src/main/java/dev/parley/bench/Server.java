package dev.parley.bench;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test in a JVM of its own, started with the same {@code java} as the
 * harness, so Parley and the baseline run on the same JVM version with the same flags.
 * CPU comes from {@code /proc}, heap from {@code jcmd}: the same way for both.
 */
final class Server implements AutoCloseable {

	private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

	private final String name;

	private final Process process;

	private final int port;

	private Server(String name, Process process, int port) {
		this.name = name;
		this.process = process;
		this.port = port;
	}

	/** Starts {@code java <jvmArgs> <args>} and waits until the port answers. */
	static Server start(String name, int port, List<String> jvmArgs, List<String> args, Path logDir) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(javaCommand("java"));
		command.addAll(jvmArgs);
		command.addAll(args);
		Files.createDirectories(logDir);
		File log = logDir.resolve(name + ".log").toFile();
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log))
			.start();
		Server server = new Server(name, process, port);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (!server.answers()) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " stopped while starting; see " + log);
			}
			if (System.nanoTime() > deadline) {
				process.destroyForcibly();
				throw new IllegalStateException(name + " did not start within 180 s; see " + log);
			}
			Thread.sleep(250);
		}
		return server;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	String name() {
		return this.name;
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	private boolean answers() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** CPU time the server's process has used so far (user + system), in seconds. */
	double cpuSeconds() throws IOException {
		String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// fields 14 and 15 of stat (utime, stime), counted from the state field (3)
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		return ticks / 100.0;
	}

	/** Resident memory of the process, in bytes. */
	long rssBytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
			}
		}
		return -1;
	}

	/** Heap in use right after a full collection, in bytes. */
	long heapAfterGc() throws Exception {
		jcmd("GC.run");
		Matcher matcher = HEAP_USED.matcher(jcmd("GC.heap_info"));
		if (!matcher.find()) {
			throw new IllegalStateException("no heap figure from jcmd for " + this.name);
		}
		return Long.parseLong(matcher.group(1)) * 1024;
	}

	/** Runs a diagnostic command in the server's JVM ("GC.run", "JFR.start ..."). */
	String jcmd(String command) throws Exception {
		List<String> line = new ArrayList<>(List.of(javaCommand("jcmd"), String.valueOf(pid())));
		line.addAll(List.of(command.split(" ")));
		Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
		String output = new String(jcmd.getInputStream().readAllBytes());
		jcmd.waitFor(60, TimeUnit.SECONDS);
		return output;
	}

	private static String javaCommand(String tool) {
		Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
		Path sibling = java.resolveSibling(tool);
		return Files.isExecutable(sibling) ? sibling.toString() : tool;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

}
