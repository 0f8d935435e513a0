package dev.parley.agents.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import dev.parley.platform.ApiException;

import org.springframework.http.HttpStatus;

/**
 * Checks an uploaded avatar by its bytes, never by the name or type the client claims: a
 * PNG, JPEG or WebP picture of at most {@value #MAX_BYTES} bytes and {@value #MAX_EDGE}
 * pixels a side. PNG and JPEG are decoded and drawn again as a PNG of at most
 * {@value #EDGE} pixels a side (so nothing but pixels is kept: no metadata, no trailing
 * bytes); WebP, which Java cannot decode, is kept as sent once its header has given sane
 * dimensions.
 */
final class AvatarImage {

	static final int MAX_BYTES = 1024 * 1024;

	static final int MAX_EDGE = 4096;

	static final int EDGE = 256;

	private AvatarImage() {
	}

	/** An avatar ready to store. */
	record Checked(String contentType, byte[] content) {
	}

	static Checked check(byte[] content) {
		if (content == null || content.length == 0) {
			throw ApiException.badRequest("avatar_unreadable", "The file is empty");
		}
		if (content.length > MAX_BYTES) {
			throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "avatar_too_large",
					"An avatar may have at most " + MAX_BYTES + " bytes")
				.with("maxBytes", MAX_BYTES);
		}
		if (isPng(content) || isJpeg(content)) {
			return new Checked("image/png", redraw(content));
		}
		if (isWebp(content)) {
			int[] size = webpSize(content);
			if (size == null || size[0] < 1 || size[1] < 1 || size[0] > MAX_EDGE || size[1] > MAX_EDGE) {
				throw unreadable();
			}
			return new Checked("image/webp", content);
		}
		throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "avatar_type",
				"An avatar must be a PNG, JPEG or WebP picture");
	}

	private static boolean isPng(byte[] b) {
		return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == '\r'
				&& b[5] == '\n' && b[6] == 0x1a && b[7] == '\n';
	}

	private static boolean isJpeg(byte[] b) {
		return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
	}

	private static boolean isWebp(byte[] b) {
		return b.length > 30 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
				&& b[10] == 'B' && b[11] == 'P';
	}

	/** Width and height from a WebP's first chunk (VP8, VP8L or VP8X), or null. */
	private static int[] webpSize(byte[] b) {
		String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
		switch (chunk) {
			case "VP8 ":
				// frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height
				if ((b[23] & 0xff) != 0x9d || (b[24] & 0xff) != 0x01 || (b[25] & 0xff) != 0x2a) {
					return null;
				}
				return new int[] { u16(b, 26) & 0x3fff, u16(b, 28) & 0x3fff };
			case "VP8L":
				if ((b[20] & 0xff) != 0x2f) {
					return null;
				}
				int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
				return new int[] { (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1 };
			case "VP8X":
				return new int[] { u24(b, 24) + 1, u24(b, 27) + 1 };
			default:
				return null;
		}
	}

	private static int u16(byte[] b, int at) {
		return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
	}

	private static int u24(byte[] b, int at) {
		return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
	}

	private static byte[] redraw(byte[] content) {
		BufferedImage source;
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = (input != null) ? ImageIO.getImageReaders(input) : null;
			if (readers == null || !readers.hasNext()) {
				throw unreadable();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				if (reader.getWidth(0) > MAX_EDGE || reader.getHeight(0) > MAX_EDGE) {
					throw ApiException.badRequest("avatar_too_big",
							"An avatar may be at most " + MAX_EDGE + " pixels wide and high");
				}
				source = reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ApiException api) {
				throw api;
			}
			throw unreadable();
		}
		double scale = Math.min(1.0, (double) EDGE / Math.max(source.getWidth(), source.getHeight()));
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

	private static ApiException unreadable() {
		return ApiException.badRequest("avatar_unreadable", "The file is not a picture that can be read");
	}

}
