package dev.parley.analytics.internal.evaluation;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quality checklist conversations are evaluated against: items with a name, an
 * optional description, a weight (1-10) and a position, each enabled or not. An item that
 * evaluations used is disabled when removed, so that they keep it; every change is
 * audited.
 */
@Service
public class Checklist {

	static final int NAME_MAX = 80;

	static final int DESCRIPTION_MAX = 300;

	static final int WEIGHT_MAX = 10;

	static final int POSITION_MAX = 10_000;

	private final EvaluationRepository repository;

	private final AuditLog audit;

	private final Clock clock;

	Checklist(EvaluationRepository repository, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	/** An item as the API shows it. */
	public record Item(long id, String name, String description, int weight, int position, boolean enabled) {

		static Item of(EvaluationRepository.Item item) {
			return new Item(item.id(), item.name(), item.description(), item.weight(), item.position(), item.enabled());
		}

	}

	/**
	 * What is sent to add or change an item; a field left out keeps its value (or, for a
	 * new item: no description, weight 1, last position, enabled); an empty description
	 * clears it.
	 */
	public record Form(String name, String description, Integer weight, Integer position, Boolean enabled) {
	}

	/**
	 * What removing an item did: deleted it, or disabled it because evaluations used it.
	 */
	public record Removal(boolean deleted, Item item) {
	}

	/** Every item, enabled or not, in the checklist's order. */
	public List<Item> items() {
		return this.repository.items().stream().map(Item::of).toList();
	}

	@Transactional
	public Item create(Form form, StaffActor actor) {
		String name = check(form, null);
		List<EvaluationRepository.Item> items = this.repository.items();
		int position = (form.position() != null) ? form.position()
				: items.stream().mapToInt(EvaluationRepository.Item::position).max().orElse(0) + 1;
		EvaluationRepository.Item item = new EvaluationRepository.Item(0, name, description(form),
				(form.weight() != null) ? form.weight() : 1, position, form.enabled() == null || form.enabled());
		long id = save(() -> this.repository.insertItem(item, this.clock.millis()));
		Item created = get(id);
		this.audit.record(actor.username(), "evaluation.item.created", name, AuditResult.SUCCESS, describe(created));
		return created;
	}

	@Transactional
	public Item update(long id, Form form, StaffActor actor) {
		Item before = get(id);
		String name = check(form, before);
		EvaluationRepository.Item item = new EvaluationRepository.Item(id, name,
				(form.description() != null) ? description(form) : before.description(),
				(form.weight() != null) ? form.weight() : before.weight(),
				(form.position() != null) ? form.position() : before.position(),
				(form.enabled() != null) ? form.enabled() : before.enabled());
		save(() -> {
			this.repository.updateItem(item, this.clock.millis());
			return id;
		});
		Item after = get(id);
		this.audit.record(actor.username(), "evaluation.item.updated", name, AuditResult.SUCCESS,
				describe(before) + " -> " + describe(after));
		return after;
	}

	/** Deletes an item no evaluation used, or disables one that evaluations did. */
	@Transactional
	public Removal remove(long id, StaffActor actor) {
		Item item = get(id);
		if (this.repository.itemUsed(id)) {
			this.repository.updateItem(new EvaluationRepository.Item(id, item.name(), item.description(), item.weight(),
					item.position(), false), this.clock.millis());
			this.audit.record(actor.username(), "evaluation.item.disabled", item.name(), AuditResult.SUCCESS,
					describe(item));
			return new Removal(false, get(id));
		}
		this.repository.deleteItem(id);
		this.audit.record(actor.username(), "evaluation.item.deleted", item.name(), AuditResult.SUCCESS,
				describe(item));
		return new Removal(true, item);
	}

	Item get(long id) {
		return this.repository.item(id).map(Item::of).orElseThrow(() -> ApiException.notFound("Checklist item"));
	}

	/** Checks the form; returns the name, stripped. */
	private String check(Form form, Item before) {
		if (form == null || form.name() == null || form.name().isBlank()) {
			throw ApiException.invalid("name", "is required");
		}
		String name = form.name().strip();
		if (name.length() > NAME_MAX) {
			throw ApiException.invalid("name", "must be at most 80 characters");
		}
		if (name.chars().anyMatch(Character::isISOControl)) {
			throw ApiException.invalid("name", "must be on one line");
		}
		if (form.description() != null && form.description().strip().length() > DESCRIPTION_MAX) {
			throw ApiException.invalid("description", "must be at most 300 characters");
		}
		if (form.weight() != null && (form.weight() < 1 || form.weight() > WEIGHT_MAX)) {
			throw ApiException.invalid("weight", "must be 1 to 10");
		}
		if (form.position() != null && (form.position() < 0 || form.position() > POSITION_MAX)) {
			throw ApiException.invalid("position", "must be 0 to 10000");
		}
		String lower = name.toLowerCase(Locale.ROOT);
		boolean taken = this.repository.items()
			.stream()
			.anyMatch((other) -> (before == null || other.id() != before.id())
					&& other.name().toLowerCase(Locale.ROOT).equals(lower));
		if (taken) {
			throw taken();
		}
		return name;
	}

	private static String description(Form form) {
		if (form.description() == null || form.description().isBlank()) {
			return null;
		}
		return form.description().strip();
	}

	private static long save(java.util.function.LongSupplier write) {
		try {
			return write.getAsLong();
		}
		catch (DuplicateKeyException ex) {
			throw taken();
		}
	}

	private static ApiException taken() {
		return ApiException.conflict("evaluation_item_exists", "The checklist has an item of this name already");
	}

	private static String describe(Item item) {
		return item.name() + " (weight " + item.weight() + ", position " + item.position()
				+ (item.enabled() ? "" : ", disabled") + ")";
	}

}
