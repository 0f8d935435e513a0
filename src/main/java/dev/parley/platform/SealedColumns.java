package dev.parley.platform;

import java.util.List;

/**
 * The columns a module stores {@link PersonalData} sealed in: every module that seals
 * values declares them in one component implementing this, without dependencies of its
 * own, so that the key rotation ({@code java -jar parley.jar rotate-personal-data}),
 * which starts only the data source, finds them all.
 */
public interface SealedColumns {

	List<SealedColumn> sealedColumns();

}
