package dev.parley.operations.internal.monitoring;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import dev.parley.operations.internal.backup.BackupHealth;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;
import oshi.hardware.GlobalMemory;
import oshi.hardware.NetworkIF;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The machine's figures the JVM does not give, as meters: memory of the whole system and
 * bytes through each network interface (OSHI), and the space of the directories Parley
 * writes to. CPU and the JVM's own memory come from Spring Boot's standard binders.
 */
@Component
class SystemMeters implements MeterBinder {

	private static final Logger logger = LoggerFactory.getLogger(SystemMeters.class);

	static final String MEMORY_USED = "parley.system.memory.used";

	static final String MEMORY_TOTAL = "parley.system.memory.total";

	static final String NETWORK_RECEIVED = "parley.system.network.received";

	static final String NETWORK_SENT = "parley.system.network.sent";

	static final String DISK_FREE = "parley.disk.free";

	static final String DISK_TOTAL = "parley.disk.total";

	private final Environment environment;

	private final BackupHealth backups;

	/**
	 * The OSHI objects the meters read: a meter holds what it reads weakly, so this bean
	 * keeps them for as long as it lives.
	 */
	private final List<Object> read = new java.util.concurrent.CopyOnWriteArrayList<>();

	SystemMeters(Environment environment, BackupHealth backups) {
		this.environment = environment;
		this.backups = backups;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		bindDirectory(registry, "data", () -> Path.of(this.environment.getProperty("parley.data-dir", "./data")));
		bindDirectory(registry, "backup", this.backups::directory);
		bindDirectory(registry, "log", this::logDirectory);
		try {
			SystemInfo system = new SystemInfo();
			GlobalMemory memory = system.getHardware().getMemory();
			this.read.add(memory);
			Gauge.builder(MEMORY_TOTAL, memory, GlobalMemory::getTotal)
				.description("The machine's memory")
				.baseUnit("bytes")

				.register(registry);
			Gauge.builder(MEMORY_USED, memory, (m) -> m.getTotal() - m.getAvailable())
				.description("The machine's memory in use, without what the system would give back (caches)")
				.baseUnit("bytes")

				.register(registry);
			for (NetworkIF network : interfaces(system)) {
				this.read.add(network);
				FunctionCounter.builder(NETWORK_RECEIVED, network, SystemMeters::received)
					.tag("interface", network.getName())
					.baseUnit("bytes")
					.register(registry);
				FunctionCounter.builder(NETWORK_SENT, network, NetworkIF::getBytesSent)
					.tag("interface", network.getName())
					.baseUnit("bytes")
					.register(registry);
			}
		}
		catch (RuntimeException | LinkageError ex) {
			// an operating system OSHI cannot read: the status screen shows the rest
			logger.warn("System memory and network figures are not available here: {}", ex.toString());
		}
	}

	private Path logDirectory() {
		String logs = this.environment.getProperty("parley.logs.dir");
		if (logs != null && !logs.isBlank()) {
			return Path.of(logs);
		}
		return Path.of(this.environment.getProperty("parley.data-dir", "./data")).resolve("logs");
	}

	/** The interfaces that carry traffic: up, not the loopback. */
	private static List<NetworkIF> interfaces(SystemInfo system) {
		return system.getHardware().getNetworkIFs(false).stream().filter(SystemMeters::carriesTraffic).toList();
	}

	private static boolean carriesTraffic(NetworkIF network) {
		try {
			NetworkInterface java = network.queryNetworkInterface();
			return java != null && !java.isLoopback();
		}
		catch (SocketException ex) {
			return false;
		}
	}

	/** Reads the interface's counters afresh (the received count is read first). */
	private static double received(NetworkIF network) {
		network.updateAttributes();
		return network.getBytesRecv();
	}

	private static void bindDirectory(MeterRegistry registry, String name, Supplier<Path> directory) {
		Gauge.builder(DISK_FREE, () -> space(directory, true))
			.tag("dir", name)
			.baseUnit("bytes")
			.description("Usable space where Parley writes")
			.register(registry);
		Gauge.builder(DISK_TOTAL, () -> space(directory, false)).tag("dir", name).baseUnit("bytes").register(registry);
	}

	/** Of the directory, or of its nearest existing parent when it is not made yet. */
	private static double space(Supplier<Path> directory, boolean usable) {
		try {
			Path existing = directory.get().toAbsolutePath().normalize();
			while (existing != null && !Files.exists(existing)) {
				existing = existing.getParent();
			}
			if (existing == null) {
				return Double.NaN;
			}
			FileStore store = Files.getFileStore(existing);
			return usable ? store.getUsableSpace() : store.getTotalSpace();
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

}
