package dev.parley.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a {@code @Scheduled} method run while {@link Maintenance} is active; every other
 * scheduled run is skipped then. Such a job is not waited for when maintenance begins (it
 * may be the one that begins it, e.g. a scheduled cold backup), so it must not write
 * business data while maintenance lasts.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RunsDuringMaintenance {

}
