package dev.parley.operations.internal.logs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.google.re2j.Pattern;
import dev.parley.platform.ClusterNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The logs of the other nodes of a cluster, over RabbitMQ request/reply (decision 0010):
 * every node answers on a queue of its own, bound to the direct exchange
 * {@value #EXCHANGE} with its node id, by reading its own files; the node the console
 * talks to asks every other alive node at once and waits at most the query budget and two
 * seconds. The nodes need no addresses of each other and no secret beyond the broker's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "parley.event-bus", havingValue = "rabbitmq")
class RabbitLogPeers {

	static final String EXCHANGE = "parley.logs";

	@Bean
	DirectExchange parleyLogExchange() {
		return new DirectExchange(EXCHANGE, false, false);
	}

	@Bean
	Queue parleyLogQueue(ClusterNodes nodes) {
		// a question is worth nothing once its asker has stopped waiting: no durability.
		// Not exclusive: after a lost connection the broker may still hold an exclusive
		// queue for the old one, and redeclaring it then fails every declaration after
		// it,
		// the event bus's queue among them (its node stopped receiving events after an
		// outage); auto-delete and x-expires remove it once nobody consumes
		return new Queue(EXCHANGE + "." + nodes.thisNodeId(), false, false, true, Map.of("x-expires", 300_000));
	}

	@Bean
	Binding parleyLogBinding(Queue parleyLogQueue, DirectExchange parleyLogExchange, ClusterNodes nodes) {
		return BindingBuilder.bind(parleyLogQueue).to(parleyLogExchange).with(nodes.thisNodeId());
	}

	@Bean
	Peers logPeers(ConnectionFactory connections, ClusterNodes nodes, JsonMapper json, LogsProperties properties) {
		return new Peers(connections, nodes, json, properties.queryBudget().plusSeconds(2));
	}

	@Bean
	SimpleMessageListenerContainer parleyLogListener(ConnectionFactory connections, Queue parleyLogQueue,
			ObjectProvider<LogViewer> viewer, JsonMapper json) {
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
		container.setQueues(parleyLogQueue);
		RabbitTemplate replies = new RabbitTemplate(connections);
		container.setMessageListener((Message question) -> {
			MessageProperties asked = question.getMessageProperties();
			if (asked.getReplyTo() == null) {
				return;
			}
			Question query = json.readValue(question.getBody(), Question.class);
			LogResult result = viewer.getObject().local(query.toQuery());
			MessageProperties answered = new MessageProperties();
			answered.setCorrelationId(asked.getCorrelationId());
			answered.setContentType(MessageProperties.CONTENT_TYPE_JSON);
			replies.send("", asked.getReplyTo(), new Message(json.writeValueAsBytes(result), answered));
		});
		container.setConcurrentConsumers(2);
		return container;
	}

	/** A query as it travels; the regular expression as its text. */
	record Question(Instant from, Instant to, Set<LogLevel> levels, Set<LogType> types, String logger, String text,
			String regex, String correlationId, int limit) {

		static Question of(LogQuery query) {
			return new Question(query.from(), query.to(), query.levels(), query.types(), query.logger(), query.text(),
					(query.pattern() != null) ? query.pattern().pattern() : null, query.correlationId(), query.limit());
		}

		LogQuery toQuery() {
			return new LogQuery(this.from, this.to, this.levels, this.types, null, this.logger, this.text,
					(this.regex != null) ? Pattern.compile(this.regex, Pattern.CASE_INSENSITIVE) : null,
					this.correlationId, this.limit);
		}

	}

	/** Asks the other alive nodes. */
	static final class Peers implements LogPeers, AutoCloseable {

		private static final Logger logger = LoggerFactory.getLogger(Peers.class);

		private final RabbitTemplate rabbit;

		private final ClusterNodes nodes;

		private final JsonMapper json;

		private final ExecutorService asking = Executors.newCachedThreadPool();

		Peers(ConnectionFactory connections, ClusterNodes nodes, JsonMapper json, Duration patience) {
			this.rabbit = new RabbitTemplate(connections);
			this.rabbit.setReplyTimeout(patience.toMillis());
			this.nodes = nodes;
			this.json = json;
		}

		@Override
		public List<LogResult> ask(LogQuery query) {
			String self = this.nodes.thisNodeId();
			byte[] body = this.json.writeValueAsBytes(Question.of(query));
			List<CompletableFuture<LogResult>> answers = new ArrayList<>();
			for (ClusterNodes.Node node : this.nodes.alive()) {
				if (!node.id().equals(self) && (query.node() == null || query.node().equals(node.id()))) {
					answers.add(CompletableFuture.supplyAsync(() -> ask(node.id(), body), this.asking));
				}
			}
			return answers.stream().map(CompletableFuture::join).toList();
		}

		private LogResult ask(String node, byte[] body) {
			MessageProperties properties = new MessageProperties();
			properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
			try {
				Message answer = this.rabbit.sendAndReceive(EXCHANGE, node, new Message(body, properties));
				if (answer != null) {
					return this.json.readValue(answer.getBody(), LogResult.class);
				}
				logger.warn("Node {} did not answer a log query in time", node);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not ask node {} for its logs: {}", node, ex.toString());
			}
			return new LogResult(List.of(), false, List.of());
		}

		@Override
		public void close() {
			this.asking.shutdownNow();
		}

	}

}
