package dev.ignis.engine.internal.boot;

import dev.ignis.api.spi.DriverPlugin;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.config.spi.StandardConverters;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.Type;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.sql.DdlType;
import org.hibernate.type.descriptor.sql.spi.DdlTypeRegistry;

/**
 * Creates string columns with the collation a driver names in {@link DriverPlugin#STRING_COLUMN_COLLATION}
 * (MariaDB/MySQL: a binary NO PAD one), so uniqueness and comparisons inside the database follow the filter
 * semantics. Only column definitions change; casts keep the dialect's type names. Without the setting it does nothing.
 */
public final class StringCollationTypeContributor implements TypeContributor {
    private static final int[] STRING_TYPES = {SqlTypes.CHAR, SqlTypes.VARCHAR, SqlTypes.LONGVARCHAR, SqlTypes.LONG32VARCHAR,
        SqlTypes.NCHAR, SqlTypes.NVARCHAR, SqlTypes.LONGNVARCHAR, SqlTypes.LONG32NVARCHAR, SqlTypes.CLOB, SqlTypes.NCLOB};

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
        String collation = serviceRegistry.requireService(ConfigurationService.class)
                .getSetting(DriverPlugin.STRING_COLUMN_COLLATION, StandardConverters.STRING, null);
        if (collation == null || collation.isBlank()) {
            return;
        }
        if (!collation.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException(DriverPlugin.STRING_COLUMN_COLLATION + " must be a collation name, got '" + collation + "'");
        }
        DdlTypeRegistry ddlTypes = contributions.getTypeConfiguration().getDdlTypeRegistry();
        for (int code : STRING_TYPES) {
            DdlType original = ddlTypes.getDescriptor(code);
            if (original != null) {
                ddlTypes.addDescriptor(code, new Collated(original, " collate " + collation));
            }
        }
    }

    /** The dialect's type with a collation clause after the column type; cast names unchanged. */
    private static final class Collated implements DdlType {
        private final DdlType delegate;
        private final String clause;

        Collated(DdlType delegate, String clause) {
            this.delegate = delegate;
            this.clause = clause;
        }

        @Override
        public int getSqlTypeCode() {
            return delegate.getSqlTypeCode();
        }

        @Override
        public String getRawTypeName() {
            return delegate.getRawTypeName();
        }

        @Override
        public String[] getRawTypeNames() {
            return delegate.getRawTypeNames();
        }

        @Override
        public String getTypeName(Size size, Type type, DdlTypeRegistry registry) {
            return delegate.getTypeName(size, type, registry) + clause;
        }

        @Override
        public String getTypeName(Size size) {
            return delegate.getTypeName(size) + clause;
        }

        @Override
        public String getTypeName(Long size, Integer precision, Integer scale) {
            return delegate.getTypeName(size, precision, scale) + clause;
        }

        @Override
        public boolean isLob(Size size) {
            return delegate.isLob(size);
        }

        @Override
        public String getCastTypeName(JdbcType jdbcType, JavaType<?> javaType) {
            return delegate.getCastTypeName(jdbcType, javaType);
        }

        @Override
        public String getCastTypeName(JdbcType jdbcType, JavaType<?> javaType, Long length, Integer precision, Integer scale) {
            return delegate.getCastTypeName(jdbcType, javaType, length, precision, scale);
        }

        @Override
        public String getCastTypeName(Size size, org.hibernate.metamodel.mapping.SqlExpressible type, DdlTypeRegistry registry) {
            return delegate.getCastTypeName(size, type, registry);
        }

        @Override
        public String getNarrowCastTypeName(Size size, org.hibernate.metamodel.mapping.SqlExpressible type, DdlTypeRegistry registry) {
            return delegate.getNarrowCastTypeName(size, type, registry);
        }

        @Override
        public String getCastTypeName(org.hibernate.metamodel.mapping.SqlExpressible type, Long length, Integer precision, Integer scale) {
            return delegate.getCastTypeName(type, length, precision, scale);
        }
    }
}
