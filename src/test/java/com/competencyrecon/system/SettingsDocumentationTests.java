package com.competencyrecon.system;

import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code recon.*} property has metadata (the configuration processor's, from the settings' javadoc, and the
 * few read through the environment) and a line in the README's settings table.
 */
class SettingsDocumentationTests {

    static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

    @Test
    void everyReconPropertyHasADescriptionAndIsInTheReadme() throws IOException {
        String metadata = Files.readString(METADATA, StandardCharsets.UTF_8);
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String settings = readme.substring(readme.indexOf("## Settings"));

        List<String> names = new ArrayList<>();
        for (Object item : (List<?>) JsonParserFactory.getJsonParser().parseMap(metadata).get("properties")) {
            Map<?, ?> property = (Map<?, ?>) item;
            String name = (String) property.get("name");
            if (!name.startsWith("recon.")) {
                continue;
            }
            names.add(name);
            assertThat((String) property.get("description")).as(name + " has a description").isNotBlank();
            assertThat(settings).as(name + " is in the README's settings table").contains("| `" + name);
        }
        assertThat(names).contains("recon.zone", "recon.health.max-night-age", "recon.metrics.push.url",
                "recon.command", "recon.api.users");
    }
}
