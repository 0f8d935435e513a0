package dev.parley.identity.web;

import java.util.List;

import dev.parley.platform.StaffActor;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.identity.internal.ApiTokens;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A user's own API tokens for integrations. */
@RestController
@RequestMapping("/api/v1/tokens")
@RequiresPermission(Permission.TOKEN_MANAGE)
class TokenController {

	private final ApiTokens tokens;

	TokenController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	List<ApiTokens.ApiToken> list(StaffActor owner) {
		return this.tokens.list(owner);
	}

	@PostMapping
	ResponseEntity<CreatedTokenView> create(@Valid @RequestBody TokenForm form, StaffActor owner) {
		ApiTokens.CreatedToken created = this.tokens.create(owner, form.name(), form.expiresInDays());
		ApiTokens.ApiToken token = created.token();
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new CreatedTokenView(token.id(), token.name(), token.prefix(), token.createdAt(), token.expiresAt(),
					created.secret()));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable long id, StaffActor owner) {
		this.tokens.revoke(owner, id);
		return ResponseEntity.noContent().build();
	}

	record TokenForm(@NotBlank @Size(max = 100) String name, @Min(1) @Max(3650) Integer expiresInDays) {
	}

	record CreatedTokenView(long id, String name, String prefix, java.time.Instant createdAt,
			java.time.Instant expiresAt, String token) {
	}

}
