package dev.parley.platform;

/**
 * Published when a signed-in user is refused an API call for lack of a permission, so the
 * audit log can record the attempt.
 *
 * @param actor the username refused
 * @param method the HTTP method
 * @param path the request path
 */
public record AccessRefused(String actor, String method, String path) {
}
