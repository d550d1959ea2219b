package dev.ignis.conformance.migration;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A model whose table the migrations build: {@code title} by V1, {@code pages} by V2. */
@Model
@Entity
@Table(name = "mig_book")
public class MigBook extends StringIdEntity {
    @Column(length = 200)
    private String title;

    private Integer pages;

    public MigBook() {
    }

    public MigBook(String title, Integer pages) {
        this.title = title;
        this.pages = pages;
    }

    public String getTitle() {
        return title;
    }

    public Integer getPages() {
        return pages;
    }
}
