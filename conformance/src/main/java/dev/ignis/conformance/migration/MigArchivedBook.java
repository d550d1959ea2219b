package dev.ignis.conformance.migration;

import dev.ignis.api.model.Model;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The same table as {@link MigBook}, owned by a second datasource in a schema of its own (a model has one owner). */
@Model
@Entity
@Table(name = "mig_book")
public class MigArchivedBook extends BookColumns {
}
