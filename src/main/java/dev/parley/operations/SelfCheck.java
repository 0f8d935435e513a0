package dev.parley.operations;

/**
 * One check of the administrators' self-check page (R3.2, "verify that every function
 * works"). Any module contributes one by declaring a bean of this type; the page runs
 * every check in parallel, each within a time limit (a check that does not answer in time
 * is reported as {@link SelfCheckStatus#FAILED}), and shows its title, status, detail and
 * fix hint in the reader's language.
 *
 * <p>
 * Texts are keys of the message bundles ({@code i18n/messages*.properties}), in all three
 * languages: the title is {@code selfCheck.<key>.title}; the detail and the fix hint are
 * the keys the result names, with {@code {name}} placeholders filled from its arguments.
 *
 * <pre>
 * &#64;Component
 * class BackupDirectoryCheck implements SelfCheck {
 *
 * 	public String key() {
 * 		return "backup-directory";
 * 	}
 *
 * 	public SelfCheckResult run(SelfCheckContext context) {
 * 		if (Files.isWritable(this.directory)) {
 * 			return SelfCheckResult.ok("selfCheck.backup-directory.writable", "path", this.directory);
 * 		}
 * 		return SelfCheckResult.failed("selfCheck.backup-directory.notWritable", "path", this.directory)
 * 			.withFix("selfCheck.backup-directory.fix");
 * 	}
 *
 * }
 * </pre>
 */
public interface SelfCheck {

	/**
	 * @return a stable name, lower case with dashes (e.g. {@code database}), unique among
	 * the checks; it names the check in the API's answer and its texts
	 */
	String key();

	/**
	 * Runs the check on a worker thread. It may block (a network call, a query) but
	 * should answer within a few seconds; an exception it throws is reported as
	 * {@link SelfCheckStatus#FAILED} with the exception's message.
	 */
	SelfCheckResult run(SelfCheckContext context);

}
