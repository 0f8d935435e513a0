package dev.parley.notifications.web;

import java.security.Principal;
import java.util.List;

import dev.parley.notifications.internal.SmsGateway;
import dev.parley.notifications.internal.SmsGatewaySettings;
import dev.parley.notifications.internal.SmsPresets;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMS gateway of the installation: read it (secrets masked), change it, try it with
 * one message, and the providers' request shapes to start from. System settings, so
 * guarded by {@code notification.manage}.
 */
@RestController
@RequestMapping("/api/v1/sms-gateway")
@RequiresPermission(Permission.NOTIFICATION_MANAGE)
class SmsGatewayController {

	private final SmsGatewaySettings gateway;

	SmsGatewayController(SmsGatewaySettings gateway) {
		this.gateway = gateway;
	}

	@GetMapping
	GatewayView get() {
		return GatewayView.of(this.gateway.masked());
	}

	@PutMapping
	GatewayView update(@RequestBody SmsGatewaySettings.Input input, Principal principal) {
		return GatewayView.of(this.gateway.update(input, principal.getName()));
	}

	@PostMapping("/test")
	SmsGatewaySettings.TestOutcome test(@RequestBody TestRequest request, Principal principal) {
		return this.gateway.test(request.phone(), request.text(), principal.getName());
	}

	@GetMapping("/presets")
	List<PresetView> presets() {
		return this.gateway.presets().stream().map(PresetView::of).toList();
	}

	/** A test message: the phone number it goes to and, optionally, its text. */
	record TestRequest(String phone, String text) {
	}

	/** A header or parameter; a secret one's value is the mask. */
	record EntryView(String name, String value, boolean secret) {

		static List<EntryView> of(List<SmsGateway.Entry> entries) {
			return entries.stream().map((entry) -> new EntryView(entry.name(), entry.value(), entry.secret())).toList();
		}

	}

	record GatewayView(boolean enabled, String preset, String url, String method, List<EntryView> headers,
			List<EntryView> parameters, String contentType, String bodyTemplate, String sender, String successPointer,
			String successValue, String successSubstring, String messageIdPointer, int timeoutSeconds,
			boolean allowPrivateNetwork) {

		static GatewayView of(SmsGateway gateway) {
			return new GatewayView(gateway.enabled(), gateway.preset(), gateway.url(), gateway.method().name(),
					EntryView.of(gateway.headers()), EntryView.of(gateway.parameters()), gateway.contentType().value(),
					gateway.bodyTemplate(), gateway.sender(), gateway.successPointer(), gateway.successValue(),
					gateway.successSubstring(), gateway.messageIdPointer(), gateway.timeoutSeconds(),
					gateway.allowPrivateNetwork());
		}

	}

	record PresetView(String name, String url, String method, List<EntryView> headers, List<EntryView> parameters,
			String contentType, String bodyTemplate, String successPointer, String successValue,
			String successSubstring, String messageIdPointer) {

		static PresetView of(SmsPresets.SmsPreset preset) {
			return new PresetView(preset.name(), preset.url(), preset.method().name(), EntryView.of(preset.headers()),
					EntryView.of(preset.parameters()), preset.contentType().value(), preset.bodyTemplate(),
					preset.successPointer(), preset.successValue(), preset.successSubstring(),
					preset.messageIdPointer());
		}

	}

}
