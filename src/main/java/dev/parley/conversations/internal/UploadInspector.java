package dev.parley.conversations.internal;

import java.awt.image.BufferedImage;
import java.util.Set;

import dev.parley.platform.ApiException;
import dev.parley.platform.Pictures;

import org.apache.tika.Tika;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Decides what an uploaded file really is from its bytes (never from the name or type the
 * client claims), refuses programs and scripts (by name and by bytes,
 * {@link Executables}) and every type outside the allowed kinds (so nothing a browser
 * could run: HTML, SVG), and makes a thumbnail of images.
 */
@Component
class UploadInspector {

	static final int THUMBNAIL_EDGE = 320;

	private static final long MAX_PIXELS = 40_000_000L;

	/**
	 * Characters of a stored file name; a longer one keeps its end, with the extension.
	 */
	private static final int MAX_NAME = 200;

	private final Tika tika = new Tika();

	/** What a file is, and its thumbnail when it is an image Parley can read. */
	record Inspected(String contentType, boolean image, Integer width, Integer height, byte[] thumbnail) {
	}

	/**
	 * @param allowed the kinds of file the sender may send (a channel's allow-list for
	 * visitors)
	 * @throws ApiException 415 for a program or script (by name or by content) and for a
	 * file of a kind not allowed
	 */
	Inspected inspect(String fileName, byte[] content, Set<FileKind> allowed) {
		String type = this.tika.detect(content);
		// judged by the name as it will be stored and shown (an invisible character after
		// ".js" must not hide the ending)
		if (Executables.byName(cleanName(fileName)) || Executables.byContent(content, type)
				|| (isZip(content) && Executables.inArchive(content))) {
			throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "executable_refused",
					"Programs and scripts cannot be sent")
				.with("allowed", allowed.stream().map(FileKind::value).toList());
		}
		FileKind kind = FileKind.ofContentType(type);
		if (kind == null || !allowed.contains(kind)) {
			throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
					"Files of type " + type + " cannot be sent here")
				.with("allowed", allowed.stream().map(FileKind::value).toList());
		}
		if (type.startsWith("image/")) {
			Inspected image = image(type, content);
			if (image != null) {
				return image;
			}
		}
		return new Inspected(type, false, null, null, null);
	}

	/**
	 * A file name safe to store, to show and to put into a download header: no path, no
	 * quote, and none of the invisible characters that change how a name reads
	 * ({@code invoice\u202Egnp.zip} shows as "invoicepiz.png"): control and format
	 * characters (bidi overrides and isolates, zero-width characters, the byte order
	 * mark), line and paragraph separators, and halves of surrogate pairs.
	 */
	private static boolean isZip(byte[] b) {
		return b.length > 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
	}

	static String cleanName(String name) {
		String base = (name != null) ? name : "";
		base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
		StringBuilder clean = new StringBuilder();
		base.codePoints().filter((c) -> c != '"' && visible(c)).forEach(clean::appendCodePoint);
		String result = clean.toString().strip();
		if (result.isEmpty()) {
			result = "file";
		}
		int length = result.codePointCount(0, result.length());
		return (length > MAX_NAME) ? result.substring(result.offsetByCodePoints(0, length - MAX_NAME)) : result;
	}

	private static boolean visible(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.SURROGATE ->
				false;
			default -> true;
		};
	}

	private static Inspected image(String type, byte[] content) {
		return Pictures.read(content, (size) -> size.pixels() <= MAX_PIXELS)
			.map((source) -> new Inspected(type, true, source.getWidth(), source.getHeight(), thumbnail(source)))
			.orElse(null);
	}

	private static byte[] thumbnail(BufferedImage source) {
		return Pictures.pngWithin(source, THUMBNAIL_EDGE);
	}

}
