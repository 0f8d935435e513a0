package dev.parley.agents.internal;

import java.awt.image.BufferedImage;

import dev.parley.platform.ApiException;
import dev.parley.platform.Pictures;

import org.springframework.http.HttpStatus;

/**
 * Checks an uploaded avatar by its bytes, never by the name or type the client claims: a
 * PNG or JPEG picture of at most {@value #MAX_BYTES} bytes and {@value #MAX_EDGE} pixels
 * a side, decoded and drawn again as a PNG of at most {@value #EDGE} pixels a side, so
 * nothing but pixels is kept (no metadata such as a location, no trailing bytes): the
 * picture is served publicly. WebP is refused, because Java cannot decode it to redraw
 * it, and kept as sent it could carry metadata or anything after its header.
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
		throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "avatar_type",
				"An avatar must be a PNG or JPEG picture");
	}

	private static boolean isPng(byte[] b) {
		return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == '\r'
				&& b[5] == '\n' && b[6] == 0x1a && b[7] == '\n';
	}

	private static boolean isJpeg(byte[] b) {
		return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
	}

	private static byte[] redraw(byte[] content) {
		if (!Pictures.size(content).orElseThrow(AvatarImage::unreadable).within(MAX_EDGE)) {
			throw ApiException.badRequest("avatar_too_big",
					"An avatar may be at most " + MAX_EDGE + " pixels wide and high");
		}
		BufferedImage source = Pictures.read(content, MAX_EDGE).orElseThrow(AvatarImage::unreadable);
		return Pictures.pngWithin(source, EDGE);
	}

	private static ApiException unreadable() {
		return ApiException.badRequest("avatar_unreadable", "The file is not a picture that can be read");
	}

}
