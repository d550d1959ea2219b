package dev.ignis.benchmarks.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.model.TzColumns;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A filler model for the boot scenario (3 datasources, 6 models): an id, timestamps and a few columns. */
@Model
@Entity
@Table(name = "BenchComment")
public class Comment extends StringIdEntity {
    @Embedded
    private TzColumns tz = new TzColumns();

    private String name;

    private String status;

    private Integer rank;

    private String ownerId;
}
