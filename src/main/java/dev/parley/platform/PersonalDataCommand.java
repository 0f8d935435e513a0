package dev.parley.platform;

import java.io.PrintStream;
import java.util.Arrays;

import dev.parley.platform.internal.CommandLineRotation;

/**
 * {@code java -jar parley.jar rotate-personal-data}: re-encrypts every sealed personal
 * value that is not sealed with the current key
 * ({@code parley.personal-data.current-key}), with the same configuration as a start.
 * Safe while nodes run; see docs/customers.md, "Personal data", for the whole procedure.
 */
public final class PersonalDataCommand {

	private PersonalDataCommand() {
	}

	/**
	 * @return whether the arguments ask for a key rotation rather than a start
	 */
	public static boolean isRotation(String[] args) {
		return args.length > 0 && args[0].equals("rotate-personal-data");
	}

	/**
	 * @return the process's exit status: 0 when every value is under the current key
	 */
	public static int run(String[] args, PrintStream out) {
		return CommandLineRotation.run(Arrays.copyOfRange(args, 1, args.length), out);
	}

}
