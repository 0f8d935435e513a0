package dev.parley.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.platform.Permission;

/**
 * The catalogue of permissions as roles store them: the codes of every
 * {@link Permission}, grouped by the function module an administrator ticks (R8.3). Roles
 * are named sets of these codes, and a single user can be granted or refused one on top
 * of the role.
 */
public final class Permissions {

	/** The modules and their permissions, in the order the console shows them. */
	public static final List<Module> CATALOG = catalog();

	private static final Set<String> ALL = codes();

	private Permissions() {
	}

	/**
	 * @return the code of every permission, in catalogue order
	 */
	public static Set<String> all() {
		return ALL;
	}

	public static boolean exists(String permission) {
		return ALL.contains(permission);
	}

	/** A function module and the codes of the permissions it consists of. */
	public record Module(String name, List<String> permissions) {
	}

	private static List<Module> catalog() {
		Map<String, List<String>> modules = new LinkedHashMap<>();
		for (Permission permission : Permission.values()) {
			modules.computeIfAbsent(permission.module(), (name) -> new ArrayList<>()).add(permission.code());
		}
		List<Module> catalog = new ArrayList<>();
		modules.forEach((name, codes) -> catalog.add(new Module(name, List.copyOf(codes))));
		return List.copyOf(catalog);
	}

	private static Set<String> codes() {
		Set<String> codes = new LinkedHashSet<>();
		for (Permission permission : Permission.values()) {
			codes.add(permission.code());
		}
		return java.util.Collections.unmodifiableSet(codes);
	}

}
