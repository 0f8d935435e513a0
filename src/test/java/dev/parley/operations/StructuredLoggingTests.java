package dev.parley.operations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** One property turns the console log into ECS JSON lines for ELK (R9.1). */
@SpringBootTest(properties = { "logging.structured.format.console=ecs", "parley.test.context=ecs" })
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTests {

	@Test
	void writesEcsJsonLines(CapturedOutput output) {
		LoggerFactory.getLogger("dev.parley.operations").info("structured hello");
		String line = output.getOut().lines().filter((l) -> l.contains("structured hello")).findFirst().orElseThrow();
		assertThat(line).startsWith("{").contains("\"ecs\":{\"version\"").contains("\"log\":{\"level\":\"INFO\"");
	}

}
