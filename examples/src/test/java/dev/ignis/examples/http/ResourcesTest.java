package dev.ignis.examples.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResourcesTest {
    @Test
    void repositoryNamesBecomePluralKebabCasePaths() {
        assertThat(Resources.pathFor("UserRepository")).isEqualTo("users");
        assertThat(Resources.pathFor("ConfigurationRepository")).isEqualTo("configurations");
        assertThat(Resources.pathFor("AuditEventRepository")).isEqualTo("audit-events");
        assertThat(Resources.pathFor("CategoryRepository")).isEqualTo("categories");
        assertThat(Resources.pathFor("AddressRepository")).isEqualTo("addresses");
        assertThat(Resources.pathFor("KeyRepository")).isEqualTo("keys");
        assertThat(Resources.pathFor("HTTPLogRepository")).isEqualTo("http-logs");
    }
}
