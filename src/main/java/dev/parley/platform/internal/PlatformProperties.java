package dev.parley.platform.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the web layer.
 *
 * @param maxRequestBody the largest JSON request body the API accepts
 * @param maxUploadBody the largest multipart (file upload) request body; the
 * {@code attachment.maxMegabytes} setting limits single files below that
 */
@ConfigurationProperties("parley.http")
record PlatformProperties(@DefaultValue("1MB") DataSize maxRequestBody, @DefaultValue("52MB") DataSize maxUploadBody) {
}
