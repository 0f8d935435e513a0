package dev.parley.notifications.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import java.net.http.HttpResponse;

/**
 * Reads at most {@link #LIMIT} bytes of an answer and stops there: a gateway's answer is
 * read only for a success test and an id, and a huge or endless one must not fill the
 * memory.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

	static final int LIMIT = 64 * 1024;

	private final CompletableFuture<byte[]> body = new CompletableFuture<>();

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private Flow.Subscription subscription;

	@Override
	public CompletionStage<byte[]> getBody() {
		return this.body;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> buffers) {
		if (this.body.isDone()) {
			return;
		}
		for (ByteBuffer buffer : buffers) {
			int take = Math.min(buffer.remaining(), LIMIT - this.bytes.size());
			byte[] chunk = new byte[take];
			buffer.get(chunk);
			this.bytes.write(chunk, 0, take);
			if (this.bytes.size() >= LIMIT) {
				this.subscription.cancel();
				this.body.complete(this.bytes.toByteArray());
				return;
			}
		}
	}

	@Override
	public void onError(Throwable failure) {
		this.body.completeExceptionally(failure);
	}

	@Override
	public void onComplete() {
		this.body.complete(this.bytes.toByteArray());
	}

}
