package dev.ignis.examples.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.Many;
import dev.ignis.api.relation.One;
import dev.ignis.api.relation.Through;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;

/** A setting (MariaDB), owned by a member; its junction to tags is on MariaDB, the tags on H2. */
@Model
@Entity
@Table(name = "PlanSetting")
public class PlanSetting extends StringIdEntity {
    public String code;
    public String ownerId;

    @One(fields = "ownerId")
    public PlanMember owner;

    @Many(through = @Through(model = PlanSettingTag.class, sourceFields = "settingId", targetFields = "tagId"))
    public List<PlanTag> tags;

    public PlanSetting() {
    }

    public PlanSetting(String id) {
        this.id = id;
    }
}
