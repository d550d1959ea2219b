package dev.ignis.api.model;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantsTest {

    @Test
    void runSetsTheTenantForItsBlockOnlyAndNests() {
        assertThat(Tenants.overridden()).isEmpty();
        Tenants.run("a", () -> {
            assertThat(Tenants.overridden()).contains("a");
            Tenants.run("b", () -> assertThat(Tenants.overridden()).contains("b"));
            assertThat(Tenants.overridden()).contains("a");
            assertThat(Tenants.allTenants()).isFalse();
        });
        assertThat(Tenants.overridden()).isEmpty();
    }

    @Test
    void allIsTheBypassAndRunNarrowsInsideIt() {
        assertThat(Tenants.all(() -> Tenants.allTenants())).isTrue();
        assertThat(Tenants.all(() -> Tenants.run("c", () -> Tenants.overridden()))).isEqualTo(Optional.of("c"));
        assertThat(Tenants.run("c", () -> Tenants.all(Tenants::overridden))).isEmpty();
        assertThat(Tenants.allTenants()).isFalse();
    }

    @Test
    void aFailingBlockRestoresTheOuterTenant() {
        Tenants.run("a", () -> {
            assertThatThrownBy(() -> Tenants.run("b", (Runnable) () -> {
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(Tenants.overridden()).contains("a");
        });
        assertThatThrownBy(() -> Tenants.run(null, () -> 1)).isInstanceOf(NullPointerException.class);
    }
}
