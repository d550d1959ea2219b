package dev.ignis.conformance.migration;

import dev.ignis.api.model.Model;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A model whose table the migrations build. */
@Model
@Entity
@Table(name = "mig_book")
public class MigBook extends BookColumns {
    public MigBook() {
    }

    public MigBook(String title, Integer pages) {
        this.title = title;
        this.pages = pages;
    }
}
