package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.relation.Many;
import dev.ignis.api.relation.One;
import dev.ignis.api.relation.Through;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;

/** The scope suite's root model (main datasource): a tenant's row, soft-deletable, with an include of every strategy. */
@Model(softDelete = true, tenant = "tenantId")
@Entity
@Table(name = "cf_sc_project")
public class ScProject extends ScSoftDeleted {
    @Column(length = 100)
    private String name;

    private Integer rank;

    @Column(length = 64)
    private String parentId;

    @Column(length = 64)
    private String ownerId;

    @Column(length = 64)
    private String categoryId;

    @One(fields = "parentId")
    private ScProject parent;

    @Many(fields = "parentId")
    private List<ScProject> children;

    @Many(through = @Through(model = ScProjectTag.class, sourceFields = "projectId", targetFields = "tagId"))
    private List<ScTag> tags;

    @One(fields = "ownerId")
    private ScOwner owner;

    @Many(fields = "projectId")
    private List<ScNote> notes;

    @Many(through = @Through(model = ScWatch.class, sourceFields = "projectId", targetFields = "ownerId"))
    private List<ScOwner> watchers;

    @One(fields = "categoryId")
    private ScCategory category;

    public ScProject() {
    }

    public ScProject(String id, String tenantId, String name, Integer rank, String parentId, String ownerId, String categoryId) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.rank = rank;
        this.parentId = parentId;
        this.ownerId = ownerId;
        this.categoryId = categoryId;
    }

    public String getName() {
        return name;
    }

    public Integer getRank() {
        return rank;
    }

    public String getParentId() {
        return parentId;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getCategoryId() {
        return categoryId;
    }

    public ScProject getParent() {
        return parent;
    }

    public List<ScProject> getChildren() {
        return children;
    }

    public List<ScTag> getTags() {
        return tags;
    }

    public ScOwner getOwner() {
        return owner;
    }

    public List<ScNote> getNotes() {
        return notes;
    }

    public List<ScOwner> getWatchers() {
        return watchers;
    }

    public ScCategory getCategory() {
        return category;
    }
}
