package dev.ignis.engine.internal.model;

import dev.ignis.engine.smoke.Item;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated fillers against the loop they replace: same instances, same embeddable rules. */
class RowFillersTest {
    private static SessionFactoryImplementor factory;
    private static ModelDescriptor model;
    private static List<AttributeDescriptor> columns;

    @BeforeAll
    static void describeItem() {
        factory = (SessionFactoryImplementor) new org.hibernate.cfg.Configuration().addAnnotatedClass(Item.class)
                .setProperty("hibernate.connection.url", "jdbc:h2:mem:row-fillers")
                .setProperty("hibernate.dialect", "org.hibernate.dialect.H2Dialect")
                .setProperty("hibernate.boot.allow_jdbc_metadata_access", "false")
                .buildSessionFactory();
        model = ModelIntrospector.describe(Item.class, factory.getMappingMetamodel().getEntityDescriptor(Item.class));
        columns = new ArrayList<>();
        columns.add(model.id());
        for (String key : List.of("code", "createdAt", "group", "createdBy", "modifiedAt", "qty", "secret")) {
            columns.add(model.attribute(key));
        }
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void fillsPropertiesAndEmbeddablesFromTheRowAtItsOffset() {
        RowFiller filler = model.filler(columns);
        assertThat(filler).isNotNull();
        assertThat(filler.getClass().isHidden()).as("generated, not the loop").isTrue();
        assertThat(filler.getClass().getDeclaredFields()).as("its handles are class data constants").isEmpty();
        assertThat(model.filler(new ArrayList<>(columns))).as("built once per column list").isSameAs(filler);

        Instant created = Instant.parse("2026-01-02T03:04:05Z");
        Object[] row = {"ignored", "ignored", "id-1", "C-1", created, "g", "ada", null, 7, "s3cret"};
        Item item = (Item) filler.fill(row, 2);
        assertThat(item.getId()).isEqualTo("id-1");
        assertThat(item.getCode()).isEqualTo("C-1");
        assertThat(item.getGroup()).isEqualTo("g");
        assertThat(item.getQty()).isEqualTo(7);
        assertThat(item.getSecret()).isEqualTo("s3cret");
        assertThat(item.getTz().getCreatedAt()).isEqualTo(created);
        assertThat(item.getTz().getModifiedAt()).as("a null value is left unset").isNull();
        assertThat(item.getAudit().getCreatedBy()).isEqualTo("ada");
    }

    @Test
    void createsAnEmbeddableOnlyWhenOneOfItsPropertiesHasAValue() {
        Item item = (Item) model.filler(columns).fill(new Object[]{"id-2", "C-2", null, null, null, null, null, null}, 0);
        assertThat(item.getId()).isEqualTo("id-2");
        assertThat(item.getTz()).isNull();
        assertThat(item.getAudit()).isNull();
        assertThat(item.getQty()).isNull();
    }

    @Test
    void aNullIdIsNoRow() {
        assertThat(model.filler(columns).fill(new Object[]{null, "C-3", null, null, null, null, null, null}, 0)).isNull();
    }

    @Test
    void aColumnListThatDoesNotStartWithAPlainIdGetsNoFiller() {
        assertThat(RowFillers.generate(model, List.of(model.attribute("createdAt"), model.id()))).isNull();
        assertThat(RowFillers.generate(model, List.of())).isNull();
    }
}
