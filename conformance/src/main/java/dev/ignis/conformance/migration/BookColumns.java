package dev.ignis.conformance.migration;

import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** The columns of the {@code mig_book} table: {@code title} from V1, {@code pages} from V2. */
@MappedSuperclass
public abstract class BookColumns extends StringIdEntity {
    @Column(length = 200)
    protected String title;

    protected Integer pages;

    public String getTitle() {
        return title;
    }

    public Integer getPages() {
        return pages;
    }
}
