package dev.parley.conversations.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Programs and scripts, which nobody may send in a conversation: an anonymous visitor's
 * "invoice.exe" would be offered to agents to open. Known by the name's ending and by the
 * bytes (Windows, Linux and macOS programs, Java classes, scripts with a {@code #!}
 * line), whatever type the client claims.
 */
final class Executables {

	private static final Set<String> EXTENSIONS = Set.of("exe", "msi", "msp", "mst", "bat", "cmd", "com", "cpl", "scr",
			"pif", "js", "jse", "mjs", "vbs", "vbe", "wsf", "wsh", "hta", "ps1", "psm1", "psd1", "reg", "lnk", "inf",
			"jar", "class", "apk", "aab", "xapk", "ipa", "app", "dmg", "pkg", "deb", "rpm", "run", "bin", "sh", "bash",
			"csh", "ksh", "zsh", "command", "dll", "so", "dylib", "sys", "drv", "ocx", "gadget", "msc", "appx", "msix",
			"appxbundle", "msixbundle", "xap", "elf", "out", "scf", "url", "iso", "img", "vhd", "vhdx", "vb", "ws",
			"wsc", "sct", "slk", "iqy", "desktop", "py", "pyw", "pl", "rb", "php", "html", "htm", "xhtml", "svg", "mht",
			"mhtml", "settingcontent-ms", "library-ms", "application", "xbap", "chm", "hlp");

	private static final Set<String> CONTENT_TYPES = Set.of("application/x-msdownload", "application/x-dosexec",
			"application/x-ms-installer", "application/x-executable", "application/x-elf", "application/x-sharedlib",
			"application/x-mach-o", "application/x-mach-o-executable", "application/x-java-applet",
			"application/java-vm", "application/java-archive", "application/vnd.android.package-archive",
			"application/x-sh", "application/x-shellscript", "application/x-bat", "application/javascript",
			"text/javascript", "application/x-apple-diskimage", "application/x-iso9660-image");

	private Executables() {
	}

	/**
	 * @return whether the name ends like a program or script ("report.pdf.exe", "run.sh",
	 * also "setup.exe." and "setup.exe " which Windows opens as "setup.exe")
	 */
	static boolean byName(String fileName) {
		String name = (fileName != null) ? fileName.strip().toLowerCase(Locale.ROOT) : "";
		while (name.endsWith(".") || name.endsWith(" ")) {
			name = name.substring(0, name.length() - 1);
		}
		int dot = name.lastIndexOf('.');
		return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1));
	}

	/**
	 * @return whether a zip archive (or an office document, which is one) holds a program
	 * or script by its entries' names: an archive is allowed, a program packed in one is
	 * not. Only the names are read, nothing is extracted; what cannot be read as a zip is
	 * not judged here.
	 */
	static boolean inArchive(byte[] content) {
		try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
				new java.io.ByteArrayInputStream(content))) {
			for (java.util.zip.ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				String name = entry.getName();
				if (!entry.isDirectory() && byName(UploadInspector.cleanName(name))) {
					return true;
				}
			}
			return false;
		}
		catch (java.io.IOException | IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * @return whether the bytes (or the type detected from them) are a program: the MZ
	 * header of Windows programs, ELF, Mach-O, a Java class, or a {@code #!} script
	 */
	static boolean byContent(byte[] content, String detectedType) {
		if (CONTENT_TYPES.contains(detectedType)) {
			return true;
		}
		if (content.length >= 2
				&& ((content[0] == 'M' && content[1] == 'Z') || (content[0] == '#' && content[1] == '!'))) {
			return true;
		}
		if (content.length >= 4) {
			int magic = ((content[0] & 0xff) << 24) | ((content[1] & 0xff) << 16) | ((content[2] & 0xff) << 8)
					| (content[3] & 0xff);
			return magic == 0x7f454c46 // ELF
					|| magic == 0xfeedface || magic == 0xfeedfacf || magic == 0xcefaedfe || magic == 0xcffaedfe // Mach-O
					|| magic == 0xcafebabe; // Java class, universal Mach-O
		}
		return false;
	}

}
