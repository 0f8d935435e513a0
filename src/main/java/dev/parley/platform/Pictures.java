package dev.parley.platform;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Predicate;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Pictures drawn again: what the server keeps or serves of an uploaded image is its
 * pixels only (no metadata, nothing after the image data).
 */
public final class Pictures {

	private Pictures() {
	}

	/** A picture's size as its header states it. */
	public record Size(int width, int height) {

		public boolean within(int edge) {
			return this.width <= edge && this.height <= edge;
		}

		public long pixels() {
			return (long) this.width * this.height;
		}

	}

	/**
	 * The size its header states, if Java can read it as a picture; nothing is decoded.
	 */
	public static Optional<Size> size(byte[] content) {
		return withReader(content, (reader) -> Optional.of(new Size(reader.getWidth(0), reader.getHeight(0))));
	}

	/**
	 * The picture Java can decode (PNG, JPEG, GIF, BMP), if its size, read from its
	 * header before anything is decoded (so a small file that claims a huge picture is
	 * never expanded), is {@code acceptable}; empty when it cannot be read or is not.
	 */
	public static Optional<BufferedImage> read(byte[] content, Predicate<Size> acceptable) {
		return withReader(content, (reader) -> acceptable.test(new Size(reader.getWidth(0), reader.getHeight(0)))
				? Optional.ofNullable(reader.read(0)) : Optional.empty());
	}

	private interface ReaderUse<T> {

		Optional<T> apply(ImageReader reader) throws IOException;

	}

	private static <T> Optional<T> withReader(byte[] content, ReaderUse<T> use) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = (input != null) ? ImageIO.getImageReaders(input) : null;
			if (readers == null || !readers.hasNext()) {
				return Optional.empty();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				return use.apply(reader);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * {@link #read(byte[], Predicate)} of a picture at most {@code maxEdge} pixels a
	 * side.
	 */
	public static Optional<BufferedImage> read(byte[] content, int maxEdge) {
		return read(content, (size) -> size.within(maxEdge));
	}

	/**
	 * The picture drawn again as a PNG that fits a square of {@code edge} pixels (never
	 * enlarged).
	 */
	public static byte[] pngWithin(BufferedImage source, int edge) {
		double scale = Math.min(1.0, (double) edge / Math.max(source.getWidth(), source.getHeight()));
		int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
		BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D graphics = scaled.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(scaled, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
