package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.One;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A row of the job-queue pattern: workers claim NEW jobs with a row lock and mark them DONE. */
@Model
@Entity
@Table(name = "cf_job", indexes = @Index(name = "cf_job_status_seq", columnList = "status, seq"))
public class Job extends StringIdEntity {
    @Column(nullable = false, length = 16)
    private String status;

    @Column(length = 64)
    private String worker;

    private Integer seq;

    @Column(length = 64)
    private String itemId;

    @One(fields = "itemId")
    private Item item;

    public Job() {
    }

    public Job(String id, int seq, String itemId) {
        this.id = id;
        this.seq = seq;
        this.status = "NEW";
        this.itemId = itemId;
    }

    public String getStatus() {
        return status;
    }

    public String getWorker() {
        return worker;
    }

    public Integer getSeq() {
        return seq;
    }

    public String getItemId() {
        return itemId;
    }

    public Item getItem() {
        return item;
    }
}
