package dev.parley.conversations.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kinds of file a channel's visitors may send (its allow-list), each by the types
 * Parley detects from the file's bytes and by the name endings the widget offers.
 * Programs are none of these kinds and are refused whatever a channel allows
 * ({@link Executables}).
 */
public enum FileKind {

	IMAGES(Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp"),
			List.of(".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp")),

	PDF(Set.of("application/pdf"), List.of(".pdf")),

	OFFICE(Set.of("application/x-tika-ooxml", "application/x-tika-msoffice", "application/msword",
			"application/vnd.ms-excel", "application/vnd.ms-powerpoint",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation"),
			List.of(".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx")),

	TEXT(Set.of("text/plain", "text/csv"), List.of(".txt", ".csv", ".log")),

	ARCHIVES(Set.of("application/zip", "application/gzip", "application/x-7z-compressed"),
			List.of(".zip", ".gz", ".7z")),

	MEDIA(Set.of("audio/mpeg", "audio/mp4", "video/mp4", "video/quicktime"), List.of(".mp3", ".m4a", ".mp4", ".mov"));

	/** What a channel allows unless its administrator chose otherwise. */
	public static final Set<FileKind> DEFAULT = EnumSet.of(IMAGES, PDF, OFFICE, TEXT, ARCHIVES);

	private final Set<String> contentTypes;

	private final List<String> extensions;

	FileKind(Set<String> contentTypes, List<String> extensions) {
		this.contentTypes = contentTypes;
		this.extensions = extensions;
	}

	/**
	 * @return the name stored and sent to clients
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @return the kind of this name, or null when there is none
	 */
	public static FileKind of(String value) {
		for (FileKind kind : values()) {
			if (kind.value().equals(value)) {
				return kind;
			}
		}
		return null;
	}

	/**
	 * @return the kind a detected content type belongs to, or null for none
	 */
	static FileKind ofContentType(String contentType) {
		for (FileKind kind : values()) {
			if (kind.contentTypes.contains(contentType)) {
				return kind;
			}
		}
		return null;
	}

	/** Name endings of this kind, for the file picker's {@code accept}. */
	public List<String> extensions() {
		return this.extensions;
	}

	/**
	 * @return the names as kinds (unknown names are skipped)
	 */
	static Set<FileKind> parse(List<String> names) {
		Set<FileKind> kinds = EnumSet.noneOf(FileKind.class);
		for (String value : names) {
			FileKind kind = of(value);
			if (kind != null) {
				kinds.add(kind);
			}
		}
		return kinds;
	}

	/**
	 * @return the names of the default kinds
	 */
	static List<String> defaultNames() {
		return DEFAULT.stream().map(FileKind::value).toList();
	}

}
