package dev.ignis.conformance.migration;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The same table as {@link MigBook}, owned by a second datasource in a schema of its own (a model has one owner). */
@Model
@Entity
@Table(name = "mig_book")
public class MigArchivedBook extends StringIdEntity {
    @Column(length = 200)
    private String title;

    private Integer pages;

    public String getTitle() {
        return title;
    }

    public Integer getPages() {
        return pages;
    }
}
