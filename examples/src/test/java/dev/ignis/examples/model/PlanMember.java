package dev.ignis.examples.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.Many;
import dev.ignis.api.relation.One;
import dev.ignis.api.relation.Through;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;

/** A member (PostgreSQL): a parent and an org on the same database, tags and settings on the others. */
@Model
@Entity
@Table(name = "PlanMember")
public class PlanMember extends StringIdEntity {
    public String name;
    public String status;
    public String parentId;
    public String orgId;

    @One(fields = "parentId")
    public PlanMember parent;

    @One(fields = "orgId")
    public PlanOrg org;

    @Many(fields = "ownerId")
    public List<PlanSetting> settings;

    /** Junction and tags together on H2. */
    @Many(through = @Through(model = PlanMemberTag.class, sourceFields = "memberId", targetFields = "tagId"))
    public List<PlanTag> tags;

    public PlanMember() {
    }

    public PlanMember(String id) {
        this.id = id;
    }
}
