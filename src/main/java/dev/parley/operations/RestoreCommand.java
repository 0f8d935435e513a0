package dev.parley.operations;

import java.io.PrintStream;
import java.util.Arrays;

import dev.parley.operations.internal.backup.CommandLineRestore;

/**
 * {@code java -jar parley.jar restore FILE [--replace] [--force]}: restores a backup file
 * into the configured database while Parley is stopped (same configuration as a start:
 * {@code application.yml}, {@code --spring.*} and {@code --parley.*} arguments,
 * environment variables, profiles).
 */
public final class RestoreCommand {

	private RestoreCommand() {
	}

	/**
	 * @return whether the arguments ask for a restore rather than a start
	 */
	public static boolean isRestore(String[] args) {
		return args.length > 0 && args[0].equals("restore");
	}

	/**
	 * @return the process's exit status: 0 when restored
	 */
	public static int run(String[] args, PrintStream out) {
		return CommandLineRestore.run(Arrays.copyOfRange(args, 1, args.length), out);
	}

}
