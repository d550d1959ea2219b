package dev.ignis.engine.internal.model;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.error.ModelException;
import dev.ignis.api.model.DeletedAt;
import dev.ignis.api.model.DeletedAtColumn;
import dev.ignis.api.model.DeletedBy;
import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.engine.Engine;
import dev.ignis.engine.smoke.TestH2Driver;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Soft delete declared on a column ({@link DeletedAt}, {@link DeletedBy}) or on the model ({@code softDelete = true}):
 * what is accepted, and every declaration error, which names the model and the property.
 */
class SoftDeleteDeclarationTest {

    @Model
    @Entity(name = "Marked")
    @Table(name = "sd_marked")
    public static class Marked extends StringIdEntity {
        @DeletedAt
        LocalDateTime removedAt;
        @DeletedBy
        @Column(length = 64)
        String removedBy;
        String deletedBy;
    }

    @Model(softDelete = true)
    @Entity(name = "FlagAndMarkOnOneColumn")
    @Table(name = "sd_flag_and_mark")
    public static class FlagAndMarkOnOneColumn extends StringIdEntity {
        @DeletedAt
        Instant deletedAt;
    }

    @Model(softDelete = true)
    @Entity(name = "Flag")
    @Table(name = "sd_flag")
    public static class Flag extends StringIdEntity {
        @Embedded
        DeletedAtColumn deleted;
        String deletedBy;
    }

    @Model
    @Entity(name = "NotTemporal")
    @Table(name = "sd_not_temporal")
    public static class NotTemporal extends StringIdEntity {
        @DeletedAt
        String removedAt;
    }

    @Model
    @Entity(name = "NotNullable")
    @Table(name = "sd_not_nullable")
    public static class NotNullable extends StringIdEntity {
        @DeletedAt
        @Column(nullable = false)
        Instant removedAt;
    }

    @Model
    @Entity(name = "TwoColumns")
    @Table(name = "sd_two")
    public static class TwoColumns extends StringIdEntity {
        @DeletedAt
        Instant removedAt;
        @DeletedAt
        Instant archivedAt;
    }

    @Model
    @Entity(name = "MarkAndEnricher")
    @Table(name = "sd_mark_and_enricher")
    public static class MarkAndEnricher extends StringIdEntity {
        @Embedded
        DeletedAtColumn deleted;
        @DeletedAt
        Instant removedAt;
    }

    @Model(softDelete = true)
    @Entity(name = "MarkAndFlag")
    @Table(name = "sd_mark_and_flag")
    public static class MarkAndFlag extends StringIdEntity {
        Instant deletedAt;
        @DeletedAt
        Instant removedAt;
    }

    @Model(softDelete = true)
    @Entity(name = "FlagWithoutColumn")
    @Table(name = "sd_flag_without_column")
    public static class FlagWithoutColumn extends StringIdEntity {
        String deletedAt;
    }

    @Model
    @Entity(name = "DeletedByWithoutSoftDelete")
    @Table(name = "sd_by_without")
    public static class DeletedByWithoutSoftDelete extends StringIdEntity {
        @DeletedBy
        String removedBy;
    }

    @Model
    @Entity(name = "DeletedByNotString")
    @Table(name = "sd_by_not_string")
    public static class DeletedByNotString extends StringIdEntity {
        @DeletedAt
        Instant removedAt;
        @DeletedBy
        Long removedBy;
    }

    @Model
    @Entity(name = "OnTransient")
    @Table(name = "sd_transient")
    public static class OnTransient extends StringIdEntity {
        Instant archivedAt;
        @DeletedAt
        @Transient
        Instant removedAt;
    }

    private static ModelDescriptor describe(Class<?> model) {
        try (SessionFactoryImplementor factory = (SessionFactoryImplementor) new org.hibernate.cfg.Configuration().addAnnotatedClass(model)
                .setProperty("hibernate.connection.url", "jdbc:h2:mem:soft-delete-declarations")
                .setProperty("hibernate.dialect", "org.hibernate.dialect.H2Dialect")
                .setProperty("hibernate.boot.allow_jdbc_metadata_access", "false")
                .buildSessionFactory()) {
            return ModelIntrospector.describe(model, factory.getMappingMetamodel().getEntityDescriptor(model));
        }
    }

    @Test
    void aMarkedColumnGivesSoftDeleteUnderItsOwnName() {
        ModelDescriptor.Scoping scoping = describe(Marked.class).scoping();
        assertThat(scoping.softDelete()).isTrue();
        assertThat(scoping.deletedAt().key()).isEqualTo("removedAt");
        assertThat(scoping.deletedBy().key()).as("the marked one, not the one named deletedBy").isEqualTo("removedBy");
        assertThat(scoping.hasTenant()).isFalse();
    }

    @Test
    void theFlagFindsDeletedAtAndDeletedByByName() {
        ModelDescriptor.Scoping scoping = describe(Flag.class).scoping();
        assertThat(scoping.deletedAt().key()).isEqualTo("deletedAt");
        assertThat(scoping.deletedAt().embeddable()).isEqualTo(DeletedAtColumn.class);
        assertThat(scoping.deletedBy().key()).isEqualTo("deletedBy");
        assertThat(describe(FlagAndMarkOnOneColumn.class).scoping().deletedAt().key()).as("both forms naming one column agree")
                .isEqualTo("deletedAt");
    }

    @Test
    void aMarkedColumnThatIsNotATimestamp() {
        assertThatThrownBy(() -> describe(NotTemporal.class)).isInstanceOf(ModelException.class)
                .hasMessageContaining("Model NotTemporal").hasMessageContaining("@DeletedAt property 'removedAt' is a String");
    }

    @Test
    void aMarkedColumnThatCannotBeNull() {
        assertThatThrownBy(() -> describe(NotNullable.class)).isInstanceOf(ModelException.class)
                .hasMessageContaining("Model NotNullable").hasMessageContaining("'removedAt' is not nullable");
    }

    @Test
    void twoMarkedColumns() {
        assertThatThrownBy(() -> describe(TwoColumns.class)).isInstanceOf(ModelException.class)
                .hasMessageContaining("Model TwoColumns has two @DeletedAt properties")
                .hasMessageContaining("'removedAt'").hasMessageContaining("'archivedAt'");
    }

    @Test
    void aMarkedColumnBesideTheEnricherOrTheFlagsColumn() {
        assertThatThrownBy(() -> describe(MarkAndEnricher.class)).isInstanceOf(ModelException.class)
                .hasMessageContaining("Model MarkAndEnricher declares its deletion column twice")
                .hasMessageContaining("'removedAt'").hasMessageContaining("DeletedAtColumn enricher");
        assertThatThrownBy(() -> describe(MarkAndFlag.class)).isInstanceOf(ModelException.class)
                .hasMessageContaining("Model MarkAndFlag declares its deletion column twice")
                .hasMessageContaining("'removedAt'").hasMessageContaining("softDelete = true");
    }

    @Test
    void theFlagWithoutATimestampDeletedAt() {
        assertThatThrownBy(() -> describe(FlagWithoutColumn.class)).isInstanceOf(ModelException.class)
                .hasMessageContaining("Model FlagWithoutColumn declares softDelete but has no temporal property 'deletedAt'")
                .hasMessageContaining("@DeletedAt");
    }

    @Test
    void deletedByWithoutSoftDeleteOrNotAString() {
        assertThatThrownBy(() -> describe(DeletedByWithoutSoftDelete.class)).isInstanceOf(ModelException.class)
                .hasMessageContaining("Model DeletedByWithoutSoftDelete marks 'removedBy' @DeletedBy but has no soft delete");
        assertThatThrownBy(() -> describe(DeletedByNotString.class)).isInstanceOf(ModelException.class)
                .hasMessageContaining("Model DeletedByNotString: @DeletedBy property 'removedBy' is a Long");
    }

    @Test
    void aMarkOnAFieldThatIsNotPersistent() {
        assertThatThrownBy(() -> describe(OnTransient.class)).isInstanceOf(ModelException.class)
                .hasMessageContaining("Model OnTransient: @DeletedAt is on field 'removedAt', which is not a persistent property");
    }

    @Test
    void theEngineRefusesToStartOnADeclarationError() {
        Engine.Builder builder = Engine.builder().drivers(new TestH2Driver()).dataSource(new dev.ignis.api.datasource.BaseDataSource(
                DataSourceConfig.named("Declarations").driver("test-h2").url("jdbc:h2:mem:soft-delete-start;DB_CLOSE_DELAY=-1")
                        .schemaAction(SchemaAction.CREATE).models(Marked.class, TwoColumns.class)) {
        });
        Engine engine = builder.build();
        try {
            assertThatThrownBy(engine::start).isInstanceOf(ModelException.class)
                    .hasMessageContaining("Model TwoColumns has two @DeletedAt properties");
        } finally {
            engine.close();
        }
    }
}
