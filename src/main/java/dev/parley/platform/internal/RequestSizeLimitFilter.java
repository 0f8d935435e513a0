package dev.parley.platform.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies over the configured size with {@code 413 payload_too_large}:
 * at once when the declared length is too big, and while reading when a chunked body
 * grows past the limit, so an oversize body is never read into memory.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final long uploadLimit;

	private final ProblemWriter problems;

	RequestSizeLimitFilter(long limit, long uploadLimit, ProblemWriter problems) {
		this.limit = limit;
		this.uploadLimit = uploadLimit;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		long allowed = (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/"))
				? this.uploadLimit : this.limit;
		if (request.getContentLengthLong() > allowed) {
			this.problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
					"The request body is larger than " + allowed + " bytes");
			return;
		}
		chain.doFilter(new LimitedRequest(request, allowed), response);
	}

	/**
	 * Thrown from the body stream when a body outgrows the limit; {@link ProblemHandling}
	 * answers it (also when a JSON reader wrapped it) with {@code 413}.
	 */
	static final class BodyTooLarge extends RuntimeException {

		BodyTooLarge() {
			super("Request body too large");
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				ServletInputStream in = super.getInputStream();
				this.stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						if (n > 0) {
							count(n);
						}
						return n;
					}

					private void count(int n) {
						this.read += n;
						if (this.read > LimitedRequest.this.limit) {
							throw new BodyTooLarge();
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}

				};
			}
			return this.stream;
		}

	}

}
