package dev.parley.platform.internal;

/**
 * What a node tells every node (itself included) through the event bus when the data of a
 * cache has changed: empty the cache of that name.
 *
 * @param cache the cache's name
 */
public record CacheInvalidated(String cache) {
}
