package dev.parley.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a write endpoint (POST, PUT, PATCH, DELETE under {@code /api/}) open while
 * {@link Maintenance} is active; every other write is answered 503 {@code maintenance}.
 * On a controller type, it opens every method. Such a request is not waited for when
 * maintenance begins, so it must not write business data (signing in, ending the
 * maintenance, the progress of the restore that runs it).
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AllowedDuringMaintenance {

}
