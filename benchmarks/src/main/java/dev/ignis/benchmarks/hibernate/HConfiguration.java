package dev.ignis.benchmarks.hibernate;

import dev.ignis.api.model.TzColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * The plain-Hibernate contender's view of the same {@code Configuration} table: what a Java user would write,
 * with {@code @ManyToOne} associations over {@code created_by}/{@code modified_by}, fetched with {@code join fetch}.
 */
@Entity(name = "HConfiguration")
@Table(name = "Configuration")
public class HConfiguration {
    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Embedded
    private TzColumns tz;

    @Column(name = "code", nullable = false, unique = true)
    private String code;

    @Column(name = "group")
    private String group;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by")
    private HUser creator;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "modified_by")
    private HUser modifier;

    public String getId() {
        return id;
    }

    public TzColumns getTz() {
        return tz;
    }

    public String getCode() {
        return code;
    }

    public String getGroup() {
        return group;
    }

    public HUser getCreator() {
        return creator;
    }

    public HUser getModifier() {
        return modifier;
    }
}
