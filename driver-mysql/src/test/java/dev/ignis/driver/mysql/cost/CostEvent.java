package dev.ignis.driver.mysql.cost;

import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * An event of a {@link CostParent}. Each table's index on (parent, seq DESC, id) matches the include's order (seq
 * DESC, then the id) key for key, so a per-parent window reads it in order and stops.
 */
@MappedSuperclass
public abstract class CostEvent extends StringIdEntity {
    @Column(nullable = false, length = 16)
    public String parentId;

    /** Not null: a nullable sort key would make MariaDB sort by an extra "is null" key, which no index serves. */
    @Column(nullable = false)
    public Integer seq;
}
