package dev.ignis.engine.internal.boot;

import jakarta.persistence.AccessType;
import org.hibernate.boot.jaxb.Origin;
import org.hibernate.boot.jaxb.SourceType;
import org.hibernate.boot.jaxb.mapping.spi.JaxbAttributesContainerImpl;
import org.hibernate.boot.jaxb.mapping.spi.JaxbEntityImpl;
import org.hibernate.boot.jaxb.mapping.spi.JaxbEntityMappingsImpl;
import org.hibernate.boot.jaxb.mapping.spi.JaxbTransientImpl;
import org.hibernate.boot.jaxb.spi.Binding;

import java.util.List;
import java.util.Map;

/**
 * The mapping that marks every relation field transient, so Hibernate leaves it unmapped and the engine fills it.
 * It is handed to Hibernate as the objects an {@code orm.xml} binds to, not as XML: parsing XML makes Hibernate build
 * a JAXB context for the whole orm schema on every start, which was a large share of a datasource's start in a warm JVM.
 */
final class TransientRelations {
    private TransientRelations() {
    }

    /** The binding for {@code relationFields} (model to its relation field names), or null when there are none. */
    static Binding<JaxbEntityMappingsImpl> binding(Map<Class<?>, List<String>> relationFields) {
        if (relationFields.isEmpty()) {
            return null;
        }
        JaxbEntityMappingsImpl mappings = new JaxbEntityMappingsImpl();
        mappings.setVersion("3.2");
        relationFields.forEach((model, names) -> {
            JaxbAttributesContainerImpl attributes = new JaxbAttributesContainerImpl();
            for (String name : names) {
                JaxbTransientImpl field = new JaxbTransientImpl();
                field.setName(name);
                attributes.getTransients().add(field);
            }
            JaxbEntityImpl entity = new JaxbEntityImpl();
            entity.setClazz(model.getName());
            entity.setAccess(AccessType.FIELD);
            entity.setMetadataComplete(false);
            entity.setAttributes(attributes);
            mappings.getEntities().add(entity);
        });
        return new Binding<>(mappings, new Origin(SourceType.OTHER, "Ignis relation fields"));
    }
}
