package dev.parley.notifications.internal;

/**
 * A template's three texts, as shipped or as an administrator changed them: Mustache with
 * {@code {{value}}}, {@code {{#list}}...{{/list}}} and {@code {{^value}}...{{/value}}}.
 */
public record TemplateTexts(String subject, String html, String text) {
}
