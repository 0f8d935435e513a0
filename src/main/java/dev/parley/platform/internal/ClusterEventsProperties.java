package dev.parley.platform.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a cluster node's event bus rides out a RabbitMQ outage.
 *
 * @param backlog live events kept while the broker cannot be reached, sent when it is
 * back; beyond that the oldest are dropped and the other nodes' clients told to
 * resynchronise
 * @param exchange the RabbitMQ fanout exchange the nodes share (each node's queue is
 * named after it); installations sharing one broker and virtual host need one each
 */
@ConfigurationProperties("parley.cluster-events")
record ClusterEventsProperties(@DefaultValue("10000") int backlog, @DefaultValue("parley.events") String exchange) {
}
